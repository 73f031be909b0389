/**
 * Batch verification by random linear combination (spec/bls.md §Batch verification).
 *
 * n triples (PK_i, m_i, S_i), each valid alone iff e(PK_i, H(m_i)) = e(P1, S_i), are checked at once:
 * ```
 * ∏_i e(r_i · PK_i, H(m_i)) · e(−P1, Σ_i r_i · S_i) = 1
 * ```
 * one multi-Miller loop of n + 1 pairs and one final exponentiation, instead of n of each. The
 * scalars r_i are derived deterministically from every item of the batch (a Fiat–Shamir style
 * derivation), so vectors are reproducible and a forger, who must fix the signatures before the r_i
 * are known, passes with probability at most 2^-64 per attempt.
 * @module
 */
import { pippenger } from "@noble/curves/abstract/curve.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { BATCH_DOMAIN, BATCH_SCALAR_BITS, MAX_BATCH_SIZE } from "./constants.js";
import { type Ciphersuite, POP, hashToG2 } from "./ciphersuite.js";
import { fail } from "./errors.js";
import { concat, i2osp, publicKeyPoint } from "./keys.js";
import { G1, G2, encodeG1, encodeG2, os2ip, type G1Point, type G2Point } from "./points.js";
import { pairingProductIsOne, signaturePoint } from "./signatures.js";
import { isSpecError } from "../common/errors.js";

/** One decoded item of a batch: a (non-identity) key, the message bytes, a (non-identity) signature. */
export interface BatchItem {
  publicKey: G1Point;
  message: Uint8Array;
  signature: G2Point;
}

/**
 * The batch scalars (spec/bls.md §Batch verification):
 * ```
 * seed = SHA-256(BATCH_DOMAIN ‖ I2OSP(n, 4) ‖ item_0 ‖ … ‖ item_{n−1})
 *        item_i = compress(PK_i) ‖ I2OSP(len(m_i), 4) ‖ m_i ‖ compress(S_i)
 * r_i  = OS2IP(SHA-256(seed ‖ I2OSP(i, 4))[0:8]), replaced by 1 if it is 0
 * ```
 */
export function computeBatchScalars(items: readonly BatchItem[]): bigint[] {
  const parts: Uint8Array[] = [utf8ToBytes(BATCH_DOMAIN), i2osp(items.length, 4)];
  for (const it of items) parts.push(encodeG1(it.publicKey), i2osp(it.message.length, 4), it.message, encodeG2(it.signature));
  const seed = sha256(concat(...parts));
  return items.map((_, i) => {
    const r = os2ip(sha256(concat(seed, i2osp(i, 4))).subarray(0, BATCH_SCALAR_BITS / 8));
    return r === 0n ? 1n : r;
  });
}

/**
 * The random-linear-combination check over decoded items, under the signature DST `dst`. True for an
 * empty batch. The callers bound the batch before decoding anything (K6 in {@link batchVerify} and
 * {@link batchVerifyCertificates}; a committee, M2, has at most MAX_COMMITTEE_SIZE members).
 */
export function verifyBatchItems(items: readonly BatchItem[], dst: string): boolean {
  if (items.length === 0) return true;
  const r = computeBatchScalars(items);
  const pairs: { g1: G1Point; g2: G2Point }[] = items.map((it, i) => ({ g1: it.publicKey.multiply(r[i]!), g2: hashToG2(it.message, dst) })); // (r_i · PK_i, H(m_i))
  const sigma = pippenger(G2, items.map((it) => it.signature), r); // Σ r_i · S_i, one multi-scalar multiplication
  pairs.push({ g1: G1.BASE.negate(), g2: sigma });
  return pairingProductIsOne(pairs);
}

/**
 * Batch verification of n signatures (Ethereum's `batch_verify`): true iff every
 * `verify(pks[i], messages[i], signatures[i])` is true, up to the 2^-64 soundness error. False on
 * empty or unequal lists and on any invalid key or signature; more than MAX_BATCH_SIZE items is
 * `BATCH_TOO_LARGE`.
 */
export function batchVerify(pks: readonly Uint8Array[], messages: readonly Uint8Array[], signatures: readonly Uint8Array[], suite: Ciphersuite = POP): boolean {
  if (pks.length > MAX_BATCH_SIZE) fail("BATCH_TOO_LARGE", `${pks.length} items, at most ${MAX_BATCH_SIZE}`);
  if (pks.length === 0 || pks.length !== messages.length || pks.length !== signatures.length) return false;
  let items: BatchItem[];
  try {
    items = pks.map((pk, i) => ({ publicKey: publicKeyPoint(pk), message: messages[i]!, signature: signaturePoint(signatures[i]!) }));
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
  return verifyBatchItems(items, suite.id);
}
