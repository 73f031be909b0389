/** Constants of spec/bls.md §Constants. Each is referenced by name in the spec's table. */

/** The base field modulus p of BLS12-381 (draft-irtf-cfrg-pairing-friendly-curves-11 §4.2.1). */
export const P = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaabn;
/** The order r of G1, G2 and GT: secret keys and batch scalars are taken mod r. */
export const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
/** Bytes of a secret key: I2OSP(SK, 32), big-endian. */
export const SECRET_KEY_SIZE = 32;
/** Bytes of a compressed G1 point: a public key. */
export const PUBLIC_KEY_SIZE = 48;
/** Bytes of a compressed G2 point: a signature or a proof of possession. */
export const SIGNATURE_SIZE = 96;
/** Least bytes of key material KeyGen accepts (draft-irtf-cfrg-bls-signature-05 §2.3). */
export const MIN_IKM_SIZE = 32;
/** L = ceil((3 · ceil(log2(r))) / 16) = 48: the bytes of HKDF output KeyGen reduces mod r. */
export const KEYGEN_L = 48;
/** KeyGen's initial salt, hashed once before first use (draft-05 §2.3). */
export const KEYGEN_SALT = "BLS-SIG-KEYGEN-SALT-";

/** The first byte's flag bits of the compressed encoding (ZCash serialization, draft-05 Appendix A). */
export const FLAG_COMPRESSED = 0x80;
export const FLAG_INFINITY = 0x40;
export const FLAG_SIGN = 0x20;

/** Domain tag of commit messages: the ASCII bytes, no terminator. */
export const COMMIT_DOMAIN = "PWO-BLS-COMMIT-V1";
/** Bytes of a commit message: domain (17) ‖ chainId u64 ‖ shard u32 ‖ height u64 ‖ round u32 ‖ blockDigest (32). */
export const COMMIT_MESSAGE_SIZE = 17 + 8 + 4 + 8 + 4 + 32;
/** Bytes of a block digest (SHA-256). */
export const BLOCK_DIGEST_SIZE = 32;
/**
 * Most members of one committee: 128. Admission verifies every member's proof of possession (about
 * 15 ms each here), so a committee at the cap is admitted in about two seconds (spec/bls.md §Cost).
 */
export const MAX_COMMITTEE_SIZE = 128;
/** Most items of one batch verification, and pairs of one AggregateVerify: 128 (a pairing and a hash to G2 each). */
export const MAX_BATCH_SIZE = 128;
/** Most signatures of one Aggregate and keys of one FastAggregateVerify: 1024 (a point decoding each). */
export const MAX_AGGREGATE_SIZE = 1024;
/** Domain tag of the batch randomness derivation (spec/bls.md §Batch verification). */
export const BATCH_DOMAIN = "PWO-BLS-BATCH-V1";
/** Bits of each batch scalar r_i: a forged batch passes with probability ≤ 2^-64. */
export const BATCH_SCALAR_BITS = 64;

/** Largest u64 + 1 and u32 + 1. */
export const U64_LIMIT = 1n << 64n;
export const U32_LIMIT = 1n << 32n;
