import {
  SUBJECT_KINDS,
  criteriaOf,
  type Dashboard,
  type SubjectDoc,
  type SubjectKind,
} from '@strive/campaign';
import { percentOf, satisfactionChart, type ChartSpec } from './chartSpecs.js';
import { html, type Html } from './html.js';
import type { Section } from './Section.js';

const TITLES: Readonly<Record<SubjectKind, string>> = {
  organization: 'Organizations: the five goods',
  member: 'Members: the five exemplars',
};

const cell = (satisfied: number, total: number): Html => {
  const p = percentOf(satisfied, total);
  if (p === null) return html`<td class="num heat none">–</td>`;
  const hue = Math.round((Math.max(0, p - 50) / 50) * 120);
  return html`<td
    class="num heat"
    style="${`background:hsl(${hue} 70% 85%)`}"
    title="${`${satisfied} of ${total} ratings excellent or good`}"
  >
    ${p.toFixed(1)}%
  </td>`;
};

const kindPart = (
  id: string,
  kind: SubjectKind,
  docs: readonly SubjectDoc[],
  d: Dashboard,
): Section => {
  const criteria = criteriaOf(kind);
  const rated = docs.filter((s) => s.byCriterion.some((r) => r.total > 0));
  const chart = satisfactionChart(id, kind, rated);
  const height = Math.max(160, 60 + rated.length * criteria.length * 9);
  const count = (s: SubjectDoc, c: string) => s.byCriterion.find((r) => r.criterion === c);
  const all = (c: string) =>
    d.satisfactionByCriterion.find((r) => r.kind === kind && r.criterion === c);
  return {
    charts: rated.length === 0 ? [] : [chart],
    html: html`<figure class="satisfaction" data-kind="${kind}">
      <figcaption>${TITLES[kind]}: share of excellent and good ratings</figcaption>
      ${
        rated.length === 0
          ? html`<p>No ratings yet.</p>`
          : html`<div class="chart" style="${`height:${height}px`}">
              <canvas id="${id}" role="img" aria-label="${TITLES[kind]}"></canvas>
            </div>`
      }
      <div class="scroll">
        <table class="heat">
          <thead>
            <tr>
              <th>subject</th>
              ${criteria.map((c) => html`<th class="num">${c}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${docs.map(
              (s) =>
                html`<tr>
                  <td>${s.name} <small>${s.id}</small></td>
                  ${criteria.map((c) => {
                    const r = count(s, c);
                    return cell(r?.satisfied ?? 0, r?.total ?? 0);
                  })}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th>all ${kind}s</th>
              ${criteria.map((c) => {
                const r = all(c);
                return cell(r?.satisfied ?? 0, r?.total ?? 0);
              })}
            </tr>
          </tfoot>
        </table>
      </div>
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
