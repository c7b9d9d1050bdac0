export type { JsonObject, JsonValue } from './json.js';
export {
  GENESIS_HASH,
  EventMetadataCodec,
  StoredEventCodec,
  type Actor,
  type EventMetadata,
  type NewEvent,
  type StoredEvent,
} from './EventEnvelope.js';
export { isJsonValue, JsonValueCodec } from './JsonValueCodec.js';
export type { ExpectedVersion } from './ExpectedVersion.js';
export {
  describeAppendError,
  isConcurrencyConflict,
  isIdempotencyConflict,
  isInvalidEvent,
  isStoreUnavailable,
  type AppendError,
  type ConcurrencyConflict,
  type IdempotencyConflict,
  type InvalidEvent,
  type StoreUnavailable,
} from './errors.js';
export type {
  AppendManyOptions,
  AppendOptions,
  AppendRequest,
  AppendResult,
  EventLog,
  EventStore,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './EventStore.js';
export { appendToStream } from './appendToStream.js';
export {
  canLockStreams,
  type StreamLocking,
  type StreamLockTimeout,
  type StreamTail,
} from './StreamLocking.js';
export { canonicalJson } from './canonicalJson.js';
export { validateJson, type JsonLimits } from './validateJson.js';
export { isIsoDateTime } from './isIsoDateTime.js';
export {
  isChainBroken,
  verify,
  verifyEvents,
  createChainVerifier,
  type ChainVerifier,
  type ChainBroken,
  type ChainVerified,
  type VerifyResult,
} from './verifyChain.js';
export {
  hasProjectionDocuments,
  isCheckpointConflict,
  type CheckpointConflict,
  type DocumentUpsert,
  type InlineProjection,
  type ProjectionCommit,
  type ProjectionDocuments,
} from './ProjectionDocuments.js';
export { canReadLastEvents, type LastEvents } from './LastEvents.js';
export { hasSnapshots, type Snapshot, type SnapshotStore } from './SnapshotStore.js';
export { isSealed, sealSnapshot, type UnsealedSnapshot } from './sealSnapshot.js';
export { createMemoryEventStore, type MemoryEventStoreOptions } from './createMemoryEventStore.js';
