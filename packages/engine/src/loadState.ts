import {
  GENESIS_HASH,
  isSealed,
  sealSnapshot,
  validateJson,
  type EventLog,
  type Snapshot,
  type SnapshotStore,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { foldEventsAsync, initialState } from './foldEvents.js';
import { isHeadOnly, readHead } from './headOf.js';
import type { Workflow, WorkflowState } from './Workflow.js';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * The state a snapshot holds, or `undefined` when it cannot be trusted: another key (workflow name,
 * version or machine hash changed), a digest that does not match its fields (an edited row), a
 * position that disagrees with its state, or a bad shape. Pure. (`loadState` also checks that the
 * stream's event at the snapshot's position still has the snapshot's `eventHash`.)
 */
export const stateFromSnapshot = <C>(
  workflow: Workflow<C>,
  snapshot: Snapshot | undefined,
): WorkflowState<C> | undefined => {
  if (snapshot === undefined || snapshot.key !== workflow.snapshotKey) return undefined;
  if (!isSealed(snapshot)) return undefined;
  const s: unknown = snapshot.state;
  if (!isRecord(s)) return undefined;
  const { value, context, version, lastAt } = s;
  if (typeof value !== 'string' || !workflow.table.leaves.includes(value)) return undefined;
  if (version !== snapshot.streamPosition || typeof version !== 'number') return undefined;
  if (typeof lastAt !== 'string' && lastAt !== null) return undefined;
  if (!workflow.isContext(context)) return undefined;
  return { value, context, version, lastAt };
};

/**
 * A snapshot of a state, stamped with the workflow's key, bound to `eventHash` (the hash of the
 * stream's event at `state.version`) and sealed; throws if the context is not JSON. Pure.
 */
export const snapshotOf = <C>(
  workflow: Workflow<C>,
  streamId: string,
  state: WorkflowState<C>,
  eventHash: string,
): Snapshot => {
  const json = validateJson(state, 'state', { maxDepth: 64, maxChars: 64 * 1024 * 1024 });
  if (E.isLeft(json))
    throw new Error(
      `${workflow.name}: context is not JSON at ${json.left.path}: ${json.left.reason}`,
    );
  return sealSnapshot({
    streamId,
    key: workflow.snapshotKey,
    streamPosition: state.version,
    eventHash,
    state: json.right,
  });
};

/** Whether the stream's event at the snapshot's position still has the snapshot's hash. Does I/O. */
const isBound = async (store: EventLog, snapshot: Snapshot): Promise<boolean> => {
  if (snapshot.streamPosition === 0) return snapshot.eventHash === GENESIS_HASH;
  for await (const e of store.readStream(snapshot.streamId, {
    from: snapshot.streamPosition,
    to: snapshot.streamPosition,
    batchSize: 1,
  }))
    return e.streamPosition === snapshot.streamPosition && e.hash === snapshot.eventHash;
  return false;
};

/** The events of `events`, noting the last one's hash in `seen`. */
async function* noting(
  events: AsyncIterable<StoredEvent>,
  seen: { hash: string | undefined },
): AsyncGenerator<StoredEvent> {
  for await (const e of events) {
    seen.hash = e.hash;
    yield e;
  }
}

/**
 * Loads a stream's state: the latest trusted snapshot (if snapshots are on: sealed, and bound to the
 * event at its position, else ignored and rebuilt), then the events after it; saves a new snapshot when the tail reached `snapshotEvery` events. A stream shorter than
 * `snapshotEvery` (its version is one index probe) is folded from its start without looking for a
 * snapshot, which would spare fewer events than that (a store may make that lookup cost as much as
 * its largest snapshot); an empty stream is not read at all. A stream named by `headOf` is read at
 * its last event only. Does I/O.
 */
export const loadState = async <C>(
  store: EventLog,
  snapshots: SnapshotStore | undefined,
  workflow: Workflow<C>,
  streamId: string,
  snapshotEvery: number,
): Promise<WorkflowState<C>> => {
  if (isHeadOnly(workflow)) return readHead(store, workflow, streamId);
  const version =
    snapshots !== undefined && snapshotEvery > 0 ? await store.streamVersion(streamId) : undefined;
  if (version === 0) return initialState(workflow);
  const snapshot =
    snapshots !== undefined && version !== undefined && version >= snapshotEvery
      ? await snapshots.loadSnapshot(streamId, workflow.snapshotKey)
      : undefined;
  const trusted = stateFromSnapshot(workflow, snapshot);
  const from =
    trusted !== undefined && snapshot !== undefined && (await isBound(store, snapshot))
      ? trusted
      : initialState(workflow);
  const last: { hash: string | undefined } = { hash: undefined };
  const state = await foldEventsAsync(
    workflow,
    noting(store.readStream(streamId, { from: from.version + 1 }), last),
    from,
  );
  if (
    snapshots !== undefined &&
    snapshotEvery > 0 &&
    state.version - from.version >= snapshotEvery &&
    last.hash !== undefined
  )
    await snapshots.saveSnapshot(snapshotOf(workflow, streamId, state, last.hash));
  return state;
};
