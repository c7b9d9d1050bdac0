import { readFileSync } from 'node:fs';
import { campaignProjections, createCampaignEngine } from '@strive/campaign';
import type { CommandOutcome, OutcomeReport } from '@strive/engine';
import { createSqliteEventStore } from '@strive/store-sqlite';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, jsonLines } from '../support/cliFixtures.js';
import { registerInMemoryOtel, total, type Point } from './inMemoryOtel.js';

const commands = jsonLines(readFileSync(EXAMPLE_COMMANDS, 'utf8'));

const label = (o: CommandOutcome): string =>
  o._tag === 'Accepted' ? (o.duplicate ? 'duplicate' : 'accepted') : o._tag.toLowerCase();

const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
};

const otel = registerInMemoryOtel();
afterAll(() => otel.shutdown());

describe('telemetry of a run of the Zhengzhou example (SQLite, in-memory SDK)', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const reports: OutcomeReport[] = [];
  const engine = createCampaignEngine(store, { onOutcome: (r) => reports.push(r) });
  const outcomes: CommandOutcome[] = [];
  let spans: ReadableSpan[] = [];
  let points: Point[] = [];
  beforeAll(async () => {
    for (const c of commands) outcomes.push(await engine.handle(c));
    spans = otel.spans();
    points = await otel.points();
  });
  afterAll(() => store.close());

  const named = (name: string) => spans.filter((s) => s.name === name);

  it('one strive.command span per command, counted by outcome as the run counts them', () => {
    const commandSpans = named('strive.command');
    expect(commandSpans).toHaveLength(commands.length);
    const summary = countBy(outcomes, label);
    expect(Object.keys(summary).length).toBeGreaterThanOrEqual(4);
    expect(countBy(commandSpans, (s) => String(s.attributes['strive.outcome']))).toEqual(summary);
    for (const [outcome, n] of Object.entries(summary))
      expect(total(points, 'strive.commands', { 'strive.outcome': outcome })).toBe(n);
  });

  it('records workflows, rule ids, attempts and events on the command span', () => {
    const commandSpans = named('strive.command');
    for (const [i, o] of outcomes.entries()) {
      const span = commandSpans[i];
      if (o._tag === 'Invalid') continue;
      expect(span?.attributes['strive.command.id']).toBe(o.commandId);
      expect(span?.attributes['strive.command.type']).toBe(o.type);
      if (o._tag === 'Rejected')
        expect(span?.attributes['strive.rule_ids']).toEqual([
          ...new Set(o.failures.map((f) => f.ruleId)),
        ]);
      if (o._tag === 'Accepted' && !o.duplicate) {
        expect(span?.attributes['strive.events.appended']).toBe(o.events.length);
        expect(span?.attributes['strive.attempts']).toBe(1);
        expect(span?.attributes['strive.workflows']).toContain('campaign');
      }
    }
    const appended = outcomes.reduce(
      (n, o) => n + (o._tag === 'Accepted' ? o.events.length : 0),
      0,
    );
    expect(total(points, 'strive.events.appended')).toBe(appended);
    // A sequential run loses no race: decided again on read states after a refusal is no retry.
    expect(total(points, 'strive.command.conflicts')).toBe(0);
    expect(total(points, 'strive.command.retries')).toBe(0);
  });

  it('nests load, decide, append and the SQLite spans under the command span', () => {
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentName = (s: ReadableSpan) =>
      byId.get(s.parentSpanContext?.spanId ?? '')?.name ?? '(root)';
    for (const name of ['strive.load', 'strive.decide', 'strive.append'])
      expect(new Set(named(name).map(parentName))).toEqual(new Set(['strive.command']));
    const appends = named('strive.store.appendMany');
    expect(appends.length).toBe(named('strive.append').length);
    expect(new Set(appends.map(parentName))).toEqual(new Set(['strive.append']));
    expect(appends[0]?.attributes['db.system']).toBe('sqlite');
    expect(appends[0]?.attributes['db.system.name']).toBe('sqlite');
    const batch = appends.map((s) => s.attributes['db.operation.batch.size']);
    expect(batch.every((n) => typeof n === 'number' && n >= 1)).toBe(true);
    expect(new Set(named('strive.store.readStream').map(parentName))).toEqual(
      new Set(['strive.load']),
    );
    expect(
      total(points, 'db.client.operation.duration', { 'db.operation.name': 'appendMany' }),
    ).toBe(appends.length);
  });

  it('hands onOutcome one report per command, with the trace id of its span', () => {
    expect(reports.map((r) => r.outcome)).toEqual(outcomes);
    const traceIds = new Set(named('strive.command').map((s) => s.spanContext().traceId));
    expect(reports.every((r) => r.traceId !== undefined && traceIds.has(r.traceId))).toBe(true);
  });

  it('shows the async projections lagging by the whole log, then caught up', async () => {
    const head = (await store.head()).globalPosition;
    expect(head).toBeGreaterThan(100);
    const lagging = await otel.points();
    for (const p of campaignProjections)
      expect(total(lagging, 'strive.projection.lag', { 'strive.projection': p.storageName })).toBe(
        head,
      );
    const [first] = campaignProjections;
    otel.reset();
    await engine.project(first);
    const batches = otel.spans().filter((s) => s.name === 'strive.projection.batch');
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.reduce((n, s) => n + Number(s.attributes['strive.events']), 0)).toBe(head);
    const after = await otel.points();
    expect(total(after, 'strive.projection.lag', { 'strive.projection': first.storageName })).toBe(
      0,
    );
    expect(
      total(after, 'strive.projection.checkpoint', { 'strive.projection': first.storageName }),
    ).toBe(head);
  });
});
