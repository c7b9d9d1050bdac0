// One of several OS processes appending to ONE stream of a SQLite file with expected versions:
// read the version, append at it, and on a ConcurrencyConflict read again and retry.
// Usage: node concurrentWriter.js DB_PATH WRITER COUNT STREAM
// Prints one JSON line: { writer, expected: [the expected version of each winning append, in seq
// order], won: [the stream version it won], conflicts }.
import process from 'node:process';
import { createSqliteEventStore } from '../../../packages/store-sqlite/dist/index.js';
import { appendToStream } from '../../../packages/eventlog/dist/index.js';

const [path, writerArg, countArg, streamId] = process.argv.slice(2);
const writer = Number(writerArg);
const count = Number(countArg);
const store = createSqliteEventStore({ path });
const won = [];
const expected = [];
let conflicts = 0;
for (let seq = 0; seq < count; seq++) {
  for (;;) {
    const version = await store.streamVersion(streamId);
    const r = await appendToStream(
      store,
      streamId,
      [{ type: 'Written', data: { writer, seq }, metadata: { at: '2010-05-10T09:00:00+08:00' } }],
      { expectedVersion: version },
    );
    if (r._tag === 'Right') {
      won.push(r.right.streamVersion);
      expected.push(version);
      break;
    }
    if (r.left._tag !== 'ConcurrencyConflict') {
      process.stderr.write(`writer ${writer}: ${JSON.stringify(r.left)}\n`);
      process.exit(3);
    }
    conflicts += 1;
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ writer, expected, won, conflicts })}\n`);
