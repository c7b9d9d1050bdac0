import type { ProjectionFold } from '@strive/campaign';
import type { AnyProjection } from '@strive/engine';
import { validateJson, type EventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { DERIVED_LIMITS, differs, type DerivedDiffers } from './DerivedResult.js';
import { sameJson } from './sameJson.js';

/** A projection folded from the log up to its checkpoint (every event when it is inline). */
export interface Refolded {
  readonly projection: AnyProjection;
  readonly checkpoint: number;
  readonly fold: ProjectionFold<unknown>;
}

/**
 * Compares every stored document of a read model with the one folded from the log up to its
 * checkpoint, both ways (none extra, none missing). The first that differs, or how many were checked.
 * Does I/O (reads the documents).
 */
export const checkProjection = async (
  store: EventStore,
  { projection, checkpoint, fold }: Refolded,
): Promise<DerivedDiffers | number> => {
  const docs = fold.documents();
  const seen = new Set<string>();
  let checked = 0;
  for await (const { key, value } of store.readDocuments(projection.storageName)) {
    const what = `document "${key}" of read model ${projection.storageName}`;
    seen.add(key);
    checked += 1;
    if (!docs.has(key)) return differs(what, 'the log gives no such document');
    const derived = validateJson(docs.get(key), 'value', DERIVED_LIMITS);
    // Equal canonical texts, compared without writing them (sameJson).
    if (E.isLeft(derived) || !sameJson(value, derived.right))
      return differs(
        what,
        `it differs from the document re-derived from the log up to its checkpoint ${checkpoint}`,
      );
  }
  for (const key of docs.keys())
    if (!seen.has(key) && checkpoint > 0)
      return differs(`document "${key}" of read model ${projection.storageName}`, 'it is missing');
  return checked;
};
