/**
 * Constants of the shreds component (spec/shreds.md §Constants). Sizes are Agave's
 * (`ledger/src/shred.rs`, `shred/merkle.rs`) and Firedancer's (`src/ballet/shred/fd_shred.h`).
 * @module
 */

/** Ed25519 signature bytes. */
export const SIZE_OF_SIGNATURE = 64;
/** signature 64 ‖ variant 1 ‖ slot 8 ‖ index 4 ‖ version 2 ‖ fec_set_index 4. */
export const SIZE_OF_COMMON_HEADER = 83;
/** Common header ‖ parent_offset 2 ‖ flags 1 ‖ size 2. */
export const SIZE_OF_DATA_HEADERS = 88;
/** Common header ‖ num_data 2 ‖ num_coding 2 ‖ position 2. */
export const SIZE_OF_CODING_HEADERS = 89;
/** Payload of a coding shred: PACKET_DATA_SIZE 1232 − 4-byte repair nonce. */
export const CODING_PAYLOAD_SIZE = 1228;
/** Payload of a data shred: CODING_PAYLOAD_SIZE − SIZE_OF_CODING_HEADERS + SIZE_OF_SIGNATURE. */
export const DATA_PAYLOAD_SIZE = CODING_PAYLOAD_SIZE - SIZE_OF_CODING_HEADERS + SIZE_OF_SIGNATURE;
/** A Merkle root (SHA-256). */
export const SIZE_OF_MERKLE_ROOT = 32;
/** A Merkle proof entry: a node hash truncated to 20 bytes. */
export const SIZE_OF_MERKLE_PROOF_ENTRY = 20;
/** Data shreds per FEC set. */
export const DATA_SHREDS_PER_FEC_SET = 32;
/** Coding shreds per FEC set. */
export const CODING_SHREDS_PER_FEC_SET = 32;
/** Shreds per FEC set (the Merkle tree's leaf count). */
export const SHREDS_PER_FEC_SET = DATA_SHREDS_PER_FEC_SET + CODING_SHREDS_PER_FEC_SET;
/** Proof entries for a 64-leaf tree: ⌈log2 64⌉. */
export const PROOF_SIZE = 6;
/** Upper bound (exclusive) on data shred indices in a slot (Firedancer FD_SHRED_BLK_MAX = 2^15). */
export const MAX_DATA_SHREDS_PER_SLOT = 32_768;
/** Upper bound (exclusive) on coding shred indices in a slot. */
export const MAX_CODE_SHREDS_PER_SLOT = 32_768;
/** Variant high nibbles. */
export const VARIANT_CODE = 0x60;
export const VARIANT_CODE_RESIGNED = 0x70;
export const VARIANT_DATA = 0x90;
export const VARIANT_DATA_RESIGNED = 0xb0;
/** Shred type bytes as the per-shred seed hashes them (Agave `ShredType`). */
export const SHRED_TYPE_DATA = 0b1010_0101;
export const SHRED_TYPE_CODE = 0b0101_1010;
/** Data header flags. */
export const FLAG_REFERENCE_TICK_MASK = 0b0011_1111;
export const FLAG_DATA_COMPLETE = 0b0100_0000;
export const FLAG_LAST_IN_SLOT = 0b1100_0000;
/** Leaf and node domain prefixes of the shred Merkle tree. */
export const MERKLE_LEAF_PREFIX = new TextEncoder().encode("\x00SOLANA_MERKLE_SHREDS_LEAF");
export const MERKLE_NODE_PREFIX = new TextEncoder().encode("\x01SOLANA_MERKLE_SHREDS_NODE");
/** Turbine's default data-plane fanout. */
export const DATA_PLANE_FANOUT = 200;
/** Largest shred payload a duplicate-shred proof may carry. */
export const MAX_DUPLICATE_PROOF_SHRED = CODING_PAYLOAD_SIZE;
