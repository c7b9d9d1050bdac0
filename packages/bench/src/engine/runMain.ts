import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { rowsTable, type BenchRow } from './BenchRow.js';

/** Whether the module at `url` is the script node was started with. Reads process.argv. */
export const isMain = (url: string): boolean =>
  process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;

/** The options every standalone workload takes: `--runs N` (default 3), `--json FILE`, `--scale F`. */
export interface MainOptions {
  readonly runs: number;
  readonly scale: number;
  readonly json: string | undefined;
}

/** Parses `--runs`, `--scale` and `--json` from the command line, or throws a usage error. Reads process.argv. */
export const mainOptions = (usage: string): MainOptions => {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      scale: { type: 'string', default: '1' },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const scale = Number(values.scale);
  if (!Number.isInteger(runs) || runs < 1 || !(scale > 0 && scale <= 1))
    throw new Error(`usage: ${usage} [--runs N>=1] [--scale 0<F<=1] [--json out.json]`);
  return { runs, scale, json: values.json };
};

/** Prints the rows as a table (and writes them as JSON when asked). Does I/O. */
export const printRows = (
  title: string,
  rows: readonly BenchRow[],
  json: string | undefined,
): void => {
  console.log(`${title}\n\n${rowsTable(rows)}`);
  if (json !== undefined)
    writeFileSync(json, JSON.stringify({ node: process.version, rows }, null, 2));
};

/** Progress on standard error. Does I/O. */
export const logErr = (s: string): void => void process.stderr.write(`${s}\n`);
