import { statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_THREAD_BYTES } from '../../packages/cli/src/commands/replay.js';
import { oneErrorLine, tempDir } from '../support/cliFixtures.js';
import { runCli } from '../support/runCli.js';

// `strive replay` of an exported log big enough for its hash chain to be checked in a second thread
// (a generated campaign of ~7,400 events, over SECOND_THREAD_BYTES): the same report as the store's
// own fold, and every fault the one-thread check finds (an edited event, a gap, a line that is not an
// event) found here too, with no report printed. Standard input always takes the second thread.

const GENERATE = ['--orgs', '50', '--members-per-org', '5', '--evaluators', '20', '--seed', '11'];
const tmp = tempDir('replay-large');
const db = tmp.path('large.db');
const file = tmp.path('large.log.jsonl');
let lines: string[] = [];

const variant = (name: string, edit: (ls: string[]) => string[]): string => {
  const path = tmp.path(name);
  writeFileSync(path, `${edit([...lines]).join('\n')}\n`);
  return path;
};

beforeAll(async () => {
  const generated = await runCli(['generate', ...GENERATE]);
  expect(generated.code, generated.stderr).toBe(0);
  const commands = tmp.path('large.commands.jsonl');
  writeFileSync(commands, generated.stdout);
  expect((await runCli(['run', commands, '--db', db])).code).toBe(0);
  const exported = await runCli(['export', '--db', db]);
  expect(exported.code, exported.stderr).toBe(0);
  writeFileSync(file, exported.stdout);
  lines = exported.stdout.trim().split('\n');
}, 240_000);

afterAll(() => tmp.remove());

describe('strive replay of a log checked in a second thread', () => {
  it('is over the size that takes the second thread, and gives the report the store folds', async () => {
    expect(statSync(file).size).toBeGreaterThanOrEqual(SECOND_THREAD_BYTES);
    const [fromFile, fromStore] = await Promise.all([
      runCli(['replay', file, '--json']),
      runCli(['replay', '--db', db, '--json']),
    ]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toBe(fromStore.stdout);
    console.log(
      `replay (second thread): ${lines.length} events, ${statSync(file).size} bytes, same report as the store's`,
    );
  });

  it('fails on an edited event deep in the log, naming its position, and prints no report', async () => {
    const at = lines.length - 1000;
    const edited = variant('edited.jsonl', (ls) => {
      ls[at - 1] = (ls[at - 1] ?? '').replace(/"at":"(\d{4})-/, '"at":"1999-');
      return ls;
    });
    const r = await runCli(['replay', edited, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toMatch(
      new RegExp(`chain broken at global position ${at} \\(stream .*\\): content does not match`),
    );
  });

  it('fails on a gap, and on a line that is not an event (naming the line)', async () => {
    const gap = variant('gap.jsonl', (ls) => [...ls.slice(0, 3000), ...ls.slice(3001)]);
    const junk = variant('junk.jsonl', (ls) => {
      ls[5999] = '{"hello":1}';
      return ls;
    });
    const [g, j] = await Promise.all([
      runCli(['replay', gap, '--json']),
      runCli(['replay', junk, '--json']),
    ]);
    expect(g.code).toBe(1);
    expect(g.stdout).toBe('');
    expect(oneErrorLine(g)).toMatch(
      /chain broken at global position 3002 .*where 3001 was expected/,
    );
    expect(j.code).toBe(1);
    expect(j.stdout).toBe('');
    expect(oneErrorLine(j)).toMatch(/junk\.jsonl:6000: not an event envelope/);
  });

  it('stops at --until as the prefix of the log does, read from standard input', async () => {
    const prefix = `${lines.slice(0, 3000).join('\n')}\n`;
    const [until, piped] = await Promise.all([
      runCli(['replay', file, '--until', '3000', '--json']),
      runCli(['replay', '-', '--json'], { input: prefix }),
    ]);
    expect(until.code, until.stderr).toBe(0);
    expect(piped.code, piped.stderr).toBe(0);
    expect(until.stdout).toBe(piped.stdout);
    const editedPipe = await runCli(['replay', '-', '--json'], {
      input: prefix.replace(/"at":"(\d{4})-/, '"at":"1999-'),
    });
    expect(editedPipe.code).toBe(1);
    expect(oneErrorLine(editedPipe)).toMatch(/chain broken at global position 1 /);
  });
});
