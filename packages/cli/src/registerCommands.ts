import type { Command, Option } from 'commander';
import type { EventStore } from '@strive/eventlog';
import { createCampaignEngine, readReportSummary } from '@strive/campaign';
import { diagram } from './commands/diagram.js';
import { exportLog } from './commands/exportLog.js';
import { generate } from './commands/generate.js';
import { importLog } from './commands/importLog.js';
import { reactors } from './commands/reactors.js';
import { timeline } from './commands/timeline.js';
import { verifyLog } from './commands/verifyLog.js';
import { parseExpectedHead } from './expectHead.js';
import { withNewFileRemovedOnFailure } from './removeOnFailure.js';
import { describeDbTarget, parseDbTarget } from './dbTarget.js';
import type { Io } from './Io.js';
import { openStore, type StoreAccess } from './openStore.js';
import { assertReadable, openLines } from './readLines.js';
import { parseCount } from './parseCount.js';
import { parseUntil } from './parseUntil.js';
import { replay } from './commands/replay.js';
import { openLogBatches, storeBatches } from './readLogBatches.js';
import { report } from './commands/report.js';
import { run } from './commands/run.js';

/** Opens the store of `--db`, runs `work`, and always closes the store. Does I/O. */
const withStore = async (
  db: string,
  access: StoreAccess,
  work: (store: EventStore) => Promise<number>,
): Promise<number> => {
  const store = await openStore(parseDbTarget(db), access);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

interface DbOpts {
  readonly db: string;
  readonly json?: boolean;
}

/**
 * Declares the campaign commands of docs/cli.md (run, report, replay, diagram) on a commander program; each
 * action reports its exit status through `done`. Does I/O when actions run.
 */
export const registerCampaignCommands = (
  program: Command,
  io: Io,
  dbOption: () => Option,
  done: (code: number) => void,
): void => {
  program
    .command('run')
    .description('execute the commands of a JSONL file in order (- reads standard input)')
    .argument('<file>', 'commands JSONL, or - for standard input')
    .addOption(dbOption())
    .option('--json', 'one JSON result per input line')
    .action(async (file: string, o: DbOpts) => {
      const lines = await openLines(file, io.stdin);
      done(
        await withStore(o.db, 'write', async (store) => {
          const engine = createCampaignEngine(store);
          const code = await run(engine, io, lines, o.json === true);
          // Catch the projections and the report view up, so that `report` afterwards only reads.
          if (parseDbTarget(o.db).kind !== 'memory') await readReportSummary(engine, store);
          return code;
        }),
      );
    });
  program
    .command('report')
    .description('dashboard and honour roll, read from projections')
    .addOption(dbOption())
    .option('--json', 'machine-readable output')
    .option('--html <file>', 'write the report as one self-contained HTML page to FILE')
    .action(async (o: DbOpts & { html?: string }) =>
      done(
        await withStore(o.db, 'read', async (s) =>
          o.html === undefined
            ? report(s, io, o.json === true)
            : // The page renderer and its bundled libraries load only when a page is asked for.
              (await import('./commands/reportHtml.js')).reportHtml(s, io, {
                file: o.html,
                json: o.json === true,
                source: describeDbTarget(parseDbTarget(o.db)),
              }),
        ),
      ),
    );
  program
    .command('replay')
    .description('rebuild the report from an exported log (or the store) without writing')
    .argument('[file]', 'exported JSONL log; without it, the store of --db')
    .addOption(dbOption())
    .option('--until <position-or-time>', 'stop after this global position or ISO-8601 time')
    .option('--json', 'machine-readable output')
    .action(async (file: string | undefined, o: DbOpts & { until?: string }) => {
      const until = o.until === undefined ? undefined : parseUntil(o.until);
      const json = o.json === true;
      done(
        file === undefined
          ? await withStore(o.db, 'read', (s) => replay(storeBatches(s), io, until, json))
          : await replay(await openLogBatches(file, io.stdin), io, until, json),
      );
    });
  program
    .command('diagram')
    .description("a workflow's state machine as a Mermaid state diagram")
    .argument('<workflow>', 'campaign or subject')
    .option('--format <format>', 'diagram format', 'mermaid')
    .action((workflow: string, o: { format: string }) => done(diagram(io, workflow, o.format)));
};

/**
 * Declares the store-level commands of docs/cli.md (export, import, verify, timeline, generate) on a
 * commander program; each action reports its exit status through `done`. Does I/O when actions run.
 */
export const registerLogCommands = (
  program: Command,
  io: Io,
  dbOption: () => Option,
  done: (code: number) => void,
): void => {
  program
    .command('export')
    .description('the whole log as JSONL on standard output, in global order, hashes included')
    .addOption(dbOption())
    .action(async (o: DbOpts) => done(await withStore(o.db, 'read', (s) => exportLog(s, io))));
  program
    .command('import')
    .description('append an exported log to an empty store, checking every hash')
    .argument('<file>', 'exported JSONL, or - for standard input')
    .addOption(dbOption())
    .option('--expect-head <hash>', 'refuse the file unless it holds this head hash')
    .action(async (file: string, o: DbOpts & { expectHead?: string }) => {
      const expected = o.expectHead === undefined ? undefined : parseExpectedHead(o.expectHead);
      if (file !== '-') await assertReadable(file);
      done(
        await withNewFileRemovedOnFailure(o.db, () =>
          withStore(o.db, 'write', async (s) => {
            const code = await importLog(s, io, file, () => openLines(file, io.stdin), expected);
            // As after run: the read models and report view catch up, so `report` only reads.
            if (parseDbTarget(o.db).kind !== 'memory')
              await readReportSummary(createCampaignEngine(s), s);
            return code;
          }),
        ),
      );
    });
  program
    .command('verify')
    .description('re-walk the hash chain, and check snapshots and read models against the log')
    .addOption(dbOption())
    .option('--json', 'machine-readable output')
    .option('--chain-only', 'only re-walk the hash chain (snapshots and read models not checked)')
    .option('--expect-head <hash>', 'fail unless the log holds this head hash')
    .action(async (o: DbOpts & { chainOnly?: boolean; expectHead?: string }) => {
      const expected = o.expectHead === undefined ? undefined : parseExpectedHead(o.expectHead);
      done(
        await withStore(o.db, 'read', (s) =>
          verifyLog(s, io, {
            json: o.json === true,
            chainOnly: o.chainOnly === true,
            ...(expected === undefined ? {} : { expectHead: expected }),
          }),
        ),
      );
    });
  program
    .command('timeline')
    .description("one stream's events: position, type, time, actor")
    .argument('<stream>', 'stream id, e.g. campaign-zz2010')
    .addOption(dbOption())
    .option('--json', 'machine-readable output')
    .action(async (stream: string, o: DbOpts) =>
      done(await withStore(o.db, 'read', (s) => timeline(s, io, stream, o.json === true))),
    );
  program
    .command('reactors')
    .description("a reactor's parked reactions; --retry has its running reactor retry them")
    .argument('<name>', 'reactor name, e.g. pay-approved-claims')
    .addOption(dbOption())
    .option('--retry <event-id>', 'mark one parked reaction (or all) for retry')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: DbOpts & { readonly retry?: string }) =>
      done(
        await withStore(o.db, o.retry === undefined ? 'read' : 'write', (s) =>
          reactors(s, io, name, {
            json: o.json === true,
            ...(o.retry === undefined ? {} : { retry: o.retry }),
          }),
        ),
      ),
    );
  program
    .command('generate')
    .description('a deterministic synthetic campaign, as commands JSONL on standard output')
    .option('--orgs <n>', 'organizations', '10')
    .option('--members-per-org <m>', 'members of each organization', '3')
    .option('--evaluators <k>', 'public evaluators of each subject', '12')
    .option('--seed <s>', 'seed: the same seed gives the same file', '1')
    .action(async (o: { orgs: string; membersPerOrg: string; evaluators: string; seed: string }) =>
      done(
        await generate(io, {
          orgs: parseCount('--orgs', o.orgs, 1, 1_000_000),
          membersPerOrg: parseCount('--members-per-org', o.membersPerOrg, 0, 1_000),
          evaluators: parseCount('--evaluators', o.evaluators, 1, 10_000),
          seed: parseCount('--seed', o.seed, 0, 2 ** 31 - 1),
        }),
      ),
    );
};
