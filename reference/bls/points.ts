/**
 * Points of G1 and G2 and their compressed encodings (spec/bls.md §Point encodings): the ZCash
 * serialization that draft-irtf-cfrg-bls-signature-05 Appendix A and every Ethereum client use.
 *
 * Decoding applies the rules in the spec's order and names the first that fails, so that an
 * implementation can be checked rule by rule; @noble/curves supplies the field and group arithmetic.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import type { WeierstrassPoint } from "@noble/curves/abstract/weierstrass.js";
import { FLAG_COMPRESSED, FLAG_INFINITY, FLAG_SIGN, P, PUBLIC_KEY_SIZE, SIGNATURE_SIZE } from "./constants.js";
import { fail } from "./errors.js";

/** An element of Fp2 = Fp[u]/(u² + 1), as @noble/curves represents it: { c0, c1 }. */
export type Fp2 = ReturnType<typeof bls12_381.fields.Fp2.fromBigTuple>;
/** A point of G1 (public keys): coordinates in Fp. */
export type G1Point = WeierstrassPoint<bigint>;
/** A point of G2 (signatures, hashed messages): coordinates in Fp2. */
export type G2Point = WeierstrassPoint<Fp2>;

export const G1 = bls12_381.G1.Point;
export const G2 = bls12_381.G2.Point;
const Fp = bls12_381.fields.Fp;
const Fp2 = bls12_381.fields.Fp2;

/** b of E1: y² = x³ + 4. */
const B1 = 4n;
/** b of E2: y² = x³ + 4(1 + u). */
const B2 = Fp2.fromBigTuple([4n, 4n]);
const HALF_P = (P - 1n) / 2n;

/** OS2IP: big-endian bytes → integer. */
export function os2ip(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x;
}

/**
 * Rules E1–E4 shared by G1 and G2 (spec/bls.md §Point encodings): the length, the compression flag,
 * a canonical infinity, and each coordinate half below p. Returns null for the identity, else the
 * sign flag and the x halves with the flag bits cleared (one half in G1, x = (c1, c0) in G2).
 */
function readFlagsAndX(bytes: Uint8Array, size: number, what: string): { sign: boolean; halves: bigint[] } | null {
  if (bytes.length !== size) fail("INVALID_LENGTH", `${what}: expected ${size} bytes, got ${bytes.length}`); // E1
  const b0 = bytes[0]!;
  if ((b0 & FLAG_COMPRESSED) === 0) fail("NOT_COMPRESSED", `${what}: compression flag is 0 (first byte 0x${b0.toString(16)})`); // E2
  if (b0 & FLAG_INFINITY) {
    // E3: the identity has exactly one encoding, 0xc0 followed by zeros
    if (b0 !== (FLAG_COMPRESSED | FLAG_INFINITY) || bytes.subarray(1).some((x) => x !== 0)) fail("INVALID_INFINITY_ENCODING", `${what}: infinity flag with other bits set`);
    return null;
  }
  const clean = Uint8Array.from(bytes);
  clean[0] = b0 & 0x1f;
  const halves: bigint[] = [];
  for (let at = 0; at < size; at += PUBLIC_KEY_SIZE) {
    const h = os2ip(clean.subarray(at, at + PUBLIC_KEY_SIZE));
    if (h >= P) fail("COORDINATE_OUT_OF_RANGE", `${what}: coordinate ${at / PUBLIC_KEY_SIZE} is not below p`); // E4
    halves.push(h);
  }
  return { sign: (b0 & FLAG_SIGN) !== 0, halves };
}

/** √a in a field whose `sqrt` throws on a non-square; null when there is none. */
function sqrtOrNull<T>(F: { sqrt(a: T): T; sqr(a: T): T; eql(a: T, b: T): boolean }, a: T): T | null {
  try {
    const y = F.sqrt(a);
    return F.eql(F.sqr(y), a) ? y : null;
  } catch {
    return null;
  }
}

/**
 * Decodes a compressed G1 point (48 bytes), subgroup-checked: rules E1–E7 of spec/bls.md.
 * The identity is a valid point here; the callers that need a non-identity point say so.
 */
export function decodeG1(bytes: Uint8Array): G1Point {
  const r = readFlagsAndX(bytes, PUBLIC_KEY_SIZE, "G1 point");
  if (r === null) return G1.ZERO;
  const x = r.halves[0]!;
  let y = sqrtOrNull(Fp, Fp.add(Fp.mul(Fp.sqr(x), x), B1)) ?? fail("NOT_ON_CURVE", "G1 point: x³ + 4 is not a square"); // E5: y² = x³ + 4
  if (y > HALF_P !== r.sign) y = Fp.neg(y); // E6: the sign flag selects the lexicographically larger root
  const point = G1.fromAffine({ x, y });
  if (!point.isTorsionFree()) fail("NOT_IN_SUBGROUP", "G1 point: not in the subgroup of order r"); // E7
  return point;
}

/** The sign of an Fp2 element as the encoding defines it: c1 > (p−1)/2, or c1 = 0 and c0 > (p−1)/2. */
function fp2IsLarger(y: Fp2): boolean {
  return y.c1 !== 0n ? y.c1 > HALF_P : y.c0 > HALF_P;
}

/** Decodes a compressed G2 point (96 bytes: x.c1 ‖ x.c0, flags on x.c1), subgroup-checked: rules E1–E7. */
export function decodeG2(bytes: Uint8Array): G2Point {
  const r = readFlagsAndX(bytes, SIGNATURE_SIZE, "G2 point");
  if (r === null) return G2.ZERO;
  const x = Fp2.fromBigTuple([r.halves[1]!, r.halves[0]!]);
  let y = sqrtOrNull(Fp2, Fp2.add(Fp2.mul(Fp2.sqr(x), x), B2)) ?? fail("NOT_ON_CURVE", "G2 point: x³ + 4(1 + u) is not a square"); // E5: y² = x³ + 4(1 + u)
  if (fp2IsLarger(y) !== r.sign) y = Fp2.neg(y); // E6
  const point = G2.fromAffine({ x, y });
  if (!point.isTorsionFree()) fail("NOT_IN_SUBGROUP", "G2 point: not in the subgroup of order r"); // E7
  return point;
}

/** The identity's encodings: the infinity flag (and the compression flag if compressed), then zeros. */
function infinity(size: number, compressed: boolean): Uint8Array {
  const out = new Uint8Array(size);
  out[0] = compressed ? FLAG_COMPRESSED | FLAG_INFINITY : FLAG_INFINITY;
  return out;
}

/** The compressed encoding of a G1 point (48 bytes); the identity is 0xc0 ‖ 0^47. */
export function encodeG1(point: G1Point): Uint8Array {
  return point.is0() ? infinity(PUBLIC_KEY_SIZE, true) : point.toBytes(true);
}

/** The compressed encoding of a G2 point (96 bytes); the identity is 0xc0 ‖ 0^95. */
export function encodeG2(point: G2Point): Uint8Array {
  return point.is0() ? infinity(SIGNATURE_SIZE, true) : point.toBytes(true);
}

/**
 * The uncompressed encoding (96 bytes in G1, 192 in G2): x ‖ y with the compression flag 0, the
 * identity 0x40 ‖ 0…0. What `decode_g1` and `decode_g2` answer.
 */
export function encodeUncompressed(point: G1Point | G2Point): Uint8Array {
  const size = point instanceof G1 ? 2 * PUBLIC_KEY_SIZE : 2 * SIGNATURE_SIZE;
  return point.is0() ? infinity(size, false) : point.toBytes(false);
}
