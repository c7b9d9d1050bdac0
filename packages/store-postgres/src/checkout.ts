import type { Pool, PoolClient } from 'pg';

/** A pooled client held for one unit of work. */
export interface CheckedOut {
  readonly client: PoolClient;
  /** Returns the client to the pool, or destroys it when `broken` is given. */
  readonly release: (broken?: Error) => void;
}

const swallow = (): void => undefined;

/**
 * Takes a client from the pool with an `error` listener attached while it is held: a connection that
 * breaks mid-transaction then surfaces as the rejected query (which the caller classifies) instead of
 * an uncaught `error` event that would crash the process. Does I/O.
 */
export const checkout = async (pool: Pool): Promise<CheckedOut> => {
  const client = await pool.connect();
  client.on('error', swallow);
  return {
    client,
    release: (broken) => {
      client.removeListener('error', swallow);
      client.release(broken);
    },
  };
};
