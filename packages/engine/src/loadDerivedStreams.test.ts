import { appendToStream, createMemoryEventStore, type EventStore } from '@strive/eventlog';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine } from './createEngine.js';
import { accept, type StatesOf } from './Decision.js';
import { defineCommand, type StreamRef, type StreamRefs } from './defineCommand.js';
import { defineWorkflow } from './defineWorkflow.js';

const members = defineWorkflow({
  name: 'member',
  version: 1,
  machine: setup({ types: { context: {} as { loans: number } } }).createMachine({
    context: { loans: 0 },
    initial: 'active',
    states: { active: { on: { BookBorrowed: {}, BookReturned: {} } } },
  }),
  events: {
    BookBorrowed: t.strict({ loanId: t.string }),
    BookReturned: t.strict({ loanId: t.string }),
  },
  evolve: {
    BookBorrowed: (c) => ({ loans: c.loans + 1 }),
    BookReturned: (c) => ({ loans: c.loans - 1 }),
  },
});

const loans = defineWorkflow({
  name: 'loan',
  version: 1,
  machine: setup({ types: { context: {} as { memberId: string } } }).createMachine({
    context: { memberId: '' },
    initial: 'new',
    states: {
      new: { on: { LoanOpened: 'open' } },
      open: { on: { LoanReturned: 'returned' } },
      returned: {},
    },
  }),
  events: { LoanOpened: t.strict({ memberId: t.string }), LoanReturned: t.strict({}) },
  evolve: { LoanOpened: (_c, { memberId }) => ({ memberId }) },
});

const borrow = defineCommand({
  type: 'Borrow',
  fields: { loanId: t.string, memberId: t.string },
  streams: (cmd) => ({
    loan: { workflow: loans, streamId: `loan-${cmd.loanId}` },
    member: { workflow: members, streamId: `member-${cmd.memberId}` },
  }),
  decide: (cmd) =>
    accept({
      loan: [loans.event('LoanOpened', { memberId: cmd.memberId })],
      member: [members.event('BookBorrowed', { loanId: cmd.loanId })],
    }),
});

/** Returning names only the loan: the member is found in the loan's state. */
const giveBack = defineCommand({
  type: 'GiveBack',
  fields: { loanId: t.string },
  streams: (cmd) => ({ loan: { workflow: loans, streamId: `loan-${cmd.loanId}` } }),
  derivedStreams: (_cmd, { loan }) => ({
    member: { workflow: members, streamId: `member-${loan.context.memberId}` },
  }),
  decide: (cmd, { member }) =>
    accept({
      loan: [loans.event('LoanReturned', {})],
      member:
        member.context.loans > 0 ? [members.event('BookReturned', { loanId: cmd.loanId })] : [],
    }),
});

const actor = { id: 'desk', role: 'librarian' };
const at = '2026-05-01T10:00:00Z';

/** A store where another writer appends to `member-m1` right before the engine's first appendMany. */
const racedStore = (inner: EventStore, counts: { appendMany: number }): EventStore => ({
  ...inner,
  appendMany: async (requests, options) => {
    counts.appendMany += 1;
    if (counts.appendMany === 2)
      await appendToStream(
        inner,
        'member-m1',
        [{ type: 'BookBorrowed', data: { loanId: 'other' }, metadata: { at } }],
        {
          expectedVersion: 'any',
        },
      );
    return inner.appendMany(requests, options);
  },
});

describe('streams found in another stream’s state', () => {
  it('loads the member a loan names, and appends to it with the loan', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: [borrow, giveBack] });
    await engine.handle({ type: 'Borrow', id: 'b1', at, actor, loanId: 'l1', memberId: 'm1' });
    const outcome = await engine.handle({ type: 'GiveBack', id: 'g1', at, actor, loanId: 'l1' });
    expect(outcome._tag === 'Accepted' && outcome.events.map((e) => [e.streamId, e.type])).toEqual([
      ['loan-l1', 'LoanReturned'],
      ['member-m1', 'BookReturned'],
    ]);
    expect((await engine.load(members, 'member-m1')).context.loans).toBe(0);
  });

  it('checks the derived stream’s version: a racing write makes the command decide again', async () => {
    const counts = { appendMany: 0 };
    const store = racedStore(createMemoryEventStore(), counts);
    const engine = createEngine({ store, commands: [borrow, giveBack] });
    await engine.handle({ type: 'Borrow', id: 'b1', at, actor, loanId: 'l1', memberId: 'm1' });
    const outcome = await engine.handle({ type: 'GiveBack', id: 'g1', at, actor, loanId: 'l1' });
    expect(outcome._tag).toBe('Accepted');
    expect(counts.appendMany).toBe(3); // borrow, the conflicting try, the retry
    const member = await engine.load(members, 'member-m1');
    expect([member.version, member.context.loans]).toEqual([3, 1]);
  });

  it('follows streams found in derived states until none is new, and checks every version', async () => {
    // A chain of nodes, each naming the next: the command names only the first.
    const nodes = defineWorkflow({
      name: 'node',
      version: 1,
      machine: setup({ types: { context: {} as { next: string; visits: number } } }).createMachine({
        context: { next: '', visits: 0 },
        initial: 'open',
        states: { open: { on: { Linked: {}, Visited: {} } } },
      }),
      events: { Linked: t.strict({ next: t.string }), Visited: t.strict({}) },
      evolve: {
        Linked: (c, { next }) => ({ ...c, next }),
        Visited: (c) => ({ ...c, visits: c.visits + 1 }),
      },
    });
    type Node = typeof nodes;
    type Chain = Readonly<Record<`node:${string}`, Node>>;
    /** The nodes after the first, as far as the states loaded so far tell. */
    const chainOf = (
      states: StatesOf<{ first: Node }> & Partial<StatesOf<Chain>>,
    ): StreamRefs<Chain> => {
      const refs: Record<`node:${string}`, StreamRef<Node>> = {};
      let next = states.first.context.next;
      while (next !== '') {
        refs[`node:${next}`] = { workflow: nodes, streamId: `node-${next}` };
        next = states[`node:${next}`]?.context.next ?? '';
      }
      return refs;
    };
    const visitChain = defineCommand({
      type: 'VisitChain',
      fields: { first: t.string },
      streams: (cmd) => ({ first: { workflow: nodes, streamId: `node-${cmd.first}` } }),
      derivedStreams: (_cmd, states) => chainOf(states),
      decide: (_cmd, states) => {
        const visit = [nodes.event('Visited', {})];
        expect(Object.keys(states)).toEqual(['first', 'node:b', 'node:c']);
        return accept({ first: visit, 'node:b': visit, 'node:c': visit });
      },
    });
    const counts = { appendMany: 0 };
    const inner = createMemoryEventStore();
    for (const [id, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', ''],
    ] as const)
      await appendToStream(
        inner,
        id === 'a' ? 'node-a' : `node-${id}`,
        [{ type: 'Linked', data: { next }, metadata: { at } }],
        { expectedVersion: 'no-stream' },
      );
    // Another writer visits node-c (found only in node-b's state) right before the first appendMany.
    const store: EventStore = {
      ...inner,
      appendMany: async (requests, options) => {
        counts.appendMany += 1;
        if (counts.appendMany === 1)
          await appendToStream(inner, 'node-c', [{ type: 'Visited', data: {}, metadata: { at } }], {
            expectedVersion: 'any',
          });
        return inner.appendMany(requests, options);
      },
    };
    const engine = createEngine({ store, commands: [visitChain] });
    const outcome = await engine.handle({ type: 'VisitChain', id: 'v1', at, actor, first: 'a' });
    expect(outcome._tag === 'Accepted' && outcome.events.map((e) => e.streamId)).toEqual([
      'node-a',
      'node-b',
      'node-c',
    ]);
    expect(counts.appendMany).toBe(2); // the conflicting try, the retry
    expect((await engine.load(nodes, 'node-c')).context.visits).toBe(2);
  });
});
