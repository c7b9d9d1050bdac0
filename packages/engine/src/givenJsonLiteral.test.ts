import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { orderCommands } from './fixtures/orderCommands.js';
import type { JsonLiteral } from './JsonLiteral.js';
import { given, rejected, type GivenEvent } from './testing.js';

const at = '2026-03-01T10:00:00Z';
const opts = { commands: orderCommands };

describe('given data as TypeScript types object literals (JsonLiteral)', () => {
  it('accepts members typed `?: undefined`, as plain strict infers them in a mixed array', async () => {
    // Without exactOptionalPropertyTypes, TypeScript infers this array's elements as
    // `{ sku: string; price: number } | { sku?: undefined; price?: undefined }`: JsonLiteral allows it.
    expectTypeOf<{ readonly sku?: undefined }>().toExtend<JsonLiteral>();
    const events: GivenEvent[] = [
      { streamId: 'order-1', type: 'ItemAdded', data: { sku: 'a', price: 5 } },
      { streamId: 'order-1', type: 'OrderPlaced', data: {} },
    ];
    const store = createMemoryEventStore();
    await given(events, { ...opts, store })
      .when({ type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 6 })
      .then(rejected('order.draft'));
    expect((await store.head()).globalPosition).toBe(2);
  });

  it('refuses an explicit undefined member before appending anything', async () => {
    const store = createMemoryEventStore();
    await expect(
      given([{ streamId: 'order-1', type: 'ItemAdded', data: { sku: undefined } }], {
        ...opts,
        store,
      })
        .when({ type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 6 })
        .then([]),
    ).rejects.toThrow('given event 0 has data that is not JSON');
    expect((await store.head()).globalPosition).toBe(0);
  });
});
