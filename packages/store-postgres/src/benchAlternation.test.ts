import { describe, expect, it } from 'vitest';

/** `measureAlternating` of the benchmark harness (plain JavaScript next to the package, not its API). */
const measureAlternating = async (options: object): Promise<unknown> => {
  const mod: unknown = await import(new URL('../bench/workloads.js', import.meta.url).href);
  const fn: unknown =
    typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'measureAlternating') : undefined;
  if (typeof fn !== 'function')
    throw new Error('bench/workloads.js no longer exports measureAlternating');
  const result: unknown = await Reflect.apply(fn, undefined, [options]);
  return result;
};

const side = (name: string, order: string[]) => {
  let n = 0;
  return {
    run: (): Promise<string> => {
      n += 1;
      order.push(`${name}${n}`);
      return Promise.resolve(`${name}${n}`);
    },
  };
};

describe('measureAlternating (PostgreSQL workloads)', () => {
  it('runs each side once unmeasured, then alternates which side goes first', async () => {
    const order: string[] = [];
    const result = await measureAlternating({
      store: side('s', order),
      raw: side('r', order),
      runs: 3,
      warmup: 1,
    });
    expect(order).toEqual(['s1', 'r1', 's2', 'r2', 'r3', 's3', 's4', 'r4']);
    expect(result).toEqual({ s: ['s2', 's3', 's4'], r: ['r2', 'r3', 'r4'] });
  });
});
