import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPg, jsonLines } from '../support/cliFixtures.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { PG_REQUIRED, PG_URL } from './support/pgEnv.js';

// Two `strive run` processes fed the same file at the same moment (two workers fed one queue, a web
// tier retrying): every line answers what a sequential run answers, or `duplicate` where the other
// process stored it first; never `rejected` or `conflict` for a stored id (issue #20). The file is a
// `strive generate` campaign scaled to CI (STRIVE_REL_TWICE_ORGS organizations, default 12).
const ORGS = process.env['STRIVE_REL_TWICE_ORGS'] ?? '12';

interface RunLine {
  readonly line: number;
  readonly ok: boolean;
  readonly duplicate?: boolean;
  readonly events?: readonly string[];
}
const isRunLine = (u: unknown): u is RunLine =>
  typeof u === 'object' && u !== null && 'line' in u && 'ok' in u;
const linesOf = (stdout: string): RunLine[] => jsonLines(stdout).filter(isRunLine);

/** Runs the file twice at once and once alone on fresh stores, and compares. Does I/O. */
const twice = async (label: string, file: string, a: string, b: string, alone: string) => {
  const [x, y] = await Promise.all([
    runCli(['run', file, '--db', a, '--json']),
    runCli(['run', file, '--db', b, '--json']),
  ]);
  const seq = await runCli(['run', file, '--db', alone, '--json']);
  expect([x.stderr, y.stderr, seq.stderr]).toEqual(['', '', '']);
  const [xs, ys, ss] = [linesOf(x.stdout), linesOf(y.stdout), linesOf(seq.stdout)];
  expect(xs.length).toBe(ss.length);
  expect(ys.length).toBe(ss.length);
  const stored = [0, 0];
  for (const [i, s] of ss.entries()) {
    const pair = [xs[i], ys[i]];
    // Each line: exactly what the sequential run says, or a duplicate of what the other one stored.
    for (const [k, r] of pair.entries()) {
      if (r?.duplicate === true && s.ok && (s.events?.length ?? 0) > 0) continue;
      expect({ ...r, line: s.line }).toEqual(s);
      if ((r?.events?.length ?? 0) > 0) stored[k] = (stored[k] ?? 0) + 1;
    }
    // A line that stores events is stored by exactly one of the two.
    if (s.ok && (s.events?.length ?? 0) > 0)
      expect(pair.filter((r) => r?.duplicate === true)).toHaveLength(1);
  }
  const [ex, es] = await Promise.all([
    runCli(['export', '--db', a]),
    runCli(['export', '--db', alone]),
  ]);
  expect(ex.stdout).toBe(es.stdout);
  expect((await runCli(['verify', '--db', a])).code).toBe(0);
  const exits = [x.code, y.code, seq.code];
  console.log(
    `same input twice (${label}): ${ss.length} lines; process 1 stored ${stored[0]}, process 2 stored ${stored[1]}, the rest duplicates; 0 rejected or conflict for a stored id; exits ${exits.join('/')}; export identical to a sequential run`,
  );
  expect(exits).toEqual([seq.code, seq.code, seq.code]);
  return stored;
};

/** Attempts of a race before one counts as not raced: a process can stay ahead all the way. */
const ATTEMPTS = 12;

/**
 * Runs `twice` on fresh stores until both processes stored lines (they really raced: each found lines
 * the other had just stored), checking every attempt; fails if none raced in `ATTEMPTS`. Does I/O.
 */
const race = async (
  label: string,
  file: string,
  stores: () => [string, string] | Promise<[string, string]>,
) => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const [shared, alone] = await stores();
    const stored = await twice(`${label}, attempt ${attempt}`, file, shared, shared, alone);
    if (stored.every((n) => n > 0)) return;
  }
  expect.fail(`the two processes never interleaved in ${ATTEMPTS} attempts`);
};

describe('the same input file run by two processes at once', () => {
  const dir = tempDir();
  let file = '';
  beforeAll(async () => {
    assertBuilt();
    const gen = await runCli([
      'generate',
      '--orgs',
      ORGS,
      '--members-per-org',
      '3',
      '--evaluators',
      '20',
      '--seed',
      '20',
    ]);
    file = dir.file('input.jsonl');
    writeFileSync(file, gen.stdout);
  });
  afterAll(() => dir.remove());

  it('SQLite: every line as a sequential run answers it, or a duplicate of the other process', async () => {
    let n = 0;
    await race('SQLite', file, () => {
      n += 1;
      return [dir.file(`shared-${n}.db`), dir.file(`alone-${n}.db`)];
    });
  }, 600_000);

  const pg = PG_URL;
  it.skipIf(pg === undefined && !PG_REQUIRED)(
    'PostgreSQL: every line as a sequential run answers it, or a duplicate of the other process',
    async () => {
      if (pg === undefined) throw new Error('STRIVE_REQUIRE_PG=1 but STRIVE_PG_URL is not set');
      const admin = await connectPg(pg);
      const created: string[] = [];
      const urlOf = (n: string): string => {
        const u = new URL(pg);
        u.pathname = `/${n}`;
        return u.toString();
      };
      try {
        await race('PostgreSQL', file, async () => {
          const names = ['shared', 'alone'].map(
            (n) => `strive_twice_${n}_${randomBytes(5).toString('hex')}`,
          );
          for (const n of names) {
            await admin.query(`CREATE DATABASE ${n}`);
            created.push(n);
          }
          const [shared = '', alone = ''] = names.map(urlOf);
          return [shared, alone];
        });
      } finally {
        for (const n of created) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
        await admin.end();
      }
    },
    600_000,
  );
});
