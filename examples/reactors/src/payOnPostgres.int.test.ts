import { randomBytes } from 'node:crypto';
import { createEngine, isAccepted } from '@strive/engine';
import { createPostgresEventStore } from '@strive/store-postgres';
import { describeWithServer } from '@strive/eventlog/testing';
import { expect, it } from 'vitest';
import { reactorExampleCommands } from './payApprovedClaims.js';
import { runPaymentsWorker } from './payOnPostgres.js';

const at = '2026-03-02T09:00:00+01:00';

describeWithServer(
  'payments worker on PostgreSQL',
  { url: 'STRIVE_PG_URL', require: 'STRIVE_REQUIRE_PG' },
  (url) => {
    it('schedules an approved claim from a leased worker', async () => {
      const schema = `strive_ex_${randomBytes(6).toString('hex')}`;
      const store = createPostgresEventStore({ connectionString: url, schema });
      try {
        const engine = createEngine({ store, commands: reactorExampleCommands });
        const ana = { id: 'ana', role: 'employee' };
        const mia = { id: 'mia', role: 'manager' };
        for (const cmd of [
          { type: 'RegisterBankAccount', id: 'c1', actor: ana, iban: 'FR76' },
          { type: 'OpenClaim', id: 'c2', actor: ana, claimId: '7', title: 'Lyon' },
          {
            type: 'AddExpense',
            id: 'c3',
            actor: ana,
            claimId: '7',
            description: 'hotel',
            cents: 4200,
          },
          { type: 'SubmitClaim', id: 'c4', actor: ana, claimId: '7' },
          {
            type: 'ReviewClaim',
            id: 'c5',
            actor: mia,
            claimId: '7',
            decision: 'approve',
            reason: '',
          },
        ])
          expect(isAccepted(await engine.handle({ at, ...cmd }))).toBe(true);
        const worker = runPaymentsWorker(store, engine);
        await worker.waitFor(5);
        expect(worker.owning()).toBe(true);
        await worker.stop();
        expect(await store.streamVersion('payee-ana')).toBe(2);
      } finally {
        await store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await store.close();
      }
    });
  },
);
