import { APPEND_FUNCTION_MIGRATION } from './appendFunctionMigration.js';
import { LEAN_APPEND_MIGRATION } from './leanAppendMigration.js';
import { SNAPSHOT_BINDING_MIGRATION } from './snapshotBindingMigration.js';

/** One versioned step of the store's schema. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** DDL for schema `s` (already validated); run inside the migration transaction. */
  readonly sql: (s: string) => string;
}

/**
 * The store's schema history, oldest first. Never edit a released step: add a new one.
 * Stream ids and document keys are indexed by their SHA-256 (`stream_key()`), so ids of up to 1,000
 * characters of any script fit in a btree index (a raw 1,000-character CJK id does not); UNIQUE (stream_key, stream_position) is the final concurrency arbiter.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, streams, log head',
    sql: (s) => `
CREATE FUNCTION ${s}.stream_key(stream_id text) RETURNS bytea
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT sha256(convert_to(stream_id, 'UTF8')) $$;
CREATE TABLE ${s}.log_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  global_position bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO ${s}.log_head (id, global_position, hash) VALUES (true, 0, repeat('0', 64));
CREATE TABLE ${s}.streams (
  stream_key bytea PRIMARY KEY GENERATED ALWAYS AS (${s}.stream_key(stream_id)) STORED,
  stream_id text NOT NULL,
  version bigint NOT NULL CHECK (version >= 0)
);
CREATE TABLE ${s}.events (
  global_position bigint PRIMARY KEY,
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  stream_key bytea NOT NULL GENERATED ALWAYS AS (${s}.stream_key(stream_id)) STORED,
  stream_position bigint NOT NULL CHECK (stream_position >= 1),
  type text NOT NULL,
  schema_version integer NOT NULL,
  data text NOT NULL,
  metadata text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_position_key UNIQUE (stream_key, stream_position)
);`,
  },
  {
    version: 2,
    name: 'snapshots, projection documents and checkpoints',
    sql: (s) => `
CREATE TABLE ${s}.snapshots (
  stream_key bytea NOT NULL GENERATED ALWAYS AS (${s}.stream_key(stream_id)) STORED,
  stream_id text NOT NULL,
  key text NOT NULL,
  key_hash bytea NOT NULL GENERATED ALWAYS AS (${s}.stream_key(key)) STORED,
  stream_position bigint NOT NULL,
  state text NOT NULL,
  PRIMARY KEY (stream_key, key_hash)
);
CREATE TABLE ${s}.projection_checkpoints (
  projection text PRIMARY KEY,
  checkpoint bigint NOT NULL CHECK (checkpoint >= 0)
);
CREATE TABLE ${s}.projection_documents (
  projection text NOT NULL,
  key text NOT NULL,
  key_hash bytea NOT NULL GENERATED ALWAYS AS (${s}.stream_key(key)) STORED,
  value text NOT NULL,
  PRIMARY KEY (projection, key_hash)
);`,
  },
  {
    version: 3,
    name: 'projection leases',
    sql: (s) => `
CREATE TABLE ${s}.projection_leases (
  projection text PRIMARY KEY,
  owner text NOT NULL,
  token bigint NOT NULL,
  acquired_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);`,
  },
  APPEND_FUNCTION_MIGRATION,
  LEAN_APPEND_MIGRATION,
  SNAPSHOT_BINDING_MIGRATION,
];
