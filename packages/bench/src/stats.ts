/** The spread of one measurement over several runs. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Median, minimum and maximum of a non-empty list of numbers. Pure. */
export const spread = (xs: readonly number[]): Spread => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return { median, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
};

/** Wall-clock and CPU (user + system, this process) milliseconds of one piece of work. */
export interface Measure {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Wall and CPU milliseconds taken by `work`. CPU time barely moves when other processes load the
 * machine, wall time does; both are reported. Does whatever `work` does.
 */
export const measure = async (work: () => Promise<void> | void): Promise<Measure> => {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
};

/**
 * A spread as `median [min-max]`, each written with `digits` decimals. Pure.
 * @example spreadFixed({ median: 2, min: 1, max: 3.5 }, 1) // '2.0 [1.0-3.5]'
 */
export const spreadFixed = (s: Spread, digits: number): string =>
  `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;
