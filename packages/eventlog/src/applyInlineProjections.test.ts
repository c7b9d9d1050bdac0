import { describe, expect, it } from 'vitest';
import { applyInlineProjections, inlineDocumentKeys } from './applyInlineProjections.js';
import { GENESIS_HASH, type StoredEvent } from './EventEnvelope.js';
import type { InlineProjection } from './ProjectionDocuments.js';

const event = (globalPosition: number, streamId: string): StoredEvent => ({
  eventId: `01900000-0000-7000-8000-${String(globalPosition).padStart(12, '0')}`,
  streamId,
  streamPosition: 1,
  globalPosition,
  type: 'T',
  schemaVersion: 1,
  data: null,
  metadata: { at: '2025-01-01T00:00:00Z' },
  prevHash: GENESIS_HASH,
  hash: GENESIS_HASH,
});

const positions: InlineProjection = {
  name: 'positions',
  keyOf: (e) => (e.streamId === 'skip' ? undefined : e.streamId),
  apply: (doc, e) =>
    typeof doc === 'string' ? `${doc},${e.globalPosition}` : `${e.globalPosition}`,
};
const events = [event(1, 'a'), event(2, 'skip'), event(3, 'b'), event(4, 'a')];

describe('applyInlineProjections', () => {
  it('folds events in order from the current documents, one write per touched key', () => {
    const writes = applyInlineProjections([positions], events, (_p, key) =>
      key === 'a' ? '0' : undefined,
    );
    expect(writes).toEqual([
      { projection: 'positions', key: 'a', value: '0,1,4' },
      { projection: 'positions', key: 'b', value: '3' },
    ]);
  });

  it('lists the documents to load without repeats', () => {
    expect(inlineDocumentKeys([positions], events)).toEqual([
      { projection: 'positions', key: 'a' },
      { projection: 'positions', key: 'b' },
    ]);
  });

  it('throws, naming the projection, when a document is not plain JSON', () => {
    const bad: InlineProjection = { ...positions, apply: () => ({ when: NaN }) };
    expect(() => applyInlineProjections([bad], events, () => undefined)).toThrow(
      /"positions".*when/,
    );
  });

  it('throws on a projection name given twice and on an unstorable key', () => {
    expect(() => applyInlineProjections([positions, positions], events, () => undefined)).toThrow(
      /twice/,
    );
    const nul: InlineProjection = { ...positions, keyOf: () => 'a\0' };
    expect(() => inlineDocumentKeys([nul], events)).not.toThrow();
    expect(() => applyInlineProjections([nul], events, () => undefined)).toThrow(/key/);
  });
});
