import type { RuleFailure } from './policy.js';

/** Default of `maxClockSkewMs`: how far ahead of the adapter's clock a command's `at` may be. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 60_000;

/**
 * Rule `clock.skew`: a command's `at` is at most `maxSkewMs` ahead of `now`, the clock of the adapter
 * that received it, so no client can date a command into the future (and freeze a stream whose later,
 * truthfully dated commands `clock.monotonic` would refuse). Without `now` nothing is checked. Pure.
 * @example
 * checkClockSkew('2027-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 60_000);
 * // [{ ruleId: 'clock.skew', message: 'at 2027-01-01T00:00:00Z is 31536000 s ahead of ...' }]
 */
export const checkClockSkew = (
  at: string,
  now: string | Date | undefined,
  maxSkewMs: number,
): readonly RuleFailure[] => {
  if (now === undefined) return [];
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(nowMs))
    throw new Error(
      `handle: options.now must be an ISO-8601 date-time or a valid Date (got ${String(now)})`,
    );
  const aheadMs = Date.parse(at) - nowMs;
  return aheadMs <= maxSkewMs
    ? []
    : [
        {
          ruleId: 'clock.skew',
          message: `at ${at} is ${Math.round(aheadMs / 1000)} s ahead of the receiver's clock (${new Date(nowMs).toISOString()}); at most ${maxSkewMs / 1000} s allowed`,
        },
      ];
};
