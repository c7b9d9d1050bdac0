import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { Id, TextList } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { authSecretary } from '../rules/authSecretary.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, organizationRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `RecordLeadershipReview`: orgId and the topics reviewed (1 to 100 non-blank strings). */
export const RecordLeadershipReviewCommand = isFirst(
  commandCodec('RecordLeadershipReview', {
    ...campaignFields,
    orgId: Id,
    topics: TextList,
  }),
);

/** A `RecordLeadershipReview` command. */
export type RecordLeadershipReview = t.TypeOf<typeof RecordLeadershipReviewCommand>;

/**
 * Decides `RecordLeadershipReview` (the organization's current secretary, committing..commending, an
 * organization that has committed and is still in the running). Pure.
 */
export const decideRecordLeadershipReview = (
  cmd: RecordLeadershipReview,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const ref = { kind: 'organization', id: cmd.orgId } as const;
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['secretary'],
        phases: ['committing', 'evaluating', 'commending'],
        clock: subjectClock({ campaignId: cmd.campaignId, subject: ref }, campaign, subject),
        deadline: true,
      }),
      ...(cmd.actor.role === 'secretary'
        ? [
            authSecretary.judge({
              actorId: cmd.actor.id,
              orgId: cmd.orgId,
              secretary: subject.context.secretary,
            }),
          ]
        : []),
      subjectState.judge({
        command: cmd.type,
        subject: `organization ${cmd.orgId}`,
        state: subject.value,
        allowed: ['committed', 'evaluated', 'nominated', 'under-notice'],
      }),
    ],
    () => ({
      subject: [subjectEvent('LeadershipReviewRecorded', { topics: cmd.topics, at: cmd.at })],
    }),
  );
};

/** The engine's `RecordLeadershipReview` command (streams: the campaign, read; the organization, written). */
export const recordLeadershipReview = defineCommand({
  type: 'RecordLeadershipReview',
  codec: RecordLeadershipReviewCommand,
  streams: (cmd: RecordLeadershipReview) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: organizationRef(cmd.campaignId, cmd.orgId),
  }),
  decide: (cmd, states) => decideRecordLeadershipReview(cmd, states),
});
