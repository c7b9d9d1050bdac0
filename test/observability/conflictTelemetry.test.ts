import { readFileSync } from 'node:fs';
import { createCampaignEngine } from '@strive/campaign';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, jsonLines } from '../support/cliFixtures.js';
import { registerInMemoryOtel, total } from './inMemoryOtel.js';

const [launch, , secretary, opinions, , leadingGroup] = jsonLines(
  readFileSync(EXAMPLE_COMMANDS, 'utf8'),
);

const otel = registerInMemoryOtel();
afterAll(() => otel.shutdown());

describe('telemetry of a lost version race', () => {
  it('shows the conflict and the retry on the span and in the metrics', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    // Two engines (two processes' worth of caches) over one log.
    const a = createCampaignEngine(store);
    const b = createCampaignEngine(store);
    expect((await a.handle(launch))._tag).toBe('Accepted');
    expect((await b.handle(secretary))._tag).toBe('Rejected'); // b caches the campaign at version 1
    expect((await a.handle(opinions))._tag).toBe('Accepted'); // the campaign moves to version 2
    otel.reset();
    const outcome = await b.handle(leadingGroup); // decided on b's stale cache first: loses the race
    expect(outcome._tag).toBe('Accepted');
    const spans = otel.spans();
    const command = spans.find((s) => s.name === 'strive.command');
    expect(command?.attributes['strive.attempts']).toBe(2);
    const appends = spans.filter((s) => s.name === 'strive.append');
    expect(appends.map((s) => s.attributes['strive.append.error'])).toEqual([
      'ConcurrencyConflict',
      undefined,
    ]);
    expect(spans.filter((s) => s.name === 'strive.decide')).toHaveLength(2);
    const points = await otel.points();
    expect(total(points, 'strive.command.conflicts')).toBe(1);
    expect(
      total(points, 'strive.command.retries', { 'strive.command.type': 'EstablishLeadingGroup' }),
    ).toBe(1);
    await store.close();
  });
});
