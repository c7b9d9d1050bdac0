import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogChainCheck } from '../../packages/cli/src/createLogChainCheck.js';
import { openLogBatches } from '../../packages/cli/src/readLogBatches.js';
import { startLineHashThread } from '../../packages/cli/src/startLineHashThread.js';
import { stampNow } from '../../packages/cli/src/LogFile.js';
import { oneErrorLine, tempDir } from '../support/cliFixtures.js';
import { asRecord } from '../support/exampleExpectations.js';
import { ROOT, runCli } from '../support/runCli.js';

// `strive replay` of a log of 4 MiB or more checks the lines' hashes in a second thread
// (createLogChainCheck): the same outcomes as checking in order, on a generated log of about 6 MB.

const tmp = tempDir('cli-replay-thread');
const db = tmp.path('big.db');
const WORKER = new URL(`file://${ROOT}/packages/cli/dist/bundle/lineHashWorker.js`);
let lines: string[] = [];
let fromStore = '';

/** Writes `edited` (a copy of the log's lines) to a file of its own and returns the file. */
const logFile = (name: string, edited: readonly string[]): string => {
  const file = tmp.path(name);
  writeFileSync(file, `${edited.join('\n')}\n`);
  return file;
};

/** The log with line `n` (from 1) changed by `edit`. */
const editLine = (from: readonly string[], n: number, edit: (line: string) => string): string[] =>
  from.map((l, i) => (i === n - 1 ? edit(l) : l));

/** Content changed, hash kept: the line still fits its event, its hash does not hold. */
const changeContent = (line: string): string => line.replace(/"at":"(\d{4})-/, '"at":"2099-');

/** prevHash changed (and so the hash): a broken link, which this thread sees. */
const changePrevHash = (line: string): string =>
  line.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${'0'.repeat(64)}"`);

const brokenAt = (position: number, reason: RegExp): RegExp =>
  new RegExp(`chain broken at global position ${position} \\(stream .*\\): ${reason.source}`);

beforeAll(async () => {
  const generated = await runCli(['generate', '--orgs', '48', '--members-per-org', '10']);
  expect(generated.code, generated.stderr).toBe(0);
  const commands = tmp.path('big.commands.jsonl');
  writeFileSync(commands, generated.stdout);
  const run = await runCli(['run', commands, '--db', db]);
  expect(run.code, run.stderr).toBe(0);
  const exported = await runCli(['export', '--db', db]);
  lines = exported.stdout.trim().split('\n');
  fromStore = (await runCli(['replay', '--db', db, '--json'])).stdout;
}, 180_000);
afterAll(() => tmp.remove());

describe('strive replay of a long log (hashes checked in a second thread)', () => {
  it('is a log of more than 4 MiB, replayed as from the store', async () => {
    const file = logFile('clean.jsonl', lines);
    expect(lines.join('\n').length).toBeGreaterThan(4 * 1024 * 1024 + 1_000_000);
    const r = await runCli(['replay', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fromStore));
  });

  it('names the first bad event, whichever thread saw it', async () => {
    const n = lines.length;
    const late = logFile('late.jsonl', editLine(lines, n - 10, changeContent));
    const hashFirst = logFile(
      'hash-first.jsonl',
      editLine(editLine(lines, n - 200, changeContent), n - 100, changePrevHash),
    );
    const linkFirst = logFile(
      'link-first.jsonl',
      editLine(editLine(lines, n - 200, changePrevHash), n - 100, changeContent),
    );
    const [a, b, c] = await Promise.all([
      runCli(['replay', late, '--json']),
      runCli(['replay', hashFirst, '--json']),
      runCli(['replay', linkFirst, '--json']),
    ]);
    for (const r of [a, b, c]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
    }
    expect(oneErrorLine(a)).toMatch(brokenAt(n - 10, /content does not match its hash/));
    expect(oneErrorLine(b)).toMatch(brokenAt(n - 200, /content does not match its hash/));
    expect(oneErrorLine(c)).toMatch(brokenAt(n - 200, /prevHash does not match/));
  });

  it('checks here a line that is not its exported text, even resealed over its own text', async () => {
    const n = lines.length - 50;
    // eventId first (another key order), and the hash recomputed over the line's own text.
    const { hash: _hash, eventId, ...rest } = asRecord(JSON.parse(lines[n - 1]!));
    const text = JSON.stringify({ eventId, ...rest });
    const resealed = `${text.slice(0, -1)},"hash":"${createHash('sha256').update(text).digest('hex')}"}`;
    const r = await runCli([
      'replay',
      logFile(
        'resealed.jsonl',
        editLine(lines, n, () => resealed),
      ),
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(oneErrorLine(r)).toMatch(brokenAt(n, /content does not match its hash/));
  });

  it('stops at --until before a later bad event, and reads the earlier key order alike', async () => {
    const n = lines.length;
    // The bad event right after the last one replayed, which the thread reads too.
    const u = n - 300;
    const edited = logFile('until.jsonl', editLine(lines, u + 1, changeContent));
    const ORDER = ['eventId', 'streamId', 'streamPosition', 'globalPosition', 'type'];
    const rest = ['schemaVersion', 'data', 'metadata', 'prevHash', 'hash'];
    const earlier = lines.map((l) => {
      const e = asRecord(JSON.parse(l));
      return JSON.stringify(Object.fromEntries([...ORDER, ...rest].map((k) => [k, e[k]])));
    });
    const [until, fromDb, old, oldEdited] = await Promise.all([
      runCli(['replay', edited, '--until', String(u), '--json']),
      runCli(['replay', '--db', db, '--until', String(u), '--json']),
      runCli(['replay', logFile('earlier.jsonl', earlier), '--json']),
      runCli([
        'replay',
        logFile('earlier-edited.jsonl', editLine(earlier, n - 10, changeContent)),
        '--json',
      ]),
    ]);
    expect(until.code, until.stderr).toBe(0);
    expect(JSON.parse(until.stdout)).toEqual(JSON.parse(fromDb.stdout));
    expect(old.code, old.stderr).toBe(0);
    expect(JSON.parse(old.stdout)).toEqual(JSON.parse(fromStore));
    expect(oneErrorLine(oldEdited)).toMatch(brokenAt(n - 10, /content does not match its hash/));
  });
});

describe('the hash-checking thread', () => {
  it('reads the file on its own and answers the lines whose hash does not hold, and no other', async () => {
    const where = (line: string, n: number) => {
      const e = asRecord(JSON.parse(line));
      return {
        line: n,
        globalPosition: e['globalPosition'],
        streamId: e['streamId'],
        streamPosition: e['streamPosition'],
      };
    };
    const e = asRecord(JSON.parse(lines[2]!));
    const earlierOrder = JSON.stringify({ eventId: e['eventId'], ...e });
    const file = tmp.path('thread.jsonl');
    // The last line has no newline after it.
    const text = [
      lines[0],
      changeContent(lines[1]!),
      earlierOrder,
      '',
      lines[3],
      changeContent(lines[4]!),
    ];
    writeFileSync(file, text.join('\n'));
    const answer = await startLineHashThread(file, WORKER).settle();
    expect(answer.failures).toEqual([where(lines[1]!, 2), where(lines[4]!, 6)]);
    expect(answer.before).toBe(await stampNow(file));
    expect(answer.after).toBe(answer.before);
  });

  it('leaves the hashes to the thread, whose finding the chain check reports', async () => {
    const n = lines.length - 10;
    const file = logFile('direct.jsonl', editLine(lines, n, changeContent));
    const batches = await openLogBatches(file, process.stdin);
    const chain = createLogChainCheck(batches.file, { threadBytes: 0, worker: WORKER });
    expect(chain.threaded).toBe(true);
    let broken;
    read: for await (const batch of batches) {
      for (let i = 0; i < batch.events.length; i++) {
        broken = chain.check(batch.events[i]!, batch.lines[i]);
        if (broken !== undefined) break read;
      }
    }
    expect(broken).toBeUndefined();
    expect(await chain.settle()).toMatchObject({
      globalPosition: n,
      reason: 'content does not match its hash',
    });
  });

  it('refuses a file changed while it was read', async () => {
    const file = logFile('changed.jsonl', lines.slice(0, 100));
    const batches = await openLogBatches(file, process.stdin);
    const stale = { ...batches.file!, stamp: `${batches.file!.stamp}-before` };
    const chain = createLogChainCheck(stale, { threadBytes: 0, worker: WORKER });
    await expect(chain.settle()).rejects.toThrow(/changed while replay read it/);
    // Without a thread there is no second reading to compare.
    expect(await createLogChainCheck(stale).settle()).toBeUndefined();
  });
});
