import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Command } from './campaignScript.js';

/** SHA-256 (hex) of a file's bytes. Does I/O. */
export const fileHash = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** The names of the files beside a store file that belong to it (`x.db`, `x.db-wal`, ...). Does I/O. */
export const storeFiles = (path: string): string[] =>
  existsSync(dirname(path))
    ? readdirSync(dirname(path))
        .filter((f) => f.startsWith(basename(path)))
        .sort()
    : [];

/** Writes commands as a JSONL file. Does I/O. */
export const writeCommands = (path: string, commands: readonly Command[]): void =>
  writeFileSync(path, commands.map((c) => `${JSON.stringify(c)}\n`).join(''));
