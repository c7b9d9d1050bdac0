import type { Report, ReportSummary } from './Report.js';

/** How many subject lines a `ReportSummary` keeps (the text report shows up to 60 of them). */
export const SUMMARY_SUBJECT_LINES = 100;

/** A report's summary: the subjects counted and the first `SUMMARY_SUBJECT_LINES` kept, no exemplars. Pure. */
export const summarizeReport = (r: Report): ReportSummary => ({
  campaigns: r.campaigns,
  dashboards: r.dashboards,
  honourRoll: r.honourRoll,
  subjectCount: r.subjects.length,
  firstSubjects: r.subjects.slice(0, SUMMARY_SUBJECT_LINES),
});
