import { describe, expect, it } from 'vitest';
import { sameDerived } from './DerivedResult.js';

describe('sameDerived', () => {
  it('is canonical-text equality, a value that is not JSON counting as no text', () => {
    expect(sameDerived({ a: 1, b: [0] }, { b: [-0], a: 1 })).toBe(true);
    expect(sameDerived({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameDerived({ a: undefined }, { a: 1 })).toBe(false);
    expect(sameDerived({ a: 1 }, Number.NaN)).toBe(false);
    // as when both canonical texts were undefined before
    expect(sameDerived(undefined, { a: undefined })).toBe(true);
  });
});
