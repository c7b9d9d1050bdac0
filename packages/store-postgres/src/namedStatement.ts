import { createHash } from 'node:crypto';

/** A statement with a stable name, so each connection parses and plans it once. */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Names a statement after a hash of its text: node-postgres then prepares it once per connection and
 * reuses the plan (the same text always gets the same name, so two stores never clash). Pure.
 * @example pool.query({ ...named('SELECT 1'), values: [] })
 */
export const named = (text: string): NamedStatement => ({
  name: `strive_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`,
  text,
});
