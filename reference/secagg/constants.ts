/** Constants of spec/secagg.md §Constants. Each is referenced by name in the spec's table. */

/** The Shamir field prime 2^31 + 11, fcp/secagg/shared/shamir_secret_sharing.h `kPrime`. */
export const SHAMIR_PRIME = 2_147_483_659;
/** Bits of secret carried by one field element (fcp `kBitsPerSubsecret`). */
export const SUBSECRET_BITS = 31;
/** Bytes of one share element on the wire: a big-endian u32 below {@link SHAMIR_PRIME}. */
export const SUBSHARE_SIZE = 4;
/** Bytes of a 32-byte secret's share: ceil(256 / 31) = 9 elements of 4 bytes. */
export const SECRET_SIZE = 32;
export const SHARE_SIZE = 36;
/** Bytes of a compressed SEC1 P-256 public key. */
export const PUBLIC_KEY_SIZE = 33;
/** Bytes of a compact (r ‖ s) ECDSA P-256 signature. */
export const SIGNATURE_SIZE = 64;
/** AES-256-GCM nonce and tag sizes (fcp aes_gcm_encryption.cc `kIvSize`, `kTagSize`). */
export const NONCE_SIZE = 12;
export const TAG_SIZE = 16;
/** Plaintext of one share message: u32 from ‖ u32 to ‖ share of s_sk ‖ share of b. */
export const SHARE_PLAINTEXT_SIZE = 8 + 2 * SHARE_SIZE;
/** Ciphertext of one share message: nonce ‖ AES-GCM(plaintext) ‖ tag. */
export const SHARE_CIPHERTEXT_SIZE = NONCE_SIZE + SHARE_PLAINTEXT_SIZE + TAG_SIZE;
/** Bytes of a session id (SHA-256). */
export const SESSION_ID_SIZE = 32;
/** fcp map_of_masks.cc `kPrngSeedConstant`: the byte separating a mask key's seed from its session id. */
export const PRNG_SEED_CONSTANT = 0x02;
/** Smallest and largest bit width ℓ of the modulus R = 2^ℓ. */
export const MIN_BITS = 1;
export const MAX_BITS = 32;
/** Most users of one session (user ids are 1..n) and most vector elements. */
export const MAX_USERS = 65_536;
export const MAX_LENGTH = 1 << 24;
/** Smallest threshold (fcp requires t ≥ 2). */
export const MIN_THRESHOLD = 2;
/** Message tags (spec §Message encodings). */
export const TAG = {
  ADVERTISE_KEYS: 0x01,
  SHARE_KEYS_REQUEST: 0x02,
  SHARE_KEYS_RESPONSE: 0x03,
  MASKED_INPUT_REQUEST: 0x04,
  MASKED_INPUT_RESPONSE: 0x05,
  CONSISTENCY_REQUEST: 0x06,
  CONSISTENCY_RESPONSE: 0x07,
  UNMASKING_REQUEST: 0x08,
  UNMASKING_RESPONSE: 0x09,
} as const;
/** Domain-separation labels (ASCII, no terminator). */
export const DOMAIN = {
  SESSION: "pwo/secagg/v1/session",
  ADVERTISE: "pwo/secagg/v1/advertise",
  CONSISTENCY: "pwo/secagg/v1/consistency",
  CLIENT_DRBG: "pwo/secagg/v1/client-drbg",
  CHECKPOINT: "pwo/secagg/v1/checkpoint",
} as const;
