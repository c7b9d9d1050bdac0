import { describe, expect, it } from 'vitest';
import { assertProjectionCommit, assertSnapshot } from './assertProjectionCommit.js';

const commit = {
  projection: 'p',
  expectedCheckpoint: 2,
  checkpoint: 5,
  upserts: [{ key: 'k', value: 1 }],
  deletes: ['d'],
};

describe('assertProjectionCommit', () => {
  it('accepts a well-formed commit', () => {
    expect(() => assertProjectionCommit(commit)).not.toThrow();
  });

  it.each([
    ['an empty projection name', { projection: '' }, /projection name/],
    ['a negative checkpoint', { expectedCheckpoint: -1 }, /non-negative/],
    ['a checkpoint moving backwards', { checkpoint: 1 }, /below/],
    ['a non-JSON value', { upserts: [{ key: 'k', value: { n: Infinity } }] }, /Infinity/],
    ['a key twice', { deletes: ['k'] }, /more than once/],
    ['a NUL in a key', { deletes: ['\0'] }, /control/],
  ])('refuses %s', (_what, change, message) => {
    expect(() => assertProjectionCommit({ ...commit, ...change })).toThrow(message);
  });
});

describe('assertSnapshot', () => {
  it('refuses a fractional position, a non-JSON state and a hash that is not lowercase hex', () => {
    const ok = {
      streamId: 's',
      key: 'k',
      streamPosition: 1,
      eventHash: 'a'.repeat(64),
      state: {},
      digest: 'b'.repeat(64),
    };
    expect(() => assertSnapshot(ok)).not.toThrow();
    expect(() => assertSnapshot({ ...ok, streamPosition: 1.5 })).toThrow(/streamPosition/);
    expect(() => assertSnapshot({ ...ok, state: { d: NaN } })).toThrow(/NaN/);
    expect(() => assertSnapshot({ ...ok, eventHash: 'A'.repeat(64) })).toThrow(/eventHash/);
  });
});
