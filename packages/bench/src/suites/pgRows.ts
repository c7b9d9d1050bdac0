import type { Spread } from '../stats.js';

/** One row of `runWorkloads` of packages/store-postgres/bench/workloads.js. */
export interface PgRow {
  readonly id: string;
  readonly writers: number;
  readonly unit: string;
  readonly store: Spread;
  readonly raw: Spread;
  readonly ratio: number;
}

const get = (u: object, k: string): unknown => Object.getOwnPropertyDescriptor(u, k)?.value;
const num = (u: object, k: string): number => {
  const v = get(u, k);
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`pg bench row: ${k} is not a number`);
  return v;
};
const str = (u: object, k: string): string => {
  const v = get(u, k);
  if (typeof v !== 'string') throw new Error(`pg bench row: ${k} is not a string`);
  return v;
};
const spreadOf = (u: object, k: string): Spread => {
  const v = get(u, k);
  if (typeof v !== 'object' || v === null) throw new Error(`pg bench row: ${k} is not a spread`);
  return { median: num(v, 'median'), min: num(v, 'min'), max: num(v, 'max') };
};

/**
 * The rows returned by the PostgreSQL owner's `runWorkloads` (plain JavaScript), checked field by
 * field: a changed shape fails the suite with the field's name instead of printing nonsense. Pure.
 */
export const decodePgRows = (u: unknown): PgRow[] => {
  if (!Array.isArray(u)) throw new Error('pg bench: runWorkloads did not return an array');
  return u.map((r: unknown) => {
    if (typeof r !== 'object' || r === null) throw new Error('pg bench row: not an object');
    return {
      id: str(r, 'id'),
      writers: num(r, 'writers'),
      unit: str(r, 'unit'),
      store: spreadOf(r, 'store'),
      raw: spreadOf(r, 'raw'),
      ratio: num(r, 'ratio'),
    };
  });
};
