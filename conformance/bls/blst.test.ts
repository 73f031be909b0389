/**
 * The independent check (CONTRIBUTING step 9): native blst through @chainsafe/blst.
 *
 * 1. Every case of the vector files the suite's `checkedAgainst` names runs through a small blst
 *    adapter below; blst must give the same verdict and the same output bytes (reason codes are
 *    the spec's and are not blst's, so an invalid case only needs blst to refuse it too).
 * 2. A differential property test: random key material and messages give the same secret keys,
 *    public keys, signatures, aggregates and verdicts in both implementations.
 *
 * @chainsafe/blst hard-codes the POP signing DST, so the vector files that also hold basic-scheme or
 * proof-of-possession cases (sign, verify, aggregate_verify, pop_prove, pop_verify) are covered by
 * the differential test for the POP scheme only, and by Wycheproof for the basic scheme.
 * It also accepts uncompressed encodings, which the spec refuses (E1): the adapter checks lengths first.
 */
import { readFileSync } from "node:fs";
import * as blst from "@chainsafe/blst";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AGGREGATE_SIZE, MAX_BATCH_SIZE } from "../../reference/bls/constants.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import {
  aggregate,
  aggregateVerify,
  batchVerify,
  fastAggregateVerify,
  keyGen,
  keyValidate,
  sign,
  skToPk,
  verify,
} from "../../reference/bls/index.js";
import { applyMutation, mutationArb } from "../harness/arbitraries.js";
import type { Json, JsonObject } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import type { VectorFile } from "../harness/vectorfile.js";
import { blsSuite } from "./suite.js";

const BLST_NAME = "@chainsafe/blst 2.2.0 (native blst, independent)";
const h = (o: JsonObject, k: string) => fromHex(o[k]);
const hs = (o: JsonObject, k: string) => (o[k] as Json[]).map((x) => fromHex(x));

/** blst's PublicKey of a compressed encoding (validated), or null: the spec's 48-byte rule first. */
function blstPk(b: Uint8Array): blst.PublicKey | null {
  if (b.length !== 48) return null;
  try {
    return blst.PublicKey.fromBytes(b, true);
  } catch {
    return null;
  }
}
/** blst's Signature of a compressed encoding (subgroup-checked, identity refused), or null. */
function blstSig(b: Uint8Array, allowInfinity = false): blst.Signature | null {
  if (b.length !== 96) return null;
  try {
    return blst.Signature.fromBytes(b, true, !allowInfinity);
  } catch {
    return null;
  }
}

/** The blst adapter: each operation's answer as output JSON, or null for "refused". */
const BLST_OPS: Record<string, (i: JsonObject) => JsonObject | null> = {
  key_gen: (i) => {
    const ikm = h(i, "ikm");
    if (ikm.length < 32) return null;
    const info = h(i, "keyInfo");
    return { sk: toHex(blst.SecretKey.fromKeygen(ikm, info.length ? info : undefined).toBytes()) };
  },
  sk_to_pk: (i) => {
    const sk = h(i, "sk");
    if (sk.length !== 32) return null;
    try {
      return { pk: toHex(blst.SecretKey.fromBytes(sk).toPublicKey().toBytes(true)) };
    } catch {
      return null;
    }
  },
  key_validate: (i) => ({ valid: blstPk(h(i, "pk")) !== null }),
  aggregate: (i) => {
    const sigs = hs(i, "signatures");
    if (sigs.length === 0 || sigs.length > MAX_AGGREGATE_SIZE || sigs.some((s) => s.length !== 96)) return null; // the spec's caps (K7) come first
    try {
      return { signature: toHex(blst.aggregateSerializedSignatures(sigs, true).toBytes(true)) };
    } catch {
      return null;
    }
  },
  fast_aggregate_verify: (i) => {
    if (hs(i, "pks").length > MAX_AGGREGATE_SIZE) return null; // K7: raised, not false
    const pks = hs(i, "pks").map(blstPk);
    const sig = blstSig(h(i, "signature"));
    if (pks.length === 0 || pks.some((p) => p === null) || sig === null) return { valid: false };
    return { valid: blst.fastAggregateVerify(h(i, "message"), pks as blst.PublicKey[], sig, true) };
  },
  batch_verify: (i) => {
    if (hs(i, "pks").length > MAX_BATCH_SIZE) return null; // K5: raised, not false
    const pks = hs(i, "pks").map(blstPk);
    const msgs = hs(i, "messages");
    const sigs = hs(i, "signatures").map((s) => blstSig(s));
    if (pks.length === 0 || pks.length !== msgs.length || pks.length !== sigs.length) return { valid: false };
    if (pks.some((p) => p === null) || sigs.some((s) => s === null)) return { valid: false };
    return { valid: blst.verifyMultipleAggregateSignatures(pks.map((pk, k) => ({ pk: pk!, msg: msgs[k]!, sig: sigs[k]! })), true, true) };
  },
};

describe("blst against the vectors", () => {
  it("the suite's checkedAgainst names blst for exactly the operations the adapter implements", () => {
    const named = Object.entries(blsSuite.checkedAgainst).filter(([, who]) => who.includes(BLST_NAME)).map(([op]) => op).sort();
    expect(named).toEqual(Object.keys(BLST_OPS).sort());
  });

  for (const [op, run] of Object.entries(BLST_OPS)) {
    it(`${op}: blst agrees on every case`, () => {
      const file = JSON.parse(readFileSync(`vectors/bls/${op}.json`, "utf8")) as VectorFile;
      expect(file.checkedAgainst).toContain(BLST_NAME);
      for (const t of file.tests) {
        const got = run(t.input);
        const label = `(bls/${op}.json#${t.tcId}, ${t.result}): ${t.comment}`;
        if (t.result === "valid") expect(got, label).toEqual(t.output);
        else expect(got, label).toBeNull();
      }
    });
  }
});

// ---- differential properties: random keys and messages ----

const ikmArb = fc.uint8Array({ minLength: 32, maxLength: 48 });
const msgArb = fc.uint8Array({ maxLength: 64 });
const signersArb = fc.array(fc.tuple(ikmArb, msgArb), { minLength: 1, maxLength: 3 });

describe("blst differential (POP ciphersuite)", () => {
  it("KeyGen, SkToPk, Sign and Verify give the same bytes and verdicts, also on a mutated signature", () => {
    fc.assert(
      fc.property(ikmArb, msgArb, mutationArb, (ikm, msg, mut) => {
        const sk = keyGen(ikm);
        const bsk = blst.SecretKey.fromKeygen(ikm);
        expect(toHex(sk)).toBe(toHex(bsk.toBytes()));
        const pk = skToPk(sk);
        expect(toHex(pk)).toBe(toHex(bsk.toPublicKey().toBytes(true)));
        const sig = sign(sk, msg);
        expect(toHex(sig)).toBe(toHex(bsk.sign(msg).toBytes(true)));
        const bad = applyMutation(sig, mut);
        const bSig = blstSig(bad);
        const blstVerdict = bSig !== null && blst.verify(msg, blstPk(pk)!, bSig, true, true);
        expect(verify(pk, msg, bad)).toBe(blstVerdict);
        expect(keyValidate(applyMutation(pk, mut))).toBe(blstPk(applyMutation(pk, mut)) !== null);
      }),
      props(8),
    );
  });

  it("Aggregate, FastAggregateVerify, AggregateVerify and batch verification agree", () => {
    fc.assert(
      fc.property(signersArb, fc.boolean(), (ss, tamper) => {
        const sks = ss.map(([ikm]) => keyGen(ikm));
        const pks = sks.map(skToPk);
        const msgs = ss.map(([, m]) => m);
        const sigs = sks.map((sk, i) => sign(sk, msgs[i]!));
        if (tamper) sigs[0] = sign(sks[0]!, Uint8Array.of(...msgs[0]!, 1)); // one signature of another message
        const agg = aggregate(sigs);
        expect(toHex(agg)).toBe(toHex(blst.aggregateSerializedSignatures(sigs, true).toBytes(true)));
        const bPks = pks.map((p) => blstPk(p)!);
        const bAgg = blstSig(agg)!;
        expect(aggregateVerify(pks, msgs, agg)).toBe(blst.aggregateVerify(msgs, bPks, bAgg, true, true));
        const same = aggregate(sks.map((sk) => sign(sk, msgs[0]!)));
        const fm = tamper ? Uint8Array.of(...msgs[0]!, 2) : msgs[0]!; // the signed message, or another
        expect(fastAggregateVerify(pks, fm, same)).toBe(blst.fastAggregateVerify(fm, bPks, blstSig(same)!, true));
        expect(batchVerify(pks, msgs, sigs)).toBe(blst.verifyMultipleAggregateSignatures(bPks.map((pk, i) => ({ pk, msg: msgs[i]!, sig: blstSig(sigs[i]!)! })), true, true));
      }),
      props(5),
    );
  });
});
