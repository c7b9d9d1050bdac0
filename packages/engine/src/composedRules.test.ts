import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { acceptIf, all, any, contramap, failuresOf, heldOf, not, rule, when } from './policy.js';

// Edges of rule composition the other policy tests leave open: empty composites, a conditional
// rule that applies, judgements when no part holds, failures in rule order across several rules.
const atLeast = (id: string, min: number) =>
  rule<number>(
    id,
    (n) => `${n} given, at least ${min} required`,
    (n) => n >= min,
  );

describe('composed rules', () => {
  it('an empty all or any holds, under its own id, with nothing to say', () => {
    expect(all<number>().judge(1)).toEqual({ ruleId: 'all', holds: true, message: '' });
    expect(E.isRight(all<number>().check(1))).toBe(true);
    expect(any<number>().judge(1)).toEqual({ ruleId: 'any', holds: true, message: '' });
    expect(E.isRight(any<number>().check(1))).toBe(true);
  });

  it('a conditional rule that applies judges and checks as its inner rule', () => {
    const r = when((n: number) => n > 0, atLeast('q', 10));
    expect(r.id).toBe('q');
    expect(r.judge(3)).toEqual({
      ruleId: 'q',
      holds: false,
      message: '3 given, at least 10 required',
    });
    expect(r.judge(12)).toEqual({
      ruleId: 'q',
      holds: true,
      message: '12 given, at least 10 required',
    });
    expect(r.check(3)).toEqual(E.left([{ ruleId: 'q', message: '3 given, at least 10 required' }]));
  });

  it('any that fails explains with every part and reports every failure, in order', () => {
    const r = any(atLeast('a', 5), atLeast('b', 3));
    expect(r.id).toBe('a');
    expect(r.judge(1)).toEqual({
      ruleId: 'a',
      holds: false,
      message: '1 given, at least 5 required; 1 given, at least 3 required',
    });
    expect(r.check(1)).toEqual(
      E.left([
        { ruleId: 'a', message: '1 given, at least 5 required' },
        { ruleId: 'b', message: '1 given, at least 3 required' },
      ]),
    );
    // the first part that holds explains, under the composite's id
    expect(any(atLeast('a', 1), atLeast('b', 0)).judge(1)).toEqual({
      ruleId: 'a',
      holds: true,
      message: '1 given, at least 1 required',
    });
  });

  it('all fails with the failing parts only, as check and as judge', () => {
    const r = all(atLeast('a', 5), atLeast('b', 3), atLeast('c', 1));
    expect(r.check(2)).toEqual(
      E.left([
        { ruleId: 'a', message: '2 given, at least 5 required' },
        { ruleId: 'b', message: '2 given, at least 3 required' },
      ]),
    );
    expect(r.judge(2)).toEqual({
      ruleId: 'a',
      holds: false,
      message: '2 given, at least 5 required; 2 given, at least 3 required',
    });
  });

  it('failuresOf lists the failures of several rules in rule order, none when all hold', () => {
    const rules = [atLeast('a', 5), atLeast('b', 3), atLeast('c', 1)];
    expect(failuresOf(rules, 0).map((f) => f.ruleId)).toEqual(['a', 'b', 'c']);
    expect(failuresOf(rules, 9)).toEqual([]);
  });

  it('not holds exactly when its inner rule fails, judged and checked alike', () => {
    const small = not('small', (n: number) => `${n} vs 10`, atLeast('big', 10));
    expect(small.judge(12)).toEqual({ ruleId: 'small', holds: false, message: '12 vs 10' });
    expect(small.check(3)).toEqual(E.right(undefined));
  });

  it('contramap judges a holding rule on the derived input', () => {
    expect(contramap((s: string) => s.length, atLeast('len', 3)).judge('abcd')).toEqual({
      ruleId: 'len',
      holds: true,
      message: '4 given, at least 3 required',
    });
  });

  it('acceptIf with no judgements accepts; heldOf keeps only what held, in order', () => {
    expect(acceptIf([], () => 'ok')).toEqual(E.right('ok'));
    const judged = [atLeast('a', 1).judge(2), atLeast('b', 5).judge(2), atLeast('c', 2).judge(2)];
    expect(heldOf(judged)).toEqual([
      { ruleId: 'a', message: '2 given, at least 1 required' },
      { ruleId: 'c', message: '2 given, at least 2 required' },
    ]);
  });
});
