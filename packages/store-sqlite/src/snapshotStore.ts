import * as E from 'fp-ts/lib/Either.js';
import { canonicalJson, validateJson, type Snapshot, type SnapshotStore } from '@strive/eventlog';
import { decodeJsonColumn, decodePosition, rowOf } from './decodeValues.js';
import type { Statements } from './prepareStatements.js';
import { promised } from './promised.js';

const LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

const checkSnapshot = (s: Snapshot): string => {
  if (typeof s.streamId !== 'string' || typeof s.key !== 'string')
    throw new TypeError('saveSnapshot: streamId and key must be strings');
  if (!Number.isSafeInteger(s.streamPosition) || s.streamPosition < 0)
    throw new RangeError('saveSnapshot: streamPosition must be a non-negative integer');
  const state = validateJson(s.state, 'state', LIMITS);
  if (E.isLeft(state))
    throw new TypeError(`saveSnapshot: ${state.left.path} is not plain JSON: ${state.left.reason}`);
  return canonicalJson(state.right);
};

/**
 * The snapshot half of the port: one row per (stream, key), replaced on save; the state is stored as
 * canonical JSON and decoded with io-ts on load. `run` wraps writes with the store's busy retries.
 * Does I/O.
 */
export const snapshotStore = (
  st: Statements,
  run: <A>(work: () => A) => Promise<A>,
): SnapshotStore => ({
  loadSnapshot: (streamId, key) =>
    promised(() => {
      const row: unknown = st.loadSnapshot.get(streamId, key);
      if (row === undefined) return undefined;
      const [position, state] = rowOf(row);
      const what = `snapshot ${streamId}/${key}`;
      return {
        streamId,
        key,
        streamPosition: decodePosition(position, what),
        state: decodeJsonColumn(state, what),
      };
    }),
  saveSnapshot: (s: Snapshot) =>
    promised(() => checkSnapshot(s)).then((json) =>
      run(() => {
        st.saveSnapshot.run(s.streamId, s.key, s.streamPosition, json);
      }),
    ),
});
