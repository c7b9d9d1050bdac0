import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { appendToStream, isCheckpointConflict } from '@strive/eventlog';
import { acquireLease } from './acquireLease.js';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const FIXTURE = fileURLToPath(new URL('../fixtures/projectionWorker.js', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const LEASE_MS = 3000;
const POLL_MS = 100;

interface Line {
  readonly owner: string;
  readonly owning?: boolean;
  readonly token?: number;
  readonly checkpoint?: number;
  readonly error?: string;
}

const startWorker = (url: string, schema: string, owner: string) => {
  const child: ChildProcess = spawn(
    process.execPath,
    [FIXTURE, url, schema, owner, String(LEASE_MS), String(POLL_MS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: Line[] = [];
  const waiters: Array<() => void> = [];
  if (child.stdout === null) throw new Error('worker has no stdout');
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as Line);
    for (const w of waiters.splice(0)) w();
  });
  const waitFor = async (p: (l: Line) => boolean): Promise<Line> => {
    for (;;) {
      const hit = lines.find(p);
      if (hit !== undefined) return hit;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, lines, waitFor, exited };
};

describePg('projection ownership across processes', ({ url, store }) => {
  it('keeps one owner; a kill -9 owner is replaced within lease + one poll; folds every event once', async () => {
    if (!existsSync(DIST)) throw new Error('build first: npx tsc -b packages/store-postgres');
    const s = store();
    await s.ready();
    const appendTicks = async (from: number, n: number) => {
      for (let i = from; i < from + n; i++) {
        const r = await appendToStream(
          s,
          `s-${i % 4}`,
          [{ type: 'Tick', data: { i }, metadata: { at } }],
          {
            expectedVersion: 'any',
          },
        );
        if (E.isLeft(r)) throw new Error(r.left._tag);
      }
    };
    await appendTicks(0, 40);
    const a = startWorker(url, s.schema, 'A');
    const aOwns = await a.waitFor((l) => l.owning === true);
    const b = startWorker(url, s.schema, 'B');
    try {
      await a.waitFor((l) => l.checkpoint === 40);
      await new Promise((r) => setTimeout(r, 3 * POLL_MS));
      expect(b.lines.some((l) => l.owning === true)).toBe(false);

      a.child.kill('SIGKILL');
      await a.exited;
      const before = await s.pool.query<{ expires_at: Date }>(
        `SELECT expires_at FROM ${s.schema}.projection_leases WHERE projection = 'counts'`,
      );
      await appendTicks(40, 40);
      const bOwns = await b.waitFor((l) => l.owning === true);
      expect(bOwns.token).toBe((aOwns.token ?? 0) + 1);
      const after = await s.pool.query<{ owner: string; acquired_at: Date }>(
        `SELECT owner, acquired_at FROM ${s.schema}.projection_leases WHERE projection = 'counts'`,
      );
      expect(after.rows[0]?.owner).toBe('B');
      const waitedAfterExpiry =
        (after.rows[0]?.acquired_at.getTime() ?? 0) - (before.rows[0]?.expires_at.getTime() ?? 0);
      expect(waitedAfterExpiry).toBeGreaterThanOrEqual(0);
      // By design B takes over at its first poll after the expiry (100 ms). The bound is half a lease:
      // 14 polls of slack for a loaded machine, and still a failure if B waited a lease period of its
      // own before trying again. Both instants are the database's clock.
      expect(waitedAfterExpiry).toBeLessThan(LEASE_MS / 2);

      await b.waitFor((l) => l.checkpoint === 80);
      const checkpoints = [...a.lines, ...b.lines].flatMap((l) => l.checkpoint ?? []);
      expect(checkpoints).toEqual([...checkpoints].sort((x, y) => x - y));
      const docs: number[] = [];
      for await (const d of s.readDocuments('counts'))
        docs.push(
          typeof d.value === 'object' && d.value !== null && 'n' in d.value
            ? Number(d.value['n'])
            : 0,
        );
      expect(docs).toEqual([20, 20, 20, 20]);
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGTERM');
      await Promise.all([a.exited, b.exited]);
    }
  }, 30_000);

  it('grants a lease to one owner at a time and moves the fencing token on every change', async () => {
    const s = store();
    const options = { projection: 'p', leaseMs: 60_000 };
    const first = await acquireLease(s, { ...options, owner: 'one' });
    expect(first?.token).toBe(1);
    expect(await acquireLease(s, { ...options, owner: 'two' })).toBeUndefined();
    expect((await acquireLease(s, { ...options, owner: 'one' }))?.token).toBe(1);
    await first?.release();
    const second = await acquireLease(s, { ...options, owner: 'two' });
    expect(second?.token).toBe(2);
    expect(await first?.renew()).toBe(false);
    expect(await second?.renew()).toBe(true);
  });

  it('commits checkpoints compare-and-set, never backwards', async () => {
    const s = store();
    const commit = (expectedCheckpoint: number, checkpoint: number) =>
      s.commitProjection({
        projection: 'p',
        expectedCheckpoint,
        checkpoint,
        upserts: [],
        deletes: [],
      });
    expect(E.isRight(await commit(0, 5))).toBe(true);
    const stale = await commit(0, 3);
    expect(E.isLeft(stale) && isCheckpointConflict(stale.left) && stale.left.actual).toBe(5);
    await expect(commit(5, 4)).rejects.toThrow(/below expectedCheckpoint/);
    expect(await s.readCheckpoint('p')).toBe(5);
  });
});
