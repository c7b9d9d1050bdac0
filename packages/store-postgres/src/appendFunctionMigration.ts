import type { Migration } from './migrations.js';

/**
 * Characters of a document key the ordered index holds (a whole 1,000-character CJK key would not
 * fit in a btree entry). Must stay equal to the `left(key, 200)` of the index migration 4 created.
 */
export const KEY_ORDER_PREFIX = 200;

/**
 * Migration 4: the server-side append and the ordered document index.
 *
 * `append_events(p jsonb)` locks the log-head row, then compares what the client planned against
 * (`head`, `hash`, each stream's `version`, and that none of `ids` is stored) with the database. If
 * anything differs it writes nothing and returns the actual state (`ok: false`, head, versions of the
 * requested streams, stored rows with those ids), for the client to plan again; otherwise it inserts
 * `rows`, sets `streams` versions and the head, sends NOTIFY and returns `ok: true`. Called alone it
 * is a whole append in one statement (the lock is held only inside the server, through COMMIT). A
 * guess whose head is already stale is answered from an unlocked read; `lock: true` (inside a
 * transaction, with `head: -1`) always locks, and only reads. Hashes stay computed in the client by
 * `planAppend`: the function never decides anything the client did not plan.
 *
 * The index on `(projection, left(key, 200) COLLATE "C")` lets `readDocuments` page in key order
 * without sorting the whole projection for every page.
 */
export const APPEND_FUNCTION_MIGRATION: Migration = {
  version: 4,
  name: 'server-side append, ordered document index',
  sql: (s) => `
CREATE FUNCTION ${s}.append_events(p jsonb) RETURNS json LANGUAGE plpgsql
  -- Every lookup is a few keys probed in a unique index. plpgsql caches a generic plan per session,
  -- often made while the tables were small (a sequential scan or hash join); without these settings that
  -- plan is kept as the log grows and each append becomes a scan of the whole events table.
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
  AS $fn$
DECLARE
  h_pos bigint;
  h_hash text;
  ids uuid[] := ARRAY(SELECT jsonb_array_elements_text(p->'ids'))::uuid[];
BEGIN
  -- A stale guess is answered without taking the lock (no transaction id, no WAL flush).
  IF NOT coalesce((p->>'lock')::boolean, false) THEN
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id;
  END IF;
  IF h_pos IS NULL OR (h_pos = (p->>'head')::bigint AND h_hash = p->>'hash') THEN
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id FOR UPDATE;
  END IF;
  IF h_pos IS DISTINCT FROM (p->>'head')::bigint OR h_hash IS DISTINCT FROM p->>'hash'
     OR EXISTS (SELECT 1 FROM jsonb_to_recordset(p->'streams') AS g(id text, version bigint)
                LEFT JOIN ${s}.streams AS st ON st.stream_key = ${s}.stream_key(g.id)
                WHERE coalesce(st.version, 0) <> g.version)
     OR EXISTS (SELECT 1 FROM unnest(ids) AS i(id) JOIN ${s}.events AS e ON e.event_id = i.id) THEN
    RETURN json_build_object(
      'ok', false, 'head', h_pos, 'hash', h_hash,
      'versions', (SELECT coalesce(json_agg(json_build_object('stream_id', st.stream_id, 'version', st.version)), '[]')
                     FROM jsonb_to_recordset(p->'streams') AS g(id text, version bigint)
                     JOIN ${s}.streams AS st ON st.stream_key = ${s}.stream_key(g.id)),
      'existing', (SELECT coalesce(json_agg(e), '[]')
                     FROM (SELECT global_position, event_id, stream_id, stream_position, type, schema_version,
                                  data, metadata, prev_hash, hash
                             FROM unnest(ids) AS i(id) JOIN ${s}.events AS ev ON ev.event_id = i.id) AS e));
  END IF;
  IF jsonb_array_length(p->'rows') > 0 THEN
    INSERT INTO ${s}.events (global_position, event_id, stream_id, stream_position, type, schema_version,
                             data, metadata, prev_hash, hash)
    SELECT r.global_position, r.event_id, r.stream_id, r.stream_position, r.type, r.schema_version,
           r.data, r.metadata, r.prev_hash, r.hash
      FROM jsonb_to_recordset(p->'rows') AS r(global_position bigint, event_id uuid, stream_id text,
           stream_position bigint, type text, schema_version integer, data text, metadata text,
           prev_hash text, hash text);
    INSERT INTO ${s}.streams (stream_id, version)
    SELECT v.id, v.version FROM jsonb_to_recordset(p->'after') AS v(id text, version bigint)
    ON CONFLICT (stream_key) DO UPDATE SET version = EXCLUDED.version;
    UPDATE ${s}.log_head SET global_position = (p->>'newHead')::bigint, hash = p->>'newHash' WHERE id;
    PERFORM pg_notify(p->>'channel', p->>'newHead');
  END IF;
  RETURN json_build_object('ok', true);
END
$fn$;
CREATE INDEX projection_documents_key_order
  ON ${s}.projection_documents (projection, left(key, 200) COLLATE "C");`,
};
