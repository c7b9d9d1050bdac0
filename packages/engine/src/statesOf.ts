import type { LoadedStream } from './planCommand.js';
import type { WorkflowState } from './Workflow.js';

/**
 * The loaded states by alias, written in a loop rather than through an [alias, state] pair per stream:
 * a campaign-level command loads 45,000 streams, and pairs that all survive a scavenge make V8
 * allocate that site's later pairs in the old generation (see `versionCheck` in planCommand.ts). Pure.
 */
export const statesOf = (
  streams: readonly LoadedStream[],
): Record<string, WorkflowState<unknown>> => {
  const states: Record<string, WorkflowState<unknown>> = {};
  for (const s of streams) {
    // An alias "__proto__" would set the prototype: defined as an own property, as fromEntries does.
    if (s.alias === '__proto__')
      Object.defineProperty(states, s.alias, {
        value: s.state,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else states[s.alias] = s.state;
  }
  return states;
};
