/**
 * Signing, verification, aggregation and proofs of possession (spec/bls.md §Signatures;
 * draft-irtf-cfrg-bls-signature-05 §2.6–2.9 and §3). Names and argument order are the draft's; the
 * ciphersuite is an extra last argument, {@link POP} by default.
 *
 * The verify family answers `false` for every invalid input and never throws on protocol input.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { isSpecError } from "../common/errors.js";
import { toHex } from "../common/hex.js";
import { MAX_AGGREGATE_SIZE, MAX_BATCH_SIZE } from "./constants.js";
import { type Ciphersuite, POP, hashToG2 } from "./ciphersuite.js";
import { fail } from "./errors.js";
import { publicKeyPoint, secretKeyScalar, skToPk } from "./keys.js";
import { G1, G2, decodeG2, encodeG2, type G1Point, type G2Point } from "./points.js";

const Fp12 = bls12_381.fields.Fp12;
const NEG_P1 = G1.BASE.negate();

/** ∏ e(P_i, Q_i) = 1 in GT: one multi-Miller loop and one final exponentiation. */
export function pairingProductIsOne(pairs: readonly { g1: G1Point; g2: G2Point }[]): boolean {
  return Fp12.eql(bls12_381.pairingBatch(pairs as { g1: G1Point; g2: G2Point }[]), Fp12.ONE);
}

/** A signature as a point, validated for verification: rules E1–E7, and not the identity (`IDENTITY_POINT`). */
export function signaturePoint(signature: Uint8Array): G2Point {
  const point = decodeG2(signature);
  if (point.is0()) fail("IDENTITY_POINT", "signature is the identity");
  return point;
}

/** Runs a check that signals invalid input with a bls SpecError; answers false for those. */
function falseOnInvalid(check: () => boolean): boolean {
  try {
    return check();
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
}

/** CoreSign (draft-05 §2.6): SK · hash_to_point(message) under `dst`. */
function coreSign(sk: Uint8Array, message: Uint8Array, dst: string): Uint8Array {
  const x = secretKeyScalar(sk);
  return encodeG2(hashToG2(message, dst).multiply(x));
}

/** e(PK, Q) = e(P1, S), checked as e(PK, Q) · e(−P1, S) = 1. */
function coreVerifyPoints(pk: G1Point, message: Uint8Array, signature: G2Point, dst: string): boolean {
  return pairingProductIsOne([{ g1: pk, g2: hashToG2(message, dst) }, { g1: NEG_P1, g2: signature }]);
}

/** Sign (draft-05 §3.2/§3.3: CoreSign with the ciphersuite's DST). A zero or out-of-range key is `INVALID_SECRET_KEY`. */
export function sign(sk: Uint8Array, message: Uint8Array, suite: Ciphersuite = POP): Uint8Array {
  return coreSign(sk, message, suite.id);
}

/**
 * Verify (draft-05 §2.7 CoreVerify): false unless the signature decodes to a non-identity subgroup
 * point, the key passes KeyValidate, and e(PK, H(m)) = e(P1, S).
 *
 * Deviation: the identity signature is refused outright (the draft refuses only the identity key).
 * Together with KeyValidate this closes the "zero aggregate" forgery of keys that sum to the identity.
 */
export function verify(pk: Uint8Array, message: Uint8Array, signature: Uint8Array, suite: Ciphersuite = POP): boolean {
  return falseOnInvalid(() => coreVerifyPoints(publicKeyPoint(pk), message, signaturePoint(signature), suite.id));
}

/**
 * Aggregate (draft-05 §2.8): the sum of the signatures, each valid by E1–E7 (the identity is allowed
 * in a sum). An empty list is `EMPTY_AGGREGATE`; an invalid member raises its decoding code.
 */
export function aggregate(signatures: readonly Uint8Array[]): Uint8Array {
  if (signatures.length === 0) fail("EMPTY_AGGREGATE", "no signatures to aggregate");
  if (signatures.length > MAX_AGGREGATE_SIZE) fail("AGGREGATE_TOO_LARGE", `${signatures.length} signatures, at most ${MAX_AGGREGATE_SIZE}`);
  let sum = G2.ZERO;
  for (const s of signatures) sum = sum.add(decodeG2(s));
  return encodeG2(sum);
}

/** The sum of public keys, each valid by KeyValidate; an empty list is `EMPTY_AGGREGATE`. */
export function aggregatePublicKeyPoints(pks: readonly Uint8Array[]): G1Point {
  if (pks.length === 0) fail("EMPTY_AGGREGATE", "no public keys to aggregate");
  let sum = G1.ZERO;
  for (const pk of pks) sum = sum.add(publicKeyPoint(pk));
  return sum;
}

/**
 * FastAggregateVerify (draft-05 §3.3.4): all signers signed the same message. False on an empty key
 * list, any key failing KeyValidate, or keys that sum to the identity. More than MAX_AGGREGATE_SIZE
 * keys is `AGGREGATE_TOO_LARGE`, raised before any key is decoded.
 */
export function fastAggregateVerify(pks: readonly Uint8Array[], message: Uint8Array, signature: Uint8Array, suite: Ciphersuite = POP): boolean {
  if (pks.length > MAX_AGGREGATE_SIZE) fail("AGGREGATE_TOO_LARGE", `${pks.length} keys, at most ${MAX_AGGREGATE_SIZE}`);
  return falseOnInvalid(() => {
    if (pks.length === 0) return false;
    const sum = aggregatePublicKeyPoints(pks);
    if (sum.is0()) return false; // point_to_pubkey(aggregate) must pass KeyValidate
    return coreVerifyPoints(sum, message, signaturePoint(signature), suite.id);
  });
}

/**
 * AggregateVerify (draft-05 §2.9 CoreAggregateVerify; §3.1.1 for the basic scheme's distinct
 * messages): ∏ e(PK_i, H(m_i)) · e(−P1, S) = 1. False on empty or unequal lists. More than
 * MAX_BATCH_SIZE keys or messages is `BATCH_TOO_LARGE`, raised before anything is decoded.
 */
export function aggregateVerify(pks: readonly Uint8Array[], messages: readonly Uint8Array[], signature: Uint8Array, suite: Ciphersuite = POP): boolean {
  if (pks.length > MAX_BATCH_SIZE || messages.length > MAX_BATCH_SIZE) fail("BATCH_TOO_LARGE", `${Math.max(pks.length, messages.length)} items, at most ${MAX_BATCH_SIZE}`);
  return falseOnInvalid(() => {
    if (pks.length === 0 || pks.length !== messages.length) return false;
    if (suite.distinctMessages && !allDistinct(messages)) return false;
    const S = signaturePoint(signature);
    const pairs = pks.map((pk, i) => ({ g1: publicKeyPoint(pk), g2: hashToG2(messages[i]!, suite.id) }));
    return pairingProductIsOne([...pairs, { g1: NEG_P1, g2: S }]);
  });
}

/** Whether no message repeats: one hash set of their hex forms, O(total bytes). */
function allDistinct(messages: readonly Uint8Array[]): boolean {
  return new Set(messages.map(toHex)).size === messages.length;
}

function popDst(suite: Ciphersuite): string {
  if (suite.popDst === null) throw new TypeError(`ciphersuite ${suite.id} has no proof of possession`);
  return suite.popDst;
}

/** PopProve (draft-05 §3.3.2): SK · hash_to_point(PK) under the POP DST. */
export function popProve(sk: Uint8Array, suite: Ciphersuite = POP): Uint8Array {
  return coreSign(sk, skToPk(sk), popDst(suite));
}

/** PopVerify (draft-05 §3.3.3): e(PK, H_pop(PK)) = e(P1, proof), the key passing KeyValidate. */
export function popVerify(pk: Uint8Array, proof: Uint8Array, suite: Ciphersuite = POP): boolean {
  const dst = popDst(suite);
  return falseOnInvalid(() => coreVerifyPoints(publicKeyPoint(pk), pk, signaturePoint(proof), dst));
}
