/**
 * The da operations' ordered checks as data (reference/common/rules.ts), rendered into spec/da.md
 * by `npm run spec:rules`; vectors.ts breaks each pair of rules at once (pairwiseCases).
 * @module
 */
import type { RuleTable } from "../../reference/common/rules.js";

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

export const DA_RULES: readonly RuleTable[] = [RS_ENCODE_RULES, RS_RECONSTRUCT_RULES, NMT_VERIFY_RANGE_RULES];
