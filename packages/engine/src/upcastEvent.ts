import type { JsonValue, StoredEvent } from '@strive/eventlog';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import type { EventSpec } from './Workflow.js';

/**
 * The data of a stored event at its spec's current schema version: older versions go through the
 * chain of upcasters (`upcasters[v]`: v -> v + 1). Throws for a version newer than the code. Pure.
 */
export const upcastEvent = <D>(spec: EventSpec<D>, event: StoredEvent): JsonValue => {
  if (event.schemaVersion === spec.schemaVersion) return event.data;
  if (event.schemaVersion > spec.schemaVersion)
    throw new Error(
      `event ${event.eventId} (${event.type}) has schema version ${event.schemaVersion}, newer than ` +
        `this code's ${spec.schemaVersion}; deploy the newer code to read it`,
    );
  let data = event.data;
  for (let v = event.schemaVersion; v < spec.schemaVersion; v++) {
    const up = spec.upcasters?.[v];
    if (up === undefined) throw new Error(`${event.type}: no upcaster from v${v}`);
    data = up(data);
  }
  return data;
};

/**
 * A stored event's data, upcast to the current schema version and checked by the codec; throws when
 * the codec refuses it (a corrupted or foreign log: rebuild from a verified log). Pure.
 */
export const decodeEventData = <D>(spec: EventSpec<D>, event: StoredEvent): D => {
  const data = upcastEvent(spec, event);
  if (spec.codec.is(data)) return data;
  throw new Error(
    `event ${event.eventId} (${event.type}) does not match its codec: ` +
      PathReporter.report(spec.codec.decode(data)).join('; '),
  );
};
