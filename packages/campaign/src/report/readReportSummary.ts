import type { Engine } from '@strive/engine';
import type { ProjectionDocuments } from '@strive/eventlog';
import type { Report, ReportSummary } from './Report.js';
import { ReportRestCodec, ReportSummaryCodec } from './ReportCodec.js';
import {
  assembleFromSources,
  catchUpReportSources,
  readViewPart,
  writeReportView,
  type ReportSources,
} from './reportView.js';
import { summarizeReport } from './summarizeReport.js';

const refresh = async (store: ProjectionDocuments, sources: ReportSources): Promise<Report> => {
  const report = await assembleFromSources(sources);
  await writeReportView(store, sources, report);
  return report;
};

/**
 * What `strive report` prints, from the report view: catches the read models up, then reads the
 * view's summary document when it was written at their checkpoints; otherwise assembles the report
 * from every document (as `readReport`) and stores it as the view, so the next call is quick.
 * Does I/O. `store` is the engine's store.
 * @example const summary = await readReportSummary(createCampaignEngine(store), store);
 */
export const readReportSummary = async (
  engine: Engine,
  store: ProjectionDocuments,
): Promise<ReportSummary> => {
  const sources = await catchUpReportSources(engine);
  const summary = await readViewPart(store, 'summary', sources, ReportSummaryCodec);
  return summary ?? summarizeReport(await refresh(store, sources));
};

/**
 * The whole report (equal to `readReport`'s) from the report view, refreshed first when the read
 * models moved since it was written. Does I/O. `store` is the engine's store.
 * @example const report = await readStoredReport(createCampaignEngine(store), store);
 */
export const readStoredReport = async (
  engine: Engine,
  store: ProjectionDocuments,
): Promise<Report> => {
  const sources = await catchUpReportSources(engine);
  const summary = await readViewPart(store, 'summary', sources, ReportSummaryCodec);
  const rest = await readViewPart(store, 'rest', sources, ReportRestCodec);
  if (summary === undefined || rest === undefined) return refresh(store, sources);
  return {
    campaigns: summary.campaigns,
    subjects: rest.subjects,
    honourRoll: summary.honourRoll,
    dashboards: summary.dashboards,
    exemplars: rest.exemplars,
  };
};
