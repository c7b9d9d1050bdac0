import type { Criterion } from '../domain/Ratings.js';
import type { SubjectKind } from '../domain/Subject.js';
import type { Verdict } from '../domain/Verdict.js';

/** One criterion's excellent+good ratings out of all. */
export type CriterionCount = { criterion: Criterion; satisfied: number; total: number };

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
