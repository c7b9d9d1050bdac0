import type { AppendError, AppendResult } from '@strive/eventlog';
import type { Either } from 'fp-ts/lib/Either.js';
import type { LoadedStream } from './planCommand.js';

/** What an append phase returns. */
export type AppendAnswer = Either<AppendError, readonly AppendResult[]>;

/** What a load phase returns: the streams, and whether a state was taken from the cache unread. */
export interface LoadAnswer {
  readonly streams: readonly LoadedStream[];
  readonly fromCache: boolean;
}

/**
 * The hooks one command's phases run through when telemetry or `onOutcome` is on (a span and a tally
 * per phase); absent otherwise. Each hook runs its phase and returns its result unchanged.
 */
export interface CommandProbe {
  load<T extends LoadAnswer>(run: () => Promise<T>): Promise<T>;
  decide<T>(run: () => T): T;
  append(run: () => Promise<AppendAnswer>): Promise<AppendAnswer>;
}

/** Runs a load phase through the probe, if any. */
export const loadPhase = <T extends LoadAnswer>(
  probe: CommandProbe | undefined,
  run: () => Promise<T>,
): Promise<T> => (probe === undefined ? run() : probe.load(run));

/** Runs a decide phase through the probe, if any. */
export const decidePhase = <T>(probe: CommandProbe | undefined, run: () => T): T =>
  probe === undefined ? run() : probe.decide(run);

/** Runs an append phase through the probe, if any. */
export const appendPhase = (
  probe: CommandProbe | undefined,
  run: () => Promise<AppendAnswer>,
): Promise<AppendAnswer> => (probe === undefined ? run() : probe.append(run));
