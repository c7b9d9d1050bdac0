import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createCampaignEngine } from '@strive/campaign';
import { createMemoryEventStore, type StoredEvent } from '@strive/eventlog';
import { ensureEventStream } from '@strive/nats';
import { describeWithServer } from '@strive/eventlog/testing';
import { expect, it } from 'vitest';
import {
  foldNoticeboard,
  formatNoticeboard,
  NOTICE_TYPES,
  publishNotices,
  readNoticeboard,
} from './noticeboard.js';

const commands = new URL('../../data/zhengzhou-2010.commands.jsonl', import.meta.url);

describeWithServer(
  'the public noticeboard over NATS JetStream',
  { url: 'STRIVE_NATS_URL', require: 'STRIVE_REQUIRE_NATS' },
  (url) => {
    it('prints, from NATS alone, the notices, objections and commendations of the example campaign', async () => {
      const store = createMemoryEventStore();
      const engine = createCampaignEngine(store);
      for (const line of readFileSync(commands, 'utf8').split('\n'))
        if (line.trim() !== '') await engine.handle(JSON.parse(line));
      const nc = await connect({ servers: url });
      const hex = randomBytes(6).toString('hex');
      const stream = `NOTICEBOARD_${hex}`;
      const prefix = `notices${hex}`;
      const jsm = await jetstreamManager(nc);
      try {
        await ensureEventStream(jsm, {
          name: stream,
          subjects: [`${prefix}.>`],
          storage: 'memory',
        });
        const relay = publishNotices(store, jetstream(nc), prefix);
        await relay.waitFor((await store.head()).globalPosition);
        await relay.stop();
        const published = (await jsm.streams.info(stream)).state.messages;
        const { board, forged } = await readNoticeboard(jetstream(nc), stream, published);
        console.log(`noticeboard from ${published} NATS messages:\n${formatNoticeboard(board)}`);

        const fromLog: StoredEvent[] = [];
        for await (const e of store.readAll()) if (NOTICE_TYPES.includes(e.type)) fromLog.push(e);
        expect(published).toBe(fromLog.length);
        expect(forged).toBe(0);
        expect(board).toEqual(foldNoticeboard(fromLog));
        expect(board.length).toBeGreaterThan(0);
        expect(board.some((n) => n.commended)).toBe(true);
        expect(board.some((n) => n.objections.length > 0)).toBe(true);
      } finally {
        await jsm.streams.delete(stream).catch(() => undefined);
        await nc.close();
      }
    });
  },
);
