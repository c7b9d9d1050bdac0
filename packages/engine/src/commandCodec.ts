import type { Actor } from '@strive/eventlog';
import * as t from 'io-ts';

const ActorCodec = t.strict({ id: t.string, role: t.string });

/** The envelope every command has: `type`, `id`, `at` and `actor`. */
type Envelope<T extends string> = {
  readonly type: T;
  readonly id: string;
  readonly at: string;
  readonly actor: Actor;
};

/**
 * A command as `commandCodec(type, fields, optional)` decodes it: its envelope (`type`, `id`, `at`,
 * `actor`, each possibly narrowed by a field of the same name), its fields and its optional fields.
 */
export type CommandOf<
  T extends string,
  P extends t.Props,
  O extends t.Props = Record<never, t.Mixed>,
> = Envelope<T> & t.TypeOfProps<P> & t.TypeOfPartialProps<O>;

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * The io-ts codec of a command of `type`: `type`, `id`, `at` and `actor: { id, role }`, plus its own
 * `fields` and `optional` fields. Exact: an unknown key is an error (not stripped), also when the codec
 * is wrapped in another; the engine also checks `id` and `at`. A field named `id`, `at` or `actor`
 * narrows the envelope's (a closed set of roles, say). Pure.
 * @example const OpenClaim = commandCodec('OpenClaim', { claimId: t.string, title: t.string });
 * @example const Enroll = commandCodec('Enroll', { orgId: t.string }, { note: t.string });
 */
export const commandCodec = <
  T extends string,
  P extends t.Props,
  O extends t.Props = Record<never, t.Mixed>,
>(
  type: T,
  fields: P,
  optional?: O,
): t.Type<CommandOf<T, P, O>, unknown> => {
  const required = t.type({
    type: t.literal(type),
    id: t.string,
    at: t.string,
    actor: ActorCodec,
    ...fields,
  });
  const partial = t.partial(optional ?? {});
  const known = new Set([...Object.keys(required.props), ...Object.keys(partial.props)]);
  const unknownKeys = (u: Readonly<Record<string, unknown>>): string[] =>
    Object.keys(u).filter((k) => !known.has(k));
  const isCommand = (u: unknown): u is CommandOf<T, P, O> =>
    isRecord(u) && unknownKeys(u).length === 0 && required.is(u) && partial.is(u);
  return new t.ExactType<t.Mixed, CommandOf<T, P, O>, unknown, unknown>(
    type,
    isCommand,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, 'a command must be a JSON object');
      const a = required.validate(u, c);
      const b = partial.validate(u, c);
      const errors: t.ValidationError[] = unknownKeys(u).map((k) => ({
        value: u[k],
        context: [...c, { key: k, type: t.never, actual: u[k] }],
        message: 'unknown field',
      }));
      if (a._tag === 'Left') errors.push(...a.left);
      if (b._tag === 'Left') errors.push(...b.left);
      if (errors.length > 0 || a._tag === 'Left' || b._tag === 'Left') return t.failures(errors);
      // Codecs that change nothing answer the input itself: then so does the command's.
      const decoded = a.right === u && b.right === u ? u : { ...a.right, ...b.right };
      return isCommand(decoded) ? t.success(decoded) : t.failure(u, c);
    },
    (a) => a,
    t.intersection([required, partial]),
  );
};
