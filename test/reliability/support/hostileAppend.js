// A plain JavaScript caller of the EventStore port: what TypeScript's types cannot express, hostile or
// malformed input at run time. Types: hostileAppend.d.ts.
import { appendToStream } from '@strive/eventlog';

/** Calls `appendToStream(store, streamId, events, { expectedVersion: 'any' })` with values of any shape. Does I/O. */
export const hostileAppend = (store, streamId, events) =>
  appendToStream(store, streamId, events, { expectedVersion: 'any' });
