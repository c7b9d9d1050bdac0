import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, runReactor } from '../../packages/engine/src/index.js';
import { tallyCommands, tallyReactor } from '../../packages/engine/src/fixtures/tallyReactor.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { tempDir } from '../support/cliFixtures.js';
import { runCli } from '../support/runCli.js';

const tmp = tempDir('cli-reactors');
const db = tmp.path('reactors.db');
const at = '2026-03-01T10:00:00+01:00';

afterAll(() => tmp.remove());

describe('strive reactors', () => {
  it('lists parked reactions, marks them for retry, and refuses an event that is not parked', async () => {
    const store = createSqliteEventStore({ path: db });
    const engine = createEngine({ store, commands: tallyCommands });
    const actor = { id: 'ann', role: 'clerk' };
    for (const [i, tally] of ['main', 'poison', 'poison'].entries())
      await engine.handle({ type: 'Note', id: `n${i}`, at, actor, noteId: String(i), tally });
    const runner = runReactor({
      engine,
      store,
      reactor: tallyReactor,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    await runner.waitFor(3);
    await runner.stop();
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
