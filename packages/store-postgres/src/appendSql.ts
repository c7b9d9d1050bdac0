import { named } from './namedStatement.js';
import { EVENT_COLUMNS } from './rowCodecs.js';

/** The statements of one append transaction for schema `s` (validated). Pure. */
export const appendSql = (s: string) =>
  ({
    lockHead: named(`SELECT global_position, hash FROM ${s}.log_head WHERE id FOR UPDATE`),
    readState: named(`SELECT
  (SELECT coalesce(json_agg(json_build_object('stream_id', stream_id, 'version', version)), '[]'::json)
     FROM ${s}.streams WHERE stream_key = ANY (SELECT ${s}.stream_key(x) FROM unnest($1::text[]) AS x)) AS versions,
  (SELECT coalesce(json_agg(e), '[]'::json)
     FROM (SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE event_id = ANY ($2::uuid[])) AS e) AS existing`),
    write: named(`WITH ins AS (
  INSERT INTO ${s}.events (${EVENT_COLUMNS})
  SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::integer[],
                       $7::text[], $8::text[], $9::text[], $10::text[])
), st AS (
  INSERT INTO ${s}.streams (stream_id, version) SELECT * FROM unnest($11::text[], $12::bigint[])
  ON CONFLICT (stream_key) DO UPDATE SET version = EXCLUDED.version
), hd AS (
  UPDATE ${s}.log_head SET global_position = $13, hash = $14 WHERE id
)
SELECT pg_notify($15, $16)`),
    loadDocuments: named(`SELECT d.projection, d.key, d.value
  FROM unnest($1::text[], $2::text[]) AS k(projection, key)
  JOIN ${s}.projection_documents AS d
    ON d.projection = k.projection AND d.key_hash = ${s}.stream_key(k.key)`),
    upsertDocuments: named(`INSERT INTO ${s}.projection_documents (projection, key, value)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT (projection, key_hash) DO UPDATE SET value = EXCLUDED.value`),
    streamVersions: named(`SELECT stream_id, max(stream_position) AS version FROM ${s}.events
  WHERE stream_key = ANY (SELECT ${s}.stream_key(x) FROM unnest($1::text[]) AS x) GROUP BY stream_id`),
  }) as const;

/** The statements of one append transaction. */
export type AppendSql = ReturnType<typeof appendSql>;
