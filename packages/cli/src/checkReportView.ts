import {
  assembleReport,
  campaignsProjection,
  exemplarsProjection,
  REPORT_VIEW,
  subjectsProjection,
  summarizeReport,
} from '@strive/campaign';
import type { EventStore, JsonValue } from '@strive/eventlog';
import { differs, sameDerived, type DerivedResult } from './DerivedResult.js';
import { readReportViewState } from './reportViewState.js';

const fieldOf = (doc: JsonValue | undefined, key: string): unknown =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc)
    ? Object.getOwnPropertyDescriptor(doc, key)?.value
    : undefined;

const parsedText = (doc: JsonValue | undefined): unknown => {
  const text = fieldOf(doc, 'text');
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Compares the stored report view, when `report` would read it, with the report assembled from the
 * read models folded from the log (`folded`: documents by storage name). `snapshots` and `documents`
 * are what was checked before, carried into the result. Does I/O (reads the view).
 */
export const checkReportView = async (
  store: EventStore,
  folded: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  snapshots: number,
  documents: number,
): Promise<DerivedResult> => {
  const { summary, rest, current } = await readReportViewState(store);
  if (!current)
    return {
      _tag: 'DerivedChecked',
      snapshots,
      documents,
      reportView: 'stale, not read by report',
    };
  const sorted = <D>(p: { storageName: string }, is: (u: unknown) => u is D): D[] =>
    [...(folded.get(p.storageName) ?? new Map<string, unknown>()).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v)
      .filter(is);
  const report = assembleReport(
    sorted(campaignsProjection, campaignsProjection.isDocument),
    sorted(subjectsProjection, subjectsProjection.isDocument),
    sorted(exemplarsProjection, exemplarsProjection.isDocument),
  );
  if (!sameDerived(parsedText(summary), summarizeReport(report)))
    return differs(
      `document "summary" of the report view ${REPORT_VIEW}`,
      'it differs from the report re-derived from the log',
    );
  if (!sameDerived(parsedText(rest), { subjects: report.subjects, exemplars: report.exemplars }))
    return differs(
      `document "rest" of the report view ${REPORT_VIEW}`,
      'it differs from the report re-derived from the log',
    );
  return { _tag: 'DerivedChecked', snapshots, documents: documents + 2, reportView: 'equal' };
};
