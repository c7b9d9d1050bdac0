import { CliError } from './CliError.js';

/**
 * Reads a whole-number flag within bounds, or fails with a `CliError` naming the flag (exit 2). Pure.
 * @example parseCount('--orgs', '10', 1, 1_000_000) // 10
 */
export const parseCount = (flag: string, value: string, min: number, max: number): number => {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
};
