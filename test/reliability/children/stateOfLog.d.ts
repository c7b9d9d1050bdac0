import type { StoredEvent } from '../../../packages/eventlog/src/index.js';

/** The replayed state of a list of stored events and the SHA-256 of its canonical JSON. Pure. */
export declare const stateOf: (events: readonly StoredEvent[]) => {
  readonly state: unknown;
  readonly stateHash: string;
};
