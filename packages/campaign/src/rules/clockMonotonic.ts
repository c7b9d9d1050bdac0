import { rule } from '@strive/engine';
import { isBefore } from '../domain/time.js';

/** One time a command's `at` must not precede: what it is (a sentence part) and when, or null. */
export interface ClockBound {
  /** What the time is, e.g. "the last event of organization o1". */
  readonly of: string;
  readonly lastAt: string | null;
}

/** Input of `clock.monotonic`: the command's time and the times it must not precede. */
export interface MonotonicInput {
  readonly at: string;
  readonly bounds: readonly ClockBound[];
}

const later = ({ at, bounds }: MonotonicInput) =>
  bounds.filter((b) => b.lastAt !== null && isBefore(at, b.lastAt));

/**
 * clock.monotonic: `at` is not earlier than any of its bounds (a subject command: its subject's last
 * event and the campaign's last campaign-level event; a campaign-level command: every event of the
 * campaign). Instants are compared, offsets honoured, equal times allowed. Pure.
 */
export const clockMonotonic = rule<MonotonicInput>(
  'clock.monotonic',
  (input) => {
    const late = later(input);
    return late.length === 0
      ? `at ${input.at} is not earlier than ${input.bounds.map((b) => b.of).join(' nor ')}`
      : `at ${input.at} is earlier than ${late.map((b) => `${b.of} (${b.lastAt ?? ''})`).join(' and ')}`;
  },
  (input) => later(input).length === 0,
);
