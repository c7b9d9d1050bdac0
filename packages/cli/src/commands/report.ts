import { createCampaignEngine, readReport } from '@strive/campaign';
import type { EventStore } from '@strive/eventlog';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';

/** `strive report`: dashboard and honour roll from the projections (caught up from their checkpoints). Does I/O. */
export const report = async (store: EventStore, io: Io, json: boolean): Promise<number> => {
  const r = await readReport(createCampaignEngine(store));
  io.out(json ? `${JSON.stringify(r)}\n` : formatReport(r));
  return 0;
};
