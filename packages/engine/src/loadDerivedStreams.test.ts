import { appendToStream, createMemoryEventStore, type EventStore } from '@strive/eventlog';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine } from './createEngine.js';
import { accept } from './Decision.js';
import { defineCommand } from './defineCommand.js';
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
});
