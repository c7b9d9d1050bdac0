import * as t from 'io-ts';
import { canonicalJson, type Snapshot, type SnapshotStore } from '@strive/eventlog';
import { assertSnapshot } from '@strive/eventlog/adapter';
import type { Pool } from 'pg';
import { decodeRows } from './decodeRows.js';
import { JsonValueText, PgInt } from './rowCodecs.js';

const SnapshotRow = t.strict({
  stream_position: PgInt,
  state: JsonValueText,
  event_hash: t.string,
  digest: t.string,
});

const checkSnapshot = (s: Snapshot): string => {
  assertSnapshot(s);
  return canonicalJson(s.state);
};

/**
 * The snapshot half of the port: one row per (stream, key), replaced on save with its event hash and
 * digest, state stored as canonical JSON text and decoded with io-ts on load. Does I/O.
 */
export const snapshotStore = (
  pool: Pool,
  s: string,
  ready: () => Promise<void>,
): SnapshotStore => ({
  loadSnapshot: async (streamId, key) => {
    await ready();
    const res = await pool.query(
      `SELECT stream_position, state, event_hash, digest FROM ${s}.snapshots
       WHERE stream_key = ${s}.stream_key($1) AND key_hash = ${s}.stream_key($2)`,
      [streamId, key],
    );
    const [row] = decodeRows(SnapshotRow, res.rows, 'snapshots');
    return row === undefined
      ? undefined
      : {
          streamId,
          key,
          streamPosition: row.stream_position,
          eventHash: row.event_hash,
          state: row.state,
          digest: row.digest,
        };
  },
  saveSnapshot: async (snapshot) => {
    const json = checkSnapshot(snapshot);
    await ready();
    await pool.query(
      `INSERT INTO ${s}.snapshots (stream_id, key, stream_position, state, event_hash, digest)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (stream_key, key_hash) DO UPDATE
       SET stream_position = EXCLUDED.stream_position, state = EXCLUDED.state,
           event_hash = EXCLUDED.event_hash, digest = EXCLUDED.digest`,
      [
        snapshot.streamId,
        snapshot.key,
        snapshot.streamPosition,
        json,
        snapshot.eventHash,
        snapshot.digest,
      ],
    );
  },
});
