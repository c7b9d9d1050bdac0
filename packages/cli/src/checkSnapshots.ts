import { campaignWorkflow, subjectWorkflow } from '@strive/campaign';
import { foldEvents, type AnyWorkflow } from '@strive/engine';
import {
  canonicalJson,
  isSealed,
  validateJson,
  type EventStore,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { DERIVED_LIMITS, differs, type DerivedDiffers } from './DerivedResult.js';

const WORKFLOWS: readonly AnyWorkflow[] = [campaignWorkflow, subjectWorkflow];

const streamEvents = async (
  store: EventStore,
  streamId: string,
  to: number,
): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const e of store.readStream(streamId, { to })) events.push(e);
  return events;
};

/**
 * Checks every snapshot the campaign workflows keep for `streams`: its seal, the event hash it is
 * bound to, and its state against the state folded from its own stream up to it. The first that
 * differs, or how many were checked. Does I/O (reads only this stream's events, never the log).
 */
export const checkSnapshots = async (
  store: EventStore,
  streams: Iterable<string>,
): Promise<DerivedDiffers | number> => {
  let checked = 0;
  for (const streamId of streams)
    for (const workflow of WORKFLOWS) {
      const s = await store.loadSnapshot(streamId, workflow.snapshotKey);
      if (s === undefined) continue;
      checked += 1;
      const what = `snapshot of ${streamId} (${workflow.name}) at position ${s.streamPosition}`;
      if (!isSealed(s)) return differs(what, 'its digest does not match its content');
      // only this stream's events up to the snapshot: the log itself is never held in memory
      const events = await streamEvents(store, streamId, s.streamPosition);
      const at = events[s.streamPosition - 1];
      if (at === undefined || at.hash !== s.eventHash)
        return differs(what, 'it is not bound to the event at that position (event hash)');
      let expected: string | undefined;
      try {
        const state = validateJson(foldEvents(workflow, events), 'state', DERIVED_LIMITS);
        expected = E.isRight(state) ? canonicalJson(state.right) : undefined;
      } catch (e) {
        return differs(
          what,
          `the log does not fold: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      if (canonicalJson(s.state) !== expected)
        return differs(what, 'its state differs from the state re-derived from the log');
    }
  return checked;
};
