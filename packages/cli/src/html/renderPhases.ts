import type { ReportCampaign, TimelineEntry } from '@strive/campaign';
import { phasesChart } from './chartSpecs.js';
import { html } from './html.js';
import { phaseSpans } from './phaseSpans.js';
import { showTime, type Section } from './Section.js';

/**
 * A campaign's phases on a timeline: the chart (phases as bars on a time axis, with "today", the time of
 * the log's last event, and the deadline marked) and the same dates as a table. Pure.
 */
export const renderPhases = (
  id: string,
  campaign: ReportCampaign,
  entries: readonly TimelineEntry[],
  today: string | null,
): Section => {
  const spans = phaseSpans(entries);
  const chart = phasesChart(id, spans, today, campaign.endsAt);
  const label = spans
    .filter((s) => s.start !== null)
    .map((s) => `${s.phase} from ${showTime(s.start)}`)
    .join('; ');
  return {
    charts: [chart],
    html: html` <div class="chart chart-phases">
        <canvas id="${id}" role="img" aria-label="${`Phases: ${label}`}"></canvas>
      </div>
      <p class="today">
        Today (the last event in the log): <strong>${showTime(today)}</strong>; deadline
        ${showTime(campaign.endsAt)}.
      </p>
      <div class="scroll">
        <table class="phases">
          <thead>
            <tr>
              <th>phase</th>
              <th>from</th>
              <th>to</th>
              <th>status</th>
            </tr>
          </thead>
          <tbody>
            ${spans.map(
              (s) =>
                html`<tr class="${`phase-${s.status}`}" data-phase="${s.phase}">
                  <td>${s.phase}</td>
                  <td>${showTime(s.start)}</td>
                  <td>${s.status === 'current' ? 'running' : showTime(s.end)}</td>
                  <td>${s.status}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  };
};
