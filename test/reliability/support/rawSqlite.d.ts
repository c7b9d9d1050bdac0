/** What a statement of better-sqlite3 offers the tests. */
export interface RawStatement {
  run(...params: readonly unknown[]): { readonly changes: number };
  get(...params: readonly unknown[]): unknown;
  all(...params: readonly unknown[]): unknown[];
}

/** What a better-sqlite3 connection offers the tests. */
export interface RawSqlite {
  prepare(sql: string): RawStatement;
  exec(sql: string): void;
  close(): void;
}

/** Opens a SQLite file with the store's driver, bypassing the store. Does I/O. */
export declare const openRawSqlite: (path: string) => RawSqlite;
