import type {
  AppendRequest,
  EventMetadata,
  JsonValue,
  NewEvent,
  StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { eventIdOf } from './commandIds.js';
import type { DecodedCommand } from './decodeCommand.js';
import { foldEvents } from './foldEvents.js';
import { isHeadOnly } from './headOf.js';
import type { RuleFailure } from './policy.js';
import { stepTable } from './stepTable.js';
import { TimerScheduledData } from './timerEvents.js';
import type { AnyWorkflow, DomainEvent, WorkflowState } from './Workflow.js';

/** One stream of a command, loaded: alias, workflow, id and current state. */
export interface LoadedStream {
  readonly alias: string;
  readonly workflow: AnyWorkflow;
  readonly streamId: string;
  readonly state: WorkflowState<unknown>;
}

/** What to append for a command: one request per stream, in alias order. */
export interface CommandPlan {
  readonly requests: readonly AppendRequest[];
}

const specVersion = (workflow: AnyWorkflow, e: DomainEvent, where: () => string): number => {
  if (e.type === 'TimerScheduled') {
    if (!TimerScheduledData.is(e.data))
      throw new Error(`${where()}: TimerScheduled data is malformed; build it with schedule()`);
    return 1;
  }
  const spec = workflow.events[e.type];
  if (spec === undefined)
    throw new Error(`${where()}: workflow ${workflow.name} has no event type "${e.type}"`);
  if (!spec.codec.is(e.data))
    throw new Error(
      `${where()}: ${e.type} data does not match its codec: ` +
        PathReporter.report(spec.codec.decode(e.data)).join('; '),
    );
  return spec.schemaVersion;
};

/**
 * Turns a decision into append requests: deterministic event ids (`eventIdOf(commandId, i)`),
 * metadata with command id and digest (and the correlation and causation ids given to `handle`), and each stream's expected version. Every event must be a
 * legal transition of its stream's machine from the state the previous events lead to; otherwise the
 * result lists a `machine.transition` failure per illegal event. Throws when `decide` returned an
 * event its workflow does not declare or data its codec refuses (a bug in `decide`). Pure.
 */
export const planCommand = (
  cmd: DecodedCommand,
  digest: string,
  streams: readonly LoadedStream[],
  decided: Readonly<Record<string, readonly DomainEvent[] | undefined>>,
): E.Either<readonly RuleFailure[], CommandPlan> => {
  const metadata: EventMetadata = {
    at: cmd.at,
    ...(cmd.actor === undefined ? {} : { actor: cmd.actor }),
    commandId: cmd.id,
    commandDigest: digest,
    ...(cmd.correlationId === undefined ? {} : { correlationId: cmd.correlationId }),
    ...(cmd.causationId === undefined ? {} : { causationId: cmd.causationId }),
  };
  for (const alias of Object.keys(decided))
    if (!streams.some((s) => s.alias === alias))
      throw new Error(
        `${cmd.type}: decide returned events for "${alias}", which streams() does not name`,
      );
  const failures: RuleFailure[] = [];
  const requests: AppendRequest[] = [];
  let index = 0;
  for (const { alias, workflow, streamId, state } of streams) {
    const own = decided[alias] ?? [];
    if (own.length === 0) {
      requests.push(versionCheck(streamId, state.version));
      continue;
    }
    if (isHeadOnly(workflow))
      throw new Error(
        `${cmd.type}: decide returned events for "${alias}", which is read only at its head (headOf); name it with its workflow to append to it`,
      );
    const events: NewEvent[] = [];
    let current = state;
    for (const [i, e] of own.entries()) {
      const schemaVersion = specVersion(workflow, e, () => `${cmd.type} -> ${alias}[${i}]`);
      const event: NewEvent = {
        eventId: eventIdOf(cmd.id, index++),
        type: e.type,
        schemaVersion,
        data: e.data,
        metadata,
      };
      if (e.type !== 'TimerScheduled' && !isLegal(workflow, current, e.type, e.data))
        failures.push({
          ruleId: 'machine.transition',
          message: `${e.type} is not allowed for ${streamId} in state "${current.value}"`,
        });
      current = foldEvents(workflow, [provisional(streamId, current.version + 1, event)], current);
      events.push(event);
    }
    requests.push({ streamId, expectedVersion: state.version, events });
  }
  return failures.length > 0 ? E.left(failures) : E.right({ requests });
};

const NO_EVENTS: readonly NewEvent[] = [];

/**
 * The request of a stream the command only reads: its version checked, nothing appended. Built here,
 * apart from the requests that carry events, so that V8 does not pretenure those: a campaign-level
 * command version-checks 45,000 streams at once, and objects from one allocation site that all
 * survive make V8 allocate that site's later objects in the old generation, where every command's
 * events array then kept its young events alive through scavenges (twice the bytes promoted).
 */
const versionCheck = (streamId: string, expectedVersion: number): AppendRequest => ({
  streamId,
  expectedVersion,
  events: NO_EVENTS,
});

const isLegal = (
  workflow: AnyWorkflow,
  state: WorkflowState<unknown>,
  type: string,
  data: JsonValue,
): boolean => stepTable(workflow.table, state.value, state.context, type, data) !== undefined;

/** The envelope `evolve` sees while a decision is checked (before the store assigns positions and hashes). */
const provisional = (streamId: string, streamPosition: number, e: NewEvent): StoredEvent => ({
  eventId: e.eventId ?? '',
  streamId,
  streamPosition,
  globalPosition: 0,
  type: e.type,
  schemaVersion: e.schemaVersion ?? 1,
  data: e.data,
  metadata: e.metadata,
  prevHash: '',
  hash: '',
});
