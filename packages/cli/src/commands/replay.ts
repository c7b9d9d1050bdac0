import { createReportFold, summarizeReport } from '@strive/campaign';
import { createChainVerifier } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { within, type Until } from '../parseUntil.js';
import type { LogBatch } from '../readLogBatches.js';

/**
 * `strive replay`: rebuilds the report from a log (an exported file or the store) without writing, up to
 * `--until`; same output shape as `report`. Streams: each batch of events is checked against the hash
 * chain and folded into the report's documents, then dropped, so memory holds the documents, never the
 * log; an exported line's hash is checked on its own text when it can be (`ChainVerifier.check`). A
 * broken chain (or a gap) is a `CliError` (exit 1) naming the first bad event, and no report. Does I/O
 * (reads only).
 * @example await replay(await openLogBatches('zz.log.jsonl', io.stdin), io, undefined, true) // 0
 */
export const replay = async (
  batches: AsyncIterable<LogBatch>,
  io: Io,
  until: Until | undefined,
  json: boolean,
): Promise<number> => {
  const progress = startProgress(io, 'replay', json);
  const chain = createChainVerifier();
  const fold = createReportFold();
  try {
    read: for await (const { events, lines } of batches) {
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (e === undefined) continue;
        if (until?.kind === 'position' && e.globalPosition > until.position) break read;
        const broken = chain.check(e, lines[i]);
        if (broken !== undefined)
          throw new CliError(
            `chain broken at global position ${broken.globalPosition} (stream ${broken.streamId}, position ${broken.streamPosition}): ${broken.reason}`,
            1,
          );
        if (within(until, e)) fold.add(e);
      }
      progress.tick(events.length);
    }
  } finally {
    progress.stop();
  }
  const r = fold.report();
  io.out(json ? `${JSON.stringify(r)}\n` : formatReport(summarizeReport(r)));
  return 0;
};
