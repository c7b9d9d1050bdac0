import { percentOf } from './chartSpecs.js';
import { html, jsonForScript, raw, type Html } from './html.js';
import { PAGE_LIMITS } from './pageLimits.js';

/** A cell of a paged table: text, a right-aligned number, or a satisfaction share as [satisfied, total]. */
export type PagedCell = string | number | readonly [number, number];

/** A satisfaction cell coloured from red (half or less) to green (all), with its counts as a tooltip. Pure. */
export const heatCell = (satisfied: number, total: number): Html => {
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

const cellOf = (c: PagedCell): Html =>
  typeof c === 'string'
    ? html`<td>${c}</td>`
    : typeof c === 'number'
      ? html`<td class="num">${c}</td>`
      : heatCell(c[0], c[1]);

/**
 * A table whose first `PAGE_LIMITS.tableRows` rows are markup (readable without JavaScript) and whose
 * rows, all of them, travel as compact JSON beside it when there are more: the page's script then pages
 * through them and filters them by a search (`CLIENT_SCRIPT`), so a list of any length costs its
 * compact rows, not its markup. Every cell is text (escaped here, `textContent` in the script). Pure.
 */
export const pagedTable = (
  id: string,
  className: string,
  head: Html,
  rows: readonly (readonly PagedCell[])[],
  foot: Html | null = null,
): Html => {
  const shown = rows.slice(0, PAGE_LIMITS.tableRows);
  const table = html`<div class="scroll">
    <table class="${className}">
      <thead>
        ${head}
      </thead>
      <tbody>
        ${shown.map(
          (r) =>
            html`<tr>
              ${r.map(cellOf)}
            </tr>`,
        )}
      </tbody>
      ${
        foot === null
          ? ''
          : html`<tfoot>
              ${foot}
            </tfoot>`
      }
    </table>
  </div>`;
  if (rows.length <= shown.length) return table;
  return html`<div
    class="paged"
    data-paged="${id}"
    data-rows="${rows.length}"
    data-page="${PAGE_LIMITS.tableRows}"
  >
    ${table}
    <p class="muted paged-status">
      The first ${shown.length} of ${rows.length} rows; the page's script pages through and searches
      all of them (<code>strive report --json</code> lists them too).
    </p>
    <script type="application/json" id="${`${id}-rows`}">
      ${raw(jsonForScript(rows))}
    </script>
  </div>`;
};
