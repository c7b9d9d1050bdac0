import { createEngine } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { claimCommands } from '../claimCommands.js';
import { runTutorial } from '../runTutorial.js';
import { reviewerStats } from './reviewerStats.js';

describe('a projection added after the fact', () => {
  it('folds the whole existing log, catches up incrementally, and rebuilds to the same documents', async () => {
    const store = createMemoryEventStore();
    await runTutorial(store, () => undefined);
    // #region rebuild
    const engine = createEngine({ store, commands: claimCommands, projections: [reviewerStats] });
    const stats = await engine.project(reviewerStats); // catches up from its checkpoint
    const bo = await stats.get('bo'); // { approved: 1, rejected: 0 }
    const rebuilt = await engine.rebuild(reviewerStats); // forgets everything, folds from 0
    // #endregion rebuild
    const expected = [
      { key: 'bo', value: { approved: 1, rejected: 0 } },
      { key: 'cy', value: { approved: 1, rejected: 0 } },
    ];
    expect(bo).toEqual({ approved: 1, rejected: 0 });
    expect(await stats.all()).toEqual(expected);
    expect(await rebuilt.all()).toEqual(expected);
    expect(rebuilt.checkpoint).toBe(stats.checkpoint);
  });
});
