import type { Projection } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { Immer } from 'immer';
import { createReportFold } from './createReportFold.js';
import type { Report } from './Report.js';

const immer = new Immer({ autoFreeze: false });

/**
 * Folds events into a projection's documents in memory, with its own recipes: one immer draft for the
 * whole fold (finished once at the end), not one `produce` per event. Pure.
 */
export const foldProjection = <D>(
  projection: Projection<D>,
  events: Iterable<StoredEvent>,
): Map<string, D> => {
  const list = [...events];
  // Keys are prefixed so that a document key such as "__proto__" stays an ordinary property.
  const base: Record<string, D> = {};
  const keys: string[] = [];
  for (const e of list) {
    const key = projection.keyOf(e);
    if (key === undefined || projection.apply[e.type] === undefined || `k:${key}` in base) continue;
    base[`k:${key}`] = projection.initial(key);
    keys.push(key);
  }
  const draft = immer.createDraft(base);
  for (const e of list) {
    const key = projection.keyOf(e);
    const recipe = projection.apply[e.type];
    const doc = key === undefined ? undefined : draft[`k:${key}`];
    if (recipe !== undefined && doc !== undefined) recipe(doc, e.data, e);
  }
  // finishDraft returns the base's type; TypeScript cannot resolve immer's conditional type for a generic D.
  const done = immer.finishDraft(draft) as Record<string, D>;
  const docs = new Map<string, D>();
  for (const key of keys) {
    const doc = done[`k:${key}`];
    if (doc !== undefined) docs.set(key, doc);
  }
  return docs;
};

/**
 * The report of an event list (an exported log, or the events of a store up to a position), folded with
 * the very recipes of the projections (`createReportFold`), so `replay` and `report` print the same
 * thing. Pure.
 * @example
 * const report = buildReport(exportedEvents);
 * report.honourRoll.map((h) => h.id);
 */
export const buildReport = (events: Iterable<StoredEvent>): Report => {
  const fold = createReportFold();
  for (const e of events) fold.add(e);
  return fold.report();
};
