import type { DecodedCommand } from './decodeCommand.js';
import type { LoadedStreams } from './loadStreams.js';
import type { LoadedStream } from './planCommand.js';
import type { AnyWorkflow, WorkflowState } from './Workflow.js';

/** Loads one stream's state (from the cache or the store), saying whether it was taken unread. */
export type LoadState = (
  workflow: AnyWorkflow,
  streamId: string,
) => Promise<{ readonly state: WorkflowState<unknown>; readonly fromCache: boolean }>;

/**
 * Adds the streams a command finds in the states of its named streams (`derivedStreams`: a loan names
 * its member), loaded like the others. They are appended with their expected versions in the same
 * `appendMany`, and so are the streams that named them: if a naming stream moved since it was read, the
 * append conflicts and the command is decided again on fresh states, so the pair is always consistent.
 * Throws when a derived alias or stream repeats a named one (a bug in the command). Does I/O.
 */
export const loadDerivedStreams = async (
  cmd: DecodedCommand,
  named: LoadedStreams,
  load: LoadState,
): Promise<LoadedStreams> => {
  if (cmd.definition.derivedStreams === undefined) return named;
  const states = Object.fromEntries(named.streams.map((s) => [s.alias, s.state]));
  const refs = Object.entries(cmd.definition.derivedStreams(cmd.command, states));
  const streams: LoadedStream[] = [...named.streams];
  let fromCache = named.fromCache;
  for (const [alias, { workflow, streamId }] of refs) {
    const twin = streams.find((s) => s.alias === alias || s.streamId === streamId);
    if (twin !== undefined)
      throw new Error(
        `${cmd.type}: derived stream "${alias}" (${streamId}) repeats "${twin.alias}" (${twin.streamId})`,
      );
    const loaded = await load(workflow, streamId);
    fromCache ||= loaded.fromCache;
    streams.push({ alias, workflow, streamId, state: loaded.state });
  }
  return { streams, fromCache };
};
