/**
 * The store authors' kit (`@strive/eventlog/adapter`): what a new `EventLog` implementation needs
 * besides the port itself (types in `@strive/eventlog`). Validation before I/O (`prepareRequests`),
 * the append decision (`planAppend`), hashing, inline projections, the checks of commits and
 * snapshots, row decoding helpers, the subscription loop and the leased worker loop (reactors, relays). The conformance suite is in
 * `@strive/eventlog/testing`. docs/guides/store-adapter.md walks through them.
 * @module
 */
export { isHex64, parseJsonColumn, parseJsonDataColumn, storedMetadata } from './storedColumns.js';
export { isExpectedVersion, satisfiesExpectedVersion } from './ExpectedVersion.js';
export {
  concurrencyConflict,
  idempotencyConflict,
  invalidEvent,
  storeUnavailable,
} from './errors.js';
export { streamLockTimeout } from './StreamLocking.js';
export { computeEventHash, hashEvent, type HashInput } from './hashEvent.js';
export { exportedLine, exportedLineFits, lineHashHolds } from './exportedLine.js';
export { MAX_STREAM_ID_LENGTH, nameProblem } from './validateName.js';
export {
  DEFAULT_MAX_EVENT_BYTES,
  prepareEvents,
  type PreparedEvent,
  type ValidationOptions,
} from './prepareEvents.js';
export { prepareRequests } from './prepareRequests.js';
export {
  planAppend,
  type AppendPlan,
  type AppendSnapshot,
  type PreparedRequest,
  type StoredRow,
} from './planAppend.js';
export { isExactStoredEvent } from './isExactStoredEvent.js';
export { newEventId } from './newEventId.js';
export { checkpointConflict } from './ProjectionDocuments.js';
export { snapshotDigest } from './sealSnapshot.js';
export { createSubscription, type CreateSubscriptionOptions } from './createSubscription.js';
export { runLeasedWorker } from './runLeasedWorker.js';
export type { BatchDone, LeasedWorker, LeasedWorkerOptions, WorkerState } from './LeasedWorker.js';
export type { WorkerLease, WorkerLeases } from './WorkerLeases.js';
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
export { MAX_DECODE_DEPTH } from './JsonValueCodec.js';
