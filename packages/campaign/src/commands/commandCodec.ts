import * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id, IsoDateTime } from '../codec/primitives.js';
import { refine } from '../codec/refine.js';
import { CampaignActorCodec } from '../domain/Role.js';

/** A campaign id: an `Id` without `-organization-` or `-member-`, so stream ids never collide. */
export const CampaignIdCodec = refine(
  Id,
  (s) => !s.includes('-organization-') && !s.includes('-member-'),
  'CampaignId',
  'must be an id without "-organization-" or "-member-"',
);

/**
 * io-ts codec of a whole command of `type`: the common fields (`type`, `id`, `at`, `actor`,
 * `campaignId`) plus `required` and `optional` fields; unknown keys are Invalid. Pure.
 * @example const Nominate = commandCodec('Nominate', { subject: SubjectRefCodec }, {});
 */
export const commandCodec = <T extends string, R extends t.Props, O extends t.Props>(
  type: T,
  required: R,
  optional: O,
) =>
  isFirst(
    closed(
      type,
      {
        type: t.literal(type),
        id: Id,
        at: IsoDateTime,
        actor: CampaignActorCodec,
        campaignId: CampaignIdCodec,
        ...required,
      },
      optional,
    ),
  );

/**
 * `codec` deciding a valid input with `is` and answering the input itself: the campaign's codecs do
 * not transform (each returns a value equal to its input, unknown keys refused at every level), and
 * `is` allocates no contexts, errors or copies. An invalid input is decoded as before, for its errors.
 */
const isFirst = <A>(codec: t.Type<A, unknown, unknown>): t.Type<A, unknown, unknown> =>
  new t.Type<A, unknown, unknown>(
    codec.name,
    codec.is,
    (u, c) => (codec.is(u) ? t.success(u) : codec.validate(u, c)),
    codec.encode,
  );
