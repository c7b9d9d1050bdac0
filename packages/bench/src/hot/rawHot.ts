import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The raw reference's table: the events of every stream, `UNIQUE (stream_id, stream_position)`. */
export const rawHotDdl = (schema: string): string => `CREATE SCHEMA ${schema};
CREATE TABLE ${schema}.events (
  global_position bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  stream_position bigint NOT NULL, type text NOT NULL, data text NOT NULL, metadata text NOT NULL,
  UNIQUE (stream_id, stream_position))`;

/** The hot stream of both sides' raw reference. */
const RAW_HOT_STREAM = 'subject-hot';

/** A raw writer's loop: one connection, and how one command is sent. */
export interface RawHot {
  /**
   * One command: read the stream's version, decide (the event), insert it at version + 1; a unique
   * violation (another writer took that position) pauses by `pause(attempt)` ms and goes again.
   * Resolves with the number of lost races. Does I/O.
   */
  readonly send: (command: Readonly<Record<string, unknown>>) => Promise<number>;
  readonly close: () => Promise<void>;
}

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === '23505';

/**
 * Raw `pg` doing what the engine does for a hot command, with its own retry: no validation, hash
 * chain, idempotency or state fold, only the version read and the insert the unique key checks. Does I/O.
 */
export const openRawHot = async (
  url: string,
  schema: string,
  pause: (attempt: number) => Promise<void>,
): Promise<RawHot> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = {
    name: 'hot_version',
    text: `SELECT coalesce(max(stream_position), 0) AS v FROM ${schema}.events WHERE stream_id = $1`,
  };
  const insert = {
    name: 'hot_insert',
    text: `INSERT INTO ${schema}.events (event_id, stream_id, stream_position, type, data, metadata)
      VALUES ($1, $2, $3, $4, $5, $6)`,
  };
  return {
    send: async (command) => {
      for (let lost = 0; ; lost++) {
        const res = await client.query<{ v: string }>({ ...version, values: [RAW_HOT_STREAM] });
        const v = Number(res.rows[0]?.v ?? 0);
        const data = JSON.stringify({ ...command, after: v });
        const metadata = JSON.stringify({ at: command['at'], actor: command['actor'] });
        try {
          await client.query({
            ...insert,
            values: [randomUUID(), RAW_HOT_STREAM, v + 1, 'EvaluationSubmitted', data, metadata],
          });
          return lost;
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          await pause(lost + 1);
        }
      }
    },
    close: () => client.end(),
  };
};
