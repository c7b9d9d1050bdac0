import type { Projection } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { Immer } from 'immer';
import { campaignsProjection } from '../projections/campaignsProjection.js';
import { exemplarsProjection } from '../projections/exemplarsProjection.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { assembleReport } from './assembleReport.js';
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

const sortedValues = <D>(docs: Map<string, D>): D[] =>
  [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/**
 * The report of an event list (an exported log, or the events of a store up to a position), folded with
 * the very recipes of the projections, so `replay` and `report` print the same thing. Pure.
 * @example
 * const report = buildReport(exportedEvents);
 * report.honourRoll.map((h) => h.id);
 */
export const buildReport = (events: readonly StoredEvent[]): Report =>
  assembleReport(
    sortedValues(foldProjection(campaignsProjection, events)),
    sortedValues(foldProjection(subjectsProjection, events)),
    sortedValues(foldProjection(exemplarsProjection, events)),
  );
