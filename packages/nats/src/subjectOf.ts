import type { StoredEvent } from '@strive/eventlog';

const UNSAFE = /[^A-Za-z0-9_-]/g;

/** A NATS subject token from any text: every character but letters, digits, `_` and `-` becomes `_`. Pure. */
export const subjectToken = (text: string): string =>
  text === '' ? '_' : text.replace(UNSAFE, '_');

/** The stream type of a stream id: the part before its first `-` (`claim-42` -> `claim`). Pure. */
export const streamTypeOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
};

/**
 * The default subject of an event: `${prefix}.${stream type}.${event type}`, each token made safe
 * (`strive.claim.ClaimApproved` for a `ClaimApproved` on `claim-42`). Pure.
 * @example subjectOf('strive')(event) // 'strive.claim.ClaimApproved'
 */
export const subjectOf =
  (prefix: string) =>
  (event: Pick<StoredEvent, 'streamId' | 'type'>): string =>
    `${prefix}.${subjectToken(streamTypeOf(event.streamId))}.${subjectToken(event.type)}`;
