import type { Workflow, WorkflowState } from './Workflow.js';

/**
 * Recently used stream states kept in process, so a hot stream (a campaign every command reads) is not
 * reloaded from its snapshot each time. The engine first decides on the entries as they are, without
 * reading anything; every append carries the expected version, and any other end (a refusal, a
 * conflict) is decided again after reading each stream's tail, so a stale entry can cost a second
 * decision but never a wrong one.
 */
export interface StateCache {
  get<C>(workflow: Workflow<C>, streamId: string): WorkflowState<C> | undefined;
  set<C>(workflow: Workflow<C>, streamId: string, state: WorkflowState<C>): void;
  delete(streamId: string): void;
}

interface Entry {
  readonly workflow: object;
  readonly state: unknown;
}

/**
 * An LRU `StateCache` of at most `capacity` streams (0 disables it). Holds state in memory; no I/O.
 * @example const cache = createStateCache(10_000);
 */
export const createStateCache = (capacity: number): StateCache => {
  const entries = new Map<string, Entry>();
  return {
    get: <C>(workflow: Workflow<C>, streamId: string) => {
      const entry = entries.get(streamId);
      if (entry === undefined || entry.workflow !== workflow) return undefined;
      entries.delete(streamId);
      entries.set(streamId, entry);
      // Only `set` with this very workflow object stored it, so the state is a WorkflowState<C>.
      return entry.state as WorkflowState<C>;
    },
    set: (workflow, streamId, state) => {
      if (capacity === 0) return;
      entries.delete(streamId);
      entries.set(streamId, { workflow, state });
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
    delete: (streamId) => void entries.delete(streamId),
  };
};
