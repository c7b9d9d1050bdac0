import type { Migration } from './migrations.js';

/** A stream's version read from its events: one backward probe of UNIQUE (stream_key, stream_position). */
const versionOf = (s: string, id: string): string =>
  `(SELECT max(e.stream_position) FROM ${s}.events AS e WHERE e.stream_key = sha256(convert_to(${id}, 'UTF8')))`;

/**
 * Migration 6: stream versions come from the events themselves, and `streams` becomes a view.
 *
 * Until now every append also upserted the stream's row in the `streams` table: on the write path
 * that was about a third of `append_events` (45 of 130-170 us per single-event call, measured with
 * `track_functions`) and about 12% of the WAL each commit waits to flush, to keep a number the events
 * already hold: a stream's version is the highest `stream_position` of its events, one backward probe
 * of the UNIQUE (stream_key, stream_position) index that every append already maintains. The checks
 * are unchanged: under the head lock, with the head as planned, the statement's snapshot is current
 * (see migration 5), and that index still refuses a position written twice.
 *
 * `streams` is replaced by a view of the same columns, so statements of a process still on the
 * previous release keep their answers during a rolling upgrade (the view aggregates a stream's
 * events, which is slower than the table for long streams; the current release does not read it).
 * The `append_events` contract (its JSON argument and reply) is the same as migration 4's.
 */
export const EVENT_VERSIONS_MIGRATION: Migration = {
  version: 6,
  name: 'stream versions from events; streams is a view',
  sql: (s) => `
DROP TABLE ${s}.streams;
CREATE VIEW ${s}.streams AS
  SELECT stream_key, min(stream_id) AS stream_id, max(stream_position) AS version
    FROM ${s}.events GROUP BY stream_key;
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
                          WHERE coalesce(${versionOf(s, 'g.id')}, 0) <> g.version)
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
    )
    SELECT EXISTS (SELECT FROM h) INTO written;
    IF written THEN
      RETURN json_build_object('ok', true);
    END IF;
  END IF;
  IF coalesce((p->>'lock')::boolean, false) THEN
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id FOR UPDATE;
  ELSE
    SELECT global_position, hash INTO STRICT h_pos, h_hash FROM ${s}.log_head WHERE id;
  END IF;
  RETURN json_build_object(
    'ok', false, 'head', h_pos, 'hash', h_hash,
    'versions', (SELECT coalesce(json_agg(json_build_object('stream_id', v.id, 'version', v.version)), '[]')
                   FROM (SELECT DISTINCT g.id, ${versionOf(s, 'g.id')} AS version
                           FROM jsonb_to_recordset(p->'streams') AS g(id text, version bigint)) AS v
                  WHERE v.version IS NOT NULL),
    'existing', (SELECT coalesce(json_agg(e), '[]')
                   FROM (SELECT global_position, event_id, stream_id, stream_position, type, schema_version,
                                data, metadata, prev_hash, hash
                           FROM jsonb_array_elements_text(p->'ids') AS i(id)
                           JOIN ${s}.events AS ev ON ev.event_id = i.id::uuid) AS e));
END
$fn$;`,
};
