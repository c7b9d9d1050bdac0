import { validateJson, type InlineProjection } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { castDraft, Immer } from 'immer';
import { keyFor } from './catchUpProjection.js';
import type { Projection } from './defineProjection.js';

const immer = new Immer({ autoFreeze: false });

/**
 * The store-side form of an inline projection: the store calls it per appended event inside the
 * append's transaction (an append is one command's few events, so a draft per event is cheap here). Pure.
 */
export const toInlineProjection = <D>(projection: Projection<D>): InlineProjection => ({
  name: projection.storageName,
  keyOf: (event) => keyFor(projection, event),
  apply: (document, event) => {
    const key = projection.keyOf(event) ?? '';
    const base =
      document !== undefined && projection.isDocument(document)
        ? document
        : projection.initial(key);
    const recipe = projection.apply[event.type];
    const next =
      recipe === undefined
        ? base
        : immer.produce(base, (draft) => {
            const returned = recipe(draft, event.data, event);
            return returned === undefined ? undefined : castDraft(returned);
          });
    const json = validateJson(next, `${projection.storageName}.${key}`, {
      maxDepth: 64,
      maxChars: 64 * 1024 * 1024,
    });
    if (E.isLeft(json))
      throw new Error(
        `${projection.storageName}: document "${key}" is not JSON: ${json.left.reason}`,
      );
    return json.right;
  },
});
