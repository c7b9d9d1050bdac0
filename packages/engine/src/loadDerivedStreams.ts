import type { DecodedCommand } from './decodeCommand.js';
import type { LoadedStreams } from './loadStreams.js';
import type { LoadedStream } from './planCommand.js';
import type { AnyWorkflow, WorkflowState } from './Workflow.js';

/** A stream to load: its workflow and id. */
interface StreamToLoad {
  readonly workflow: AnyWorkflow;
  readonly streamId: string;
}

/**
 * Loads some streams' states (from the cache or the store), in the order given, saying whether any
 * was taken unread.
 */
export type LoadStates = (
  refs: readonly StreamToLoad[],
) => Promise<{ readonly states: readonly WorkflowState<unknown>[]; readonly fromCache: boolean }>;

/** How many derived streams load at once. */
const CHUNK = 256;

/**
 * Adds the streams a command finds in the states of its streams (`derivedStreams`: a loan names its
 * member; a campaign its organizations, which name their members), loaded like the others:
 * `derivedStreams` is called with the states loaded so far until it names no new stream (a stream
 * found in a derived stream's state is loaded too). They are appended with their expected versions in
 * the same `appendMany`, and so are the streams that named them: if any of them moved since it was
 * read, the append conflicts and the command is decided again on fresh states, so they are always
 * consistent. Throws when a derived alias or stream repeats a named one, or names two things (a bug in
 * the command). Does I/O.
 */
export const loadDerivedStreams = async (
  cmd: DecodedCommand,
  named: LoadedStreams,
  load: LoadStates,
): Promise<LoadedStreams> => {
  const { definition } = cmd;
  if (definition.derivedStreams === undefined) return named;
  const streams: LoadedStream[] = [...named.streams];
  // Every alias and stream id known so far, both ways (41k subjects: no linear search).
  const streamOf = new Map(streams.map((s) => [s.alias, s.streamId]));
  const aliasOf = new Map(streams.map((s) => [s.streamId, s.alias]));
  const isNamed = new Set(streamOf.keys());
  let fromCache = named.fromCache;
  // The states by alias, grown as streams load (41k subjects: not rebuilt for each call).
  const states: Record<string, WorkflowState<unknown>> = {};
  for (const s of streams) states[s.alias] = s.state;
  for (;;) {
    const fresh: [string, StreamToLoad][] = [];
    for (const [alias, ref] of Object.entries(definition.derivedStreams(cmd.command, states))) {
      const known = streamOf.get(alias);
      if (known === ref.streamId && !isNamed.has(alias)) continue; // derived before
      const twin = known === undefined ? aliasOf.get(ref.streamId) : alias;
      if (twin !== undefined)
        throw new Error(
          `${cmd.type}: derived stream "${alias}" (${ref.streamId}) repeats "${twin}" (${streamOf.get(twin) ?? ''})`,
        );
      streamOf.set(alias, ref.streamId);
      aliasOf.set(ref.streamId, alias);
      fresh.push([alias, ref]);
    }
    if (fresh.length === 0) return { streams, fromCache };
    // At most CHUNK loads at once: a campaign names 45,000 streams, and as many reads in flight held
    // 2.3 GB where chunks of 256 hold what one chunk needs.
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const loaded = await load(chunk.map(([, ref]) => ref));
      fromCache ||= loaded.fromCache;
      chunk.forEach(([alias, { workflow, streamId }], j) => {
        const state = loaded.states[j];
        if (state === undefined) throw new Error(`${cmd.type}: no state loaded for ${streamId}`);
        streams.push({ alias, workflow, streamId, state });
        states[alias] = state;
      });
    }
  }
};
