/**
 * Secret and public keys (spec/bls.md §Keys; draft-irtf-cfrg-bls-signature-05 §2.3–2.5).
 * @module
 */
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { isSpecError } from "../common/errors.js";
import { KEYGEN_L, KEYGEN_SALT, MIN_IKM_SIZE, R, SECRET_KEY_SIZE } from "./constants.js";
import { fail } from "./errors.js";
import { G1, decodeG1, encodeG1, os2ip, type G1Point } from "./points.js";

/** I2OSP(x, n): x as n big-endian bytes (x < 256^n). */
export function i2osp(x: bigint | number, n: number): Uint8Array {
  let v = BigInt(x);
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new RangeError(`i2osp: ${x} does not fit in ${n} bytes`);
  return out;
}

/** Byte concatenation (noble-hashes' `concatBytes`), re-exported for the other bls modules. */
const concat = concatBytes;
export { concat };

/**
 * KeyGen(IKM, key_info) of draft-05 §2.3:
 * ```
 * salt = "BLS-SIG-KEYGEN-SALT-"; SK = 0
 * while SK == 0:
 *     salt = H(salt)
 *     PRK = HKDF-Extract(salt, IKM ‖ I2OSP(0, 1))
 *     OKM = HKDF-Expand(PRK, key_info ‖ I2OSP(L, 2), L)
 *     SK = OS2IP(OKM) mod r
 * ```
 * Returns I2OSP(SK, 32). IKM shorter than 32 bytes is refused (`IKM_TOO_SHORT`), as the draft requires.
 */
export function keyGen(ikm: Uint8Array, keyInfo: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (ikm.length < MIN_IKM_SIZE) fail("IKM_TOO_SHORT", `IKM of ${ikm.length} bytes, at least ${MIN_IKM_SIZE} required`);
  let salt = utf8ToBytes(KEYGEN_SALT);
  let sk = 0n;
  while (sk === 0n) {
    salt = sha256(salt);
    const okm = hkdf(sha256, concat(ikm, i2osp(0, 1)), salt, concat(keyInfo, i2osp(KEYGEN_L, 2)), KEYGEN_L);
    sk = os2ip(okm) % R;
  }
  return i2osp(sk, SECRET_KEY_SIZE);
}

/** The secret key as a scalar: 32 bytes, 0 < SK < r (rules K1–K2 of spec/bls.md). */
export function secretKeyScalar(sk: Uint8Array): bigint {
  if (sk.length !== SECRET_KEY_SIZE) fail("INVALID_LENGTH", `secret key: expected ${SECRET_KEY_SIZE} bytes, got ${sk.length}`);
  const x = os2ip(sk);
  if (x === 0n || x >= R) fail("INVALID_SECRET_KEY", "secret key: zero or not below r");
  return x;
}

/** SkToPk (draft-05 §2.4): point_to_pubkey(SK · P1), 48 bytes. */
export function skToPk(sk: Uint8Array): Uint8Array {
  return encodeG1(G1.BASE.multiply(secretKeyScalar(sk)));
}

/**
 * The public key as a point, validated: a G1 encoding valid by rules E1–E7 and not the identity
 * (`IDENTITY_POINT`). This is KeyValidate with its reason.
 */
export function publicKeyPoint(pk: Uint8Array): G1Point {
  const point = decodeG1(pk);
  if (point.is0()) fail("IDENTITY_POINT", "public key is the identity");
  return point;
}

/** KeyValidate (draft-05 §2.5): true iff `pk` decodes, is in the subgroup and is not the identity. */
export function keyValidate(pk: Uint8Array): boolean {
  try {
    publicKeyPoint(pk);
    return true;
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
}
