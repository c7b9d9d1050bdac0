import { createHash } from 'node:crypto';
import { canonicalJson, validateJson } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { compileTransitionTable } from './compileTransitionTable.js';
import { TIMER_EVENT_TYPES } from './timerEvents.js';
import type { AnyEventSpecs, EvolveMap, Workflow, WorkflowConfig } from './Workflow.js';

const JSON_LIMITS = { maxDepth: 64, maxChars: 16 * 1024 * 1024 };

const isPositiveInt = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;

/** SHA-256 of the canonical JSON of a machine's definition (functions are not part of it). Pure. */
export const machineHashOf = (definition: unknown): string => {
  const plain: unknown = JSON.parse(JSON.stringify(definition));
  const json = validateJson(plain, 'machine', JSON_LIMITS);
  if (E.isLeft(json)) throw new Error(`machine definition is not JSON at ${json.left.path}`);
  return createHash('sha256').update(canonicalJson(json.right)).digest('hex');
};

const check = (ok: boolean, name: string, why: string): void => {
  if (!ok) throw new Error(`defineWorkflow(${name}): ${why}`);
};

const checkEvents = (name: string, events: AnyEventSpecs): void => {
  for (const [type, spec] of Object.entries(events)) {
    check(
      !TIMER_EVENT_TYPES.has(type),
      name,
      `"${type}" is a built-in timer event; do not declare it`,
    );
    check(
      isPositiveInt(spec.schemaVersion),
      name,
      `events.${type}.schemaVersion must be an integer >= 1`,
    );
    for (let v = 1; v < spec.schemaVersion; v++)
      check(
        typeof spec.upcasters?.[v] === 'function',
        name,
        `events.${type} is at schema version ${spec.schemaVersion} but has no upcasters[${v}] (v${v} -> v${v + 1})`,
      );
  }
};

/**
 * Defines a workflow: one kind of stream, folded by a transition table precompiled from an XState v5
 * machine (lifecycle) and the `evolve` reducers (context). Throws on a malformed definition. Pure.
 * @example
 * const order = defineWorkflow({
 *   name: 'order', version: 1, machine, initialContext: { items: 0 },
 *   events: { ItemAdded: { codec: ItemAdded, schemaVersion: 1 } },
 *   evolve: { ItemAdded: (c) => ({ items: c.items + 1 }) },
 * });
 */
export const defineWorkflow = <C, Ev extends AnyEventSpecs>(
  config: WorkflowConfig<C, Ev>,
): Workflow<C, Ev> => {
  const { name, version, machine, events } = config;
  check(
    typeof name === 'string' && /^[A-Za-z][\w.-]*$/.test(name),
    String(name),
    'name must be a word',
  );
  check(isPositiveInt(version), name, 'version must be an integer >= 1');
  checkEvents(name, events);
  const evolve: EvolveMap<C, Ev> = config.evolve ?? {};
  for (const key of Object.keys(evolve))
    check(key in events || TIMER_EVENT_TYPES.has(key), name, `evolve.${key} has no event spec`);
  const initial = validateJson(config.initialContext, 'initialContext', JSON_LIMITS);
  check(E.isRight(initial), name, 'initialContext must be plain JSON');
  const table = compileTransitionTable(machine, Object.keys(events));
  const machineHash = machineHashOf(machine.definition);
  const codec = config.contextCodec;
  const isContext =
    codec === undefined
      ? (u: unknown): u is C => E.isRight(validateJson(u, 'context', JSON_LIMITS))
      : codec.is;
  return {
    _tag: 'Workflow',
    name,
    version,
    machine,
    events,
    initialContext: config.initialContext,
    evolve,
    isContext,
    table,
    initialValue: table.initial,
    machineHash,
    snapshotKey: `${name}@${version}#${machineHash}`,
  };
};
