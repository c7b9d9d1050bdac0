import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@strive/eventlog';
import { v5 } from 'uuid';

/** The UUIDv5 namespace of every id the engine derives. */
export const ENGINE_NAMESPACE = '6f1d3c2a-8b4e-5f70-9a1b-2c3d4e5f6a7b';

/**
 * The id of the `index`-th event (counting across all its streams) a command appends: UUIDv5 of
 * `${commandId}:${index}`, so a retried or racing command writes the same ids and the store's own
 * idempotency settles the race. Pure.
 */
export const eventIdOf = (commandId: string, index: number): string =>
  v5(`${commandId}:${index}`, ENGINE_NAMESPACE);

/** SHA-256 (hex) of the RFC 8785 canonical JSON of a command: same payload, same digest. Pure. */
export const commandDigest = (command: JsonValue): string =>
  createHash('sha256').update(canonicalJson(command)).digest('hex');

/** The command id a timer fires with (UUIDv5 of `timer:${timerId}`). Pure. */
export const timerCommandId = (timerId: string): string => v5(`timer:${timerId}`, ENGINE_NAMESPACE);

/** The id of a timer's `TimerFired` event (UUIDv5 of `timer-fired:${timerId}`). Pure. */
export const timerFiredEventId = (timerId: string): string =>
  v5(`timer-fired:${timerId}`, ENGINE_NAMESPACE);
