import { campaignStreamId, type Exemplar, type HonourEntry } from '@strive/campaign';
import type { ChartSpec } from './chartSpecs.js';
import { CLIENT_SCRIPT } from './clientScript.js';
import { html, jsonForScript, raw, scriptForInline, type Html } from './html.js';
import { PAGE_LIMITS } from './pageLimits.js';
import { pagedTable } from './pagedTable.js';
import { PAGE_STYLE } from './pageStyle.js';
import { renderDashboard } from './renderDashboard.js';
import { renderHonourRoll } from './renderHonourRoll.js';
import { renderIntegrity } from './renderIntegrity.js';
import { renderPhases } from './renderPhases.js';
import { renderSatisfaction } from './renderSatisfaction.js';
import { renderStatecharts } from './renderStatecharts.js';
import { renderSubjectTimelines, renderTimeline } from './renderTimelines.js';
import type { PageAssets, ReportPageData } from './ReportPageData.js';
import { showTime, type Section } from './Section.js';

const campaignSection = (
  data: ReportPageData,
  index: number,
  today: string | null,
): Section | null => {
  const c = data.report.campaigns[index];
  const d = data.report.dashboards.find((x) => x.campaignId === c?.id);
  if (c === undefined || d === undefined) return null;
  const id = `c${index}`;
  const stream = campaignStreamId(c.id);
  const entries = data.timelines.get(stream) ?? [];
  const phases = renderPhases(`${id}-phases`, c, entries, today);
  const dashboard = renderDashboard(id, d);
  const satisfaction = renderSatisfaction(id, d, data.subjectDocs);
  const honour = data.report.honourRoll.filter((h) => h.campaignId === c.id);
  const subjects = data.report.subjects.filter((s) => s.campaignId === c.id);
  return {
    charts: [...phases.charts, ...dashboard.charts, ...satisfaction.charts],
    html: html`<section class="campaign" id="${`campaign-${index}`}" data-campaign="${c.id}">
      <h2>${c.title} <small>${c.id}</small></h2>
      <p>
        Phase <strong>${c.phase}</strong>; launched ${showTime(c.launchedAt)}; deadline
        ${showTime(c.endsAt)}${c.concludedAt === null ? '' : `; concluded ${showTime(c.concludedAt)}`}.
      </p>
      <h3>Phases</h3>
      ${phases.html}
      <h3>Subjects and turnout</h3>
      ${dashboard.html}
      <h3>Satisfaction by criterion</h3>
      ${satisfaction.html}
      <h3 id="${`honour-roll-${index}`}">Honour roll (${honour.length})</h3>
      <div class="honour" data-campaign="${c.id}">
        ${renderHonourRoll(honour.slice(0, PAGE_LIMITS.honourDetailed), data.objections)}
        ${honourList(`${id}-honour`, honour.slice(PAGE_LIMITS.honourDetailed))}
      </div>
      <h3>Timelines</h3>
      <p class="muted">
        Every recorded event, who did it and when (refused commands are not in the log).
      </p>
      ${renderTimeline(html`<strong>Campaign ${c.id}</strong>`, stream, entries)}
      ${renderSubjectTimelines(subjects.slice(0, PAGE_LIMITS.timelineSubjects), data.timelines)}
      ${
        subjects.length > PAGE_LIMITS.timelineSubjects
          ? html`<p class="muted">
              The timelines of the first ${PAGE_LIMITS.timelineSubjects} of ${subjects.length}
              subjects; <code>strive timeline STREAM</code> prints any other.
            </p>`
          : ''
      }
    </section>`,
  };
};

/** The honour-roll entries after the detailed ones: name, kind, id and time, paged. Pure. */
const honourList = (id: string, rest: readonly HonourEntry[]): Html =>
  rest.length === 0
    ? html``
    : html`<p>
          ${rest.length} more commended, in order (their verdicts:
          <code>strive report --json</code>):
        </p>
        ${pagedTable(
          id,
          'honour-list',
          html`<tr>
            <th>name</th>
            <th>kind</th>
            <th>id</th>
            <th>commended</th>
          </tr>`,
          rest.map((h) => [h.name, h.kind, h.id, showTime(h.commendedAt)]),
        )}`;

const exemplars = (list: readonly Exemplar[]): Html =>
  list.length === 0
    ? html`<p class="muted">No exemplars yet.</p>`
    : html`<div class="scroll">
        <table class="exemplars">
          <thead>
            <tr>
              <th>name</th>
              <th>kind</th>
              <th>id</th>
              <th>origin</th>
              <th>commended</th>
            </tr>
          </thead>
          <tbody>
            ${list.map(
              (e) =>
                html`<tr>
                  <td>${e.name}</td>
                  <td>${e.kind}</td>
                  <td>${e.id}</td>
                  <td>${e.origin}</td>
                  <td>
                    ${e.commendations.map((c) => `${c.campaignId} ${showTime(c.commendedAt)}`).join('; ')}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;

/**
 * The campaign report as one self-contained HTML page: tables drawn here (readable without JavaScript),
 * charts and statecharts drawn in the browser by the inlined Chart.js and Mermaid, no external request.
 * Every piece of data is escaped. Pure.
 * @example await writeFile('report.html', renderReportPage(data, await loadPageAssets()));
 */
export const renderReportPage = (data: ReportPageData, assets: PageAssets): string => {
  const today = data.today;
  const sections = data.report.campaigns.flatMap((_, i) => campaignSection(data, i, today) ?? []);
  const charts: ChartSpec[] = sections.flatMap((s) => s.charts);
  const title = `Campaign report: ${data.report.campaigns.map((c) => c.id).join(', ') || 'no campaign yet'}`;
  const script = (code: string): Html =>
    html`<script>
      ${raw(scriptForInline(code))};
    </script>`;
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"
        />
        <title>${title}</title>
        <style>
          ${raw(PAGE_STYLE)}
        </style>
      </head>
      <body>
        <header class="page">
          <h1>${title}</h1>
          <p class="muted">
            Read from the projections of ${data.source} at head position
            ${data.integrity.head.globalPosition}; made ${showTime(data.generatedAt)}.
          </p>
        </header>
        <main>
          ${sections.map((s) => s.html)}
          <h2>Exemplars</h2>
          ${exemplars(data.report.exemplars)}
          <h2>Statecharts</h2>
          ${renderStatecharts(data.report, data.diagrams)}
          <h2 id="integrity">Tamper evidence</h2>
          ${renderIntegrity(data.integrity, data.source)}
        </main>
        <footer>
          Strive campaign report: one file, no network; charts by Chart.js, statecharts by Mermaid.
        </footer>
        <script type="application/json" id="strive-data">
          ${raw(jsonForScript({ charts }))}
        </script>
        ${script(assets.chartJs)}${script(assets.chartAnnotation)}${script(assets.mermaid)}${script(CLIENT_SCRIPT)}
      </body>
    </html>`.value
  }\n`;
};
