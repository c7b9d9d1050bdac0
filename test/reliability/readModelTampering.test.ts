import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS } from '../support/cliFixtures.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { openRawSqlite } from './support/rawSqlite.js';
import { fileHash } from './support/storeFiles.js';

assertBuilt();
const dir = tempDir();
const db = dir.file('forged.db');
const GENUINE = 'Jianshe Road Subdistrict Committee';
const FORGED = 'Forged Name Committee';

beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
  // Finding 2 of issue 21: an organization's name replaced in every stored read model.
  const raw = openRawSqlite(db);
  const changed = raw
    .prepare('UPDATE projection_documents SET value = replace(value, ?, ?) WHERE value LIKE ?')
    .run(GENUINE, FORGED, `%${GENUINE}%`).changes;
  raw.close();
  expect(changed).toBeGreaterThanOrEqual(3);
}, 60_000);
afterAll(() => dir.remove());

it('verify names the first forged read-model document, report says it did not check, the page shows the log', async () => {
  const before = fileHash(db);
  const [verify, chainOnly, report, replay] = await Promise.all([
    runCli(['verify', '--db', db]),
    runCli(['verify', '--db', db, '--chain-only']),
    runCli(['report', '--db', db]),
    runCli(['replay', '--db', db]),
  ]);
  expect(verify.code).toBe(1);
  expect(verify.stdout).toMatch(
    /^NOT ok 220 events: document "[^"]+" of read model \S+ differs from the log/,
  );
  expect(chainOnly.code).toBe(0);
  expect(chainOnly.stdout).toContain('snapshots and read models NOT checked (--chain-only)');
  // report reads the stored view (it shows the forged name) and its integrity line says so.
  expect(report.stdout).toContain(FORGED);
  expect(report.stdout).toMatch(
    /\nIntegrity: read from the stored read models at position 220, NOT checked against the log here/,
  );
  expect(replay.stdout).toContain(GENUINE);
  expect(replay.stdout).not.toContain(FORGED);
  const page = dir.file('report.html');
  const html = await runCli(['report', '--db', db, '--html', page]);
  expect(html.code).toBe(1);
  expect(html.stdout).toMatch(
    /chain ok, 220 events, but document "[^"]+" of read model \S+ differs from the log/,
  );
  const text = readFileSync(page, 'utf8');
  expect(text).toContain('data-derived="differs"');
  expect(text).not.toContain(FORGED);
  expect(text).toContain(GENUINE);
  expect(fileHash(db)).toBe(before);
  console.log(
    `read-model tampering: name forged in projection_documents; verify exit ${verify.code}: ${verify.stdout.trim()}; report --html exit ${html.code}, page shows the log's name, 0 forged names; report's integrity line: "${report.stdout.trim().split('\n').at(-1) ?? ''}"; store hash unchanged by 5 read commands`,
  );
}, 120_000);
