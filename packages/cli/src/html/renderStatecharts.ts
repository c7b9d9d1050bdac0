import type { Report } from '@strive/campaign';
import { highlightDiagram } from './highlightDiagram.js';
import { html, type Html } from './html.js';

const countBy = (values: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

const figure = (name: string, caption: string, source: string): Html =>
  html`<figure class="statechart" data-machine="${name}">
    <figcaption>${caption}</figcaption>
    <pre class="mermaid">${source}</pre>
  </figure>`;

/**
 * The campaign and subject statecharts, drawn by Mermaid from the machines' diagram text (the text
 * `strive diagram` prints), with the states the campaigns and subjects are in highlighted and counted.
 * Without JavaScript the Mermaid source stays readable. Pure.
 */
export const renderStatecharts = (
  report: Report,
  diagrams: { readonly campaign: string; readonly subject: string },
): Html => {
  const campaigns = countBy(report.campaigns.map((c) => c.phase));
  const subjects = countBy(report.subjects.map((s) => s.state));
  return html`<div class="stack">
    ${figure('campaign', 'Campaign workflow (highlighted: the phase each campaign is in)', highlightDiagram(diagrams.campaign, campaigns, 'campaign'))}
    ${figure('subject', 'Subject workflow (highlighted: the states subjects are in)', highlightDiagram(diagrams.subject, subjects, 'subject'))}
  </div>`;
};
