import { SUBJECT_STATES, type Dashboard } from '@strive/campaign';
import { statesChart, turnoutChart } from './chartSpecs.js';
import { html } from './html.js';
import type { Section } from './Section.js';

/**
 * A campaign's subjects by state (a bar per lifecycle state) and its evaluation turnout, each as a chart
 * beside a table with the same numbers. Pure.
 */
export const renderDashboard = (idPrefix: string, d: Dashboard): Section => {
  const states = statesChart(`${idPrefix}-states`, d);
  const turnout = turnoutChart(`${idPrefix}-turnout`, d);
  const t = d.turnout;
  return {
    charts: [states, turnout],
    html: html` <div class="grid">
      <figure>
        <figcaption>Subjects by state</figcaption>
        <div class="chart">
          <canvas id="${states.id}" role="img" aria-label="Subjects by state"></canvas>
        </div>
        <div class="scroll">
          <table class="states">
            <thead>
              <tr>
                <th>state</th>
                <th class="num">subjects</th>
              </tr>
            </thead>
            <tbody>
              ${SUBJECT_STATES.map(
                (s, i) =>
                  html`<tr data-state="${s}">
                    <td>${s}</td>
                    <td class="num">${states.values[i] ?? 0}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </figure>
      <figure>
        <figcaption>Evaluation turnout</figcaption>
        <div class="chart">
          <canvas id="${turnout.id}" role="img" aria-label="Evaluation turnout"></canvas>
        </div>
        <div class="scroll">
          <table class="turnout">
            <tbody>
              <tr>
                <th>evaluations</th>
                <td class="num">${t.evaluations}</td>
              </tr>
              <tr>
                <th>eligible subjects (committed or further)</th>
                <td class="num">${t.eligibleSubjects}</td>
              </tr>
              <tr>
                <th>subjects evaluated</th>
                <td class="num">${t.evaluatedSubjects}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </figure>
    </div>`,
  };
};
