// A plain JavaScript caller of the EventStore port: what TypeScript's types cannot express, hostile or
// malformed input at run time. Types: hostileAppend.d.ts.

/** Calls `store.append(streamId, events, { expectedVersion: 'any' })` with values of any shape. Does I/O. */
export const hostileAppend = (store, streamId, events) =>
  store.append(streamId, events, { expectedVersion: 'any' });
