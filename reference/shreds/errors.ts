/**
 * The closed vocabulary of shreds reason codes (spec/shreds.md §Reason codes).
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const SHREDS_REASONS = {
  INVALID_VARIANT: "a variant byte missing or not one of the chained Merkle data or coding variants",
  PAYLOAD_SIZE: "a payload not of its type's size: 1203 bytes for a data shred, 1228 for a coding shred",
  INVALID_PROOF_SIZE: "a proof size other than 6, the size of a 32:32 FEC set's tree",
  FEC_SHAPE: "a coding shred whose FEC set is not 32 data and 32 coding shreds",
  INDEX_OUT_OF_RANGE: "a shred index or FEC set that reaches past the per-slot shred limit",
  INVALID_ERASURE_INDEX: "a data shred outside its FEC set's 32 data positions, or a coding position not below the coding count",
  INVALID_FLAGS: "a LAST_IN_SLOT flag without DATA_COMPLETE",
  INVALID_DATA_SIZE: "a data size below the headers or past the data buffer",
  INVALID_PARENT: "a parent offset of zero outside slot 0, or larger than the slot",
  INVALID_SIGNATURE: "a leader signature that does not verify over the Merkle root",
  MALFORMED_PROOF: "a Merkle proof entry that is not 20 bytes",
  MERKLE_INDEX_OUT_OF_RANGE: "a Merkle leaf index not below the leaf count",
  PROOF_LENGTH: "a Merkle proof with more or fewer entries than the tree has levels",
  MERKLE_ROOT_MISMATCH: "a Merkle proof or a rebuilt tree that does not lead to the expected root",
  BAD_SET_SHAPE: "a recovery input that is not 64 positions, or a block or shredding parameter out of range",
  INVALID_SHRED: "a shred inside a set or proof that fails the single-shred checks",
  INCONSISTENT_SET: "shreds of one set that disagree on slot, version, FEC set, signature or variant, or sit at the wrong position",
  TOO_FEW_SHREDS: "fewer than 32 shreds of a FEC set present, or no coding shred among them",
  INCONSISTENT_SHARDS: "surplus shards that disagree with the code word the first 32 determine",
  INVALID_RECOVERED_SHRED: "a recovered data shred whose headers disagree with its set",
  CHAINED_ROOT_MISMATCH: "a FEC set whose chained Merkle root is not the previous set's root",
  INCOMPLETE_BLOCK: "data shreds that are not one contiguous run ending in LAST_IN_SLOT",
  MALFORMED_DUPLICATE_PROOF: "a duplicate-shred proof that is not two length-prefixed payloads and nothing else",
  DUPLICATE_PROOF_IDENTICAL: "a duplicate-shred proof whose two payloads are the same bytes",
  SLOT_MISMATCH: "a shred of a duplicate proof not in the proof's slot",
  SHRED_VERSION_MISMATCH: "a shred of a duplicate proof not of the expected shred version",
  SHRED_TYPE_MISMATCH: "two shreds of different types without a Merkle root conflict",
  NOT_A_DUPLICATE: "two shreds that do not conflict: same index and same bytes, no last-index conflict, no erasure conflict",
  INVALID_TREE_INPUT: "a Turbine tree input with no nodes, a duplicate pubkey, a stake outside u64 or a fanout below 1",
} as const;

export type ShredsReason = keyof typeof SHREDS_REASONS;

/** Throws the shreds component's {@link SpecError}. */
export const fail = errorFactory("shreds", SHREDS_REASONS);
