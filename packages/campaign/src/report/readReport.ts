import type { Engine } from '@strive/engine';
import type { Report } from './Report.js';
import { assembleFromSources, catchUpReportSources } from './reportView.js';

/**
 * The report from the stored read models: catches the projections up from their checkpoints (no full
 * replay) and assembles every one of their documents (`readReportSummary` and `readStoredReport` read
 * the stored report view instead). Does I/O.
 * @example const report = await readReport(createCampaignEngine(store));
 */
export const readReport = async (engine: Engine): Promise<Report> =>
  assembleFromSources(await catchUpReportSources(engine));
