import { stat } from 'node:fs/promises';

/**
 * An exported log read from a file: its path, its size in bytes, and a stamp of what the file was
 * (size, modification time, inode, device), equal only while the file is not changed or replaced.
 */
export interface LogFile {
  readonly path: string;
  readonly bytes: number;
  readonly stamp: string;
}

/** The stamp of a file's metadata (see `LogFile`). Pure. */
export const stampOf = (s: {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly dev: number;
}): string => `${s.size}:${s.mtimeMs}:${s.ino}:${s.dev}`;

/** The stamp of `path` now. Does I/O. */
export const stampNow = async (path: string): Promise<string> => stampOf(await stat(path));
