import * as t from 'io-ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * An io-ts codec of an object with required and optional fields that refuses unknown keys (io-ts's
 * `t.exact` strips them instead), reporting each unknown key at its own path. Pure.
 * @example
 * const Doc = closed('Doc', { title: t.string }, { note: t.string }); // pass {} when nothing is optional
 * Doc.decode({ title: 'a', extra: 1 }); // Left: `extra` is an unknown field
 */
export const closed = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<t.TypeOfProps<R> & t.TypeOfPartialProps<O>, unknown, unknown> => {
  const inner = t.intersection([t.type(required), t.partial(optional)]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  return new t.Type(
    name,
    (u): u is t.TypeOfProps<R> & t.TypeOfPartialProps<O> =>
      isRecord(u) && Object.keys(u).every((k) => known.has(k)) && inner.is(u),
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, 'must be an object');
      const extra = Object.keys(u).filter((k) => !known.has(k));
      if (extra.length > 0)
        return t.failures(
          extra.map((k) => ({
            value: u[k],
            context: [...c, { key: k, type: t.never, actual: u[k] }],
            message: `unknown field "${k}"`,
          })),
        );
      return inner.validate(u, c);
    },
    (a) => a,
  );
};
