/**
 * fast-check arbitraries of bls values and of every bls operation's input, for the property tests
 * and for `pwo fuzz --suite bls`. Keys come from KeyGen over arbitrary IKM; encodings are valid ones
 * with hostile mutations (conformance/harness/arbitraries.ts).
 * @module
 */
import fc from "fast-check";
import { toHex } from "../../reference/common/hex.js";
import { BASIC, POP, decodeG1, decodeG2, encodeG1, encodeG2, G1, G2, keyGen, popProve, sign, skToPk, R } from "../../reference/bls/index.js";
import { i2osp } from "../../reference/bls/keys.js";
import { hostileBytes } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { T1, T2, compressG1, compressG2 } from "./torsion.js";

/** A constant computed when first drawn, not at import (point encodings cost precomputation). */
const lazy = <T>(f: () => T): fc.Arbitrary<T> => fc.constant(0).map(() => f());

/** A secret key from KeyGen over 32 arbitrary IKM bytes. */
export const secretKeyArb: fc.Arbitrary<Uint8Array> = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((ikm) => keyGen(ikm));
/** Short messages, empty included. */
export const messageArb: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 40 });
/** A signer: secret key and public key. */
export const signerArb = secretKeyArb.map((sk) => ({ sk, pk: skToPk(sk) }));

/** Secret keys as bytes at the edges: 0, 1, r − 1, r, 2^256 − 1, wrong lengths, or KeyGen keys. */
const rawSecretKeyArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  secretKeyArb,
  fc.constantFrom(i2osp(0n, 32), i2osp(1n, 32), i2osp(R - 1n, 32), i2osp(R, 32), new Uint8Array(32).fill(0xff), new Uint8Array(31)),
);

/** Compressed G1 encodings: valid keys, the generator, the identity, mutated and random bytes. */
export const g1BytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: hostileBytes(fc.oneof(signerArb.map((s) => s.pk), lazy(() => encodeG1(G1.BASE)), lazy(() => encodeG1(G1.ZERO))), 60) },
  // a valid key plus a cofactor-torsion point: on E1, outside the subgroup (rule E7)
  { weight: 1, arbitrary: signerArb.map((s) => compressG1(decodeG1(s.pk).add(T1))) },
);
/** Compressed G2 encodings: valid signatures, the generator, the identity, mutated and random bytes. */
export const g2BytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: hostileBytes(fc.oneof(fc.tuple(secretKeyArb, messageArb).map(([sk, m]) => sign(sk, m)), lazy(() => encodeG2(G2.BASE)), lazy(() => encodeG2(G2.ZERO))), 110) },
  // a valid signature plus a cofactor-torsion point: on E2, outside the subgroup (rule E7)
  { weight: 1, arbitrary: fc.tuple(secretKeyArb, messageArb).map(([sk, m]) => compressG2(decodeG2(sign(sk, m)).add(T2))) },
);

const suiteArb = fc.constantFrom(POP.id, BASIC.id);
const hexOf = (b: Uint8Array) => toHex(b);

/** A valid (pk, message, signature) triple, sometimes with one part swapped for a hostile one. */
const triple = fc.tuple(signerArb, messageArb).map(([s, m]) => ({ pk: s.pk, message: m, signature: sign(s.sk, m) }));

export const BLS_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  key_gen: fc.record({ ikm: fc.uint8Array({ minLength: 28, maxLength: 64 }).map(hexOf), keyInfo: fc.uint8Array({ maxLength: 16 }).map(hexOf) }),
  sk_to_pk: rawSecretKeyArb.map((sk) => ({ sk: hexOf(sk) })),
  key_validate: g1BytesArb.map((pk) => ({ pk: hexOf(pk) })),
  decode_g1: g1BytesArb.map((d) => ({ data: hexOf(d) })),
  decode_g2: g2BytesArb.map((d) => ({ data: hexOf(d) })),
  hash_to_g2: fc.record({ message: messageArb.map(hexOf), dst: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(hexOf) }),
  sign: fc.record({ sk: rawSecretKeyArb.map(hexOf), message: messageArb.map(hexOf), ciphersuite: suiteArb }),
  verify: fc.tuple(triple, fc.option(g1BytesArb), fc.option(g2BytesArb), suiteArb).map(([t, pk, sig, suite]) => ({ pk: hexOf(pk ?? t.pk), message: hexOf(t.message), signature: hexOf(sig ?? t.signature), ciphersuite: suite })),
  aggregate: fc.array(g2BytesArb, { maxLength: 3 }).map((s) => ({ signatures: s.map(hexOf) })),
  fast_aggregate_verify: fc.tuple(fc.array(signerArb, { maxLength: 3 }), messageArb, fc.option(g2BytesArb)).map(([ss, m, bad]) => ({
    pks: ss.map((s) => hexOf(s.pk)),
    message: hexOf(m),
    signature: hexOf(bad ?? (ss.length ? encodeG2(ss.map((s) => G2.fromBytes(sign(s.sk, m))).reduce((a, b) => a.add(b))) : encodeG2(G2.ZERO))),
  })),
  aggregate_verify: fc.tuple(fc.array(triple, { minLength: 1, maxLength: 3 }), suiteArb).map(([ts, suite]) => ({
    pks: ts.map((t) => hexOf(t.pk)),
    messages: ts.map((t) => hexOf(t.message)),
    signature: hexOf(encodeG2(ts.map((t) => G2.fromBytes(t.signature)).reduce((a, b) => a.add(b)))),
    ciphersuite: suite,
  })),
  pop_prove: rawSecretKeyArb.map((sk) => ({ sk: hexOf(sk) })),
  pop_verify: fc.tuple(signerArb, fc.option(g1BytesArb), fc.option(g2BytesArb)).map(([s, pk, proof]) => ({ pk: hexOf(pk ?? s.pk), proof: hexOf(proof ?? popProve(s.sk)) })),
  batch_verify: fc.array(triple, { maxLength: 3 }).map((ts) => ({ pks: ts.map((t) => hexOf(t.pk)), messages: ts.map((t) => hexOf(t.message)), signatures: ts.map((t) => hexOf(t.signature)) })),
  commit_message: fc.record({
    commit: fc.record({
      chainId: fc.bigInt({ min: 0n, max: 1n << 65n }).map(String),
      shard: fc.nat({ max: 2 ** 33 }),
      height: fc.bigInt({ min: 0n, max: 1n << 65n }).map(String),
      round: fc.nat({ max: 2 ** 33 }),
      blockDigest: fc.uint8Array({ minLength: 30, maxLength: 34 }).map(hexOf),
    }),
  }),
  // certificates: small committees only (each member costs a proof-of-possession check)
  // committees of 1–3 keys, sometimes with a key sk followed by r − sk (the pair sums to the identity)
  verify_certificate: fc.tuple(fc.array(secretKeyArb, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(7), fc.option(g2BytesArb)).map(([drawn, zeroSum, digest, mask, badSig]) => {
    const sks = zeroSum ? [drawn[0]!, i2osp((R - BigInt(`0x${toHex(drawn[0]!)}`)) % R, 32), ...drawn.slice(1, 2)] : drawn;
    const commit = { chainId: "1", shard: 0, height: "5", round: 0, blockDigest: hexOf(digest) };
    const members = sks.map((sk) => ({ publicKey: hexOf(skToPk(sk)), stake: "1", proofOfPossession: hexOf(popProve(sk)) }));
    const idx = sks.map((_, i) => i).filter((i) => (mask >> i) & 1);
    const msg = new Uint8Array([...new TextEncoder().encode("PWO-BLS-COMMIT-V1"), ...i2osp(1n, 8), ...i2osp(0n, 4), ...i2osp(5n, 8), ...i2osp(0n, 4), ...digest]);
    const sig = idx.length ? encodeG2(idx.map((i) => G2.fromBytes(sign(sks[i]!, msg))).reduce((a, b) => a.add(b))) : encodeG2(G2.ZERO);
    return { committee: members, commit, certificate: { signature: hexOf(badSig ?? sig), signers: hexOf(Uint8Array.of(mask & ((1 << sks.length) - 1))) } };
  }),
};
// a batch: one committee and 1–2 of its (commit, certificate) pairs, valid or hostile as verify_certificate's
BLS_INPUTS.batch_verify_certificates = fc.array(BLS_INPUTS.verify_certificate!, { minLength: 1, maxLength: 2 }).map((cs) => ({
  committee: cs[0]!.committee as JsonObject[],
  items: cs.map((c) => ({ commit: c.commit as JsonObject, certificate: c.certificate as JsonObject })),
}));
