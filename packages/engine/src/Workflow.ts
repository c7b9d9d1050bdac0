import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type * as t from 'io-ts';
import type { AnyStateMachine } from 'xstate';
import type { TransitionTable } from './compileTransitionTable.js';
import type { TimerScheduledData } from './timerEvents.js';

/** A domain event as `decide` returns it: a type and its JSON data. */
export interface DomainEvent {
  readonly type: string;
  readonly data: JsonValue;
}

/** Migrates an event's data from one schema version to the next. Pure. */
export type Upcaster = (old: JsonValue) => JsonValue;

/** The part of an io-ts codec the engine uses: a type guard and a decoder (any `t.Type<D>` fits). */
export interface DataCodec<D> {
  readonly name: string;
  readonly is: (u: unknown) => u is D;
  decode(u: unknown): t.Validation<D>;
}

/**
 * How a workflow stores one event type: the io-ts codec of its data, its current schema version, and
 * `upcasters[v]` migrating data written at version `v` to `v + 1` (one per older version).
 */
export interface EventSpec<D> {
  readonly codec: DataCodec<D>;
  readonly schemaVersion: number;
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/** How `defineWorkflow` takes an event type: its codec alone (schema version 1), or a full `EventSpec`. */
export type EventSpecInput<D> = DataCodec<D> | EventSpec<D>;

/** Any event types as `defineWorkflow` takes them (used as a constraint): event data is JSON. */
export type AnyEventSpecs = Readonly<Record<string, EventSpecInput<JsonValue>>>;

/** The data type of an event spec or codec. */
export type DataOf<S> = S extends EventSpec<infer D> ? D : S extends DataCodec<infer D> ? D : never;

/** A typed event of a workflow with specs `Ev`: one of its declared types and that type's data. */
export type EventOf<Ev extends AnyEventSpecs> = {
  readonly [K in keyof Ev & string]: { readonly type: K; readonly data: DataOf<Ev[K]> };
}[keyof Ev & string];

/** A `TimerScheduled` event, as `schedule()` builds it. */
export interface ScheduledTimer {
  readonly type: 'TimerScheduled';
  readonly data: TimerScheduledData;
}

/** What `decide` may return for a stream of workflow `W`: its declared events, or `schedule(...)`. */
export type StreamEvent<W> =
  W extends Workflow<infer _C, infer Ev> ? EventOf<Ev> | ScheduledTimer : never;

/** Event types every workflow accepts without a machine transition (timers). */
export type TimerEventType = 'TimerScheduled' | 'TimerFired';

/** A context reducer for one event type. Pure. (Method syntax keeps workflows assignable to `AnyWorkflow`.) */
export type Evolver<C, D> = {
  bivariant(context: C, data: D, event: StoredEvent): C;
}['bivariant'];

/** The context reducers of a workflow: one optional reducer per event type (timer events included). */
export type EvolveMap<C, Ev extends AnyEventSpecs> = {
  readonly [K in keyof Ev]?: Evolver<C, DataOf<Ev[K]>>;
} & { readonly [K in TimerEventType]?: Evolver<C, JsonValue> };

/** What `defineWorkflow` takes. */
export interface WorkflowConfig<
  C,
  Ev extends AnyEventSpecs,
  M extends AnyStateMachine = AnyStateMachine,
> {
  /** Stable name; part of snapshot keys. */
  readonly name: string;
  /** Bump when `evolve` or the machine change meaning: snapshots of other versions are rebuilt. Default: 1. */
  readonly version?: number;
  /** An XState v5 machine from `setup({...}).createMachine(...)`, named guards only. */
  readonly machine: M;
  /** Each event type's io-ts codec, or `{ codec, schemaVersion, upcasters }` (a bare codec is version 1). */
  readonly events: Ev;
  /** The context of a new stream (JSON); default: the machine's own `context`. */
  readonly initialContext?: C;
  readonly evolve?: EvolveMap<C, Ev>;
  /**
   * Optional io-ts codec of the context. When given, snapshots are decoded with it (a snapshot that
   * fails is ignored and rebuilt); otherwise a snapshot is trusted by its key and a JSON check.
   */
  readonly contextCodec?: DataCodec<C>;
}

/** A defined workflow: its configuration plus the precompiled transition table and snapshot key. */
export interface Workflow<C, Ev extends AnyEventSpecs = AnyEventSpecs> {
  readonly _tag: 'Workflow';
  readonly name: string;
  readonly version: number;
  readonly machine: AnyStateMachine;
  /** Every declared event type's spec (a bare codec became `{ codec, schemaVersion: 1 }`). */
  readonly events: Readonly<Record<string, EventSpec<JsonValue>>>;
  readonly initialContext: C;
  readonly evolve: EvolveMap<C, Ev>;
  /** Whether a snapshot's context is acceptable (the context codec, or a JSON check). */
  readonly isContext: (u: unknown) => u is C;
  /** @internal The precompiled transition table. */
  readonly table: TransitionTable;
  /** The machine's initial state (dotted path). */
  readonly initialValue: string;
  /** SHA-256 of the canonical JSON of the machine's definition. */
  readonly machineHash: string;
  /** `${name}@${version}#${machineHash}`: snapshots with any other key are ignored. */
  readonly snapshotKey: string;
  /**
   * A typed event of this workflow for `decide` (a wrong type or data is a compile error). Pure.
   * @example claim.event('ClaimOpened', { employeeId: 'ana', title: 'Lyon' })
   */
  event<K extends keyof Ev & string>(
    type: K,
    data: DataOf<Ev[K]>,
  ): { readonly type: K; readonly data: DataOf<Ev[K]> };
  /**
   * A stored event's data as its type's codec reads it (older schema versions upcast first). Throws
   * when the log holds data the codec refuses (a corrupted or foreign log). Pure.
   */
  dataOf<K extends keyof Ev & string>(type: K, event: StoredEvent): DataOf<Ev[K]>;
}

/** Any workflow (used as a constraint). */
export type AnyWorkflow = Workflow<unknown>;

/** The context type of a workflow. */
export type ContextOf<W> = W extends Workflow<infer C, infer _Ev> ? C : never;

/** The event specs (as declared) of a workflow. */
export type EventsOf<W> = W extends Workflow<infer _C, infer Ev> ? Ev : never;

/**
 * A stream's folded state: the machine's state (dotted path for nested machines), the context from the
 * `evolve` reducers, the stream position of the last folded event (0 = new) and its `metadata.at`.
 */
export interface WorkflowState<C> {
  readonly value: string;
  readonly context: C;
  readonly version: number;
  readonly lastAt: string | null;
}
