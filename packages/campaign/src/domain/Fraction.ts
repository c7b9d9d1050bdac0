/** An exact non-negative rational number, numerator over a positive denominator (big integers). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact fraction a decimal number stands for as written (0.8 is 8/10, not the binary double
 * nearest to it), from the shortest round-trip decimal JavaScript prints for it. Pure.
 * @example fromDecimal(0.8) // { num: 8n, den: 10n }; fromDecimal(1e-7) // { num: 1n, den: 10000000n }
 */
export const fromDecimal = (n: number): Fraction => {
  if (!Number.isFinite(n) || n < 0)
    throw new Error(
      `fromDecimal takes a finite number >= 0, got ${n}: validate shares with the Share codec first`,
    );
  const [mantissa = '0', exponentText = '0'] = String(n).toLowerCase().split('e');
  const [whole = '0', frac = ''] = mantissa.split('.');
  const exponent = Number(exponentText) - frac.length;
  const digits = BigInt(whole + frac);
  return exponent >= 0
    ? { num: digits * 10n ** BigInt(exponent), den: 1n }
    : { num: digits, den: 10n ** BigInt(-exponent) };
};

/**
 * Whether `part / total >= share`, exactly: `part * den >= num * total` in integer arithmetic (so an
 * empty total, 0 of 0, holds; callers that need a non-empty total check it separately). Pure.
 * @example atLeast(8, 10, fromDecimal(0.8)) === true; atLeast(7, 10, fromDecimal(0.8)) === false
 */
export const atLeast = (part: number, total: number, share: Fraction): boolean =>
  BigInt(part) * share.den >= share.num * BigInt(total);

/** Whether `part <= share x total`, exactly: `part * den <= num * total`. Pure. */
export const atMost = (part: number, total: number, share: Fraction): boolean =>
  BigInt(part) * share.den <= share.num * BigInt(total);

/** A ratio for people: "7/10 (70%)". Pure. */
export const formatRatio = (part: number, total: number): string =>
  total === 0 ? `${part}/0` : `${part}/${total} (${formatPercent(part / total)})`;

/** A share as a percentage for people: 0.8 -> "80%", 0.625 -> "62.5%". Pure. */
export const formatPercent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;
