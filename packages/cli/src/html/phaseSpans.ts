import { PHASES, nextPhase, type Phase, type TimelineEntry } from '@strive/campaign';

/** A phase of a campaign on its timeline: when it began and ended (null while ahead or still running). */
export interface PhaseSpan {
  readonly phase: Phase;
  readonly start: string | null;
  readonly end: string | null;
  readonly status: 'done' | 'current' | 'ahead' | 'skipped';
}

/**
 * The phases of a campaign from its stream's timeline: `CampaignLaunched` starts `mobilizing`, each
 * `PhaseAdvanced` ends the running phase and starts the next one (the machine only advances one phase
 * at a time), `CampaignConcluded` ends the running phase and marks `concluded` (phases never reached
 * are then `skipped`). Pure.
 * @example phaseSpans(entries)[0] // { phase: 'mobilizing', start: '2010-05-10T09:00:00+08:00', end: …, status: 'done' }
 */
export const phaseSpans = (entries: readonly TimelineEntry[]): readonly PhaseSpan[] => {
  const starts = new Map<Phase, string>();
  const ends = new Map<Phase, string>();
  let current: Phase | null = null;
  for (const e of [...entries].sort((a, b) => a.position - b.position)) {
    if (e.type === 'CampaignLaunched' && current === null) {
      current = 'mobilizing';
      starts.set(current, e.at);
    } else if (e.type === 'PhaseAdvanced' && current !== null) {
      const next = nextPhase(current);
      if (next === null) continue;
      ends.set(current, e.at);
      starts.set(next, e.at);
      current = next;
    } else if (e.type === 'CampaignConcluded' && current !== null && current !== 'concluded') {
      ends.set(current, e.at);
      starts.set('concluded', e.at);
      ends.set('concluded', e.at);
      current = 'concluded';
    }
  }
  return PHASES.map((phase) => {
    const start = starts.get(phase) ?? null;
    const end = ends.get(phase) ?? null;
    const status =
      phase === current
        ? phase === 'concluded'
          ? 'done'
          : 'current'
        : start !== null
          ? 'done'
          : current === 'concluded'
            ? 'skipped'
            : 'ahead';
    return { phase, start, end, status };
  });
};
