import {
  campaignMachine,
  campaignStreamId,
  createCampaignEngine,
  assembleReport,
  campaignsProjection,
  createProjectionFold,
  exemplarsProjection,
  subjectMachine,
  subjectStreamId,
  subjectWorkflow,
  subjectsProjection,
  timelinesProjection,
  type Objection,
  type ProjectionFold,
  type Report,
  type TimelineEntry,
} from '@strive/campaign';
import {
  createChainVerifier,
  isChainBroken,
  type ChainBroken,
  type EventStore,
  type VerifyResult,
} from '@strive/eventlog';
import { CliError } from '../CliError.js';
import { loadPageAssets } from '../html/loadPageAssets.js';
import { PAGE_LIMITS } from '../html/pageLimits.js';
import type { ReportPageData } from '../html/ReportPageData.js';
import { renderReportPage } from '../html/renderReportPage.js';
import { assertWritableTarget, writePage } from '../html/writePage.js';
import type { Io } from '../Io.js';
import { printable } from '../printable.js';
import { machineToMermaid } from '../machineToMermaid.js';
import { startDerivedCheck } from '../startDerivedCheck.js';

/** What `report --html` takes besides the store: the page's path, whether `--json` was also given, and the log's name. */
export interface ReportHtmlOptions {
  readonly file: string;
  readonly json: boolean;
  readonly source: string;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

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

/** The timelines of the streams the page shows, each folded from its own stream. Does I/O. */
const timelinesOf = async (
  store: EventStore,
  streams: ReadonlySet<string>,
  to: number,
): Promise<Map<string, readonly TimelineEntry[]>> => {
  const timelines = new Map<string, readonly TimelineEntry[]>();
  for (const streamId of [...streams].sort()) {
    const fold = createProjectionFold(timelinesProjection);
    for await (const e of store.readStream(streamId)) if (e.globalPosition <= to) fold.add(e);
    for (const value of fold.sorted())
      timelines.set(
        value.streamId,
        [...value.entries].sort((a, b) => a.position - b.position),
      );
  }
  return timelines;
};

const readPageData = async (store: EventStore, io: Io, source: string): Promise<ReportPageData> => {
  // Snapshots off: the page only reads. Everything shown is folded from the log, not read models.
  const engine = createCampaignEngine(store, { snapshotEvery: 0 });
  const head = await store.head();
  // One pass over the log: each event checked against the chain and folded, then dropped.
  const chain = createChainVerifier();
  let broken: ChainBroken | undefined;
  const campaigns = createProjectionFold(campaignsProjection);
  const subjects = createProjectionFold(subjectsProjection);
  const exemplars = createProjectionFold(exemplarsProjection);
  // The deep check folds in the same pass, reusing the page's folds where they are the same.
  const check = await startDerivedCheck(store, {
    to: head.globalPosition,
    folds: new Map<string, ProjectionFold<unknown>>([
      [campaignsProjection.storageName, campaigns],
      [subjectsProjection.storageName, subjects],
      [exemplarsProjection.storageName, exemplars],
    ]),
  });
  let today: string | null = null;
  for await (const e of store.readAll({ batchSize: 1000, to: head.globalPosition })) {
    broken ??= chain.check(e);
    campaigns.add(e);
    subjects.add(e);
    exemplars.add(e);
    if (broken === undefined) check.add(e);
    today = e.metadata.at;
  }
  const verified: VerifyResult = broken ?? chain.verified();
  const derived = broken === undefined ? await check.finish() : undefined;
  const subjectDocs = subjects.sorted();
  const report = assembleReport(campaigns.sorted(), subjectDocs, exemplars.sorted());
  // Only what the page shows is kept: a few timelines, the detailed honour entries' objections.
  const timelines = await timelinesOf(store, shownStreams(report), head.globalPosition);
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
    today,
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
