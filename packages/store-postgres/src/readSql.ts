import { named } from './namedStatement.js';
import { EVENT_ROW_COLUMNS } from './decodeEventRow.js';

/** The key of stream `$1`, computed in the statement (equal to `stream_key($1)`, without a function call). */
const KEY = `sha256(convert_to($1, 'UTF8'))`;

/** The read statements for schema `s` (validated). Pure. */
export const readSql = (s: string) =>
  ({
    all: named(`SELECT ${EVENT_ROW_COLUMNS} FROM ${s}.events
  WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position LIMIT $3`),
    streamForward: named(`SELECT ${EVENT_ROW_COLUMNS} FROM ${s}.events
  WHERE stream_key = ${KEY} AND stream_position BETWEEN $2 AND $3
  ORDER BY stream_position LIMIT $4`),
    streamBackward: named(`SELECT ${EVENT_ROW_COLUMNS} FROM ${s}.events
  WHERE stream_key = ${KEY} AND stream_position BETWEEN $2 AND $3
  ORDER BY stream_position DESC LIMIT $4`),
    event: named(`SELECT ${EVENT_ROW_COLUMNS} FROM ${s}.events WHERE event_id = $1::uuid`),
    streamVersion: named(`SELECT version FROM ${s}.streams WHERE stream_key = ${KEY}`),
    head: named(`SELECT global_position, hash FROM ${s}.log_head WHERE id`),
  }) as const;

/** The read statements of a store. */
export type ReadSql = ReturnType<typeof readSql>;
