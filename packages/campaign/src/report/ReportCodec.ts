import * as t from 'io-ts';
import { oneOf } from '../codec/primitives.js';
import { PHASES, UNLAUNCHED } from '../domain/Phase.js';
import { SUBJECT_KINDS } from '../domain/Subject.js';
import type { Report, ReportSummary } from './Report.js';

const Kind = oneOf('SubjectKind', SUBJECT_KINDS);
const Status = oneOf('CampaignStatus', [...PHASES, UNLAUNCHED] as const);
const NullableText = t.union([t.string, t.null]);
const VerdictShape = t.type({ ruleId: t.string, message: t.string });

const CampaignLine = t.type({
  id: t.string,
  title: t.string,
  phase: Status,
  endsAt: NullableText,
  launchedAt: NullableText,
  concludedAt: NullableText,
});

const SubjectLine = t.type({
  campaignId: t.string,
  kind: Kind,
  id: t.string,
  name: t.string,
  state: t.string,
  evaluators: t.number,
  satisfaction: t.union([t.number, t.null]),
});

const HonourLine = t.type({
  campaignId: t.string,
  kind: Kind,
  id: t.string,
  name: t.string,
  commendedAt: t.string,
  verdicts: t.type({
    nomination: t.array(VerdictShape),
    notice: t.array(VerdictShape),
    commendation: t.array(VerdictShape),
  }),
});

const DashboardShape = t.type({
  campaignId: t.string,
  phase: Status,
  subjectsByState: t.record(t.string, t.number),
  turnout: t.type({
    evaluations: t.number,
    eligibleSubjects: t.number,
    evaluatedSubjects: t.number,
  }),
  satisfactionByCriterion: t.array(
    t.type({
      kind: Kind,
      criterion: t.string,
      satisfied: t.number,
      total: t.number,
      share: t.union([t.number, t.null]),
    }),
  ),
});

const ExemplarShape = t.type({
  kind: Kind,
  id: t.string,
  name: t.string,
  origin: oneOf('ExemplarOrigin', ['new', 'carried'] as const),
  commendations: t.array(t.type({ campaignId: t.string, commendedAt: t.string })),
});

/** io-ts codec of a stored `ReportSummary` (what `report` prints, read back from the report view). */
export const ReportSummaryCodec = t.type({
  campaigns: t.array(CampaignLine),
  dashboards: t.array(DashboardShape),
  honourRoll: t.array(HonourLine),
  subjectCount: t.number,
  firstSubjects: t.array(SubjectLine),
});

/** io-ts codec of the rest of a stored report: every subject line and the exemplars. */
export const ReportRestCodec = t.type({
  subjects: t.array(SubjectLine),
  exemplars: t.array(ExemplarShape),
});

// The codecs and the report types must describe the same values.
const sameSummary: t.TypeOf<typeof ReportSummaryCodec> extends ReportSummary ? true : false = true;
const sameRest: t.TypeOf<typeof ReportRestCodec> extends Pick<Report, 'subjects' | 'exemplars'>
  ? true
  : false = true;
void sameSummary;
void sameRest;
