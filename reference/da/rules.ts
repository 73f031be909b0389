/**
 * The da operations' ordered checks as data (reference/common/rules.ts), rendered into spec/da.md
 * by `npm run spec:rules`; conformance/da/vectors.ts breaks each pair of rules at once
 * (pairwiseCases). The reference checks in each table's order (the functions named per table).
 * @module
 */
import type { RuleTable } from "../common/rules.js";

export const RS_ENCODE_RULES: RuleTable = {
  suite: "da",
  operation: "rs_encode",
  rules: [
    { id: "R1", code: "SHARD_COUNT_OUT_OF_RANGE", check: "`1 ≤ k` (data shards given), `1 ≤ parityCount`, `k + parityCount ≤ MAX_SHARDS`" },
    { id: "R2", code: "SIZE_MISMATCH", check: "for each shard in order: the size of the first shard, and that size is not 0" },
  ],
};

export const RS_RECONSTRUCT_RULES: RuleTable = {
  suite: "da",
  operation: "rs_reconstruct",
  rules: [
    { id: "R1", code: "SHARD_COUNT_OUT_OF_RANGE", check: "`1 ≤ dataCount`, `1 ≤ shards − dataCount`, `shards ≤ MAX_SHARDS`" },
    { id: "R2", code: "SIZE_MISMATCH", check: "for each present shard in order: the size of the first present shard, and that size is not 0" },
    { id: "R3", code: "TOO_FEW_SHARDS", check: "at least `dataCount` shards present" },
  ],
};

export const NMT_VERIFY_RANGE_RULES: RuleTable = {
  suite: "da",
  operation: "nmt_verify_range",
  rules: [
    { id: "P1", code: "PARAMETER_OUT_OF_RANGE", check: "`MIN_NAMESPACE_SIZE ≤ NS ≤ MAX_NAMESPACE_SIZE`" },
    { id: "V0", code: "MALFORMED_PROOF", check: "the root is `2·NS + 32` bytes" },
    { id: "N1", code: "INVALID_LEAF", check: "for each given leaf in order: at least `NS` bytes (the leaves are hashed here, before the range is looked at)" },
    { id: "V1a", code: "MALFORMED_PROOF", check: "`1 ≤ leafCount` and `0 ≤ start < end ≤ leafCount` (a range of at least one leaf inside the tree)" },
    { id: "V1b", code: "MALFORMED_PROOF", check: "exactly `end − start` leaves given" },
    { id: "V2", code: "MALFORMED_PROOF", check: "exactly the number of nodes the walk over `(leafCount, start, end)` takes" },
    { id: "V3", code: "MALFORMED_PROOF", check: "every node `2·NS + 32` bytes" },
    { id: "V4", code: "NAMESPACE_ORDER", check: "every pair of siblings hashed on the walk has `l.maxNs ≤ r.minNs`" },
    { id: "V5", code: "ROOT_MISMATCH", check: "the recomputed root equals the root" },
  ],
};

const L1 = { id: "L1", code: "SHARD_COUNT_OUT_OF_RANGE", check: "`1 ≤ k`, `1 ≤ p`, `k + p ≤ MAX_SHARDS`, `2^⌈log2 p⌉ + k ≤ 256` (reconstruct: `k = dataCount`, `p = shards − dataCount`)" };
const L2 = { id: "L2", code: "SIZE_MISMATCH", check: "for each (present) shard in order: the size of the first (present) shard, and that size is not 0" };
const L3 = { id: "L3", code: "SHARD_SIZE_NOT_ALIGNED", check: "that size is a multiple of 64 bytes (`LEOPARD_SHARD_MULTIPLE`)" };

/** Leopard encoding (checkLeopardShape, then checkLeopardSizes in leopard8.ts). */
export const LEOPARD_ENCODE_RULES: RuleTable = { suite: "da", operation: "leopard_encode", rules: [L1, L2, L3] };

/** Leopard decoding: the encoder's checks, then the count of present shards. */
export const LEOPARD_RECONSTRUCT_RULES: RuleTable = {
  suite: "da",
  operation: "leopard_reconstruct",
  rules: [L1, L2, L3, { id: "L4", code: "TOO_FEW_SHARDS", check: "at least `dataCount` shards present" }],
};

/** reconstruct_square (reconstruct.ts: checkSquareParams, checkCellCount, C2, decodeSquare, then the decoded square's checks). */
export const RECONSTRUCT_SQUARE_RULES: RuleTable = {
  suite: "da",
  operation: "reconstruct_square",
  rules: [
    { id: "P1", code: "PARAMETER_OUT_OF_RANGE", check: "`MIN_NAMESPACE_SIZE ≤ NS ≤ MAX_NAMESPACE_SIZE`" },
    { id: "P2", code: "PARAMETER_OUT_OF_RANGE", check: "`NS < shareSize ≤ MAX_SHARE_SIZE` (a `codec` outside the schema's enum is `BAD_INPUT` before this)" },
    { id: "P4", code: "SHARD_SIZE_NOT_ALIGNED", check: "`codec = leopard`: `shareSize` is a multiple of 64" },
    { id: "C1", code: "PARAMETER_OUT_OF_RANGE", check: "`4k²` cells, `k` a power of two, `1 ≤ k ≤ MAX_SQUARE_WIDTH`" },
    { id: "C2", code: "SIZE_MISMATCH", check: "every present cell, in order, is `shareSize` bytes" },
    { id: "C3", code: "UNRECOVERABLE", check: "at least `k²` cells present (before any decoding)" },
    { id: "C4", code: "UNRECOVERABLE", check: "passes of rows then columns decode every missing cell (a pass that decodes nothing stops)" },
    { id: "C5", code: "INCONSISTENT_SHARES", check: "re-extending the decoded `Q0` gives back every cell, given or decoded" },
    { id: "C6", code: "NAMESPACE_ORDER", check: "every row and column of the square is in namespace order (computing the roots)" },
    { id: "C7", code: "DATA_ROOT_MISMATCH", check: "the square's data root equals the given one" },
  ],
  exclusive: [
    ...["C3", "C4", "C5", "C6", "C7"].map((id) => ({ rules: ["C1", id] as const, why: "cells that are no 2k×2k square have no `k`, no axes to decode and no square to check" })),
    ...["C3", "C4"].flatMap((a) => ["C5", "C6", "C7"].map((b) => ({ rules: [a, b] as const, why: "decoding stopped: there is no decoded square for the later checks to look at" }))),
  ],
};

export const DA_RULES: readonly RuleTable[] = [RS_ENCODE_RULES, RS_RECONSTRUCT_RULES, LEOPARD_ENCODE_RULES, LEOPARD_RECONSTRUCT_RULES, NMT_VERIFY_RANGE_RULES, RECONSTRUCT_SQUARE_RULES];
