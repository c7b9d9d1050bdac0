import type { JsonValue, StoredEvent } from '@strive/eventlog';
import { validateJson } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { Draft } from 'immer';

/** An immer recipe folding one event into a read-model document (mutate the draft). Pure. */
export type ProjectionRecipe<D> = {
  bivariant(draft: Draft<D>, data: JsonValue, event: StoredEvent): void;
}['bivariant'];

/** What `defineProjection` takes. */
export interface ProjectionConfig<D> {
  /** Stable name; documents live under `${name}@v${version}`, so a new version rebuilds from 0. */
  readonly name: string;
  readonly version: number;
  /** Which document an event updates (`undefined`: none). Pure. */
  readonly keyOf: (event: StoredEvent) => string | undefined;
  /** A document before its first event. Pure. */
  readonly initial: (key: string) => D;
  /** One immer recipe per event type; other types are skipped. */
  readonly apply: Readonly<Record<string, ProjectionRecipe<D>>>;
  /** Inline: updated in the append's transaction. Default: async, checkpointed. */
  readonly inline?: boolean;
  /** Whether a stored document is a `D` (an io-ts codec's `is`); default: any JSON. */
  readonly isDocument?: (u: unknown) => u is D;
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

/**
 * Defines a read model folded from the log with immer, one draft per batch. Pure.
 * @example
 * const counts = defineProjection({
 *   name: 'counts', version: 1, keyOf: (e) => e.streamId, initial: () => ({ n: 0 }),
 *   apply: { ItemAdded: (draft) => { draft.n += 1; } },
 * });
 */
export const defineProjection = <D>(config: ProjectionConfig<D>): Projection<D> => {
  if (!/^[A-Za-z][\w.-]*$/.test(config.name))
    throw new Error(`defineProjection: name "${config.name}" must be a word`);
  if (!Number.isSafeInteger(config.version) || config.version < 1)
    throw new Error(`defineProjection(${config.name}): version must be an integer >= 1`);
  return {
    _tag: 'Projection',
    name: config.name,
    version: config.version,
    keyOf: config.keyOf,
    initial: config.initial,
    apply: config.apply,
    inline: config.inline ?? false,
    storageName: `${config.name}@v${config.version}`,
    isDocument:
      config.isDocument ??
      ((u: unknown): u is D => E.isRight(validateJson(u, 'document', JSON_LIMITS))),
  };
};
