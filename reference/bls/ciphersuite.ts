/**
 * Ciphersuites (draft-irtf-cfrg-bls-signature-05 §4.2): the minimal-pubkey-size variant, public keys
 * in G1 and signatures in G2, hashing to G2 with SSWU over SHA-256. The scheme (basic or proof of
 * possession) is a parameter of every operation; proof of possession is the default.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import type { G2Point } from "./points.js";

export interface Ciphersuite {
  /** The ciphersuite ID, used as the hash-to-curve domain separation tag of signatures. */
  readonly id: string;
  /** The DST of proofs of possession; null for schemes without them. */
  readonly popDst: string | null;
  /** Basic scheme (draft-05 §3.1.1): AggregateVerify requires pairwise distinct messages. */
  readonly distinctMessages: boolean;
}

/** draft-05 §4.2.3: the proof-of-possession scheme, as Ethereum uses it. The default. */
export const POP: Ciphersuite = {
  id: "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_",
  popDst: "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_",
  distinctMessages: false,
};

/** draft-05 §4.2.1: the basic scheme (Wycheproof's `_NUL_` files). */
export const BASIC: Ciphersuite = {
  id: "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_",
  popDst: null,
  distinctMessages: true,
};

export const CIPHERSUITES: readonly Ciphersuite[] = [POP, BASIC];

/** hash_to_point (draft-05 §1.3): hash_to_curve of RFC 9380 §3 with suite BLS12381G2_XMD:SHA-256_SSWU_RO_ and the given DST. */
export function hashToG2(message: Uint8Array, dst: string | Uint8Array): G2Point {
  return bls12_381.G2.hashToCurve(message, { DST: dst }) as G2Point;
}
