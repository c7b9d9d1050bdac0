import Database from 'better-sqlite3';
import { getHeapSpaceStatistics } from 'node:v8';

/*
 * The floor of F's peak-RSS criterion: reads the first N events of a store in global order, 1,000
 * rows per query, and JSON.parses data and metadata, keeping nothing (no engine, no fold, no
 * state). Prints N, peak RSS and the young generation's size at the end. Run it at ~101k and at
 * ~1.01M events with default flags, then with --min-semi-space-size=16: what moves peak RSS is V8
 * doubling its young generation as objects survive scavenges, which a long run reaches and a short
 * one does not, whatever the program does with the events.
 * Usage: node dist/engine/rssFloor.js STORE.db N
 */

const [path, count] = process.argv.slice(2);
const limit = Number(count);
if (path === undefined || !Number.isSafeInteger(limit) || limit < 1)
  throw new Error('usage: node rssFloor.js STORE.db N');
const db = new Database(path, { readonly: true });
const page = db
  .prepare(
    `SELECT global_position, data, metadata FROM events
     WHERE global_position > ? AND global_position <= ? ORDER BY global_position LIMIT 1000`,
  )
  .raw(true);
let after = 0;
let events = 0;
let objects = 0;
for (;;) {
  const rows: unknown[] = page.all(after, limit);
  for (const row of rows) {
    if (!Array.isArray(row)) throw new Error('unexpected row');
    const data: unknown = JSON.parse(String(row[1]));
    JSON.parse(String(row[2]));
    if (typeof data === 'object') objects++;
    events++;
  }
  const last: unknown = rows.length === 1000 && Array.isArray(rows[999]) ? rows[999][0] : undefined;
  if (typeof last !== 'number') break;
  after = last;
}
db.close();
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
console.log(
  JSON.stringify({
    events,
    objects,
    peakRssMiB: Number(mib(process.resourceUsage().maxRSS * 1024)),
    youngGenerationMiB: Number(mib(young)),
  }),
);
