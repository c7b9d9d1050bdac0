import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { Id, Text } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { SUBJECT_STATES } from '../domain/Subject.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `RecordDisciplinaryViolation`: memberId and a description. */
export const RecordDisciplinaryViolationCommand = isFirst(
  commandCodec('RecordDisciplinaryViolation', {
    ...campaignFields,
    memberId: Id,
    description: Text,
  }),
);

/** A `RecordDisciplinaryViolation` command. */
export type RecordDisciplinaryViolation = t.TypeOf<typeof RecordDisciplinaryViolationCommand>;

/**
 * Decides `RecordDisciplinaryViolation` (committee, any phase before concluded, an enrolled member in
 * any state). The record bars nomination and commendation; it does not revoke a commendation. Pure.
 */
export const decideRecordDisciplinaryViolation = (
  cmd: RecordDisciplinaryViolation,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const ref = { kind: 'member', id: cmd.memberId } as const;
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['committee'],
        phases: ['mobilizing', 'committing', 'evaluating', 'commending'],
        clock: subjectClock({ campaignId: cmd.campaignId, subject: ref }, campaign, subject),
        deadline: true,
      }),
      subjectState.judge({
        command: cmd.type,
        subject: `member ${cmd.memberId}`,
        state: subject.value,
        allowed: SUBJECT_STATES,
      }),
    ],
    () => ({
      subject: [
        subjectEvent('DisciplinaryViolationRecorded', { description: cmd.description, at: cmd.at }),
      ],
    }),
  );
};

/** The engine's `RecordDisciplinaryViolation` command (streams: the campaign, read; the member, written). */
export const recordDisciplinaryViolation = defineCommand({
  type: 'RecordDisciplinaryViolation',
  codec: RecordDisciplinaryViolationCommand,
  streams: (cmd: RecordDisciplinaryViolation) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, { kind: 'member', id: cmd.memberId }),
  }),
  decide: (cmd, states) => decideRecordDisciplinaryViolation(cmd, states),
});
