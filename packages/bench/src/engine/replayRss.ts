import type { StoredEvent } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { engineFold, groupByStream, type EngineFolded } from './replayRun.js';

/*
 * Child process of the F workload (run with --expose-gc): replays a store through the engine only,
 * streaming `readAll` in batches of 1,000 (one batch held at a time), and prints one JSON line: events,
 * streams, peak RSS, and the heap after a full GC with the folded states held and once they are dropped.
 * Usage: node --expose-gc dist/engine/replayRss.js STORE.db
 */

const path = process.argv[2];
if (path === undefined) throw new Error('usage: node --expose-gc replayRss.js STORE.db');
const gc = (): void => {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  globalThis.gc();
  globalThis.gc();
};
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

const store = createSqliteEventStore({ path });
let folded: EngineFolded | undefined = { campaigns: new Map(), subjects: new Map() };
let events = 0;
let batch: StoredEvent[] = [];
for await (const e of store.readAll({ batchSize: 1_000 })) {
  batch.push(e);
  if (batch.length === 1_000) {
    engineFold(groupByStream(batch), folded);
    events += batch.length;
    batch = [];
  }
}
engineFold(groupByStream(batch), folded);
events += batch.length;
batch = [];
await store.close();
const streams = folded.campaigns.size + folded.subjects.size;
gc();
const heapWithStates = process.memoryUsage().heapUsed;
const rssWithStates = process.memoryUsage().rss;
folded = undefined;
gc();
const heapWithout = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({
    events,
    streams,
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    rssEndMiB: mib(rssWithStates),
    heapWithStatesMiB: mib(heapWithStates),
    heapWithoutStatesMiB: mib(heapWithout),
    statesMiB: mib(heapWithStates - heapWithout),
  })}\n`,
);
