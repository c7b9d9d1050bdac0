import {
  assembleReport,
  campaignsProjection,
  createCampaignEngine,
  exemplarsProjection,
  createProjectionFold,
  subjectsProjection,
  type ProjectionFold,
  type Report,
  readReportSummary,
  readStoredReport,
  summarizeReport,
} from '@strive/campaign';
import type { Projection } from '@strive/engine';
import { canonicalJson, validateJson, type EventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { formatReport } from '../formatReport.js';
import type { Io } from '../Io.js';
import { readReportViewState } from '../reportViewState.js';

const LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

/**
 * The report folded from the log in one streamed pass, its documents put in the key order a store gives them back
 * (canonical JSON), so its `--json` output is byte for byte the one the stored view gives. Does I/O.
 */
const fromLog = async (store: EventStore): Promise<Report> => {
  const campaigns = createProjectionFold(campaignsProjection);
  const subjects = createProjectionFold(subjectsProjection);
  const exemplars = createProjectionFold(exemplarsProjection);
  for await (const e of store.readAll({ batchSize: 1000 })) {
    campaigns.add(e);
    subjects.add(e);
    exemplars.add(e);
  }
  const docs = <D>(p: Projection<D>, fold: ProjectionFold<D>): D[] =>
    fold
      .sorted()
      .map((d): unknown => {
        const json = validateJson(d, p.storageName, LIMITS);
        return E.isLeft(json) ? d : JSON.parse(canonicalJson(json.right));
      })
      .filter(p.isDocument);
  return assembleReport(
    docs(campaignsProjection, campaigns),
    docs(subjectsProjection, subjects),
    docs(exemplarsProjection, exemplars),
  );
};

/**
 * `strive report`: dashboard and honour roll from the stored report view when it stands at the log
 * head; otherwise (read models behind, e.g. after `import`) folded from the log in memory, as
 * `replay` does. Never writes. The text ends with an integrity line saying which of the two it was
 * and that nothing was checked against the log here (`strive verify` does). Does I/O (reads only).
 */
export const report = async (store: EventStore, io: Io, json: boolean): Promise<number> => {
  const view = await readReportViewState(store);
  const head = (await store.head()).globalPosition;
  if (view.current) {
    // Every read model is at the head and the view is on their checkpoints: these read, never write.
    const engine = createCampaignEngine(store, { snapshotEvery: 0 });
    io.out(
      json
        ? `${JSON.stringify(await readStoredReport(engine, store))}\n`
        : `${formatReport(await readReportSummary(engine, store))}\nIntegrity: read from the stored read models at position ${head}, NOT checked against the log here (\`strive verify\` checks the chain, snapshots and read models)\n`,
    );
    return 0;
  }
  const r = await fromLog(store);
  io.out(
    json
      ? `${JSON.stringify(r)}\n`
      : `${formatReport(summarizeReport(r))}\nIntegrity: folded from the log's ${head} events (the stored read models are behind it); the hash chain was NOT checked here (\`strive verify\`)\n`,
  );
  return 0;
};
