import type { Candidate, TransitionTable } from './compileTransitionTable.js';

const MAX_EVENTLESS_STEPS = 100;

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Builds the `{ type, ...data }` event the machine's guards see (`{ type, data }` for non-object data).
 * Copies keys in a loop: `{ ...data, type }` falls off V8's fast path and was the hottest line of replay. Pure.
 */
export const machineEvent = (type: string, data: unknown): Record<string, unknown> => {
  if (!isRecord(data)) return { type, data };
  const event: Record<string, unknown> = { type };
  for (const key in data) event[key] = data[key];
  event['type'] = type;
  return event;
};

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
  const candidates = table.on.get(value)?.get(type);
  if (candidates === undefined || table.done.has(value)) return undefined;
  let event: unknown;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c === undefined) continue;
    const guard = c.guard;
    if (guard !== undefined) {
      event ??= machineEvent(type, data);
      if (!guard.check({ context, event }, guard.params)) continue;
    }
    return c.target ?? value;
  }
  return undefined;
};
