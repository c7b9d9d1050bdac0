import {
  campaignMachine,
  campaignStreamId,
  createCampaignEngine,
  buildReport,
  foldProjection,
  subjectMachine,
  subjectStreamId,
  subjectWorkflow,
  subjectsProjection,
  timelinesProjection,
  type Objection,
  type Report,
  type TimelineEntry,
} from '@strive/campaign';
import { isChainBroken, verifyEvents, type EventStore, type StoredEvent } from '@strive/eventlog';
import { checkDerived } from '../checkDerived.js';
import { CliError } from '../CliError.js';
import { loadPageAssets } from '../html/loadPageAssets.js';
import { PAGE_LIMITS } from '../html/pageLimits.js';
import type { ReportPageData } from '../html/ReportPageData.js';
import { renderReportPage } from '../html/renderReportPage.js';
import { assertWritableTarget, writePage } from '../html/writePage.js';
import type { Io } from '../Io.js';
import { printable } from '../printable.js';
import { machineToMermaid } from '../machineToMermaid.js';

/** What `report --html` takes besides the store: the page's path, whether `--json` was also given, and the log's name. */
export interface ReportHtmlOptions {
  readonly file: string;
  readonly json: boolean;
  readonly source: string;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const byKey = <D>(docs: Map<string, D>): D[] =>
  [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/** The streams whose timelines the page shows: each campaign's and its first subjects'. Pure. */
const shownStreams = (report: Report): Set<string> =>
  new Set([
    ...report.campaigns.map((c) => campaignStreamId(c.id)),
    ...report.campaigns.flatMap((c) =>
      report.subjects
        .filter((s) => s.campaignId === c.id)
        .slice(0, PAGE_LIMITS.timelineSubjects)
        .map((s) => subjectStreamId(s.campaignId, s)),
    ),
  ]);

const readPageData = async (store: EventStore, io: Io, source: string): Promise<ReportPageData> => {
  // Snapshots off: the page only reads. Everything shown is folded from the log, not read models.
  const engine = createCampaignEngine(store, { snapshotEvery: 0 });
  const head = await store.head();
  const events: StoredEvent[] = [];
  for await (const e of store.readAll({ batchSize: 1000, to: head.globalPosition })) events.push(e);
  const verified = await verifyEvents(events);
  const derived = isChainBroken(verified) ? undefined : await checkDerived(store);
  const report = buildReport(events);
  const subjectDocs = byKey(foldProjection(subjectsProjection, events));
  // Only what the page shows is kept: a few timelines, the detailed honour entries' objections.
  const shown = shownStreams(report);
  const timelines = new Map<string, readonly TimelineEntry[]>();
  for (const value of byKey(foldProjection(timelinesProjection, events)))
    if (shown.has(value.streamId))
      timelines.set(
        value.streamId,
        [...value.entries].sort((a, b) => a.position - b.position),
      );
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
    integrity: { verify: verified, derived, head },
    today: events[events.length - 1]?.metadata.at ?? null,
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
  const d = data.integrity.derived;
  const chain = isChainBroken(v)
    ? `chain broken at ${v.globalPosition}`
    : d?._tag === 'DerivedDiffers'
      ? `chain ok, ${v.events} events, but ${d.what} differs from the log`
      : `chain ok, ${v.events} events, ${d?.snapshots ?? 0} snapshots and ${d?.documents ?? 0} read-model documents equal to the log`;
  io.out(
    printable(
      `wrote ${options.file} (${kib} KiB): ${count(campaigns.length, 'campaign')}, ${count(subjects.length, 'subject')}, ${honourRoll.length} commended; ${chain}, head ${data.integrity.head.hash}`,
    ) + '\n',
  );
  return isChainBroken(v) || d?._tag === 'DerivedDiffers' ? 1 : 0;
};
