// The state a recorded history replays to, and its hash. Usage: node stateOfLog.js EVENTS.jsonl
// Decodes every line (StoredEventCodec), checks the hash chain, folds each stream with its workflow
// (campaign-* with the campaign workflow, subject-* with the subject workflow) and builds the report
// with the projections' own recipes. Prints one JSON line: { stateHash, events, timeZone, offsetMinutes }
// where stateHash is the SHA-256 of the canonical JSON of { report, streams }.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import {
  buildReport,
  campaignWorkflow,
  subjectWorkflow,
} from '../../../packages/campaign/dist/index.js';
import { foldEvents } from '../../../packages/engine/dist/index.js';
import {
  canonicalJson,
  StoredEventCodec,
  verifyEvents,
} from '../../../packages/eventlog/dist/index.js';

/** The replayed state of a list of stored events and its canonical hash. Pure. */
export const stateOf = (events) => {
  const byStream = new Map();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  const streams = {};
  for (const [id, list] of [...byStream].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const workflow = id.startsWith('campaign-') ? campaignWorkflow : subjectWorkflow;
    streams[id] = foldEvents(workflow, list);
  }
  const state = { report: buildReport(events), streams };
  return { state, stateHash: createHash('sha256').update(canonicalJson(state)).digest('hex') };
};

const file = process.argv[2];
if (file !== undefined) {
  const events = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((line, i) => {
      const d = StoredEventCodec.decode(JSON.parse(line));
      if (d._tag === 'Left') throw new Error(`line ${i + 1} is not an event envelope`);
      return d.right;
    });
  const chain = await verifyEvents(events);
  if (chain._tag !== 'ChainVerified') throw new Error(`chain broken: ${JSON.stringify(chain)}`);
  const { stateHash } = stateOf(events);
  process.stdout.write(
    `${JSON.stringify({
      stateHash,
      events: events.length,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offsetMinutes: new Date(Date.UTC(2010, 4, 10)).getTimezoneOffset(),
    })}\n`,
  );
}
