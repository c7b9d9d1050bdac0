import type { StoredEvent } from '@strive/eventlog';
import { campaignsProjection } from '../projections/campaignsProjection.js';
import { exemplarsProjection } from '../projections/exemplarsProjection.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { assembleReport } from './assembleReport.js';
import { createProjectionFold } from './createProjectionFold.js';
import type { Report } from './Report.js';

/** A report folded one event at a time: only the read-model documents are kept, never the events. */
export interface ReportFold {
  /** Folds the next event (in global order) into the documents. */
  readonly add: (e: StoredEvent) => void;
  /** The report of the events added so far. */
  readonly report: () => Report;
}

/**
 * Starts folding the report of a log event by event, with the recipes of the campaigns, subjects and
 * exemplars projections, so `replay` streams a log of any length in the memory of its documents.
 * Pure (state lives in the returned object).
 * @example
 * const fold = createReportFold();
 * for (const e of events) fold.add(e);
 * fold.report().honourRoll;
 */
export const createReportFold = (): ReportFold => {
  const campaigns = createProjectionFold(campaignsProjection);
  const subjects = createProjectionFold(subjectsProjection);
  const exemplars = createProjectionFold(exemplarsProjection);
  return {
    add: (e) => {
      campaigns.add(e);
      subjects.add(e);
      exemplars.add(e);
    },
    report: () => assembleReport(campaigns.sorted(), subjects.sorted(), exemplars.sorted()),
  };
};
