import { createEngine } from '@strive/engine';
import { appendToStream, createMemoryEventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { claimWorkflowV2 } from './claimWorkflowV2.js';

const at = '2026-03-02T09:00:00+01:00';

describe('evolving ExpenseAdded to schema version 2', () => {
  it('reads events written at version 1 through the upcaster, beside version 2 ones', async () => {
    const store = createMemoryEventStore();
    const appended = await appendToStream(
      store,
      'claim-1',
      [
        { type: 'ClaimOpened', data: { employeeId: 'ana', title: 'Lyon' }, metadata: { at } },
        {
          type: 'ExpenseAdded',
          schemaVersion: 1,
          data: { description: 'train', cents: 900 },
          metadata: { at },
        },
        {
          type: 'ExpenseAdded',
          schemaVersion: 2,
          data: { description: 'taxi', cents: 2_000, currency: 'CHF' },
          metadata: { at },
        },
      ],
      { expectedVersion: 'no-stream' },
    );
    expect(E.isRight(appended)).toBe(true);
    const engine = createEngine({ store, commands: [] });
    const state = await engine.load(claimWorkflowV2, 'claim-1');
    expect(state.context).toMatchObject({ totalCents: 2_900, currencies: ['EUR', 'CHF'] });
    const [, old] = E.isRight(appended) ? appended.right.events : [];
    expect(old === undefined ? undefined : claimWorkflowV2.dataOf('ExpenseAdded', old)).toEqual({
      description: 'train',
      cents: 900,
      currency: 'EUR',
    });
  });
});
