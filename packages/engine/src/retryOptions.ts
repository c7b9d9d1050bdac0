import type { RetryOptions } from './Engine.js';

const atLeast = (name: string, n: number, min: number): number => {
  if (Number.isNaN(n) || n < min || (!Number.isSafeInteger(n) && n !== Infinity))
    throw new Error(`createEngine: retry.${name} must be an integer >= ${min} (got ${n})`);
  return n;
};

/**
 * `retry` with its defaults, checked: budget 30 s, pauses 5-200 ms, no attempt limit, streams locked
 * after a lost race. Throws on a negative or fractional number (a bug in the caller). Pure.
 * @example retryOptions({ budgetMs: 2_000 }).maxDelayMs // 200
 */
export const retryOptions = (given: Partial<RetryOptions>): RetryOptions => {
  const streamLock = given.streamLock ?? 'on-conflict';
  if (streamLock !== 'on-conflict' && streamLock !== 'never')
    throw new Error(`createEngine: retry.streamLock must be 'on-conflict' or 'never'`);
  const baseDelayMs = atLeast('baseDelayMs', given.baseDelayMs ?? 5, 0);
  return {
    budgetMs: atLeast('budgetMs', given.budgetMs ?? 30_000, 0),
    baseDelayMs,
    maxDelayMs: atLeast('maxDelayMs', given.maxDelayMs ?? Math.max(200, baseDelayMs), baseDelayMs),
    maxAttempts: atLeast('maxAttempts', given.maxAttempts ?? Infinity, 1),
    streamLock,
  };
};
