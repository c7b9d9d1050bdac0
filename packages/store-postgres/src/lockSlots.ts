/**
 * A counting semaphore: at most `n` holders at a time, the others wait in arrival order; each taker
 * gets the function that frees its place. Holds state in memory; no I/O.
 */
export const slots = (n: number): (() => Promise<() => void>) => {
  let free = n;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) free += 1;
    else next();
  };
  return () => {
    if (free > 0) {
      free -= 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)));
  };
};
