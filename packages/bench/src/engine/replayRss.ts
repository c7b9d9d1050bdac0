import { engineStreamReplay, referenceStreamReplay } from './streamReplay.js';

/*
 * Child process of the F workload (run with --expose-gc): replays a store stream by stream, either
 * through the engine's `replayStreams` or through the hand-written reference doing the same reads,
 * each state digested then dropped, and prints one JSON line: events, streams, the pass time, the
 * digest, peak RSS, and the heap after a full GC at the end.
 * Usage: node --expose-gc dist/engine/replayRss.js engine|reference STORE.db
 */

const [side, path] = process.argv.slice(2);
if ((side !== 'engine' && side !== 'reference') || path === undefined)
  throw new Error('usage: node --expose-gc replayRss.js engine|reference STORE.db');
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

const r = await (side === 'engine' ? engineStreamReplay(path) : referenceStreamReplay(path));
const peakRssMiB = mib(process.resourceUsage().maxRSS * 1024);
globalThis.gc();
process.stdout.write(
  `${JSON.stringify({
    side,
    ...r,
    peakRssMiB,
    heapAfterGcMiB: mib(process.memoryUsage().heapUsed),
  })}\n`,
);
