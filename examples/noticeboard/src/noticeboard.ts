import * as E from 'fp-ts/lib/Either.js';
import type { JetStreamClient } from '@nats-io/jetstream';
import { subjectWorkflow } from '@strive/campaign';
import type { StoredEvent } from '@strive/eventlog';
import {
  consumeEvents,
  runRelay,
  subjectOf,
  type Relay,
  type RelayPublisher,
  type RelayStore,
} from '@strive/nats';

// #region relay
/** What the public sees: a notice starting, objections filed and resolved, commendations. */
export const NOTICE_TYPES = [
  'PublicNoticeStarted',
  'ObjectionFiled',
  'ObjectionResolved',
  'SubjectCommended',
];

/** Publishes the campaign's public events to `<prefix>.subject.<event type>`. Does I/O. */
export const publishNotices = (store: RelayStore, js: RelayPublisher, prefix: string): Relay =>
  runRelay({ name: 'noticeboard', store, js, types: NOTICE_TYPES, subject: subjectOf(prefix) });
// #endregion relay

/** One subject on the board. */
export interface Notice {
  readonly subject: string;
  readonly from: string;
  readonly until: string;
  readonly objections: { readonly reason: string; readonly outcome: string }[];
  commended: boolean;
}

/** Folds the public events into the board, one notice per subject stream, in order. Pure. */
export const foldNoticeboard = (events: readonly StoredEvent[]): Notice[] => {
  const board = new Map<string, Notice>();
  const ids = new Map<string, number>();
  for (const e of events) {
    const subject = e.streamId.replace(/^subject-/, '');
    if (e.type === 'PublicNoticeStarted') {
      const d = subjectWorkflow.dataOf('PublicNoticeStarted', e);
      board.set(subject, {
        subject,
        from: d.startsAt,
        until: d.endsAt,
        objections: [],
        commended: false,
      });
    }
    const notice = board.get(subject);
    if (notice === undefined) continue;
    if (e.type === 'ObjectionFiled') {
      const d = subjectWorkflow.dataOf('ObjectionFiled', e);
      ids.set(`${subject}/${d.objectionId}`, notice.objections.length);
      notice.objections.push({ reason: d.reason, outcome: 'open' });
    } else if (e.type === 'ObjectionResolved') {
      const d = subjectWorkflow.dataOf('ObjectionResolved', e);
      const i = ids.get(`${subject}/${d.objectionId}`);
      const o = i === undefined ? undefined : notice.objections[i];
      if (i !== undefined && o !== undefined)
        notice.objections[i] = { ...o, outcome: d.upheld ? 'upheld' : 'dismissed' };
    } else if (e.type === 'SubjectCommended') notice.commended = true;
  }
  return [...board.values()];
};

/** The board as a citizen reads it. Pure. */
export const formatNoticeboard = (board: readonly Notice[]): string =>
  board
    .map((n) =>
      [
        `${n.subject}: on notice ${n.from.slice(0, 10)} to ${n.until.slice(0, 10)}${n.commended ? ', COMMENDED' : ''}`,
        ...n.objections.map((o) => `  objection (${o.outcome}): ${o.reason}`),
      ].join('\n'),
    )
    .join('\n');

// #region consumer
/**
 * Reads the board from NATS alone: the first `count` messages of the stream, each checked against its
 * hash (a forged message is reported, not shown). Does I/O.
 */
export const readNoticeboard = async (
  js: JetStreamClient,
  stream: string,
  count: number,
): Promise<{ readonly board: Notice[]; readonly forged: number }> => {
  const events: StoredEvent[] = [];
  let forged = 0;
  if (count > 0)
    for await (const m of consumeEvents({ js, stream })) {
      if (E.isRight(m.event)) events.push(m.event.right);
      else forged += 1;
      if (events.length + forged >= count) break;
    }
  return { board: foldNoticeboard(events), forged };
};
// #endregion consumer
