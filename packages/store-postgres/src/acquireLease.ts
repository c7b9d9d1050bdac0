import * as t from 'io-ts';
import { assertStorableName } from '@strive/eventlog/adapter';
import type { Pool } from 'pg';
import { decodeRows } from './decodeRows.js';
import { inTransaction } from './inTransaction.js';
import { PgInt } from './rowCodecs.js';

/** Where leases live: a store's pool and schema (a `PostgresEventStore` fits). */
export interface LeaseHost {
  readonly pool: Pool;
  readonly schema: string;
  readonly ready: () => Promise<void>;
}

/** Options of `acquireLease`. */
export interface LeaseOptions {
  readonly projection: string;
  /** Who asks: unique per process (e.g. host, pid and a random suffix). */
  readonly owner: string;
  /** How long the lease lasts without renewal, in ms (measured on the database clock). */
  readonly leaseMs: number;
}

/** A held lease: the only owner of a projection until it expires or is released. */
export interface Lease {
  readonly projection: string;
  readonly owner: string;
  /** Grows by one at every change of owner: a fencing token. */
  readonly token: number;
  /** Extends the lease by `leaseMs`; false when another owner took it meanwhile (stop working then). */
  readonly renew: () => Promise<boolean>;
  /** Gives the lease up at once so another process can take it. */
  readonly release: () => Promise<void>;
}

const TokenRow = t.strict({ token: PgInt });

/**
 * Tries to become the single owner of a named projection: succeeds when nobody holds the lease, it has
 * expired, or `owner` already holds it. The decision runs under a transaction-scoped advisory lock on
 * (schema, projection) and writes a lease row with an expiry on the database clock, so contenders in any
 * number of processes agree; an owner that dies (even `kill -9`) is replaced once its lease expires.
 * Resolves `undefined` when someone else holds a live lease. Does I/O.
 * @example const lease = await acquireLease(store, { projection: 'board', owner: 'host:42', leaseMs: 5000 });
 */
export const acquireLease = async (
  host: LeaseHost,
  options: LeaseOptions,
): Promise<Lease | undefined> => {
  const { projection, owner, leaseMs } = options;
  assertStorableName('lease projection', projection);
  assertStorableName('lease owner', owner);
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 1)
    throw new RangeError(`acquireLease: leaseMs must be a positive integer (got ${leaseMs})`);
  await host.ready();
  const s = host.schema;
  const locked = async <A>(
    body: (q: (text: string, values: unknown[]) => Promise<unknown[]>) => Promise<A>,
  ) =>
    inTransaction(host.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        s,
        projection,
      ]);
      const value = await body(async (text, values): Promise<unknown[]> => {
        const res = await client.query<Record<string, unknown>>(text, values);
        return res.rows;
      });
      return { commit: true, value };
    });
  const rows = await locked((q) =>
    q(
      `INSERT INTO ${s}.projection_leases AS l (projection, owner, token, acquired_at, expires_at)
       VALUES ($1, $2, 1, clock_timestamp(), clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (projection) DO UPDATE SET owner = EXCLUDED.owner,
         token = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at > clock_timestamp()
                      THEN l.token ELSE l.token + 1 END,
         acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
       WHERE l.expires_at <= clock_timestamp() OR l.owner = EXCLUDED.owner
       RETURNING token`,
      [projection, owner, leaseMs],
    ),
  );
  const [row] = decodeRows(TokenRow, rows, 'projection_leases');
  if (row === undefined) return undefined;
  const token = row.token;
  return {
    projection,
    owner,
    token,
    renew: async () => {
      const renewed = await locked((q) =>
        q(
          `UPDATE ${s}.projection_leases
           SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
           WHERE projection = $1 AND owner = $2 AND token = $3 RETURNING token`,
          [projection, owner, token, leaseMs],
        ),
      );
      return renewed.length === 1;
    },
    release: async () => {
      await locked((q) =>
        q(
          `UPDATE ${s}.projection_leases SET expires_at = '-infinity'
           WHERE projection = $1 AND owner = $2 AND token = $3`,
          [projection, owner, token],
        ),
      );
    },
  };
};
