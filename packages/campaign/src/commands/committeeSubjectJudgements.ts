import type { Judgement } from '@strive/engine';
import type { CampaignActor } from '../domain/Role.js';
import { describeSubject, type SubjectRef, type SubjectState } from '../domain/Subject.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';

/** A committee command on one subject while the campaign is commending (Nominate, StartPublicNotice...). */
interface CommendingCommand {
  readonly type: string;
  readonly at: string;
  readonly actor: CampaignActor;
  readonly campaignId: string;
  readonly subject: SubjectRef;
}

/**
 * The judgements every committee command on a subject makes in `commending`: committee role, phase,
 * concluded, deadline, clock over both streams, and the subject in one of the `allowed` states. Pure.
 */
export const committeeSubjectJudgements = (
  cmd: CommendingCommand,
  { campaign, subject }: SubjectStates,
  allowed: readonly SubjectState[],
): Judgement[] => [
  ...campaignJudgements({
    command: cmd.type,
    cmd,
    campaign,
    roles: ['committee'],
    phases: ['commending'],
    clock: subjectClock(cmd, campaign, subject),
    deadline: true,
  }),
  subjectState.judge({
    command: cmd.type,
    subject: describeSubject(cmd.subject),
    state: subject.value,
    allowed,
  }),
];
