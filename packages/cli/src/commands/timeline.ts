import type { EventStore } from '@strive/eventlog';
import { CliError } from '../CliError.js';
import type { Io } from '../Io.js';
import { formatTable } from '../table.js';

/** `strive timeline STREAM`: one stream's events with position, type, time and actor. Does I/O. */
export const timeline = async (
  store: EventStore,
  io: Io,
  streamId: string,
  json: boolean,
): Promise<number> => {
  const rows: {
    position: number;
    globalPosition: number;
    type: string;
    at: string;
    actor: string | null;
  }[] = [];
  for await (const e of store.readStream(streamId)) {
    rows.push({
      position: e.streamPosition,
      globalPosition: e.globalPosition,
      type: e.type,
      at: e.metadata.at,
      actor:
        e.metadata.actor === undefined ? null : `${e.metadata.actor.role}:${e.metadata.actor.id}`,
    });
  }
  if (rows.length === 0) throw new CliError(`stream ${streamId} has no events`, 1);
  if (json) {
    io.out(`${JSON.stringify({ streamId, events: rows })}\n`);
  } else {
    io.out(
      formatTable(
        ['position', 'type', 'time', 'actor'],
        rows.map((r) => [String(r.position), r.type, r.at, r.actor ?? '-']),
      ),
    );
  }
  return 0;
};
