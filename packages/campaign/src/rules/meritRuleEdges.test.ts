import { describe, expect, it } from 'vitest';
import { evaluationIndependence } from './evaluationIndependence.js';
import { evaluationOneVote } from './evaluationOneVote.js';
import { evaluationThreshold } from './evaluationThreshold.js';

// Edges of the merit rules the other tests leave open: no ratings at all, a criterion nobody rated,
// which criterion is named lowest, and the wording of each rule when it holds or fails.
const shares = { overallSatisfaction: 0.5, criterionSatisfaction: 0.5 };

describe('evaluation.threshold edges', () => {
  it('fails with no ratings at all, whatever the shares', () => {
    const tally = { evaluators: 0, overall: { satisfied: 0, total: 0 }, byCriterion: [] };
    expect(
      evaluationThreshold.judge({ tally, overallSatisfaction: 0, criterionSatisfaction: 0 }).holds,
    ).toBe(false);
  });

  it('fails on a criterion nobody rated, naming it', () => {
    const tally = {
      evaluators: 1,
      overall: { satisfied: 4, total: 4 },
      byCriterion: [{ criterion: 'leadershipTeam' as const, satisfied: 0, total: 0 }],
    };
    const j = evaluationThreshold.judge({ tally, ...shares });
    expect(j.holds).toBe(false);
    expect(j.message).toContain('below 50% on leadershipTeam');
  });

  it('names the lowest criterion when every criterion passes', () => {
    const tally = {
      evaluators: 5,
      overall: { satisfied: 9, total: 10 },
      byCriterion: [
        { criterion: 'leadershipTeam' as const, satisfied: 5, total: 5 },
        { criterion: 'memberTeam' as const, satisfied: 3, total: 5 },
        { criterion: 'workMechanism' as const, satisfied: 4, total: 5 },
      ],
    };
    const j = evaluationThreshold.judge({ tally, ...shares });
    expect(j.holds).toBe(true);
    expect(j.message).toContain('every criterion at least 50% (lowest memberTeam 3/5 (60%))');
  });
});

describe('evaluation.threshold wording', () => {
  it('lists every failing criterion, and names no lowest when there are no criteria', () => {
    const failing = {
      evaluators: 5,
      overall: { satisfied: 9, total: 10 },
      byCriterion: [
        { criterion: 'leadershipTeam' as const, satisfied: 1, total: 5 },
        { criterion: 'memberTeam' as const, satisfied: 2, total: 5 },
      ],
    };
    expect(evaluationThreshold.judge({ tally: failing, ...shares }).message).toContain(
      'below 50% on leadershipTeam 1/5 (20%), memberTeam 2/5 (40%)',
    );
    const none = { evaluators: 1, overall: { satisfied: 1, total: 1 }, byCriterion: [] };
    expect(evaluationThreshold.judge({ tally: none, ...shares }).message).toMatch(
      /; every criterion at least 50%$/,
    );
  });
});

describe('wording of the vote and independence rules', () => {
  it('says "evaluated" for an evaluation cast twice', () => {
    expect(
      evaluationOneVote.judge({
        voterId: 'p1',
        what: 'evaluation',
        subject: 'organization o1',
        voters: ['p1'],
      }).message,
    ).toBe('p1 has already evaluated organization o1');
  });

  it('says an untied evaluator has no tie', () => {
    expect(evaluationIndependence.judge({ evaluatorId: 'p9', ties: [] }).message).toBe(
      'p9 has no tie to the subject',
    );
  });
});
