import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '@strive/eventlog';
import { authorizeActor, withPrincipalActor } from './authorizeActor.js';
import { checkClockSkew } from './checkClockSkew.js';
import { eventIdOf } from './commandIds.js';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { given, rejected } from './testing.js';

const at = '2026-03-01T10:00:00Z';
const opts = { commands: orderCommands };
const add = { type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 6 };
const added = [{ streamId: 'order-1', type: 'ItemAdded', data: { sku: 'b', price: 6 } }];
const clerk = { id: 'ann', roles: ['clerk'] };

describe('auth.principal', () => {
  it('accepts the principal acting in one of its roles, and fills an omitted actor from its only role', async () => {
    const { outcome } = await given([], opts)
      .when({ ...add, actor: { id: 'ann', role: 'clerk' } }, { principal: clerk })
      .then(added);
    expect(outcome._tag).toBe('Accepted');
    const { store } = await given([], opts).when(add, { principal: clerk }).then(added);
    const event = await store.readEvent(eventIdOf('c', 0));
    expect(event?.metadata.actor).toEqual({ id: 'ann', role: 'clerk' });
  });

  it('refuses another id, a role the principal lacks, or an ambiguous omitted actor, appending nothing', async () => {
    await given([], opts)
      .when({ ...add, actor: { id: 'bob', role: 'clerk' } }, { principal: clerk })
      .then(rejected('auth.principal'));
    await given([], opts)
      .when({ ...add, actor: { id: 'ann', role: 'manager' } }, { principal: clerk })
      .then(rejected('auth.principal'));
    await given([], opts)
      .when(add, { principal: { id: 'ann', roles: ['clerk', 'manager'] } })
      .then(rejected('auth.principal'));
    await given([], opts)
      .when(
        { ...add, actor: { role: 'manager' } },
        { principal: { id: 'ann', roles: ['clerk', 'manager'] } },
      )
      .then(added);
  });

  it('checks nothing without a principal (a trusted replay)', async () => {
    await given([], opts)
      .when({ ...add, actor: { id: 'bob', role: 'clerk' } })
      .then(added);
    expect(authorizeActor(undefined, undefined)).toEqual([]);
    expect(withPrincipalActor(add, undefined)).toBe(add);
  });
});

describe('clock.skew', () => {
  it('refuses an at beyond the skew ahead of now, accepts one within it, and lists both failures', async () => {
    const now = '2026-03-01T09:59:30Z';
    await given([], opts).when(add, { now }).then(added);
    await given([], opts)
      .when({ ...add, at: '2027-03-01T10:00:00Z' }, { now })
      .then(rejected('clock.skew'));
    await given([], { ...opts, maxClockSkewMs: 10_000 })
      .when(add, { now: new Date(now) })
      .then(rejected('clock.skew'));
    await given([], opts)
      .when(
        { ...add, at: '2027-03-01T10:00:00Z', actor: { id: 'bob', role: 'clerk' } },
        { now, principal: clerk },
      )
      .then(rejected('clock.skew', 'auth.principal'));
  });

  it('measures the skew across offsets, and throws for an unreadable now', () => {
    expect(checkClockSkew('2026-03-01T18:00:00+08:00', '2026-03-01T10:00:00Z', 0)).toEqual([]);
    expect(checkClockSkew('2026-03-01T18:00:01+08:00', '2026-03-01T10:00:00Z', 0)).toHaveLength(1);
    expect(() => checkClockSkew(at, 'yesterday', 0)).toThrow(/options.now/);
  });

  it('is refused before any store read: a refused command id stays free', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: orderCommands });
    const refused = await engine.handle(add, { principal: { id: 'x', roles: [] } });
    expect(refused._tag).toBe('Rejected');
    expect((await store.head()).globalPosition).toBe(0);
    expect((await engine.handle(add))._tag).toBe('Accepted');
  });
});
