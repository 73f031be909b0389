/**
 * The production signature scheme of consensus certificates: BLS12-381 from the `bls` component
 * (draft-irtf-cfrg-bls-signature-05, minimal-pubkey-size, proof-of-possession ciphersuite), with
 * certificates verified by FastAggregateVerify over the vote message (spec/consensus.md §Signature
 * schemes). FastAggregateVerify is safe only for keys whose proof of possession was checked when the
 * committee was admitted (the `bls` component's committee admission); this adapter assumes it.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { aggregate, fastAggregateVerify, keyGen, sign, skToPk, verify } from "../bls/index.js";
import { isSpecError } from "../common/errors.js";
import type { SignatureScheme } from "./signature.js";

export const BLS_SCHEME: SignatureScheme = {
  name: "bls12381-pop-v1",
  /** sk = KeyGen(IKM = SHA-256(seed)); pk = SkToPk(sk). */
  keyPair(seed) {
    const secretKey = keyGen(sha256(seed));
    return { secretKey, publicKey: skToPk(secretKey) };
  },
  sign: (sk, m) => sign(sk, m),
  verify: (pk, m, s) => rejectsAsFalse(() => verify(pk, m, s)),
  aggregate: (sigs) => aggregate(sigs),
  verifyAggregate: (pks, m, agg) => pks.length > 0 && rejectsAsFalse(() => fastAggregateVerify(pks, m, agg)),
};

/** A malformed key or signature (a `bls` SpecError, e.g. bytes off the curve) does not verify. */
function rejectsAsFalse(f: () => boolean): boolean {
  try {
    return f();
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
}
