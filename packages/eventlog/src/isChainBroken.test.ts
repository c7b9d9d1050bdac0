import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './EventEnvelope.js';
import { isChainBroken, type VerifyResult } from './verifyChain.js';

describe('isChainBroken', () => {
  it('tells a broken chain from a verified one (an empty log verifies)', () => {
    const verified: VerifyResult = { _tag: 'ChainVerified', events: 0, headHash: GENESIS_HASH };
    const broken: VerifyResult = {
      _tag: 'ChainBroken',
      globalPosition: 1,
      streamId: 's',
      streamPosition: 1,
      reason: 'content does not match its hash',
    };
    expect(isChainBroken(verified)).toBe(false);
    expect(isChainBroken(broken)).toBe(true);
  });
});
