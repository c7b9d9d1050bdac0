import { createMemoryEventStore, type AppendError, type EventStore } from '@strive/eventlog';
import { invalidEvent, storeUnavailable } from '@strive/eventlog/adapter';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';

// What a command answers when the store refuses its append for a reason other than a race: an
// event the store finds invalid is an `Invalid` outcome naming where; an unavailable store throws,
// naming the command.
const add = {
  type: 'AddItem',
  id: 'c1',
  at: '2026-03-01T10:00:00Z',
  orderId: '1',
  sku: 'a',
  price: 1,
};

const engineOver = (store: EventStore) =>
  createEngine({
    store,
    commands: orderCommands,
    retry: { maxAttempts: 2, baseDelayMs: 1 },
    random: () => 0.5,
    sleep: () => Promise.resolve(),
  });

/** The memory store, whose appends all fail with `error`. */
const failingAppends = (error: AppendError): EventStore => {
  const store = createMemoryEventStore();
  return { ...store, appendMany: () => Promise.resolve(E.left(error)) };
};

describe('a store that refuses an append', () => {
  it('an event it finds invalid: Invalid, with the path and reason the store gave', async () => {
    const engine = engineOver(failingAppends(invalidEvent('events[0].data', 'too large')));
    expect(await engine.handle(add)).toEqual({
      _tag: 'Invalid',
      errors: [{ path: 'events[0].data', message: 'too large' }],
    });
  });

  it('unavailable: the command throws, naming its type, its id and the reason', async () => {
    const engine = engineOver(failingAppends(storeUnavailable('disk full')));
    await expect(engine.handle(add)).rejects.toThrow(/^AddItem c1: .*disk full/);
  });
});
