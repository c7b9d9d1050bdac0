#!/usr/bin/env node
// @ts-check
/* global process */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { createCampaignEngine, readReport } from '@strive/campaign';
import {
  appendToStream,
  StoredEventCodec,
  createMemoryEventStore,
  describeAppendError,
} from '@strive/eventlog';

/**
 * Why a log could not be replayed: the 1-based line and a reason a person can act on.
 * @typedef {{ readonly _tag: 'ReplayFailure', readonly line: number, readonly reason: string }} ReplayFailure
 */

/**
 * Whether a value is a `ReplayFailure`. Pure.
 * @param {unknown} u
 * @returns {u is ReplayFailure}
 */
export const isReplayFailure = (u) =>
  typeof u === 'object' && u !== null && '_tag' in u && u._tag === 'ReplayFailure';

/** @type {(line: number, reason: string) => E.Either<ReplayFailure, never>} */
const fail = (line, reason) => E.left({ _tag: 'ReplayFailure', line, reason });

/**
 * Replays an exported event log (the JSONL of `strive export`) into a fresh in-memory store with the
 * campaign engine, and reads the campaign report from the engine's projections. Each event is appended
 * at its stream position and re-hashed by the store: a line whose hash or position differs from the
 * file's (an altered, removed or reordered event) stops the replay with a `ReplayFailure`. Does I/O.
 * @example
 * const result = await replayEvents(readFileSync('log.jsonl', 'utf8').split('\n'));
 * if (E.isRight(result)) console.log(result.right.honourRoll);
 * @param {AsyncIterable<string> | Iterable<string>} lines
 * @returns {Promise<E.Either<ReplayFailure, import('@strive/campaign').Report>>}
 */
export const replayEvents = async (lines) => {
  const store = createMemoryEventStore();
  try {
    let n = 0;
    for await (const line of lines) {
      n += 1;
      if (line.trim() === '') continue;
      /** @type {unknown} */
      let json;
      try {
        json = JSON.parse(line);
      } catch {
        return fail(n, 'not valid JSON');
      }
      const decoded = StoredEventCodec.decode(json);
      if (E.isLeft(decoded))
        return fail(n, `not an event envelope: ${PathReporter.report(decoded).join('; ')}`);
      const { streamId, streamPosition, globalPosition, hash, ...event } = decoded.right;
      const appended = await appendToStream(
        store,
        streamId,
        [
          {
            eventId: event.eventId,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.data,
            metadata: event.metadata,
          },
        ],
        { expectedVersion: streamPosition - 1 },
      );
      if (E.isLeft(appended)) return fail(n, describeAppendError(appended.left));
      const stored = appended.right.events[0];
      if (stored?.globalPosition !== globalPosition || stored.hash !== hash)
        return fail(
          n,
          `event ${event.eventId} does not match its hash or position: the log was altered`,
        );
    }
    return E.right(await readReport(createCampaignEngine(store)));
  } finally {
    await store.close();
  }
};

/**
 * The script: `node replayEvents.js LOG.jsonl` (or `-` for standard input) prints the report as JSON, or
 * one line on stderr and exit 1. Does I/O.
 * @param {readonly string[]} args
 * @returns {Promise<number>}
 */
const main = async (args) => {
  const file = args[0];
  if (file === undefined) {
    process.stderr.write('usage: replayEvents.js LOG.jsonl (or - for standard input)\n');
    return 2;
  }
  if (file !== '-') {
    const problem = await stat(file).then(
      (s) => (s.isFile() ? undefined : 'not a regular file'),
      (/** @type {NodeJS.ErrnoException} */ e) => e.code ?? e.message,
    );
    if (problem !== undefined) {
      process.stderr.write(`replay-events: cannot read ${file}: ${problem}\n`);
      return 2;
    }
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const result = await replayEvents(createInterface({ input, crlfDelay: Infinity }));
  if (E.isLeft(result)) {
    process.stderr.write(`replay-events: ${file}:${result.left.line}: ${result.left.reason}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.right)}\n`);
  return 0;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
