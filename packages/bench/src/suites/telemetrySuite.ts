import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { alignedText, markdownTable } from '../run/tables.js';
import type { Suite } from '../run/Suite.js';
import { spread } from '../stats.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const REGISTER = fileURLToPath(new URL('../../scripts/registerInMemoryOtel.js', import.meta.url));
const HIDE = fileURLToPath(new URL('../../scripts/hideOtelApi.js', import.meta.url));

/**
 * The three sides: `@opentelemetry/api` unresolvable (an app without the optional peer: the no-op
 * path), the API installed with no SDK registered, and the in-memory SDK in every process.
 */
const SIDES = [
  { label: 'API absent', nodeOptions: `--import ${HIDE}` },
  { label: 'no SDK', nodeOptions: '' },
  { label: 'SDK, in-memory exporter', nodeOptions: `--import ${REGISTER}` },
] as const;

/** The goal for the API installed with no SDK: within 3% of the API absent. */
const NO_SDK_GOAL = '>= -3%';

/** The figures compared: W5's Strive / raw ratio and C's `strive run` / raw W5 ratios. */
const compared = (what: string): boolean =>
  what.startsWith('W5:') || what.startsWith('C strive run');

/** Options of the telemetry suite. */
export interface TelemetryOptions {
  readonly runs: number;
  readonly scale: number;
  /** Organizations of the child runs' campaign (C's `strive run` campaign is at most 40 of them). */
  readonly campaignOrgs: number;
  readonly command: string;
  readonly date: () => Date;
}

/** A figure of a child's JSON that this suite compares. */
const isComparedFigure = (f: unknown): f is { what: string; value: string } =>
  typeof f === 'object' &&
  f !== null &&
  'what' in f &&
  'value' in f &&
  typeof f.what === 'string' &&
  typeof f.value === 'string' &&
  compared(f.what);

/** One child bench (`--only sqlite,C`, one run) on one side; its compared figures. Does I/O. */
const childFigures = async (
  o: TelemetryOptions,
  nodeOptions: string,
): Promise<{ what: string; value: number }[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'strive-bench-otel-'));
  const json = join(dir, 'figures.json');
  try {
    const args = ['--only', 'sqlite,C', '--runs', '1', '--warmup', '1', '--scale', String(o.scale)];
    args.push('--campaign-orgs', String(o.campaignOrgs), '--no-md', '--json', json);
    const env = {
      ...process.env,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} ${nodeOptions}`,
    };
    await promisify(execFile)(process.execPath, [MAIN, ...args], { env, maxBuffer: 64 << 20 });
    const parsed: unknown = JSON.parse(readFileSync(json, 'utf8'));
    const figures: unknown =
      typeof parsed === 'object' && parsed !== null && 'figures' in parsed ? parsed.figures : [];
    return (Array.isArray(figures) ? figures : []).flatMap((f: unknown) =>
      isComparedFigure(f) ? [{ what: f.what, value: Number.parseFloat(f.value) }] : [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const spreadText = (xs: readonly number[]): string => {
  if (xs.length === 0) return '-';
  const s = spread(xs);
  return `${s.median.toFixed(2)} [${s.min.toFixed(2)}-${s.max.toFixed(2)}]`;
};

/**
 * The cost of OpenTelemetry (issue #23): W5 and C run in child benches alternately without an SDK and
 * with the in-memory SDK registered in every process (`NODE_OPTIONS=--import
 * scripts/registerInMemoryOtel.js`, inherited by `strive run`), `runs` rounds; each figure is a ratio
 * to raw better-sqlite3 taken in the same child, so the machine's drift cancels in part. Does I/O.
 */
export const telemetrySuite = (o: TelemetryOptions): Suite => ({
  id: 'telemetry',
  title: 'Telemetry cost: W5 and C without and with an OpenTelemetry SDK',
  // Two child benches per round, each the sqlite suite (~25 s at one run) and C with its 40-org build.
  budgetSeconds: 480,
  optIn: true,
  run: async (log) => {
    const started = o.date();
    const values = new Map<string, number[][]>();
    for (let round = 1; round <= o.runs; round++)
      for (const [i, side] of SIDES.entries()) {
        log(`telemetry: round ${round}/${o.runs}, ${side.label}`);
        for (const f of await childFigures(o, side.nodeOptions)) {
          const row = values.get(f.what) ?? [[], [], []];
          row[i]?.push(f.value);
          values.set(f.what, row);
        }
      }
    const change = (from: readonly number[], to: readonly number[]): number =>
      (spread(to).median / spread(from).median - 1) * 100;
    const rows = [...values].map(([what, [absent = [], off = [], on = []]]) => {
      const noSdk = change(absent, off);
      return {
        what,
        noSdk,
        cells: [
          what,
          spreadText(absent),
          spreadText(off),
          spreadText(on),
          `${noSdk.toFixed(1)}%`,
          `${change(off, on).toFixed(0)}%`,
        ],
      };
    });
    const header = [
      'figure (ratio to raw)',
      ...SIDES.map((side) => side.label),
      'no SDK vs API absent',
      'SDK vs no SDK',
    ];
    return {
      _tag: 'Done',
      text: alignedText(
        header,
        rows.map((r) => r.cells),
      ),
      markdown: [
        '## Telemetry cost',
        '',
        `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${o.command}\`:`,
        `${o.runs} alternating rounds of a child \`--only sqlite,C --runs 1\` bench per side: the API`,
        'made unresolvable (`NODE_OPTIONS=--import packages/bench/scripts/hideOtelApi.js`), the API',
        'installed with no SDK, and the SDK (`NODE_OPTIONS=--import',
        'packages/bench/scripts/registerInMemoryOtel.js`). Medians [min-max]; each change compares the',
        `medians of two sides (goal for no SDK: ${NO_SDK_GOAL}).`,
        '',
        markdownTable(
          header,
          rows.map((r) => r.cells),
        ),
      ].join('\n'),
      figures: rows.flatMap((r) => [
        {
          suite: 'telemetry',
          what: `${r.what}: no SDK vs API absent`,
          value: r.cells[4] ?? '',
          goal: { text: NO_SDK_GOAL, met: r.noSdk >= -3 },
        },
        {
          suite: 'telemetry',
          what: `${r.what}: SDK vs no SDK`,
          value: r.cells[5] ?? '',
          goal: null,
        },
      ]),
      notes: [],
    };
  },
});
