import { type JsonValue, type StoredEvent, validateJson } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { Draft } from 'immer';
import type { AnyWorkflow, EventOf, EventsOf } from './Workflow.js';

/** An immer recipe folding one event into a read-model document: mutate the draft, or return the new document. Pure. */
export type ProjectionRecipe<D> = {
  bivariant(draft: Draft<D>, data: JsonValue, event: StoredEvent): D | void;
}['bivariant'];

/** What `defineProjection` takes. */
export interface ProjectionConfig<D> {
  /** Stable name; documents live under `${name}@v${version}`, so a new version rebuilds from 0. */
  readonly name: string;
  /** Bump when the recipes change meaning: the documents are rebuilt from the log. Default: 1. */
  readonly version?: number;
  /** Which document an event updates (`undefined`: none). Pure. */
  readonly keyOf: (event: StoredEvent) => string | undefined;
  /** A document before its first event. Pure. */
  readonly initial: (key: string) => D;
  /** One immer recipe per event type (mutate the draft or return the document); other types are skipped. */
  readonly apply: Readonly<Record<string, ProjectionRecipe<D>>>;
  /** Inline: updated in the append's transaction. Default: async, checkpointed. */
  readonly inline?: boolean;
  /** Whether a stored document is a `D` (an io-ts codec's `is`); default: any JSON. */
  readonly isDocument?: (u: unknown) => u is D;
}

/** The typed events of some workflows (a union of workflow types). */
type EventsOfAll<W> = W extends AnyWorkflow ? EventOf<EventsOf<W>> : never;

/**
 * An immer recipe for one event type of some workflows: `data` decoded (upcast, checked) and typed;
 * mutate the draft, or return the new document.
 */
export type TypedRecipe<D, Data> = {
  bivariant(draft: Draft<D>, data: Data, event: StoredEvent): D | void;
}['bivariant'];

/** What `defineProjection` takes with `workflows`: recipes get each event's decoded, typed data. */
export interface WorkflowProjectionConfig<D, W extends AnyWorkflow> extends Omit<
  ProjectionConfig<D>,
  'apply' | 'keyOf'
> {
  /** The workflows whose events the projection reads; their codecs decode the data recipes get. */
  readonly workflows: readonly W[];
  /** Which document an event updates (`undefined`: none); default: its stream id. Pure. */
  readonly keyOf?: (event: StoredEvent) => string | undefined;
  /** One immer recipe per event type of the workflows; other types are skipped. */
  readonly apply: {
    readonly [K in EventsOfAll<W>['type']]?: TypedRecipe<
      D,
      Extract<EventsOfAll<W>, { readonly type: K }>['data']
    >;
  };
}

/** A defined projection. */
export interface Projection<D> extends Required<Omit<ProjectionConfig<D>, 'isDocument'>> {
  readonly _tag: 'Projection';
  /** Where its documents and checkpoint live in the store's ProjectionDocuments. */
  readonly storageName: string;
  readonly isDocument: (u: unknown) => u is D;
}

/** Any projection (used as a constraint). */
export type AnyProjection = Projection<unknown>;

const JSON_LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

/** The recipes of a workflow projection over raw data: each decodes with its type's workflow. Pure. */
const decodingRecipes = <D>(
  workflows: readonly AnyWorkflow[],
  apply: Readonly<Record<string, TypedRecipe<D, JsonValue> | undefined>>,
): Record<string, ProjectionRecipe<D>> => {
  const recipes: Record<string, ProjectionRecipe<D>> = {};
  for (const [type, recipe] of Object.entries(apply)) {
    const workflow = workflows.find((w) => Object.prototype.hasOwnProperty.call(w.events, type));
    if (workflow === undefined)
      throw new Error(`defineProjection: no workflow of the projection declares "${type}"`);
    if (recipe !== undefined)
      recipes[type] = (draft, _data, event) => recipe(draft, workflow.dataOf(type, event), event);
  }
  return recipes;
};

/**
 * Defines a read model folded from the log with immer, one draft per batch; a recipe mutates its
 * document's draft or returns the new document. With `workflows`, recipes
 * get each event's data decoded by its workflow's codec (upcast, typed) and `keyOf` defaults to the
 * stream id; without, they get the stored JSON. `version` defaults to 1. Pure.
 * @example
 * const claims = defineProjection({
 *   name: 'claims', workflows: [claim], initial: () => ({ total: 0 }),
 *   apply: { ExpenseAdded: (row, { cents }) => { row.total += cents; } },
 * });
 */
export function defineProjection<D, W extends AnyWorkflow>(
  config: WorkflowProjectionConfig<D, W>,
): Projection<D>;
export function defineProjection<D>(config: ProjectionConfig<D>): Projection<D>;
export function defineProjection<D>(
  config: ProjectionConfig<D> | WorkflowProjectionConfig<D, AnyWorkflow>,
): Projection<D> {
  if (!/^[A-Za-z][\w.-]*$/.test(config.name))
    throw new Error(`defineProjection: name "${config.name}" must be a word`);
  const version = config.version ?? 1;
  if (!Number.isSafeInteger(version) || version < 1)
    throw new Error(`defineProjection(${config.name}): version must be an integer >= 1`);
  const typed = 'workflows' in config;
  return {
    _tag: 'Projection',
    name: config.name,
    version,
    keyOf: config.keyOf ?? ((event) => event.streamId),
    initial: config.initial,
    apply: typed ? decodingRecipes(config.workflows, config.apply) : config.apply,
    inline: config.inline ?? false,
    storageName: `${config.name}@v${version}`,
    isDocument:
      config.isDocument ??
      ((u: unknown): u is D => E.isRight(validateJson(u, 'document', JSON_LIMITS))),
  };
}
