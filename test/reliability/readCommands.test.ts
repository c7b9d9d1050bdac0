import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS } from '../support/cliFixtures.js';
import { assertBuilt, CLI, runCli, tempDir } from './support/paths.js';
import { openRawSqlite } from './support/rawSqlite.js';
import { fileHash, storeFiles } from './support/storeFiles.js';

assertBuilt();
const dir = tempDir();
const store = dir.file('zz.db');
afterAll(() => dir.remove());
beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', store]);
}, 60_000);

/** Every read command of cli.md against one --db target. */
const reads = (db: string): string[][] => [
  ['verify', '--db', db],
  ['report', '--db', db],
  ['report', '--db', db, '--json'],
  ['export', '--db', db],
  ['timeline', 'campaign-zz2010', '--db', db],
  ['replay', '--db', db],
];

/** Another application's SQLite file, in its own journal mode, with the given tables. */
const foreign = (name: string, sql: string): string => {
  const path = dir.file(name);
  const raw = openRawSqlite(path);
  raw.exec(sql);
  raw.close();
  return path;
};

const journalMode = (path: string): string => {
  const raw = openRawSqlite(path);
  try {
    return String(Reflect.get(Object(raw.prepare('PRAGMA journal_mode').get()), 'journal_mode'));
  } finally {
    raw.close();
  }
};

it("refuses another application's file untouched: bytes, journal mode and no file beside it", async () => {
  const users = foreign(
    'users.db',
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ann')",
  );
  const events = foreign('events.db', 'CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)');
  let refused = 0;
  for (const file of [users, events]) {
    const before = { hash: fileHash(file), mode: journalMode(file), files: storeFiles(file) };
    expect(before.mode).toBe('delete');
    for (const args of [...reads(file), ['run', EXAMPLE_COMMANDS, '--db', file]]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /not a Strive event store \(it holds (users|events) and no schema_migrations\); the file was not modified/,
      );
      refused += 1;
    }
    expect({ hash: fileHash(file), mode: journalMode(file), files: storeFiles(file) }).toEqual(
      before,
    );
  }
  console.log(
    `read commands: another application's file refused ${refused} times (6 read commands + run, 2 files, one with its own events table), bytes, journal mode (delete) and file list unchanged`,
  );
}, 120_000);

it('reads a Strive store without changing a byte or leaving a file, and refuses a missing one', async () => {
  const before = { hash: fileHash(store), files: storeFiles(store) };
  for (const args of reads(store)) expect((await runCli(args)).code, args.join(' ')).toBe(0);
  expect({ hash: fileHash(store), files: storeFiles(store) }).toEqual(before);
  const missing = dir.file('missing.db');
  for (const args of reads(missing)) {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(existsSync(missing)).toBe(false);
  }
  console.log(
    `read commands: 6 reads of a Strive store, hash ${before.hash.slice(0, 12)}… and files [${before.files.join(', ')}] unchanged; a missing file refused 6 times, not created`,
  );
}, 120_000);

it('leaves no file behind when an import fails, and migrates in one transaction', async () => {
  const exported = dir.file('zz.jsonl');
  writeFileSync(exported, (await runCli(['export', '--db', store])).stdout);
  const tampered = dir.file('tampered.jsonl');
  const lines = (await runCli(['export', '--db', store])).stdout.trim().split('\n');
  lines[50] = lines[50]?.replace('"type":"', '"type":"X') ?? '';
  writeFileSync(tampered, `${lines.join('\n')}\n`);
  const target = dir.file('imported.db');
  const r = await runCli(['import', tampered, '--db', target]);
  expect(r.code).toBe(1);
  const left = storeFiles(target);
  expect(left).toEqual([]);
  const good = await runCli(['import', exported, '--db', target]);
  expect(good.code).toBe(0);
  const raw = openRawSqlite(target);
  const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
  raw.close();
  expect(versions.length).toBeGreaterThanOrEqual(2);
  console.log(
    `import: a tampered file refused (exit ${r.code}) leaving ${left.length} files; the good one applied ${versions.length} migrations`,
  );
}, 120_000);

it('lets a user who may only read the file and its folder verify, report and export it', (ctx) => {
  // The CLI itself must be reachable by uid 65534: a checkout or a Node binary under a private home
  // (0700) is not, and then this test cannot say anything about the store.
  const probe = spawnSync(process.execPath, [CLI, '--help'], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    console.log(
      `read-only store: skipped, uid 65534 cannot run ${process.execPath} ${CLI} (${probe.error?.message ?? probe.stderr.split('\n')[0] ?? ''})`,
    );
    ctx.skip();
  }
  const ro = dir.file('readonly');
  mkdirSync(ro);
  const file = `${ro}/zz.db`;
  copyFileSync(store, file);
  chmodSync(file, 0o444);
  chmodSync(ro, 0o555);
  chmodSync(dir.path, 0o755);
  const before = fileHash(file);
  // As `nobody` (uid 65534): it may read the file and the folder, and write neither.
  const asNobody = (args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { uid: 65534, gid: 65534, encoding: 'utf8' });
  const results = [
    asNobody(['verify', '--db', file]),
    asNobody(['report', '--db', file]),
    asNobody(['export', '--db', file]),
  ];
  for (const r of results) {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }
  expect(results[0]?.stdout).toMatch(/^ok 220 events: chain/);
  const write = asNobody(['run', EXAMPLE_COMMANDS, '--db', file]);
  expect(write.status).not.toBe(0);
  chmodSync(ro, 0o755);
  expect(fileHash(file)).toBe(before);
  expect(storeFiles(file)).toEqual(['zz.db']);
  console.log(
    `read-only store (uid 65534, file 0444, folder 0555): verify, report, export exit ${results.map((r) => r.status).join('/')}; run refused (exit ${write.status}); file hash unchanged, no file created`,
  );
});
