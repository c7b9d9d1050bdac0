import { appendToStream } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import type { StoredEvent } from '../../packages/eventlog/src/index.js';
import { consumeEvents, ensureEventStream } from '../../packages/nats/src/index.js';
import { describeNats, freshStream } from '../../packages/nats/src/natsTestEnv.js';
import { spawnLeasedWorker, killLeasedWorkers } from './support/leasedWorkers.js';
import { envCount } from './support/envCount.js';
import { assertBuilt, child } from './support/paths.js';
import { describePg } from './support/pgEnv.js';
import { intIn, prng, seedOf } from './support/prng.js';

// Scaled to fit CI; issue #24's size: STRIVE_REL_KILL_EVENTS=10000 STRIVE_REL_KILLS=20.
const EVENTS = envCount('STRIVE_REL_KILL_EVENTS', 3000);
const KILLS = envCount('STRIVE_REL_KILLS', 12);
const at = '2026-03-01T10:00:00+01:00';
const TYPES = ['NoticeStarted', 'ObjectionFiled', 'ObjectionResolved', 'Commended'];

describeNats('NATS relay killed with kill -9 during a run', (nats) => {
  describePg('on PostgreSQL, leased relays', (pg) => {
    it(
      `stores each of ${EVENTS} events exactly once in JetStream, in log order, across ${KILLS} SIGKILLs`,
      async () => {
        assertBuilt();
        const seed = seedOf(4222);
        const random = prng(seed);
        const store = pg.store();
        await store.ready();
        const { name, prefix } = freshStream();
        nats.track(name);
        await ensureEventStream(nats.jsm(), { name, subjects: [`${prefix}.>`] });
        const tokens = new Set<number>();
        let duplicates = 0;
        const start = (target?: number) =>
          spawnLeasedWorker(
            child('natsRelay.js'),
            [
              pg.url(),
              store.schema,
              `r${tokens.size}-${intIn(random, 0, 1e9)}`,
              nats.url(),
              prefix,
            ].concat(target === undefined ? [] : [String(target)]),
            tokens,
            (words) => (duplicates += Number(words[2])),
          );
        // The run: batches of 1-20 events over 30 subjects, appended while relays come and go.
        let appended = 0;
        const appending = (async () => {
          while (appended < EVENTS) {
            const n = Math.min(EVENTS - appended, intIn(random, 1, 20));
            const k = appended;
            const r = await appendToStream(
              store,
              `subject-${k % 30}`,
              Array.from({ length: n }, (_, i) => ({
                type: TYPES[(k + i) % 4] ?? 'Commended',
                data: { n: k + i },
                metadata: { at },
              })),
              { expectedVersion: 'any' },
            );
            if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
            appended += n;
            await new Promise((res) => setTimeout(res, intIn(random, 0, 15)));
          }
        })();
        appending.catch(() => undefined); // awaited below
        const { killed, ownersKilled } = await killLeasedWorkers(() => start(), KILLS, random);
        await appending;
        const drain = start(EVENTS);
        expect(await drain.exited, drain.stderr()).toBe(0);

        const info = await nats.jsm().streams.info(name);
        const read: StoredEvent[] = [];
        let forged = 0;
        for await (const m of consumeEvents({ js: nats.js(), stream: name, chain: true })) {
          if (E.isRight(m.event)) read.push(m.event.right);
          else forged += 1;
          if (read.length + forged >= info.state.messages) break;
        }
        const ids = new Set(read.map((e) => e.eventId));
        console.log(
          `NATS relay kill -9 (seed ${seed}): ${EVENTS} events, ${killed} relays SIGKILLed ` +
            `(${ownersKilled} while owning), ${tokens.size} lease tokens, ${duplicates} republished ` +
            `events dropped by JetStream as duplicates, ${info.state.messages} messages in the stream, ` +
            `${read.length - ids.size} twice, ${forged} breaking the chain`,
        );
        expect(info.state.messages).toBe(EVENTS);
        expect(forged).toBe(0); // chain: true, so every event in global order, each once
        expect(read.map((e) => e.globalPosition)).toEqual(
          Array.from({ length: EVENTS }, (_, i) => i + 1),
        );
        expect(ownersKilled).toBeGreaterThan(0);
        expect(tokens.size).toBeGreaterThan(1);
      },
      180_000 + EVENTS * 30,
    );
  });
});
