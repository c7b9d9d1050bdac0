import { describe, expect, it } from 'vitest';
import { order } from './fixtures/orderWorkflow.js';
import { valueAfter } from './valueAfter.js';

describe('valueAfter', () => {
  it('moves the lifecycle as a fold does, and refuses what the machine refuses', () => {
    expect(valueAfter(order, 'open.draft', 'ItemAdded', { sku: 'a', price: 1 })).toBe('open.draft');
    expect(valueAfter(order, 'open.draft', 'Shipped', { carrier: 'x' })).toBeUndefined();
    expect(valueAfter(order, 'open.draft', 'OrderCancelled', { reason: 'x' })).toBe('cancelled');
  });

  it('evaluates guards on the given context, the initial one by default', () => {
    expect(valueAfter(order, 'open.draft', 'OrderPlaced', {})).toBeUndefined();
    const withItem = { ...order.initialContext, items: 1, total: 5 };
    expect(valueAfter(order, 'open.draft', 'OrderPlaced', {}, withItem)).toBe('open.placed');
  });
});
