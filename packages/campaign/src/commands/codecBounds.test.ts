import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { EstablishLeadingGroupCommand } from './establishLeadingGroup.js';
import { PublishCommitmentCommand } from './publishCommitment.js';
import { StartPublicNoticeCommand } from './startPublicNotice.js';

// The bounds the command codecs put on lists and numbers, each tried on both sides.
const base = {
  id: 'c1',
  at: '2010-06-01T09:00:00+08:00',
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz2010',
};
const decodes = (codec: { decode: (u: unknown) => E.Either<unknown, unknown> }, u: unknown) =>
  E.isRight(codec.decode(u));

describe('command codec bounds', () => {
  it('EstablishLeadingGroup: 1 to 200 members, ids distinct', () => {
    const member = (i: number) => ({ id: `g${i}`, name: `n${i}`, title: 't' });
    const group = (n: number) => ({
      ...base,
      type: 'EstablishLeadingGroup',
      members: Array.from({ length: n }, (_, i) => member(i)),
    });
    expect(decodes(EstablishLeadingGroupCommand, group(1))).toBe(true);
    expect(decodes(EstablishLeadingGroupCommand, group(200))).toBe(true);
    expect(decodes(EstablishLeadingGroupCommand, group(0))).toBe(false);
    expect(decodes(EstablishLeadingGroupCommand, group(201))).toBe(false);
    expect(
      decodes(EstablishLeadingGroupCommand, {
        ...group(0),
        members: [member(1), member(2), member(1)],
      }),
    ).toBe(false);
  });

  it('StartPublicNotice: 0 to 3660 days', () => {
    const notice = (days: number) => ({
      ...base,
      type: 'StartPublicNotice',
      subject: { kind: 'organization', id: 'o1' },
      days,
    });
    expect(decodes(StartPublicNoticeCommand, notice(3660))).toBe(true);
    expect(decodes(StartPublicNoticeCommand, notice(3661))).toBe(false);
  });

  it('PublishCommitment: at most 100 pledges', () => {
    const pledge = (i: number) => ({
      id: `p${i}`,
      text: 't',
      centralTask: 'c',
      target: { metric: 'm', value: 1 },
      due: '2011-01-01T00:00:00+08:00',
    });
    const commitment = (n: number) => ({
      ...base,
      type: 'PublishCommitment',
      subject: { kind: 'organization', id: 'o1' },
      pledges: Array.from({ length: n }, (_, i) => pledge(i)),
    });
    expect(decodes(PublishCommitmentCommand, commitment(100))).toBe(true);
    expect(decodes(PublishCommitmentCommand, commitment(101))).toBe(false);
  });
});
