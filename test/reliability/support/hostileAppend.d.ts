import type { AppendError, AppendResult, EventLog } from '../../../packages/eventlog/src/index.js';

/** Calls `appendToStream(store, streamId, events, { expectedVersion: 'any' })` with values of any shape. Does I/O. */
export declare const hostileAppend: (
  store: EventLog,
  streamId: unknown,
  events: unknown,
) => Promise<
  | { readonly _tag: 'Left'; readonly left: AppendError }
  | { readonly _tag: 'Right'; readonly right: AppendResult }
>;
