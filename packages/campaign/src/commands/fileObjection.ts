import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { Id, Text } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { describeSubject, SubjectRefCodec } from '../domain/Subject.js';
import { objectionIsNew } from '../rules/noticeObjection.js';
import { withinNotice } from '../rules/noticePeriod.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `FileObjection`: subject, objectionId, reason. */
export const FileObjectionCommand = isFirst(
  commandCodec('FileObjection', {
    ...campaignFields,
    subject: SubjectRefCodec,
    objectionId: Id,
    reason: Text,
  }),
);

/** A `FileObjection` command. */
export type FileObjection = t.TypeOf<typeof FileObjectionCommand>;

/** Decides `FileObjection` (public or member, commending, a subject under notice, within [start, end)). Pure. */
export const decideFileObjection = (
  cmd: FileObjection,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const notice = subject.context.notice;
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['public', 'member'],
        phases: ['commending'],
        clock: subjectClock(cmd, campaign, subject),
        deadline: true,
      }),
      subjectState.judge({
        command: cmd.type,
        subject: describeSubject(cmd.subject),
        state: subject.value,
        allowed: ['under-notice'],
      }),
      withinNotice.judge({
        at: cmd.at,
        startsAt: notice?.startsAt ?? null,
        endsAt: notice?.endsAt ?? null,
      }),
      objectionIsNew.judge({
        objectionId: cmd.objectionId,
        objections: subject.context.objections,
      }),
    ],
    () => ({
      subject: [
        subjectEvent('ObjectionFiled', {
          objectionId: cmd.objectionId,
          reason: cmd.reason,
          filedBy: cmd.actor,
          at: cmd.at,
        }),
      ],
    }),
  );
};

/** The engine's `FileObjection` command (streams: the campaign, read; the subject, written). */
export const fileObjection = defineCommand({
  type: 'FileObjection',
  codec: FileObjectionCommand,
  streams: (cmd: FileObjection) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideFileObjection(cmd, states),
});
