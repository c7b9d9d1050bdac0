/** Where the event log lives, from `--db`. */
export type DbTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'postgres'; readonly url: string };

/** The default `--db`: an SQLite file in the working directory. */
export const DEFAULT_DB = './strive.db';

/**
 * Reads a `--db` value: `:memory:`, a `postgres://` or `postgresql://` URL, or an SQLite file path. Pure.
 * @example parseDbTarget('postgres://u@h/db') // { kind: 'postgres', url: 'postgres://u@h/db' }
 */
export const parseDbTarget = (value: string): DbTarget => {
  if (value === ':memory:') return { kind: 'memory' };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  return { kind: 'sqlite', path: value };
};

/** A target as a person reads it (a URL's password hidden). Pure. */
export const describeDbTarget = (t: DbTarget): string => {
  switch (t.kind) {
    case 'memory':
      return ':memory:';
    case 'sqlite':
      return t.path;
    case 'postgres':
      return t.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  }
};
