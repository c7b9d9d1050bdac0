import { describe, expect, it } from 'vitest';
import { appendToStream } from './appendToStream.js';
import { newTestEvent } from './contract/contractKit.js';
import { createMemoryEventStore } from './createMemoryEventStore.js';
import type { LeasedWorkerOptions } from './LeasedWorker.js';
import { runLeasedWorker } from './runLeasedWorker.js';
import type { WorkerLeases } from './WorkerLeases.js';

const filled = async (n: number) => {
  const store = createMemoryEventStore();
  const events = Array.from({ length: n }, (_, i) => newTestEvent('Noted', { i }));
  await appendToStream(store, 'note-1', events, { expectedVersion: 'any' });
  return store;
};

const options = (
  store: LeasedWorkerOptions['store'],
  more: Partial<LeasedWorkerOptions> = {},
): LeasedWorkerOptions => ({
  name: 'relay:t',
  label: 'relay t',
  store,
  batchSize: 2,
  pollIntervalMs: 1,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => performance.now(),
  work: (events) => Promise.resolve({ through: events[events.length - 1]?.globalPosition ?? 0 }),
  ...more,
});

describe('runLeasedWorker', () => {
  it('commits batch after batch up to the head; a pending waitFor is rejected on stop', async () => {
    const store = await filled(5);
    const commits: number[] = [];
    const worker = runLeasedWorker(
      options(store, {
        work: (events) => {
          const through = events[events.length - 1]?.globalPosition ?? 0;
          return Promise.resolve({ through, committed: () => void commits.push(through) });
        },
      }),
    );
    await worker.waitFor(5);
    expect(commits).toEqual([2, 4, 5]);
    expect(await store.readCheckpoint('relay:t')).toBe(5);
    const pending = worker.waitFor(6);
    await worker.stop();
    await expect(pending).rejects.toThrow('relay t stopped at 5');
  });

  it('commits nothing once a renewal fails, and says it lost the lease', async () => {
    const store = await filled(3);
    let clock = 0;
    const ownership: boolean[] = [];
    let released = 0;
    const leases: WorkerLeases = {
      leaseMs: 30,
      acquire: () =>
        Promise.resolve(
          ownership.length === 0
            ? {
                token: 1,
                renew: () => Promise.resolve(false),
                release: () => Promise.resolve(void released++),
              }
            : undefined,
        ),
    };
    const worker = runLeasedWorker(
      options(store, {
        leases,
        now: () => clock,
        onOwnership: (owning) => ownership.push(owning),
        work: async (events, from, working) => {
          clock += 20; // past a third of the lease: the next check renews, and the renewal fails
          let through = from;
          for (const e of events) {
            if (!(await working())) break;
            through = e.globalPosition;
          }
          return { through };
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 30));
    await worker.stop();
    expect(ownership).toEqual([true, false]);
    expect(await store.readCheckpoint('relay:t')).toBe(0);
    expect(worker.owning()).toBe(false);
    expect(released).toBe(0); // a lost lease is not released
  });
});
