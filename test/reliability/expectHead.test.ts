import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GENESIS_HASH, StoredEventCodec } from '../../packages/eventlog/src/index.js';
import { computeEventHash } from '../../packages/eventlog/src/adapter.js';
import { EXAMPLE_COMMANDS } from '../support/cliFixtures.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { fileHash, storeFiles } from './support/storeFiles.js';

assertBuilt();
const dir = tempDir();
const db = dir.file('zz.db');
let head = '';
let exported = '';
afterAll(() => dir.remove());
beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
  const v = await runCli(['verify', '--db', db, '--json']);
  head = String(Reflect.get(Object(JSON.parse(v.stdout)), 'headHash'));
  exported = (await runCli(['export', '--db', db])).stdout;
}, 60_000);

it('verify --expect-head passes on the head it printed and fails with exit 1 on another', async () => {
  const before = fileHash(db);
  const ok = await runCli(['verify', '--db', db, '--expect-head', head]);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain(`head is the expected ${head.slice(0, 12)}…`);
  const other = await runCli(['verify', '--db', db, '--expect-head', 'f'.repeat(64)]);
  expect(other.code).toBe(1);
  expect(other.stderr).toMatch(
    /the log does not hold the expected head f{64} \(its 220 events end elsewhere: truncated, re-chained or another log\)/,
  );
  const malformed = await runCli(['verify', '--db', db, '--expect-head', 'abc']);
  expect(malformed.code).toBe(2);
  expect(fileHash(db)).toBe(before);
  console.log(
    `verify --expect-head: the printed head exit ${ok.code}, another head exit ${other.code}, a malformed one exit ${malformed.code}; store hash unchanged`,
  );
}, 60_000);

it('import --expect-head refuses a truncated or re-chained log, importing nothing and leaving no file', async () => {
  const lines = exported.trim().split('\n');
  const truncated = dir.file('truncated.jsonl');
  writeFileSync(truncated, `${lines.slice(0, lines.length - 3).join('\n')}\n`);
  const whole = dir.file('whole.jsonl');
  writeFileSync(whole, exported);
  // A re-chained log: a subject renamed, then the whole chain recomputed, so every hash is valid.
  let prev = GENESIS_HASH;
  const rechained = dir.file('rechained.jsonl');
  const events = lines.map((l) => {
    const decoded = StoredEventCodec.decode(JSON.parse(l.replace('Jianshe Road', 'Forged Road')));
    if (decoded._tag === 'Left') throw new Error('the export does not decode');
    const { hash: _old, ...rest } = { ...decoded.right, prevHash: prev };
    prev = computeEventHash(rest);
    return JSON.stringify({ ...rest, hash: prev });
  });
  writeFileSync(rechained, `${events.join('\n')}\n`);
  const results = [];
  for (const [name, file] of [
    ['truncated', truncated],
    ['re-chained', rechained],
  ] as const) {
    const target = dir.file(`${name.replace('-', '')}.db`);
    const r = await runCli(['import', file, '--db', target, '--expect-head', head]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`does not hold the expected head ${head}`));
    expect(storeFiles(target)).toEqual([]);
    results.push(`${name} exit ${r.code}, no file`);
  }
  const target = dir.file('whole.db');
  const r = await runCli(['import', whole, '--db', target, '--expect-head', head]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(
    `imported ${lines.length} events; head is the expected ${head.slice(0, 12)}…\n`,
  );
  console.log(
    `import --expect-head: ${results.join('; ')}; the whole log exit ${r.code}: ${r.stdout.trim()}`,
  );
}, 60_000);
