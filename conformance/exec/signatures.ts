/**
 * The ZIP-215 classes of rule V4 (spec/exec.md §Signatures) as signed single-mode payments: each
 * class is a sender key A (the sender's address), a signature R ‖ S forged for that class, and the
 * verdict the author means. The vector generator checks the reference agrees with the intent; the
 * tests check that each class marked as a disagreement is answered differently by the misreading
 * it names (strict RFC 8032, a cofactorless equation, a re-encoded hash input).
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { encodeTx } from "../../reference/codec/index.js";
import { signingMessage, verifyZip215 } from "../../reference/exec/index.js";
import { ED25519_L } from "../../reference/exec/index.js";
import { TORSION, TORSION_ENCODINGS, challenge, keyOf, nonCanonicalEncodings, scalarOf, sFor, sig } from "./ed25519.js";
import { account, payment } from "./fixtures.js";

const Point = ed25519.Point;
const L = ED25519_L;

/** A misreading of V4 that a class tells apart from ZIP-215. */
export type Misreading = "strict" | "cofactorless" | "reencoded-hash" | "unreduced-s";

export interface SignatureClass {
  comment: string;
  /** The sender's address = the public key encoding A. */
  pk: Uint8Array;
  /** The single-mode transaction, signature included. */
  tx: Uint8Array;
  /** ZIP-215's verdict, as the author means it (the reference must agree). */
  accepted: boolean;
  /** Misreadings whose verdict differs from ZIP-215's on this class. */
  splits: Misreading[];
}

/** The signing message of a payment from `pk` (signature bytes excluded, so independent of them). */
function unsignedPayment(pk: Uint8Array, amount: bigint): Uint8Array {
  return encodeTx({ ...payment({ sender: pk, recipient: account(1), amount }), sigMode: "single", signature: new Uint8Array(64) });
}

function build(comment: string, pk: Uint8Array, forge: (m: Uint8Array) => Uint8Array, accepted: boolean, splits: Misreading[], amount = 1n): SignatureClass {
  const tx = unsignedPayment(pk, amount);
  const m = signingMessage(tx);
  tx.set(forge(m), tx.length - 64);
  const got = verifyZip215(tx.subarray(tx.length - 64), m, pk);
  if (got !== accepted) throw new Error(`signature class "${comment}": meant ${accepted ? "accepted" : "rejected"}, the reference says ${got}`);
  return { comment, pk, tx, accepted, splits };
}

/** An honest key and its signature: R = [r]B, S = r + k·a. */
function honest(label: string, torsionA = Point.ZERO, torsionR = Point.ZERO) {
  const { a, pk } = keyOf(scalarOf(`${label}/a`), torsionA);
  const r = scalarOf(`${label}/r`);
  const forge = (m: Uint8Array, rEnc = Point.BASE.multiply(r).add(torsionR).toBytes()) => sig(rEnc, sFor(r, a, rEnc, pk, m));
  return { a, pk, r, forge };
}

/** The classes, in a fixed order. */
export function signatureClasses(): SignatureClass[] {
  const out: SignatureClass[] = [];
  const T = TORSION_ENCODINGS;
  const nc = nonCanonicalEncodings().slice(0, 6); // the small-order non-canonical encodings
  const B = Point.BASE;
  // honest, for reference
  const h = honest("pwo/exec/sig/honest");
  out.push(build("an honest signature: accepted by every reading", h.pk, (m) => h.forge(m), true, []));
  // small order A and R
  out.push(build("small-order A (order 8) and small-order R (order 4), S = 0: accepted (cofactored equation 0 = 0)", T[1]!, () => sig(T[2]!, 0n), true, ["strict", "cofactorless"]));
  out.push(build("A = the identity (canonical 0x01 00…00), R = [r]B, S = r: accepted for any message", T[0]!, () => sig(B.multiply(77n).toBytes(), 77n), true, ["strict"]));
  const r8 = scalarOf("pwo/exec/sig/smallA/r");
  out.push(build("small-order A (order 8), R = [r]B, S = r: accepted", T[3]!, () => sig(B.multiply(r8).toBytes(), r8), true, ["strict", "cofactorless"]));
  const hs = honest("pwo/exec/sig/smallR");
  out.push(build("small-order R (order 8) under an honest key, S = k·a: only the cofactored equation accepts", hs.pk, (m) => sig(T[5]!, sFor(0n, hs.a, T[5]!, hs.pk, m)), true, ["cofactorless"]));
  // mixed order
  const hr = honest("pwo/exec/sig/mixedR", Point.ZERO, TORSION[1]!);
  out.push(build("mixed-order R = [r]B + T (T of order 8), S = r + k·a: only the cofactored equation accepts", hr.pk, (m) => hr.forge(m), true, ["cofactorless"]));
  // mixed order A: choose the message amount so that k is not ≡ 0 mod 8 (else the cofactorless check agrees)
  const ha = honest("pwo/exec/sig/mixedA", TORSION[1]!);
  let amount = 1n;
  while (challenge(B.multiply(ha.r).toBytes(), ha.pk, signingMessage(unsignedPayment(ha.pk, amount))) % 8n === 0n) amount++;
  out.push(build("mixed-order A = [a]B + T (T of order 8), R = [r]B, S = r + k·a: only the cofactored equation accepts", ha.pk, (m) => ha.forge(m), true, ["cofactorless"], amount));
  // non-canonical A (small order: the key's discrete log must vanish under [8])
  const names = ["(0, 1) with sign bit 1 (x = 0)", "(0, −1) with sign bit 1 (x = 0)", "y = p (≡ 0)", "y = p with sign bit 1", "y = p + 1 (≡ 1, the identity)", "y = p + 1 with sign bit 1"];
  nc.forEach((e, i) => {
    const r = scalarOf(`pwo/exec/sig/ncA/${i}`);
    // y ≡ 0 has order 4: [k]A ≠ 0 for these k, so the cofactorless equation fails too
    out.push(build(`non-canonical A ${names[i]} (small order), R = [r]B, S = r: accepted`, e, () => sig(B.multiply(r).toBytes(), r), true, i === 2 || i === 3 ? ["strict", "cofactorless"] : ["strict"]));
  });
  // non-canonical R under an honest key: the challenge hashes R as received
  const hn = honest("pwo/exec/sig/ncR");
  const ncR = nc[1]!; // (0, −1) with the sign bit set: order 2; canonical form 0xec ff…7f
  const ncRCanonical = decodeCanonical(ncR);
  out.push(build("non-canonical R (0, −1) with sign bit 1, k over R as received: accepted", hn.pk, (m) => sig(ncR, sFor(0n, hn.a, ncR, hn.pk, m)), true, ["strict", "cofactorless", "reencoded-hash"]));
  out.push(build("non-canonical R (0, −1) with sign bit 1, k over R re-encoded canonically: rejected", hn.pk, (m) => sig(ncR, sFor(0n, hn.a, ncRCanonical, hn.pk, m)), false, ["reencoded-hash"]));
  const ncR2 = nc[4]!; // y = p + 1: the identity, non-canonical
  out.push(build("non-canonical R y = p + 1 (the identity), k over R as received: accepted", hn.pk, (m) => sig(ncR2, sFor(0n, hn.a, ncR2, hn.pk, m)), true, ["strict", "reencoded-hash"]));
  // S at and beyond L
  out.push(build("small-order A and R with S = L: rejected (S < L required; the equation alone holds)", T[1]!, () => sig(T[2]!, L), false, ["unreduced-s"]));
  out.push(build("small-order A and R with S = L + 1 ≡ 1: rejected", T[1]!, () => sig(B.add(TORSION[2]!).toBytes(), L + 1n), false, ["unreduced-s"]));
  const hl = honest("pwo/exec/sig/sPlusL");
  out.push(build("an honest signature with S + L in place of S: rejected", hl.pk, (m) => { const s = hl.forge(m); return sig(s.subarray(0, 32), leIntS(s) + L); }, false, ["unreduced-s"]));
  out.push(build("S = L − 1, the largest S: small-order A, R = [L−1]B = −B: accepted", T[1]!, () => sig(B.multiply(L - 1n).toBytes(), L - 1n), true, ["strict", "cofactorless"]));
  out.push(build("S = 15·L, the largest multiple of L below 2^256: rejected", T[1]!, () => sig(T[2]!, 15n * L), false, ["unreduced-s"]));
  out.push(build("S = 2^256 − 1: rejected", T[1]!, () => sig(T[2]!, (1n << 256n) - 1n), false, []));
  // decoding failures
  const notOnCurve = firstNotOnCurve();
  out.push(build("R not a curve point: rejected", h.pk, (m) => { const s = h.forge(m); return sig(notOnCurve, leIntS(s)); }, false, []));
  out.push(build("A (the sender) not a curve point: rejected", notOnCurve, () => sig(T[2]!, 0n), false, []));
  out.push(build("an honest signature with R's sign bit flipped: rejected", h.pk, (m) => { const s = h.forge(m).slice(); s[31]! ^= 0x80; return s; }, false, []));
  return out;
}

const leIntS = (s: Uint8Array): bigint => s.subarray(32).reduceRight((acc, v) => (acc << 8n) | BigInt(v), 0n);

function decodeCanonical(e: Uint8Array): Uint8Array {
  return Point.fromBytes(e, true).toBytes();
}

/** The smallest y (as a canonical encoding with sign 0) that is not a curve point's y. */
function firstNotOnCurve(): Uint8Array {
  for (let y = 2; ; y++) {
    const e = new Uint8Array(32);
    e[0] = y;
    try {
      Point.fromBytes(e, true);
    } catch {
      return e;
    }
  }
}
