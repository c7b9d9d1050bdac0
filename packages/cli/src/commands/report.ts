import { createCampaignEngine, readReportSummary, readStoredReport } from '@strive/campaign';
import type { EventStore } from '@strive/eventlog';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';

/**
 * `strive report`: dashboard and honour roll from the report view (refreshed from the projections,
 * caught up from their checkpoints, when the log moved since it was written). Does I/O.
 */
export const report = async (store: EventStore, io: Io, json: boolean): Promise<number> => {
  const engine = createCampaignEngine(store);
  io.out(
    json
      ? `${JSON.stringify(await readStoredReport(engine, store))}\n`
      : formatReport(await readReportSummary(engine, store)),
  );
  return 0;
};
