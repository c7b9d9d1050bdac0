import * as t from 'io-ts';
import { oneOf } from '../codec/primitives.js';
import { MEMBER_CRITERIA, ORGANIZATION_CRITERIA, type Criterion } from '../domain/Ratings.js';
import { SUBJECT_KINDS, type SubjectKind } from '../domain/Subject.js';
import type { Verdict } from '../domain/Verdict.js';

/** One criterion's excellent+good ratings out of all. */
type CriterionCount = { criterion: Criterion; satisfied: number; total: number };

/** The subject read model (one document per subject stream): state, turnout, satisfaction, verdicts. */
export type SubjectDoc = {
  streamId: string;
  campaignId: string;
  kind: SubjectKind;
  id: string;
  name: string;
  orgId: string;
  category: string | null;
  /** The subject machine's state (`unenrolled` until the enrollment event is folded). */
  state: string;
  secretary: { id: string; name: string } | null;
  members: number;
  pledges: number;
  reviews: number;
  violations: number;
  evaluators: number;
  byCriterion: CriterionCount[];
  recommenders: number;
  objections: { filed: number; open: number; upheld: number };
  nominatedAt: string | null;
  notice: { startsAt: string; endsAt: string; days: number } | null;
  commendedAt: string | null;
  verdicts: { nomination: Verdict[]; notice: Verdict[]; commendation: Verdict[] };
};

const Count = t.number;
const VerdictShape = t.type({ ruleId: t.string, message: t.string });

/**
 * io-ts codec of a stored `SubjectDoc`: the report reads ~40k of them from a large store, so this
 * checks the shape directly (no generic JSON walk with paths), and `isSubjectDoc` narrows with it.
 */
const SubjectDocCodec = t.type({
  streamId: t.string,
  campaignId: t.string,
  kind: oneOf('SubjectKind', SUBJECT_KINDS),
  id: t.string,
  name: t.string,
  orgId: t.string,
  category: t.union([t.string, t.null]),
  state: t.string,
  secretary: t.union([t.type({ id: t.string, name: t.string }), t.null]),
  members: Count,
  pledges: Count,
  reviews: Count,
  violations: Count,
  evaluators: Count,
  byCriterion: t.array(
    t.type({
      criterion: oneOf('Criterion', [...ORGANIZATION_CRITERIA, ...MEMBER_CRITERIA]),
      satisfied: Count,
      total: Count,
    }),
  ),
  recommenders: Count,
  objections: t.type({ filed: Count, open: Count, upheld: Count }),
  nominatedAt: t.union([t.string, t.null]),
  notice: t.union([t.type({ startsAt: t.string, endsAt: t.string, days: Count }), t.null]),
  commendedAt: t.union([t.string, t.null]),
  verdicts: t.type({
    nomination: t.array(VerdictShape),
    notice: t.array(VerdictShape),
    commendation: t.array(VerdictShape),
  }),
});

// The codec and the type must describe the same documents.
const sameShape: [t.TypeOf<typeof SubjectDocCodec>, SubjectDoc] extends [
  SubjectDoc,
  t.TypeOf<typeof SubjectDocCodec>,
]
  ? true
  : false = true;
void sameShape;

/** Whether a stored document is a `SubjectDoc` (checked by `SubjectDocCodec`). Pure. */
export const isSubjectDoc = (u: unknown): u is SubjectDoc => SubjectDocCodec.is(u);
