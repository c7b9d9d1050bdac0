/** The page's stylesheet: readable on a phone (one column, tables scroll sideways) and in print. */
export const PAGE_STYLE = `
:root { --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --accent: #1d4ed8; --bg: #f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
header.page, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header.page { padding-top: 20px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
h4 { margin: 0 0 4px; } h5 { margin: 8px 0 4px; font-size: .9rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
small, .muted { color: var(--muted); }
section.card, .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.stack > * + * { margin-top: 16px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 8px; }
.chart { position: relative; height: 260px; }
.chart-phases { height: 220px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: .9rem; background: #fff; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.heat { white-space: nowrap; }
tr.phase-current td { font-weight: 600; background: #fef3c7; }
tr.phase-ahead td, tr.phase-skipped td { color: var(--muted); }
.honour-roll { padding-left: 1.2em; }
.honour-entry { background: #fff; border: 1px solid var(--line); border-left: 4px solid #16a34a; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.steps { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 8px; }
ul.verdicts, ul.objections { margin: 0; padding-left: 1.1em; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code.hash { word-break: break-all; }
details.stream { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 6px 0; padding: 6px 12px; }
details.stream summary { cursor: pointer; }
.paged-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.paged-bar input { flex: 1 1 12em; min-width: 0; padding: 4px 8px; font: inherit; }
.tag, .state { display: inline-block; padding: 0 6px; border-radius: 4px; background: #eef2ff; font-size: .85em; }
.state-commended { background: #dcfce7; } .state-not-commended { background: #fee2e2; }
.integrity { background: #fff; border: 1px solid var(--line); border-left: 4px solid #16a34a; border-radius: 8px; padding: 12px 16px; }
.integrity.broken { border-left-color: #dc2626; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; } dd { margin: 0; min-width: 0; }
pre.mermaid { white-space: pre-wrap; font-size: .8rem; overflow-x: auto; margin: 0; }
pre.mermaid { text-align: center; }
pre.mermaid svg { max-width: 100%; height: auto; }
footer { max-width: 1200px; margin: 32px auto; padding: 0 16px; color: var(--muted); font-size: .85rem; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  .grid { grid-template-columns: 1fr; }
  .chart { height: 220px; }
  th, td { padding: 3px 5px; }
}
@media print {
  body { background: #fff; } details.stream { break-inside: avoid; }
  details.stream:not([open]) { display: none; }
}
`;
