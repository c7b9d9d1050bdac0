import { stat } from 'node:fs/promises';
import { createReportFold, summarizeReport } from '@strive/campaign';
import type { ChainBroken, StoredEvent } from '@strive/eventlog';
import { inThreadChain, workerChain, type ChainCheck } from '../chainThread.js';
import { CliError } from '../CliError.js';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { within, type Until } from '../parseUntil.js';
import { openLogBatches } from '../readLogBatches.js';

const brokenError = (b: ChainBroken): CliError =>
  new CliError(
    `chain broken at global position ${b.globalPosition} (stream ${b.streamId}, position ${b.streamPosition}): ${b.reason}`,
    1,
  );

/**
 * `strive replay`: rebuilds the report from a log (an exported file or the store) without writing, up to
 * `--until`; same output shape as `report`. Streams: each batch of events is checked against the hash
 * chain (by `chain`: here, or in a second thread fed the raw text) and folded into the report's
 * documents, then dropped, so memory holds the documents, never the log. A broken chain (or a gap) is a
 * `CliError` (exit 1) naming the first bad event, and no report. Does I/O (reads only).
 * @example await replay(inBatches(store.readAll(), 1000), io, undefined, true) // 0
 */
export const replay = async (
  batches: AsyncIterable<readonly StoredEvent[]>,
  io: Io,
  until: Until | undefined,
  json: boolean,
  chain: ChainCheck = inThreadChain(),
): Promise<number> => {
  const progress = startProgress(io, 'replay', json);
  const fold = createReportFold();
  try {
    read: for await (const events of batches) {
      for (const e of events) {
        if (until?.kind === 'position' && e.globalPosition > until.position) break read;
        const broken = chain.check(e);
        if (broken !== undefined) throw brokenError(broken);
        if (within(until, e)) fold.add(e);
      }
      progress.tick(events.length);
    }
  } catch (e) {
    chain.abandon();
    throw e;
  } finally {
    progress.stop();
  }
  const broken = await chain.finish();
  if (broken !== undefined) throw brokenError(broken);
  const r = fold.report();
  io.out(json ? `${JSON.stringify(r)}\n` : formatReport(summarizeReport(r)));
  return 0;
};

/** From this size on, a file's hash chain is checked in a second thread (its start-up costs ~40 ms). */
export const SECOND_THREAD_BYTES = 4 * 1024 * 1024;

/**
 * `strive replay FILE`: `replay` of an exported log (`-` for standard input), its chain checked in a
 * second thread when the file holds at least `SECOND_THREAD_BYTES` (or is standard input), so that
 * hashing and folding share two cores. Does I/O.
 * @example await replayFile('zz.log.jsonl', io, undefined, true) // 0
 */
export const replayFile = async (
  file: string,
  io: Io,
  until: Until | undefined,
  json: boolean,
  secondThreadBytes = SECOND_THREAD_BYTES,
): Promise<number> => {
  const bytes =
    file === '-'
      ? Infinity
      : await stat(file).then(
          (s) => s.size,
          () => 0,
        );
  if (bytes < secondThreadBytes)
    return replay(await openLogBatches(file, io.stdin), io, until, json);
  const chain = workerChain(until?.kind === 'position' ? until.position : undefined);
  const batches = await openLogBatches(file, io.stdin, chain.feed).catch((e: unknown) => {
    chain.abandon();
    throw e;
  });
  return replay(batches, io, until, json, chain);
};
