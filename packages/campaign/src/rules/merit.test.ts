import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tally } from '../domain/tally.js';
import type { Pledge } from '../domain/Pledge.js';
import { commitmentConcrete } from './commitmentConcrete.js';
import { commitmentFirstResponsible } from './commitmentFirstResponsible.js';
import { evaluationIndependence } from './evaluationIndependence.js';
import { evaluationOneVote } from './evaluationOneVote.js';
import { evaluationQuorum } from './evaluationQuorum.js';
import { evaluationThreshold } from './evaluationThreshold.js';
import { memberDiscipline } from './memberDiscipline.js';
import { reviewRegular } from './reviewRegular.js';

describe('commitment.first-responsible', () => {
  it('needs a secretary', () => {
    expect(
      commitmentFirstResponsible.judge({ orgId: 'o1', secretary: { id: 's1', name: 'Li' } }).holds,
    ).toBe(true);
    expect(commitmentFirstResponsible.judge({ orgId: 'o1', secretary: null })).toEqual({
      ruleId: 'commitment.first-responsible',
      holds: false,
      message:
        'organization o1 has no secretary (first responsible person); assign one before it publishes a commitment',
    });
  });
});

describe('commitment.concrete', () => {
  const at = '2010-06-01T09:00:00+08:00';
  const endsAt = '2012-12-31T23:59:59+08:00';
  const pledge: Pledge = {
    id: 'p1',
    text: 'Pave 12 km of village roads',
    centralTask: 'rural development',
    target: { metric: 'road length', value: 12, unit: 'km' },
    due: '2011-10-01T00:00:00+08:00',
  };
  it('holds for a concrete pledge, due date bounds inclusive', () => {
    expect(commitmentConcrete.judge({ at, endsAt, pledges: [pledge], minPledges: 1 })).toEqual({
      ruleId: 'commitment.concrete',
      holds: true,
      message: '1 concrete pledges, at least 1 required',
    });
    const onBounds = [
      { ...pledge, due: at },
      { ...pledge, id: 'p2', due: endsAt },
    ];
    expect(commitmentConcrete.judge({ at, endsAt, pledges: onBounds, minPledges: 2 }).holds).toBe(
      true,
    );
  });
  it('lists every vague part of a commitment', () => {
    const vague: Pledge = {
      id: 'p1',
      text: ' ',
      centralTask: '',
      target: { metric: '', value: 0 },
      due: '2013-01-01T00:00:00+08:00',
    };
    const j = commitmentConcrete.judge({ at, endsAt, pledges: [vague, vague], minPledges: 3 });
    expect(j.holds).toBe(false);
    expect(j.message).toBe(
      'the commitment is not concrete: 2 pledges, at least 3 required; pledge ids repeat: p1; ' +
        'pledge p1 has no text; pledge p1 names no central task; pledge p1 has a target without a metric; ' +
        'pledge p1 has a target value of 0, not > 0; pledge p1 is due 2013-01-01T00:00:00+08:00, after the campaign ends (2012-12-31T23:59:59+08:00); ' +
        'pledge p1 has no text; pledge p1 names no central task; pledge p1 has a target without a metric; ' +
        'pledge p1 has a target value of 0, not > 0; pledge p1 is due 2013-01-01T00:00:00+08:00, after the campaign ends (2012-12-31T23:59:59+08:00)',
    );
  });
  it('refuses an empty commitment and a pledge due before it is made', () => {
    expect(commitmentConcrete.judge({ at, endsAt, pledges: [], minPledges: 1 }).message).toBe(
      'the commitment is not concrete: 0 pledges, at least 1 required',
    );
    expect(
      commitmentConcrete.judge({
        at,
        endsAt,
        pledges: [{ ...pledge, due: '2010-05-31T09:00:00+08:00' }],
        minPledges: 1,
      }).message,
    ).toContain('is due 2010-05-31T09:00:00+08:00, before it is made');
  });
});

describe('evaluation.one-vote', () => {
  it('allows one evaluation or recommendation per voter', () => {
    expect(
      evaluationOneVote.judge({
        voterId: 'p2',
        what: 'evaluation',
        subject: 'organization o1',
        voters: ['p1'],
      }).holds,
    ).toBe(true);
    expect(
      evaluationOneVote.judge({
        voterId: 'p1',
        what: 'recommendation',
        subject: 'member m1',
        voters: ['p1'],
      }).message,
    ).toBe('p1 has already recommended member m1');
  });
});

describe('evaluation.independence', () => {
  const ties = [{ id: 's1', relation: 'the secretary of organization o1' }];
  it('refuses evaluators tied to the subject', () => {
    expect(evaluationIndependence.judge({ evaluatorId: 'p1', ties }).holds).toBe(true);
    expect(evaluationIndependence.judge({ evaluatorId: 's1', ties }).message).toBe(
      's1 is the secretary of organization o1, so cannot judge it independently',
    );
  });
});

describe('evaluation.quorum', () => {
  it('is inclusive', () => {
    expect(evaluationQuorum.judge({ evaluators: 10, minEvaluators: 10 }).holds).toBe(true);
    expect(evaluationQuorum.judge({ evaluators: 7, minEvaluators: 10 })).toEqual({
      ruleId: 'evaluation.quorum',
      holds: false,
      message: '7 distinct evaluators, at least 10 required',
    });
  });
});

describe('evaluation.threshold', () => {
  const org = (grades: readonly ('excellent' | 'good' | 'fair' | 'poor')[]) =>
    grades.map((g, i) => ({
      evaluatorId: `p${i}`,
      ratings: {
        leadershipTeam: g,
        memberTeam: g,
        workMechanism: g,
        workPerformance: g,
        publicFeedback: g,
      },
    }));
  const policy = { overallSatisfaction: 0.8, criterionSatisfaction: 0.6 };
  it('holds at exactly 80% overall (exact arithmetic, inclusive)', () => {
    const t = tally('organization', org(['good', 'good', 'excellent', 'good', 'poor']));
    const j = evaluationThreshold.judge({ tally: t, ...policy });
    expect(j.holds).toBe(true);
    expect(j.message).toBe(
      '20/25 (80%) of ratings excellent or good, at least 80% required; every criterion at least 60% (lowest leadershipTeam 4/5 (80%))',
    );
  });
  it('fails below the overall share and names the criteria below theirs', () => {
    const evaluations = org(['good', 'good', 'fair', 'poor', 'excellent']).map((e, i) =>
      i < 2 ? { ...e, ratings: { ...e.ratings, workMechanism: 'fair' as const } } : e,
    );
    const j = evaluationThreshold.judge({ tally: tally('organization', evaluations), ...policy });
    expect(j.holds).toBe(false);
    expect(j.message).toBe(
      '13/25 (52%) of ratings excellent or good, at least 80% required; below 60% on workMechanism 1/5 (20%)',
    );
  });
  it('agrees with exact rational comparison for any share and counts (no floating-point drift)', () => {
    // Shares k / 10^d; counts on the boundary (share x total rounded down) or one off it; half the
    // totals multiples of 10^d, where share x total is whole and the float product can miss it.
    const decimal = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.nat(1000))
      .map(([d, k]) => ({ k: k % (10 ** d + 1), scale: 10 ** d }));
    const count = (share: { k: number; scale: number }) =>
      fc
        .tuple(fc.integer({ min: 1, max: 400 }), fc.boolean(), fc.integer({ min: -1, max: 1 }))
        .map(([size, multiple, delta]) => {
          const total = multiple ? share.scale * ((size % 4) + 1) : size;
          const satisfied = Math.min(
            total,
            Math.max(0, Math.floor((share.k * total) / share.scale) + delta),
          );
          return { satisfied, total };
        });
    const exact = (c: { satisfied: number; total: number }, s: { k: number; scale: number }) =>
      BigInt(c.satisfied) * BigInt(s.scale) >= BigInt(s.k) * BigInt(c.total);
    const float = (c: { satisfied: number; total: number }, s: { k: number; scale: number }) =>
      c.satisfied >= (s.k / s.scale) * c.total;
    let drifts = 0;
    fc.assert(
      fc.property(
        decimal.chain((o) =>
          decimal.chain((c) => fc.tuple(fc.constant(o), fc.constant(c), count(o), count(c))),
        ),
        ([o, c, overall, criterion]) => {
          const t = {
            evaluators: 1,
            overall,
            byCriterion: [{ criterion: 'leadershipTeam' as const, ...criterion }],
          };
          const holds = evaluationThreshold.judge({
            tally: t,
            overallSatisfaction: o.k / o.scale,
            criterionSatisfaction: c.k / c.scale,
          }).holds;
          expect(holds).toBe(exact(overall, o) && exact(criterion, c));
          if (
            exact(overall, o) !== float(overall, o) ||
            exact(criterion, c) !== float(criterion, c)
          )
            drifts += 1;
        },
      ),
      { numRuns: 1000 },
    );
    // The inputs must include cases a float comparison gets wrong, or the property proves nothing.
    expect(drifts).toBeGreaterThan(0);
  });
});

describe('review.regular', () => {
  const base = {
    committedAt: '2010-06-01T00:00:00+08:00',
    nominatedAt: '2010-12-01T00:00:00+08:00',
    reviewIntervalDays: 90,
  };
  it('holds when no gap is longer than the interval (exactly 90 days allowed)', () => {
    const j = reviewRegular.judge({
      ...base,
      reviews: ['2010-08-30T00:00:00+08:00', '2010-11-01T00:00:00+08:00'],
    });
    expect(j.holds).toBe(true);
    expect(j.message).toBe(
      '2 leadership reviews; longest gap 90 days (2010-06-01T00:00:00+08:00 to 2010-08-30T00:00:00+08:00), at most 90 days allowed',
    );
  });
  it('fails on a long gap, naming it', () => {
    const j = reviewRegular.judge({ ...base, reviews: ['2010-07-01T00:00:00+08:00'] });
    expect(j.holds).toBe(false);
    expect(j.message).toBe(
      '1 leadership review; longest gap 153 days (2010-07-01T00:00:00+08:00 to 2010-12-01T00:00:00+08:00), at most 90 days allowed',
    );
    expect(reviewRegular.judge({ ...base, committedAt: null, reviews: [] }).holds).toBe(false);
  });
});

describe('member.discipline', () => {
  it('bars a member with a violation', () => {
    expect(memberDiscipline.judge({ memberId: 'm1', violations: 0 }).message).toBe(
      'member m1 has no recorded disciplinary violation',
    );
    expect(memberDiscipline.judge({ memberId: 'm1', violations: 1 })).toEqual({
      ruleId: 'member.discipline',
      holds: false,
      message: 'member m1 has 1 recorded disciplinary violation',
    });
  });
});
