import type { ProjectionFold } from '@strive/campaign';
import type { AnyProjection } from '@strive/engine';
import { canonicalJson, type EventStore } from '@strive/eventlog';
import { canonicalDerived, differs, type DerivedDiffers } from './DerivedResult.js';

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
    if (canonicalJson(value) !== canonicalDerived(docs.get(key)))
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
