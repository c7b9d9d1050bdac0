import { listParkedReactions, requestParkedRetry } from '@strive/engine';
import type { EventStore } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import type { Io } from '../Io.js';
import { formatTable } from '../table.js';

/**
 * `strive reactors NAME [--retry EVENT_ID|all]`: a reactor's parked reactions (position, event type,
 * stream, attempts, reason), or marks some for the running reactor to retry. Does I/O.
 */
export const reactors = async (
  store: EventStore,
  io: Io,
  reactor: string,
  options: { readonly retry?: string; readonly json: boolean },
): Promise<number> => {
  if (options.retry !== undefined) {
    const marked = await requestParkedRetry(store, reactor, options.retry);
    if (marked.length === 0)
      throw new CliError(
        options.retry === 'all'
          ? `reactor ${reactor} has no parked reaction`
          : `reactor ${reactor} has no parked reaction for event ${options.retry}`,
        1,
      );
    io.out(
      options.json
        ? `${JSON.stringify({ reactor, retryRequested: marked })}\n`
        : `retry requested for ${marked.length} parked reaction(s) of ${reactor}; its running reactor retries them when idle\n`,
    );
    return 0;
  }
  const parked = await listParkedReactions(store, reactor);
  if (options.json) {
    io.out(`${JSON.stringify({ reactor, parked })}\n`);
    return 0;
  }
  if (parked.length === 0) {
    io.out(`reactor ${reactor}: no parked reaction\n`);
    return 0;
  }
  io.out(
    formatTable(
      ['position', 'event', 'stream', 'attempts', 'retry', 'reason'],
      parked.map((p) => [
        String(p.globalPosition),
        p.eventType,
        p.streamId,
        String(p.attempts),
        p.retryRequested === true ? 'requested' : '-',
        `${p.reason.kind}: ${p.reason.message}`,
      ]),
    ),
  );
  return 0;
};
