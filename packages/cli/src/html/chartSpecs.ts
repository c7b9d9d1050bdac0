import {
  SUBJECT_STATES,
  criteriaOf,
  type Dashboard,
  type SubjectDoc,
  type SubjectKind,
} from '@strive/campaign';
import type { PhaseSpan } from './phaseSpans.js';

/** Subjects by state: one bar per lifecycle state, in lifecycle order. */
export interface StatesChart {
  readonly type: 'states';
  readonly id: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
}

/** Evaluation turnout: eligible subjects evaluated or not, and the number of evaluations. */
export interface TurnoutChart {
  readonly type: 'turnout';
  readonly id: string;
  readonly evaluated: number;
  readonly notEvaluated: number;
  readonly evaluations: number;
}

/** Satisfaction (percent, null without ratings) of each subject of a kind on each of its five criteria. */
export interface SatisfactionChart {
  readonly type: 'satisfaction';
  readonly id: string;
  readonly subjects: readonly string[];
  readonly criteria: readonly string[];
  /** `shares[c][s]`: criterion c, subject s. */
  readonly shares: readonly (readonly (number | null)[])[];
}

/** The phases on a time axis (epoch milliseconds), with the last event ("today") and the deadline. */
export interface PhasesChart {
  readonly type: 'phases';
  readonly id: string;
  readonly phases: readonly {
    readonly label: string;
    readonly start: number;
    readonly end: number;
  }[];
  readonly today: number | null;
  readonly deadline: number | null;
}

/** The data of one chart of the page, drawn by the page's script with Chart.js. */
export type ChartSpec = StatesChart | TurnoutChart | SatisfactionChart | PhasesChart;

/** The subjects-by-state chart of a dashboard (every lifecycle state, zero included). Pure. */
export const statesChart = (id: string, d: Dashboard): StatesChart => ({
  type: 'states',
  id,
  labels: SUBJECT_STATES,
  values: SUBJECT_STATES.map((s) => d.subjectsByState[s] ?? 0),
});

/** The turnout chart of a dashboard. Pure. */
export const turnoutChart = (id: string, d: Dashboard): TurnoutChart => ({
  type: 'turnout',
  id,
  evaluated: d.turnout.evaluatedSubjects,
  notEvaluated: Math.max(0, d.turnout.eligibleSubjects - d.turnout.evaluatedSubjects),
  evaluations: d.turnout.evaluations,
});

/** A criterion's share as a percent with one decimal, or null without ratings. Pure. */
export const percentOf = (satisfied: number, total: number): number | null =>
  total === 0 ? null : Math.round((1000 * satisfied) / total) / 10;

/** The satisfaction chart of the subjects of one kind (in the order given). Pure. */
export const satisfactionChart = (
  id: string,
  kind: SubjectKind,
  subjects: readonly SubjectDoc[],
): SatisfactionChart => {
  const criteria = criteriaOf(kind);
  return {
    type: 'satisfaction',
    id,
    subjects: subjects.map((s) => s.name),
    criteria,
    shares: criteria.map((c) =>
      subjects.map((s) => {
        const row = s.byCriterion.find((r) => r.criterion === c);
        return row === undefined ? null : percentOf(row.satisfied, row.total);
      }),
    ),
  };
};

const millis = (iso: string | null): number | null => {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
};

/** The phases chart: every phase that began, the running one drawn up to "today". Pure. */
export const phasesChart = (
  id: string,
  spans: readonly PhaseSpan[],
  today: string | null,
  deadline: string | null,
): PhasesChart => {
  const todayMs = millis(today);
  const phases = spans.flatMap((s) => {
    const start = millis(s.start);
    const end = millis(s.end) ?? todayMs ?? start;
    return start === null || end === null
      ? []
      : [{ label: s.phase, start, end: Math.max(start, end) }];
  });
  return { type: 'phases', id, phases, today: todayMs, deadline: millis(deadline) };
};
