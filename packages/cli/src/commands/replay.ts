import { createReportFold, summarizeReport, type ReportFold } from '@strive/campaign';
import type { ChainBroken } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { createLogChainCheck, type LogChainCheck } from '../createLogChainCheck.js';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';
import { startProgress, type Progress } from '../progress.js';
import { within, type Until } from '../parseUntil.js';
import type { LogBatch, LogBatches } from '../readLogBatches.js';

/** Checks and folds every batch up to `until`: the first break of the chain, or undefined. */
const checkAndFold = async (
  batches: AsyncIterable<LogBatch>,
  chain: LogChainCheck,
  fold: ReportFold,
  until: Until | undefined,
  progress: Progress,
): Promise<ChainBroken | undefined> => {
  for await (const { events, lines, numbers } of batches) {
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e === undefined) continue;
      const n = numbers[i] ?? 0;
      if (until?.kind === 'position' && e.globalPosition > until.position) return chain.settle(n);
      const broken = chain.check(e, lines[i]);
      if (broken !== undefined) return chain.settle(n, broken);
      if (within(until, e)) fold.add(e);
    }
    progress.tick(events.length);
  }
  return chain.settle();
};

/**
 * `strive replay`: rebuilds the report from a log (an exported file or the store) without writing, up to
 * `--until`; same output shape as `report`. Streams: each batch of events is checked against the hash
 * chain and folded into the report's documents, then dropped, so memory holds the documents, never the
 * log; the hashes of a long exported log are checked on the lines' own text by a second thread
 * (`createLogChainCheck`). A broken chain (or a gap) is a `CliError` (exit 1) naming the first bad
 * event, and no report. Does I/O (reads only).
 * @example await replay(await openLogBatches('zz.log.jsonl', io.stdin), io, undefined, true) // 0
 */
export const replay = async (
  batches: LogBatches,
  io: Io,
  until: Until | undefined,
  json: boolean,
): Promise<number> => {
  const progress = startProgress(io, 'replay', json);
  const chain = createLogChainCheck(batches.file);
  const fold = createReportFold();
  try {
    const broken = await checkAndFold(batches, chain, fold, until, progress);
    if (broken !== undefined)
      throw new CliError(
        `chain broken at global position ${broken.globalPosition} (stream ${broken.streamId}, position ${broken.streamPosition}): ${broken.reason}`,
        1,
      );
  } finally {
    progress.stop();
    await chain.stop();
  }
  const r = fold.report();
  io.out(json ? `${JSON.stringify(r)}\n` : formatReport(summarizeReport(r)));
  return 0;
};
