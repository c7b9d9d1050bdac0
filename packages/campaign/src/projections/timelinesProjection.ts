import { defineProjection, type ProjectionRecipe } from '@strive/engine';
import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type { Draft } from 'immer';
import { campaignEventCodecs, isCampaignEventType } from '../domain/campaignEvents.js';
import { isSubjectEventType, subjectEventCodecs } from '../domain/subjectEvents.js';
import type { TimelineDoc } from './TimelineDoc.js';

const entry: ProjectionRecipe<TimelineDoc> = (
  draft: Draft<TimelineDoc>,
  _data: JsonValue,
  e: StoredEvent,
) => {
  if (draft.entries.some((x) => x.globalPosition === e.globalPosition)) return;
  draft.entries.push({
    position: e.streamPosition,
    globalPosition: e.globalPosition,
    type: e.type,
    at: e.metadata.at,
    actor: e.metadata.actor === undefined ? null : { ...e.metadata.actor },
    commandId: e.metadata.commandId ?? null,
  });
};

const TYPES = [...Object.keys(campaignEventCodecs), ...Object.keys(subjectEventCodecs)];

/**
 * Every campaign and subject stream's timeline: each event with its position, type, business time,
 * actor and command id (refused commands leave no trace in the log, so they are not here; `run`
 * reports them). Async, checkpointed, idempotent on redelivery. Pure data.
 */
export const timelinesProjection = defineProjection<TimelineDoc>({
  name: 'campaign-timelines',
  version: 1,
  keyOf: (e) =>
    isCampaignEventType(e.type) || isSubjectEventType(e.type) ? e.streamId : undefined,
  initial: (key) => ({ streamId: key, entries: [] }),
  apply: Object.fromEntries(TYPES.map((type) => [type, entry])),
});
