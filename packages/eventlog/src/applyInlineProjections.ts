import * as E from 'fp-ts/lib/Either.js';
import { assertStorableName } from './assertProjectionCommit.js';
import type { StoredEvent } from './EventEnvelope.js';
import type { JsonValue } from './json.js';
import type { InlineProjection } from './ProjectionDocuments.js';
import { validateJson } from './validateJson.js';

/** One document an inline projection wants written, by (projection, key). */
export interface DocumentWrite {
  readonly projection: string;
  readonly key: string;
  readonly value: JsonValue;
}

/** Largest document an inline projection may produce, in UTF-16 code units (16 MiB). */
const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

const checkNames = (inline: readonly InlineProjection[]): void => {
  const names = new Set<string>();
  for (const p of inline) {
    assertStorableName('inline projection name', p.name);
    if (names.has(p.name))
      throw new Error(`inline projection "${p.name}" is given twice; give each a distinct name`);
    names.add(p.name);
  }
};

/**
 * The documents every inline projection touches for `events`, as (projection, key) pairs without
 * repeats, so a store can load them inside its transaction before calling `applyInlineProjections`.
 * Pure (given pure `keyOf` functions).
 */
export const inlineDocumentKeys = (
  inline: readonly InlineProjection[],
  events: readonly StoredEvent[],
): readonly { readonly projection: string; readonly key: string }[] => {
  checkNames(inline);
  const seen = new Map<string, Set<string>>();
  const out: { projection: string; key: string }[] = [];
  for (const e of events)
    for (const p of inline) {
      const key = p.keyOf(e);
      if (key === undefined) continue;
      const keys = seen.get(p.name) ?? new Set<string>();
      seen.set(p.name, keys);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push({ projection: p.name, key });
    }
  return out;
};

/**
 * Folds appended events into inline projections' documents, event by event in order, starting from the
 * documents `current` returns; gives the final value of every touched document. Throws (a programmer
 * error: the append must then write nothing) when a projection returns a value that is not plain JSON.
 * Pure (given pure projections).
 * @example const writes = applyInlineProjections(inline, result.events, (p, k) => loaded.get(p)?.get(k));
 */
export const applyInlineProjections = (
  inline: readonly InlineProjection[],
  events: readonly StoredEvent[],
  current: (projection: string, key: string) => JsonValue | undefined,
): readonly DocumentWrite[] => {
  checkNames(inline);
  const working = new Map<string, Map<string, JsonValue>>();
  for (const e of events)
    for (const p of inline) {
      const key = p.keyOf(e);
      if (key === undefined) continue;
      assertStorableName(`inline projection "${p.name}" key`, key);
      const docs = working.get(p.name) ?? new Map<string, JsonValue>();
      working.set(p.name, docs);
      const before = docs.has(key) ? docs.get(key) : current(p.name, key);
      const after: unknown = p.apply(before, e);
      const checked = validateJson(after, `${p.name}[${JSON.stringify(key)}]`, {
        maxDepth: 64,
        maxChars: MAX_DOCUMENT_CHARS,
      });
      if (E.isLeft(checked))
        throw new Error(
          `inline projection "${p.name}" returned a document that is not plain JSON at ` +
            `${checked.left.path}: ${checked.left.reason}; return plain JSON values only`,
        );
      docs.set(key, checked.right);
    }
  const out: DocumentWrite[] = [];
  for (const [projection, docs] of working)
    for (const [key, value] of docs) out.push({ projection, key, value });
  return out;
};
