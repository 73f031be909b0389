/**
 * Why committees admit keys only with a proof of possession (spec/bls.md §Committees): the rogue-key
 * attack on summed-key verification succeeds without it and is stopped by it.
 */
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import {
  G1,
  POP,
  R,
  encodeG1,
  encodeG2,
  encodeSigners,
  fastAggregateVerify,
  hashToG2,
  keyGen,
  makeCommittee,
  popProve,
  skToPk,
  verifyCertificate,
  commitMessage,
  type Commit,
  type Committee,
} from "../../reference/bls/index.js";
import { os2ip } from "../../reference/bls/points.js";

const victimSk = keyGen(new Uint8Array(32).fill(0x11));
const victimPk = skToPk(victimSk);
// the attacker's own secret a; its rogue key is a·P1 − PK_victim, whose secret it does not know
const a = os2ip(keyGen(new Uint8Array(32).fill(0x22))) % R;
const roguePk = encodeG1(G1.BASE.multiply(a).subtract(G1.fromBytes(victimPk)));
const commit: Commit = { chainId: 1n, shard: 0n, height: 42n, round: 0n, blockDigest: new Uint8Array(32).fill(0xee) };
/** The attacker's forgery: a · H(m), which verifies for PK_victim + PK_rogue = a·P1. */
const forge = (message: Uint8Array) => encodeG2(hashToG2(message, POP.id).multiply(a));

describe("the rogue-key attack", () => {
  it("without proofs of possession: the attacker alone produces a signature 'by' the victim and itself", () => {
    const m = new TextEncoder().encode("the victim never signed this");
    expect(fastAggregateVerify([victimPk, roguePk], m, forge(m))).toBe(true);
  });

  it("without admission: a certificate with the victim's bit set, signed by the attacker alone, verifies", () => {
    // a committee built by hand, skipping makeCommittee's proof-of-possession rule
    const members = [victimPk, roguePk].map((publicKey) => ({ publicKey, stake: 100n, point: G1.fromBytes(publicKey) }));
    const unchecked: Committee = { members, totalStake: 200n };
    const cert = { signature: forge(commitMessage(commit)), signers: encodeSigners(2, [0, 1]) };
    expect(verifyCertificate(unchecked, commit, cert)).toEqual({ signers: [0, 1], signedStake: 200n });
  });

  it("with admission: no proof the attacker can make gets the rogue key into a committee", () => {
    const victim = { publicKey: victimPk, stake: 100n, proofOfPossession: popProve(victimSk) };
    // the attacker knows a, so it can prove possession of a·P1, replay the victim's proof, or compute a·H_pop(PK_rogue)
    const attempts = [
      popProve(keyGen(new Uint8Array(32).fill(0x22))),
      victim.proofOfPossession,
      encodeG2(hashToG2(roguePk, POP.popDst!).multiply(a)),
    ];
    for (const proofOfPossession of attempts) {
      let code: string | undefined;
      try {
        makeCommittee([victim, { publicKey: roguePk, stake: 100n, proofOfPossession }]);
      } catch (e) {
        if (isSpecError(e, "bls")) code = e.code;
        else throw e;
      }
      expect(code).toBe("INVALID_PROOF_OF_POSSESSION");
    }
  });
});
