import type { CommandOutcome } from '@strive/engine';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import * as E from 'fp-ts/lib/Either.js';
import { isNotUtf8, type NotUtf8 } from '../decodeUtf8Lines.js';
import { parseJsonLine } from '../parseJsonLine.js';
import { badLine, lineResult, type LineResult } from '../runLine.js';
import { printable } from '../printable.js';
import { formatTable } from '../table.js';

/** Anything that decides commands (the campaign engine). */
export interface CommandHandler {
  handle(input: unknown): Promise<CommandOutcome>;
}

const human = (r: LineResult): string =>
  r.ok
    ? ''
    : `${printable(`line ${r.line} ${r.type ?? '?'} ${r.id ?? '?'}: ${r.error.kind}: ${r.error.message}`)}\n`;

/**
 * `strive run FILE`: executes each JSONL line in order, streaming (flat memory); a bad line never stops the
 * rest. `--json` prints one result object per line; otherwise refused lines and a summary. Exit 0 when
 * every line was accepted, 1 otherwise. The file is trusted as written: each line is handled with no
 * principal and no clock, so its `actor` and `at` are taken as they stand (docs/cli.md). Does I/O.
 */
export const run = async (
  handler: CommandHandler,
  io: Io,
  lines: AsyncIterable<string | NotUtf8>,
  json: boolean,
): Promise<number> => {
  const progress = startProgress(io, 'run', json);
  let n = 0;
  let accepted = 0;
  let duplicates = 0;
  const refused = { invalid: 0, rejected: 0, conflict: 0 };
  for await (const text of lines) {
    n += 1;
    let result: LineResult;
    if (isNotUtf8(text)) result = badLine(n, text.reason);
    else {
      if (text.trim() === '') continue;
      const input = parseJsonLine(text);
      result = E.isLeft(input)
        ? badLine(n, `line is not valid JSON: ${input.left}`)
        : lineResult(n, input.right, await handler.handle(input.right));
    }
    if (result.ok) {
      accepted += 1;
      if (result.duplicate === true) duplicates += 1;
    } else refused[result.error.kind] += 1;
    const out = json ? `${JSON.stringify(result)}\n` : human(result);
    if (out !== '') await io.outFlowing(out);
    if (n % 1000 === 0) progress.tick(1000);
  }
  progress.stop();
  const refusedTotal = refused.invalid + refused.rejected + refused.conflict;
  if (!json)
    io.out(
      formatTable(
        ['accepted', 'duplicates', 'invalid', 'rejected', 'conflict'],
        [
          [
            String(accepted),
            String(duplicates),
            String(refused.invalid),
            String(refused.rejected),
            String(refused.conflict),
          ],
        ],
      ),
    );
  return refusedTotal === 0 ? 0 : 1;
};
