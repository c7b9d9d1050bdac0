import {
  SUBJECT_KINDS,
  criteriaOf,
  type Dashboard,
  type SubjectDoc,
  type SubjectKind,
} from '@strive/campaign';
import { satisfactionChart, type ChartSpec } from './chartSpecs.js';
import { html } from './html.js';
import { PAGE_LIMITS } from './pageLimits.js';
import { heatCell, pagedTable, type PagedCell } from './pagedTable.js';
import type { Section } from './Section.js';

const TITLES: Readonly<Record<SubjectKind, string>> = {
  organization: 'Organizations: the five goods',
  member: 'Members: the five exemplars',
};

const overall = (s: SubjectDoc): number => {
  const satisfied = s.byCriterion.reduce((n, r) => n + r.satisfied, 0);
  const total = s.byCriterion.reduce((n, r) => n + r.total, 0);
  return total === 0 ? 0 : satisfied / total;
};

/** The rated subjects the chart compares: all of them, or the highest shares when there are more. */
const charted = (rated: readonly SubjectDoc[]): readonly SubjectDoc[] =>
  rated.length <= PAGE_LIMITS.chartSubjects
    ? rated
    : rated
        .map((s) => ({ s, share: overall(s) }))
        .sort((a, b) => b.share - a.share)
        .slice(0, PAGE_LIMITS.chartSubjects)
        .map(({ s }) => s);

const kindPart = (
  id: string,
  kind: SubjectKind,
  docs: readonly SubjectDoc[],
  d: Dashboard,
): Section => {
  const criteria = criteriaOf(kind);
  const rated = docs.filter((s) => s.byCriterion.some((r) => r.total > 0));
  const shown = charted(rated);
  const chart = satisfactionChart(id, kind, shown);
  const height = Math.max(160, 60 + shown.length * criteria.length * 9);
  const count = (s: SubjectDoc, c: string) => s.byCriterion.find((r) => r.criterion === c);
  const all = (c: string) =>
    d.satisfactionByCriterion.find((r) => r.kind === kind && r.criterion === c);
  const rows = docs.map((s): PagedCell[] => [
    `${s.name} (${s.id})`,
    ...criteria.map((c): PagedCell => {
      const r = count(s, c);
      return [r?.satisfied ?? 0, r?.total ?? 0];
    }),
  ]);
  return {
    charts: rated.length === 0 ? [] : [chart],
    html: html`<figure class="satisfaction" data-kind="${kind}">
      <figcaption>
        ${TITLES[kind]}: share of excellent and good
        ratings${
          shown.length < rated.length
            ? ` (the chart: the ${shown.length} highest of ${rated.length} rated)`
            : ''
        }
      </figcaption>
      ${
        rated.length === 0
          ? html`<p>No ratings yet.</p>`
          : html`<div class="chart" style="${`height:${height}px`}">
              <canvas id="${id}" role="img" aria-label="${TITLES[kind]}"></canvas>
            </div>`
      }
      ${pagedTable(
        `${id}-table`,
        'heat',
        html`<tr>
          <th>subject</th>
          ${criteria.map((c) => html`<th class="num">${c}</th>`)}
        </tr>`,
        rows,
        html`<tr>
          <th>all ${kind}s</th>
          ${criteria.map((c) => {
            const r = all(c);
            return heatCell(r?.satisfied ?? 0, r?.total ?? 0);
          })}
        </tr>`,
      )}
    </figure>`,
  };
};

/**
 * Satisfaction by criterion of a campaign: for each kind with subjects, a chart comparing the subjects on
 * their five criteria (subjects without ratings left out) and a colour-graded table of every subject,
 * with the campaign's total. Pure.
 */
export const renderSatisfaction = (
  idPrefix: string,
  d: Dashboard,
  subjectDocs: readonly SubjectDoc[],
): Section => {
  const parts = SUBJECT_KINDS.flatMap((kind) => {
    const docs = subjectDocs.filter(
      (s) => s.campaignId === d.campaignId && s.kind === kind && s.state !== 'unenrolled',
    );
    return docs.length === 0 ? [] : [kindPart(`${idPrefix}-satisfaction-${kind}`, kind, docs, d)];
  });
  const charts: ChartSpec[] = parts.flatMap((p) => p.charts);
  return { charts, html: html`<div class="stack">${parts.map((p) => p.html)}</div>` };
};
