import type { Actor } from '@strive/eventlog';
import * as t from 'io-ts';

const ActorCodec = t.strict({ id: t.string, role: t.string });

/** A command as `commandCodec(type, fields)` decodes it: `type`, `id`, `at`, `actor`, then its fields. */
export type CommandOf<T extends string, P extends t.Props> = {
  readonly type: T;
  readonly id: string;
  readonly at: string;
  readonly actor: Actor;
} & t.TypeOf<t.TypeC<P>>;

/**
 * The io-ts codec of a command of `type`: `type`, `id`, `at` and `actor: { id, role }`, plus its own
 * fields (the engine refuses unknown keys, and checks `id` and `at`). Pure.
 * @example const OpenClaim = commandCodec('OpenClaim', { claimId: t.string, title: t.string });
 */
export const commandCodec = <T extends string, P extends t.Props>(
  type: T,
  fields: P,
): t.Type<CommandOf<T, P>, unknown> =>
  t.exact(
    t.intersection([
      t.type({ type: t.literal(type), id: t.string, at: t.string, actor: ActorCodec }),
      t.type(fields),
    ]),
    type,
  );
