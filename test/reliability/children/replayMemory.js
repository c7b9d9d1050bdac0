// Folds a generated log of one organization's stream (enrolled, then first-responsible changes, so the
// state stays the same size) through the engine's foldEvents, events produced lazily, and measures
// memory after a forced GC at each checkpoint. Usage: node --expose-gc replayMemory.js 100000 1000000
// Prints one JSON line: { points: [{ events, rssMiB, peakRssMiB, heapUsedMiB }], ms, value, version }.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { subjectWorkflow } from '../../../packages/campaign/dist/index.js';
import { foldEvents, initialState } from '../../../packages/engine/dist/index.js';

const checkpoints = process.argv.slice(2).map(Number);
const streamId = 'subject-mem2010-organization-o1';
const envelope = (n, type, data) => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  streamId,
  streamPosition: n,
  globalPosition: n,
  type,
  schemaVersion: 1,
  data,
  metadata: { at: '2010-05-11T09:00:00+08:00', actor: { id: 'committee', role: 'committee' } },
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});
const secretary = (n) => ({ id: `s-${n}`, name: `Secretary ${n}` });
function* events(from, to) {
  for (let n = from; n <= to; n++)
    yield n === 1
      ? envelope(1, 'OrganizationEnrolled', {
          campaignId: 'mem2010',
          category: 'urban',
          name: 'Org 1',
          orgId: 'o1',
          secretary: secretary(0),
        })
      : envelope(n, 'FirstResponsibleAssigned', {
          previous: secretary(n - 2),
          secretary: secretary(n - 1),
        });
}
const mib = (b) => Math.round((b / 1024 / 1024) * 10) / 10;
const points = [];
const started = performance.now();
let state = initialState(subjectWorkflow);
let done = 0;
for (const target of checkpoints) {
  state = foldEvents(subjectWorkflow, events(done + 1, target), state);
  done = target;
  globalThis.gc();
  const m = process.memoryUsage();
  points.push({
    events: done,
    rssMiB: mib(m.rss),
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    heapUsedMiB: mib(m.heapUsed),
  });
}
process.stdout.write(
  `${JSON.stringify({ points, ms: Math.round(performance.now() - started), value: state.value, version: state.version })}\n`,
);
