/**
 * Ed25519 verification with the ZIP-215 acceptance rules (spec/exec.md rule V4, §Signatures),
 * written out rule by rule over @noble/curves' point arithmetic so that each rule is visible (and
 * mutable) here. It agrees with `ed25519.verify(sig, msg, pk, { zip215: true })` of
 * @noble/curves 2.4.0 (checked by conformance/exec/external.test.ts on the pinned edge-case sets).
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { concatBytes } from "@noble/hashes/utils.js";

const Point = ed25519.Point;
type EdPoint = InstanceType<typeof Point>;
/** The prime order of the base point B: L = 2^252 + 27742317777372353535851937790883648493. */
export const ED25519_L = Point.Fn.ORDER;

/** Little-endian integer of `b` (RFC 8032 §5.1.2). */
function leInt(b: Uint8Array): bigint {
  let x = 0n;
  for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i] as number);
  return x;
}

/**
 * Z1–Z2: decodes a 32-byte point encoding the ZIP-215 way. The low 255 bits are `y` and MAY be
 * ≥ p (reduced mod p); the top bit is the sign of `x` and MAY be 1 when `x = 0`. Null when
 * (y² − 1)/(d·y² + 1) has no square root mod p (not a curve point).
 */
export function decodePointZip215(b: Uint8Array): EdPoint | null {
  try {
    return Point.fromBytes(b, true);
  } catch {
    return null;
  }
}

/**
 * ZIP-215 verification of `sig = R ‖ S` over `msg` under the public key encoding `pk` (= A):
 * Z1 A decodes, Z2 R decodes (non-canonical encodings accepted, small-order points accepted),
 * Z3 S < L, Z4 [8]([S]B − R − [k]A) = 0 with k = SHA-512(R ‖ A ‖ msg) mod L over the encodings
 * **as received** (never re-encoded).
 */
export function verifyZip215(sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  if (sig.length !== 64 || pk.length !== 32) return false;
  const rBytes = sig.subarray(0, 32);
  const A = decodePointZip215(pk);
  if (A === null) return false; // Z1
  const R = decodePointZip215(rBytes);
  if (R === null) return false; // Z2
  const S = leInt(sig.subarray(32, 64));
  if (S >= ED25519_L) return false; // Z3
  const k = leInt(sha512(concatBytes(rBytes, pk, msg))) % ED25519_L;
  const sB = Point.BASE.multiplyUnsafe(S);
  const kA = A.multiplyUnsafe(k);
  return sB.subtract(R).subtract(kA).multiplyUnsafe(8n).is0(); // Z4, the cofactored equation
}
