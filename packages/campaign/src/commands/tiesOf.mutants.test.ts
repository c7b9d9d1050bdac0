import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  advancedTo,
  C,
  command,
  ev,
  failureMessages,
  launched,
  memberEnrolled,
  memberStream,
  MEMBER_RATINGS,
  options,
  orgEnrolled,
  orgStream,
  ORG_RATINGS,
  secretaryOf,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of tiesOf.ts (issue #25), through SubmitEvaluation: who is tied to an
// organization (its secretary, its members) and to a member (themself, its organization's secretary),
// with the relation the refusal names, and subjects without a secretary or a registered organization.
const registered = (orgId: string, secretary: string | null) =>
  ev(
    C,
    'OrganizationRegistered',
    { orgId, name: orgId, category: 'urban', secretary: secretaryOf(secretary) },
    '2010-05-11',
  );
const committedOrg = (orgId: string, secretary: string | null): GivenEvent[] => [
  registered(orgId, secretary),
  orgEnrolled(orgId, secretary),
  ...subjectUpTo(orgStream(orgId), 'committed'),
];
const committedMember = (memberId: string, orgId: string): GivenEvent[] => [
  memberEnrolled(memberId, orgId),
  ...subjectUpTo(memberStream(memberId), 'committed'),
];
/**
 * An evaluating campaign: o1 (secretary s-o1, member m1), o2 without a secretary (member m2), member
 * m9 of an organization the campaign does not list, and o4 registered twice (secretary s-a, then s-b).
 */
const world: GivenEvent[] = [
  launched(),
  ...committedOrg('o1', 's-o1'),
  ev(orgStream('o1'), 'MemberJoined', { member: { id: 'm1', name: 'm1' } }, '2010-05-12'),
  ...committedOrg('o2', null),
  registered('o4', 's-a'),
  registered('o4', 's-b'),
  ...committedMember('m1', 'o1'),
  ...committedMember('m2', 'o2'),
  ...committedMember('m4', 'o4'),
  ...committedMember('m9', 'o9'),
  ...advancedTo('evaluating'),
];
const ratingsOf = (kind: 'organization' | 'member') =>
  kind === 'organization' ? ORG_RATINGS : MEMBER_RATINGS;
const evaluate = (kind: 'organization' | 'member', id: string, evaluatorId: string) =>
  command(
    'SubmitEvaluation',
    '2010-10-10T09:00:00+08:00',
    { id: evaluatorId, role: 'public' },
    {
      subject: { kind, id },
      evaluatorId,
      ratings: ratingsOf(kind),
    },
  );
const submitted = (kind: 'organization' | 'member', id: string, evaluatorId: string) => [
  {
    streamId: kind === 'organization' ? orgStream(id) : memberStream(id),
    type: 'EvaluationSubmitted',
    data: { evaluatorId, ratings: ratingsOf(kind) },
  },
];
const refusal = async (cmd: object): Promise<string[]> =>
  failureMessages(await given(world, options).when(cmd).then(rejected('evaluation.independence')));

describe('who is tied to a subject (tiesOf, mutation survivors)', () => {
  it('ties an organization to its secretary and its enrolled members', async () => {
    expect(await refusal(evaluate('organization', 'o1', 's-o1'))).toEqual([
      's-o1 is the secretary of organization o1, so cannot judge it independently',
    ]);
    expect(await refusal(evaluate('organization', 'o1', 'm1'))).toEqual([
      'm1 is an enrolled member of organization o1, so cannot judge it independently',
    ]);
  });
  it('ties a member to themself and to its organization’s secretary', async () => {
    expect(await refusal(evaluate('member', 'm1', 'm1'))).toEqual([
      'm1 is member m1 themself, so cannot judge it independently',
    ]);
    expect(await refusal(evaluate('member', 'm1', 's-o1'))).toEqual([
      "s-o1 is the secretary of member m1's organization o1, so cannot judge it independently",
    ]);
  });
  it('takes evaluations of subjects without a secretary or a listed organization', async () => {
    for (const [kind, id] of [
      ['organization', 'o2'],
      ['member', 'm2'],
      ['member', 'm9'],
    ] as const)
      await given(world, options)
        .when(evaluate(kind, id, 'p1'))
        .then(submitted(kind, id, 'p1'));
  });
  it('reads the first registration of an organization listed twice', async () => {
    expect(await refusal(evaluate('member', 'm4', 's-a'))).toEqual([
      "s-a is the secretary of member m4's organization o4, so cannot judge it independently",
    ]);
    await given(world, options)
      .when(evaluate('member', 'm4', 's-b'))
      .then(submitted('member', 'm4', 's-b'));
  });
});
