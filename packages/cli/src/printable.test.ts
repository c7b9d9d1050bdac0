import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('escapes every control, separator and bidirectional character, and nothing else', () => {
    expect(printable('a\nb\r\u001b[31m\u0000\u007f\u0085\u2028\u202e\u2066')).toBe(
      'a\\u000ab\\u000d\\u001b[31m\\u0000\\u007f\\u0085\\u2028\\u202e\\u2066',
    );
    expect(printable('创先争优 Zhang Min 😀 é')).toBe('创先争优 Zhang Min 😀 é');
  });
});
