import type { CampaignStatus } from '../domain/Phase.js';
import type { SubjectKind } from '../domain/Subject.js';
import type { Verdict } from '../domain/Verdict.js';

/** A campaign line of the report. */
export type ReportCampaign = {
  readonly id: string;
  readonly title: string;
  readonly phase: CampaignStatus;
  readonly endsAt: string | null;
  readonly launchedAt: string | null;
  readonly concludedAt: string | null;
};

/** A subject line of the report: `satisfaction` is the share of excellent+good ratings, or null without any. */
export type ReportSubject = {
  readonly campaignId: string;
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly evaluators: number;
  readonly satisfaction: number | null;
};

/** A line of the honour roll, with the verdicts that let the subject through at each step. */
export type HonourEntry = {
  readonly campaignId: string;
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly commendedAt: string;
  readonly verdicts: {
    readonly nomination: readonly Verdict[];
    readonly notice: readonly Verdict[];
    readonly commendation: readonly Verdict[];
  };
};

/** A campaign's dashboard: phase, subjects by state, evaluation turnout, satisfaction by criterion. */
export type Dashboard = {
  readonly campaignId: string;
  readonly phase: CampaignStatus;
  readonly subjectsByState: Readonly<Record<string, number>>;
  readonly turnout: {
    readonly evaluations: number;
    /** Subjects that could be evaluated (committed or further along). */
    readonly eligibleSubjects: number;
    readonly evaluatedSubjects: number;
  };
  readonly satisfactionByCriterion: readonly {
    readonly kind: SubjectKind;
    readonly criterion: string;
    readonly satisfied: number;
    readonly total: number;
    readonly share: number | null;
  }[];
};

/** A commended subject of the store; `origin` says whether its first commendation is in the latest campaign. */
export type Exemplar = {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly origin: 'new' | 'carried';
  readonly commendations: readonly { readonly campaignId: string; readonly commendedAt: string }[];
};

/** What `strive report --json` and `strive replay --json` print. */
export type Report = {
  readonly campaigns: readonly ReportCampaign[];
  readonly subjects: readonly ReportSubject[];
  readonly honourRoll: readonly HonourEntry[];
  readonly dashboards: readonly Dashboard[];
  readonly exemplars: readonly Exemplar[];
};

/**
 * What `strive report` prints: a report without exemplars, its subject lines counted and only the
 * first `SUMMARY_SUBJECT_LINES` kept (`summarizeReport`).
 */
export type ReportSummary = {
  readonly campaigns: readonly ReportCampaign[];
  readonly dashboards: readonly Dashboard[];
  readonly honourRoll: readonly HonourEntry[];
  readonly subjectCount: number;
  readonly firstSubjects: readonly ReportSubject[];
};
