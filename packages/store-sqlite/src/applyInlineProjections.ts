import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalJson,
  validateJson,
  type AppendResult,
  type InlineProjection,
  type JsonValue,
} from '@strive/eventlog';
import { decodeJsonColumn } from './decodeValues.js';
import type { Statements } from './prepareStatements.js';

const LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

/**
 * Folds freshly appended events into inline projections and writes the touched documents, inside
 * the caller's transaction. Each document is read once, folded through all its events in global
 * order and written once. A projection that returns something other than plain JSON is a programmer
 * error: it throws, which rolls the whole append back. Does I/O.
 */
export const applyInlineProjections = (
  st: Statements,
  inline: readonly InlineProjection[],
  results: readonly AppendResult[],
): void => {
  for (const p of inline) {
    const touched = new Map<string, JsonValue | undefined>();
    for (const r of results)
      for (const event of r.events) {
        const key = p.keyOf(event);
        if (key === undefined) continue;
        const current = touched.has(key) ? touched.get(key) : readDocument(st, p.name, key);
        const next = p.apply(current, event);
        const checked = validateJson(next, `inline projection ${p.name}[${key}]`, LIMITS);
        if (E.isLeft(checked))
          throw new Error(
            `inline projection ${p.name} returned a value that is not plain JSON at ` +
              `${checked.left.path}: ${checked.left.reason}; nothing was appended`,
          );
        touched.set(key, checked.right);
      }
    for (const [key, value] of touched)
      if (value !== undefined) st.upsertDocument.run(p.name, key, canonicalJson(value));
  }
};

/** One projection document, decoded, or `undefined` when absent. Does I/O. */
export const readDocument = (
  st: Statements,
  projection: string,
  key: string,
): JsonValue | undefined => {
  const text: unknown = st.readDocument.get(projection, key);
  return text === undefined ? undefined : decodeJsonColumn(text, `document ${projection}/${key}`);
};
