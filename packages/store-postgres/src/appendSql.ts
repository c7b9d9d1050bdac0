import { named } from './namedStatement.js';

/** The statements of appends for schema `s` (validated). Pure. */
export const appendSql = (s: string) =>
  ({
    /** One append (or, with head -1, the locked state read): `append_events($1::jsonb) AS r`. */
    call: named(`SELECT ${s}.append_events($1::jsonb) AS r`),
    /** The same call with its argument as an escaped literal, for multi-statement simple queries. */
    callLiteral: (literal: string): string => `SELECT ${s}.append_events(${literal}::jsonb) AS r`,
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
