import { isChainBroken, verify, type EventStore } from '@strive/eventlog';
import type { Io } from '../Io.js';

/** `strive verify`: re-walks the hash chain; `ok N events` and 0, or the first bad event and 1. Does I/O. */
export const verifyLog = async (store: EventStore, io: Io, json: boolean): Promise<number> => {
  const result = await verify(store);
  if (json) {
    io.out(
      `${JSON.stringify(isChainBroken(result) ? { ok: false, ...result } : { ok: true, ...result })}\n`,
    );
  } else if (isChainBroken(result)) {
    io.out(
      `chain broken at global position ${result.globalPosition} (stream ${result.streamId}, position ${result.streamPosition}): ${result.reason}\n`,
    );
  } else {
    io.out(`ok ${result.events} events\n`);
  }
  return isChainBroken(result) ? 1 : 0;
};
