import { refine } from '@strive/engine';
import { Id, IsoDateTime } from '../codec/primitives.js';
import { CampaignActorCodec } from '../domain/Role.js';

/** A campaign id: an `Id` without `-organization-` or `-member-`, so stream ids never collide. */
const CampaignIdCodec = refine(
  Id,
  (s) => !s.includes('-organization-') && !s.includes('-member-'),
  'CampaignId',
  'must be an id without "-organization-" or "-member-"',
);

/**
 * The fields every campaign command has, for the engine's `commandCodec`: the envelope narrowed (`id`
 * an `Id`, `at` an ISO-8601 time with offset, `actor` one of the campaign's roles) and its `campaignId`.
 * @example const Nominate = commandCodec('Nominate', { ...campaignFields, subject: SubjectRefCodec });
 */
export const campaignFields = {
  id: Id,
  at: IsoDateTime,
  actor: CampaignActorCodec,
  campaignId: CampaignIdCodec,
};
