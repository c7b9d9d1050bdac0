import type { Candidate, TransitionTable } from './compileTransitionTable.js';

const MAX_EVENTLESS_STEPS = 100;

/** Builds the `{ type, ...data }` event the machine's guards see. Pure. */
export const machineEvent = (type: string, data: unknown): Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data)
    ? { ...data, type }
    : { type, data };

const select = (
  candidates: readonly Candidate[],
  context: unknown,
  event: () => unknown,
): Candidate | undefined => {
  for (const c of candidates) {
    if (c.guard === undefined) return c;
    if (c.guard.check({ context, event: event() }, c.guard.params)) return c;
  }
  return undefined;
};

/** Follows eventless (`always`) transitions from a leaf until none is enabled. Pure. */
export const settle = (
  table: TransitionTable,
  value: string,
  context: unknown,
  event: () => unknown,
): string => {
  let current = value;
  for (let i = 0; i < MAX_EVENTLESS_STEPS; i++) {
    const eventless = table.always.get(current);
    if (eventless === undefined) return current;
    const chosen = select(eventless, context, event);
    if (chosen === undefined || chosen.target === null || chosen.target === current) return current;
    current = chosen.target;
  }
  throw new Error(`eventless transitions loop from "${value}"; make one of their guards false`);
};

/**
 * The machine's next leaf state for an event, from the precompiled table with the machine's guards
 * (evaluated on the context before the event), or `undefined` when no transition is enabled (the event
 * is illegal in this state). Eventless transitions are followed by `settle`, after the context has
 * evolved. Pure.
 */
export const stepTable = (
  table: TransitionTable,
  value: string,
  context: unknown,
  type: string,
  data: unknown,
): string | undefined => {
  if (table.done.has(value)) return undefined;
  const candidates = table.on.get(value)?.get(type);
  if (candidates === undefined) return undefined;
  let built: unknown;
  const event = (): unknown => (built ??= machineEvent(type, data));
  const chosen = select(candidates, context, event);
  if (chosen === undefined) return undefined;
  return chosen.target ?? value;
};
