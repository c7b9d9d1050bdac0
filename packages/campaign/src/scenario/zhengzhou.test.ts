import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, createCampaignEngine, readReport } from '../index.js';
import type { CommandOutcome } from '@strive/engine';
import { createMemoryEventStore, type EventStore, type StoredEvent } from '@strive/eventlog';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'data');
const commands: unknown[] = readFileSync(join(dir, 'zhengzhou-2010.commands.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown);
interface ExpectedLine {
  readonly line: number;
  readonly id: string;
  readonly type: string;
  readonly expect: 'accepted' | 'duplicate' | 'invalid' | readonly string[];
  readonly why?: string;
}
const expected = JSON.parse(readFileSync(join(dir, 'zhengzhou-2010.expected.json'), 'utf8')) as {
  readonly honourRoll: readonly string[];
  readonly lines: readonly ExpectedLine[];
};

const summary = (o: CommandOutcome): string | readonly string[] => {
  switch (o._tag) {
    case 'Accepted':
      return o.duplicate ? 'duplicate' : 'accepted';
    case 'Invalid':
      return 'invalid';
    case 'Rejected':
      return [...new Set(o.failures.map((f) => f.ruleId))].sort();
    case 'Conflict':
      return `conflict: ${o.message}`;
  }
};

const readAll = async (store: EventStore): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

describe('the Zhengzhou 2010 scenario (examples/data)', () => {
  const store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  const outcomes: CommandOutcome[] = [];
  beforeAll(async () => {
    for (const c of commands) outcomes.push(await engine.handle(c));
  });

  it('decides every line as documented (each refused line by exactly its rules)', () => {
    expect(outcomes).toHaveLength(expected.lines.length);
    const actual = outcomes.map((o, i) => ({ line: i + 1, outcome: summary(o) }));
    const wanted = expected.lines.map((e) => ({
      line: e.line,
      outcome: typeof e.expect === 'string' ? e.expect : [...e.expect].sort(),
    }));
    expect(actual).toEqual(wanted);
  });

  it('exercises every command type and refuses by every rule id of docs/campaign.md', () => {
    const types = new Set(expected.lines.map((l) => l.type));
    expect(types.size).toBe(18);
    const refusedBy = new Set(
      expected.lines.flatMap((l) => (typeof l.expect === 'string' ? [] : l.expect)),
    );
    expect([...refusedBy].sort()).toEqual(
      [
        'auth.role',
        'auth.secretary',
        'phase.window',
        'campaign.concluded',
        'campaign.deadline',
        'clock.monotonic',
        'subject.state',
        'commitment.first-responsible',
        'commitment.concrete',
        'evaluation.one-vote',
        'evaluation.independence',
        'evaluation.quorum',
        'evaluation.threshold',
        'review.regular',
        'member.discipline',
        'nomination.recommendation',
        'notice.period',
        'notice.objection',
        'commendation.quota',
      ].sort(),
    );
  });

  it('ends with the honour roll ordered by commendation time, with the verdicts that let each through', async () => {
    const report = await readReport(engine);
    expect(report.honourRoll.map((h) => `${h.kind} ${h.id}`)).toEqual(expected.honourRoll);
    const o1 = report.honourRoll[0];
    expect(o1?.commendedAt).toBe('2011-01-15T09:00:00+08:00');
    expect(o1?.verdicts.nomination.map((v) => v.ruleId)).toEqual([
      'evaluation.quorum',
      'evaluation.threshold',
      'review.regular',
    ]);
    expect(o1?.verdicts.nomination[0]?.message).toBe(
      '12 distinct evaluators, at least 10 required',
    );
    expect(o1?.verdicts.notice.map((v) => v.ruleId)).toEqual([
      'notice.period',
      'nomination.recommendation',
    ]);
    expect(o1?.verdicts.commendation.map((v) => v.message)).toEqual([
      'the public notice from 2011-01-05T09:00:00+08:00 ended at 2011-01-12T09:00:00+08:00',
      '1 objection filed, all resolved, none upheld',
      'commending would make 1 of 8 enrolled organizations commended, at most 25% allowed',
    ]);
    expect(report.campaigns).toEqual([
      expect.objectContaining({
        id: 'zz2010',
        phase: 'concluded',
        endsAt: '2012-12-31T23:59:59+08:00',
      }),
    ]);
    const states = Object.fromEntries(report.subjects.map((s) => [`${s.kind} ${s.id}`, s.state]));
    expect(states).toEqual({
      'member m-chen': 'committed',
      'member m-li': 'commended',
      'member m-wang': 'under-notice',
      'member m-zhang': 'evaluated',
      'organization o1': 'commended',
      'organization o2': 'commended',
      'organization o3': 'under-notice',
      'organization o4': 'evaluated',
      'organization o5': 'evaluated',
      'organization o6': 'not-commended',
      'organization o7': 'evaluated',
      'organization o8': 'enrolled',
    });
  });

  it('gives the same report when the exported log is replayed', async () => {
    const events = await readAll(store);
    const exported = events.map((e) => JSON.stringify(e)).join('\n');
    const replayed = buildReport(exported.split('\n').map((l) => JSON.parse(l) as StoredEvent));
    expect(replayed).toEqual(await readReport(engine));
    expect(replayed.honourRoll.map((h) => `${h.kind} ${h.id}`)).toEqual(expected.honourRoll);
  });
});
