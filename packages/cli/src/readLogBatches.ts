import type { Readable } from 'node:stream';
import type { EventLog, StoredEvent } from '@strive/eventlog';
import { CliError } from './CliError.js';
import { decodeLogLine } from './decodeLogLines.js';
import { fileChunks } from './fileChunks.js';
import { inBatches } from './inBatches.js';
import { stampNow, type LogFile } from './LogFile.js';
import { assertReadable } from './readLines.js';

/** Bytes read at a time: a chunk's events are decoded in one synchronous pass, and few enough stay
 * alive at once that the young generation collects them (1 MiB chunks doubled the peak RSS). */
const CHUNK = 64 * 1024;

/**
 * Events in log order, and beside each the line it was parsed from when there is one (an exported
 * log), for the chain check to hash the line's own text (`createLogChainCheck`).
 */
export interface LogBatch {
  readonly events: readonly StoredEvent[];
  readonly lines: readonly (string | undefined)[];
  /** Beside each event, the number of its line in the log (from 1); empty from a store. */
  readonly numbers: readonly number[];
}

/** A log's batches, and the file they are read from with its size (none for standard input or a store). */
export type LogBatches = AsyncIterable<LogBatch> & {
  readonly file: LogFile | undefined;
};

async function* batches(
  input: AsyncIterable<unknown> | Iterable<string>,
  file: string,
): AsyncIterable<LogBatch> {
  let rest = '';
  let n = 0;
  try {
    let chunks = 0;
    for await (const chunk of input) {
      // A file is read synchronously (`fileChunks`): let timers (the progress bar) run now and then.
      if (++chunks % 16 === 0) await new Promise<void>((next) => setImmediate(next));
      const text: string = rest + String(chunk);
      const events: StoredEvent[] = [];
      const lines: string[] = [];
      const numbers: number[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        n += 1;
        const line = text.slice(start, end);
        const e = decodeLogLine(line, file, n);
        if (e !== undefined) {
          events.push(e);
          lines.push(line);
          numbers.push(n);
        }
        start = end + 1;
      }
      rest = text.slice(start);
      yield { events, lines, numbers };
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code: unknown = e instanceof Error ? (Reflect.get(e, 'code') ?? e.message) : e;
    throw new CliError(`cannot read ${file}: ${String(code)}`);
  }
  const last = decodeLogLine(rest, file, n + 1);
  if (last !== undefined) yield { events: [last], lines: [rest], numbers: [n + 1] };
}

/**
 * The events of an exported log (a file, or standard input for `-`), decoded a chunk at a time: one
 * await per megabyte instead of a few per line, and nothing kept beyond the chunk being decoded, so
 * memory stays flat however long the log is. An unreadable file is a `CliError` (exit 2) raised before
 * anything is read; a bad line is a `CliError` naming it (exit 1). A file's stamp is taken before it is
 * read (`LogFile`). Does I/O.
 * @example for await (const b of await openLogBatches('zz.log.jsonl', process.stdin)) fold(b.events);
 */
export const openLogBatches = async (file: string, stdin: Readable): Promise<LogBatches> => {
  if (file === '-')
    return Object.assign(batches(stdin.setEncoding('utf8'), file), { file: undefined });
  const [bytes, stamp] = await Promise.all([assertReadable(file), stampNow(file)]);
  const read = batches(fileChunks(file, CHUNK), file);
  return Object.assign(read, { file: { path: file, stamp, bytes } });
};

async function* readStore(store: Pick<EventLog, 'readAll'>): AsyncIterable<LogBatch> {
  for await (const events of inBatches(store.readAll({ batchSize: 1000 }), 1000))
    yield { events, lines: [], numbers: [] };
}

/**
 * The events of a store, 1,000 at a time, with no lines (`replay` without a file). Does I/O.
 * @example for await (const b of storeBatches(store)) fold(b.events);
 */
export const storeBatches = (store: Pick<EventLog, 'readAll'>): LogBatches =>
  Object.assign(readStore(store), { file: undefined });
