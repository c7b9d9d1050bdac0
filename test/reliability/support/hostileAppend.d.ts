import type {
  AppendError,
  AppendResult,
  EventStore,
} from '../../../packages/eventlog/src/index.js';

/** Calls `store.append(streamId, events, { expectedVersion: 'any' })` with values of any shape. Does I/O. */
export declare const hostileAppend: (
  store: EventStore,
  streamId: unknown,
  events: unknown,
) => Promise<
  | { readonly _tag: 'Left'; readonly left: AppendError }
  | { readonly _tag: 'Right'; readonly right: AppendResult }
>;
