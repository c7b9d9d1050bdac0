import * as E from 'fp-ts/lib/Either.js';
import {
  concurrencyConflict,
  idempotencyConflict,
  invalidEvent,
  type AppendError,
} from './errors.js';
import type { StoredEvent } from './EventEnvelope.js';
import { satisfiesExpectedVersion, type ExpectedVersion } from './ExpectedVersion.js';
import type { AppendResult, LogHead } from './EventStore.js';
import { hashEvent } from './hashEvent.js';
import type { PreparedEvent } from './prepareEvents.js';

/** A validated part of an append: one stream, its expectation, its prepared events. */
export interface PreparedRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly PreparedEvent[];
}

/** A stored event with the canonical JSON a store persists (and compares for idempotency). */
export interface StoredRow extends StoredEvent {
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** What a store read inside its write transaction, for `planAppend` to decide on. */
export interface AppendSnapshot {
  /** Current versions of the requested streams (absent = 0). */
  readonly versions: ReadonlyMap<string, number>;
  /** Already stored events whose ids appear in the requests. */
  readonly existing: ReadonlyMap<string, StoredRow>;
  readonly head: LogHead;
}

/** The decision: write these rows, or answer with what a repeated batch wrote before. */
export type AppendPlan =
  | {
      readonly _tag: 'Write';
      readonly rows: readonly StoredRow[];
      readonly results: readonly AppendResult[];
    }
  | { readonly _tag: 'Duplicate'; readonly results: readonly AppendResult[] };

const sameContent = (streamId: string, e: PreparedEvent, s: StoredRow): boolean =>
  s.streamId === streamId &&
  s.type === e.type &&
  s.schemaVersion === e.schemaVersion &&
  s.dataJson === e.dataJson &&
  s.metadataJson === e.metadataJson;

const duplicatePlan = (
  requests: readonly PreparedRequest[],
  existing: ReadonlyMap<string, StoredRow>,
): E.Either<AppendError, AppendPlan> => {
  const results: AppendResult[] = [];
  for (const r of requests) {
    const events: StoredEvent[] = [];
    for (const e of r.events) {
      const s = existing.get(e.eventId);
      if (s === undefined)
        return E.left(
          idempotencyConflict(
            e.eventId,
            r.streamId,
            'batch repeats some stored events but not all',
          ),
        );
      if (!sameContent(r.streamId, e, s))
        return E.left(
          idempotencyConflict(e.eventId, r.streamId, 'id already stored with different content'),
        );
      const { dataJson: _d, metadataJson: _m, ...stored } = s;
      events.push(stored);
    }
    results.push({
      streamId: r.streamId,
      streamVersion: events.reduce((v, e) => Math.max(v, e.streamPosition), 0),
      globalPositions: events.map((e) => e.globalPosition),
      events,
      duplicate: true,
    });
  }
  return E.right({ _tag: 'Duplicate', results });
};

/**
 * The result of a stream the append only checked, built apart from those with events (a
 * campaign-level command checks 45,000 streams at once: see `versionOnly` in prepareRequests.ts). Pure.
 */
const unchanged = (streamId: string, streamVersion: number): AppendResult => ({
  streamId,
  streamVersion,
  globalPositions: [],
  events: [],
  duplicate: false,
});

/**
 * Decides an append from what the store read in its transaction: idempotent repeat, conflict, or the
 * rows to write with positions and hash chain. Every store calls this so that all of them agree. Pure.
 */
export const planAppend = (
  requests: readonly PreparedRequest[],
  snapshot: AppendSnapshot,
): E.Either<AppendError, AppendPlan> => {
  const seen = new Set<string>();
  const ids = new Set<string>();
  let i = 0;
  for (const r of requests) {
    if (seen.has(r.streamId))
      return E.left(
        invalidEvent(`requests[${i}].streamId`, 'a stream may appear only once per appendMany'),
      );
    seen.add(r.streamId);
    let j = 0;
    for (const e of r.events) {
      const size = ids.size;
      ids.add(e.eventId);
      if (ids.size === size)
        return E.left(
          invalidEvent(`requests[${i}].events[${j}].eventId`, 'event id repeated within the batch'),
        );
      j++;
    }
    i++;
  }
  const total = requests.reduce((n, r) => n + r.events.length, 0);
  if (total > 0 && snapshot.existing.size > 0) return duplicatePlan(requests, snapshot.existing);
  for (const r of requests) {
    const actual = snapshot.versions.get(r.streamId) ?? 0;
    if (!satisfiesExpectedVersion(r.expectedVersion, actual))
      return E.left(concurrencyConflict(r.streamId, r.expectedVersion, actual));
  }
  let globalPosition = snapshot.head.globalPosition;
  let prevHash = snapshot.head.hash;
  const rows: StoredRow[] = [];
  const results: AppendResult[] = [];
  for (const r of requests) {
    const streamId = r.streamId;
    let streamPosition = snapshot.versions.get(streamId) ?? 0;
    if (r.events.length === 0) {
      results.push(unchanged(streamId, streamPosition));
      continue;
    }
    const events: StoredEvent[] = [];
    const globalPositions: number[] = [];
    for (const e of r.events) {
      globalPosition += 1;
      streamPosition += 1;
      const hash = hashEvent({
        eventId: e.eventId,
        streamId,
        streamPosition,
        globalPosition,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: e.dataJson,
        metadataJson: e.metadataJson,
        prevHash,
      });
      // Two literals of fixed shape (no spread): this loop runs once per appended event.
      events.push({
        eventId: e.eventId,
        streamId,
        streamPosition,
        globalPosition,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        prevHash,
        hash,
      });
      rows.push({
        eventId: e.eventId,
        streamId,
        streamPosition,
        globalPosition,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        prevHash,
        hash,
        dataJson: e.dataJson,
        metadataJson: e.metadataJson,
      });
      globalPositions.push(globalPosition);
      prevHash = hash;
    }
    results.push({
      streamId,
      streamVersion: streamPosition,
      globalPositions,
      events,
      duplicate: false,
    });
  }
  return E.right({ _tag: 'Write', rows, results });
};
