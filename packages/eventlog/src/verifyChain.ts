import { GENESIS_HASH, type StoredEvent } from './EventEnvelope.js';
import type { EventLog } from './EventStore.js';
import { exportedLineHolds } from './exportedLine.js';
import { computeEventHash } from './hashEvent.js';

/** The chain holds: `events` links checked, ending at `headHash`. */
export interface ChainVerified {
  readonly _tag: 'ChainVerified';
  readonly events: number;
  readonly headHash: string;
}

/** The first link that fails, where, and why. */
export interface ChainBroken {
  readonly _tag: 'ChainBroken';
  readonly globalPosition: number;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly reason: string;
}

/** The outcome of re-walking a log's hash chain. */
export type VerifyResult = ChainVerified | ChainBroken;

/** Whether a verify result reports a broken chain. Pure. */
export const isChainBroken = (r: VerifyResult): r is ChainBroken => r._tag === 'ChainBroken';

const broken = (e: StoredEvent, reason: string): ChainBroken => ({
  _tag: 'ChainBroken',
  globalPosition: e.globalPosition,
  streamId: e.streamId,
  streamPosition: e.streamPosition,
  reason,
});

/** Checks events one at a time, in global order (what `verifyEvents` walks with). */
export interface ChainVerifier {
  /**
   * Checks the next event: undefined when its link holds, else the break (stop there). `line`, when
   * given, is the exported line `e` was parsed from: its hash is then checked on the line's own text
   * when `exportedLineHolds` can, with the same outcome.
   */
  readonly check: (e: StoredEvent, line?: string) => ChainBroken | undefined;
  /**
   * Checks the next event's links only (its global and stream positions, its `prevHash`) and moves on
   * as `check` does, leaving its hash to the caller: for a reader that checks hashes apart, such as
   * `replay` in another thread with `exportedLineFits` and `lineHashHolds`. The chain is verified
   * only once the caller has checked every hash.
   */
  readonly checkLinks: (e: StoredEvent) => ChainBroken | undefined;
  /** The links checked so far and the hash they end at. */
  readonly verified: () => ChainVerified;
}

/**
 * A step-by-step chain check for callers that fold the same events (a streamed `replay`): gap-free
 * global and stream positions, each `prevHash` equal to the previous hash, each hash recomputed from
 * the content. Memory grows only with the number of streams. Pure (state lives in the returned object).
 * @example const v = createChainVerifier(); for (const e of log) if (v.check(e)) break;
 */
export const createChainVerifier = (): ChainVerifier => {
  let expectedGlobal = 1;
  let prevHash = GENESIS_HASH;
  const streams = new Map<string, number>();
  const links = (e: StoredEvent): ChainBroken | undefined => {
    if (e.globalPosition !== expectedGlobal)
      return broken(e, `global position ${e.globalPosition} where ${expectedGlobal} was expected`);
    const expectedStream = (streams.get(e.streamId) ?? 0) + 1;
    if (e.streamPosition !== expectedStream)
      return broken(e, `stream position ${e.streamPosition} where ${expectedStream} was expected`);
    if (e.prevHash !== prevHash) return broken(e, 'prevHash does not match the previous event');
    return undefined;
  };
  const advance = (e: StoredEvent): undefined => {
    streams.set(e.streamId, e.streamPosition);
    prevHash = e.hash;
    expectedGlobal += 1;
    return undefined;
  };
  return {
    check: (e, line) => {
      const failed = links(e);
      if (failed !== undefined) return failed;
      if (!(line !== undefined && exportedLineHolds(line, e)) && computeEventHash(e) !== e.hash)
        return broken(e, 'content does not match its hash');
      return advance(e);
    },
    checkLinks: (e) => links(e) ?? advance(e),
    verified: () => ({ _tag: 'ChainVerified', events: expectedGlobal - 1, headHash: prevHash }),
  };
};

/**
 * Re-walks a sequence of events in global order with `createChainVerifier` and reports the first
 * event that fails. Reads the iterable once; memory grows only with the number of streams.
 * @example const r = await verifyEvents(store.readAll()); if (isChainBroken(r)) console.log(r.reason);
 */
export const verifyEvents = async (
  events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>,
): Promise<VerifyResult> => {
  const verifier = createChainVerifier();
  for await (const e of events) {
    const failed = verifier.check(e);
    if (failed !== undefined) return failed;
  }
  return verifier.verified();
};

/**
 * Re-walks the whole log of a store. Does I/O (reads every event once, in batches).
 * @example const r = await verify(store); // { _tag: 'ChainVerified', events: 42, headHash: '…' }
 */
export const verify = (store: Pick<EventLog, 'readAll'>): Promise<VerifyResult> =>
  verifyEvents(store.readAll());
