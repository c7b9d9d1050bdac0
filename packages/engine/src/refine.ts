import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/**
 * A codec that accepts what `base` accepts and `predicate` holds for, failing with `message` (a
 * sentence naming what is expected): a checked field or event datum without io-ts brands. Pure.
 * @example
 * const Cents = refine(t.Int, (n) => n > 0, 'Cents', 'must be whole positive cents');
 */
export const refine = <A>(
  base: t.Type<A, unknown, unknown>,
  predicate: (a: A) => boolean,
  name: string,
  message: string,
): t.Type<A, unknown, unknown> =>
  new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => base.is(u) && predicate(u),
    (u, c) => {
      const decoded = base.validate(u, c);
      if (E.isLeft(decoded)) return decoded;
      return predicate(decoded.right) ? t.success(decoded.right) : t.failure(u, c, message);
    },
    (a) => a,
  );
