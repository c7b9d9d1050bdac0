/**
 * What a writer expects of a stream before appending: an exact version (0 = empty),
 * `'no-stream'` (the stream has no events), `'exists'` (at least one event) or `'any'`.
 */
export type ExpectedVersion = number | 'no-stream' | 'exists' | 'any';

/** Whether a stream at `actual` (0 = no events) satisfies `expected`. Pure. */
export const satisfiesExpectedVersion = (expected: ExpectedVersion, actual: number): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 0;
    case 'exists':
      return actual > 0;
    default:
      return actual === expected;
  }
};

/** Whether a value is a well-formed `ExpectedVersion` (a non-negative safe integer or a keyword). Pure. */
export const isExpectedVersion = (u: unknown): u is ExpectedVersion =>
  u === 'any' ||
  u === 'no-stream' ||
  u === 'exists' ||
  (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0);
