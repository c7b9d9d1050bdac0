import type { NewEvent } from '@strive/eventlog';

/** An event as Emmett takes it: type, data and metadata objects. */
export interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The same event for Emmett (same type, data and metadata; Emmett assigns its own message id). Pure. */
export const toEmmett = (e: NewEvent): EmmettEvent => {
  if (!isRecord(e.data) || !isRecord(e.metadata))
    throw new Error('bench events have object data and metadata');
  return { type: e.type, data: e.data, metadata: e.metadata };
};
