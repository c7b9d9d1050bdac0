import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { validateJson } from './validateJson.js';

const reason = (value: unknown): string | undefined => {
  const r = validateJson(value, 'v', { maxDepth: 64, maxChars: 10_000 });
  return E.isLeft(r) ? r.left.reason : undefined;
};

// A refused object is named by its class when it has one; an object with an odd prototype is still
// described (never a crash, never a misleading class name).
/** A prototype with no `constructor` anywhere on its chain. */
const bareProto = (): object => {
  const proto = {};
  Object.setPrototypeOf(proto, null);
  return proto;
};

describe('validateJson names what it refuses', () => {
  it('names the class of a class instance', () => {
    class Money {}
    expect(reason(new Money())).toBe('an instance of Money is not a plain object');
    expect(reason(new Map())).toBe('an instance of Map is not a plain object');
  });

  it.each([
    ['an anonymous class', new (class {})()],
    ['an object whose prototype has no constructor', Object.create(bareProto())],
    [
      'an object whose prototype names a non-function constructor',
      Object.create({ constructor: 5 }),
    ],
    ['an object whose prototype is a function', Object.create(function Base() {})],
  ])('says "an unknown class" for %s', (_what, value: unknown) => {
    expect(reason(value)).toBe('an instance of an unknown class is not a plain object');
  });

  it('names the kind of a value that is not JSON at all', () => {
    expect(reason([undefined])).toBe('undefined is not JSON');
    expect(reason(2n)).toBe('a BigInt is not JSON');
    expect(reason(() => 1)).toBe('a function is not JSON');
    expect(reason(Symbol('s'))).toBe('a symbol is not JSON');
    expect(reason(NaN)).toBe('NaN is not a JSON number');
    expect(reason(new Date(0))).toBe('a Date (use an ISO-8601 string) is not a plain object');
  });
});
