import type { Projection } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { createProjectionFold } from './createProjectionFold.js';
import { createReportFold } from './createReportFold.js';
import type { Report } from './Report.js';

/**
 * Folds events into a projection's documents in memory, with its own recipes (`createProjectionFold`),
 * by key in the order keys first appear. Pure.
 * @example foldProjection(subjectsProjection, events).get('zz2010/organization/o1')
 */
export const foldProjection = <D>(
  projection: Projection<D>,
  events: Iterable<StoredEvent>,
): Map<string, D> => {
  const fold = createProjectionFold(projection);
  for (const e of events) fold.add(e);
  return new Map(fold.documents());
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
