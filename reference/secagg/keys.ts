/**
 * Key agreement, authenticated encryption and signatures (spec/secagg.md §Key agreement and
 * encryption). As fcp: P-256 ECDH whose agreed key is the 32-byte x-coordinate of the shared point
 * (fcp ecdh_key_agreement.cc, `ECDH_compute_key` without a KDF); AES-256-GCM with a 12-byte nonce
 * sent in front of the ciphertext (fcp aes_gcm_encryption.cc). Signatures (the active-security
 * variant) are ECDSA P-256 over SHA-256 with RFC 6979 nonces, compact r ‖ s, low-s.
 * @module
 */
import { gcm } from "@noble/ciphers/aes.js";
import { p256 } from "@noble/curves/nist.js";
import { NONCE_SIZE, PUBLIC_KEY_SIZE, SIGNATURE_SIZE } from "./constants.js";
import type { Drbg } from "./drbg.js";
import { fail } from "./errors.js";
import { memoBytes } from "./memo.js";

const N = p256.Point.CURVE().n;

/** A P-256 secret key from the stream: 32-byte big-endian draws, rejecting 0 and values ≥ n. */
export function drawSecretKey(drbg: Drbg): Uint8Array {
  for (;;) {
    const sk = drbg.read(32);
    let v = 0n;
    for (const b of sk) v = (v << 8n) | BigInt(b);
    if (v > 0n && v < N) return sk;
  }
}

/** Checks a secret key is 32 big-endian bytes of a scalar in [1, n − 1] (PARAMETER_OUT_OF_RANGE otherwise). */
export function checkSecretKey(sk: Uint8Array): void {
  let v = 0n;
  for (const b of sk) v = (v << 8n) | BigInt(b);
  if (sk.length !== 32 || v === 0n || v >= N) fail("PARAMETER_OUT_OF_RANGE", "a secret key must be a 32-byte scalar in [1, n − 1]");
}

/** The compressed SEC1 public key (33 bytes) of a secret key. */
export const publicKeyOf: (sk: Uint8Array) => Uint8Array = memoBytes((sk: Uint8Array) => p256.getPublicKey(sk, true));

/** Checks a compressed public key decodes to a curve point (INVALID_PUBLIC_KEY otherwise). */
export function checkPublicKey(pk: Uint8Array): void {
  if (pk.length !== PUBLIC_KEY_SIZE || (pk[0] !== 2 && pk[0] !== 3)) fail("INVALID_PUBLIC_KEY", `expected a ${PUBLIC_KEY_SIZE}-byte compressed point`);
  if (!onCurve(pk)) fail("INVALID_PUBLIC_KEY", "not a point of P-256");
}

const onCurve = memoBytes((pk: Uint8Array): boolean => {
  try {
    p256.Point.fromBytes(pk).assertValidity();
    return true;
  } catch {
    return false;
  }
});

const sharedX = memoBytes((sk: Uint8Array, pk: Uint8Array) => p256.getSharedSecret(sk, pk, true).slice(1));

/** The agreed key of sk and the other party's pk: the x-coordinate of sk·PK (symmetric in the pair). */
export function agreeKey(sk: Uint8Array, pk: Uint8Array): Uint8Array {
  checkSecretKey(sk);
  checkPublicKey(pk);
  return sharedX(sk, pk);
}

/** nonce ‖ AES-256-GCM(key, nonce, plaintext) with its 16-byte tag, no associated data. */
export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
  if (nonce.length !== NONCE_SIZE) throw new RangeError(`seal: nonce of ${nonce.length} bytes`);
  const ct = gcm(key, nonce).encrypt(plaintext);
  const out = new Uint8Array(NONCE_SIZE + ct.length);
  out.set(nonce);
  out.set(ct, NONCE_SIZE);
  return out;
}

/** The plaintext of nonce ‖ ciphertext ‖ tag, or AEAD_FAILURE. */
export function open(key: Uint8Array, sealed: Uint8Array): Uint8Array {
  if (sealed.length < NONCE_SIZE + 16) fail("AEAD_FAILURE", "ciphertext shorter than nonce and tag");
  try {
    return gcm(key, sealed.subarray(0, NONCE_SIZE)).decrypt(sealed.subarray(NONCE_SIZE));
  } catch {
    return fail("AEAD_FAILURE", "the ciphertext does not authenticate");
  }
}

/** A compact 64-byte ECDSA P-256/SHA-256 signature (deterministic, RFC 6979, low-s). */
export const sign: (sk: Uint8Array, message: Uint8Array) => Uint8Array = memoBytes((sk: Uint8Array, message: Uint8Array) => p256.sign(message, sk, { prehash: true, lowS: true }));

/** Whether `sig` is a valid low-s signature of `message` under `pk`; never throws. */
export function verifySignature(pk: Uint8Array, message: Uint8Array, sig: Uint8Array): boolean {
  if (sig.length !== SIGNATURE_SIZE) return false;
  return ecdsaVerify(pk, message, sig);
}

const ecdsaVerify = memoBytes((pk: Uint8Array, message: Uint8Array, sig: Uint8Array): boolean => {
  try {
    return p256.verify(sig, message, pk, { prehash: true, lowS: true });
  } catch {
    return false;
  }
});
