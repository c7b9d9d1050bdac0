import * as t from 'io-ts';
import type { JsonValue } from './json.js';
import { JsonValueCodec } from './JsonValueCodec.js';

/** An event as a writer hands it to `append`. `eventId` defaults to a fresh UUIDv7, `schemaVersion` to 1. */
export interface NewEvent {
  readonly eventId?: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
}

/** An event as the log holds it: positions, and the hash chain that makes tampering evident. */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  /** 1-based, gap-free within the stream. */
  readonly streamPosition: number;
  /** 1-based, gap-free across the log, in commit order. */
  readonly globalPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  /** The hash of the event at `globalPosition - 1` (64 zeros for the first). */
  readonly prevHash: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of every field above. */
  readonly hash: string;
}

/** `prevHash` of the first event of a log. */
export const GENESIS_HASH = '0'.repeat(64);

export { JsonValueCodec };

const ActorCodec = t.strict({ id: t.string, role: t.string });

/** Who caused an event. */
export type Actor = t.TypeOf<typeof ActorCodec>;

/**
 * io-ts codec of `EventMetadata`: `at` is the business time (ISO-8601 with an offset), given by the
 * caller (the log never stamps the wall clock); unknown keys are stripped on decode and refused on write.
 */
export const EventMetadataCodec = t.intersection([
  t.strict({ at: t.string }),
  t.exact(
    t.partial({
      actor: ActorCodec,
      commandId: t.string,
      causationId: t.string,
      correlationId: t.string,
      commandDigest: t.string,
    }),
  ),
]);

/** What every event says about its cause: business time, actor, command, causation and correlation ids. */
export type EventMetadata = t.TypeOf<typeof EventMetadataCodec>;

const PositiveInt = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 1, 'PositiveInt');
const Hex64 = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Sha256Hex');

/** io-ts codec of a `StoredEvent`, used to decode rows and exported JSONL lines. */
export const StoredEventCodec = t.strict({
  eventId: t.string,
  streamId: t.string,
  streamPosition: PositiveInt,
  globalPosition: PositiveInt,
  type: t.string,
  schemaVersion: PositiveInt,
  data: JsonValueCodec,
  metadata: EventMetadataCodec,
  prevHash: Hex64,
  hash: Hex64,
});
