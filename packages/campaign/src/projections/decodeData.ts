import type { JsonValue } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';

/**
 * Decodes an event's data with its codec at the projection boundary; throws when the log holds data
 * the codec refuses (a corrupted or foreign log: rebuild from a verified log). Pure.
 */
export const decodeData = <A>(
  codec: t.Type<A, unknown, unknown>,
  type: string,
  data: JsonValue,
): A => {
  // The guard first: most data is already valid, and `is` allocates nothing where `decode` copies.
  if (codec.is(data)) return data;
  const decoded = codec.decode(data);
  if (E.isLeft(decoded))
    throw new Error(
      `${type} data does not match its codec: ${PathReporter.report(decoded).join('; ')}`,
    );
  return decoded.right;
};
