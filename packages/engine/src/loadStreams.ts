import type { DecodedCommand } from './decodeCommand.js';
import { foldEventsAsync } from './foldEvents.js';
import type { HandleDeps } from './handleCommand.js';
import { isHeadOnly, readHeads } from './headOf.js';
import { loadDerivedStreams, type LoadStates } from './loadDerivedStreams.js';
import { loadState } from './loadState.js';
import type { LoadedStream } from './planCommand.js';
import type { Workflow, WorkflowState } from './Workflow.js';

/** The streams of a command, loaded; `fromCache` when a state was taken from the cache unread. */
export interface LoadedStreams {
  readonly streams: readonly LoadedStream[];
  readonly fromCache: boolean;
}

/**
 * A stream's state: as cached when `trust` is set (no read at all), else from the cache plus its tail
 * or from snapshot + tail; cached afterwards. A stream named by `headOf` is read at its head, never
 * cached. Does I/O.
 */
const loadCached = async <C>(
  deps: HandleDeps,
  workflow: Workflow<C>,
  streamId: string,
  trust: boolean,
): Promise<{ state: WorkflowState<C>; fromCache: boolean }> => {
  if (isHeadOnly(workflow))
    return {
      state: await loadState(deps.store, deps.snapshots, workflow, streamId, 0),
      fromCache: false,
    };
  const cached = deps.cache.get(workflow, streamId);
  if (trust && cached !== undefined) return { state: cached, fromCache: true };
  const state =
    cached === undefined
      ? await loadState(deps.store, deps.snapshots, workflow, streamId, deps.snapshotEvery)
      : await foldEventsAsync(
          workflow,
          deps.store.readStream(streamId, { from: cached.version + 1 }),
          cached,
        );
  deps.cache.set(workflow, streamId, state);
  return { state, fromCache: false };
};

/**
 * Loads every stream a command names, then those its `derivedStreams` find in their states
 * (`loadDerivedStreams`). With `trustCache`, a cached state is used as it is, without
 * reading its tail: the caller must then treat only an accepted append (whose expected versions prove
 * those states current) as final, and decide again on read states otherwise. Throws when two aliases
 * name the same stream (a bug in `streams()`). Does I/O.
 */
export const loadStreams = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  trustCache: boolean,
): Promise<LoadedStreams> =>
  loadDerivedStreams(
    cmd,
    await loadNamedStreams(deps, cmd, trustCache),
    loadMany(deps, trustCache),
  );

/**
 * `loadCached` of several streams at once, those named by `headOf` read together (`readHeads`: one
 * store call for all of them when the store can). Does I/O.
 */
const loadMany =
  (deps: HandleDeps, trust: boolean): LoadStates =>
  async (refs) => {
    const headAt: number[] = [];
    const otherAt: number[] = [];
    refs.forEach((r, i) => (isHeadOnly(r.workflow) ? headAt : otherAt).push(i));
    const ref = (i: number) => refs[i]!;
    const [heads, others] = await Promise.all([
      headAt.length === 0
        ? []
        : readHeads(
            deps.store,
            ref(headAt[0]!).workflow,
            headAt.map((i) => ref(i).streamId),
          ),
      Promise.all(otherAt.map((i) => loadCached(deps, ref(i).workflow, ref(i).streamId, trust))),
    ]);
    const states: WorkflowState<unknown>[] = [];
    heads.forEach((state, j) => (states[headAt[j]!] = state));
    others.forEach(({ state }, j) => (states[otherAt[j]!] = state));
    return { states, fromCache: others.some((l) => l.fromCache) };
  };

const loadNamedStreams = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  trustCache: boolean,
): Promise<LoadedStreams> => {
  const refs = Object.entries(cmd.definition.streams(cmd.command));
  const seen = new Map<string, string>();
  for (const [alias, ref] of refs) {
    const other = seen.get(ref.streamId);
    if (other !== undefined)
      throw new Error(
        `${cmd.type}: aliases "${other}" and "${alias}" name the same stream ${ref.streamId}`,
      );
    seen.set(ref.streamId, alias);
  }
  if (trustCache) {
    // Every state cached (the common case): no promise per stream.
    const cached: LoadedStream[] = [];
    for (const [alias, { workflow, streamId }] of refs) {
      const state = deps.cache.get(workflow, streamId);
      if (state === undefined) break;
      cached.push({ alias, workflow, streamId, state });
    }
    if (refs.length > 0 && cached.length === refs.length)
      return { streams: cached, fromCache: true };
  }
  let fromCache = false;
  const streams = await Promise.all(
    refs.map(async ([alias, { workflow, streamId }]) => {
      const loaded = await loadCached(deps, workflow, streamId, trustCache);
      fromCache ||= loaded.fromCache;
      return { alias, workflow, streamId, state: loaded.state };
    }),
  );
  return { streams, fromCache };
};
