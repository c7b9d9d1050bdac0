import { randomBytes } from 'node:crypto';
import { verify } from '@strive/eventlog';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsProjection } from '../claimsProjection.js';
import { openClaimsOnPostgres } from './openClaimsOnPostgres.js';

const url = process.env['STRIVE_PG_URL'];
const required = process.env['STRIVE_REQUIRE_PG'] === '1';
if (url === undefined && !required)
  console.warn(
    'openClaimsOnPostgres.test: STRIVE_PG_URL is not set, skipping the PostgreSQL guide',
  );

describe.skipIf(url === undefined && !required)('two workers on one PostgreSQL log', () => {
  const schema = `strive_guide_${randomBytes(6).toString('hex')}`;
  const workers = [0, 1].map(() => openClaimsOnPostgres(url ?? '', schema));
  afterAll(async () => {
    await workers[0]?.store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const w of workers) await w.store.close();
  });

  it('handles racing commands on one claim without losing any', async () => {
    expect(url, 'STRIVE_REQUIRE_PG=1 needs STRIVE_PG_URL').toBeDefined();
    const [a, b] = workers;
    if (a === undefined || b === undefined) return;
    const at = '2026-03-02T09:00:00+01:00';
    const actor = { id: 'ana', role: 'employee' };
    await a.store.ready();
    await b.store.ready();
    const open = { type: 'OpenClaim', id: 'o', at, actor, claimId: '1', title: 'Trip' };
    expect((await a.engine.handle(open))._tag).toBe('Accepted');
    const expenses = Array.from({ length: 20 }, (_, i) => ({
      type: 'AddExpense',
      id: `e${i}`,
      at,
      actor,
      claimId: '1',
      description: `item ${i}`,
      cents: 100,
    }));
    const outcomes = await Promise.all(
      expenses.map((c, i) => (i % 2 === 0 ? a : b).engine.handle(c)),
    );
    expect(outcomes.map((o) => o._tag)).toEqual(expenses.map(() => 'Accepted'));
    const claims = await b.engine.project(claimsProjection);
    expect((await claims.get('claim-1'))?.totalCents).toBe(2_000);
    expect((await a.store.head()).globalPosition).toBe(21);
    expect((await verify(a.store))._tag).toBe('ChainVerified');
  });
});
