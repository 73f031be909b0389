/**
 * Rule V4's classes (conformance/exec/signatures.ts) against the misreadings they must catch: for
 * each class, exactly the misreadings it names give a verdict other than ZIP-215's, so a vector set
 * built from the classes fails every one of those implementations.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileBytes } from "../harness/arbitraries.js";
import { props } from "../harness/testing.js";
import { ED25519_L, decodePointZip215, signingMessage, verifyZip215 } from "../../reference/exec/index.js";
import { TORSION_ENCODINGS, challenge, nonCanonicalEncodings, verifyCofactorless } from "./ed25519.js";
import { signatureClasses, type Misreading } from "./signatures.js";

const Point = ed25519.Point;
const leInt = (b: Uint8Array): bigint => b.reduceRight((acc, v) => (acc << 8n) | BigInt(v), 0n);

/** The misreadings, each a whole verifier. */
const MISREADINGS: Record<Misreading, (sig: Uint8Array, m: Uint8Array, pk: Uint8Array) => boolean> = {
  /** RFC 8032 strict as noble implements it: canonical encodings, small-order A rejected. */
  strict: (sig, m, pk) => ed25519.verify(sig, m, pk, { zip215: false }),
  cofactorless: verifyCofactorless,
  /** ZIP-215, but the challenge hashes the canonical re-encodings of R and A. */
  "reencoded-hash": (sig, m, pk) => {
    const A = decodePointZip215(pk), R = decodePointZip215(sig.subarray(0, 32));
    const S = leInt(sig.subarray(32));
    if (A === null || R === null || S >= ED25519_L) return false;
    const k = challenge(R.toBytes(), A.toBytes(), m);
    return Point.BASE.multiplyUnsafe(S).subtract(R).subtract(A.multiplyUnsafe(k)).multiplyUnsafe(8n).is0();
  },
  /** ZIP-215 with S reduced mod L instead of required below L. */
  "unreduced-s": (sig, m, pk) => {
    const fixed = sig.slice();
    let s = leInt(sig.subarray(32)) % ED25519_L;
    for (let i = 32; i < 64; i++, s >>= 8n) fixed[i] = Number(s & 0xffn);
    return verifyZip215(fixed, m, pk);
  },
};

describe("exec rule V4: ZIP-215 classes", () => {
  const classes = signatureClasses();
  it("covers every class the spec names", () => {
    const text = classes.map((c) => c.comment).join("\n");
    for (const w of ["small-order A", "small-order R", "mixed-order R", "mixed-order A", "non-canonical A", "non-canonical R", "S = L", "S = L − 1", "re-encoded"]) expect(text).toContain(w);
  });
  for (const c of classes) {
    it(c.comment, () => {
      const sig = c.tx.subarray(c.tx.length - 64);
      const m = signingMessage(c.tx);
      expect(verifyZip215(sig, m, c.pk)).toBe(c.accepted);
      expect(ed25519.verify(sig, m, c.pk, { zip215: true }), "noble's zip215 verify agrees").toBe(c.accepted);
      const splits = (Object.keys(MISREADINGS) as Misreading[]).filter((k) => MISREADINGS[k](sig, m, c.pk) !== c.accepted);
      expect(splits.sort()).toEqual([...c.splits].sort());
    });
  }
});

describe("exec rule V4: the readable ZIP-215 verifier equals @noble/curves' zip215 verify", () => {
  it("on honest, edge-class and mutated signatures under honest, small-order and non-canonical keys", () => {
    const keys = [...TORSION_ENCODINGS, ...nonCanonicalEncodings()];
    const classes = signatureClasses();
    const arb = fc.oneof(
      fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 40 })).map(([sk, m]) => ({ sig: ed25519.sign(m, sk), m, pk: ed25519.getPublicKey(sk) })),
      fc.constantFrom(...classes).map((c) => ({ sig: c.tx.subarray(c.tx.length - 64), m: signingMessage(c.tx), pk: c.pk })),
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...keys), fc.bigInt({ min: 0n, max: 3n })).map(([pk, r, s]) => ({ sig: Uint8Array.from([...r, s === 3n ? 0xed : Number(s), ...new Array(31).fill(0)]), m: new Uint8Array(0), pk })),
    ).chain((t) => fc.tuple(fc.constant(t), fc.option(hostileBytes(fc.constant(t.sig), 10)), fc.option(hostileBytes(fc.constant(t.pk), 10))));
    fc.assert(
      fc.property(arb, ([t, sig, pk]) => {
        const s = sig ?? t.sig, k = pk ?? t.pk;
        let noble: boolean;
        try {
          noble = ed25519.verify(s, t.m, k, { zip215: true });
        } catch {
          noble = false; // wrong lengths: noble throws, V4 rejects
        }
        expect(verifyZip215(s, t.m, k)).toBe(noble);
      }),
      props(300),
    );
  });
});
