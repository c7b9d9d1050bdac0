import {
  commandOf,
  type GivenEvent,
  type JsonLiteral,
  type ScenarioResult,
} from '@strive/engine/testing';
import { campaignCommands } from '../commands/campaignCommands.js';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';

// The fixtures of the command tests (*.mutants.test.ts): campaign `zz`, launched on 2010-05-10, its
// phases and its subjects' lifecycle on fixed days, every event at 09:00 +08:00.

/** The engine options of a campaign scenario. */
export const options = { commands: campaignCommands };

/** The campaign stream of campaign `zz`. */
export const C = 'campaign-zz';

/** The default end of the campaign. */
export const ENDS_AT = '2012-12-31T23:59:59+08:00';

/** The stream of organization `id`. Pure. */
export const orgStream = (id: string): string => `subject-zz-organization-${id}`;

/** The stream of member `id`. Pure. */
export const memberStream = (id: string): string => `subject-zz-member-${id}`;

/** 09:00 +08:00 of `day` (YYYY-MM-DD). Pure. */
export const nine = (day: string): string => `${day}T09:00:00+08:00`;

/** An event already in the log, at 09:00 of `day`. Pure. */
export const ev = (streamId: string, type: string, data: JsonLiteral, day: string): GivenEvent => ({
  streamId,
  type,
  data,
  at: nine(day),
});

/** The committee, the actor of most commands. */
export const COMMITTEE = { id: 'cc', role: 'committee' };

/** A command of campaign `zz` (id `x-1`): the engine's `commandOf` with `at` and `campaignId`. Pure. */
export const command = (
  type: string,
  at: string,
  actor: { readonly id: string; readonly role: string },
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> =>
  commandOf(type, actor, { id: 'x-1', at, campaignId: 'zz', ...fields });

const PHASES = ['mobilizing', 'committing', 'evaluating', 'commending'] as const;
const PHASE_DAYS = ['2010-06-01', '2010-10-01', '2010-12-01'];

/** Campaign `zz` launched on 2010-05-10, ending at `endsAt`. Pure. */
export const launched = (endsAt: string = ENDS_AT): GivenEvent =>
  ev(
    C,
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10',
  );

/** The phase changes of campaign `zz` up to `phase` (committing June 1, evaluating Oct 1, commending Dec 1). Pure. */
export const advancedTo = (phase: (typeof PHASES)[number]): GivenEvent[] =>
  PHASES.slice(1, PHASES.indexOf(phase) + 1).map((to, i) =>
    ev(C, 'PhaseAdvanced', { from: PHASES[i] ?? '', to }, PHASE_DAYS[i] ?? ''),
  );

/** Campaign `zz` launched (ending at `endsAt`) and advanced to `phase`. Pure. */
export const campaignIn = (
  phase: (typeof PHASES)[number],
  endsAt: string = ENDS_AT,
): GivenEvent[] => [launched(endsAt), ...advancedTo(phase)];

/** Secretary `id` of an organization. Pure. */
export const secretaryOf = (id: string | null): JsonLiteral =>
  id === null ? null : { id, name: 's' };

/** Organization `orgId` enrolled on 2010-05-11 in its own stream, with secretary `secretary`. Pure. */
export const orgEnrolled = (orgId: string, secretary: string | null = `s-${orgId}`): GivenEvent =>
  ev(
    orgStream(orgId),
    'OrganizationEnrolled',
    { campaignId: 'zz', orgId, name: orgId, category: 'urban', secretary: secretaryOf(secretary) },
    '2010-05-11',
  );

/** Member `memberId` of `orgId` enrolled on 2010-05-12 in its own stream. Pure. */
export const memberEnrolled = (memberId: string, orgId: string): GivenEvent =>
  ev(
    memberStream(memberId),
    'MemberEnrolled',
    { campaignId: 'zz', memberId, orgId, name: memberId },
    '2010-05-12',
  );

/** A pledge due at `due`. Pure. */
export const pledge = (id: string, due: string = ENDS_AT) => ({
  id,
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due,
});

/** Good ratings of an organization. */
export const ORG_RATINGS = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};

/** Good ratings of a member. */
export const MEMBER_RATINGS = {
  learning: 'good',
  dedication: 'good',
  service: 'good',
  lawAbiding: 'good',
  integrity: 'good',
};

/**
 * A subject's stream from its commitment on (2010-06-02) to `upTo`: evaluated by p0 (Oct 10),
 * nominated (Dec 2), under a notice from Dec 3 to Dec 10. Pure.
 */
export const subjectUpTo = (
  streamId: string,
  upTo: 'committed' | 'evaluated' | 'nominated' | 'under-notice',
): GivenEvent[] => {
  const ratings = streamId.includes('-member-') ? MEMBER_RATINGS : ORG_RATINGS;
  const all = [
    ev(
      streamId,
      'CommitmentPublished',
      { pledges: [pledge('p')], at: nine('2010-06-02') },
      '2010-06-02',
    ),
    ev(streamId, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10'),
    ev(streamId, 'SubjectNominated', { at: nine('2010-12-02'), verdicts: [] }, '2010-12-02'),
    ev(
      streamId,
      'PublicNoticeStarted',
      { days: 7, startsAt: nine('2010-12-03'), endsAt: nine('2010-12-10'), verdicts: [] },
      '2010-12-03',
    ),
  ];
  return all.slice(0, ['committed', 'evaluated', 'nominated', 'under-notice'].indexOf(upTo) + 1);
};

/** The messages of a refusal's failing rules, in order (none for another outcome). Pure. */
export const failureMessages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];
