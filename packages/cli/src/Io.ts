import type { Readable } from 'node:stream';

/** Everything the CLI touches outside itself, so commands stay testable and the core stays pure. */
export interface Io {
  readonly out: (text: string) => void;
  /** Writes to standard output and waits while the pipe is full, so long outputs stay in flat memory. */
  readonly outFlowing: (text: string) => Promise<void>;
  readonly err: (text: string) => void;
  readonly stdin: Readable;
  /** Whether standard error is a terminal (progress bars only then). */
  readonly errIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The wall clock: read only here, in the shell. */
  readonly now: () => Date;
}

/** The real process's Io. Does I/O. */
export const processIo = (): Io => ({
  out: (text) => void process.stdout.write(text),
  outFlowing: (text) =>
    process.stdout.write(text)
      ? Promise.resolve()
      : new Promise((r) => process.stdout.once('drain', r)),
  err: (text) => void process.stderr.write(text),
  stdin: process.stdin,
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
  now: () => new Date(),
});
