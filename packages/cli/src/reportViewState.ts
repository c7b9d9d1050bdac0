import {
  campaignsProjection,
  exemplarsProjection,
  REPORT_VIEW,
  subjectsProjection,
} from '@strive/campaign';
import type { EventStore, JsonValue } from '@strive/eventlog';

/** The report view's documents, each with the basis it was written on. */
export interface ReportViewState {
  /** `[storage name, checkpoint]` of the read models the report is assembled from, as stored now. */
  readonly basis: JsonValue;
  readonly summary: JsonValue | undefined;
  readonly rest: JsonValue | undefined;
  /** Whether `report` would print the view as it is: written on the current basis, at the log head. */
  readonly current: boolean;
}

const basisOf = (doc: JsonValue | undefined): unknown =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc)
    ? Object.getOwnPropertyDescriptor(doc, 'basis')?.value
    : undefined;

/**
 * Reads the report view and the checkpoints it depends on, without catching anything up: `current`
 * when every read model is at the log head and both view documents were written on those checkpoints
 * (then `report` reads them and writes nothing). Does I/O (reads only).
 */
export const readReportViewState = async (store: EventStore): Promise<ReportViewState> => {
  const head = (await store.head()).globalPosition;
  const basis: [string, number][] = [];
  for (const p of [campaignsProjection, subjectsProjection, exemplarsProjection])
    basis.push([p.storageName, await store.readCheckpoint(p.storageName)]);
  const summary = await store.readDocument(REPORT_VIEW, 'summary');
  const rest = await store.readDocument(REPORT_VIEW, 'rest');
  // A basis holds arrays of strings and numbers only, so JSON.stringify is canonical for it.
  const want = JSON.stringify(basis);
  const on = (doc: JsonValue | undefined): boolean => JSON.stringify(basisOf(doc)) === want;
  return {
    basis,
    summary,
    rest,
    current: basis.every(([, c]) => c === head) && on(summary) && on(rest),
  };
};
