import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { all, any, contramap, failuresOf, not, rule, when } from './policy.js';

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
});
