import {
  campaignMachine,
  createCampaignEngine,
  readReport,
  subjectMachine,
  subjectStreamId,
  subjectWorkflow,
  subjectsProjection,
  timelinesProjection,
  type Objection,
  type TimelineEntry,
} from '@strive/campaign';
import { isChainBroken, verify, type EventStore } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { loadPageAssets } from '../html/loadPageAssets.js';
import type { ReportPageData } from '../html/ReportPageData.js';
import { renderReportPage } from '../html/renderReportPage.js';
import { assertWritableTarget, writePage } from '../html/writePage.js';
import type { Io } from '../Io.js';
import { machineToMermaid } from '../machineToMermaid.js';

/** What `report --html` takes besides the store: the page's path, whether `--json` was also given, and the log's name. */
export interface ReportHtmlOptions {
  readonly file: string;
  readonly json: boolean;
  readonly source: string;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const readPageData = async (store: EventStore, io: Io, source: string): Promise<ReportPageData> => {
  // Snapshots off: the page only reads (projections still catch up from their checkpoints).
  const engine = createCampaignEngine(store, { snapshotEvery: 0 });
  const verified = await verify(store);
  const head = await store.head();
  const report = await readReport(engine);
  const subjectDocs = (await (await engine.project(subjectsProjection)).all()).map((d) => d.value);
  const timelines = new Map<string, readonly TimelineEntry[]>();
  for (const { value } of await (await engine.project(timelinesProjection)).all())
    timelines.set(
      value.streamId,
      [...value.entries].sort((a, b) => a.position - b.position),
    );
  const objections = new Map<string, readonly Objection[]>();
  for (const h of report.honourRoll) {
    const stream = subjectStreamId(h.campaignId, h);
    objections.set(stream, (await engine.load(subjectWorkflow, stream)).context.objections);
  }
  return {
    report,
    subjectDocs,
    timelines,
    objections,
    integrity: { verify: verified, head },
    diagrams: {
      campaign: machineToMermaid(campaignMachine.root),
      subject: machineToMermaid(subjectMachine.root),
    },
    source,
    generatedAt: io.now().toISOString(),
  };
};

/**
 * `strive report --html FILE`: writes the report as one self-contained HTML page (phases, dashboards,
 * satisfaction, honour roll with verdicts and objections, timelines, statecharts, tamper evidence) and
 * prints one line saying what it wrote. Does I/O.
 * @example await reportHtml(store, io, { file: 'report.html', json: false, source: 'zz.db' }) // 0
 */
export const reportHtml = async (
  store: EventStore,
  io: Io,
  options: ReportHtmlOptions,
): Promise<number> => {
  if (options.json) throw new CliError('--html writes a page; leave out --json');
  await assertWritableTarget(options.file);
  const data = await readPageData(store, io, options.source);
  const page = renderReportPage(data, await loadPageAssets());
  await writePage(options.file, page);
  const v = data.integrity.verify;
  const { campaigns, subjects, honourRoll } = data.report;
  const kib = Math.round(Buffer.byteLength(page) / 1024);
  const chain = isChainBroken(v)
    ? `chain broken at ${v.globalPosition}`
    : `chain ok, ${v.events} events`;
  io.out(
    `wrote ${options.file} (${kib} KiB): ${count(campaigns.length, 'campaign')}, ${count(subjects.length, 'subject')}, ${honourRoll.length} commended; ${chain}, head ${data.integrity.head.hash}\n`,
  );
  return isChainBroken(v) ? 1 : 0;
};
