import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryEventStore, type EventStore, type StoredEvent } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../createCampaignEngine.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { buildReport } from './buildReport.js';
import { readReport } from './readReport.js';
import { readReportSummary, readStoredReport } from './readReportSummary.js';
import { REPORT_VIEW } from './reportView.js';
import { summarizeReport } from './summarizeReport.js';

const dir = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'data');
const commands: unknown[] = readFileSync(join(dir, 'zhengzhou-2010.commands.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l): unknown => JSON.parse(l));

const readAll = async (store: EventStore): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

/** A store that counts how many times the subject documents are read one by one. */
const countingSubjectReads = (store: EventStore): { store: EventStore; reads: () => number } => {
  let reads = 0;
  const counted: EventStore = Object.create(store) as EventStore;
  counted.readDocuments = (projection) => {
    if (projection === subjectsProjection.storageName) reads += 1;
    return store.readDocuments(projection);
  };
  return { store: counted, reads: () => reads };
};

describe('the report view', () => {
  it('gives the report of readReport and buildReport at every prefix of the Zhengzhou scenario', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    for (const [i, c] of commands.entries()) {
      await engine.handle(c);
      if (i % 9 !== 0 && i !== commands.length - 1) continue;
      const reference = await readReport(engine);
      expect(await readStoredReport(engine, store)).toEqual(reference);
      expect(await readReportSummary(engine, store)).toEqual(summarizeReport(reference));
      expect(buildReport(await readAll(store))).toEqual(reference);
    }
  });

  it('keeps the key order of the report (so JSON output is unchanged)', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    for (const c of commands) await engine.handle(c);
    const reference = JSON.stringify(await readReport(engine));
    await readReportSummary(engine, store);
    expect(JSON.stringify(await readStoredReport(engine, store))).toBe(reference);
  });

  it('is written once, then read without reading the subject documents until the log moves', async () => {
    const memory = createMemoryEventStore();
    const { store, reads } = countingSubjectReads(memory);
    const engine = createCampaignEngine(store);
    const half = Math.floor(commands.length / 2);
    for (const c of commands.slice(0, half)) await engine.handle(c);
    // A store written without a view (as by an older strive): the first read assembles and stores it.
    expect(await store.readCheckpoint(REPORT_VIEW)).toBe(0);
    const first = await readReportSummary(engine, store);
    expect(reads()).toBe(1);
    expect(await store.readCheckpoint(REPORT_VIEW)).toBe((await store.head()).globalPosition);
    expect(await readReportSummary(engine, store)).toEqual(first);
    expect(await readStoredReport(engine, store)).toEqual(await readReport(engine));
    expect(reads()).toBe(2); // readReport's own read, none by the view
    for (const c of commands.slice(half)) await engine.handle(c);
    const after = await readStoredReport(engine, store);
    expect(reads()).toBe(3);
    expect(after).toEqual(buildReport(await readAll(store)));
    expect(after.honourRoll.length).toBeGreaterThan(first.honourRoll.length);
  });

  it('stays right when a read model is rebuilt from 0, and is refreshed when its document is not a report', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    for (const c of commands) await engine.handle(c);
    const reference = await readReport(engine);
    await readReportSummary(engine, store);
    await engine.rebuild(subjectsProjection);
    expect(await readStoredReport(engine, store)).toEqual(reference);
    const checkpoint = await store.readCheckpoint(REPORT_VIEW);
    const view = await store.readDocument(REPORT_VIEW, 'summary');
    const basis = typeof view === 'object' && view !== null && 'basis' in view ? view.basis : null;
    await store.commitProjection({
      projection: REPORT_VIEW,
      expectedCheckpoint: checkpoint,
      checkpoint,
      upserts: [{ key: 'summary', value: { basis, text: '{"campaigns": 1}' } }],
      deletes: [],
    });
    expect(await readReportSummary(engine, store)).toEqual(summarizeReport(reference));
  });
});
