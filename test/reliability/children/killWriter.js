// Appends to a SQLite file in an endless loop until it is killed: single appends, and every third
// iteration an appendMany over two streams. After each commit it prints one acknowledgement line:
// {"round":R,"i":I,"ids":[event ids]}. Usage: node killWriter.js DB_PATH ROUND
import process from 'node:process';
import { createSqliteEventStore } from '../../../packages/store-sqlite/dist/index.js';
import { appendToStream } from '../../../packages/eventlog/dist/index.js';

const [path, roundArg] = process.argv.slice(2);
const round = Number(roundArg);
const store = createSqliteEventStore({ path });
const metadata = { at: '2010-05-10T09:00:00+08:00' };
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  let ids;
  if (i % 3 === 2) {
    const batch = `${round}:${i}`;
    const event = (part) => ({ type: 'PairHalf', data: { round, i, batch, part }, metadata });
    const r = await store.appendMany([
      { streamId: `left-${i % 4}`, expectedVersion: 'any', events: [event(0)] },
      { streamId: `right-${i % 5}`, expectedVersion: 'any', events: [event(1)] },
    ]);
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
    ids = r.right.flatMap((x) => x.events.map((e) => e.eventId));
  } else {
    const r = await appendToStream(
      store,
      `solo-${i % 7}`,
      [{ type: 'Solo', data: { round, i, text: 'x'.repeat(i % 200) }, metadata }],
      { expectedVersion: 'any' },
    );
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
    ids = r.right.events.map((e) => e.eventId);
  }
  process.stdout.write(`${JSON.stringify({ round, i, ids })}\n`);
}
