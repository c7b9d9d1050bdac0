/** Milliseconds in a day of the notice and review arithmetic (a day is exactly 24 hours). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Epoch milliseconds of an ISO-8601 date-time (already validated by the codecs). Pure.
 * @example toMillis('2010-05-10T09:00:00+08:00') === Date.UTC(2010, 4, 10, 1)
 */
export const toMillis = (iso: string): number => Date.parse(iso);

/** Whether `a` is strictly earlier than `b` (instants, offsets taken into account). Pure. */
export const isBefore = (a: string, b: string): boolean => toMillis(a) < toMillis(b);

const OFFSET = /(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * `iso` plus `days` x 24 h, written with the same offset as `iso` (whole seconds unless `iso` has
 * milliseconds). Pure.
 * @example addDays('2012-11-01T09:00:00+08:00', 7) === '2012-11-08T09:00:00+08:00'
 */
export const addDays = (iso: string, days: number): string => {
  const m = OFFSET.exec(iso);
  const sign = m?.[2] === '-' ? -1 : 1;
  const offsetMinutes =
    m?.[1] === 'Z' || m === null ? 0 : sign * (Number(m[3]) * 60 + Number(m[4]));
  const local = new Date(toMillis(iso) + days * DAY_MS + offsetMinutes * 60_000).toISOString();
  const body = iso.includes('.') ? local.slice(0, 23) : local.slice(0, 19);
  return `${body}${m?.[1] ?? 'Z'}`;
};

/** A duration in whole and fractional days, for explanations ("91.5 days"). Pure. */
export const formatDays = (ms: number): string => {
  const days = ms / DAY_MS;
  return Number.isInteger(days) ? `${days} days` : `${days.toFixed(1)} days`;
};
