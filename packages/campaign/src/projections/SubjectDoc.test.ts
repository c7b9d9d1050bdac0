import { describe, expect, it } from 'vitest';
import { isSubjectDoc } from './SubjectDoc.js';
import { initialSubjectDoc } from './subjectsProjection.js';

describe('isSubjectDoc', () => {
  it('accepts the documents the subjects projection writes', () => {
    const doc = {
      ...initialSubjectDoc('subject-zz-organization-o1'),
      byCriterion: [{ criterion: 'leadershipTeam', satisfied: 3, total: 4 }],
      verdicts: {
        nomination: [{ ruleId: 'evaluation.quorum', message: '10 evaluators' }],
        notice: [],
        commendation: [],
      },
    };
    expect(isSubjectDoc(JSON.parse(JSON.stringify(doc)))).toBe(true);
  });

  it('refuses a document with a missing field, a wrong type or an unknown criterion', () => {
    const { evaluators: _gone, ...missing } = initialSubjectDoc('s');
    expect(isSubjectDoc(missing)).toBe(false);
    expect(isSubjectDoc({ ...initialSubjectDoc('s'), evaluators: '3' })).toBe(false);
    const badCriterion = {
      ...initialSubjectDoc('s'),
      byCriterion: [{ criterion: 'x', satisfied: 1, total: 1 }],
    };
    expect(isSubjectDoc(badCriterion)).toBe(false);
  });
});
