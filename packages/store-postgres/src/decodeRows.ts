import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';

/**
 * Decodes query rows with an io-ts codec; a row that does not fit means the database was changed
 * behind the store's back, so this throws with the first problem and where it was found. Pure.
 * @example decodeRows(HeadRow, res.rows, 'log_head')
 */
export const decodeRows = <A>(
  codec: t.Decoder<unknown, A>,
  rows: readonly unknown[],
  where: string,
): A[] =>
  rows.map((row) => {
    const decoded = codec.decode(row);
    if (E.isLeft(decoded))
      throw new Error(
        `store-postgres: unexpected row in ${where}: ${PathReporter.report(decoded).slice(0, 1).join('')}`,
      );
    return decoded.right;
  });
