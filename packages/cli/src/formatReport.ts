import type { ReportSummary } from '@strive/campaign';
import { printable } from './printable.js';
import { formatTable } from './table.js';

const pct = (share: number | null): string =>
  share === null ? '-' : `${(share * 100).toFixed(1)}%`;
const MAX_SUBJECT_ROWS = 60;

/**
 * A report's summary as a person reads it: campaigns, each dashboard (subjects by state, turnout,
 * satisfaction by criterion), subjects (up to 60 rows), and the honour roll with the rules that let each
 * subject through. Pure.
 */
export const formatReport = (r: ReportSummary): string => {
  const parts: string[] = [];
  parts.push(
    'Campaigns\n' +
      formatTable(
        ['id', 'title', 'phase', 'ends'],
        r.campaigns.map((c) => [c.id, c.title, c.phase, c.endsAt ?? '-']),
      ),
  );
  for (const d of r.dashboards) {
    const states = Object.entries(d.subjectsByState).map(([s, n]) => [s, String(n)]);
    parts.push(
      `Dashboard of ${printable(d.campaignId)} (${printable(d.phase)}): ${d.turnout.evaluations} evaluations, ` +
        `${d.turnout.evaluatedSubjects} of ${d.turnout.eligibleSubjects} eligible subjects evaluated\n` +
        formatTable(['state', 'subjects'], states) +
        formatTable(
          ['kind', 'criterion', 'satisfied', 'ratings', 'share'],
          d.satisfactionByCriterion.map((s) => [
            s.kind,
            s.criterion,
            String(s.satisfied),
            String(s.total),
            pct(s.share),
          ]),
        ),
    );
  }
  const shown = r.firstSubjects.slice(0, MAX_SUBJECT_ROWS);
  parts.push(
    `Subjects (${r.subjectCount}${r.subjectCount > shown.length ? `, first ${shown.length} shown; --json lists all` : ''})\n` +
      formatTable(
        ['campaign', 'kind', 'id', 'name', 'state', 'evaluators', 'satisfaction'],
        shown.map((s) => [
          s.campaignId,
          s.kind,
          s.id,
          s.name,
          s.state,
          String(s.evaluators),
          pct(s.satisfaction),
        ]),
      ),
  );
  parts.push(
    `Honour roll (${r.honourRoll.length})\n` +
      (r.honourRoll.length === 0
        ? 'nobody commended yet\n'
        : formatTable(
            ['commended', 'campaign', 'kind', 'id', 'name', 'let through by'],
            r.honourRoll.map((h) => [
              h.commendedAt,
              h.campaignId,
              h.kind,
              h.id,
              h.name,
              [...h.verdicts.nomination, ...h.verdicts.notice, ...h.verdicts.commendation]
                .map((v) => v.ruleId)
                .filter((id, i, all) => all.indexOf(id) === i)
                .join(', '),
            ]),
          )),
  );
  return parts.join('\n');
};
