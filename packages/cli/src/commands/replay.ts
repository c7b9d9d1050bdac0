import { buildReport, summarizeReport } from '@strive/campaign';
import type { StoredEvent } from '@strive/eventlog';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { within, type Until } from '../parseUntil.js';

/**
 * `strive replay`: rebuilds the report from a log (an exported file or the store) without writing, up to
 * `--until`; same output shape as `report`. Does I/O (reads only).
 */
export const replay = async (
  events: AsyncIterable<StoredEvent>,
  io: Io,
  until: Until | undefined,
  json: boolean,
): Promise<number> => {
  const progress = startProgress(io, 'replay', json);
  const kept: StoredEvent[] = [];
  for await (const e of events) {
    if (until?.kind === 'position' && e.globalPosition > until.position) break;
    if (within(until, e)) kept.push(e);
    if (kept.length % 1000 === 0) progress.tick(1000);
  }
  progress.stop();
  const r = buildReport(kept);
  io.out(json ? `${JSON.stringify(r)}\n` : formatReport(summarizeReport(r)));
  return 0;
};
