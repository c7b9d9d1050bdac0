import * as E from 'fp-ts/lib/Either.js';
import type { AppendResult } from '@strive/eventlog';
import {
  type AppendSnapshot,
  planAppend,
  type PreparedRequest,
  type StoredRow,
} from '@strive/eventlog/adapter';
import type { PlannedWrite } from './appendPayload.js';

/** Several appends planned as if run one after another, to be written in one statement. */
export interface GroupedWrite {
  /** What the first group assumed: the check `append_events` makes for all of them. */
  readonly assumed: AppendSnapshot;
  /** Every group's requests, concatenated (streams may repeat across groups). */
  readonly requests: readonly PreparedRequest[];
  /** All rows, and per stream its last version (one entry per stream). */
  readonly write: PlannedWrite;
  /** Each group's results, in the order of `groups`. */
  readonly results: readonly (readonly AppendResult[])[];
}

/**
 * Plans concurrent appends (`groups`) one after another on `snapshot`: each sees the head, versions
 * and stored ids the earlier ones would leave, exactly as if they had run serially. Returns
 * `undefined` unless every group plans a `Write` (a conflict, duplicate or refusal is then decided by
 * the group alone, on state read from the database). Pure.
 */
export const planGroups = (
  groups: readonly (readonly PreparedRequest[])[],
  snapshot: AppendSnapshot,
): GroupedWrite | undefined => {
  const versions = new Map(snapshot.versions);
  const existing = new Map(snapshot.existing);
  const assumedVersions = new Map<string, number>();
  let head = snapshot.head;
  const rows: StoredRow[] = [];
  const results: (readonly AppendResult[])[] = [];
  for (const group of groups) {
    for (const r of group)
      if (!assumedVersions.has(r.streamId))
        assumedVersions.set(r.streamId, snapshot.versions.get(r.streamId) ?? 0);
    // Only this group's ids: `planAppend` reads any stored id as a repeat of the batch.
    const seen = new Map<string, StoredRow>();
    for (const r of group)
      for (const e of r.events) {
        const row = existing.get(e.eventId);
        if (row !== undefined) seen.set(e.eventId, row);
      }
    const plan = planAppend(group, { head, versions, existing: seen });
    if (E.isLeft(plan) || plan.right._tag !== 'Write') return undefined;
    for (const row of plan.right.rows) {
      rows.push(row);
      existing.set(row.eventId, row);
      head = { globalPosition: row.globalPosition, hash: row.hash };
    }
    for (const r of plan.right.results) versions.set(r.streamId, r.streamVersion);
    results.push(plan.right.results);
  }
  const last = new Map<string, AppendResult>();
  for (const group of results)
    for (const r of group) if (r.events.length > 0) last.set(r.streamId, r);
  return {
    assumed: { head: snapshot.head, versions: assumedVersions, existing: new Map() },
    requests: groups.flat(),
    write: { rows, results: [...last.values()] },
    results,
  };
};
