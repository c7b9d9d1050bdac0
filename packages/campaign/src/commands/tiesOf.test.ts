import { describe, expect, it } from 'vitest';
import { initialCampaignContext, type OrganizationEntry } from '../domain/CampaignContext.js';
import { initialSubjectContext } from '../domain/SubjectContext.js';
import { tiesOf } from './tiesOf.js';

// Who may not evaluate or recommend a subject (evaluation.independence), and how each is tied.
const li = { id: 's1', name: 'Li' };
const wang = { id: 'm1', name: 'Wang' };
const zhao = { id: 'm2', name: 'Zhao' };
const entry = (orgId: string, secretary: OrganizationEntry['secretary']): OrganizationEntry => ({
  orgId,
  name: orgId,
  secretary,
});

describe('tiesOf', () => {
  it('an organization: its secretary and its enrolled members, or its members only', () => {
    const subject = { ...initialSubjectContext, secretary: li, members: [wang, zhao] };
    expect(tiesOf({ kind: 'organization', id: 'o1' }, subject, initialCampaignContext)).toEqual([
      { id: 's1', relation: 'the secretary of organization o1' },
      { id: 'm1', relation: 'an enrolled member of organization o1' },
      { id: 'm2', relation: 'an enrolled member of organization o1' },
    ]);
    const noSecretary = { ...initialSubjectContext, members: [wang] };
    expect(tiesOf({ kind: 'organization', id: 'o1' }, noSecretary, initialCampaignContext)).toEqual(
      [{ id: 'm1', relation: 'an enrolled member of organization o1' }],
    );
  });

  it('a member: themself and the current secretary of its organization, the first entry of an id', () => {
    const campaign = {
      ...initialCampaignContext,
      organizations: [entry('o0', null), entry('o1', li), entry('o1', zhao)],
    };
    const member = { ...initialSubjectContext, orgId: 'o1' };
    expect(tiesOf({ kind: 'member', id: 'm1' }, member, campaign)).toEqual([
      { id: 'm1', relation: 'member m1 themself' },
      { id: 's1', relation: "the secretary of member m1's organization o1" },
    ]);
    // the same organizations array again: the same answer (its index is kept)
    expect(tiesOf({ kind: 'member', id: 'm1' }, member, campaign)).toHaveLength(2);
    for (const orgId of [null, 'o0', 'o9'])
      expect(tiesOf({ kind: 'member', id: 'm1' }, { ...member, orgId }, campaign)).toEqual([
        { id: 'm1', relation: 'member m1 themself' },
      ]);
  });
});
