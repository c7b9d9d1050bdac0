import {
  createEngine,
  isAccepted,
  listParkedReactions,
  reactorProjectionName,
  retryParkedReaction,
  runReactor,
} from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { payApprovedClaims, reactorExampleCommands } from './payApprovedClaims.js';

const at = '2026-03-02T09:00:00+01:00';
const ana = { id: 'ana', role: 'employee' };
const bo = { id: 'bo', role: 'employee' };
const mia = { id: 'mia', role: 'manager' };

describe('the pay-approved-claims reactor', () => {
  it('schedules each approved claim once, parks one it cannot pay, and pays it after a retry', async () => {
    // #region run
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: reactorExampleCommands });
    const send = (cmd: Record<string, unknown>) => engine.handle({ at, ...cmd });
    await send({ type: 'RegisterBankAccount', id: 'c1', actor: ana, iban: 'FR76 3000 6000 0112' });
    const approvedClaim = async (actor: typeof ana, claimId: string, cents: number) => {
      await send({ type: 'OpenClaim', id: `o${claimId}`, actor, claimId, title: 'Lyon' });
      const expense = { claimId, description: 'hotel', cents };
      await send({ type: 'AddExpense', id: `e${claimId}`, actor, ...expense });
      await send({ type: 'SubmitClaim', id: `s${claimId}`, actor, claimId });
      const review = { claimId, decision: 'approve', reason: 'ok' };
      await send({ type: 'ReviewClaim', id: `r${claimId}`, actor: mia, ...review });
    };
    await approvedClaim(ana, '7', 4200);
    await approvedClaim(bo, '8', 9900); // bo has no account

    const runner = runReactor({
      engine,
      store,
      reactor: payApprovedClaims,
      retry: { attempts: 3 },
    });
    await runner.waitFor((await store.head()).globalPosition);
    await runner.stop();

    const parked = await listParkedReactions(store, 'pay-approved-claims');
    // [{ streamId: 'claim-8', attempts: 3, reason: { kind: 'Rejected',
    //    message: 'the payee has no bank account registered' }, ... }]
    await send({ type: 'RegisterBankAccount', id: 'c6', actor: bo, iban: 'DE89 3704 0044 0532' });
    const retried = await retryParkedReaction({
      engine,
      store,
      reactor: payApprovedClaims,
      eventId: parked[0]?.eventId ?? '',
    }); // { _tag: 'Reacted', commands: 1 }
    // #endregion run
    expect(parked.map((p) => [p.streamId, p.attempts, p.reason])).toEqual([
      ['claim-8', 3, { kind: 'Rejected', message: 'the payee has no bank account registered' }],
    ]);
    expect(retried).toEqual({ _tag: 'Reacted', commands: 1 });
    expect(await listParkedReactions(store, 'pay-approved-claims')).toEqual([]);
    const payee = async (id: string) => {
      const types: string[] = [];
      for await (const e of store.readStream(`payee-${id}`)) types.push(e.type);
      return types;
    };
    expect(await payee('ana')).toEqual(['BankAccountRegistered', 'PaymentScheduled']);
    expect(await payee('bo')).toEqual(['BankAccountRegistered', 'PaymentScheduled']);

    // The whole log delivered again (checkpoint forgotten): every reaction is a duplicate.
    const head = (await store.head()).globalPosition;
    await store.resetProjection(reactorProjectionName(payApprovedClaims));
    const again = runReactor({ engine, store, reactor: payApprovedClaims });
    await again.waitFor(head);
    await again.stop();
    expect((await store.head()).globalPosition).toBe(head);
    expect(await payee('ana')).toEqual(['BankAccountRegistered', 'PaymentScheduled']);
    const again7 = { claimId: '7', decision: 'approve', reason: 'ok' };
    const scheduled = await engine.handle({
      type: 'ReviewClaim',
      id: 'r7',
      at,
      actor: mia,
      ...again7,
    });
    expect(isAccepted(scheduled) && scheduled.duplicate).toBe(true);
  });
});
