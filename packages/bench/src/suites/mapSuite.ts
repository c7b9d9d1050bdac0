import { EMMETT_WORKLOADS, emmettWorkloads } from '../emmett/emmettWorkloads.js';
import { plainMapFactory, striveMemoryFactory } from '../memory/plainMapFactory.js';
import { goalRowSuite } from '../run/goalRowSuite.js';
import type { Suite, SuiteRun } from '../run/Suite.js';

/** Options of the in-memory reference. */
export interface MapOptions extends SuiteRun {
  readonly scale: number;
}

/**
 * W1-W5 on Strive's in-memory store against a plain `Map`: what Strive's own work (validation,
 * canonical JSON, hashing, envelopes) costs with no database at all. No goal. Pure in-memory work.
 */
export const mapSuite = (o: MapOptions): Suite =>
  goalRowSuite(o, {
    id: 'map',
    title: 'Strive memory store vs a plain in-memory Map (W1-W5)',
    budgetSeconds: 30,
    heading: '## In-memory reference: Strive memory store vs a plain `Map`',
    goal: () => null,
    measure: async (log) => ({
      rows: await emmettWorkloads(
        striveMemoryFactory,
        plainMapFactory,
        o.runs,
        o.scale,
        new Set(EMMETT_WORKLOADS),
        log,
      ),
      context: [
        `(${o.runs} runs, scale ${o.scale}). The plain \`Map\` holds the events as given, with the`,
        "expected-version check and nothing else: the floor of any store. Strive's memory store does",
        'everything but I/O (validation, canonical copy, SHA-256 chain, envelopes, copies on read).',
        'ratio = Strive rate / Map rate in the same runs; rates are medians [min-max]. No goal.',
      ],
      notes: () => (o.scale === 1 ? [] : [`scale ${o.scale} of the issue's sizes`]),
    }),
  });
