import { campaignStreamId, type Exemplar, type TimelineEntry } from '@strive/campaign';
import type { ChartSpec } from './chartSpecs.js';
import { CLIENT_SCRIPT } from './clientScript.js';
import { html, jsonForScript, raw, scriptForInline, type Html } from './html.js';
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

/** The time of the log's last event (highest global position) among the timelines, or null. Pure. */
export const lastEventAt = (
  timelines: ReadonlyMap<string, readonly TimelineEntry[]>,
): string | null => {
  let last: TimelineEntry | null = null;
  for (const entries of timelines.values())
    for (const e of entries) if (last === null || e.globalPosition > last.globalPosition) last = e;
  return last?.at ?? null;
};

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
      <div class="honour" data-campaign="${c.id}">${renderHonourRoll(honour, data.objections)}</div>
      <h3>Timelines</h3>
      <p class="muted">
        Every recorded event, who did it and when (refused commands are not in the log).
      </p>
      ${renderTimeline(html`<strong>Campaign ${c.id}</strong>`, stream, entries)}
      ${renderSubjectTimelines(subjects, data.timelines)}
    </section>`,
  };
};

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
  const today = lastEventAt(data.timelines);
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
