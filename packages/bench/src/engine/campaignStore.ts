import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** The built CLI (`pnpm build` first). */
export const CLI_BIN = fileURLToPath(new URL('../../../cli/dist/bin.js', import.meta.url));

/** The size of a generated campaign: `strive generate --orgs N --members-per-org 10 --evaluators 20 --seed 1`. */
export interface CampaignSize {
  readonly orgs: number;
}

/** A cached campaign store and how long `strive run` took to build it (once, when it was built). */
export interface CampaignStore {
  readonly path: string;
  readonly commandsFile: string;
  readonly orgs: number;
  readonly commands: number;
  readonly events: number;
  /** Wall seconds of the `strive run` that built the store (one run, on the machine of that day). */
  readonly runSeconds: number;
  readonly builtAt: string;
}

const base = (orgs: number): string => join(tmpdir(), `strive-bench-campaign-o${orgs}-m10-e20-s1`);

/** `strive generate` into `file` (commands JSONL). Does I/O (a child process). */
const generateCampaign = (orgs: number, file: string): number => {
  const args = ['generate', '--orgs', String(orgs), '--members-per-org', '10'];
  const out = openSync(file, 'w');
  const r = spawnSync('node', [CLI_BIN, ...args, '--evaluators', '20', '--seed', '1'], {
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  if (r.status !== 0) throw new Error(`strive generate failed (${r.status}); run pnpm build first`);
  return countLines(file);
};

/** The number of newline-terminated lines of a file, read in chunks. Does I/O. */
const countLines = (file: string): number => {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf))
      for (let i = 0; i < n; i++) if (buf[i] === 10) lines += 1;
  } finally {
    closeSync(fd);
  }
  return lines;
};

/** The number of events of an SQLite store (its last global position). Does I/O. */
const countEvents = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    const row: unknown = db.prepare('SELECT max(global_position) AS n FROM events').get();
    return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : 0;
  } finally {
    db.close();
  }
};

const decodeMeta = (text: string): CampaignStore | undefined => {
  const u: unknown = JSON.parse(text);
  if (typeof u !== 'object' || u === null) return undefined;
  const get = (k: string): unknown => Object.getOwnPropertyDescriptor(u, k)?.value;
  const num = (k: string): number => Number(get(k));
  const str = (k: string): string => String(get(k));
  return {
    path: str('path'),
    commandsFile: str('commandsFile'),
    orgs: num('orgs'),
    commands: num('commands'),
    events: num('events'),
    runSeconds: num('runSeconds'),
    builtAt: str('builtAt'),
  };
};

/**
 * The SQLite store of a generated campaign, cached under the OS temp dir keyed by its size: built
 * once with `strive generate` then `strive run --db` (slow: 1-3k commands/s), reused afterwards.
 * Does I/O (child processes, files).
 */
export const campaignStore = (size: CampaignSize, log: (s: string) => void): CampaignStore => {
  const b = base(size.orgs);
  const meta = `${b}.json`;
  const path = `${b}.db`;
  if (existsSync(meta) && existsSync(path)) {
    const m = decodeMeta(readFileSync(meta, 'utf8'));
    if (m !== undefined && m.path === path) return m;
  }
  const commandsFile = `${b}.jsonl`;
  const commands = generateCampaign(size.orgs, commandsFile);
  const partial = `${b}.partial.db`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  log(
    `building ${path}: strive run of ${commands.toLocaleString('en-US')} commands (cached after)`,
  );
  const start = process.hrtime.bigint();
  const r = spawnSync('node', [CLI_BIN, 'run', commandsFile, '--db', partial], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const runSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`strive run failed (${r.status}) building ${path}`);
  if (existsSync(`${partial}-wal`) && statSync(`${partial}-wal`).size > 0)
    throw new Error(`${partial}: the WAL was not checkpointed on close`);
  renameSync(partial, path);
  const store: CampaignStore = {
    path,
    commandsFile,
    orgs: size.orgs,
    commands,
    events: countEvents(path),
    runSeconds,
    builtAt: new Date().toISOString(),
  };
  writeFileSync(meta, JSON.stringify(store, null, 2));
  return store;
};
