import { engineUuid } from './commandIds.js';

/**
 * The id of the `index`-th command a reactor's reaction to an event asks for: UUIDv5 of
 * `reaction:${reactor}:${eventId}:${index}` in the engine's namespace. A redelivered event gives the
 * same ids, so the engine's idempotency makes the reaction happen once. Pure.
 * @example reactionCommandId('pay-approved-claims', 'a1b2…', 0)
 */
export const reactionCommandId = (reactor: string, eventId: string, index: number): string =>
  engineUuid(`reaction:${reactor}:${eventId}:${index}`);
