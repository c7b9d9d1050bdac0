/** The seed of a reliability run: `STRIVE_REL_SEED` when set (to replay a failure), else `fallback`. */
export const seedOf = (fallback: number): number => {
  const raw = process.env['STRIVE_REL_SEED'];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) ? n : fallback;
};

/** A seeded uniform generator in [0, 1) (mulberry32): same seed, same sequence. Pure state machine. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An integer in [lo, hi] from a uniform generator. */
export const intIn = (random: () => number, lo: number, hi: number): number =>
  lo + Math.floor(random() * (hi - lo + 1));
