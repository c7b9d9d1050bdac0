import { createMemoryEventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { defineCommand } from './defineCommand.js';
import { customer, order } from './fixtures/orderWorkflow.js';

const at = '2026-03-01T10:00:00Z';

/** Reads an order and its customer, writes to the order only: an item named after its context. */
const noteItem = defineCommand({
  type: 'NoteItem',
  codec: t.exact(
    t.intersection([
      t.type({
        type: t.literal('NoteItem'),
        id: t.string,
        at: t.string,
        orderId: t.string,
        customerId: t.string,
      }),
      t.partial({ actor: t.strict({ id: t.string, role: t.string }) }),
    ]),
  ),
  streams: (cmd) => ({
    order: { workflow: order, streamId: `order-${cmd.orderId}` },
    customer: { workflow: customer, streamId: `customer-${cmd.customerId}` },
  }),
  decide: (_cmd, _states, ctx) =>
    E.right({
      order: [
        order.event('ItemAdded', {
          sku: `${ctx.commandId} ${ctx.at} ${ctx.actor?.id ?? '-'}/${ctx.actor?.role ?? '-'}`,
          price: 1,
        }),
      ],
    }),
});

const note = (id: string) => ({
  type: 'NoteItem',
  id,
  at,
  orderId: '1',
  customerId: 'c',
  actor: { id: 'ann', role: 'clerk' },
});

describe('decideAndAppend', () => {
  it('tells decide the command id, its business time and its actor', async () => {
    const engine = createEngine({ store: createMemoryEventStore(), commands: [noteItem] });
    const outcome = await engine.handle(note('n1'));
    expect(outcome).toMatchObject({
      _tag: 'Accepted',
      events: [{ type: 'ItemAdded', data: { sku: `n1 ${at} ann/clerk`, price: 1 } }],
    });
  });

  it('snapshots a stream it wrote to and passes over a stream it only read', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: [noteItem], snapshotEvery: 1 });
    expect(await engine.handle(note('n1'))).toMatchObject({ _tag: 'Accepted', duplicate: false });
    expect(await engine.handle(note('n2'))).toMatchObject({ _tag: 'Accepted', duplicate: false });
    expect((await store.loadSnapshot('order-1', order.snapshotKey))?.streamPosition).toBe(2);
    expect(await store.loadSnapshot('customer-c', customer.snapshotKey)).toBeUndefined();
    expect((await engine.load(order, 'order-1')).context).toMatchObject({ items: 2, total: 2 });
  });

  it('writes no snapshot with snapshotEvery 0, even on a store that keeps them', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: [noteItem], snapshotEvery: 0 });
    expect(await engine.handle(note('n1'))).toMatchObject({ _tag: 'Accepted', duplicate: false });
    expect(await store.loadSnapshot('order-1', order.snapshotKey)).toBeUndefined();
  });
});
