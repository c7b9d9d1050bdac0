import { isBefore } from '../domain/time.js';
import { domainRule } from './domainRule.js';

/** Input of `clock.monotonic`: the command's time and the time of the last event of each stream it touches. */
export interface MonotonicInput {
  readonly at: string;
  readonly streams: readonly { readonly streamId: string; readonly lastAt: string | null }[];
}

const laterStreams = ({ at, streams }: MonotonicInput) =>
  streams.filter((s) => s.lastAt !== null && isBefore(at, s.lastAt));

/** clock.monotonic: `at` is not earlier than the last event of any stream the command reads or writes. Pure. */
export const clockMonotonic = domainRule<MonotonicInput>(
  'clock.monotonic',
  (input) =>
    `at ${input.at} is earlier than the last event of ${laterStreams(input)
      .map((s) => `${s.streamId} (${s.lastAt ?? ''})`)
      .join(', ')}`,
  (input) => laterStreams(input).length === 0,
);
