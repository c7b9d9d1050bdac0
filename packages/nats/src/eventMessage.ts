import * as E from 'fp-ts/lib/Either.js';
import { StoredEventCodec, type StoredEvent } from '@strive/eventlog';
import { computeEventHash } from '@strive/eventlog/adapter';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The body of an event's message: the stored envelope as JSON, hashes included. Pure. */
export const encodeEvent = (event: StoredEvent): Uint8Array =>
  encoder.encode(JSON.stringify(event));

/** A message that is not a genuine stored event: why, and the message's JetStream sequence. */
export interface ForgedMessage {
  readonly _tag: 'ForgedMessage';
  readonly seq: number;
  readonly reason: string;
}

/**
 * Decodes a message body back into a `StoredEvent` and checks its hash against its content: a
 * message that is not UTF-8 JSON, not an event envelope, or whose content does not hash to its
 * `hash` is a `ForgedMessage`. (A forger who also recomputes the hash is caught by the chain:
 * `createMessageChecker` with `chain: true`.) Pure.
 * @example const r = decodeEvent(msg.data, msg.seq); if (E.isRight(r)) show(r.right);
 */
export const decodeEvent = (
  data: Uint8Array,
  seq: number,
): E.Either<ForgedMessage, StoredEvent> => {
  const forged = (reason: string): E.Either<ForgedMessage, StoredEvent> =>
    E.left({ _tag: 'ForgedMessage', seq, reason });
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch {
    return forged('not UTF-8 JSON');
  }
  const decoded = StoredEventCodec.decode(json);
  if (E.isLeft(decoded)) return forged('not a stored event envelope');
  const event = decoded.right;
  return computeEventHash(event) === event.hash
    ? E.right(event)
    : forged(`event ${event.eventId}: content does not match its hash`);
};
