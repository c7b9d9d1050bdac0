import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, type CliRun } from './runCli.js';

/** The Zhengzhou 2010 example campaign (commands JSONL). */
export const EXAMPLE_COMMANDS = join(ROOT, 'examples', 'data', 'zhengzhou-2010.commands.jsonl');
/** The expected outcome of each line of the example. */
export const EXAMPLE_EXPECTED = join(ROOT, 'examples', 'data', 'zhengzhou-2010.expected.json');

/** A fresh directory under the OS temp dir, and a way to remove it. For tests only. Does I/O. */
export const tempDir = (
  prefix: string,
): { readonly path: (name: string) => string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), `strive-${prefix}-`));
  return {
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Parses every non-blank line of a JSONL text. Pure. */
export const jsonLines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l): unknown => JSON.parse(l));

/** The SHA-256 of a file's bytes plus whether a WAL file lies beside it: equal digests mean an untouched store. Does I/O. */
export const storeDigest = (file: string): string =>
  `${createHash('sha256').update(readFileSync(file)).digest('hex')} wal=${existsSync(`${file}-wal`)}`;

/** The one line a failed command printed on stderr, with the checks every failure must pass. Pure. */
export const oneErrorLine = (r: CliRun): string => {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1)
    throw new Error(`expected one stderr line, got ${lines.length}:\n${r.stderr}`);
  if (/^\s+at /m.test(r.stderr)) throw new Error(`stack trace without --debug:\n${r.stderr}`);
  return lines[0] ?? '';
};

/** The subset of better-sqlite3 that tampering tests use. */
export interface RawSqlite {
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number };
    get(...params: unknown[]): unknown;
  };
  close(): void;
}
type RawSqliteConstructor = new (path: string) => RawSqlite;
const isConstructor = (u: unknown): u is RawSqliteConstructor => typeof u === 'function';

/**
 * Opens an SQLite file with better-sqlite3, resolved from @strive/store-sqlite (the repository root does
 * not depend on it), to tamper with rows behind the store's back. For tests only. Does I/O.
 */
export const openRawSqlite = (file: string): RawSqlite => {
  const required: unknown = createRequire(join(ROOT, 'packages', 'store-sqlite', 'package.json'))(
    'better-sqlite3',
  );
  if (!isConstructor(required)) throw new Error('better-sqlite3 did not load as a constructor');
  return new required(file);
};

/** The subset of a `pg` client that tests use to create and drop databases. */
export interface RawPgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type RawPgModule = { Client: new (config: { connectionString: string }) => RawPgClient };
const isPgModule = (u: unknown): u is RawPgModule =>
  typeof u === 'object' && u !== null && 'Client' in u && typeof u.Client === 'function';

/** A connected `pg` client, resolved from @strive/store-postgres. For tests only. Does I/O. */
export const connectPg = async (url: string): Promise<RawPgClient> => {
  const required: unknown = createRequire(join(ROOT, 'packages', 'store-postgres', 'package.json'))(
    'pg',
  );
  if (!isPgModule(required)) throw new Error('pg did not load with a Client class');
  const client = new required.Client({ connectionString: url });
  await client.connect();
  return client;
};

/** A text report without its last line, the integrity line (replay prints none). Pure. */
export const withoutIntegrity = (report: string): string =>
  report.replace(/\nIntegrity: [^\n]*\n$/, '');
