import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import * as t from 'io-ts';
import { Id, Text } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { SubjectRefCodec } from '../domain/Subject.js';
import { objectionIsOpen } from '../rules/noticeObjection.js';
import { committeeSubjectJudgements } from './committeeSubjectJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `ResolveObjection`: subject, objectionId, upheld (boolean), finding. */
export const ResolveObjectionCommand = isFirst(
  commandCodec('ResolveObjection', {
    ...campaignFields,
    subject: SubjectRefCodec,
    objectionId: Id,
    upheld: t.boolean,
    finding: Text,
  }),
);

/** A `ResolveObjection` command. */
export type ResolveObjection = t.TypeOf<typeof ResolveObjectionCommand>;

/**
 * Decides `ResolveObjection` (committee, any time in commending, a subject under notice, an open
 * objection). An upheld objection moves the subject to `not-commended`. Pure.
 */
export const decideResolveObjection = (
  cmd: ResolveObjection,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> =>
  acceptIf(
    [
      ...committeeSubjectJudgements(cmd, { campaign, subject }, ['under-notice']),
      objectionIsOpen.judge({
        objectionId: cmd.objectionId,
        objections: subject.context.objections,
      }),
    ],
    () => ({
      subject: [
        subjectEvent('ObjectionResolved', {
          objectionId: cmd.objectionId,
          upheld: cmd.upheld,
          finding: cmd.finding,
          at: cmd.at,
        }),
      ],
    }),
  );

/** The engine's `ResolveObjection` command (streams: the campaign, read; the subject, written). */
export const resolveObjection = defineCommand({
  type: 'ResolveObjection',
  codec: ResolveObjectionCommand,
  streams: (cmd: ResolveObjection) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideResolveObjection(cmd, states),
});
