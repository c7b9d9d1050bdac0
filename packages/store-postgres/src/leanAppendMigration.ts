import type { Migration } from './migrations.js';

/** The state part of `append_events`: the actual head, stream versions and stored rows of `p`. */
const stateReply = (s: string): string => `
  IF coalesce((p->>'lock')::boolean, false) THEN
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id FOR UPDATE;
  ELSE
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id;
  END IF;
  RETURN json_build_object(
    'ok', false, 'head', h_pos, 'hash', h_hash,
    'versions', (SELECT coalesce(json_agg(json_build_object('stream_id', st.stream_id, 'version', st.version)), '[]')
                   FROM jsonb_to_recordset(p->'streams') AS g(id text, version bigint)
                   JOIN ${s}.streams AS st ON st.stream_key = sha256(convert_to(g.id, 'UTF8'))),
    'existing', (SELECT coalesce(json_agg(e), '[]')
                   FROM (SELECT global_position, event_id, stream_id, stream_position, type, schema_version,
                                data, metadata, prev_hash, hash
                           FROM jsonb_array_elements_text(p->'ids') AS i(id)
                           JOIN ${s}.events AS ev ON ev.event_id = i.id::uuid) AS e));`;

/**
 * Migration 5: the same `append_events` contract (migration 4) in fewer, cheaper steps, and a cheaper
 * `stream_key`.
 *
 * A planned write is now one statement: the `UPDATE` of the log-head row takes the head lock only if
 * the head and every stream's version are as planned (checked on the statement's snapshot: if the head
 * is unchanged once locked, no append committed since, so that snapshot is current), returns the
 * `NOTIFY`, and the events and stream versions are inserted only if it did. Otherwise nothing is
 * written and the actual state is read by fresh statements (locked with `lock: true`), as before. A
 * stored event id is no longer probed for first: `UNIQUE (event_id)` refuses the whole statement
 * (`events_event_id_key`), and the client then reads the state, stored rows included, and plans the
 * duplicate or the conflict on it. The function used to run ten statements (two head reads, the
 * checks, three writes, NOTIFY), each with its own executor start, and `stream_key()` as an SQL
 * function is re-planned at every call site of every statement (it cannot be inlined:
 * `convert_to` is only stable); as plpgsql it is a cached simple expression, with the same value, so
 * the generated columns and indexes stay valid.
 */
export const LEAN_APPEND_MIGRATION: Migration = {
  version: 5,
  name: 'one-statement append, plpgsql stream_key',
  sql: (s) => `
CREATE OR REPLACE FUNCTION ${s}.stream_key(stream_id text) RETURNS bytea
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ BEGIN RETURN sha256(convert_to(stream_id, 'UTF8')); END $$;
CREATE OR REPLACE FUNCTION ${s}.append_events(p jsonb) RETURNS json LANGUAGE plpgsql
  -- Index probes only: plpgsql keeps a generic plan per session, possibly made on a tiny table.
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
  AS $fn$
DECLARE
  h_pos bigint;
  h_hash text;
  written boolean;
BEGIN
  IF NOT coalesce((p->>'lock')::boolean, false) AND jsonb_array_length(p->'rows') > 0 THEN
    WITH h AS (
      UPDATE ${s}.log_head SET global_position = (p->>'newHead')::bigint, hash = p->>'newHash'
       WHERE id AND global_position = (p->>'head')::bigint AND hash = p->>'hash'
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(p->'streams') AS g(id text, version bigint)
                           LEFT JOIN ${s}.streams AS st ON st.stream_key = sha256(convert_to(g.id, 'UTF8'))
                          WHERE coalesce(st.version, 0) <> g.version)
      RETURNING pg_notify(p->>'channel', p->>'newHead')
    ), ev AS (
      INSERT INTO ${s}.events (global_position, event_id, stream_id, stream_position, type, schema_version,
                               data, metadata, prev_hash, hash)
      SELECT r.global_position, r.event_id, r.stream_id, r.stream_position, r.type, r.schema_version,
             r.data, r.metadata, r.prev_hash, r.hash
        FROM jsonb_to_recordset(p->'rows') AS r(global_position bigint, event_id uuid, stream_id text,
             stream_position bigint, type text, schema_version integer, data text, metadata text,
             prev_hash text, hash text)
       WHERE EXISTS (SELECT FROM h)
    ), st AS (
      INSERT INTO ${s}.streams (stream_id, version)
      SELECT v.id, v.version FROM jsonb_to_recordset(p->'after') AS v(id text, version bigint)
       WHERE EXISTS (SELECT FROM h)
      ON CONFLICT (stream_key) DO UPDATE SET version = EXCLUDED.version
    )
    SELECT EXISTS (SELECT FROM h) INTO written;
    IF written THEN
      RETURN json_build_object('ok', true);
    END IF;
  END IF;${stateReply(s)}
END
$fn$;`,
};
