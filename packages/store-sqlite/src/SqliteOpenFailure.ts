/** The file holds a schema written by a newer release of this package: it is left untouched. */
export interface SchemaTooNew {
  readonly _tag: 'SchemaTooNew';
  readonly path: string;
  /** The highest migration recorded in the file. */
  readonly found: number;
  /** The highest migration this release knows. */
  readonly known: number;
}

/** The file could not be opened or prepared (not a database, permissions, busy past the budget...). */
export interface CannotOpen {
  readonly _tag: 'CannotOpen';
  readonly path: string;
  readonly reason: string;
}

/** Every expected failure of opening a SQLite event store. */
export type SqliteOpenFailure = SchemaTooNew | CannotOpen;

/** Builds a `SchemaTooNew`. Pure. */
export const schemaTooNew = (path: string, found: number, known: number): SchemaTooNew => ({
  _tag: 'SchemaTooNew',
  path,
  found,
  known,
});

/** Builds a `CannotOpen`. Pure. */
export const cannotOpen = (path: string, reason: string): CannotOpen => ({
  _tag: 'CannotOpen',
  path,
  reason,
});

const hasTag = (u: unknown, tag: string): boolean =>
  typeof u === 'object' && u !== null && '_tag' in u && u._tag === tag;

/** Whether a value is a `SchemaTooNew`. Pure. */
export const isSchemaTooNew = (u: unknown): u is SchemaTooNew => hasTag(u, 'SchemaTooNew');

/** Whether a value is a `CannotOpen`. Pure. */
export const isCannotOpen = (u: unknown): u is CannotOpen => hasTag(u, 'CannotOpen');

/** One line a person can act on, for any open failure. Pure. */
export const describeOpenFailure = (f: SqliteOpenFailure): string => {
  switch (f._tag) {
    case 'SchemaTooNew':
      return (
        `${f.path} has schema version ${f.found} but this release of @strive/store-sqlite knows only ` +
        `up to ${f.known}: upgrade @strive/store-sqlite (the file was not modified)`
      );
    case 'CannotOpen':
      return `cannot open event store ${f.path}: ${f.reason}`;
  }
};

/** Thrown by `createSqliteEventStore` when opening fails; `failure` is the tagged reason. */
export class SqliteOpenError extends Error {
  readonly failure: SqliteOpenFailure;
  constructor(failure: SqliteOpenFailure) {
    super(describeOpenFailure(failure));
    this.name = 'SqliteOpenError';
    this.failure = failure;
  }
}
