import { appendToStream } from '@strive/eventlog';
import { afterAll, describe, expect, it } from 'vitest';
import { reactionCommandId, reactorProjectionName } from '../../packages/engine/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { tempDir } from '../support/cliFixtures.js';
import { runCli } from '../support/runCli.js';

const tmp = tempDir('cli-reactors');
const db = tmp.path('reactors.db');
const at = '2026-03-01T10:00:00+01:00';

afterAll(() => tmp.remove());

describe('strive reactors', () => {
  it('lists parked reactions, marks them for retry, and refuses an event that is not parked', async () => {
    // Two reactions parked as `runReactor` parks them (packages/engine/src/runReactor.test.ts runs it).
    const store = createSqliteEventStore({ path: db });
    const parked = [];
    for (const i of [0, 1, 2]) {
      const r = await appendToStream(
        store,
        `note-${i}`,
        [{ type: 'Noted', data: { tally: i === 0 ? 'main' : 'poison' }, metadata: { at } }],
        { expectedVersion: 'no-stream' },
      );
      if (r._tag === 'Left') throw new Error('append');
      const e = r.right.events[0];
      if (e === undefined || i === 0) continue;
      parked.push({
        key: e.eventId,
        value: {
          reactor: 'tally',
          eventId: e.eventId,
          eventType: e.type,
          streamId: e.streamId,
          globalPosition: e.globalPosition,
          commandIndex: 0,
          commandId: reactionCommandId('tally', e.eventId, 0),
          attempts: 2,
          reason: { kind: 'Rejected', message: 'poison tallies are refused' },
        },
      });
    }
    const committed = await store.commitProjection({
      projection: reactorProjectionName({ name: 'tally' }),
      expectedCheckpoint: 0,
      checkpoint: 3,
      upserts: parked,
      deletes: [],
    });
    expect(committed._tag).toBe('Right');
    await store.close();

    const listed = await runCli(['reactors', 'tally', '--db', db]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n').map((l) => l.trimEnd())).toEqual([
      'position  event  stream  attempts  retry  reason',
      '2         Noted  note-1  2         -      Rejected: poison tallies are refused',
      '3         Noted  note-2  2         -      Rejected: poison tallies are refused',
      '',
    ]);
    const json = await runCli(['reactors', 'tally', '--db', db, '--json']);
    const parsed: unknown = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({
      reactor: 'tally',
      parked: [{ streamId: 'note-1' }, { streamId: 'note-2' }],
    });

    const retry = await runCli(['reactors', 'tally', '--db', db, '--retry', 'all']);
    expect([retry.code, retry.stdout]).toEqual([
      0,
      'retry requested for 2 parked reaction(s) of tally; its running reactor retries them when idle\n',
    ]);
    const after = await runCli(['reactors', 'tally', '--db', db]);
    expect(after.stdout).toContain('requested');
    const none = await runCli(['reactors', 'tally', '--db', db, '--retry', 'no-such-event']);
    expect([none.code, none.stderr.trim()]).toEqual([
      1,
      'strive: reactor tally has no parked reaction for event no-such-event',
    ]);
    const empty = await runCli(['reactors', 'nobody', '--db', db]);
    expect([empty.code, empty.stdout]).toEqual([0, 'reactor nobody: no parked reaction\n']);
  });
});
