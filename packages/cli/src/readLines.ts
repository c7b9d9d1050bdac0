import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliError } from './CliError.js';
import { decodeUtf8Lines, type NotUtf8 } from './decodeUtf8Lines.js';

/**
 * Fails with a `CliError` (exit 2) unless `file` is a readable file (not a directory), so commands can
 * refuse it before they open (and perhaps create) a store; its size in bytes otherwise. Does I/O.
 */
export const assertReadable = async (file: string): Promise<number> => {
  try {
    await access(file, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  // A directory passes `access` but fails only once read.
  const s = await stat(file);
  if (s.isDirectory()) throw new CliError(`cannot read ${file}: it is a directory`);
  return s.size;
};

/**
 * The lines of a readline interface as an iterable whose iterator is created now: lines read before
 * iteration starts (while a PostgreSQL store connects, say) are buffered instead of lost; readline
 * pauses the file while the consumer is behind, so memory stays flat. A read error ends the lines and
 * is thrown after them. (Racing each line against a never-settling error promise, as this did before,
 * leaked one reaction per line: 1.16 GB of RSS over 1M lines.) Does I/O.
 */
const eagerLines = (
  lines: ReturnType<typeof createInterface>,
  errorOf: () => Error | undefined = () => undefined,
): AsyncIterable<string> => {
  const it = lines[Symbol.asyncIterator]();
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = await it.next();
        if (next.done === true) break;
        yield next.value;
      }
      const error = errorOf();
      if (error !== undefined) throw error;
    },
  };
};

/**
 * Opens a file (or standard input for `-`) as a stream of lines, read lazily so memory stays flat however
 * long the file is: strict UTF-8 (a line that is not is a `NotUtf8`), a leading byte-order mark dropped. An unreadable file is a `CliError` (exit 2) raised before any line is read. Does I/O.
 */
export const openLines = async (
  file: string,
  stdin: Readable,
): Promise<AsyncIterable<string | NotUtf8>> => {
  // Read one character per byte, then decode each line as strict UTF-8 (decodeUtf8Lines).
  if (file === '-') {
    stdin.setEncoding('latin1');
    return decodeUtf8Lines(eagerLines(createInterface({ input: stdin, crlfDelay: Infinity })));
  }
  await assertReadable(file);
  const stream = createReadStream(file, { encoding: 'latin1' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let error: CliError | undefined;
  stream.once('error', (e: NodeJS.ErrnoException) => {
    error = new CliError(`cannot read ${file}: ${e.code ?? e.message}`);
    lines.close();
  });
  return decodeUtf8Lines(eagerLines(lines, () => error));
};
