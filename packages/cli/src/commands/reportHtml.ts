import {
  campaignMachine,
  campaignStreamId,
  createCampaignEngine,
  readReport,
  subjectMachine,
  subjectStreamId,
  subjectWorkflow,
  subjectsProjection,
  timelinesProjection,
  type Objection,
  type Report,
  type TimelineEntry,
} from '@strive/campaign';
import { isChainBroken, verify, type EventStore } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { loadPageAssets } from '../html/loadPageAssets.js';
import { PAGE_LIMITS } from '../html/pageLimits.js';
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

/** The business time of the log's last event, read alone. Does I/O. */
const lastEventAt = async (store: EventStore, head: number): Promise<string | null> => {
  let at: string | null = null;
  for await (const e of store.readAll({ after: Math.max(0, head - 1) })) at = e.metadata.at;
  return at;
};

/** The streams whose timelines the page shows: each campaign's and its first subjects'. Pure. */
const shownStreams = (report: Report): string[] => [
  ...report.campaigns.map((c) => campaignStreamId(c.id)),
  ...report.campaigns.flatMap((c) =>
    report.subjects
      .filter((s) => s.campaignId === c.id)
      .slice(0, PAGE_LIMITS.timelineSubjects)
      .map((s) => subjectStreamId(s.campaignId, s)),
  ),
];

const readPageData = async (store: EventStore, io: Io, source: string): Promise<ReportPageData> => {
  // Snapshots off: the page only reads (projections still catch up from their checkpoints).
  const engine = createCampaignEngine(store, { snapshotEvery: 0 });
  const verified = await verify(store);
  const head = await store.head();
  const report = await readReport(engine);
  const subjectDocs = (await (await engine.project(subjectsProjection)).all()).map((d) => d.value);
  // Only what the page shows is read: a few timelines, the detailed honour entries' objections.
  const timelineModel = await engine.project(timelinesProjection);
  const timelines = new Map<string, readonly TimelineEntry[]>();
  for (const stream of shownStreams(report)) {
    const doc = await timelineModel.get(stream);
    timelines.set(
      stream,
      [...(doc?.entries ?? [])].sort((a, b) => a.position - b.position),
    );
  }
  const objections = new Map<string, readonly Objection[]>();
  for (const c of report.campaigns)
    for (const h of report.honourRoll
      .filter((x) => x.campaignId === c.id)
      .slice(0, PAGE_LIMITS.honourDetailed)) {
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
    today: await lastEventAt(store, head.globalPosition),
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
