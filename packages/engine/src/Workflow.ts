import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type * as t from 'io-ts';
import type { AnyStateMachine } from 'xstate';
import type { TransitionTable } from './compileTransitionTable.js';

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

/** Any event specs (used as a constraint). */
export type AnyEventSpecs = Readonly<Record<string, EventSpec<unknown>>>;

/** The data type of an event spec. */
export type DataOf<S> = S extends EventSpec<infer D> ? D : never;

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
export interface WorkflowConfig<C, Ev extends AnyEventSpecs> {
  /** Stable name; part of snapshot keys. */
  readonly name: string;
  /** Bump when `evolve` or the machine change meaning: snapshots of other versions are rebuilt. */
  readonly version: number;
  /** An XState v5 machine from `setup({...}).createMachine(...)`, named guards only. */
  readonly machine: AnyStateMachine;
  readonly events: Ev;
  /** The context of a new stream (JSON). */
  readonly initialContext: C;
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
  readonly events: Ev;
  readonly initialContext: C;
  readonly evolve: EvolveMap<C, Ev>;
  /** Whether a snapshot's context is acceptable (the context codec, or a JSON check). */
  readonly isContext: (u: unknown) => u is C;
  readonly table: TransitionTable;
  /** The machine's initial state (dotted path). */
  readonly initialValue: string;
  /** SHA-256 of the canonical JSON of the machine's definition. */
  readonly machineHash: string;
  /** `${name}@${version}#${machineHash}`: snapshots with any other key are ignored. */
  readonly snapshotKey: string;
}

/** Any workflow (used as a constraint). */
export type AnyWorkflow = Workflow<unknown>;

/** The context type of a workflow. */
export type ContextOf<W> = W extends Workflow<infer C, AnyEventSpecs> ? C : never;

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
