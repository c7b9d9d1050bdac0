import type { Pool, PoolClient } from 'pg';
import { checkout } from './checkout.js';
import { isConnectionError } from './pgErrors.js';

/** What a transaction body decides: commit or roll back, and the value to return. */
export interface TransactionOutcome<A> {
  readonly commit: boolean;
  readonly value: A;
}

/**
 * Runs `body` in a transaction on a pooled client: BEGIN, then COMMIT or ROLLBACK as the body decides;
 * a thrown error rolls back and is rethrown; a broken connection is destroyed, not returned to the
 * pool. Does I/O.
 */
export const inTransaction = async <A>(
  pool: Pool,
  body: (client: PoolClient) => Promise<TransactionOutcome<A>>,
): Promise<A> => {
  const { client, release } = await checkout(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const outcome = await body(client);
    await client.query(outcome.commit ? 'COMMIT' : 'ROLLBACK');
    return outcome.value;
  } catch (error) {
    if (isConnectionError(error))
      broken = error instanceof Error ? error : new Error(String(error));
    else await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    release(broken);
  }
};
