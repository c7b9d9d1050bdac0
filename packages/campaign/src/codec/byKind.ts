import * as t from 'io-ts';

const kindOf = (u: unknown): unknown => {
  if (typeof u !== 'object' || u === null || !('subject' in u)) return undefined;
  const s: unknown = u.subject;
  return typeof s === 'object' && s !== null && 'kind' in s ? s.kind : undefined;
};

/**
 * A command codec that depends on `subject.kind`: decodes with `organization` or `member`, or with
 * `fallback` (which reports what is wrong with `subject`) when the kind is neither. Pure.
 */
export const byKind = <A, B>(
  name: string,
  organization: t.Type<A, unknown, unknown>,
  member: t.Type<B, unknown, unknown>,
  fallback: t.Decoder<unknown, unknown>,
): t.Type<A | B, unknown, unknown> =>
  new t.Type<A | B, unknown, unknown>(
    name,
    (u): u is A | B => organization.is(u) || member.is(u),
    (u, c) => {
      const kind = kindOf(u);
      if (kind === 'organization') return organization.validate(u, c);
      if (kind === 'member') return member.validate(u, c);
      const other = fallback.validate(u, c);
      return other._tag === 'Left'
        ? other
        : t.failure(u, c, 'subject.kind must be organization or member');
    },
    (a) => a,
  );
