import { rule } from '@strive/engine';
import { isBefore } from '../domain/time.js';

/** Input of `notice.period` at StartPublicNotice. */
export interface NoticeDaysInput {
  readonly days: number;
  readonly minNoticeDays: number;
}

/** notice.period: a public notice lasts at least `minNoticeDays` days. Pure. */
export const noticeLongEnough = rule<NoticeDaysInput>(
  'notice.period',
  ({ days, minNoticeDays }) => `a notice of ${days} days, at least ${minNoticeDays} required`,
  ({ days, minNoticeDays }) => days >= minNoticeDays,
);

/** Input of `notice.period` for objections and commendation: the command's time and the notice. */
export interface NoticeTimeInput {
  readonly at: string;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
}

/** notice.period: an objection is filed within the notice, in [start, end). Pure. */
export const withinNotice = rule<NoticeTimeInput>(
  'notice.period',
  ({ at, startsAt, endsAt }) =>
    startsAt === null || endsAt === null
      ? `no public notice is running at ${at}`
      : `objections are filed from ${startsAt} until before ${endsAt}; it is ${at}`,
  ({ at, startsAt, endsAt }) =>
    startsAt !== null && endsAt !== null && !isBefore(at, startsAt) && isBefore(at, endsAt),
);

/** notice.period: a subject is commended only once its notice has ended (at >= end). Pure. */
export const noticeEnded = rule<NoticeTimeInput>(
  'notice.period',
  ({ at, startsAt, endsAt }) =>
    startsAt === null || endsAt === null
      ? `no public notice was given before ${at}`
      : isBefore(at, endsAt)
        ? `the public notice runs until ${endsAt}; it is ${at}`
        : `the public notice from ${startsAt} ended at ${endsAt}`,
  ({ at, endsAt }) => endsAt !== null && !isBefore(at, endsAt),
);
