/**
 * Properties of the bls reference (spec/bls.md): canonical point encodings, sign/verify, typed errors
 * only on hostile input, signer bitfields, batch randomness, and the certificate properties of the
 * issue: signer order never matters; any signer set at or below 2/3 of the stake fails; flipping any
 * bit of message, bitfield or signature fails; a batch's verdict is the conjunction of single verdicts.
 * Pairings cost milliseconds in pure JS: runs are small here; PWO_DEEP=1 runs a hundred times more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { toHex } from "../../reference/common/hex.js";
import {
  BASIC,
  MAX_BATCH_SIZE,
  MAX_COMMITTEE_SIZE,
  POP,
  R,
  aggregate,
  aggregateCertificate,
  batchVerify,
  batchVerifyCertificates,
  bitfieldLength,
  computeBatchScalars,
  decodeG1,
  decodeG2,
  decodeSigners,
  encodeG1,
  encodeG2,
  encodeSigners,
  isSupermajority,
  isValidCertificate,
  keyGen,
  makeCommittee,
  sign,
  signCommit,
  skToPk,
  verify,
  verifyCertificate,
  type Certificate,
  type Commit,
} from "../../reference/bls/index.js";
import { os2ip } from "../../reference/bls/points.js";
import { Rng } from "../../reference/common/rng.js";
import { BadInput, runOperation } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import { BLS_INPUTS, g1BytesArb, g2BytesArb, messageArb, secretKeyArb } from "./arbitraries.js";
import { BLS_OPERATIONS } from "./operations.js";
import { sampleCommittee } from "./vectors.js";

/** The code of a bls SpecError thrown by `f`, or undefined if it returned; anything else propagates. */
function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (isSpecError(e, "bls")) return e.code;
    throw e;
  }
}

describe("point encodings", () => {
  it("every accepted G1 encoding re-encodes to the same bytes (one encoding per point); rejections are typed", () => {
    fc.assert(fc.property(g1BytesArb, (b) => {
      let point;
      try {
        point = decodeG1(b);
      } catch (e) {
        expect(isSpecError(e, "bls")).toBe(true);
        return;
      }
      expect(toHex(encodeG1(point))).toBe(toHex(b));
    }), props(60));
  });

  it("every accepted G2 encoding re-encodes to the same bytes; rejections are typed", () => {
    fc.assert(fc.property(g2BytesArb, (b) => {
      let point;
      try {
        point = decodeG2(b);
      } catch (e) {
        expect(isSpecError(e, "bls")).toBe(true);
        return;
      }
      expect(toHex(encodeG2(point))).toBe(toHex(b));
    }), props(20));
  });
});

describe("keys and signatures", () => {
  it("KeyGen is deterministic and yields 0 < SK < r", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 64 }), fc.uint8Array({ maxLength: 8 }), (ikm, info) => {
      const sk = keyGen(ikm, info);
      expect(toHex(keyGen(ikm, info))).toBe(toHex(sk));
      const x = os2ip(sk);
      expect(x > 0n && x < R).toBe(true);
    }), props(50));
  });

  it("Verify(SkToPk(SK), m, Sign(SK, m)) holds in both ciphersuites and fails for another message or suite", () => {
    fc.assert(fc.property(secretKeyArb, messageArb, fc.constantFrom(POP, BASIC), (sk, m, suite) => {
      const pk = skToPk(sk);
      const sig = sign(sk, m, suite);
      expect(verify(pk, m, sig, suite)).toBe(true);
      expect(verify(pk, Uint8Array.of(...m, 0), sig, suite)).toBe(false);
      expect(verify(pk, m, sig, suite === POP ? BASIC : POP)).toBe(false);
    }), props(3));
  });

  it("Aggregate does not depend on the order of its inputs", () => {
    fc.assert(fc.property(fc.array(fc.tuple(secretKeyArb, messageArb), { minLength: 2, maxLength: 3 }), (pairs) => {
      const sigs = pairs.map(([sk, m]) => sign(sk, m));
      expect(toHex(aggregate([...sigs].reverse()))).toBe(toHex(aggregate(sigs)));
    }), props(3));
  });

  it("every operation answers an output or a typed rejection on arbitrary input, never another exception", () => {
    for (const op of BLS_OPERATIONS) {
      const runs = op.name.includes("certificate") ? 2 : 4;
      fc.assert(fc.property(BLS_INPUTS[op.name]!, (input) => {
        try {
          runOperation(op, input);
        } catch (e) {
          expect(e, `${op.name}: ${String(e)}`).toBeInstanceOf(BadInput);
        }
      }), props(runs));
    }
  });

  it("size limits are checked before any work: COMMITTEE_TOO_LARGE and BATCH_TOO_LARGE", () => {
    const junk = { publicKey: new Uint8Array(0), stake: 0n, proofOfPossession: new Uint8Array(0) };
    expect(codeOf(() => makeCommittee(new Array(MAX_COMMITTEE_SIZE + 1).fill(junk)))).toBe("COMMITTEE_TOO_LARGE");
    const many = new Array<Uint8Array>(MAX_BATCH_SIZE + 1).fill(new Uint8Array(0));
    expect(codeOf(() => batchVerify(many, many, many))).toBe("BATCH_TOO_LARGE");
    expect(codeOf(() => batchVerifyCertificates(new Array(MAX_BATCH_SIZE + 1).fill(null)))).toBe("BATCH_TOO_LARGE");
  });
});

describe("signer bitfields", () => {
  it("decodeSigners ∘ encodeSigners = the sorted signer set", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.nat(n - 1)))), ([n, set]) => {
      expect(decodeSigners(n, encodeSigners(n, set))).toEqual([...set].sort((x, y) => x - y));
    }), props(200));
  });

  it("any bytes either re-encode exactly (canonical) or are refused with the length or padding code", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.uint8Array({ maxLength: 4 }), (n, bits) => {
      let signers: number[];
      try {
        signers = decodeSigners(n, bits);
      } catch (e) {
        expect(isSpecError(e, "bls")).toBe(true);
        expect(bits.length === bitfieldLength(n) ? "NON_CANONICAL_BITFIELD" : "BITFIELD_LENGTH_MISMATCH").toBe((e as { code: string }).code);
        return;
      }
      expect(toHex(encodeSigners(n, signers))).toBe(toHex(bits));
    }), props(300));
  });

  it("the stake rule is exactly 'strictly more than 2/3': 3·signed > 2·total", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: 1n << 64n }), (total, s) => {
      const signed = s % (total + 1n);
      // exact rational comparison signed/total > 2/3, done the long way
      const expected = signed * 3n - total * 2n > 0n;
      expect(isSupermajority(signed, total)).toBe(expected);
    }), props(300));
  });
});

// ---- certificates over one fixed committee ----

const STAKES = [10n, 20n, 30n, 40n, 50n]; // total 150: a certificate needs more than 100
const sample = sampleCommittee(new Rng("pwo/bls/properties/committee"), STAKES);
const fixture = { ...sample, committee: makeCommittee(sample.members) };
const COMMITS: Commit[] = [0, 1, 2].map((k) => ({ chainId: 9n, shard: 1n, height: 500n + BigInt(k), round: 0n, blockDigest: new Rng(`pwo/bls/properties/digest/${k}`).bytes(32) }));
/** Every member's signature of every commit, computed once. */
const SIGS = COMMITS.map((c) => fixture.sks.map((sk) => signCommit(sk, c)));
const certOf = (k: number, indices: number[]): Certificate => aggregateCertificate(fixture.committee, indices.map((i) => ({ index: i, signature: SIGS[k]![i]! })));
const stakeOf = (indices: number[]) => indices.reduce((t, i) => t + STAKES[i]!, 0n);
const subsetArb = fc.subarray([0, 1, 2, 3, 4]);
/** Signer sets above 2/3 of the stake. */
const quorumArb = subsetArb.filter((s) => isSupermajority(stakeOf(s), 150n));

describe("certificates", () => {
  it("the order of signers never matters", () => {
    fc.assert(fc.property(quorumArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))), ([set, shuffled]) => {
      const a = certOf(0, set);
      const b = certOf(0, shuffled);
      expect(toHex(b.signature)).toBe(toHex(a.signature));
      expect(toHex(b.signers)).toBe(toHex(a.signers));
    }), props(20));
    expect(verifyCertificate(fixture.committee, COMMITS[0]!, certOf(0, [4, 2, 3])).signers).toEqual([2, 3, 4]);
  });

  it("any signer set at or below 2/3 of the stake fails with INSUFFICIENT_STAKE; any above verifies", () => {
    fc.assert(fc.property(subsetArb, (set) => {
      const identity = Uint8Array.from([0xc0, ...new Array<number>(95).fill(0)]);
      const cert = set.length ? certOf(1, set) : { signature: identity, signers: encodeSigners(5, []) };
      const code = codeOf(() => verifyCertificate(fixture.committee, COMMITS[1]!, cert));
      expect(code).toBe(isSupermajority(stakeOf(set), 150n) ? undefined : "INSUFFICIENT_STAKE");
    }), props(12));
  });

  const flipArb = fc.record({
    target: fc.constantFrom("message", "bitfield", "signature"),
    field: fc.constantFrom("chainId", "shard", "height", "round", "blockDigest"),
    bit: fc.nat(96 * 8 - 1),
  });

  /** The (commit, certificate) with one bit flipped in the signed message, the bitfield or the signature. */
  function flipped(k: number, set: number[], f: { target: string; field: string; bit: number }): [Commit, Certificate] {
    const commit = { ...COMMITS[k]! };
    const cert = certOf(k, set);
    if (f.target === "message") {
      const widths: Record<string, number> = { chainId: 64, shard: 32, height: 64, round: 32 };
      if (f.field === "blockDigest") {
        const d = commit.blockDigest.slice();
        d[(f.bit >> 3) % 32]! ^= 1 << (f.bit & 7);
        commit.blockDigest = d;
      } else {
        const key = f.field as "chainId" | "shard" | "height" | "round";
        commit[key] = commit[key] ^ (1n << BigInt(f.bit % widths[f.field]!));
      }
      return [commit, cert];
    }
    const bytes = (f.target === "bitfield" ? cert.signers : cert.signature).slice();
    const bit = f.bit % (bytes.length * 8);
    bytes[bit >> 3]! ^= 1 << (bit & 7);
    return [commit, f.target === "bitfield" ? { ...cert, signers: bytes } : { ...cert, signature: bytes }];
  }

  it("flipping any bit of the message, the bitfield or the signature makes a valid certificate fail", () => {
    fc.assert(fc.property(quorumArb, flipArb, (set, f) => {
      const [commit, cert] = flipped(2, set, f);
      expect(isValidCertificate(fixture.committee, commit, cert)).toBe(false);
    }), props(12));
  });

  it("a batch's verdict is the conjunction of the single verdicts", () => {
    const itemArb = fc.tuple(fc.nat(2), quorumArb, fc.option(flipArb, { freq: 2 }));
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 3 }), (specs) => {
      const items = specs.map(([k, set, f]) => {
        const [commit, certificate] = f ? flipped(k, set, f) : [COMMITS[k]!, certOf(k, set)];
        return { committee: fixture.committee, commit, certificate };
      });
      const singles = items.map((it) => isValidCertificate(it.committee, it.commit, it.certificate));
      expect(batchVerifyCertificates(items)).toBe(singles.every(Boolean));
    }), props(6));
  });
});

describe("batch randomness", () => {
  it("the scalars are deterministic, in 1..2^64−1, and change when any item changes", () => {
    const pk = decodeG1(skToPk(fixture.sks[0]!));
    const sig = decodeG2(SIGS[0]![0]!);
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.nat(), (msgs, which) => {
      const items = msgs.map((message) => ({ publicKey: pk, message, signature: sig }));
      const r = computeBatchScalars(items);
      expect(computeBatchScalars(items)).toEqual(r);
      for (const x of r) expect(x >= 1n && x < 1n << 64n).toBe(true);
      const i = which % items.length;
      const changed = items.map((it, j) => (j === i ? { ...it, message: Uint8Array.of(...it.message, 0) } : it));
      expect(computeBatchScalars(changed)[0]).not.toBe(r[0]);
    }), props(30));
  });
});
