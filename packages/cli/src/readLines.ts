import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliError } from './CliError.js';

/**
 * Fails with a `CliError` (exit 2) unless `file` is a readable file (not a directory), so commands can
 * refuse it before they open (and perhaps create) a store. Does I/O.
 */
export const assertReadable = async (file: string): Promise<void> => {
  try {
    await access(file, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  // A directory passes `access` but fails only once read.
  if ((await stat(file)).isDirectory())
    throw new CliError(`cannot read ${file}: it is a directory`);
};

/**
 * The lines of a readline interface as an iterable whose iterator is created now: lines read before
 * iteration starts (while a PostgreSQL store connects, say) are buffered instead of lost. Does I/O.
 */
const eagerLines = (
  lines: ReturnType<typeof createInterface>,
  failed: Promise<never> = new Promise<never>(() => undefined),
): AsyncIterable<string> => {
  const it = lines[Symbol.asyncIterator]();
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = await Promise.race([it.next(), failed]);
        if (next.done === true) return;
        yield next.value;
      }
    },
  };
};

/**
 * Opens a file (or standard input for `-`) as a stream of lines, read lazily so memory stays flat however
 * long the file is. An unreadable file is a `CliError` (exit 2) raised before any line is read. Does I/O.
 */
export const openLines = async (file: string, stdin: Readable): Promise<AsyncIterable<string>> => {
  if (file === '-') return eagerLines(createInterface({ input: stdin, crlfDelay: Infinity }));
  await assertReadable(file);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot read ${file}: ${e.code ?? e.message}`)),
    ),
  );
  failed.catch(() => undefined);
  return eagerLines(createInterface({ input: stream, crlfDelay: Infinity }), failed);
};
