/** A token bucket per key: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** Whether a request may go ahead, or how many whole seconds until it may. */
export type RateDecision =
  { readonly _tag: 'Allowed' } | { readonly _tag: 'Limited'; readonly retryAfterSeconds: number };

/** A rate limiter: `take(key)` spends one token of that key's bucket. */
export interface RateLimiter {
  readonly take: (key: string) => RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full ones are forgotten (a full bucket is the same as no bucket). */
const PRUNE_ABOVE = 10_000;

/**
 * A token-bucket rate limiter keyed by principal id, on an injected clock (ms); idle buckets refill to
 * full and are forgotten, so memory stays bounded by the keys active in the last `capacity /
 * refillPerSecond` seconds. Pure but for the buckets it keeps.
 * @example
 * const limit = createRateLimiter({ capacity: 2, refillPerSecond: 1 }, () => 0);
 * limit.take('ann'); limit.take('ann'); limit.take('ann'); // { _tag: 'Limited', retryAfterSeconds: 1 }
 */
export const createRateLimiter = (
  { capacity, refillPerSecond }: RateLimitOptions,
  nowMs: () => number,
): RateLimiter => {
  if (!(capacity >= 1) || !(refillPerSecond > 0) || !Number.isFinite(capacity + refillPerSecond))
    throw new Error(
      `rateLimit: capacity must be >= 1 and refillPerSecond > 0 (got ${capacity}, ${refillPerSecond})`,
    );
  const buckets = new Map<string, Bucket>();
  const refill = (b: Bucket, now: number): void => {
    b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * refillPerSecond);
    b.at = now;
  };
  const prune = (now: number): void => {
    for (const [key, b] of buckets) {
      refill(b, now);
      if (b.tokens >= capacity) buckets.delete(key);
    }
  };
  return {
    take: (key) => {
      const now = nowMs();
      if (buckets.size > PRUNE_ABOVE) prune(now);
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      buckets.set(key, bucket);
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { _tag: 'Allowed' };
      }
      return {
        _tag: 'Limited',
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)),
      };
    },
  };
};
