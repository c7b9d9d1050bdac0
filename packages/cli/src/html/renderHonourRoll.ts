import { subjectStreamId, type HonourEntry, type Objection, type Verdict } from '@strive/campaign';
import { html, type Html } from './html.js';
import { showTime } from './Section.js';

const STEPS = [
  ['nomination', 'Nominated'],
  ['notice', 'Public notice'],
  ['commendation', 'Commended'],
] as const;

const verdictList = (verdicts: readonly Verdict[]): Html =>
  verdicts.length === 0
    ? html`<p class="muted">no rule recorded</p>`
    : html`<ul class="verdicts">
        ${verdicts.map((v) => html`<li><code>${v.ruleId}</code> ${v.message}</li>`)}
      </ul>`;

const objectionItem = (o: Objection): Html =>
  html`<li class="objection">
    <strong>${o.objectionId}</strong> filed ${showTime(o.at)} by ${o.filedBy.role} ${o.filedBy.id}:
    “${o.reason}”
    ${
      o.resolution === null
        ? html`<br /><em>not resolved</em>`
        : html`<br />${o.resolution.upheld ? 'upheld' : 'not upheld'} ${showTime(o.resolution.at)};
            finding: “${o.resolution.finding}”`
    }
  </li>`;

/**
 * The honour roll of a campaign: for each commended subject, when, the verdicts (rule and explanation)
 * that let it through at nomination, notice and commendation, and every objection filed with its
 * finding. Pure.
 */
export const renderHonourRoll = (
  entries: readonly HonourEntry[],
  objections: ReadonlyMap<string, readonly Objection[]>,
): Html =>
  entries.length === 0
    ? html`<p class="honour-empty">No subject commended yet.</p>`
    : html`<ol class="honour-roll">
        ${entries.map((e) => {
          const filed = objections.get(subjectStreamId(e.campaignId, e)) ?? [];
          return html`<li class="honour-entry" data-kind="${e.kind}" data-id="${e.id}">
            <h4>${e.name} <small>${e.kind} ${e.id}</small></h4>
            <p>Commended ${showTime(e.commendedAt)}</p>
            <div class="steps">
              ${STEPS.map(
                ([step, title]) =>
                  html`<div>
                    <h5>${title}</h5>
                    ${verdictList(e.verdicts[step])}
                  </div>`,
              )}
            </div>
            <h5>Objections</h5>
            ${
              filed.length === 0
                ? html`<p class="muted">none filed</p>`
                : html`<ul class="objections">
                    ${filed.map(objectionItem)}
                  </ul>`
            }
          </li>`;
        })}
      </ol>`;
