import type { Suite } from './Suite.js';

/** The suites to run, in the order given by `all`, or why `--only` is wrong. */
export type Selection =
  | { readonly _tag: 'Selected'; readonly suites: readonly Suite[] }
  | {
      readonly _tag: 'UnknownSuites';
      readonly unknown: readonly string[];
      readonly known: readonly string[];
    };

/**
 * The suites `--only a,b` selects (case-insensitive ids; undefined or empty = all), plus the suites
 * they need (`needs`, e.g. F needs the campaign store), kept in the order of `all`; an `optIn` suite
 * runs only when named. Pure.
 * @example selectSuites(all, 'F').suites.map((s) => s.id) // ['campaign', 'F']
 */
export const selectSuites = (all: readonly Suite[], only: string | undefined): Selection => {
  const wanted = (only ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const byId = new Map(all.map((s) => [s.id.toLowerCase(), s]));
  const unknown = wanted.filter((w) => !byId.has(w));
  if (unknown.length > 0) return { _tag: 'UnknownSuites', unknown, known: all.map((s) => s.id) };
  if (wanted.length === 0) return { _tag: 'Selected', suites: all.filter((s) => s.optIn !== true) };
  const chosen = new Set<string>();
  const add = (id: string): void => {
    const s = byId.get(id.toLowerCase());
    if (s === undefined || chosen.has(s.id)) return;
    chosen.add(s.id);
    for (const n of s.needs ?? []) add(n);
  };
  for (const w of wanted) add(w);
  return { _tag: 'Selected', suites: all.filter((s) => chosen.has(s.id)) };
};
