import { computeEventHash } from '@strive/eventlog/adapter';
import { decodeLogLine } from './decodeLogLines.js';
import type { LineHashFailure } from './LineHashFailure.js';

/**
 * The hash check of line `n` the slow way, for a line `lineHashHolds` did not prove: decoded, and its
 * hash recomputed from the event (`computeEventHash`). A failure when it does not hold; undefined
 * when it does, and for a line that is blank, not JSON or not an event envelope (the reader reports
 * those). Pure.
 */
export const recheckLine = (line: string, n: number): LineHashFailure | undefined => {
  let e;
  try {
    e = decodeLogLine(line, '', n);
  } catch {
    return undefined;
  }
  if (e === undefined || computeEventHash(e) === e.hash) return undefined;
  return {
    line: n,
    globalPosition: e.globalPosition,
    streamId: e.streamId,
    streamPosition: e.streamPosition,
  };
};
