/**
 * Exact non-negative rationals over bigint, for scores: no binary float ever touches a score, so
 * 50 / 3 × 3 is 50 and 0.1 + 0.2 is 0.3.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** n / d in lowest terms; d must not be zero. */
export function ratio(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d);
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/** Parses a plain decimal (`12`, `96.5`, `0.125`); null for anything else. */
export function parseDecimal(text: string): Rational | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return ratio(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

/** Hundredths as a rational: 1667 → 16.67. */
export function fromHundredths(hundredths: number): Rational {
  return ratio(BigInt(hundredths), 100n);
}

export const add = (a: Rational, b: Rational): Rational => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational): Rational => ratio(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational): Rational => ratio(a.n * b.d, a.d * b.n);
export const compare = (a: Rational, b: Rational): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left === right ? 0 : left < right ? -1 : 1;
};
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;

/** Rounds to hundredths, half away from zero (四舍五入): 2/3 → 67. */
export function toHundredths(value: Rational): number {
  const negative = value.n < 0n;
  const magnitude = negative ? -value.n : value.n;
  const rounded = (magnitude * 200n + value.d) / (2n * value.d);
  return Number(negative ? -rounded : rounded);
}

/** Hundredths printed with two decimals: 1667 → `16.67`, 0 → `0.00`. */
export function formatHundredths(hundredths: number): string {
  const negative = hundredths < 0;
  const magnitude = Math.abs(hundredths);
  const whole = Math.floor(magnitude / 100);
  return `${negative ? '-' : ''}${whole}.${String(magnitude % 100).padStart(2, '0')}`;
}
