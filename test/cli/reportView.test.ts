import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_COMMANDS,
  openRawSqlite,
  tempDir,
  withoutIntegrity,
} from '../support/cliFixtures.js';
import { runCli, type CliRun } from '../support/runCli.js';

// `strive report` reads a stored report view that `run` (or the first report after the log moved)
// writes: what it prints must not depend on whether the view was there, old, or missing.

const VIEW = 'campaign-report@v1';
const tmp = tempDir('cli-report-view');
const lines = readFileSync(EXAMPLE_COMMANDS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const half = `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`;
const rest = `${lines.slice(Math.floor(lines.length / 2)).join('\n')}\n`;

const viewRows = (db: string): number => {
  const raw = openRawSqlite(db);
  try {
    const row = raw
      .prepare('SELECT count(*) AS n FROM projection_documents WHERE projection = ?')
      .get(VIEW);
    return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : -1;
  } finally {
    raw.close();
  }
};

/** Removes the view, as in a store written by a strive that had none. */
const dropView = (db: string): void => {
  const raw = openRawSqlite(db);
  try {
    raw.prepare('DELETE FROM projection_documents WHERE projection = ?').run(VIEW);
    raw.prepare('DELETE FROM projection_checkpoints WHERE projection = ?').run(VIEW);
  } finally {
    raw.close();
  }
};

const both = async (db: string): Promise<[CliRun, CliRun]> => [
  await runCli(['report', '--db', db]),
  await runCli(['report', '--db', db, '--json']),
];

let whole: [CliRun, CliRun];
const db = tmp.path('whole.db');

beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
  whole = await both(db);
});
afterAll(() => tmp.remove());

describe('strive report and its stored view', () => {
  it('is written by run, and report prints the same whether the view was there or not, writing nothing', async () => {
    expect(whole[0].code).toBe(0);
    expect(whole[1].code).toBe(0);
    expect(viewRows(db)).toBe(2);
    dropView(db);
    expect(viewRows(db)).toBe(0);
    const rebuilt = await both(db);
    // report only reads: without the view it folds the log, and says so in its integrity line.
    expect(viewRows(db)).toBe(0);
    expect(withoutIntegrity(rebuilt[0].stdout)).toBe(withoutIntegrity(whole[0].stdout));
    expect(rebuilt[0].stdout).toMatch(/\nIntegrity: folded from the log's \d+ events/);
    expect(rebuilt[1].stdout).toBe(whole[1].stdout);
    // The next write (an empty run) stores the view again.
    await runCli(['run', '-', '--db', db], { input: '' });
    expect(viewRows(db)).toBe(2);
    expect(await both(db)).toEqual(whole);
  });

  it('follows the log: a report between two runs, then the report of the whole campaign', async () => {
    const split = tmp.path('split.db');
    await runCli(['run', '-', '--db', split], { input: half });
    const early = await both(split);
    expect(early[0].stdout).not.toBe(whole[0].stdout);
    await runCli(['run', '-', '--db', split], { input: rest });
    const late = await both(split);
    expect(late[0].stdout).toBe(whole[0].stdout);
    expect(late[1].stdout).toBe(whole[1].stdout);
  });

  it('agrees with replay of the same store (a full fold of the events)', async () => {
    const [human, json] = await Promise.all([
      runCli(['replay', '--db', db]),
      runCli(['replay', '--db', db, '--json']),
    ]);
    expect(human.stdout).toBe(withoutIntegrity(whole[0].stdout));
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(whole[1].stdout));
  });
});
