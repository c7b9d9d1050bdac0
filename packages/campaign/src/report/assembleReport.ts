import type { CampaignDoc } from '../projections/CampaignDoc.js';
import type { ExemplarDoc } from '../projections/ExemplarDoc.js';
import type { SubjectDoc } from '../projections/SubjectDoc.js';
import { toMillis } from '../domain/time.js';
import type { Dashboard, Exemplar, HonourEntry, Report } from './Report.js';

const byTime = (a: string, b: string): number => toMillis(a) - toMillis(b);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const shareOf = (satisfied: number, total: number): number | null =>
  total === 0 ? null : satisfied / total;

const dashboardOf = (c: CampaignDoc, subjects: readonly SubjectDoc[]): Dashboard => {
  const mine = subjects.filter((s) => s.campaignId === c.campaignId);
  const subjectsByState: Record<string, number> = {};
  for (const s of mine) subjectsByState[s.state] = (subjectsByState[s.state] ?? 0) + 1;
  const rows = new Map<
    string,
    { kind: SubjectDoc['kind']; criterion: string; satisfied: number; total: number }
  >();
  // Counters are updated in place: one row object per (kind, criterion), not one per subject.
  for (const s of mine)
    for (const r of s.byCriterion) {
      const key = `${s.kind}:${r.criterion}`;
      let row = rows.get(key);
      if (row === undefined) {
        row = { kind: s.kind, criterion: r.criterion, satisfied: 0, total: 0 };
        rows.set(key, row);
      }
      row.satisfied += r.satisfied;
      row.total += r.total;
    }
  return {
    campaignId: c.campaignId,
    phase: c.phase,
    subjectsByState,
    turnout: {
      evaluations: mine.reduce((n, s) => n + s.evaluators, 0),
      eligibleSubjects: mine.filter((s) => s.state !== 'enrolled').length,
      evaluatedSubjects: mine.filter((s) => s.evaluators > 0).length,
    },
    satisfactionByCriterion: [...rows.values()].map((r) => ({
      ...r,
      share: shareOf(r.satisfied, r.total),
    })),
  };
};

const exemplarsOf = (
  campaigns: readonly CampaignDoc[],
  docs: readonly ExemplarDoc[],
): Exemplar[] => {
  const latest = [...campaigns]
    .filter((c) => c.launchedAt !== null)
    .sort((a, b) => byTime(a.launchedAt ?? '', b.launchedAt ?? ''))
    .at(-1)?.campaignId;
  return docs
    .filter((d) => d.commendations.length > 0)
    .map((d) => {
      const commendations = [...d.commendations].sort((a, b) =>
        byTime(a.commendedAt, b.commendedAt),
      );
      const first = commendations[0]?.campaignId;
      return {
        kind: d.kind,
        id: d.id,
        name: d.name,
        origin: first === latest ? 'new' : 'carried',
        commendations,
      } as const;
    })
    .sort((a, b) =>
      byTime(a.commendations[0]?.commendedAt ?? '', b.commendations[0]?.commendedAt ?? ''),
    );
};

/**
 * The report from read-model documents: campaigns, subjects (enrolled ones, with evaluators and
 * satisfaction), the honour roll ordered by commendedAt (ties by campaign, kind, id), dashboards and
 * exemplars. The same function serves `report` (documents from projections) and `replay` (documents
 * folded from an event list by `buildReport`), so both print the same shape. Pure.
 */
export const assembleReport = (
  campaignDocs: readonly CampaignDoc[],
  subjectDocs: readonly SubjectDoc[],
  exemplarDocs: readonly ExemplarDoc[],
): Report => {
  const campaigns = campaignDocs.filter((c) => c.phase !== 'unlaunched');
  const subjects = subjectDocs
    .filter((s) => s.state !== 'unenrolled')
    .sort((a, b) => compareText(a.streamId, b.streamId));
  const honourRoll: HonourEntry[] = subjects
    .filter((s) => s.state === 'commended' && s.commendedAt !== null)
    .map((s) => ({
      campaignId: s.campaignId,
      kind: s.kind,
      id: s.id,
      name: s.name,
      commendedAt: s.commendedAt ?? '',
      verdicts: s.verdicts,
    }))
    .sort(
      (a, b) =>
        byTime(a.commendedAt, b.commendedAt) ||
        compareText(`${a.campaignId}:${a.kind}:${a.id}`, `${b.campaignId}:${b.kind}:${b.id}`),
    );
  return {
    campaigns: campaigns.map((c) => ({
      id: c.campaignId,
      title: c.title,
      phase: c.phase,
      endsAt: c.endsAt,
      launchedAt: c.launchedAt,
      concludedAt: c.concludedAt,
    })),
    subjects: subjects.map((s) => {
      const satisfied = s.byCriterion.reduce((n, r) => n + r.satisfied, 0);
      const total = s.byCriterion.reduce((n, r) => n + r.total, 0);
      return {
        campaignId: s.campaignId,
        kind: s.kind,
        id: s.id,
        name: s.name,
        state: s.state,
        evaluators: s.evaluators,
        satisfaction: shareOf(satisfied, total),
      };
    }),
    honourRoll,
    dashboards: campaigns.map((c) => dashboardOf(c, subjects)),
    exemplars: exemplarsOf(campaigns, exemplarDocs),
  };
};
