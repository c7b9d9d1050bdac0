import type { Projection } from '@strive/engine';
import type { StoredEvent } from '@strive/eventlog';
import { castDraft } from 'immer';

/** A projection's documents folded one event at a time (see `createProjectionFold`). */
export interface ProjectionFold<D> {
  /** Folds the next event (in global order) into its document, if the projection keeps one. */
  readonly add: (e: StoredEvent) => void;
  /** The documents so far by key, in the order their keys first appeared. */
  readonly documents: () => ReadonlyMap<string, D>;
  /** The documents so far, sorted by key (the order a store reads them back). */
  readonly sorted: () => D[];
}

/**
 * Folds a projection's documents in place with its own recipes, keeping the documents and never the
 * events, so a log of any length folds in the memory of its documents. The recipes only mutate the
 * document they are given, so plain objects serve as their drafts: the same documents as the engine's
 * immer fold (the report tests hold them equal to the stored projections). Pure (state lives in the
 * returned object).
 * @example
 * const subjects = createProjectionFold(subjectsProjection);
 * for await (const e of store.readAll()) subjects.add(e);
 * subjects.sorted();
 */
export const createProjectionFold = <D>(projection: Projection<D>): ProjectionFold<D> => {
  // A Map, so a document key such as "__proto__" stays an ordinary key.
  const docs = new Map<string, D>();
  return {
    add: (e) => {
      const recipe = projection.apply[e.type];
      if (recipe === undefined) return;
      const key = projection.keyOf(e);
      if (key === undefined) return;
      let doc = docs.get(key);
      if (doc === undefined) {
        doc = projection.initial(key);
        docs.set(key, doc);
      }
      // immer's own identity helper: a plain document is the draft the recipe mutates.
      recipe(castDraft(doc), e.data, e);
    },
    documents: () => docs,
    sorted: () =>
      [...docs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v),
  };
};
