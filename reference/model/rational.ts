/**
 * Exact rational arithmetic on bigints (spec/model.md §Arithmetic). The paper's worked example is
 * exact in decimals (0.15625, 156.25, 0.4096); binary floating point is not, so every quantity of the
 * model is a fraction n/d in lowest terms with d > 0, and rounding happens only where the spec says.
 * @module
 */

/** A rational number n/d in lowest terms, d > 0. Build with {@link ratio}; never mutate. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d reduced to lowest terms with a positive denominator. */
export function ratio(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("ratio: zero denominator");
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = ratio(0);
export const ONE = ratio(1);

export const add = (a: Rational, b: Rational): Rational => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => ratio(a.n * b.n, a.d * b.d);
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("div: division by zero");
  return ratio(a.n * b.d, a.d * b.n);
}
/** −1, 0 or 1 as a <, =, > b. */
export const cmp = (a: Rational, b: Rational): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const eq = (a: Rational, b: Rational): boolean => cmp(a, b) === 0;
export const isInteger = (a: Rational): boolean => a.d === 1n;
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);

/** ⌊a⌋ (toward −∞). */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}
/** ⌈a⌉ (toward +∞). */
export const ceil = (a: Rational): bigint => -floor(ratio(-a.n, a.d));

/** 10^k as a bigint. */
const pow10 = (k: number): bigint => 10n ** BigInt(k);

/**
 * The decimal digits of a if its denominator is 2^i·5^j (a terminating decimal), else null.
 * No trailing zeros after the point; no point for integers.
 */
export function toDecimal(a: Rational): string | null {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d !== 1n) return null;
  const places = Math.max(twos, fives);
  const scaled = (a.n * pow10(places)) / a.d; // exact
  return fixedPoint(scaled, places);
}

/** `scaled / 10^places` as a decimal string without trailing zeros after the point. */
function fixedPoint(scaled: bigint, places: number): string {
  const sign = scaled < 0n ? "-" : "";
  const digits = abs(scaled).toString().padStart(places + 1, "0");
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, "");
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}

/** The exact text of a: its decimal expansion when it terminates, else `n/d`. */
export const toExact = (a: Rational): string => toDecimal(a) ?? `${a.n}/${a.d}`;

/** Rounds half away from zero to an integer. */
function roundHalfAway(a: Rational): bigint {
  const t = abs(a.n) * 2n + a.d; // ⌊|a| + 1/2⌋ = ⌊(2|n| + d) / 2d⌋
  const r = t / (2n * a.d);
  return a.n < 0n ? -r : r;
}

/** a rounded half away from zero to `places` decimal places, as a decimal string (trailing zeros dropped). */
export function roundPlaces(a: Rational, places: number): string {
  return fixedPoint(roundHalfAway(mul(a, ratio(pow10(places)))), places);
}

/**
 * a rounded half away from zero to `digits` significant digits (spec/model.md §Rounding, the rule
 * behind the paper's "≈": 409.6 Mbps ≈ 410, 1.0191 Gbps ≈ 1.02), as a decimal string.
 */
export function roundSignificant(a: Rational, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`roundSignificant: digits must be a positive integer, got ${digits}`);
  if (a.n === 0n) return "0";
  // e = ⌊log10 |a|⌋ by comparison, exact
  const x = ratio(abs(a.n), a.d);
  let e = abs(a.n).toString().length - a.d.toString().length;
  while (cmp(x, e >= 0 ? ratio(pow10(e)) : ratio(1n, pow10(-e))) < 0) e--;
  while (cmp(x, e + 1 >= 0 ? ratio(pow10(e + 1)) : ratio(1n, pow10(-(e + 1)))) >= 0) e++;
  const places = digits - 1 - e;
  if (places >= 0) return roundPlaces(a, places);
  const unit = ratio(pow10(-places));
  return (roundHalfAway(div(a, unit)) * pow10(-places)).toString();
}

/** The nearest double (for charts and tables only; the model never computes with it). */
export const toNumber = (a: Rational): number => {
  const dec = toDecimal(a);
  if (dec !== null) return Number(dec);
  // scale to 20 significant digits before the division, so huge n and d do not overflow to Infinity
  const shift = Math.max(0, a.d.toString().length - 20);
  return Number(a.n / 10n ** BigInt(shift)) / Number(a.d / 10n ** BigInt(shift));
};

const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const FRACTION = /^(-?)(0|[1-9][0-9]*)\/([1-9][0-9]*)$/;

/**
 * Parses `12`, `-0.15625` or `1/3` exactly; null for anything else (`NaN`, `Infinity`, `1e9`,
 * leading zeros, `+`, spaces). The caller bounds the length before calling.
 */
export function parseRational(s: string): Rational | null {
  const m = DECIMAL.exec(s);
  if (m) {
    const frac = m[3] ?? "";
    const n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
    return ratio(n, pow10(frac.length));
  }
  const f = FRACTION.exec(s);
  if (f) return ratio(BigInt(f[2]!) * (f[1] ? -1n : 1n), BigInt(f[3]!));
  return null;
}

/** The rational of a finite double's shortest decimal form (`String(x)`, 45917.3 → 459173/10): measured figures read from JSON. */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`fromNumber: ${x} is not finite`);
  const r = parseRational(String(x).includes("e") ? x.toFixed(20).replace(/\.?0+$/, "") : String(x));
  if (r === null) throw new RangeError(`fromNumber: cannot read ${x}`);
  return r;
}
