import {
  createChainVerifier,
  isChainBroken,
  type EventStore,
  type StoredEvent,
  type VerifyResult,
} from '@strive/eventlog';
import type { DerivedResult } from '../DerivedResult.js';
import { describeHeadFound, expectHead, watched, type HeadFound } from '../expectHead.js';
import type { Io } from '../Io.js';
import { printable } from '../printable.js';
import { startDerivedCheck, type DerivedCheck } from '../startDerivedCheck.js';

/** What `verify` takes besides the store. */
export interface VerifyOptions {
  readonly json: boolean;
  /** Only re-walk the hash chain (snapshots and read models are then not checked, and the output says so). */
  readonly chainOnly: boolean;
  /** A head hash the log must hold (the head, or an event before it when the log grew since). */
  readonly expectHead?: string;
}

const describeDerived = (d: DerivedResult | undefined): string => {
  if (d === undefined) return 'chain checked; snapshots and read models NOT checked (--chain-only)';
  if (d._tag === 'DerivedDiffers') return `${d.what} differs from the log: ${d.reason}`;
  return `chain, ${d.snapshots} snapshots and ${d.documents} read-model documents checked against the log (report view ${d.reportView})`;
};

/** The chain walk of `verifyEvents`, feeding each event that holds to the deep check (one pass). */
const walk = async (
  events: AsyncIterable<StoredEvent>,
  check: DerivedCheck | undefined,
): Promise<VerifyResult> => {
  const chain = createChainVerifier();
  for await (const e of events) {
    const broken = chain.check(e);
    if (broken !== undefined) return broken;
    check?.add(e);
  }
  return chain.verified();
};

/**
 * `strive verify`: re-walks the hash chain, then (unless `chainOnly`) re-derives every snapshot and
 * read-model document from the log and compares; with `expectHead`, the log must hold that head.
 * `ok N events: <what was checked>` and 0, or the first thing that fails and 1. Does I/O (reads only).
 */
export const verifyLog = async (store: EventStore, io: Io, o: VerifyOptions): Promise<number> => {
  const expected = o.expectHead === undefined ? undefined : expectHead(o.expectHead, 'the log');
  const check = o.chainOnly ? undefined : await startDerivedCheck(store);
  const chain = await walk(watched(store.readAll(), expected?.see), check);
  const derived = isChainBroken(chain) || check === undefined ? undefined : await check.finish();
  const head: HeadFound | undefined = isChainBroken(chain) ? undefined : expected?.found();
  const ok = !isChainBroken(chain) && derived?._tag !== 'DerivedDiffers';
  if (o.json) {
    io.out(
      `${JSON.stringify({
        ok,
        ...chain,
        checked: {
          chain: true,
          snapshots: derived?._tag === 'DerivedChecked' ? derived.snapshots : null,
          readModelDocuments: derived?._tag === 'DerivedChecked' ? derived.documents : null,
          reportView: derived?._tag === 'DerivedChecked' ? derived.reportView : null,
        },
        ...(derived?._tag === 'DerivedDiffers'
          ? { differs: { what: derived.what, reason: derived.reason } }
          : {}),
        ...(head === undefined ? {} : { expectedHead: head }),
      })}\n`,
    );
  } else if (isChainBroken(chain)) {
    io.out(
      `${printable(`chain broken at global position ${chain.globalPosition} (stream ${chain.streamId}, position ${chain.streamPosition}): ${chain.reason}`)}\n`,
    );
  } else {
    const where = head === undefined ? '' : `; ${describeHeadFound(head)}`;
    io.out(
      `${printable(`${ok ? 'ok' : 'NOT ok'} ${chain.events} events: ${describeDerived(derived)}${where}`)}\n`,
    );
  }
  return ok ? 0 : 1;
};
