import type { StoredEvent } from '@strive/eventlog';
import { decodeStoredEvent } from './decodeEventRow.js';
import type { Statements } from './prepareStatements.js';

/** Stream ids per query: one JSON array parameter, so no bound-variable limit applies. */
const IDS_PER_QUERY = 1_000;

/**
 * The last event of each of `streamIds` that has one, by stream id (`LastEvents` of
 * `@strive/eventlog`): one query per 1,000 ids, each its own short read (the writers are never held
 * up). Does I/O; throws on a corrupt row.
 */
export const readLastEvents = (
  st: Statements,
  streamIds: readonly string[],
): ReadonlyMap<string, StoredEvent> => {
  const last = new Map<string, StoredEvent>();
  for (let i = 0; i < streamIds.length; i += IDS_PER_QUERY) {
    const ids = JSON.stringify(streamIds.slice(i, i + IDS_PER_QUERY));
    for (const row of st.lastEvents.all(ids)) {
      const event = decodeStoredEvent(row);
      last.set(event.streamId, event);
    }
  }
  return last;
};
