import { canonicalJson, validateJson } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';

/** What the deep check covered: snapshots and read-model documents compared with the log. */
interface DerivedChecked {
  readonly _tag: 'DerivedChecked';
  readonly snapshots: number;
  readonly documents: number;
  /** Whether the report view was compared (a stale one is never read, so it is skipped). */
  readonly reportView: 'equal' | 'stale, not read by report';
}

/** The first snapshot or document that differs from what the log gives. */
export interface DerivedDiffers {
  readonly _tag: 'DerivedDiffers';
  /** e.g. `snapshot of campaign-zz2010 (campaign@1) at position 40` or `document "o1" of subjects@v1`. */
  readonly what: string;
  readonly reason: string;
}

/** Result of the deep check (`startDerivedCheck`). */
export type DerivedResult = DerivedChecked | DerivedDiffers;

/** The bounds a re-derived value is validated within before it is compared. */
export const DERIVED_LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

/** The canonical JSON of a re-derived value, or undefined when it is not JSON within the limits. Pure. */
export const canonicalDerived = (u: unknown): string | undefined => {
  const json = validateJson(u, 'value', DERIVED_LIMITS);
  return E.isLeft(json) ? undefined : canonicalJson(json.right);
};

/** A `DerivedDiffers` naming what differs and why. Pure. */
export const differs = (what: string, reason: string): DerivedDiffers => ({
  _tag: 'DerivedDiffers',
  what,
  reason,
});
