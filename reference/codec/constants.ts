/** Constants of spec/codec.md §Constants. Each is referenced by name in the spec's table. */

/** The only wire version of transactions, blocks and compressed frames defined by this spec. */
export const CODEC_VERSION = 1;
/** Bytes of an account address (an Ed25519 public key). */
export const ADDRESS_SIZE = 32;
/** Bytes of a 32-byte hash (SHA-256). */
export const HASH_SIZE = 32;
/** Bytes of a single-mode transaction signature (Ed25519, RFC 8032). */
export const SIGNATURE_SIZE = 64;
/** Bytes of a block's aggregate signature (BLS12-381 G2, compressed). */
export const AGGREGATE_SIGNATURE_SIZE = 96;
/** Largest call data, in bytes: 2^16. */
export const MAX_CALLDATA_SIZE = 65_536;
/**
 * Largest encoded transaction, exactly: a single-mode call with MAX_CALLDATA_SIZE bytes of call data and
 * every varint at its widest: 3 (version, kind, mode) + 32 + 10 + 10 + 32 + 10 + 3 (length) + 65 536 + 64.
 */
export const MAX_TX_SIZE = 65_700;
/** Most transactions in one block: 2^20. */
export const MAX_BLOCK_TXS = 1_048_576;
/** Largest encoded block, in bytes: 2^26 (64 MiB). */
export const MAX_BLOCK_SIZE = 67_108_864;
/** Largest u64 + 1. */
export const U64_LIMIT = 1n << 64n;
/** Largest u32 + 1. */
export const U32_LIMIT = 1n << 32n;
/** Smallest and largest log2 of a compressed stream's window (spec/codec.md §Stream state). */
export const MIN_WINDOW_LOG = 4;
export const MAX_WINDOW_LOG = 16;
/** The window log encoders use unless configured otherwise: 2^16 account references. */
export const DEFAULT_WINDOW_LOG = 16;
