import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * An io-ts codec of an object with required and optional fields that refuses unknown keys (io-ts's
 * `t.exact` strips them instead), reporting each unknown key and each bad field at its own path
 * (`pledges.0.target.value`, no intersection indices). Pure.
 * @example
 * const Doc = closed('Doc', { title: t.string }, { note: t.string }); // pass {} when nothing is optional
 * Doc.decode({ title: 'a', extra: 1 }); // Left: `extra` is an unknown field
 */
export const closed = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<t.TypeOfProps<R> & t.TypeOfPartialProps<O>, unknown, unknown> => {
  const req = t.type(required);
  const opt = t.partial(optional);
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  return new t.Type<t.TypeOfProps<R> & t.TypeOfPartialProps<O>, unknown, unknown>(
    name,
    (u): u is t.TypeOfProps<R> & t.TypeOfPartialProps<O> =>
      isRecord(u) && Object.keys(u).every((k) => known.has(k)) && req.is(u) && opt.is(u),
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, 'must be an object');
      const extra: t.Errors = Object.keys(u)
        .filter((k) => !known.has(k))
        .map((k) => ({
          value: u[k],
          context: [...c, { key: k, type: t.never, actual: u[k] }],
          message: `unknown field "${k}"`,
        }));
      const a = req.validate(u, c);
      const b = opt.validate(u, c);
      const errors = [...extra, ...(E.isLeft(a) ? a.left : []), ...(E.isLeft(b) ? b.left : [])];
      if (errors.length > 0 || E.isLeft(a) || E.isLeft(b)) return t.failures(errors);
      return t.success({ ...a.right, ...b.right });
    },
    (a) => a,
  );
};
