import { createHash } from 'node:crypto';
import { canonicalJson, validateJson, type JsonValue } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { AnyStateMachine, ContextFrom } from 'xstate';
import { compileTransitionTable } from './compileTransitionTable.js';
import { TIMER_EVENT_TYPES } from './timerEvents.js';
import { decodeEventData } from './upcastEvent.js';
import type {
  AnyEventSpecs,
  AnyWorkflow,
  EventSpec,
  EventSpecInput,
  EvolveMap,
  Workflow,
  WorkflowConfig,
} from './Workflow.js';

const JSON_LIMITS = { maxDepth: 64, maxChars: 16 * 1024 * 1024 };

const isPositiveInt = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;

/** SHA-256 of the canonical JSON of a machine's definition (functions are not part of it). Pure. */
const machineHashOf = (definition: unknown): string => {
  const plain: unknown = JSON.parse(JSON.stringify(definition));
  const json = validateJson(plain, 'machine', JSON_LIMITS);
  if (E.isLeft(json)) throw new Error(`machine definition is not JSON at ${json.left.path}`);
  return createHash('sha256').update(canonicalJson(json.right)).digest('hex');
};

const check = (ok: boolean, name: string, why: string): void => {
  if (!ok) throw new Error(`defineWorkflow(${name}): ${why}`);
};

const checkJson = (name: string, context: unknown): unknown => {
  const json = validateJson(context, 'initialContext', JSON_LIMITS);
  check(E.isRight(json), name, 'the initial context must be plain JSON');
  return context;
};

const specOf = <D>(input: EventSpecInput<D>): EventSpec<D> =>
  'codec' in input ? input : { codec: input, schemaVersion: 1 };

const checkEvents = (
  name: string,
  events: Readonly<Record<string, EventSpec<JsonValue>>>,
): void => {
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
 * The context of a new stream: `initialContext`, else the machine's own `context` (a plain object);
 * throws unless it is plain JSON. Pure.
 */
const initialContextOf = (name: string, given: unknown, machine: AnyStateMachine): unknown => {
  if (given !== undefined) return checkJson(name, given);
  const own: unknown = machine.config.context;
  check(
    typeof own === 'object' && own !== null,
    name,
    'give initialContext, or a machine with a plain-object `context`',
  );
  return checkJson(name, own);
};

/**
 * Defines a workflow: one kind of stream, folded by a transition table precompiled from an XState v5
 * machine (lifecycle) and the `evolve` reducers (context). Each event type is an io-ts codec (schema
 * version 1) or `{ codec, schemaVersion, upcasters }`; the context of a new stream is the machine's
 * `context` unless `initialContext` says otherwise; `version` defaults to 1. `workflow.event(type, data)` builds typed events
 * for `decide`. Throws on a malformed definition. Pure.
 * @example
 * const order = defineWorkflow({
 *   name: 'order', machine, // machine.context: { items: 0 }
 *   events: { ItemAdded: t.strict({ sku: t.string }) },
 *   evolve: { ItemAdded: (c) => ({ items: c.items + 1 }) },
 * });
 * order.event('ItemAdded', { sku: 'a-1' });
 */
export function defineWorkflow<
  C,
  Ev extends AnyEventSpecs,
  M extends AnyStateMachine = AnyStateMachine,
>(config: WorkflowConfig<C, Ev, M> & { readonly initialContext: C }): Workflow<C, Ev>;
export function defineWorkflow<Ev extends AnyEventSpecs, M extends AnyStateMachine>(
  config: WorkflowConfig<ContextFrom<M>, Ev, M>,
): Workflow<ContextFrom<M>, Ev>;
export function defineWorkflow(config: WorkflowConfig<unknown, AnyEventSpecs>): AnyWorkflow {
  const { name, version = 1, machine } = config;
  check(
    typeof name === 'string' && /^[A-Za-z][\w.-]*$/.test(name),
    String(name),
    'name must be a word',
  );
  check(isPositiveInt(version), name, 'version must be an integer >= 1');
  const events = Object.fromEntries(
    Object.entries(config.events).map(([type, input]) => [type, specOf(input)]),
  );
  checkEvents(name, events);
  const evolve: EvolveMap<unknown, AnyEventSpecs> = config.evolve ?? {};
  for (const key of Object.keys(evolve))
    check(key in events || TIMER_EVENT_TYPES.has(key), name, `evolve.${key} has no event spec`);
  const initialContext = initialContextOf(name, config.initialContext, machine);
  const table = compileTransitionTable(machine, Object.keys(events));
  const machineHash = machineHashOf(machine.definition);
  const codec = config.contextCodec;
  const isContext =
    codec === undefined
      ? (u: unknown): u is unknown => E.isRight(validateJson(u, 'context', JSON_LIMITS))
      : codec.is;
  return {
    _tag: 'Workflow',
    name,
    version,
    machine,
    events,
    initialContext,
    evolve,
    isContext,
    table,
    initialValue: table.initial,
    machineHash,
    snapshotKey: `${name}@${version}#${machineHash}`,
    event: (type, data) => ({ type, data }),
    dataOf: (type, event) => {
      const spec = events[type];
      if (spec === undefined) throw new Error(`${name}: event type "${type}" has no spec`);
      return decodeEventData(spec, event);
    },
  };
}
