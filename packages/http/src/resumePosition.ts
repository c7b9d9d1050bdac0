import type { EventStore } from '@strive/eventlog';

const position = (text: string): number | undefined =>
  /^\d{1,15}$/.test(text) ? Number(text) : undefined;

/**
 * Where a live event stream starts: after `Last-Event-ID` (a reconnecting client), else after
 * `?after=N`, else after the log's head (new events only); `undefined` when either is not a whole
 * number >= 0. Does I/O (reads the head).
 */
export const resumePosition = async (
  request: Request,
  store: EventStore,
): Promise<number | undefined> => {
  const lastId = request.headers.get('last-event-id');
  if (lastId !== null) return position(lastId.trim());
  const after = new URL(request.url).searchParams.get('after');
  if (after !== null) return position(after);
  return (await store.head()).globalPosition;
};
