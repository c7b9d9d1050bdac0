import { defineProjection } from '@strive/engine';
import type { JsonValue } from '@strive/eventlog';
import type { Draft } from 'immer';
import { campaignEventCodecs } from '../domain/campaignEvents.js';
import { decodeData } from './decodeData.js';
import type { ExemplarDoc } from './ExemplarDoc.js';

const TYPE = 'CommendationRecorded';

const keyOfData = (data: JsonValue): string => {
  const d = decodeData(campaignEventCodecs.CommendationRecorded, TYPE, data);
  return `${d.subject.kind}:${d.subject.id}`;
};

/**
 * The exemplars read model: every commended subject (keyed `<kind>:<id>`, so the same organization or
 * member commended in several campaigns of a store is one exemplar) with its commendations. Async,
 * checkpointed, idempotent on redelivery. Pure data.
 */
export const exemplarsProjection = defineProjection<ExemplarDoc>({
  name: 'campaign-exemplars',
  version: 1,
  keyOf: (e) => (e.type === TYPE ? keyOfData(e.data) : undefined),
  initial: (key) => {
    const [kind, ...id] = key.split(':');
    return {
      kind: kind === 'member' ? 'member' : 'organization',
      id: id.join(':'),
      name: '',
      commendations: [],
    };
  },
  apply: {
    [TYPE]: (draft: Draft<ExemplarDoc>, data: JsonValue) => {
      const d = decodeData(campaignEventCodecs.CommendationRecorded, TYPE, data);
      draft.name = d.name;
      if (draft.commendations.some((c) => c.campaignId === d.campaignId)) return;
      draft.commendations.push({ campaignId: d.campaignId, commendedAt: d.commendedAt });
    },
  },
});
