export { subjectOf, subjectToken, streamTypeOf } from './subjectOf.js';
export { decodeEvent, encodeEvent, type ForgedMessage } from './eventMessage.js';
export type { RelayLease, RelayLeases, RelayPublisher, RelayStore } from './RelayStore.js';
export { runRelay, type Relay, type RelayOptions } from './runRelay.js';
export { consumeEvents, type ConsumedEvent, type ConsumeEventsOptions } from './consumeEvents.js';
export { ensureEventStream, type EventStreamOptions } from './ensureEventStream.js';
