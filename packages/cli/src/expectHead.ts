import type { StoredEvent } from '@strive/eventlog';
import { CliError } from './CliError.js';

/** Where the head a user expects was found in a log: its position and how many events follow it. */
export interface HeadFound {
  readonly hash: string;
  readonly globalPosition: number;
  readonly after: number;
}

/** Checks an `--expect-head` value is a 64-hex hash (what `verify` and report pages print). Pure. */
export const parseExpectedHead = (value: string): string => {
  const hash = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash))
    throw new CliError(
      `--expect-head must be a 64-hex hash as printed by verify or a report (got "${value}")`,
    );
  return hash;
};

/**
 * Tracks an expected head while a log is read: `see` each event in order, then `found` says where the
 * hash was (the log is that head plus `after` events) or throws the exit-1 refusal when the log does
 * not hold it (a truncated, re-chained or different log). Holds one position; no I/O.
 */
export const expectHead = (hash: string, what: string) => {
  let position: number | undefined;
  let last = 0;
  return {
    see: (e: StoredEvent): void => {
      if (e.hash === hash) position = e.globalPosition;
      last = e.globalPosition;
    },
    found: (): HeadFound => {
      if (position === undefined)
        throw new CliError(
          `${what} does not hold the expected head ${hash} (its ${last} events end elsewhere: truncated, re-chained or another log)`,
          1,
        );
      return { hash, globalPosition: position, after: last - position };
    },
  };
};

/** The sentence saying where the expected head is. Pure. */
export const describeHeadFound = (h: HeadFound): string =>
  h.after === 0
    ? `head is the expected ${h.hash.slice(0, 12)}…`
    : `expected head ${h.hash.slice(0, 12)}… found at position ${h.globalPosition}, ${h.after} events after it`;

/** The events of `events`, each shown to `see` first (when given). Does the I/O of `events`. */
export async function* watched(
  events: AsyncIterable<StoredEvent>,
  see: ((e: StoredEvent) => void) | undefined,
): AsyncGenerator<StoredEvent> {
  for await (const e of events) {
    see?.(e);
    yield e;
  }
}
