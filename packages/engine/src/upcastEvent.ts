import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type { EventSpec } from './Workflow.js';

/**
 * The data of a stored event at its spec's current schema version: older versions go through the
 * chain of upcasters (`upcasters[v]`: v -> v + 1). Throws for a version newer than the code. Pure.
 */
export const upcastEvent = (spec: EventSpec<unknown>, event: StoredEvent): JsonValue => {
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
