import type * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { FiniteNumber, Id, IsoDateTime, ShortString } from '../codec/primitives.js';

/**
 * io-ts codec of one pledge of a commitment. Shapes are checked here; whether a pledge is concrete
 * (non-empty text, value > 0, due within the campaign) is the `commitment.concrete` rule's verdict.
 */
export const PledgeCodec = closed(
  'Pledge',
  {
    id: Id,
    text: ShortString,
    centralTask: ShortString,
    target: closed('Target', { metric: ShortString, value: FiniteNumber }, { unit: ShortString }),
    due: IsoDateTime,
  },
  {},
);

/** A pledge: what, for which central task, measured how, by when. */
export type Pledge = t.TypeOf<typeof PledgeCodec>;
