import * as E from 'fp-ts/lib/Either.js';
import { canonicalJson, type Snapshot, type SnapshotStore, validateJson } from '@strive/eventlog';
import { assertSnapshot } from '@strive/eventlog/adapter';
import { decodeJsonColumn, decodePosition, rowOf } from './decodeValues.js';
import type { Statements } from './prepareStatements.js';
import { promised } from './promised.js';

const checkSnapshot = (s: Snapshot): string => {
  assertSnapshot(s);
  const state = validateJson(s.state, 'state', { maxDepth: 64, maxChars: Number.MAX_SAFE_INTEGER });
  if (E.isLeft(state)) throw new Error(`snapshot state ${state.left.reason}`);
  return canonicalJson(state.right);
};

/**
 * The snapshot half of the port: one row per (stream, key), replaced on save with its event hash and
 * digest; the state is stored as canonical JSON and decoded with io-ts on load. `run` wraps writes with the store's busy retries.
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
      const [position, state, eventHash, digest] = rowOf(row);
      const what = `snapshot ${streamId}/${key}`;
      return {
        streamId,
        key,
        streamPosition: decodePosition(position, what),
        // A row from before migration 2 has '' here: its digest never matches, so it is rebuilt.
        eventHash: String(eventHash),
        state: decodeJsonColumn(state, what),
        digest: String(digest),
      };
    }),
  saveSnapshot: (s: Snapshot) =>
    promised(() => checkSnapshot(s)).then((json) =>
      run(() => {
        st.saveSnapshot.run(s.streamId, s.key, s.streamPosition, json, s.eventHash, s.digest);
      }),
    ),
});
