import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { type StoredEvent, StoredEventCodec } from '@strive/eventlog';
import { isExactStoredEvent } from '@strive/eventlog/adapter';
import { CliError } from './CliError.js';
import { isNotUtf8, type NotUtf8 } from './decodeUtf8Lines.js';

/**
 * Decodes line `n` of an exported log into a stored event, or undefined for a blank line; a line that
 * is not valid JSON or not an event envelope is a `CliError` naming the line (exit 1). Pure.
 */
export const decodeLogLine = (line: string, file: string, n: number): StoredEvent | undefined => {
  if (line.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new CliError(`${file}:${n}: not valid JSON`, 1);
  }
  // The usual line needs no copy: the codec's guard, and no key that decoding would strip.
  if (isExactStoredEvent(json, line)) return json;
  const decoded = StoredEventCodec.decode(json);
  if (E.isLeft(decoded))
    throw new CliError(
      `${file}:${n}: not an event envelope (${PathReporter.report(decoded)[0] ?? 'invalid'})`,
      1,
    );
  return decoded.right;
};

/**
 * Decodes the lines of an exported log into stored events, failing on the first line that is not UTF-8,
 * not valid JSON or not an event envelope (a `CliError` naming the line, exit 1). Skips blank lines. Pure over its input.
 */
export async function* decodeLogLines(
  lines: AsyncIterable<string | NotUtf8>,
  file: string,
): AsyncIterable<StoredEvent> {
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (isNotUtf8(line)) throw new CliError(`${file}:${n}: ${line.reason}`, 1);
    const e = decodeLogLine(line, file, n);
    if (e !== undefined) yield e;
  }
}
