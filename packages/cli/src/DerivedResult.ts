import { validateJson } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { sameJson } from './sameJson.js';

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

/**
 * Whether two values have the same canonical JSON, a value that is not JSON within the limits counting
 * as no text (two such are the same; such and a JSON value are not). Compared with `sameJson`, without
 * writing either text. Pure.
 */
export const sameDerived = (a: unknown, b: unknown): boolean => {
  const x = validateJson(a, 'value', DERIVED_LIMITS);
  const y = validateJson(b, 'value', DERIVED_LIMITS);
  return E.isLeft(x) || E.isLeft(y) ? E.isLeft(x) && E.isLeft(y) : sameJson(x.right, y.right);
};

/** A `DerivedDiffers` naming what differs and why. Pure. */
export const differs = (what: string, reason: string): DerivedDiffers => ({
  _tag: 'DerivedDiffers',
  what,
  reason,
});
