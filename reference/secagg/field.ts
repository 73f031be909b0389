/**
 * Arithmetic modulo {@link SHAMIR_PRIME} on JavaScript numbers (spec/secagg.md §Shamir secret sharing).
 * Every intermediate stays below 2^53: a product is split at 16 bits of its second factor.
 * @module
 */
import { SHAMIR_PRIME as P } from "./constants.js";

export const addP = (a: number, b: number): number => (a + b) % P;
export const subP = (a: number, b: number): number => (a - b + P) % P;
/** a·b mod p for a, b < p < 2^32: (a·b_hi mod p)·2^16 + a·b_lo, each below 2^53. */
export function mulP(a: number, b: number): number {
  const hi = (a * Math.floor(b / 65536)) % P;
  return (hi * 65536 + a * (b % 65536)) % P;
}
/** a^e mod p by square and multiply. */
export function powP(a: number, e: number): number {
  let r = 1;
  let x = a % P;
  for (let k = e; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) r = mulP(r, x);
    x = mulP(x, x);
  }
  return r;
}
/** a^(p−2) mod p: the inverse of a nonzero a (Fermat). */
export const invP = (a: number): number => powP(a, P - 2);
