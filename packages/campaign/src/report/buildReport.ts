import type { Projection } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { produce, type Draft } from 'immer';
import { campaignsProjection } from '../projections/campaignsProjection.js';
import { exemplarsProjection } from '../projections/exemplarsProjection.js';
import { subjectsProjection } from '../projections/subjectsProjection.js';
import { assembleReport } from './assembleReport.js';
import type { Report } from './Report.js';

/** Folds events into a projection's documents in memory, with its own recipes. Pure. */
export const foldProjection = <D>(
  projection: Projection<D>,
  events: Iterable<StoredEvent>,
): Map<string, D> => {
  const docs = new Map<string, D>();
  for (const e of events) {
    const key = projection.keyOf(e);
    const recipe = projection.apply[e.type];
    if (key === undefined || recipe === undefined) continue;
    const current = docs.get(key) ?? projection.initial(key);
    docs.set(
      key,
      produce(current, (draft: Draft<D>) => recipe(draft, e.data, e)),
    );
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
