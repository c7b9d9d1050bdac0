import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@strive/eventlog';
import { createSqliteEventStore } from './index.js';
import { tempDir } from './testSupport/fixtures.js';

const WORKERS = 4;
const PER_WORKER = 2_500;
const TOTAL = WORKERS * PER_WORKER;
const worker = fileURLToPath(new URL('../fixtures/appendWorker.js', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = tempDir();

const runWorker = (w: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dir.file, String(w), String(PER_WORKER), '10'], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker ${w} exited with ${code}: ${stderr}`)),
    );
  });

beforeAll(async () => {
  if (!existsSync(built))
    throw new Error('dist/ is missing: run `npx tsc -b packages/store-sqlite` before this test');
  // Create the schema once so the reader below can open the file straight away.
  await createSqliteEventStore({ path: dir.file }).close();
});
afterAll(() => dir.remove());

describe('several OS processes sharing one file', () => {
  it(`give ${TOTAL} gap-free positions, each event once, seen in order by a concurrent reader`, async () => {
    const reader = createSqliteEventStore({ path: dir.file });
    const workers = Promise.all(Array.from({ length: WORKERS }, (_, w) => runWorker(w)));
    let finished = false;
    void workers.then(
      () => (finished = true),
      () => (finished = true),
    );
    let seen = 0;
    let outOfOrder = 0;
    let polls = 0;
    while (seen < TOTAL) {
      for await (const e of reader.readAll({ after: seen, batchSize: 1_000 })) {
        if (e.globalPosition !== seen + 1) outOfOrder += 1;
        seen = e.globalPosition;
      }
      polls += 1;
      if (finished && seen < TOTAL) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await workers;
    expect(outOfOrder).toBe(0);
    expect(polls).toBeGreaterThan(1);

    const all: { id: string; pos: number; stream: string; sp: number }[] = [];
    for await (const e of reader.readAll({ batchSize: 2_000 }))
      all.push({ id: e.eventId, pos: e.globalPosition, stream: e.streamId, sp: e.streamPosition });
    expect(all.map((e) => e.pos)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(new Set(all.map((e) => e.id)).size).toBe(TOTAL);
    const perStream = new Map<string, number>();
    for (const e of all) {
      expect(e.sp).toBe((perStream.get(e.stream) ?? 0) + 1);
      perStream.set(e.stream, e.sp);
    }
    expect(perStream.size).toBe(WORKERS * 10);
    expect(await verify(reader)).toMatchObject({ _tag: 'ChainVerified', events: TOTAL });
    await reader.close();
  });
});
