import { isIsoDateTime, type StoredEvent } from '@strive/eventlog';
import { CliError } from './CliError.js';

/** Where a replay stops: after a global position, or after a business time. */
export type Until =
  | { readonly kind: 'position'; readonly position: number }
  | { readonly kind: 'time'; readonly at: string; readonly ms: number };

/**
 * Reads `--until`: a global position (whole number) or an ISO-8601 time with offset; anything else is a
 * `CliError` (exit 2). Pure.
 * @example parseUntil('120') // { kind: 'position', position: 120 }
 */
export const parseUntil = (value: string): Until => {
  if (/^\d+$/.test(value)) return { kind: 'position', position: Number(value) };
  if (isIsoDateTime(value)) return { kind: 'time', at: value, ms: Date.parse(value) };
  throw new CliError(
    `--until must be a global position or an ISO-8601 time with offset (got "${value}")`,
  );
};

/** Whether an event is within the replay bound. Pure. */
export const within = (until: Until | undefined, e: StoredEvent): boolean =>
  until === undefined ||
  (until.kind === 'position'
    ? e.globalPosition <= until.position
    : Date.parse(e.metadata.at) <= until.ms);
