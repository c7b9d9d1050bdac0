import type { JsonValue } from '@strive/eventlog';
import { decodeJsonColumn } from './decodeValues.js';
import type { Statements } from './prepareStatements.js';

/** One projection document, decoded with io-ts, or `undefined` when absent. Does I/O. */
export const readDocument = (
  st: Statements,
  projection: string,
  key: string,
): JsonValue | undefined => {
  const text: unknown = st.readDocument.get(projection, key);
  return text === undefined ? undefined : decodeJsonColumn(text, `document ${projection}/${key}`);
};
