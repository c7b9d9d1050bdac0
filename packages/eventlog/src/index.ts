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
export { isJsonValue, JsonValueCodec, MAX_DECODE_DEPTH } from './JsonValueCodec.js';
export { isHex64, parseJsonColumn, parseJsonDataColumn, storedMetadata } from './storedColumns.js';
export {
  isExpectedVersion,
  satisfiesExpectedVersion,
  type ExpectedVersion,
} from './ExpectedVersion.js';
export {
  concurrencyConflict,
  describeAppendError,
  idempotencyConflict,
  invalidEvent,
  isConcurrencyConflict,
  isIdempotencyConflict,
  isInvalidEvent,
  isStoreUnavailable,
  storeUnavailable,
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
  EventStore,
  LogHead,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './EventStore.js';
export {
  canLockStreams,
  streamLockTimeout,
  type StreamLocking,
  type StreamLockTimeout,
} from './StreamLocking.js';
export { canonicalJson } from './canonicalJson.js';
export { computeEventHash, hashEvent, type HashInput } from './hashEvent.js';
export { isWellFormedString, validateJson, type JsonLimits } from './validateJson.js';
export { MAX_EVENT_TYPE_LENGTH, MAX_STREAM_ID_LENGTH, nameProblem } from './validateName.js';
export {
  DEFAULT_MAX_EVENT_BYTES,
  isIsoDateTime,
  prepareEvents,
  type PreparedEvent,
  type ValidationOptions,
} from './prepareEvents.js';
export {
  planAppend,
  type AppendPlan,
  type AppendSnapshot,
  type PreparedRequest,
  type StoredRow,
} from './planAppend.js';
export { isExactStoredEvent } from './isExactStoredEvent.js';
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
export { newEventId } from './newEventId.js';
export {
  checkpointConflict,
  isCheckpointConflict,
  type CheckpointConflict,
  type DocumentUpsert,
  type InlineProjection,
  type ProjectionCommit,
  type ProjectionDocuments,
} from './ProjectionDocuments.js';
export type { Snapshot, SnapshotStore } from './SnapshotStore.js';
export { isSealed, sealSnapshot, snapshotDigest, type UnsealedSnapshot } from './sealSnapshot.js';
export {
  createSubscription,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_SUBSCRIPTION_BATCH_SIZE,
  type CreateSubscriptionOptions,
} from './createSubscription.js';
export { createMemoryEventStore, type MemoryEventStoreOptions } from './createMemoryEventStore.js';
export { prepareAppend, prepareRequests } from './prepareRequests.js';
export {
  applyInlineProjections,
  inlineDocumentKeys,
  type DocumentWrite,
} from './applyInlineProjections.js';
export {
  assertProjectionCommit,
  assertSnapshot,
  assertStorableName,
  MAX_DOCUMENT_KEY_LENGTH,
} from './assertProjectionCommit.js';
export { compareKeys } from './compareKeys.js';
export { deepFreeze } from './deepFreeze.js';
