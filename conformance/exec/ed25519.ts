/**
 * Ed25519 edge-case construction for the exec vectors (spec/exec.md rule V4, ZIP-215): the
 * eight-torsion points, the non-canonical encodings, and signatures forged for each acceptance
 * class (small-order A or R, mixed-order A or R, non-canonical A or R, S at and beyond L). The
 * taxonomy follows ZcashFoundation/ed25519-zebra tests/util/mod.rs and "Taming the many EdDSAs"
 * (Chalkias, Garillot, Nikolaenko 2020); the code is ours. Not normative.
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { concatBytes } from "@noble/hashes/utils.js";
import { fromHex } from "../../reference/common/hex.js";
import { ED25519_L, decodePointZip215 } from "../../reference/exec/index.js";

const Point = ed25519.Point;
export type EdPoint = InstanceType<typeof Point>;
const L = ED25519_L;

export const leBytes = (x: bigint, n = 32): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn);
  return out;
};
const leInt = (b: Uint8Array): bigint => b.reduceRight((acc, v) => (acc << 8n) | BigInt(v), 0n);

/** A point of order 8 (its canonical encoding), generating the eight-torsion subgroup. */
const T8 = Point.fromBytes(fromHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));

/** The eight points of small order, `[i]T8` for i = 0..7 (i = 0: the identity). */
export const TORSION: readonly EdPoint[] = Array.from({ length: 8 }, (_, i) => (i === 0 ? Point.ZERO : T8.multiplyUnsafe(BigInt(i))));

/** The canonical encodings of the eight small-order points. */
export const TORSION_ENCODINGS: readonly Uint8Array[] = TORSION.map((p) => p.toBytes());

/**
 * Every non-canonical point encoding, in ed25519-zebra's order: (0, 1) and (0, −1) with the sign
 * bit set (x = 0), then y = p + i for i = 0..18 with sign bit 0 and 1, where they decode: 26 in
 * all (12 such y are curve points); the first 6 are of small order.
 */
export function nonCanonicalEncodings(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const y1 = new Uint8Array(32);
  y1[0] = 1;
  y1[31] = 0x80;
  out.push(y1);
  out.push(fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));
  const p = (1n << 255n) - 19n;
  for (let i = 0n; i < 19n; i++) {
    for (const sign of [0, 0x80]) {
      const e = leBytes(p + i);
      e[31]! |= sign;
      if (decodePointZip215(e) !== null) out.push(e);
    }
  }
  return out;
}

/** k = SHA-512(R ‖ A ‖ M) mod L over the given encodings. */
export const challenge = (r: Uint8Array, a: Uint8Array, m: Uint8Array): bigint => leInt(sha512(concatBytes(r, a, m))) % L;

/** A signature R ‖ S from R's encoding and the integer S (any S < 2^256). */
export const sig = (r: Uint8Array, s: bigint): Uint8Array => concatBytes(r, leBytes(s));

/** A scalar in [1, L) from a label (deterministic). */
export const scalarOf = (label: string): bigint => (leInt(sha512(new TextEncoder().encode(label))) % (L - 1n)) + 1n;

/** A key pair given by its scalar a: A = [a]B, possibly plus a torsion point (a mixed-order key). */
export function keyOf(a: bigint, torsion: EdPoint = Point.ZERO): { a: bigint; pk: Uint8Array } {
  return { a, pk: Point.BASE.multiply(a).add(torsion).toBytes() };
}

/**
 * S for a chosen R = [r]B + T (T small order) under the key scalar a, with the challenge computed
 * over the given encodings `rEnc`, `pk`: S = r + k·a mod L. Satisfies the cofactored equation.
 */
export const sFor = (r: bigint, a: bigint, rEnc: Uint8Array, pk: Uint8Array, m: Uint8Array): bigint => (r + challenge(rEnc, pk, m) * a) % L;

/** Cofactorless verification ([S]B = R + [k]A, canonical S), a plausible misreading used by the tests only. */
export function verifyCofactorless(signature: Uint8Array, m: Uint8Array, pk: Uint8Array): boolean {
  const A = decodePointZip215(pk);
  const R = decodePointZip215(signature.subarray(0, 32));
  const S = leInt(signature.subarray(32));
  if (A === null || R === null || S >= L) return false;
  return Point.BASE.multiplyUnsafe(S).equals(R.add(A.multiplyUnsafe(challenge(signature.subarray(0, 32), pk, m))));
}
