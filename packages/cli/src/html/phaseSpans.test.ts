import type { TimelineEntry } from '@strive/campaign';
import { describe, expect, it } from 'vitest';
import { phaseSpans } from './phaseSpans.js';

const entry = (position: number, type: string, at: string): TimelineEntry => ({
  position,
  globalPosition: position,
  type,
  at,
  actor: { id: 'cc', role: 'committee' },
  commandId: `c${position}`,
});

describe('phaseSpans', () => {
  it('starts each phase when it was entered and marks the running one current', () => {
    const spans = phaseSpans([
      entry(1, 'CampaignLaunched', '2010-05-10T09:00:00+08:00'),
      entry(2, 'OrganizationRegistered', '2010-05-11T09:00:00+08:00'),
      entry(3, 'PhaseAdvanced', '2010-06-01T09:00:00+08:00'),
    ]);
    expect(spans.map((s) => [s.phase, s.start, s.end, s.status])).toEqual([
      ['mobilizing', '2010-05-10T09:00:00+08:00', '2010-06-01T09:00:00+08:00', 'done'],
      ['committing', '2010-06-01T09:00:00+08:00', null, 'current'],
      ['evaluating', null, null, 'ahead'],
      ['commending', null, null, 'ahead'],
      ['concluded', null, null, 'ahead'],
    ]);
  });

  it('ends the running phase at the conclusion and marks phases never reached as skipped', () => {
    const spans = phaseSpans([
      entry(3, 'PhaseAdvanced', '2010-06-01T09:00:00+08:00'),
      entry(1, 'CampaignLaunched', '2010-05-10T09:00:00+08:00'),
      entry(4, 'CampaignConcluded', '2013-01-03T09:00:00+08:00'),
    ]);
    expect(spans.map((s) => s.status)).toEqual(['done', 'done', 'skipped', 'skipped', 'done']);
    expect(spans[1]?.end).toBe('2013-01-03T09:00:00+08:00');
    expect(spans[4]).toMatchObject({ start: '2013-01-03T09:00:00+08:00', status: 'done' });
  });

  it('shows every phase ahead before the launch', () => {
    expect(phaseSpans([])).toEqual(
      ['mobilizing', 'committing', 'evaluating', 'commending', 'concluded'].map((phase) => ({
        phase,
        start: null,
        end: null,
        status: 'ahead',
      })),
    );
  });
});
