import { hash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { Snapshot } from './SnapshotStore.js';

/** A snapshot before it is sealed. */
export type UnsealedSnapshot = Omit<Snapshot, 'digest'>;

/**
 * SHA-256 (hex) of the canonical JSON of a snapshot's stream, key, position, event hash and state. Pure.
 * @example snapshotDigest({ streamId: 's', key: 'k', streamPosition: 0, eventHash: GENESIS_HASH, state: 1 })
 */
export const snapshotDigest = (s: UnsealedSnapshot): string =>
  hash(
    'sha256',
    canonicalJson({
      eventHash: s.eventHash,
      key: s.key,
      state: s.state,
      streamId: s.streamId,
      streamPosition: s.streamPosition,
    }),
    'hex',
  );

/** The snapshot with its `digest`. Pure; throws as `canonicalJson` does when the state is not JSON. */
export const sealSnapshot = (s: UnsealedSnapshot): Snapshot => ({
  streamId: s.streamId,
  key: s.key,
  streamPosition: s.streamPosition,
  eventHash: s.eventHash,
  state: s.state,
  digest: snapshotDigest(s),
});

/** Whether a snapshot's digest matches its fields (an edited row does not). Pure. */
export const isSealed = (s: Snapshot): boolean => {
  try {
    return s.digest === snapshotDigest(s);
  } catch {
    return false;
  }
};
