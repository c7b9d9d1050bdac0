import type { Engine, ReadModel } from '@strive/engine';
import type { JsonValue, ProjectionDocuments } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { CampaignDoc } from '../projections/CampaignDoc.js';
import { campaignsProjection } from '../projections/campaignsProjection.js';
import type { ExemplarDoc } from '../projections/ExemplarDoc.js';
import { exemplarsProjection } from '../projections/exemplarsProjection.js';
import type { SubjectDoc } from '../projections/SubjectDoc.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { assembleReport } from './assembleReport.js';
import type { Report } from './Report.js';
import { summarizeReport } from './summarizeReport.js';

/**
 * Where the report view lives among the store's projection documents: the assembled report of the
 * read models at known checkpoints (document `summary`: what `report` prints; `rest`: every subject
 * line and the exemplars), so `report` reads two documents instead of one per subject.
 */
export const REPORT_VIEW = 'campaign-report@v1';

/** The read models a report is assembled from, caught up, and the checkpoints they stand at. */
export interface ReportSources {
  readonly models: readonly [ReadModel<CampaignDoc>, ReadModel<SubjectDoc>, ReadModel<ExemplarDoc>];
  /** `[storage name, checkpoint]` of each read model: a view with another basis is stale. */
  readonly basis: readonly (readonly [string, number])[];
}

/** Catches the report's read models up from their checkpoints (no full replay). Does I/O. */
export const catchUpReportSources = async (engine: Engine): Promise<ReportSources> => {
  const models = await Promise.all([
    engine.project(campaignsProjection),
    engine.project(subjectsProjection),
    engine.project(exemplarsProjection),
  ] as const);
  return { models, basis: models.map((m) => [m.projection, m.checkpoint] as const) };
};

/** The report assembled from every document of its read models (one per subject). Does I/O. */
export const assembleFromSources = async ({ models }: ReportSources): Promise<Report> => {
  const values = async <D>(m: ReadModel<D>): Promise<D[]> => (await m.all()).map((x) => x.value);
  const [campaigns, subjects, exemplars] = models;
  return assembleReport(await values(campaigns), await values(subjects), await values(exemplars));
};

const fieldOf = (doc: unknown, key: string): unknown =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc)
    ? Object.getOwnPropertyDescriptor(doc, key)?.value
    : undefined;

const sameBasis = (stored: unknown, basis: ReportSources['basis']): boolean =>
  Array.isArray(stored) &&
  stored.length === basis.length &&
  basis.every(([name, checkpoint], i) => {
    const s: unknown = stored[i];
    return Array.isArray(s) && s[0] === name && s[1] === checkpoint;
  });

/**
 * A document of the view when it was written on `basis`, checked by `codec` (its JSON text keeps the
 * report's key order, which a store's canonical JSON would not); `undefined` when absent, stale or
 * unreadable. Does I/O.
 */
export const readViewPart = async <A>(
  store: ProjectionDocuments,
  key: 'summary' | 'rest',
  sources: ReportSources,
  codec: t.Type<A, unknown, unknown>,
): Promise<A | undefined> => {
  const doc = await store.readDocument(REPORT_VIEW, key);
  const text = fieldOf(doc, 'text');
  if (!sameBasis(fieldOf(doc, 'basis'), sources.basis) || typeof text !== 'string')
    return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return codec.is(parsed) ? parsed : undefined;
};

/**
 * Stores `report` as the view of `sources` (compare-and-set on the view's checkpoint: when another
 * process wrote it meanwhile, its view is kept). Does I/O.
 */
export const writeReportView = async (
  store: ProjectionDocuments,
  sources: ReportSources,
  report: Report,
): Promise<void> => {
  const expected = await store.readCheckpoint(REPORT_VIEW);
  const lowest = Math.min(...sources.basis.map(([, checkpoint]) => checkpoint));
  const basis: JsonValue = sources.basis.map(([name, checkpoint]) => [name, checkpoint]);
  const text = (value: object): JsonValue => ({ basis, text: JSON.stringify(value) });
  const written = await store.commitProjection({
    projection: REPORT_VIEW,
    expectedCheckpoint: expected,
    checkpoint: Math.max(expected, lowest),
    upserts: [
      { key: 'summary', value: text(summarizeReport(report)) },
      { key: 'rest', value: text({ subjects: report.subjects, exemplars: report.exemplars }) },
    ],
    deletes: [],
  });
  // A CheckpointConflict means another process refreshed the view first: its view stands.
  void E.isLeft(written);
};
