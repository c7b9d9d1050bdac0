import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, connectPg, jsonLines, tempDir } from '../support/cliFixtures.js';
import { runCli, type CliRun } from '../support/runCli.js';

// The core scenario on `--db postgres://...`: the CLI passes only a URL to the store, so each run gets a
// fresh database (CREATE DATABASE), dropped afterwards. Outputs must equal SQLite's byte for byte.

const url = process.env['STRIVE_PG_URL'];
const required = process.env['STRIVE_REQUIRE_PG'] === '1';
const available = url !== undefined && url !== '';
if (!available && !required)
  console.warn('test/cli: STRIVE_PG_URL is not set; the PostgreSQL CLI scenario is skipped');

const database = `strive_cli_${randomBytes(6).toString('hex')}`;
const withDatabase = (base: string, name: string): string => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};

describe.skipIf(!available && !required)('strive on PostgreSQL', () => {
  // Made in beforeAll: the body of a skipped describe still runs, its hooks do not.
  let tmp: ReturnType<typeof tempDir> | undefined;
  let sqlite = '';
  let pgUrl = '';
  let created = false;
  let pgRun: CliRun;
  let sqliteRun: CliRun;

  beforeAll(async () => {
    if (!available) throw new Error('STRIVE_REQUIRE_PG=1 but STRIVE_PG_URL is not set');
    tmp = tempDir('cli-pg');
    sqlite = tmp.path('example.db');
    const admin = await connectPg(url);
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      created = true;
    } finally {
      await admin.end();
    }
    pgUrl = withDatabase(url, database);
    [pgRun, sqliteRun] = await Promise.all([
      runCli(['run', EXAMPLE_COMMANDS, '--db', pgUrl, '--json']),
      runCli(['run', EXAMPLE_COMMANDS, '--db', sqlite, '--json']),
    ]);
  });
  afterAll(async () => {
    tmp?.remove();
    if (!created || url === undefined) return;
    const admin = await connectPg(url);
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });

  it('prints the same run --json lines and exit status as on SQLite', () => {
    expect(pgRun.stderr).toBe('');
    expect(pgRun.code).toBe(1);
    expect(jsonLines(pgRun.stdout).length).toBe(248);
    expect(pgRun.stdout).toBe(sqliteRun.stdout);
  });

  it('reports, exports and verifies the same log as SQLite', async () => {
    const [pgReport, sqliteReport, pgExport, sqliteExport, pgVerify] = await Promise.all([
      runCli(['report', '--db', pgUrl, '--json']),
      runCli(['report', '--db', sqlite, '--json']),
      runCli(['export', '--db', pgUrl]),
      runCli(['export', '--db', sqlite]),
      runCli(['verify', '--db', pgUrl]),
    ]);
    expect(pgReport.code).toBe(0);
    expect(pgReport.stdout).toBe(sqliteReport.stdout);
    // Same events, hashes and order; only the key order of each JSON line may differ between stores.
    expect(jsonLines(pgExport.stdout)).toEqual(jsonLines(sqliteExport.stdout));
    expect(pgVerify.stdout).toMatch(
      new RegExp(
        `^ok ${jsonLines(sqliteExport.stdout).length} events: chain, 0 snapshots and \\d+ read-model documents checked against the log \\(report view equal\\)\n$`,
      ),
    );
  });

  it('refuses a database that does not exist with one line and exit 2', async () => {
    const r = await runCli(['report', '--db', withDatabase(url ?? '', `${database}_missing`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^strive: cannot use PostgreSQL at .*_missing: .+\n$/);
  });
});
