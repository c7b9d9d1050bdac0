import { createChainVerifier, type ChainBroken, type StoredEvent } from '@strive/eventlog';

/** What checking the lines of a log found: the chain holds, a link fails, or a line is unreadable. */
export type LineChainResult =
  | { readonly kind: 'holds'; readonly events: number }
  | { readonly kind: 'broken'; readonly broken: ChainBroken }
  | { readonly kind: 'unreadable'; readonly line: number };

/** Checks the hash chain of an exported log fed as raw text chunks (see `createLineChain`). */
export interface LineChain {
  /** Checks every whole line in `chunk` (with what the previous chunk left over). */
  readonly feed: (chunk: string) => void;
  /** Checks the last line and says what the whole text held. */
  readonly end: () => LineChainResult;
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

/**
 * The envelope's shape, one level deep: what hashing reads. Deliberately shallow (a deep check costs as
 * much as the hash): the reading thread decodes every line fed here in full and refuses the whole file,
 * printing no report, if any is not an event, so a line only checked here never reaches a report.
 */
const isShallowEvent = (u: unknown): u is StoredEvent =>
  isRecord(u) &&
  typeof u['eventId'] === 'string' &&
  typeof u['streamId'] === 'string' &&
  typeof u['type'] === 'string' &&
  typeof u['prevHash'] === 'string' &&
  typeof u['hash'] === 'string' &&
  typeof u['streamPosition'] === 'number' &&
  typeof u['globalPosition'] === 'number' &&
  typeof u['schemaVersion'] === 'number' &&
  'data' in u &&
  isRecord(u['metadata']);

/**
 * The hash-chain check of `strive replay` over raw text, for a second thread: lines are split and
 * parsed as `openLogBatches` splits them, each event is checked with `createChainVerifier`, and checking
 * stops at the first failure, at a line that does not parse (the reading thread names it), or after
 * global position `limit`. Pure (state lives in the returned object).
 * @example const c = createLineChain(); c.feed(text); c.end() // { kind: 'holds', events: 220 }
 */
export const createLineChain = (limit = Infinity): LineChain => {
  const chain = createChainVerifier();
  let rest = '';
  let line = 0;
  let found: LineChainResult | undefined;
  const take = (text: string): void => {
    line += 1;
    if (found !== undefined || text.trim() === '') return;
    let e: unknown;
    try {
      e = JSON.parse(text);
    } catch {
      found = { kind: 'unreadable', line };
      return;
    }
    if (!isShallowEvent(e)) {
      found = { kind: 'unreadable', line };
      return;
    }
    if (e.globalPosition > limit) {
      found = { kind: 'holds', events: chain.verified().events };
      return;
    }
    const broken = chain.check(e);
    if (broken !== undefined) found = { kind: 'broken', broken };
  };
  return {
    feed: (chunk) => {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
    },
    end: () => {
      take(rest);
      rest = '';
      return found ?? { kind: 'holds', events: chain.verified().events };
    },
  };
};
