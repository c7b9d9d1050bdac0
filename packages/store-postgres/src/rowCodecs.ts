import * as t from 'io-ts';
import { JsonValueCodec } from '@strive/eventlog';

/** io-ts codec of a PostgreSQL bigint/integer column (node-postgres returns int8 as a string). */
export const PgInt = new t.Type<number, number, unknown>(
  'PgInt',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => {
    if (typeof u === 'number' && Number.isSafeInteger(u)) return t.success(u);
    if (typeof u === 'string' && /^-?\d{1,16}$/.test(u) && Number.isSafeInteger(Number(u)))
      return t.success(Number(u));
    return t.failure(u, c, 'not a safe integer');
  },
  (n) => n,
);

/** io-ts codec of a text column holding JSON: decodes to the parsed value. */
const JsonText = new t.Type<unknown, string, unknown>(
  'JsonText',
  (_u): _u is unknown => true,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'not text');
    try {
      return t.success(JSON.parse(u));
    } catch {
      return t.failure(u, c, 'not JSON');
    }
  },
  (v) => JSON.stringify(v),
);

/** io-ts codec of a text column holding a JSON document: decodes to a `JsonValue`. */
export const JsonValueText = JsonText.pipe(JsonValueCodec, 'JsonValueText');
