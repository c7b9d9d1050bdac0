import type { Engine } from '@strive/engine';
import { campaignsProjection } from '../projections/campaignsProjection.js';
import { exemplarsProjection } from '../projections/exemplarsProjection.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { assembleReport } from './assembleReport.js';
import type { Report } from './Report.js';

/**
 * The report from the stored read models: catches the projections up from their checkpoints (no full
 * replay) and assembles their documents. Does I/O.
 * @example const report = await readReport(createCampaignEngine(store));
 */
export const readReport = async (engine: Engine): Promise<Report> => {
  const [campaigns, subjects, exemplars] = await Promise.all([
    engine.project(campaignsProjection),
    engine.project(subjectsProjection),
    engine.project(exemplarsProjection),
  ]);
  const values = async <D>(m: {
    all(): Promise<ReadonlyArray<{ readonly value: D }>>;
  }): Promise<D[]> => (await m.all()).map((x) => x.value);
  return assembleReport(await values(campaigns), await values(subjects), await values(exemplars));
};
