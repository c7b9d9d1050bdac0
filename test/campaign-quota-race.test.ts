import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two real OS processes commend two different organizations of one campaign at the same moment, on one
// SQLite file, with a quota that allows only one more commendation. Commend appends to the campaign
// stream (which counts commended and enrolled organizations) and to the subject stream with their
// expected versions, atomically: exactly one process wins, the other re-decides and is refused.

const worker = fileURLToPath(new URL('./fixtures/campaignQuotaWorker.js', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'strive-quota-'));
const file = join(dir, 'race.db');

const run = (args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 25_000,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`worker ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });

interface RaceResult {
  readonly orgId: string;
  readonly tag: string;
  readonly rules: readonly string[];
  readonly lostRaces: number;
}

beforeAll(async () => {
  for (const pkg of ['campaign', 'engine', 'eventlog', 'store-sqlite'])
    if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js')))
      throw new Error(`packages/${pkg}/dist is missing: run \`npx tsc -b\` before this test`);
  await run(['setup', file]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('commendation.quota under a real race between two processes', () => {
  it('lets exactly one of two simultaneous commendations through', async () => {
    const outputs = await Promise.all([
      run(['commend', file, 'o1', 'o2']),
      run(['commend', file, 'o2', 'o1']),
    ]);
    const results = outputs.map((o) => JSON.parse(o) as RaceResult);
    const accepted = results.filter((r) => r.tag === 'Accepted');
    const refused = results.filter((r) => r.tag !== 'Accepted');
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual([
      expect.objectContaining({ tag: 'Rejected', rules: ['commendation.quota'] }),
    ]);
    expect(results.reduce((n, r) => n + r.lostRaces, 0)).toBeGreaterThan(0);
    const commended = JSON.parse(await run(['count', file])) as string[];
    expect(commended).toEqual([accepted[0]?.orgId]);
  });
});
