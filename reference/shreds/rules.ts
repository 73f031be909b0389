/**
 * The ordered rule tables of the shreds operations (spec/shreds.md §Validity rules; rendered into
 * the page by `npm run spec:rules`). The reference checks in exactly this order.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

export const VERIFY_SHRED_RULES: RuleTable = {
  suite: "shreds",
  operation: "verify_shred",
  rules: [
    { id: "V1", code: "INVALID_VARIANT", check: "the payload has a byte at offset 64 whose high nibble is `0x6`, `0x7` (coding, resigned) or `0x9`, `0xB` (data, resigned)" },
    { id: "V2", code: "PAYLOAD_SIZE", check: "the payload is 1203 bytes for a data variant, 1228 for a coding variant" },
    { id: "V3", code: "INVALID_PROOF_SIZE", check: "the variant's low nibble (proof size) is 6" },
    { id: "V4", code: "FEC_SHAPE", check: "a coding shred has num_data = 32 and num_coding = 32" },
    { id: "V5", code: "INDEX_OUT_OF_RANGE", check: "index < 32768, fec_set_index + 31 < 32768 and, for a coding shred, index − position + 31 < 32768" },
    { id: "V6", code: "INVALID_ERASURE_INDEX", check: "a data shred has 0 ≤ index − fec_set_index < 32; a coding shred has position < num_coding and position ≤ index" },
    { id: "V7", code: "INVALID_FLAGS", check: "a data shred with bit 0x80 set has bit 0x40 (DATA_COMPLETE) set" },
    { id: "V8", code: "INVALID_DATA_SIZE", check: "a data shred has 88 ≤ size ≤ 88 + capacity" },
    { id: "V9", code: "INVALID_PARENT", check: "a data shred has parent_offset ≤ slot, and parent_offset ≠ 0 unless slot = 0" },
    { id: "V10", code: "INVALID_SIGNATURE", check: "the signature verifies under the leader's key over the Merkle root the shred's leaf and proof lead to" },
  ],
  exclusive: [
    { rules: ["V4", "V7"], why: "V4 checks coding shreds only, V7 data shreds only" },
    { rules: ["V4", "V8"], why: "V4 checks coding shreds only, V8 data shreds only" },
    { rules: ["V4", "V9"], why: "V4 checks coding shreds only, V9 data shreds only" },
  ],
};

export const VERIFY_MERKLE_PROOF_RULES: RuleTable = {
  suite: "shreds",
  operation: "verify_merkle_proof",
  rules: [
    { id: "M1", code: "MALFORMED_PROOF", check: "the leaf hash and the root are 32 bytes and every proof entry is 20 bytes" },
    { id: "M2", code: "MERKLE_INDEX_OUT_OF_RANGE", check: "1 ≤ leafCount ≤ 2^32 and index < leafCount" },
    { id: "M3", code: "PROOF_LENGTH", check: "the proof has exactly ⌈log2 leafCount⌉ entries" },
    { id: "M4", code: "MERKLE_ROOT_MISMATCH", check: "folding the entries from the leaf hash at index gives the root" },
  ],
};

export const RECOVER_FEC_SET_RULES: RuleTable = {
  suite: "shreds",
  operation: "recover_fec_set",
  rules: [
    { id: "R1", code: "BAD_SET_SHAPE", check: "the input has 64 positions (32 data, then 32 coding)" },
    { id: "R2", code: "INVALID_SHRED", check: "every present shred passes V1–V9" },
    { id: "R3", code: "INCONSISTENT_SET", check: "every present shred sits at its erasure position and all agree on slot, version, fec_set_index, resigned bit, signature, chained root and first coding index" },
    { id: "R4", code: "TOO_FEW_SHREDS", check: "at least 32 shreds are present, at least one of them a coding shred" },
    { id: "R5", code: "MERKLE_ROOT_MISMATCH", check: "every present shred's proof leads to the same root" },
    { id: "R6", code: "INCONSISTENT_SHARDS", check: "every present shard equals the code word decoded from the first 32 present" },
    { id: "R7", code: "INVALID_RECOVERED_SHRED", check: "every recovered data shred passes V1–V9 and carries its set's common header" },
    { id: "R8", code: "MERKLE_ROOT_MISMATCH", check: "the tree over the 64 recovered payloads has that root" },
  ],
  exclusive: [
    { rules: ["R4", "R6"], why: "R6 compares the shards beyond the first 32 present with their code word: with fewer than 32 present there is no code word, and 32 data shreds without a coding shred leave no surplus" },
    { rules: ["R4", "R7"], why: "R7 checks recovered data shreds: fewer than 32 present cannot be decoded, and 32 present data shreds leave none to recover" },
  ],
};

export const CHECK_DUPLICATE_PROOF_RULES: RuleTable = {
  suite: "shreds",
  operation: "check_duplicate_proof",
  rules: [
    { id: "D1", code: "MALFORMED_DUPLICATE_PROOF", check: "the proof is u64 len₁ ‖ shred₁ ‖ u64 len₂ ‖ shred₂ with each len ≤ 1228 and nothing after" },
    { id: "D2", code: "DUPLICATE_PROOF_IDENTICAL", check: "shred₁ ≠ shred₂ as bytes" },
    { id: "D3", code: "INVALID_SHRED", check: "both shreds pass V1–V9" },
    { id: "D4", code: "SLOT_MISMATCH", check: "both shreds are of the proof's slot" },
    { id: "D5", code: "SHRED_VERSION_MISMATCH", check: "both shreds carry the cluster's shred version" },
    { id: "D6", code: "INVALID_SIGNATURE", check: "both signatures verify under the slot leader's key (V10)" },
    { id: "D7", code: "SHRED_TYPE_MISMATCH", check: "the shreds share fec_set_index with different Merkle roots (a conflict: accepted), or else they are of one type" },
    { id: "D8", code: "NOT_A_DUPLICATE", check: "same index: the payloads differ outside the retransmitter signature; data at different indices: one is LAST_IN_SLOT and the other's index is higher; coding: same fec_set_index with a different first coding index or signature" },
  ],
  exclusive: [
    { rules: ["D2", "D7"], why: "identical payloads are of one type and one Merkle root" },
    { rules: ["D7", "D8"], why: "D8 is reached only by two shreds of one type, which a broken D7 excludes" },
  ],
};

export const SHRED_BLOCK_RULES: RuleTable = {
  suite: "shreds",
  operation: "shred_block",
  rules: [
    { id: "S1", code: "BAD_SET_SHAPE", check: "slot < 2^64 and 1 ≤ slot − parent_slot ≤ 65535, or slot = parent_slot = 0" },
    { id: "S2", code: "BAD_SET_SHAPE", check: "version ≤ 65535, next_shred_index and next_code_index < 2^32, reference_tick ≤ 255" },
    { id: "S3", code: "BAD_SET_SHAPE", check: "the chained Merkle root and the leader's secret key are 32 bytes" },
    { id: "S4", code: "BAD_SET_SHAPE", check: "the block is at most 32768 / 32 · 32 · 963 = 31 555 584 bytes (a slot's data shreds)" },
    { id: "S5", code: "BAD_SET_SHAPE", check: "with sets = max(1, ⌈length / (32 · capacity)⌉): next_shred_index + 32 · sets ≤ 32768 and next_code_index + 32 · sets ≤ 32768" },
  ],
  exclusive: ["S1", "S2", "S3", "S5"].map((id) => ({
    rules: ["S4", id] as const,
    why: "no vector can break S4: a block over 31 555 584 bytes does not fit a vector file (its place after S3 is normative all the same)",
  })),
};

export const DESHRED_RULES: RuleTable = {
  suite: "shreds",
  operation: "deshred",
  rules: [
    { id: "B1", code: "INCOMPLETE_BLOCK", check: "1 ≤ n ≤ 32768 shreds" },
    { id: "B2", code: "INVALID_SHRED", check: "every shred passes V1–V10 under the leader's key and is a data shred" },
    { id: "B3", code: "INCOMPLETE_BLOCK", check: "every shred is of the first shred's slot, shred k has index k, and the last shred is LAST_IN_SLOT and no other is" },
    { id: "B4", code: "INCONSISTENT_SET", check: "in each FEC set (a run of consecutive shreds with one fec_set_index) every shred's proof leads to the root of the set's first shred" },
    { id: "B5", code: "CHAINED_ROOT_MISMATCH", check: "the chained root of the first set's first shred is the given root, and that of each later set's first shred is the root of the set before" },
  ],
  exclusive: ["B2", "B3", "B4", "B5"].map((id) => ({
    rules: ["B1", id] as const,
    why: "B1 is broken by no shreds, which break nothing else, or by more than 32768, which no vector file carries",
  })),
};

export const TURBINE_TREE_RULES: RuleTable = {
  suite: "shreds",
  operation: "turbine_tree",
  rules: [
    { id: "T1", code: "INVALID_TREE_INPUT", check: "at least one node" },
    { id: "T2", code: "INVALID_TREE_INPUT", check: "every node's pubkey is 32 bytes and its stake ≤ 2^64 − 1" },
    { id: "T3", code: "INVALID_TREE_INPUT", check: "no pubkey appears twice" },
    { id: "T4", code: "INVALID_TREE_INPUT", check: "fanout ≥ 1" },
  ],
  exclusive: [
    { rules: ["T1", "T2"], why: "with no nodes there is no pubkey or stake to break" },
    { rules: ["T1", "T3"], why: "with no nodes no pubkey appears twice" },
  ],
};

export const SHREDS_RULES: readonly RuleTable[] = [
  SHRED_BLOCK_RULES,
  VERIFY_SHRED_RULES,
  VERIFY_MERKLE_PROOF_RULES,
  RECOVER_FEC_SET_RULES,
  DESHRED_RULES,
  TURBINE_TREE_RULES,
  CHECK_DUPLICATE_PROOF_RULES,
];
