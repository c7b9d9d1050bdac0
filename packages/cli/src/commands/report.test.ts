import {
  buildReport,
  createCampaignEngine,
  readReport,
  readReportSummary,
  readStoredReport,
  summarizeReport,
  type Report,
} from '@strive/campaign';
import { createMemoryEventStore, type StoredEvent } from '@strive/eventlog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCommands } from '@strive/campaign';

// The report view that `strive report` reads must be the report that readReport assembles from every
// projection document (and that replay folds from the events), on generated campaigns of any size.

type Options = Parameters<typeof generateCommands>[0];

/** Runs a generated campaign, comparing the view with readReport every `every` commands; returns the last report. */
const compareAlong = async (options: Options, every: number): Promise<Report> => {
  const store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  const commands = [...generateCommands(options)];
  for (const [i, c] of commands.entries()) {
    await engine.handle(c);
    if (i % every !== 0 && i !== commands.length - 1) continue;
    const reference = await readReport(engine);
    expect(await readReportSummary(engine, store)).toEqual(summarizeReport(reference));
    expect(await readStoredReport(engine, store)).toEqual(reference);
  }
  const events: StoredEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  const last = await readStoredReport(engine, store);
  expect(last).toEqual(buildReport(events));
  return last;
};

describe('the report view on generated campaigns', () => {
  it('equals the assembled and the replayed report of a campaign with an honour roll', async () => {
    const last = await compareAlong({ orgs: 12, membersPerOrg: 1, evaluators: 12, seed: 7 }, 150);
    expect(last.honourRoll.length).toBeGreaterThan(0);
    expect(last.subjects.length).toBe(24);
  }, 60_000);

  it('equals the assembled and the replayed report at several points of any campaign', async () => {
    let honoured = 0;
    let subjects = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          orgs: fc.integer({ min: 1, max: 10 }),
          membersPerOrg: fc.integer({ min: 0, max: 3 }),
          evaluators: fc.integer({ min: 1, max: 16 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        fc.integer({ min: 7, max: 60 }),
        async (options, every) => {
          const last = await compareAlong(options, every);
          expect(last.subjects.length).toBeGreaterThan(0);
          subjects += last.subjects.length;
          if (last.honourRoll.length > 0) honoured += 1;
        },
      ),
      { numRuns: 25 },
    );
    // The campaigns must reach the end of the story (an honour roll) in some runs, not only in others.
    expect(honoured).toBeGreaterThan(2);
    expect(honoured).toBeLessThan(25);
    expect(subjects).toBeGreaterThan(100);
  }, 300_000);
});
