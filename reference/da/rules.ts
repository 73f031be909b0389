/**
 * The da operations' ordered checks as data (reference/common/rules.ts), rendered into spec/da.md
 * by `npm run spec:rules`; conformance/da/vectors.ts breaks each pair of rules at once
 * (pairwiseCases). The reference checks in each table's order (the functions named per table).
 * @module
 */
import type { RuleTable } from "../common/rules.js";

/** P1 of every NMT and square operation (checkNamespaceSize in nmt.ts). */
const P1 = { id: "P1", code: "PARAMETER_OUT_OF_RANGE", check: "`MIN_NAMESPACE_SIZE ≤ NS ≤ MAX_NAMESPACE_SIZE`" };
/** The square's share size and codec (checkSquareParams in square.ts; P3, a known codec, is the schema's enum). */
const P2 = { id: "P2", code: "PARAMETER_OUT_OF_RANGE", check: "`NS < shareSize ≤ MAX_SHARE_SIZE` (a `codec` outside the schema's enum is `BAD_INPUT` before this)" };
const P4 = { id: "P4", code: "SHARD_SIZE_NOT_ALIGNED", check: "`codec = leopard`: `shareSize` is a multiple of 64" };

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

/** The walk's checks, shared by range and namespace verification (computeRangeRoot in nmt.ts). */
const V0 = { id: "V0", code: "MALFORMED_PROOF", check: "the root is `2·NS + 32` bytes" };
const V1a = { id: "V1a", code: "MALFORMED_PROOF", check: "`1 ≤ leafCount` and `0 ≤ start < end ≤ leafCount` (a range of at least one leaf inside the tree)" };
const V2 = { id: "V2", code: "MALFORMED_PROOF", check: "exactly the number of nodes the walk over `(leafCount, start, end)` takes" };
const V3 = { id: "V3", code: "MALFORMED_PROOF", check: "every node `2·NS + 32` bytes" };
const V4 = { id: "V4", code: "NAMESPACE_ORDER", check: "every pair of siblings hashed on the walk has `l.maxNs ≤ r.minNs`" };
const V5 = { id: "V5", code: "ROOT_MISMATCH", check: "the recomputed root equals the root" };

/** N1 and N3 leaf by leaf, as celestiaorg/nmt's `Push` (checkLeafOrder in nmt.ts). */
const N1 = { id: "N1", code: "INVALID_LEAF", check: "leaf by leaf, in order: leaf `i` is at least `NS` bytes (N1 and N3 of leaf `i` come before those of leaf `i + 1`)" };
const N3 = { id: "N3", code: "NAMESPACE_ORDER", check: "leaf `i`'s namespace is ≥ leaf `i − 1`'s (right after N1 of leaf `i`)" };

export const NMT_VERIFY_RANGE_RULES: RuleTable = {
  suite: "da",
  operation: "nmt_verify_range",
  rules: [
    P1,
    V0,
    { id: "N1", code: "INVALID_LEAF", check: "for each given leaf in order: at least `NS` bytes (the leaves are hashed here, before the range is looked at)" },
    V1a,
    { id: "V1b", code: "MALFORMED_PROOF", check: "exactly `end − start` leaves given" },
    V2,
    V3,
    V4,
    V5,
  ],
};

/** nmt_root (nmtRoot: checkNamespaceSize, checkLeafOrder; sorted leaves cannot break V4). */
export const NMT_ROOT_RULES: RuleTable = { suite: "da", operation: "nmt_root", rules: [P1, N1, N3] };

/** nmt_prove_range (nmtProveRange: the tree's checks, then the range). */
export const NMT_PROVE_RANGE_RULES: RuleTable = {
  suite: "da",
  operation: "nmt_prove_range",
  rules: [P1, N1, N3, { id: "V1", code: "MALFORMED_PROOF", check: "`0 ≤ start < end ≤ n`, `n` the number of leaves (a range of at least one leaf inside the tree)" }],
};

/** The queried namespace's size (nmtProveNamespace, verifyNmtNamespace). */
const S0 = { id: "S0", code: "PARAMETER_OUT_OF_RANGE", check: "the queried namespace `q` is `NS` bytes" };

/** nmt_prove_namespace (nmtProveNamespace: P1, S0, then nmtRoot's checks). */
export const NMT_PROVE_NAMESPACE_RULES: RuleTable = { suite: "da", operation: "nmt_prove_namespace", rules: [P1, S0, N1, N3] };

const S1_ALONE = "S1 checks the empty proof (`start = end = 0`), every later rule an inclusion or absence proof (any other range)";

/**
 * nmt_verify_namespace (verifyNmtNamespace): the empty proof (S1), an inclusion (S2) or an absence
 * (S3) proof, then the range walk on the leaves' hashes or the leaf hash, then completeness (S4).
 */
export const NMT_VERIFY_NAMESPACE_RULES: RuleTable = {
  suite: "da",
  operation: "nmt_verify_namespace",
  rules: [
    P1,
    S0,
    V0,
    { id: "S1a", code: "MALFORMED_PROOF", check: "an empty proof (`start = end = 0`) carries no nodes, no leaves and no leaf hash" },
    { id: "S1b", code: "INCOMPLETE_NAMESPACE_PROOF", check: "an empty proof: `leafCount = 0`, or `q` outside `[T.minNs, T.maxNs]` (then the answer is `present: false`)" },
    { id: "S2a", code: "MALFORMED_PROOF", check: "inclusion (any other range, `leafHash` null): at least one leaf" },
    { id: "S2b", code: "INVALID_LEAF", check: "inclusion, leaf by leaf in order: leaf `i` is at least `NS` bytes (S2b and S2c of leaf `i` come before those of leaf `i + 1`)" },
    { id: "S2c", code: "NAMESPACE_MISMATCH", check: "inclusion: leaf `i`'s namespace is `q` (right after S2b of leaf `i`)" },
    { id: "S3a", code: "MALFORMED_PROOF", check: "absence (a leaf hash): no leaves, the leaf hash `2·NS + 32` bytes and `end = start + 1`" },
    { id: "S3b", code: "NAMESPACE_MISMATCH", check: "absence: the leaf hash's `minNs > q`" },
    // V1a–S4 look at inclusion and absence proofs only (every empty proof would break V1a as the walk words it)
    { ...V1a, check: `inclusion or absence (V1a to S4 check no empty proof, which S1 answers): ${V1a.check}` },
    { id: "V1b", code: "MALFORMED_PROOF", check: "exactly `end − start` leaf hashes: the given leaves (inclusion) or the one leaf hash (absence)" },
    V2,
    V3,
    V4,
    V5,
    { id: "S4", code: "INCOMPLETE_NAMESPACE_PROOF", check: "completeness: every proof node left of the range has `maxNs < q`, every node right of it `minNs > q`" },
  ],
  exclusive: [
    ...["S1a", "S1b"].flatMap((a) => ["S2a", "S2b", "S2c", "S3a", "S3b", "V1a", "V1b", "V2", "V3", "V4", "V5", "S4"].map((b) => ({ rules: [a, b] as const, why: S1_ALONE }))),
    ...["S2a", "S2b", "S2c"].flatMap((a) => ["S3a", "S3b"].map((b) => ({ rules: [a, b] as const, why: "S2 checks inclusion proofs (`leafHash` null), S3 absence proofs (a leaf hash)" }))),
    ...["S2b", "S2c"].map((b) => ({ rules: ["S2a", b] as const, why: "S2b and S2c check given leaves, and S2a is broken only when there are none" })),
    { rules: ["S3b", "V1b"], why: "an absence proof that passes S3a has one leaf hash for a range of one leaf, so V1b holds wherever S3b is checked" },
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
    P1,
    P2,
    P4,
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

/** extend_square (extendSquare: checkSquareParams, then checkOriginalShares). */
export const EXTEND_SQUARE_RULES: RuleTable = {
  suite: "da",
  operation: "extend_square",
  rules: [
    P1,
    P2,
    P4,
    { id: "E1", code: "SQUARE_TOO_LARGE", check: "at most `MAX_SQUARE_WIDTH²` shares (before any share is looked at)" },
    { id: "E2", code: "SIZE_MISMATCH", check: "share by share, in order: share `i` is `shareSize` bytes (E2–E4 of share `i` come before those of share `i + 1`)" },
    { id: "E3", code: "RESERVED_NAMESPACE", check: "share `i`'s namespace is below `TAIL_PADDING_NAMESPACE`" },
    { id: "E4", code: "NAMESPACE_ORDER", check: "share `i`'s namespace is ≥ share `i − 1`'s" },
  ],
};

/** A square's commitments before any proof against them (checkCommitments in commitments.ts). */
const COMMITMENT_RULES = [
  { id: "K1", code: "MALFORMED_PROOF", check: "as many row roots as column roots, `2k` of each, `k` a power of two, `1 ≤ k ≤ MAX_SQUARE_WIDTH`" },
  { id: "K2a", code: "MALFORMED_PROOF", check: "every row root, then every column root, is `2·NS + 32` bytes" },
  { id: "K2b", code: "MALFORMED_PROOF", check: "the data root is 32 bytes" },
  { id: "K3", code: "DATA_ROOT_MISMATCH", check: "`MTH(rowRoots ‖ colRoots) = dataRoot`" },
] as const;

/** verify_fraud_proof (verifyBadEncodingProof in fraud.ts: F1 is K1–K3). */
export const VERIFY_FRAUD_PROOF_RULES: RuleTable = {
  suite: "da",
  operation: "verify_fraud_proof",
  rules: [
    P1,
    P2,
    P4,
    ...COMMITMENT_RULES,
    { id: "F2", code: "INDEX_OUT_OF_RANGE", check: "the axis index `< 2k` (an `axis` other than `row`, `col` is `BAD_INPUT`)" },
    { id: "F3a", code: "MALFORMED_PROOF", check: "exactly `k` positions, `k` shares and `k` proofs" },
    { id: "F3b", code: "MALFORMED_PROOF", check: "the positions strictly increasing, each `< 2k`" },
    { id: "F4", code: "SIZE_MISMATCH", check: "every share is `shareSize` bytes (all shares before any proof)" },
    { id: "F5a", code: "MALFORMED_PROOF", check: "share by share, in order, its proof of leaf `index` (the range `[index, index + 1)`, fixed by the input's form) in the orthogonal tree of `2k` leaves: exactly the nodes the walk takes (V2; F5a–F5d of share `i` come before those of share `i + 1`)" },
    { id: "F5b", code: "MALFORMED_PROOF", check: "every node of that proof `2·NS + 32` bytes (V3)" },
    { id: "F5c", code: "NAMESPACE_ORDER", check: "the siblings hashed on its walk in namespace order (V4)" },
    { id: "F5d", code: "ROOT_MISMATCH", check: "the walk gives the orthogonal root: column root `positions[i]` for a row, row root `positions[i]` for a column (V5)" },
    { id: "F6", code: "AXIS_CORRECTLY_ENCODED", check: "the root of the axis decoded from the `k` shares differs from the committed one, or the decoded axis has no NMT (its original shares out of namespace order)" },
  ],
};

/** verify_sample (verifySample in sampling.ts). */
export const VERIFY_SAMPLE_RULES: RuleTable = {
  suite: "da",
  operation: "verify_sample",
  rules: [
    P1,
    P2,
    P4,
    ...COMMITMENT_RULES,
    { id: "A1", code: "INDEX_OUT_OF_RANGE", check: "`row < 2k` and `col < 2k`" },
    { id: "A2", code: "SIZE_MISMATCH", check: "the share is `shareSize` bytes" },
    { id: "A3a", code: "MALFORMED_PROOF", check: "its proof of leaf `col` (the range `[col, col + 1)`, fixed by the input's form) in row `row`'s tree of `2k` leaves: exactly the nodes the walk takes (V2)" },
    { id: "A3b", code: "MALFORMED_PROOF", check: "every node `2·NS + 32` bytes (V3)" },
    { id: "A3c", code: "NAMESPACE_ORDER", check: "the siblings hashed on the walk in namespace order (V4)" },
    { id: "A3d", code: "ROOT_MISMATCH", check: "the walk gives `rowRoots[row]` (V5)" },
  ],
};

export const DA_RULES: readonly RuleTable[] = [
  RS_ENCODE_RULES,
  RS_RECONSTRUCT_RULES,
  LEOPARD_ENCODE_RULES,
  LEOPARD_RECONSTRUCT_RULES,
  NMT_ROOT_RULES,
  NMT_PROVE_RANGE_RULES,
  NMT_VERIFY_RANGE_RULES,
  NMT_PROVE_NAMESPACE_RULES,
  NMT_VERIFY_NAMESPACE_RULES,
  EXTEND_SQUARE_RULES,
  RECONSTRUCT_SQUARE_RULES,
  VERIFY_FRAUD_PROOF_RULES,
  VERIFY_SAMPLE_RULES,
];
