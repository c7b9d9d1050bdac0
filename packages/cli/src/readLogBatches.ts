import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { StoredEvent } from '@strive/eventlog';
import { CliError } from './CliError.js';
import { decodeLogLine } from './decodeLogLines.js';
import { assertReadable } from './readLines.js';

/** Bytes read at a time: a chunk's events are decoded in one synchronous pass, and few enough stay
 * alive at once that the young generation collects them (1 MiB chunks doubled the peak RSS). */
const CHUNK = 64 * 1024;

async function* batches(input: Readable, file: string): AsyncIterable<readonly StoredEvent[]> {
  let rest = '';
  let n = 0;
  try {
    for await (const chunk of input) {
      const text: string = rest + String(chunk);
      const events: StoredEvent[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        n += 1;
        const e = decodeLogLine(text.slice(start, end), file, n);
        if (e !== undefined) events.push(e);
        start = end + 1;
      }
      rest = text.slice(start);
      yield events;
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code: unknown = e instanceof Error ? (Reflect.get(e, 'code') ?? e.message) : e;
    throw new CliError(`cannot read ${file}: ${String(code)}`);
  }
  const last = decodeLogLine(rest, file, n + 1);
  if (last !== undefined) yield [last];
}

/**
 * The events of an exported log (a file, or standard input for `-`), decoded a chunk at a time: one
 * await per megabyte instead of a few per line, and nothing kept beyond the chunk being decoded, so
 * memory stays flat however long the log is. An unreadable file is a `CliError` (exit 2) raised before
 * anything is read; a bad line is a `CliError` naming it (exit 1). Does I/O.
 * @example for await (const events of await openLogBatches('zz.log.jsonl', process.stdin)) fold(events);
 */
export const openLogBatches = async (
  file: string,
  stdin: Readable,
): Promise<AsyncIterable<readonly StoredEvent[]>> => {
  if (file === '-') return batches(stdin.setEncoding('utf8'), file);
  await assertReadable(file);
  return batches(createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK }), file);
};
