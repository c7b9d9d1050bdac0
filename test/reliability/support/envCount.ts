/**
 * A positive whole number from the environment, or `fallback` when the variable is unset: the
 * reliability tests run scaled to fit CI and at an issue's full size when asked (for example
 * `STRIVE_REL_KILL_EVENTS=10000 STRIVE_REL_KILLS=20`). Anything else set there is a mistake, and
 * throws saying so. Does I/O (reads the environment).
 */
export const envCount = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return n;
};
