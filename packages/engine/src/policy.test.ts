import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { acceptIf, all, any, contramap, failuresOf, heldOf, not, rule, when } from './policy.js';

const atLeast = (id: string, min: number) =>
  rule<number>(
    id,
    (n) => `${n} given, at least ${min} required`,
    (n) => n >= min,
  );

describe('policy rules', () => {
  it('a rule passes when its predicate holds and explains itself when it fails', () => {
    expect(E.isRight(atLeast('q', 10).check(10))).toBe(true);
    expect(atLeast('q', 10).check(7)).toEqual(
      E.left([{ ruleId: 'q', message: '7 given, at least 10 required' }]),
    );
  });

  it('all accumulates every failure instead of stopping at the first', () => {
    const r = all(atLeast('a', 5), atLeast('b', 3), atLeast('c', 1));
    expect(failuresOf([r], 2).map((f) => f.ruleId)).toEqual(['a', 'b']);
    expect(E.isRight(r.check(5))).toBe(true);
  });

  it('any holds when one part holds and reports all failures otherwise', () => {
    const r = any(atLeast('a', 5), atLeast('b', 3));
    expect(E.isRight(r.check(3))).toBe(true);
    expect(failuresOf([r], 1).map((f) => f.ruleId)).toEqual(['a', 'b']);
  });

  it('not inverts a rule under its own id', () => {
    const r = not('small', (n: number) => `${n} is too big`, atLeast('big', 10));
    expect(E.isRight(r.check(3))).toBe(true);
    expect(failuresOf([r], 12)).toEqual([{ ruleId: 'small', message: '12 is too big' }]);
  });

  it('when applies a rule only under its condition', () => {
    const r = when((n: number) => n > 0, atLeast('q', 10));
    expect(E.isRight(r.check(0))).toBe(true);
    expect(E.isLeft(r.check(3))).toBe(true);
  });

  it('contramap checks a rule on a derived input', () => {
    const r = contramap((s: string) => s.length, atLeast('len', 3));
    expect(E.isRight(r.check('abc'))).toBe(true);
    expect(failuresOf([r], 'ab')).toEqual([
      { ruleId: 'len', message: '2 given, at least 3 required' },
    ]);
  });

  it('judge says whether a rule holds and why, with the same sentence either way', () => {
    expect(atLeast('q', 10).judge(12)).toEqual({
      ruleId: 'q',
      holds: true,
      message: '12 given, at least 10 required',
    });
    expect(atLeast('q', 10).judge(7)).toEqual({
      ruleId: 'q',
      holds: false,
      message: '7 given, at least 10 required',
    });
  });

  it('composite rules judge like they check', () => {
    const both = all(atLeast('a', 5), atLeast('b', 3));
    expect(both.judge(6)).toEqual({
      ruleId: 'a',
      holds: true,
      message: '6 given, at least 5 required; 6 given, at least 3 required',
    });
    expect(both.judge(4)).toEqual({
      ruleId: 'a',
      holds: false,
      message: '4 given, at least 5 required',
    });
    const either = any(atLeast('a', 5), atLeast('b', 3));
    expect(either.judge(4)).toEqual({
      ruleId: 'a',
      holds: true,
      message: '4 given, at least 3 required',
    });
    expect(either.judge(1).holds).toBe(false);
    expect(when((n: number) => n > 0, atLeast('q', 10)).judge(0)).toEqual({
      ruleId: 'q',
      holds: true,
      message: 'q does not apply',
    });
    expect(contramap((s: string) => s.length, atLeast('len', 3)).judge('ab').holds).toBe(false);
    expect(not('small', (n: number) => `${n} vs 10`, atLeast('big', 10)).judge(3)).toEqual({
      ruleId: 'small',
      holds: true,
      message: '3 vs 10',
    });
  });

  it('acceptIf rejects with every failing judgement, in order, and builds nothing then', () => {
    let built = 0;
    const accept = () => {
      built += 1;
      return 'events';
    };
    const judged = [atLeast('a', 5).judge(4), atLeast('b', 3).judge(4), atLeast('c', 9).judge(4)];
    expect(acceptIf(judged, accept)).toEqual(
      E.left([
        { ruleId: 'a', message: '4 given, at least 5 required' },
        { ruleId: 'c', message: '4 given, at least 9 required' },
      ]),
    );
    expect(built).toBe(0);
    expect(acceptIf([atLeast('b', 3).judge(4)], accept)).toEqual(E.right('events'));
    expect(built).toBe(1);
    expect(heldOf(judged)).toEqual([{ ruleId: 'b', message: '4 given, at least 3 required' }]);
  });
});
