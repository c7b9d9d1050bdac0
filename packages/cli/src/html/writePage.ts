import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../CliError.js';

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : e instanceof Error
      ? e.message
      : String(e);

/**
 * Fails with a `CliError` (exit 2) unless a page can be written at `file`: its folder exists and it is
 * not a directory; so `report --html` refuses a bad path before reading the store. Does I/O.
 */
export const assertWritableTarget = async (file: string): Promise<void> => {
  const dir = await stat(dirname(file)).catch(() => null);
  if (dir === null || !dir.isDirectory())
    throw new CliError(`cannot write ${file}: no folder ${dirname(file)}`);
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory() === true)
    throw new CliError(`cannot write ${file}: it is a directory`);
};

/**
 * Writes a page atomically: into a temporary file beside `file`, then renamed over it, so a reader never
 * sees half a page and a failed write leaves any earlier page as it was. Does I/O.
 */
export const writePage = async (file: string, text: string): Promise<void> => {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new CliError(`cannot write ${file}: ${codeOf(e)}`);
  }
};
