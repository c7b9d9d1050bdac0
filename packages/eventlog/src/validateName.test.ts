import { describe, expect, it } from 'vitest';
import { MAX_EVENT_TYPE_LENGTH, MAX_STREAM_ID_LENGTH, nameProblem } from './validateName.js';

describe('nameProblem', () => {
  it('accepts a name of exactly the longest length and refuses one character more, saying both lengths', () => {
    expect(nameProblem('x'.repeat(MAX_EVENT_TYPE_LENGTH), MAX_EVENT_TYPE_LENGTH)).toBeNull();
    expect(nameProblem('x'.repeat(MAX_EVENT_TYPE_LENGTH + 1), MAX_EVENT_TYPE_LENGTH)).toBe(
      'must be at most 200 characters (got 201)',
    );
    expect(nameProblem('s'.repeat(MAX_STREAM_ID_LENGTH), MAX_STREAM_ID_LENGTH)).toBeNull();
  });

  it.each([
    ['a number', 7, 'must be a string'],
    ['the empty string', '', 'must not be empty'],
    ['NUL', 'a\u0000b', 'must not contain control characters'],
    ['DEL', 'a\u007f', 'must not contain control characters'],
    ['a lone surrogate', 'a\ud800', 'must not contain a lone surrogate'],
  ])('refuses %s, saying why', (_what, name, why) => {
    expect(nameProblem(name, 10)).toBe(why);
  });

  it('accepts a one-character name and non-ASCII text', () => {
    expect(nameProblem('a', 1)).toBeNull();
    expect(nameProblem('创先争优 😀', 10)).toBeNull();
  });
});
