import * as E from 'fp-ts/lib/Either.js';
import {
  describeAppendError,
  isChainBroken,
  verifyEvents,
  type AppendRequest,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { decodeLogLines } from '../decodeLogLines.js';
import type { NotUtf8 } from '../decodeUtf8Lines.js';
import { describeHeadFound, expectHead, watched } from '../expectHead.js';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';

interface Run {
  readonly streamId: string;
  readonly first: StoredEvent;
  readonly events: StoredEvent[];
}

const toNew = (e: StoredEvent): NewEvent => ({
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
});

const flush = async (store: EventStore, runs: Run[]): Promise<number> => {
  if (runs.length === 0) return 0;
  const requests: AppendRequest[] = runs.map((r) => ({
    streamId: r.streamId,
    expectedVersion: r.first.streamPosition - 1,
    events: r.events.map(toNew),
  }));
  const result = await store.appendMany(requests);
  if (E.isLeft(result)) throw new CliError(`import failed: ${describeAppendError(result.left)}`, 1);
  const stored = result.right.flatMap((r) => r.events);
  const original = runs.flatMap((r) => r.events);
  original.forEach((e, i) => {
    if (stored[i]?.hash !== e.hash)
      throw new CliError(
        `import failed: event at global position ${e.globalPosition} hashed differently once stored`,
        1,
      );
  });
  return original.length;
};

/**
 * `strive import FILE`: checks the whole exported log's chain first (nothing is written if any hash fails),
 * then appends it to an empty store in global order, checking that every stored hash equals the file's;
 * with `expectedHead`, a file that does not hold that head (truncated, re-chained) is refused first.
 * The file is trusted as written: its events are copied, decided by no engine and checked against no
 * principal (docs/cli.md). Does I/O; reads the file twice so memory stays flat.
 */
export const importLog = async (
  store: EventStore,
  io: Io,
  file: string,
  open: () => Promise<AsyncIterable<string | NotUtf8>>,
  expectedHead?: string,
): Promise<number> => {
  const current = await store.head();
  if (current.globalPosition > 0)
    throw new CliError(
      `the store already holds ${current.globalPosition} events; import needs an empty store`,
      1,
    );
  const expected = expectedHead === undefined ? undefined : expectHead(expectedHead, file);
  const check = await verifyEvents(watched(decodeLogLines(await open(), file), expected?.see));
  if (isChainBroken(check))
    throw new CliError(
      `${file}: chain broken at global position ${check.globalPosition} (stream ${check.streamId}, position ${check.streamPosition}): ${check.reason}; nothing imported`,
      1,
    );
  const head = expected?.found();
  const progress = startProgress(io, 'import', false, check.events);
  let runs: Run[] = [];
  let inBatch = 0;
  let imported = 0;
  for await (const e of decodeLogLines(await open(), file)) {
    const last = runs[runs.length - 1];
    const sameRun = last !== undefined && last.streamId === e.streamId;
    if (inBatch >= 1000 || (!sameRun && runs.some((r) => r.streamId === e.streamId))) {
      imported += await flush(store, runs);
      progress.tick(inBatch);
      runs = [];
      inBatch = 0;
    }
    const current = runs[runs.length - 1];
    if (current !== undefined && current.streamId === e.streamId) current.events.push(e);
    else runs.push({ streamId: e.streamId, first: e, events: [e] });
    inBatch += 1;
  }
  imported += await flush(store, runs);
  progress.stop();
  io.out(
    `imported ${imported} events${head === undefined ? '' : `; ${describeHeadFound(head)}`}\n`,
  );
  return 0;
};
