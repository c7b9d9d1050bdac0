import {
  campaignsProjection,
  createProjectionFold,
  exemplarsProjection,
  subjectsProjection,
  timelinesProjection,
  type ProjectionFold,
} from '@strive/campaign';
import type { AnyProjection } from '@strive/engine';
import type { EventStore, StoredEvent } from '@strive/eventlog';
import { checkProjection, type Refolded } from './checkProjection.js';
import { checkReportView } from './checkReportView.js';
import { checkSnapshots } from './checkSnapshots.js';
import type { DerivedResult } from './DerivedResult.js';

const PROJECTIONS: readonly AnyProjection[] = [
  campaignsProjection,
  subjectsProjection,
  timelinesProjection,
  exemplarsProjection,
];

/** The deep check, fed the log's events by its caller in the same pass as its own work. */
export interface DerivedCheck {
  /** Takes the next event of the log, in global order: folded into the read models it reaches. */
  readonly add: (e: StoredEvent) => void;
  /** After the last event: compares snapshots, documents and the report view with what was folded. */
  readonly finish: () => Promise<DerivedResult>;
}

/** Folds the caller makes anyway (by storage name), fed every event up to `to`, for the check to reuse. */
export interface SharedFolds {
  readonly to: number;
  readonly folds: ReadonlyMap<string, ProjectionFold<unknown>>;
}

/**
 * Starts the deep check, which re-derives from the log, in memory, what the store keeps beside it and
 * compares: every snapshot of the campaign workflows (seal, bound event hash, state), every document
 * of the campaign read models (folded up to its checkpoint) and, when `report` would read it, the
 * report view; `finish` returns the first that differs, or what was checked. The caller feeds the log
 * in its own pass (`verify`'s chain walk, `report --html`'s page folds), so the log is read once and
 * only the folded documents are kept; each snapshotted stream is read once more up to its snapshot. A
 * shared fold replaces the check's own when its projection's checkpoint is at or past `to` (then the
 * two are the same). Does I/O (reads checkpoints; `finish` reads snapshots, documents and the view).
 */
export const startDerivedCheck = async (
  store: EventStore,
  shared?: SharedFolds,
): Promise<DerivedCheck> => {
  const refolds: Refolded[] = [];
  const own: Refolded[] = [];
  for (const projection of PROJECTIONS) {
    const checkpoint = projection.inline
      ? Number.MAX_SAFE_INTEGER
      : await store.readCheckpoint(projection.storageName);
    const given =
      shared !== undefined && checkpoint >= shared.to
        ? shared.folds.get(projection.storageName)
        : undefined;
    const r = { projection, checkpoint, fold: given ?? createProjectionFold<unknown>(projection) };
    refolds.push(r);
    if (given === undefined) own.push(r);
  }
  const streams = new Set<string>();
  return {
    add: (e) => {
      streams.add(e.streamId);
      for (const r of own) if (e.globalPosition <= r.checkpoint) r.fold.add(e);
    },
    finish: async () => {
      const snapshots = await checkSnapshots(store, streams);
      if (typeof snapshots !== 'number') return snapshots;
      let documents = 0;
      const folded = new Map<string, ReadonlyMap<string, unknown>>();
      for (const r of refolds) {
        const checked = await checkProjection(store, r);
        if (typeof checked !== 'number') return checked;
        documents += checked;
        folded.set(r.projection.storageName, r.fold.documents());
      }
      return checkReportView(store, folded, snapshots, documents);
    },
  };
};
