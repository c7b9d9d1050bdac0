import { readFileSync } from 'node:fs';
import { createCampaignEngine } from '@strive/campaign';
import { collect } from '@strive/eventlog/testing';
import { createMemoryEventStore, type StoredEvent } from '@strive/eventlog';
import { runLeasedWorker } from '@strive/eventlog/adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, jsonLines } from '../support/cliFixtures.js';
import { registerInMemoryOtel, total } from './inMemoryOtel.js';

const [launch, , , opinions] = jsonLines(readFileSync(EXAMPLE_COMMANDS, 'utf8'));

const otel = registerInMemoryOtel();
afterAll(() => otel.shutdown());

const commandSpan = () => otel.spans().find((s) => s.name === 'strive.command');

const metadataOf = async (store: ReturnType<typeof createMemoryEventStore>) =>
  (await collect(store.readAll())).map((e: StoredEvent) => e.metadata);

describe('correlation ids and trace ids', () => {
  it("records the command's correlation and causation ids on its span and in its events", async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    otel.reset();
    const outcome = await engine.handle(launch, { correlationId: 'req-7', causationId: 'msg-3' });
    expect(outcome._tag).toBe('Accepted');
    expect(commandSpan()?.attributes['strive.correlation_id']).toBe('req-7');
    expect(commandSpan()?.attributes['strive.causation_id']).toBe('msg-3');
    const metadata = await metadataOf(store);
    expect(metadata.length).toBeGreaterThan(0);
    for (const m of metadata)
      expect(m).toMatchObject({ correlationId: 'req-7', causationId: 'msg-3' });
  });

  it('stores the trace id as the correlation id when the host asks, and only then', async () => {
    const store = createMemoryEventStore();
    // #region trace-as-correlation
    const asked = createCampaignEngine(store, { traceIdAsCorrelationId: true });
    // #endregion trace-as-correlation
    otel.reset();
    expect((await asked.handle(launch))._tag).toBe('Accepted');
    const traceId = commandSpan()?.spanContext().traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await metadataOf(store)).map((m) => m.correlationId)).toEqual([traceId]);
    // A given id wins over the trace id.
    expect((await asked.handle(opinions, { correlationId: 'given' }))._tag).toBe('Accepted');
    expect((await metadataOf(store)).slice(1).map((m) => m.correlationId)).toEqual(['given']);
    // An engine not asked stores none.
    const other = createMemoryEventStore();
    expect((await createCampaignEngine(other).handle(launch))._tag).toBe('Accepted');
    expect((await metadataOf(other))[0]?.correlationId).toBeUndefined();
  });

  it('reports a leased worker position as strive.subscription.position', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    await engine.handle(launch);
    const head = (await store.head()).globalPosition;
    const worker = runLeasedWorker({
      name: 'relay:test',
      label: 'relay test',
      store,
      batchSize: 10,
      pollIntervalMs: 5,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => performance.now(),
      work: (events) =>
        Promise.resolve({ through: events[events.length - 1]?.globalPosition ?? 0 }),
    });
    await worker.waitFor(head);
    const where = { 'strive.subscription': 'relay:test' };
    expect(total(await otel.points(), 'strive.subscription.position', where)).toBe(head);
    await worker.stop();
  });
});
