/**
 * The next pause between two attempts that lost a version race, by decorrelated jitter: uniform
 * between `baseMs` and three times the previous pause, at most `capMs`. Unlike a fixed doubling, the
 * pauses of racing writers drift apart instead of colliding again at the same moments. `random` is
 * uniform in [0, 1). Pure.
 * @example nextDelay(5, 5, 250, 0.5) // 10: halfway between 5 and 15
 */
export const nextDelay = (
  previousMs: number,
  baseMs: number,
  capMs: number,
  random: number,
): number => Math.min(capMs, baseMs + random * (Math.max(baseMs, previousMs * 3) - baseMs));
