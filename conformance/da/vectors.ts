/**
 * The da suite's vector cases. Inputs are built here; every expected answer is computed by the
 * reference (conformance/harness/vectorfile.ts), and `expect` only states the author's intent.
 * Squares are small (k ≤ 4, shares of 8–24 bytes) to keep the files small; one case of each square
 * operation uses the default parameters (512-byte shares, 29-byte namespaces).
 * @module
 */
import { fromHex, toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import {
  computeDataRoot,
  computeSquareRoots,
  createBadEncodingProof,
  createSample,
  DEFAULT_NAMESPACE_SIZE,
  DEFAULT_SHARE_SIZE,
  MAX_SHARE_SIZE,
  MAX_SQUARE_WIDTH,
  extendCells,
  extendSquare,
  getAxis,
  cellLeaf,
  hashNmtLeaf,
  hashNmtNode,
  nmtProveNamespace,
  nmtProveRange,
  nmtRoot,
  rsEncode,
  type ExtendedSquare,
  type SquareParams,
} from "../../reference/da/index.js";
import type { Rule, RuleTable } from "../../reference/common/rules.js";
import type { JsonObject } from "../harness/operation.js";
import { breakerPairCases, type BreakerPairs } from "../harness/rules.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import {
  EXTEND_SQUARE_RULES,
  NMT_PROVE_NAMESPACE_RULES,
  NMT_PROVE_RANGE_RULES,
  NMT_ROOT_RULES,
  NMT_VERIFY_NAMESPACE_RULES,
  NMT_VERIFY_RANGE_RULES,
  RECONSTRUCT_SQUARE_RULES,
  RS_ENCODE_RULES,
  RS_RECONSTRUCT_RULES,
  VERIFY_FRAUD_PROOF_RULES,
  VERIFY_SAMPLE_RULES,
} from "../../reference/da/rules.js";
import { fraudProofJson, nullableHex } from "./operations.js";

export const DA_FLAGS: Record<string, string> = {
  PairwiseRules: "an input that breaks two rules at once: the earlier check's code is the answer",
  SingleRule: "an input that breaks one rule of its operation's table, with the breaker the pairwise cases use",
  MultiPass: "a reconstruction that needs several passes of row and column decoding",
  InconsistentShards: "present shards that are not one code word (surplus shards are not cross-checked)",
  Absence: "a namespace absence proof",
  BadEncoding: "a square whose producer extended a row or column wrongly",
  Boundary: "a size or count at the edge of its range",
  CountOutOfRange: "a shard count outside 1..256",
  DefaultParameters: "512-byte shares and 29-byte namespaces, the defaults",
  EmptyProof: "a namespace outside the root's range, or an empty tree",
  Erasure: "some shards or cells withheld",
  External: "a published vector (source cited in the comment)",
  Inclusion: "a namespace inclusion proof",
  Incomplete: "a namespace proof that hides leaves of the namespace",
  IndexOutOfRange: "a row, column or axis outside the square",
  InvalidLeaf: "a leaf shorter than its namespace",
  MalformedProof: "a proof of the wrong shape",
  NamespaceOrder: "leaves or shares out of namespace order",
  Parameter: "a namespace size, share size or square width out of range",
  Random: "a random shape or content from the file's seed",
  ReservedNamespace: "an original share in a reserved namespace",
  SizeMismatch: "shards or shares of the wrong size",
  TamperedData: "a share, leaf or root changed in one byte",
  TamperedProof: "a proof node changed in one byte",
  TooFewShards: "fewer shards than needed to decode",
  Unrecoverable: "a withholding pattern that blocks reconstruction",
  WellEncoded: "a proof against a correctly extended square",
};

const valid = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: JsonObject, flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });
const hexes = (xs: readonly Uint8Array[]) => xs.map(toHex);
/** Receives each operation's pairwise construction (conformance/da/pairwise.test.ts checks its breakers). */
type Collect = ((p: BreakerPairs) => void) | undefined;

/** A copy of `b` with byte `at` (mod length) XORed with 0x01. */
function flip(b: Uint8Array, at = 0): Uint8Array {
  const c = b.slice();
  c[at % c.length]! ^= 0x01;
  return c;
}
const flipHex = (h: string, at = 0): string => toHex(flip(fromHex(h), at));

/** Each rule of `t` broken alone by `build`, the breaker its pairwise cases use (which this pins). */
const aloneCases = (t: RuleTable, build: (r: Rule) => JsonObject): CaseSpec[] =>
  t.rules.map((r) => ({ comment: `breaks ${r.id} alone: ${r.code}`, flags: ["SingleRule"], input: build(r), expect: r.code }));

// ---- Reed-Solomon ----

function rsEncodeCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const shapes: [number, number, number][] = [[1, 1, 1], [4, 2, 4], [2, 2, 16], [10, 4, 8], [1, 255, 2], [255, 1, 2], [128, 128, 1]];
  for (let i = 0; i < 4; i++) shapes.push([rng.between(1, 20), rng.between(1, 12), rng.between(1, 24)]);
  for (const [k, m, size] of shapes) {
    const flags = k + m === 256 || k + m === 2 ? ["Boundary"] : ["Random"];
    out.push(valid(`${k} data + ${m} parity shards of ${size} bytes`, { data: hexes(Array.from({ length: k }, () => rng.bytes(size))), parityCount: m }, flags));
  }
  out.push(valid("all-zero data gives all-zero parity", { data: hexes([new Uint8Array(8), new Uint8Array(8), new Uint8Array(8)]), parityCount: 2 }, ["Boundary"]));
  const d3 = hexes([rng.bytes(8), rng.bytes(8), rng.bytes(8)]);
  out.push(invalid("no data shards", "SHARD_COUNT_OUT_OF_RANGE", { data: [], parityCount: 2 }, ["CountOutOfRange"]));
  out.push(invalid("no parity shards", "SHARD_COUNT_OUT_OF_RANGE", { data: d3, parityCount: 0 }, ["CountOutOfRange"]));
  out.push(invalid("257 shards in total", "SHARD_COUNT_OUT_OF_RANGE", { data: hexes(Array.from({ length: 200 }, () => Uint8Array.of(1))), parityCount: 57 }, ["CountOutOfRange"]));
  out.push(invalid("shards of 8 and 7 bytes", "SIZE_MISMATCH", { data: [d3[0]!, d3[1]!.slice(2)], parityCount: 2 }, ["SizeMismatch"]));
  out.push(invalid("empty shards", "SIZE_MISMATCH", { data: ["", ""], parityCount: 1 }, ["SizeMismatch"]));
  // the request guard (BAD_INPUT above parityCount · |data[0]| = 2^26 bytes) admits exactly 2^26: R1 answers
  out.push(invalid("parityCount 2^26 of 1-byte shards: at the request limit, so R1 answers, not BAD_INPUT", "SHARD_COUNT_OUT_OF_RANGE", { data: ["07"], parityCount: 2 ** 26 }, ["Boundary", "CountOutOfRange"]));
  out.push(invalid("R2 sees the first shard's size: a zero-size first shard among non-empty ones", "SIZE_MISMATCH", { data: ["", "0102"], parityCount: 1 }, ["SizeMismatch"]));
  const breakers: Record<string, (i: JsonObject) => JsonObject> = {
    R1: (i) => ({ ...i, parityCount: 0 }),
    R2: (i) => ({ ...i, data: (i.data as string[]).map((d, j) => (j === 1 ? d.slice(2) : d)) }),
  };
  out.push(...breakerPairCases({ table: RS_ENCODE_RULES, base: () => ({ data: d3, parityCount: 2 }), breakers }, collect));
  // the reference's long-shard paths (reed-solomon.ts): 2048 < size < 8192 goes chunk by chunk (the
  // last chunk of 2 bytes unaligned), ≥ 8192 four rows per lookup in groups of sixteen; 19 rows take
  // two passes of eight and three single rows
  out.push(valid("3 data + 2 parity shards of 4098 bytes: two 2048-byte chunks and one of 2", { data: hexes(Array.from({ length: 3 }, () => rng.bytes(4098))), parityCount: 2 }, ["Boundary"]));
  out.push(valid("5 data + 19 parity shards of 12 bytes", { data: hexes(Array.from({ length: 5 }, () => rng.bytes(12))), parityCount: 19 }, ["Random"]));
  out.push(valid("2 data + 17 parity shards of 8194 bytes: two 4096-byte chunks and one of 2, five groups of four rows", { data: hexes(Array.from({ length: 2 }, () => rng.bytes(8194))), parityCount: 17 }, ["Boundary"]));
  return out;
}

function rsReconstructCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const withhold = (k: number, m: number, size: number, lost: number[], flags: string[], comment: string, code = "valid") => {
    const data = Array.from({ length: k }, () => rng.bytes(size));
    const all: (Uint8Array | undefined)[] = [...data, ...rsEncode(data, m)];
    for (const i of lost) all[i] = undefined;
    const input = { shards: nullableHex(all), dataCount: k };
    out.push(code === "valid" ? valid(comment, input, flags) : invalid(comment, code, input, flags));
  };
  withhold(4, 2, 4, [0, 2], ["Erasure"], "4+2, two data shards lost");
  withhold(4, 2, 4, [4, 5], ["Erasure"], "4+2, both parity shards lost");
  withhold(4, 2, 4, [], ["Boundary"], "4+2, nothing lost");
  withhold(3, 5, 6, [0, 1, 2, 3, 6], ["Erasure", "Boundary"], "3+5, all data lost: decoded from parity alone");
  for (let t = 0; t < 3; t++) {
    const k = rng.between(2, 16);
    const m = rng.between(1, 16);
    const lost = Array.from({ length: k + m }, (_, i) => i).filter(() => rng.chance(1, 2)).slice(0, m);
    withhold(k, m, rng.between(1, 12), lost, ["Erasure", "Random"], `${k}+${m}, ${lost.length} random shards lost`);
  }
  withhold(4, 2, 4, [0, 1, 5], ["TooFewShards"], "4+2 with three lost", "TOO_FEW_SHARDS");
  withhold(2, 2, 4, [0, 1, 2, 3], ["TooFewShards"], "everything lost", "TOO_FEW_SHARDS");
  out.push(invalid("present shards of 4 and 5 bytes", "SIZE_MISMATCH", { shards: ["00010203", null, "0001020304"], dataCount: 2 }, ["SizeMismatch"]));
  out.push(invalid("dataCount equal to the shard count leaves no parity", "SHARD_COUNT_OUT_OF_RANGE", { shards: ["00", "01"], dataCount: 2 }, ["CountOutOfRange"]));
  out.push(invalid("dataCount 0", "SHARD_COUNT_OUT_OF_RANGE", { shards: ["00", "01"], dataCount: 0 }, ["CountOutOfRange"]));

  // surplus shards are not checked against each other: the first dataCount present shards (in index
  // order) determine the missing ones, and every present shard is returned exactly as given
  const data4 = Array.from({ length: 4 }, () => rng.bytes(4));
  const word = [...data4, ...rsEncode(data4, 2)];
  const bent = (i: number) => flip(word[i]!, 1);
  const shards = (f: (i: number) => Uint8Array | undefined) => ({ shards: nullableHex(word.map((_, i) => f(i))), dataCount: 4 });
  out.push(valid("4+2, all present, parity shard 5 inconsistent: returned unchanged, nothing re-checked", shards((i) => (i === 5 ? bent(5) : word[i])), ["InconsistentShards", "Boundary"]));
  out.push(valid("4+2, shard 0 lost, surplus parity shard 5 inconsistent: decoded from shards 1–4, shard 5 returned as given", shards((i) => (i === 0 ? undefined : i === 5 ? bent(5) : word[i])), ["InconsistentShards", "Erasure"]));
  out.push(valid("4+2, shard 0 lost, shard 1 inconsistent: the first four present (1–4) decide, shard 0 follows shard 1's error", shards((i) => (i === 0 ? undefined : i === 1 ? bent(1) : word[i])), ["InconsistentShards", "Erasure"]));
  out.push(valid("4+2, shards 0 and 5 lost: parity 5 is re-encoded from the decoded data", shards((i) => (i === 0 || i === 5 ? undefined : word[i])), ["Erasure"]));
  out.push(valid("1+255 shards, only the last present (the largest shard count)", { shards: nullableHex([...Array.from({ length: 255 }, () => undefined), rsEncode([Uint8Array.of(9, 8)], 255)[254]!]), dataCount: 1 }, ["Boundary", "Erasure"]));
  out.push(invalid("257 shards (dataCount 1)", "SHARD_COUNT_OUT_OF_RANGE", { shards: Array.from({ length: 257 }, (_, i) => (i === 0 ? "01" : null)), dataCount: 1 }, ["CountOutOfRange", "Boundary"]));
  const base: JsonObject = { shards: nullableHex(word.map((w, i) => (i === 0 || i === 5 ? undefined : w))), dataCount: 4 };
  const shardsOf = (i: JsonObject) => i.shards as (string | null)[];
  const breakers: Record<string, (i: JsonObject) => JsonObject> = {
    R1: (i) => ({ ...i, dataCount: 0 }),
    R2: (i) => ({ ...i, shards: shardsOf(i).map((x, j) => (j === 2 && x !== null ? x.slice(2) : x)) }),
    R3: (i) => ({ ...i, shards: shardsOf(i).map((x, j) => (j === 1 ? null : x)) }),
  };
  out.push(...breakerPairCases({ table: RS_RECONSTRUCT_RULES, base: () => base, breakers }, collect));
  return out;
}

// ---- NMT ----

/** The 4 leaves of celestiaorg/nmt docs/spec/nmt.md, Figure 1 (namespace size 1): ns ‖ "leaf_i". */
export const NMT_FIGURE1_LEAVES = ["006c6561665f30", "006c6561665f31", "016c6561665f32", "036c6561665f33"];

/** n random namespaced leaves, sorted, namespaces from a small alphabet so they repeat. */
function randomLeaves(rng: Rng, n: number, ns: number, dataSize = 6): Uint8Array[] {
  const leaves = Array.from({ length: n }, () => {
    const l = new Uint8Array(ns + dataSize);
    l.set(rng.bytes(dataSize), ns);
    l[ns - 1] = rng.below(6) * 2; // even namespaces, so odd ones are absent
    return l;
  });
  return leaves.sort((a, b) => a[ns - 1]! - b[ns - 1]!);
}
const parityLeaf = (ns: number, data: Uint8Array): Uint8Array => Uint8Array.from([...new Uint8Array(ns).fill(0xff), ...data]);

/** Four leaves in namespaces 0001..0004 (NS = 2): the base the tree operations' pairwise cases break. */
const TREE_BASE: JsonObject = { namespaceSize: 2, leaves: ["0001aa", "0002bb", "0003cc", "0004dd"] };
/**
 * Breakers of the tree's rules (P1, N1, N3, V1, S0): N1 cuts leaf 1 to one byte, N3 puts leaf 2 below
 * leaf 1 (a later leaf than N1's, so that with both the tree breaks N1 at leaf 1 and N3 at leaf 2).
 */
const treeBreakers: Record<string, (i: JsonObject) => JsonObject> = {
  P1: (i) => ({ ...i, namespaceSize: 33 }),
  N1: (i) => ({ ...i, leaves: (i.leaves as string[]).map((l, j) => (j === 1 ? l.slice(0, 2) : l)) }),
  N3: (i) => ({ ...i, leaves: (i.leaves as string[]).map((l, j) => (j === 2 ? `0000${l.slice(4)}` : l)) }),
  V1: (i) => ({ ...i, end: (i.leaves as string[]).length + 1 }),
  S0: (i) => ({ ...i, namespace: `${i.namespace as string}00` }),
};

function nmtRootCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  out.push(valid("celestiaorg/nmt docs/spec/nmt.md Figure 1 (commit 1884bfb3fd0b69b64fd16e553b5107e8e6678759): root 00 03 b1c2cc5…", { namespaceSize: 1, leaves: NMT_FIGURE1_LEAVES }, ["External"]));
  out.push(valid("empty tree: zero namespaces ‖ SHA-256(\"\")", { namespaceSize: 8, leaves: [] }, ["Boundary"]));
  out.push(valid("one leaf", { namespaceSize: 8, leaves: hexes(randomLeaves(rng, 1, 8)) }, ["Boundary"]));
  out.push(valid("a leaf that is only a namespace", { namespaceSize: 4, leaves: ["00000001"] }, ["Boundary"]));
  for (const n of [3, 5, 8, 13]) out.push(valid(`${n} leaves, namespace size 8`, { namespaceSize: 8, leaves: hexes(randomLeaves(rng, n, 8)) }, ["Random"]));
  const withParity = [...randomLeaves(rng, 3, 2), parityLeaf(2, rng.bytes(6)), parityLeaf(2, rng.bytes(6))];
  out.push(valid("3 data leaves then 2 parity leaves: the root's max ignores the parity namespace", { namespaceSize: 2, leaves: hexes(withParity) }, ["Boundary"]));
  out.push(valid("only parity leaves: the maximum namespace is kept", { namespaceSize: 2, leaves: hexes([parityLeaf(2, rng.bytes(4)), parityLeaf(2, rng.bytes(4)), parityLeaf(2, rng.bytes(4))]) }, ["Boundary"]));
  out.push(valid("default 29-byte namespaces", { namespaceSize: DEFAULT_NAMESPACE_SIZE, leaves: hexes(randomLeaves(rng, 4, DEFAULT_NAMESPACE_SIZE)) }, ["DefaultParameters"]));
  out.push(invalid("Figure 1 leaves with the last two swapped", "NAMESPACE_ORDER", { namespaceSize: 1, leaves: [NMT_FIGURE1_LEAVES[0]!, NMT_FIGURE1_LEAVES[1]!, NMT_FIGURE1_LEAVES[3]!, NMT_FIGURE1_LEAVES[2]!] }, ["NamespaceOrder"]));
  out.push(invalid("a parity leaf before a data leaf", "NAMESPACE_ORDER", { namespaceSize: 2, leaves: hexes([parityLeaf(2, rng.bytes(4)), ...randomLeaves(rng, 1, 2)]) }, ["NamespaceOrder"]));
  out.push(invalid("a 3-byte leaf with 4-byte namespaces", "INVALID_LEAF", { namespaceSize: 4, leaves: ["000000", "00000000"] }, ["InvalidLeaf"]));
  out.push(invalid("a 1-byte leaf 05 with 2-byte namespaces before a leaf in namespace 0300: N1 on leaf 0 before the order of leaves 0 and 1", "INVALID_LEAF", { namespaceSize: 2, leaves: ["05", "0300aa"] }, ["InvalidLeaf", "NamespaceOrder"]));
  out.push(invalid("namespace size 0", "PARAMETER_OUT_OF_RANGE", { namespaceSize: 0, leaves: ["00"] }, ["Parameter"]));
  out.push(invalid("namespace size 33", "PARAMETER_OUT_OF_RANGE", { namespaceSize: 33, leaves: [] }, ["Parameter"]));
  out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE), 3 leaves", { namespaceSize: 32, leaves: hexes(randomLeaves(rng, 3, 32)) }, ["Boundary"]));
  out.push(valid("namespace size 1 (MIN_NAMESPACE_SIZE), 3 leaves", { namespaceSize: 1, leaves: hexes(randomLeaves(rng, 3, 1)) }, ["Boundary"]));
  out.push(invalid("leaves 0 and 1 out of order, then a 1-byte leaf 2: N3 of leaf 1 comes before N1 of leaf 2", "NAMESPACE_ORDER", { namespaceSize: 2, leaves: ["0002aa", "0001bb", "00"] }, ["NamespaceOrder", "InvalidLeaf"]));
  out.push(...aloneCases(NMT_ROOT_RULES, (r) => treeBreakers[r.id]!(TREE_BASE)));
  out.push(...breakerPairCases({ table: NMT_ROOT_RULES, base: () => TREE_BASE, breakers: treeBreakers }, collect));
  return out;
}

function nmtProveRangeCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const fig = { namespaceSize: 1, leaves: NMT_FIGURE1_LEAVES };
  out.push(valid("Figure 1, leaf 2", { ...fig, start: 2, end: 3 }, ["External"]));
  out.push(valid("Figure 1, leaves [0, 2): the proof is node 01 03 52c7c03…", { ...fig, start: 0, end: 2 }, ["External"]));
  out.push(valid("Figure 1, the whole tree: no nodes", { ...fig, start: 0, end: 4 }, ["Boundary"]));
  const leaves = hexes(randomLeaves(rng, 11, 4));
  for (const [s, e] of [[0, 1], [10, 11], [3, 8], [5, 6]] as const) out.push(valid(`11 leaves, [${s}, ${e})`, { namespaceSize: 4, leaves, start: s, end: e }, ["Random"]));
  out.push(invalid("empty range [2, 2)", "MALFORMED_PROOF", { ...fig, start: 2, end: 2 }, ["MalformedProof"]));
  out.push(invalid("range past the last leaf", "MALFORMED_PROOF", { ...fig, start: 3, end: 5 }, ["MalformedProof"]));
  out.push(invalid("empty range [0, 0)", "MALFORMED_PROOF", { ...fig, start: 0, end: 0 }, ["MalformedProof", "Boundary"]));
  out.push(invalid("empty range [4, 4) at the tree's end", "MALFORMED_PROOF", { ...fig, start: 4, end: 4 }, ["MalformedProof", "Boundary"]));
  out.push(invalid("an empty tree, range [0, 0)", "MALFORMED_PROOF", { namespaceSize: 1, leaves: [], start: 0, end: 0 }, ["MalformedProof", "Boundary"]));
  out.push(invalid("range [3, 2): start after end", "MALFORMED_PROOF", { ...fig, start: 3, end: 2 }, ["MalformedProof"]));
  out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE), 5 leaves, [1, 4)", { namespaceSize: 32, leaves: hexes(randomLeaves(rng, 5, 32)), start: 1, end: 4 }, ["Boundary"]));
  out.push(invalid("namespace size 33", "PARAMETER_OUT_OF_RANGE", { ...fig, namespaceSize: 33, start: 0, end: 1 }, ["Parameter", "Boundary"]));
  out.push(invalid("a leaf out of order and a range past the end: the tree is checked before the range", "NAMESPACE_ORDER", { namespaceSize: 1, leaves: ["056c6561665f30", "006c6561665f31"], start: 0, end: 3 }, ["NamespaceOrder", "MalformedProof"]));
  out.push(...aloneCases(NMT_PROVE_RANGE_RULES, (r) => treeBreakers[r.id]!({ ...TREE_BASE, start: 1, end: 3 })));
  out.push(...breakerPairCases({ table: NMT_PROVE_RANGE_RULES, base: () => ({ ...TREE_BASE, start: 1, end: 3 }), breakers: treeBreakers }, collect));
  return out;
}

function nmtVerifyRangeCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const ns = 4;
  const leaves = randomLeaves(rng, 11, ns);
  const root = toHex(nmtRoot(leaves, ns));
  const proofInput = (s: number, e: number): JsonObject => ({ namespaceSize: ns, root, leafCount: leaves.length, start: s, end: e, nodes: hexes(nmtProveRange(leaves, ns, s, e).nodes), leaves: hexes(leaves.slice(s, e)) });
  for (const [s, e] of [[0, 1], [10, 11], [3, 8], [0, 11]] as const) out.push(valid(`11 leaves, [${s}, ${e})`, proofInput(s, e), s === 0 && e === 11 ? ["Boundary"] : ["Random"]));
  const fig = NMT_FIGURE1_LEAVES.map((h) => fromHex(h));
  out.push(valid("Figure 1, leaf 3", { namespaceSize: 1, root: toHex(nmtRoot(fig, 1)), leafCount: 4, start: 3, end: 4, nodes: hexes(nmtProveRange(fig, 1, 3, 4).nodes), leaves: [NMT_FIGURE1_LEAVES[3]!] }, ["External"]));
  const p = proofInput(3, 8);
  const nodes = p.nodes as string[];
  out.push(invalid("a leaf's data changed", "ROOT_MISMATCH", { ...p, leaves: (p.leaves as string[]).map((l, i) => (i === 2 ? flipHex(l, ns + 1) : l)) }, ["TamperedData"]));
  out.push(invalid("a proof node's digest changed", "ROOT_MISMATCH", { ...p, nodes: nodes.map((n, i) => (i === 0 ? flipHex(n, 2 * ns + 5) : n)) }, ["TamperedProof"]));
  out.push(invalid("the root changed", "ROOT_MISMATCH", { ...p, root: flipHex(root, 2 * ns + 1) }, ["TamperedData"]));
  out.push(invalid("the leaves and nodes of [3, 8) claimed for [2, 7): siblings fall out of namespace order", "NAMESPACE_ORDER", { ...p, start: 2, end: 7, leaves: hexes(leaves.slice(3, 8)) }, ["TamperedProof"]));
  out.push(invalid("a node missing", "MALFORMED_PROOF", { ...p, nodes: nodes.slice(1) }, ["MalformedProof"]));
  out.push(invalid("a node too many", "MALFORMED_PROOF", { ...p, nodes: [...nodes, nodes[0]!] }, ["MalformedProof"]));
  out.push(invalid("a node one byte short", "MALFORMED_PROOF", { ...p, nodes: nodes.map((n, i) => (i === 0 ? n.slice(2) : n)) }, ["MalformedProof"]));
  out.push(invalid("fewer leaves than the range", "MALFORMED_PROOF", { ...p, leaves: (p.leaves as string[]).slice(1) }, ["MalformedProof"]));
  out.push(invalid("range beyond leafCount", "MALFORMED_PROOF", { ...p, leafCount: 7 }, ["MalformedProof"]));
  out.push(invalid("a left node's maximum namespace raised above its right sibling", "NAMESPACE_ORDER", { ...p, nodes: nodes.map((n, i) => (i === 0 ? `${n.slice(0, 2 * ns)}${"ff".repeat(ns)}${n.slice(4 * ns)}` : n)) }, ["TamperedProof"]));
  // adversarial shapes and the order of V0 and N1 (the root's size is checked before any leaf)
  out.push(invalid("root one byte too long and a leaf shorter than the namespace: V0 before N1", "MALFORMED_PROOF", { ...p, root: `${root}00`, leaves: (p.leaves as string[]).map((l, i) => (i === 0 ? l.slice(0, 2 * (ns - 1)) : l)) }, ["MalformedProof", "InvalidLeaf", "PairwiseRules"]));
  out.push(invalid("a leaf shorter than the namespace and an empty range: leaves are hashed (N1) before V1", "INVALID_LEAF", { ...p, start: 3, end: 3, leaves: (p.leaves as string[]).map((l, i) => (i === 0 ? l.slice(0, 2 * (ns - 1)) : l)) }, ["InvalidLeaf", "MalformedProof", "PairwiseRules"]));
  out.push(invalid("empty range [3, 3) with no leaves and no nodes", "MALFORMED_PROOF", { ...p, start: 3, end: 3, nodes: [], leaves: [] }, ["MalformedProof", "Boundary"]));
  out.push(invalid("leafCount 0", "MALFORMED_PROOF", { ...p, leafCount: 0, start: 0, end: 0, nodes: [], leaves: [] }, ["MalformedProof", "Boundary"]));
  out.push(invalid("more leaves than the range", "MALFORMED_PROOF", { ...p, leaves: [...(p.leaves as string[]), toHex(leaves[8]!)] }, ["MalformedProof"]));
  out.push(invalid("a node one byte too long", "MALFORMED_PROOF", { ...p, nodes: nodes.map((n, i) => (i === nodes.length - 1 ? `${n}00` : n)) }, ["MalformedProof"]));
  out.push(valid("a leaf of exactly NS bytes (namespace only)", (() => { const l = [...leaves.slice(0, 10), leaves[10]!.subarray(0, ns)]; return { namespaceSize: ns, root: toHex(nmtRoot(l, ns)), leafCount: 11, start: 10, end: 11, nodes: hexes(nmtProveRange(l, ns, 10, 11).nodes), leaves: [toHex(l[10]!)] }; })(), ["Boundary"]));
  out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE), 3 leaves, [1, 2)", (() => { const l = randomLeaves(rng, 3, 32); return { namespaceSize: 32, root: toHex(nmtRoot(l, 32)), leafCount: 3, start: 1, end: 2, nodes: hexes(nmtProveRange(l, 32, 1, 2).nodes), leaves: [toHex(l[1]!)] }; })(), ["Boundary"]));
  out.push(invalid("namespace size 33", "PARAMETER_OUT_OF_RANGE", { ...p, namespaceSize: 33 }, ["Boundary"]));
  // adversarial shapes a lax V1a lets through: the nodes of an empty range hash to the root; a range
  // running past the tree's end whose extra leaf the walk never reaches
  const four = leaves.slice(0, 4);
  const fourRoot = toHex(nmtRoot(four, ns));
  const sub = (lo: number, hi: number) => toHex(nmtRoot(four.slice(lo, hi), ns));
  out.push(invalid("empty range [2, 2) of 4 leaves, with the two subtree roots that hash to the root", "MALFORMED_PROOF", { namespaceSize: ns, root: fourRoot, leafCount: 4, start: 2, end: 2, nodes: [sub(0, 2), sub(2, 4)], leaves: [] }, ["MalformedProof", "Boundary"]));
  out.push(invalid("range [3, 5) of 4 leaves: leaf 3 and one more, with the one node a walk over [3, 5) takes", "MALFORMED_PROOF", { namespaceSize: ns, root: fourRoot, leafCount: 4, start: 3, end: 5, nodes: [sub(0, 2), sub(2, 3)], leaves: hexes([four[3]!, four[3]!]) }, ["MalformedProof", "Boundary"]));
  // a proof node whose minimum namespace is above its maximum (no honest tree has one): the parent's
  // min and max are still min(l.min, r.min) and max(l.max, r.max); the root is computed by the reference
  {
    const two = [Uint8Array.from([0, 3, 1, 2]), Uint8Array.from([0, 4, 5, 6])];
    const leafNs = 2;
    const h = (i: number) => hashNmtLeaf(two[i]!, leafNs);
    const node = (min: number, max: number) => Uint8Array.from([0, min, 0, max, ...rng.bytes(32)]);
    const right = node(5, 2); // l.max 0003 > r.max 0002
    const left = node(5, 1);
    out.push(valid("a right sibling node with min 0005 above its max 0002: the parent's max is the left leaf's 0003", { namespaceSize: leafNs, root: toHex(hashNmtNode(h(0), right, leafNs)), leafCount: 2, start: 0, end: 1, nodes: [toHex(right)], leaves: [toHex(two[0]!)] }, ["Boundary", "TamperedProof"]));
    out.push(valid("a left sibling node with min 0005 above its max 0001: the parent's min is the right leaf's 0004", { namespaceSize: leafNs, root: toHex(hashNmtNode(left, h(1), leafNs)), leafCount: 2, start: 1, end: 2, nodes: [toHex(left)], leaves: [toHex(two[1]!)] }, ["Boundary", "TamperedProof"]));
  }
  const last = nodes.length - 1;
  const breakers: Record<string, (i: JsonObject) => JsonObject> = {
    P1: (i) => ({ ...i, namespaceSize: 0 }),
    V0: (i) => ({ ...i, root: `${i.root as string}00` }),
    N1: (i) => ({ ...i, leaves: (i.leaves as string[]).map((l, j) => (j === 0 ? l.slice(0, 2 * (ns - 1)) : l)) }),
    V1a: (i) => ({ ...i, leafCount: 7 }),
    V1b: (i) => ({ ...i, leaves: (i.leaves as string[]).slice(0, -1) }),
    V2: (i) => ({ ...i, nodes: [...(i.nodes as string[]), (i.nodes as string[])[1]!] }),
    V3: (i) => ({ ...i, nodes: (i.nodes as string[]).map((n, j) => (j === last ? n.slice(2) : n)) }),
    V4: (i) => ({ ...i, nodes: (i.nodes as string[]).map((n, j) => (j === 0 ? `${n.slice(0, 2 * ns)}${"ff".repeat(ns)}${n.slice(4 * ns)}` : n)) }),
    V5: (i) => ({ ...i, root: flipHex(i.root as string, 2 * ns + 1) }),
  };
  // V5 first, so that V0's extra byte lands after the flipped one
  out.push(...breakerPairCases({ table: NMT_VERIFY_RANGE_RULES, base: () => p, breakers }, collect));
  return out;
}

function nmtProveNamespaceCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const fig = { namespaceSize: 1, leaves: NMT_FIGURE1_LEAVES };
  out.push(valid("Figure 1, namespace 0: inclusion [0, 2) with node 01 03 52c7c03…", { ...fig, namespace: "00" }, ["External", "Inclusion"]));
  out.push(valid("Figure 1, namespace 2: absence via leaf 3, nodes 00 00 ead8d25…, 01 01 71ca46a…", { ...fig, namespace: "02" }, ["External", "Absence"]));
  out.push(valid("Figure 1 without its first two leaves, namespace 00: below the root's minimum 01, the empty proof", { namespaceSize: 1, leaves: NMT_FIGURE1_LEAVES.slice(2), namespace: "00" }, ["Boundary"]));
  out.push(valid("Figure 1, namespace 6: outside the root's range, empty proof", { ...fig, namespace: "06" }, ["External", "EmptyProof"]));
  const leaves = hexes(randomLeaves(rng, 12, 2));
  for (const n of [0, 3, 4, 10, 11]) out.push(valid(`12 leaves, namespace 00${n.toString(16).padStart(2, "0")}`, { namespaceSize: 2, leaves, namespace: `00${n.toString(16).padStart(2, "0")}` }, ["Random"]));
  out.push(valid("empty tree", { namespaceSize: 2, leaves: [], namespace: "0000" }, ["EmptyProof", "Boundary"]));
  out.push(invalid("a namespace of the wrong size", "PARAMETER_OUT_OF_RANGE", { ...fig, namespace: "0000" }, ["Parameter"]));
  out.push(invalid("a namespace of NS − 1 bytes", "PARAMETER_OUT_OF_RANGE", { namespaceSize: 2, leaves, namespace: "00" }, ["Parameter", "Boundary"]));
  out.push(invalid("an empty namespace", "PARAMETER_OUT_OF_RANGE", { ...fig, namespace: "" }, ["Parameter", "Boundary"]));
  {
    const l32 = randomLeaves(rng, 4, 32);
    out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE): inclusion of leaf 2's namespace", { namespaceSize: 32, leaves: hexes(l32), namespace: toHex(l32[2]!.subarray(0, 32)) }, ["Boundary", "Inclusion"]));
  }
  out.push(invalid("namespace size 33 with a 33-byte namespace", "PARAMETER_OUT_OF_RANGE", { namespaceSize: 33, leaves: [], namespace: "00".repeat(33) }, ["Parameter", "Boundary"]));
  out.push(...aloneCases(NMT_PROVE_NAMESPACE_RULES, (r) => treeBreakers[r.id]!({ ...TREE_BASE, namespace: "0002" })));
  out.push(...breakerPairCases({ table: NMT_PROVE_NAMESPACE_RULES, base: () => ({ ...TREE_BASE, namespace: "0002" }), breakers: treeBreakers }, collect));
  return out;
}

function nmtVerifyNamespaceCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const ns = 2;
  const leaves = randomLeaves(rng, 12, ns);
  const root = toHex(nmtRoot(leaves, ns));
  const input = (nsHex: string): JsonObject => {
    const p = nmtProveNamespace(leaves, ns, fromHex(nsHex));
    return { namespaceSize: ns, root, leafCount: leaves.length, namespace: nsHex, start: p.start, end: p.end, nodes: hexes(p.nodes), leaves: p.kind === "inclusion" ? hexes(leaves.slice(p.start, p.end)) : [], leafHash: p.leafHash === null ? null : toHex(p.leafHash) };
  };
  const present = toHex(leaves[5]!.subarray(0, ns));
  const absentNs = `00${(leaves[5]![ns - 1]! + 1).toString(16).padStart(2, "0")}`;
  const inc = input(present);
  const abs = input(absentNs);
  out.push(valid(`inclusion of namespace ${present}`, inc, ["Inclusion"]));
  out.push(valid(`absence of namespace ${absentNs}`, abs, ["Absence"]));
  out.push(valid("namespace above the root's range: empty proof", input("00ff"), ["EmptyProof"]));
  const figLeaves = NMT_FIGURE1_LEAVES.map((h) => fromHex(h));
  const figRoot = toHex(nmtRoot(figLeaves, 1));
  const fp = nmtProveNamespace(figLeaves, 1, Uint8Array.of(2));
  out.push(valid("Figure 1, absence of namespace 2", { namespaceSize: 1, root: figRoot, leafCount: 4, namespace: "02", start: fp.start, end: fp.end, nodes: hexes(fp.nodes), leaves: [], leafHash: toHex(fp.leafHash!) }, ["External", "Absence"]));
  const incLeaves = inc.leaves as string[];
  const incNodes = inc.nodes as string[];
  const shortEnd = (inc.end as number) - 1;
  out.push(invalid("inclusion proof with the last leaf of the namespace left out", "INCOMPLETE_NAMESPACE_PROOF", { ...inc, end: shortEnd, nodes: hexes(nmtProveRange(leaves, ns, inc.start as number, shortEnd).nodes), leaves: incLeaves.slice(0, -1) }, ["Incomplete"]));
  out.push(invalid("a proven leaf's data changed", "ROOT_MISMATCH", { ...inc, leaves: incLeaves.map((l, i) => (i === 0 ? flipHex(l, ns + 2) : l)) }, ["TamperedData"]));
  out.push(invalid("a proven leaf relabelled into another namespace", "NAMESPACE_MISMATCH", { ...inc, leaves: incLeaves.map((l, i) => (i === 0 ? flipHex(l, ns - 1) : l)) }, ["TamperedData"]));
  out.push(invalid("a proof node's digest changed", "ROOT_MISMATCH", { ...inc, nodes: incNodes.map((n, i) => (i === 0 ? flipHex(n, 2 * ns + 3) : n)) }, ["TamperedProof"]));
  out.push(invalid("absence claimed for a present namespace (its first leaf's hash as the absence leaf)", "NAMESPACE_MISMATCH", { ...inc, end: (inc.start as number) + 1, leaves: [], leafHash: toHex(hashNmtLeaf(leaves[inc.start as number]!, ns)), nodes: hexes(nmtProveRange(leaves, ns, inc.start as number, (inc.start as number) + 1).nodes) }, ["Absence", "Incomplete"]));
  out.push(invalid("absence proof whose leaf hash was changed", "ROOT_MISMATCH", { ...abs, leafHash: flipHex(abs.leafHash as string, 2 * ns + 1) }, ["Absence", "TamperedProof"]));
  out.push(invalid("empty proof for a namespace inside the root's range", "INCOMPLETE_NAMESPACE_PROOF", { ...abs, start: 0, end: 0, nodes: [], leafHash: null }, ["Incomplete", "EmptyProof"]));
  out.push(invalid("empty proof carrying a node", "MALFORMED_PROOF", { ...input("00ff"), nodes: [incNodes[0]!] }, ["MalformedProof"]));
  out.push(invalid("inclusion proof with no leaves", "MALFORMED_PROOF", { ...inc, leaves: [] }, ["MalformedProof"]));
  out.push(invalid("absence proof carrying both a leaf and the leaf hash", "MALFORMED_PROOF", { ...abs, leaves: [toHex(leaves[abs.start as number]!)] }, ["MalformedProof", "Absence"]));
  out.push(invalid("absence proof over a range of two leaves", "MALFORMED_PROOF", { ...abs, end: (abs.start as number) + 2, nodes: hexes(nmtProveRange(leaves, ns, abs.start as number, (abs.start as number) + 2).nodes) }, ["MalformedProof", "Absence"]));
  out.push(invalid("absence proof whose leaf hash is one byte short", "MALFORMED_PROOF", { ...abs, leafHash: (abs.leafHash as string).slice(2) }, ["MalformedProof", "Absence"]));
  out.push(invalid("empty proof carrying a leaf hash", "MALFORMED_PROOF", { ...input("00ff"), leafHash: abs.leafHash as string }, ["MalformedProof", "EmptyProof"]));
  out.push(invalid("empty proof carrying a leaf", "MALFORMED_PROOF", { ...input("00ff"), leaves: [incLeaves[0]!] }, ["MalformedProof", "EmptyProof"]));
  out.push(invalid("inclusion proof with one node too many", "MALFORMED_PROOF", { ...inc, nodes: [...incNodes, incNodes[0]!] }, ["MalformedProof"]));
  out.push(invalid("inclusion proof with one node too few", "MALFORMED_PROOF", { ...inc, nodes: incNodes.slice(1) }, ["MalformedProof"]));
  // a proof that hides a leaf of the namespace behind a left node: prove the absent namespace's
  // successor range but skip a leaf of the queried namespace (needs a tree with repeated namespaces)
  const dup = [fromHex("0001aa"), fromHex("0002bb"), fromHex("0002cc"), fromHex("0003dd")];
  const dupRoot = nmtRoot(dup, ns);
  const partial = nmtProveRange(dup, ns, 2, 3);
  out.push(invalid("inclusion of one of two leaves of namespace 0002: a left node reaches the namespace", "INCOMPLETE_NAMESPACE_PROOF", { namespaceSize: ns, root: toHex(dupRoot), leafCount: 4, namespace: "0002", start: 2, end: 3, nodes: hexes(partial.nodes), leaves: ["0002cc"], leafHash: null }, ["Incomplete"]));

  out.push(valid("an empty tree (leafCount 0): the empty proof", { namespaceSize: ns, root: toHex(nmtRoot([], ns)), leafCount: 0, namespace: "0005", start: 0, end: 0, nodes: [], leaves: [], leafHash: null }, ["EmptyProof", "Boundary"]));
  out.push(invalid("the leaves and nodes of an inclusion proof with the empty range [start, start)", "MALFORMED_PROOF", { ...inc, end: inc.start as number }, ["MalformedProof", "Boundary"]));
  out.push(invalid("a queried namespace of NS + 1 bytes", "PARAMETER_OUT_OF_RANGE", { ...inc, namespace: `${present}00` }, ["Parameter", "Boundary"]));
  out.push(invalid("a root one byte short", "MALFORMED_PROOF", { ...inc, root: root.slice(2) }, ["MalformedProof"]));
  {
    const l32 = randomLeaves(rng, 5, 32);
    const q = l32[3]!.subarray(0, 32);
    const p32 = nmtProveNamespace(l32, 32, q);
    out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE): inclusion", { namespaceSize: 32, root: toHex(nmtRoot(l32, 32)), leafCount: 5, namespace: toHex(q), start: p32.start, end: p32.end, nodes: hexes(p32.nodes), leaves: hexes(l32.slice(p32.start, p32.end)), leafHash: null }, ["Inclusion", "Boundary"]));
  }
  out.push(...nmtVerifyNamespacePairs(rng, collect));
  return out;
}

/**
 * The pairwise cases of nmt_verify_namespace over one tree of 8 leaves (namespaces 0001 0002 0002
 * 0004 0006 0006 0008 0009): an empty, an inclusion and an absence proof, and an inclusion and an
 * absence proof that lead to the root but are incomplete (S4); each pair is built on the base whose
 * branch (S1, S2 or S3) its rules check.
 */
function nmtVerifyNamespacePairs(rng: Rng, collect: Collect): CaseSpec[] {
  const ns = 2;
  const tree = [1, 2, 2, 4, 6, 6, 8, 9].map((n) => Uint8Array.from([0, n, ...rng.bytes(3)]));
  const root = toHex(nmtRoot(tree, ns));
  const proofOf = (q: string, start: number, end: number, absence: boolean): JsonObject => ({
    namespaceSize: ns,
    root,
    leafCount: tree.length,
    namespace: q,
    start,
    end,
    nodes: hexes(nmtProveRange(tree, ns, start, end).nodes),
    leaves: absence ? [] : hexes(tree.slice(start, end)),
    leafHash: absence ? toHex(hashNmtLeaf(tree[start]!, ns)) : null,
  });
  const inc = proofOf("0006", 4, 6, false);
  const abs = proofOf("0005", 4, 5, true);
  const empty: JsonObject = { ...inc, namespace: "000a", start: 0, end: 0, nodes: [], leaves: [], leafHash: null };
  const incInc = proofOf("0002", 2, 3, false); // leaf 1 (0002) behind the left node
  const absInc = proofOf("0003", 4, 5, true); // leaf 3 (0004), the least above 0003, behind the left node
  const nodesOf = (i: JsonObject) => i.nodes as string[];
  const leavesOf = (i: JsonObject) => i.leaves as string[];
  const b: Record<string, (i: JsonObject) => JsonObject> = {
    P1: (i) => ({ ...i, namespaceSize: 33 }),
    S0: (i) => ({ ...i, namespace: `${i.namespace as string}00` }),
    V0: (i) => ({ ...i, root: `${i.root as string}00` }),
    S1a: (i) => ({ ...i, nodes: [nodesOf(inc)[0]!] }),
    S1b: (i) => ({ ...i, namespace: "0005" }),
    S2a: (i) => ({ ...i, leaves: [] }),
    S2b: (i) => ({ ...i, leaves: leavesOf(i).map((l, j) => (j === 0 ? l.slice(0, 2) : l)) }),
    // leaf 1 (leaf 0 of a one-leaf proof): a later leaf than S2b's, so that with both S2b breaks at leaf 0 and S2c at leaf 1
    S2c: (i) => ({ ...i, leaves: leavesOf(i).map((l, j, all) => (j === Math.min(1, all.length - 1) ? flipHex(l, ns - 1) : l)) }),
    S3a: (i) => ({ ...i, leaves: [toHex(tree[i.start as number]!)] }),
    S3b: (i) => ({ ...i, leafHash: `${i.namespace as string}${(i.leafHash as string).slice(2 * ns)}` }),
    V1a: (i) => ({ ...i, leafCount: i.start as number }),
    // a range one leaf longer than the given leaves (on absence proofs S3a answers first: an exclusive pair)
    V1b: (i) => ({ ...i, end: (i.end as number) + 1 }),
    V2: (i) => ({ ...i, nodes: [...nodesOf(i), nodesOf(i)[0]!] }),
    V3: (i) => ({ ...i, nodes: nodesOf(i).map((n, j, all) => (j === all.length - 1 ? n.slice(0, -2) : n)) }),
    // node 0 lies left of the range in every base: a maximum of ffff is above its sibling's minimum
    V4: (i) => ({ ...i, nodes: nodesOf(i).map((n, j) => (j === 0 ? `${n.slice(0, 2 * ns)}${"ff".repeat(ns)}${n.slice(4 * ns)}` : n)) }),
    V5: (i) => ({ ...i, root: flipHex(i.root as string, 2 * ns + 1) }),
    S4: (i) => i, // the bases incInc and absInc break it
  };
  const baseFor = (ids: readonly string[]): JsonObject => {
    const has = (...xs: string[]) => xs.some((x) => ids.includes(x));
    if (has("S1a", "S1b")) return empty;
    if (has("S4")) return has("S3a", "S3b") ? absInc : incInc;
    return has("S3a", "S3b") ? abs : inc;
  };
  const out = aloneCases(NMT_VERIFY_NAMESPACE_RULES, (r) => b[r.id]!(baseFor([r.id])));
  out.push(...breakerPairCases({ table: NMT_VERIFY_NAMESPACE_RULES, base: baseFor, breakers: b }, collect));
  // S2b and S2c go leaf by leaf: leaf 0 relabelled before leaf 1 cut short
  out.push(invalid("inclusion: leaf 0 in another namespace, leaf 1 shorter than NS: S2c of leaf 0 comes before S2b of leaf 1", "NAMESPACE_MISMATCH", { ...inc, leaves: leavesOf(inc).map((l, j) => (j === 0 ? flipHex(l, ns - 1) : l.slice(0, 2))) }, ["TamperedData", "InvalidLeaf"]));
  // the edges of S1b: the root's own minimum 0001 and maximum 0009 are inside its range
  out.push(invalid("empty proof for the root's maximum namespace 0009: inside the range", "INCOMPLETE_NAMESPACE_PROOF", { ...empty, namespace: "0009" }, ["Incomplete", "EmptyProof", "Boundary"]));
  out.push(invalid("empty proof for the root's minimum namespace 0001: inside the range", "INCOMPLETE_NAMESPACE_PROOF", { ...empty, namespace: "0001" }, ["Incomplete", "EmptyProof", "Boundary"]));
  out.push(valid("empty proof for 0000, one below the root's minimum", { ...empty, namespace: "0000" }, ["EmptyProof", "Boundary"]));
  out.push(valid("empty proof for 000a, one above the root's maximum", empty, ["EmptyProof", "Boundary"]));
  out.push(valid("inclusion of the root's maximum namespace 0009", proofOf("0009", 7, 8, false), ["Inclusion", "Boundary"]));
  out.push(valid("inclusion of the root's minimum namespace 0001", proofOf("0001", 0, 1, false), ["Inclusion", "Boundary"]));
  out.push(valid("the pairwise cases' inclusion base, namespace 0006", inc, ["Inclusion"]));
  out.push(valid("the pairwise cases' absence base, namespace 0005", abs, ["Absence"]));
  out.push(invalid("absence of 0003 proven by leaf 4 (0006), skipping leaf 3 (0004): the left node reaches 0003", "INCOMPLETE_NAMESPACE_PROOF", absInc, ["Absence", "Incomplete"]));
  return out;
}

// ---- edge cases of the range and namespace verifiers (wave-6 triage of nmt.ts survivors) ----

/**
 * Fixed trees (no seed stream, so the cases above stay byte-identical): eight leaves in namespaces
 * 0001 0002 0002 0004 0006 0006 0008 0009 (NS = 2), and one-leaf and empty trees.
 */
const EDGE_NS = 2;
const EDGE_TREE = [1, 2, 2, 4, 6, 6, 8, 9].map((n, j) => Uint8Array.from([0, n, 0xa0 + j]));
const EDGE_ROOT = toHex(nmtRoot(EDGE_TREE, EDGE_NS));

/** nmt_verify_range at the smallest tree: one leaf, no proof nodes, the root is the leaf's hash. */
function nmtVerifyRangeEdgeCases(): CaseSpec[] {
  const leaf = Uint8Array.from([0, 3, 0xaa]);
  const one = { namespaceSize: EDGE_NS, root: toHex(nmtRoot([leaf], EDGE_NS)), leafCount: 1, start: 0, end: 1, nodes: [], leaves: [toHex(leaf)] };
  return [
    // pins V1's leafCount ≥ 1 at its boundary (a verifier demanding two leaves rejects it)
    valid("a one-leaf tree (leafCount 1), range [0, 1): no nodes, the root is the leaf's hash", one, ["Boundary"]),
    invalid("a one-leaf tree with one node too many", "MALFORMED_PROOF", { ...one, nodes: [EDGE_ROOT] }, ["Boundary", "MalformedProof"]),
  ];
}

/** nmt_verify_namespace at the edges of S1–S3: empty trees, one-leaf trees, reversed and two-leaf ranges. */
function nmtVerifyNamespaceEdgeCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const base = { namespaceSize: EDGE_NS, root: EDGE_ROOT, leafCount: EDGE_TREE.length };
  // one leaf that is only its namespace (N1's boundary, |leaf| = NS) in a one-leaf tree (V1's leafCount = 1)
  const bare = Uint8Array.from([0, 3]);
  out.push(valid("a one-leaf tree whose leaf 0003 is only its namespace: inclusion of 0003, no nodes", { namespaceSize: EDGE_NS, root: toHex(nmtRoot([bare], EDGE_NS)), leafCount: 1, namespace: "0003", start: 0, end: 1, nodes: [], leaves: ["0003"], leafHash: null }, ["Inclusion", "InvalidLeaf", "Boundary"]));
  {
    // the same in the eight-leaf tree: leaves 1 and 2 (0002) cut to their namespace
    const tree = EDGE_TREE.map((l, j) => (j === 1 || j === 2 ? l.subarray(0, EDGE_NS) : l));
    out.push(valid("inclusion of 0002 whose two leaves are only their namespace (NS bytes each)", { namespaceSize: EDGE_NS, root: toHex(nmtRoot(tree, EDGE_NS)), leafCount: 8, namespace: "0002", start: 1, end: 3, nodes: hexes(nmtProveRange(tree, EDGE_NS, 1, 3).nodes), leaves: ["0002", "0002"], leafHash: null }, ["Inclusion", "InvalidLeaf", "Boundary"]));
  }
  // S1 with leafCount 0: the empty tree's root has min = max = 0000, so only the leaf count puts 0000 outside
  out.push(valid("an empty tree (leafCount 0) and namespace 0000, the empty root's own min and max: the empty proof", { namespaceSize: EDGE_NS, root: toHex(nmtRoot([], EDGE_NS)), leafCount: 0, namespace: "0000", start: 0, end: 0, nodes: [], leaves: [], leafHash: null }, ["EmptyProof", "Boundary"]));
  // S1 is start = end = 0, both: end 0 alone is no empty proof but an inclusion proof without leaves
  out.push(invalid("start 1, end 0, nothing else, namespace 000a outside the root's range: not the empty proof", "MALFORMED_PROOF", { ...base, namespace: "000a", start: 1, end: 0, nodes: [], leaves: [], leafHash: null }, ["MalformedProof", "EmptyProof", "PairwiseRules"]));
  out.push(invalid("start 0, end 1, nothing else, namespace 000a outside the root's range: not the empty proof", "MALFORMED_PROOF", { ...base, namespace: "000a", start: 0, end: 1, nodes: [], leaves: [], leafHash: null }, ["MalformedProof", "EmptyProof", "PairwiseRules"]));
  // S3a (a range of one) before S3b (the leaf hash's namespace above the queried one), both broken
  out.push(
    invalid(
      "absence of 0002 over the range [1, 3) with leaf 1's hash (namespace 0002, not above): the range of two (S3a) before the namespace (S3b)",
      "MALFORMED_PROOF",
      { ...base, namespace: "0002", start: 1, end: 3, nodes: hexes(nmtProveRange(EDGE_TREE, EDGE_NS, 1, 3).nodes), leaves: [], leafHash: toHex(hashNmtLeaf(EDGE_TREE[1]!, EDGE_NS)) },
      ["MalformedProof", "Absence", "PairwiseRules"],
    ),
  );
  out.push(
    invalid(
      "absence of 0003 over the empty range [3, 3) with leaf 3's hash (0004): S3a's range of one, not V1",
      "MALFORMED_PROOF",
      { ...base, namespace: "0003", start: 3, end: 3, nodes: [], leaves: [], leafHash: toHex(hashNmtLeaf(EDGE_TREE[3]!, EDGE_NS)) },
      ["MalformedProof", "Absence", "Boundary"],
    ),
  );
  return out;
}

/** Cases appended after an operation's own cases (built without its seed stream). */
const EDGE_CASES: Record<string, () => CaseSpec[]> = {
  nmt_verify_range: nmtVerifyRangeEdgeCases,
  nmt_verify_namespace: nmtVerifyNamespaceEdgeCases,
};

// ---- squares ----

const SMALL: SquareParams = { shareSize: 12, namespaceSize: 2 };
const DEFAULT: SquareParams = { shareSize: DEFAULT_SHARE_SIZE, namespaceSize: DEFAULT_NAMESPACE_SIZE };

/** n random shares in sorted namespaces (namespace byte 0..199, so below the reserved ones). */
export function randomShares(rng: Rng, n: number, p: SquareParams): Uint8Array[] {
  const shares = Array.from({ length: n }, () => {
    const s = rng.bytes(p.shareSize);
    s.fill(0, 0, p.namespaceSize - 1);
    s[p.namespaceSize - 1] = rng.below(200);
    return s;
  });
  return shares.sort((a, b) => a[p.namespaceSize - 1]! - b[p.namespaceSize - 1]!);
}

const paramsJson = (p: SquareParams) => ({ namespaceSize: p.namespaceSize, shareSize: p.shareSize });
const commitmentsJson = (sq: Pick<ExtendedSquare, "dataRoot" | "rowRoots" | "colRoots">) => ({ dataRoot: toHex(sq.dataRoot), rowRoots: hexes(sq.rowRoots), colRoots: hexes(sq.colRoots) });

/** The square with cell (r, c) changed after extension and all roots recomputed: a badly extended square. */
export function badlyExtended(sq: ExtendedSquare, r: number, c: number, p: SquareParams): ExtendedSquare {
  const cells = sq.cells.slice();
  const i = r * 2 * sq.k + c;
  cells[i] = flip(cells[i]!, p.shareSize - 1); // keep the namespace, change the last data byte
  return { k: sq.k, cells, ...computeSquareRoots(cells, sq.k, p.namespaceSize) };
}

function extendSquareCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const ext = (comment: string, shares: Uint8Array[], p: SquareParams, flags: string[]) => out.push(valid(comment, { ...paramsJson(p), shares: hexes(shares) }, flags));
  ext("no shares: k = 1, one padding share", [], SMALL, ["Boundary"]);
  ext("one share: k = 1", randomShares(rng, 1, SMALL), SMALL, ["Boundary"]);
  ext("3 shares: k = 2 with one padding share", randomShares(rng, 3, SMALL), SMALL, ["Random"]);
  ext("16 shares: k = 4, full", randomShares(rng, 16, SMALL), SMALL, ["Random"]);
  ext("namespace size 1, 8-byte shares, 5 shares", randomShares(rng, 5, { shareSize: 8, namespaceSize: 1 }), { shareSize: 8, namespaceSize: 1 }, ["Random", "Boundary"]);
  ext("default parameters, 4 shares", randomShares(rng, 4, DEFAULT), DEFAULT, ["DefaultParameters"]);
  const s = randomShares(rng, 4, SMALL);
  const bad = (comment: string, code: string, shares: Uint8Array[], p: SquareParams, flags: string[]) => out.push(invalid(comment, code, { ...paramsJson(p), shares: hexes(shares) }, flags));
  bad("shares out of namespace order", "NAMESPACE_ORDER", [s[3]!.map((b, i) => (i === 1 ? 250 : b)), s[0]!], SMALL, ["NamespaceOrder"]);
  bad("a share in the parity namespace", "RESERVED_NAMESPACE", [s[0]!, Uint8Array.from(s[1]!, (b, i) => (i < 2 ? 0xff : b))], SMALL, ["ReservedNamespace"]);
  bad("a share in the tail-padding namespace", "RESERVED_NAMESPACE", [s[0]!, Uint8Array.from(s[1]!, (b, i) => (i === 0 ? 0xff : i === 1 ? 0xfe : b))], SMALL, ["ReservedNamespace"]);
  bad("a share one byte short", "SIZE_MISMATCH", [s[0]!, s[1]!.subarray(1)], SMALL, ["SizeMismatch"]);
  bad("share size equal to the namespace size", "PARAMETER_OUT_OF_RANGE", [], { shareSize: 2, namespaceSize: 2 }, ["Parameter"]);
  bad("namespace size 0", "PARAMETER_OUT_OF_RANGE", [], { shareSize: 8, namespaceSize: 0 }, ["Parameter"]);
  bad("share size above MAX_SHARE_SIZE", "PARAMETER_OUT_OF_RANGE", [], { shareSize: 65_537, namespaceSize: 2 }, ["Parameter"]);
  // the ranges' edges: largest accepted and smallest rejected
  ext("share size MAX_SHARE_SIZE, no shares: k = 1, one padding share", [], { shareSize: MAX_SHARE_SIZE, namespaceSize: 2 }, ["Boundary"]);
  ext("namespace size 32 (MAX_NAMESPACE_SIZE), 33-byte shares (NS + 1), 2 shares", randomShares(rng, 2, { shareSize: 33, namespaceSize: 32 }), { shareSize: 33, namespaceSize: 32 }, ["Boundary"]);
  bad("namespace size 33", "PARAMETER_OUT_OF_RANGE", [], { shareSize: 40, namespaceSize: 33 }, ["Parameter", "Boundary"]);
  ext("a share in namespace fffd, the largest below TAIL_PADDING_NAMESPACE", [s[0]!, Uint8Array.from(s[1]!, (b, i) => (i === 0 ? 0xff : i === 1 ? 0xfd : b))], SMALL, ["ReservedNamespace", "Boundary"]);
  bad("a share one byte too long", "SIZE_MISMATCH", [s[0]!, Uint8Array.from([...s[1]!, 7])], SMALL, ["SizeMismatch"]);
  const TINY: SquareParams = { shareSize: 2, namespaceSize: 1 };
  const many = (n: number) => Array.from({ length: n }, (_, i) => Uint8Array.of(1 + Math.floor((i * 200) / n), i & 0xff));
  ext("16384 shares (MAX_SQUARE_WIDTH²): k = 128", many(MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH), TINY, ["Boundary"]);
  bad("16385 shares: one more than MAX_SQUARE_WIDTH²", "SQUARE_TOO_LARGE", many(MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH + 1), TINY, ["Boundary"]);
  // E2–E4 go share by share: share 1 below share 0 before share 2 cut short
  bad("share 1 below share 0, then share 2 one byte short: E4 of share 1 comes before E2 of share 2", "NAMESPACE_ORDER", [s[1]!, s[0]!.map((b, i) => (i < 2 ? 0 : b)), s[2]!.subarray(1)], SMALL, ["NamespaceOrder", "SizeMismatch"]);
  bad("share 0 in the parity namespace, share 1 one byte short: E3 of share 0 comes before E2 of share 1", "RESERVED_NAMESPACE", [Uint8Array.from(s[0]!, (b, i) => (i < 2 ? 0xff : b)), s[1]!.subarray(1)], SMALL, ["ReservedNamespace", "SizeMismatch"]);
  // every pair of rules at once, on three shares in 0005, 0007, 0009; the pairs with E1 on three
  // two-byte shares (namespace size 1) in 05, 07, 09, which E1's breaker pads to 16385 (small files)
  const small = { ...paramsJson(SMALL), shares: hexes([5, 7, 9].map((n) => Uint8Array.from([0, n, ...rng.bytes(SMALL.shareSize - 2)]))) };
  const tiny = { ...paramsJson(TINY), shares: hexes([5, 7, 9].map((n) => Uint8Array.of(n, 0xa0 + n))) };
  const setNs = (i: JsonObject, at: number, byte: number) => ({ ...i, shares: (i.shares as string[]).map((h, j) => (j === at ? byte.toString(16).padStart(2, "0").repeat(i.namespaceSize as number) + h.slice(2 * (i.namespaceSize as number)) : h)) });
  const eb: Record<string, (i: JsonObject) => JsonObject> = {
    P1: (i) => ({ ...i, namespaceSize: 0 }),
    P2: (i) => ({ ...i, shareSize: MAX_SHARE_SIZE + 1 }),
    P4: (i) => ({ ...i, codec: "leopard" }),
    // copies of the last share up to MAX_SQUARE_WIDTH² + 1: the later rules' breakers stay on shares 1 and 2
    E1: (i) => {
      const sh = i.shares as string[];
      return { ...i, shares: [...sh, ...Array.from({ length: MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH + 1 - sh.length }, () => sh[sh.length - 1]!)] };
    },
    E2: (i) => ({ ...i, shares: (i.shares as string[]).map((h, j) => (j === 1 ? h.slice(0, -2) : h)) }),
    E3: (i) => setNs(i, 1, 0xff),
    // share 2, a later share than E3's: with both, E3 breaks at share 1 and E4 at share 2
    E4: (i) => setNs(i, 2, 0x00),
  };
  out.push(...aloneCases({ ...EXTEND_SQUARE_RULES, rules: EXTEND_SQUARE_RULES.rules.filter((r) => r.id !== "E1") }, (r) => eb[r.id]!(small)));
  out.push(...breakerPairCases({ table: EXTEND_SQUARE_RULES, base: (ids) => (ids.includes("E1") ? tiny : small), breakers: eb }, collect));
  return out;
}

function reconstructSquareCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const make = (n: number, p: SquareParams) => extendSquare(randomShares(rng, n, p), p);
  const withhold = (sq: ExtendedSquare, keep: (r: number, c: number) => boolean, p: SquareParams): JsonObject => {
    const w = 2 * sq.k;
    return { ...paramsJson(p), dataRoot: toHex(sq.dataRoot), cells: nullableHex(sq.cells.map((x, i) => (keep(Math.floor(i / w), i % w) ? x : undefined))) };
  };
  const sq4 = make(16, SMALL);
  out.push(valid("k = 4, only Q0 present", withhold(sq4, (r, c) => r < 4 && c < 4, SMALL), ["Erasure"]));
  out.push(valid("k = 4, only Q3 present: parity alone", withhold(sq4, (r, c) => r >= 4 && c >= 4, SMALL), ["Erasure", "Boundary"]));
  out.push(valid("k = 4, a k×k square present in the worst place, then column-row-column decoding", withhold(sq4, (r, c) => (r < 4) !== (c < 4) || (r >= 4 && c >= 4 && r > 4), SMALL), ["Erasure"]));
  out.push(valid("k = 4, every cell present", withhold(sq4, () => true, SMALL), ["Boundary"]));
  out.push(valid("k = 4, half the cells at random", withhold(sq4, () => rng.chance(3, 4), SMALL), ["Erasure", "Random"]));
  const sq2 = make(3, SMALL);
  out.push(valid("k = 2, one cell per row missing", withhold(sq2, (r, c) => r !== c, SMALL), ["Erasure"]));
  const sqd = make(1, DEFAULT);
  out.push(valid("default parameters, k = 1, only the parity cell (1, 1) present", withhold(sqd, (r, c) => r === 1 && c === 1, DEFAULT), ["DefaultParameters", "Erasure"]));
  out.push(invalid("k = 4, the (k+1)×(k+1) worst pattern withheld", "UNRECOVERABLE", withhold(sq4, (r, c) => r > 4 || c > 4, SMALL), ["Unrecoverable"]));
  out.push(invalid("k = 2, fewer than k² cells present", "UNRECOVERABLE", withhold(sq2, (r, c) => r === 0 && c < 3, SMALL), ["Unrecoverable"]));
  const tampered = withhold(sq4, () => true, SMALL);
  const cells = tampered.cells as (string | null)[];
  out.push(invalid("k = 4, one parity cell changed", "INCONSISTENT_SHARES", { ...tampered, cells: cells.map((c, i) => (i === 13 ? flipHex(c!, 5) : c)) }, ["TamperedData"]));
  out.push(invalid("k = 4, the data root changed", "DATA_ROOT_MISMATCH", { ...tampered, dataRoot: flipHex(tampered.dataRoot as string, 3) }, ["TamperedData"]));
  out.push(invalid("a cell one byte short", "SIZE_MISMATCH", { ...tampered, cells: cells.map((c, i) => (i === 2 ? c!.slice(2) : c)) }, ["SizeMismatch"]));
  out.push(invalid("12 cells: not a square of a power-of-two width", "PARAMETER_OUT_OF_RANGE", { ...tampered, cells: cells.slice(0, 12) }, ["Parameter"]));
  out.push(invalid("one cell: a 1×1 square has no extension", "PARAMETER_OUT_OF_RANGE", { ...tampered, cells: cells.slice(0, 1) }, ["Parameter"]));

  // what is validated in the decoded Q0: it re-extends to every cell (C5) and is in namespace order
  // (C6, while computing the roots); the reserved namespaces of extend_square (E3) are not checked
  const q0Square = (q0: Uint8Array[], k: number) => {
    const all = extendCells(q0, k);
    let dataRoot: Uint8Array = new Uint8Array(32);
    try {
      dataRoot = computeSquareRoots(all, k, SMALL.namespaceSize).dataRoot;
    } catch {
      // out of namespace order: no roots; the case gives a zero data root
    }
    return { ...paramsJson(SMALL), dataRoot: toHex(dataRoot), cells: nullableHex(all.map((c, i) => (Math.floor(i / (2 * k)) >= k ? c : undefined))) };
  };
  const q = randomShares(rng, 4, SMALL);
  const parityNs = Uint8Array.from(q[3]!, (b, i) => (i < SMALL.namespaceSize ? 0xff : b));
  out.push(valid("decoded Q0 holding a share in the parity namespace: accepted (E3 is extend_square's rule, not reconstruction's)", q0Square([q[0]!, q[1]!, q[2]!, parityNs], 2), ["ReservedNamespace", "Erasure"]));
  out.push(invalid("decoded Q0 out of namespace order, zero data root: NAMESPACE_ORDER (C6) before DATA_ROOT_MISMATCH (C7)", "NAMESPACE_ORDER", q0Square([q[3]!.map((b, i) => (i === 1 ? 250 : b)), q[0]!, q[1]!, q[2]!], 2), ["NamespaceOrder", "PairwiseRules"]));
  const all4 = tampered;
  out.push(invalid("a cell one byte short and fewer than k² cells present: C2 before C3", "SIZE_MISMATCH", { ...all4, cells: cells.map((c, i) => (i === 0 ? c!.slice(2) : i < 10 ? c : null)) }, ["SizeMismatch", "Unrecoverable", "PairwiseRules"]));
  out.push(invalid("a parity cell changed and the data root changed: C5 before C7", "INCONSISTENT_SHARES", { ...all4, dataRoot: flipHex(all4.dataRoot as string, 3), cells: cells.map((c, i) => (i === 13 ? flipHex(c!, 5) : c)) }, ["TamperedData", "PairwiseRules"]));
  out.push(invalid("exactly k² cells present but no row or column decodable: C3 passes, C4 fails", "UNRECOVERABLE", withhold(sq4, (r, c) => r < 4 && c < 4 && (r + c) % 2 === 0 || (r >= 4 && c >= 4 && (r + c) % 2 === 0), SMALL), ["Unrecoverable", "Boundary"]));
  // a pattern that takes at least three passes of rows-then-columns decoding
  const passes = (keep: boolean[], k: number): number => {
    const w = 2 * k;
    const g = keep.slice();
    let n = 0;
    while (g.some((x) => !x)) {
      let progress = false;
      for (let axis = 0; axis < 2; axis++) {
        for (let i = 0; i < w; i++) {
          const at = (j: number) => (axis === 0 ? i * w + j : j * w + i);
          const present = Array.from({ length: w }, (_, j) => g[at(j)]).filter(Boolean).length;
          if (present === w || present < k) continue;
          for (let j = 0; j < w; j++) g[at(j)] = true;
          progress = true;
        }
      }
      n++;
      if (!progress) return -1;
    }
    return n;
  };
  let multi: boolean[] | undefined;
  for (let t = 0; t < 5000 && !multi; t++) {
    const keep = Array.from({ length: 64 }, () => rng.chance(2, 5));
    if (passes(keep, 4) >= 3) multi = keep;
  }
  if (!multi) throw new Error("reconstruct_square: no three-pass pattern found");
  out.push(valid(`k = 4, ${multi.filter(Boolean).length} cells present, decodable only after ${passes(multi, 4)} passes of rows then columns`, withhold(sq4, (r, c) => multi![r * 8 + c]!, SMALL), ["Erasure", "MultiPass"]));

  // every pair of rules broken at once (reference/da/rules.ts): breakers applied later rule first
  const unsorted = randomShares(rng, 16, SMALL).reverse();
  const unsortedCells = nullableHex(extendCells(unsorted, 4));
  const cellsOf = (x: JsonObject) => x.cells as (string | null)[];
  const at = (i: number) => [Math.floor(i / 8), i % 8] as const;
  const rb: Record<string, (x: JsonObject) => JsonObject> = {
    P1: (x) => ({ ...x, namespaceSize: 0 }),
    P2: (x) => ({ ...x, shareSize: MAX_SHARE_SIZE + 1 }),
    P4: (x) => ({ ...x, codec: "leopard" }),
    C1: (x) => ({ ...x, cells: cellsOf(x).slice(0, 12) }),
    // cell 7 = (0, 7): present under C3's and C4's withholding
    C2: (x) => ({ ...x, cells: cellsOf(x).map((c, i) => (i === 7 && c !== null ? c.slice(2) : c)) }),
    C3: (x) => ({ ...x, cells: cellsOf(x).map((c, i) => (i < 10 ? c : null)) }),
    // the (k+1)×(k+1) block of rows and columns 0–4 withheld: every row and column keeps at most k − 1 cells of it
    C4: (x) => ({ ...x, cells: cellsOf(x).map((c, i) => (at(i)[0] <= 4 && at(i)[1] <= 4 ? null : c)) }),
    C5: (x) => ({ ...x, cells: cellsOf(x).map((c, i) => (i === 13 && c !== null ? flipHex(c, 5) : c)) }),
    C6: (x) => ({ ...x, cells: unsortedCells }),
    C7: (x) => ({ ...x, dataRoot: flipHex(x.dataRoot as string, 3) }),
  };
  out.push(...breakerPairCases({ table: RECONSTRUCT_SQUARE_RULES, base: () => tampered, breakers: rb }, collect));
  // C1's three conditions one at a time: 15 cells round to a width of 4 but are no square; 36 cells
  // are a 6×6 square, 6 no power of two
  out.push(invalid("15 cells: √15 rounds to the power of two 4, but 15 ≠ 4²", "PARAMETER_OUT_OF_RANGE", { ...tampered, cells: cells.slice(0, 15) }, ["Parameter", "Boundary"]));
  out.push(invalid("36 cells: a 6×6 square, 6 not a power of two", "PARAMETER_OUT_OF_RANGE", { ...tampered, cells: [...cells, ...cells].slice(0, 36) }, ["Parameter"]));
  // C6 on leaf order itself: rows of Q0 in namespaces 001r, ffff, 002r, 003r. Sibling by sibling
  // every row passes V4 (the parity-namespace leaf 1 does not raise node (0, 1)'s maximum), but leaf 2
  // is below leaf 1 (N3); column 1 is all ffff, the other columns rise
  {
    const q0 = Array.from({ length: 16 }, (_, i) => {
      const r = Math.floor(i / 4);
      const c = i % 4;
      const x = Uint8Array.from({ length: SMALL.shareSize }, (_, b) => (b * 31 + i) & 0xff);
      x.set(c === 1 ? [0xff, 0xff] : [0, [0x10, 0, 0x20, 0x30][c]! + r]);
      return x;
    });
    out.push(invalid("decoded Q0 rows in namespaces 001r, ffff, 002r, 003r: leaf 2 below leaf 1 although every pair of siblings is in order", "NAMESPACE_ORDER", { ...paramsJson(SMALL), dataRoot: toHex(new Uint8Array(32)), cells: nullableHex(extendCells(q0, 4)) }, ["NamespaceOrder", "ReservedNamespace"]));
  }
  return out;
}

/** Breakers of P1, P2, P4 and K1–K3, shared by the fraud proof's and the sample's pairwise cases. */
const commitmentBreakers: Record<string, (i: JsonObject) => JsonObject> = {
  P1: (i) => ({ ...i, namespaceSize: 0 }),
  P2: (i) => ({ ...i, shareSize: MAX_SHARE_SIZE + 1 }),
  P4: (i) => ({ ...i, codec: "leopard" }),
  K1: (i) => ({ ...i, rowRoots: (i.rowRoots as string[]).slice(0, -1) }),
  K2a: (i) => ({ ...i, rowRoots: (i.rowRoots as string[]).map((r, j) => (j === 0 ? r.slice(0, -2) : r)) }),
  K2b: (i) => ({ ...i, dataRoot: (i.dataRoot as string).slice(0, -2) }),
  K3: (i) => ({ ...i, dataRoot: flipHex(i.dataRoot as string, 3) }),
};

/** A node with its maximum namespace raised to 0xff…ff (a left sibling then breaks V4). */
const raiseMax = (n: string, ns: number): string => `${n.slice(0, 2 * ns)}${"ff".repeat(ns)}${n.slice(4 * ns)}`;

function fraudProofCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const good = extendSquare(randomShares(rng, 16, SMALL), SMALL);
  const badQ1 = badlyExtended(good, 1, 6, SMALL); // row 1 and column 6 wrong
  const badQ0 = badlyExtended(good, 2, 1, SMALL); // an original share changed after extension
  const proof = (sq: ExtendedSquare, axis: "row" | "col", index: number) => fraudProofJson(sq, createBadEncodingProof(sq, axis, index, SMALL), SMALL);
  out.push(valid("row 1 badly extended (a Q1 cell changed), proven by its first k shares", proof(badQ1, "row", 1), ["BadEncoding"]));
  out.push(valid("column 6 badly extended, the same fault seen from the column", proof(badQ1, "col", 6), ["BadEncoding"]));
  out.push(valid("row 2 with an original share changed after extension, proof includes that share", proof(badQ0, "row", 2), ["BadEncoding"]));
  const p = proof(badQ1, "row", 1);
  const positions = [0, 2, 5, 7];
  const altShares = positions.map((j) => badQ1.cells[1 * 8 + j]!);
  const altProofs = positions.map((j) => nmtProveRange(getAxis(badQ1.cells, 4, "col", j).map((s, i) => cellLeaf(s, i, j, 4, 2)), 2, 1, 2).nodes);
  out.push(valid("row 1 proven by shares at positions 0, 2, 5, 7 (the changed cell among them)", { ...p, positions, shares: hexes(altShares), proofs: altProofs.map(hexes) }, ["BadEncoding"]));
  const sqd = extendSquare(randomShares(rng, 1, DEFAULT), DEFAULT);
  const badd = badlyExtended(sqd, 0, 1, DEFAULT);
  out.push(valid("default parameters, k = 1, row 0 badly extended", fraudProofJson(badd, createBadEncodingProof(badd, "row", 0, DEFAULT), DEFAULT), ["BadEncoding", "DefaultParameters"]));
  out.push(invalid("a proof against a correctly extended row", "AXIS_CORRECTLY_ENCODED", proof(good, "row", 1), ["WellEncoded"]));
  out.push(invalid("a proof against a correctly extended row of the bad square", "AXIS_CORRECTLY_ENCODED", proof(badQ1, "row", 3), ["WellEncoded", "BadEncoding"]));
  out.push(invalid("a proof against a correctly extended column", "AXIS_CORRECTLY_ENCODED", proof(good, "col", 7), ["WellEncoded"]));
  const shares = p.shares as string[];
  const proofs = p.proofs as string[][];
  out.push(invalid("a proven share changed", "ROOT_MISMATCH", { ...p, shares: shares.map((s, i) => (i === 1 ? flipHex(s, 4) : s)) }, ["TamperedData"]));
  out.push(invalid("a proof node changed", "ROOT_MISMATCH", { ...p, proofs: proofs.map((q, i) => (i === 2 ? q.map((n, j) => (j === 0 ? flipHex(n, 10) : n)) : q)) }, ["TamperedProof"]));
  out.push(invalid("the data root changed", "DATA_ROOT_MISMATCH", { ...p, dataRoot: flipHex(p.dataRoot as string) }, ["TamperedData"]));
  out.push(invalid("a row root changed", "DATA_ROOT_MISMATCH", { ...p, rowRoots: (p.rowRoots as string[]).map((r, i) => (i === 1 ? flipHex(r, 8) : r)) }, ["TamperedData"]));
  out.push(invalid("k − 1 shares", "MALFORMED_PROOF", { ...p, positions: positions.slice(1), shares: shares.slice(1), proofs: proofs.slice(1) }, ["MalformedProof"]));
  out.push(invalid("positions not increasing", "MALFORMED_PROOF", { ...p, positions: [1, 0, 2, 3], shares: [shares[1]!, shares[0]!, shares[2]!, shares[3]!], proofs: [proofs[1]!, proofs[0]!, proofs[2]!, proofs[3]!] }, ["MalformedProof"]));
  out.push(invalid("axis index 8 in a square of width 8", "INDEX_OUT_OF_RANGE", { ...p, index: 8 }, ["IndexOutOfRange"]));
  out.push(invalid("a share one byte short", "SIZE_MISMATCH", { ...p, shares: shares.map((s, i) => (i === 0 ? s.slice(2) : s)) }, ["SizeMismatch"]));
  out.push(invalid("three row roots for four column roots", "MALFORMED_PROOF", { ...p, rowRoots: (p.rowRoots as string[]).slice(0, 3) }, ["MalformedProof"]));
  // F3's counts one at a time (the others right), duplicate and out-of-square positions, F5's range
  out.push(invalid("k + 1 positions for k shares and k proofs", "MALFORMED_PROOF", { ...p, positions: [0, 1, 2, 3, 4] }, ["MalformedProof"]));
  out.push(invalid("k + 1 shares for k positions and k proofs", "MALFORMED_PROOF", { ...p, shares: [...shares, shares[0]!] }, ["MalformedProof"]));
  out.push(invalid("k + 1 proofs for k positions and k shares", "MALFORMED_PROOF", { ...p, proofs: [...proofs, proofs[0]!] }, ["MalformedProof"]));
  out.push(invalid("position 0 twice", "MALFORMED_PROOF", { ...p, positions: [0, 0, 1, 2], shares: [shares[0]!, shares[0]!, shares[1]!, shares[2]!], proofs: [proofs[0]!, proofs[0]!, proofs[1]!, proofs[2]!] }, ["MalformedProof"]));
  out.push(invalid("last position 8 = 2k, outside the square", "MALFORMED_PROOF", { ...p, positions: [0, 1, 2, 8] }, ["MalformedProof", "Boundary"]));
  // a committed row whose parity half decodes to original shares out of namespace order: the decoded
  // row has no NMT, so no committed root can be its root and the proof is valid
  {
    const k = 4;
    const w = 8;
    const q = randomShares(rng, 4, SMALL).reverse();
    const parity = rsEncode(q, k);
    const cells = good.cells.slice();
    for (let c = 0; c < k; c++) cells[1 * w + k + c] = parity[c]!;
    const sq: ExtendedSquare = { k, cells, ...computeSquareRoots(cells, k, SMALL.namespaceSize) };
    const pos = [4, 5, 6, 7];
    const prf = pos.map((j) => nmtProveRange(getAxis(cells, k, "col", j).map((x, r) => cellLeaf(x, r, j, k, 2)), 2, 1, 2).nodes);
    const base = fraudProofJson(sq, createBadEncodingProof(sq, "row", 1, SMALL), SMALL);
    out.push(valid("row 1's parity half decodes to original shares out of namespace order: the decoded row has no NMT root (F6)", { ...base, positions: pos, shares: hexes(pos.map((j) => cells[1 * w + j]!)), proofs: prf.map(hexes) }, ["BadEncoding", "NamespaceOrder"]));
  }
  // the edges: the last column of the square badly extended
  const badLast = badlyExtended(good, 3, 7, SMALL);
  out.push(valid("column 7 (= 2k − 1) badly extended", proof(badLast, "col", 7), ["BadEncoding", "Boundary"]));
  // F4 checks every share before F5 checks any proof; F5 goes share by share
  out.push(invalid("share 3 one byte short and share 0's proof node changed: every share's size (F4) before any proof (F5)", "SIZE_MISMATCH", { ...p, shares: shares.map((x, i) => (i === 3 ? x.slice(2) : x)), proofs: proofs.map((q, i) => (i === 0 ? q.map((n, j) => (j === 0 ? flipHex(n, 10) : n)) : q)) }, ["SizeMismatch", "TamperedProof"]));
  out.push(invalid("share 0's proof leads to another root, share 1's proof a node short: F5 of share 0 comes before F5 of share 1", "ROOT_MISMATCH", { ...p, proofs: proofs.map((q, i) => (i === 0 ? q.map((n, j) => (j === 0 ? flipHex(n, 10) : n)) : i === 1 ? q.slice(1) : q)) }, ["TamperedProof", "MalformedProof"]));
  // share 0's proof with its left node's maximum raised (V4 inside F5): the case "breaks F5c alone" below
  // every pair of rules at once, on the proof of row 1 of the bad square (the proof of row 1 of the good square for F6)
  const good1 = proof(good, "row", 1);
  const ns = SMALL.namespaceSize;
  const proofsOf = (i: JsonObject) => i.proofs as string[][];
  const onProof0 = (i: JsonObject, f: (q: string[]) => string[]) => ({ ...i, proofs: proofsOf(i).map((q, j) => (j === 0 ? f(q) : q)) });
  const fb: Record<string, (i: JsonObject) => JsonObject> = {
    ...commitmentBreakers,
    F2: (i) => ({ ...i, index: 8 }),
    F3a: (i) => ({ ...i, positions: (i.positions as number[]).slice(0, -1) }),
    F3b: (i) => ({ ...i, positions: (i.positions as number[]).map((x, j, all) => (j === 0 ? all[1]! : j === 1 ? all[0]! : x)) }),
    F4: (i) => ({ ...i, shares: (i.shares as string[]).map((x, j) => (j === 0 ? x.slice(0, -2) : x)) }),
    F5a: (i) => onProof0(i, (q) => [...q, q[0]!]),
    F5b: (i) => onProof0(i, (q) => q.map((n, j) => (j === 0 ? n.slice(0, -2) : n))),
    F5c: (i) => onProof0(i, (q) => q.map((n, j) => (j === 0 ? raiseMax(n, ns) : n))),
    F5d: (i) => onProof0(i, (q) => q.map((n, j) => (j === q.length - 1 ? flipHex(n, 2 * ns + 5) : n))),
    F6: (i) => i,
  };
  out.push(...aloneCases(VERIFY_FRAUD_PROOF_RULES, (r) => fb[r.id]!(r.id === "F6" ? good1 : p)));
  out.push(...breakerPairCases({ table: VERIFY_FRAUD_PROOF_RULES, base: (ids) => (ids.includes("F6") ? good1 : p), breakers: fb }, collect));
  out.push(...fraudProofColumnCases(good, badQ0, proof));
  return out;
}

/**
 * Column proofs of columns c < k (every other column proof is of a column ≥ k, whose cells all
 * carry the parity namespace): a share at row r < k is proven in row r's tree under its own
 * namespace, one at row r ≥ k under the parity namespace, so the verifier must place share i at
 * cell (positions[i], c), not (c, positions[i]) nor anywhere else.
 */
function fraudProofColumnCases(good: ExtendedSquare, badQ0: ExtendedSquare, proof: (sq: ExtendedSquare, axis: "row" | "col", index: number) => JsonObject): CaseSpec[] {
  const k = good.k;
  const w = 2 * k;
  const ns = SMALL.namespaceSize;
  const rows = [1, 2, 4, 7]; // two in Q0 (row 2 the changed share), two in Q2
  const rowProofs = rows.map((r) => nmtProveRange(getAxis(badQ0.cells, k, "row", r).map((s, c) => cellLeaf(s, r, c, k, ns)), ns, 1, 2).nodes);
  return [
    valid("column 1 (< k) badly extended (original share (2, 1) changed), proven by its first k shares, all in Q0", proof(badQ0, "col", 1), ["BadEncoding", "Boundary"]),
    valid("column 1 proven by rows 1, 2, 4, 7: two Q0 shares under their namespaces, two Q2 shares under the parity namespace", { ...proof(badQ0, "col", 1), positions: rows, shares: hexes(rows.map((r) => badQ0.cells[r * w + 1]!)), proofs: rowProofs.map(hexes) }, ["BadEncoding"]),
    invalid("a proof against the correctly extended column 0: its Q0 shares proven, then F6", "AXIS_CORRECTLY_ENCODED", proof(good, "col", 0), ["WellEncoded", "Boundary"]),
  ];
}

function sampleCases(rng: Rng, collect: Collect): CaseSpec[] {
  const out: CaseSpec[] = [];
  const sq = extendSquare(randomShares(rng, 11, SMALL), SMALL);
  const sample = (s: ExtendedSquare, r: number, c: number, p: SquareParams): JsonObject => {
    const x = createSample(s, r, c, p);
    return { ...paramsJson(p), ...commitmentsJson(s), row: r, col: c, share: toHex(x.share), nodes: hexes(x.proof.nodes) };
  };
  for (const [r, c] of [[0, 0], [2, 3], [1, 6], [5, 2], [7, 7]] as const) out.push(valid(`k = 4, cell (${r}, ${c}) in Q${(r >= 4 ? 2 : 0) + (c >= 4 ? 1 : 0)}`, sample(sq, r, c, SMALL), r === 7 && c === 7 ? ["Boundary"] : []));
  for (let i = 0; i < 2; i++) {
    const r = rng.below(8);
    const c = rng.below(8);
    out.push(valid(`k = 4, random cell (${r}, ${c})`, sample(sq, r, c, SMALL), ["Random"]));
  }
  const sqd = extendSquare(randomShares(rng, 2, DEFAULT), DEFAULT);
  out.push(valid("default parameters, k = 2, cell (3, 1)", sample(sqd, 3, 1, DEFAULT), ["DefaultParameters"]));
  const s = sample(sq, 2, 3, SMALL);
  const nodes = s.nodes as string[];
  out.push(invalid("the share's data changed", "ROOT_MISMATCH", { ...s, share: flipHex(s.share as string, 6) }, ["TamperedData"]));
  out.push(invalid("the share's namespace changed", "ROOT_MISMATCH", { ...s, share: flipHex(s.share as string, 1) }, ["TamperedData"]));
  out.push(invalid("a proof node changed", "ROOT_MISMATCH", { ...s, nodes: nodes.map((n, i) => (i === 1 ? flipHex(n, 12) : n)) }, ["TamperedProof"]));
  out.push(invalid("the share and proof of cell (2, 3) claimed for cell (3, 3)", "ROOT_MISMATCH", { ...s, row: 3 }, ["TamperedProof"]));
  out.push(invalid("the data root changed", "DATA_ROOT_MISMATCH", { ...s, dataRoot: flipHex(s.dataRoot as string, 31) }, ["TamperedData"]));
  out.push(invalid("row 8 of a square of width 8", "INDEX_OUT_OF_RANGE", { ...s, row: 8 }, ["IndexOutOfRange"]));
  out.push(invalid("a proof node missing", "MALFORMED_PROOF", { ...s, nodes: nodes.slice(1) }, ["MalformedProof"]));
  out.push(invalid("a share of one byte", "SIZE_MISMATCH", { ...s, share: "00" }, ["SizeMismatch"]));
  out.push(invalid("six row roots", "MALFORMED_PROOF", { ...s, rowRoots: (s.rowRoots as string[]).slice(0, 6), colRoots: (s.colRoots as string[]).slice(0, 6) }, ["MalformedProof"]));
  // K1 and K2 one condition at a time, the data root recomputed over the given roots so that K3 holds
  const withRoots = (rowRoots: string[], colRoots: string[], dataRoot?: string): JsonObject => ({ ...s, rowRoots, colRoots, dataRoot: dataRoot ?? toHex(computeDataRoot(rowRoots.map((h) => fromHex(h)), colRoots.map((h) => fromHex(h)))) });
  const rr = s.rowRoots as string[];
  const cr = s.colRoots as string[];
  out.push(invalid("8 row roots and 4 column roots, the data root over them", "MALFORMED_PROOF", withRoots(rr, cr.slice(0, 4)), ["MalformedProof"]));
  out.push(invalid("no roots at all, the data root of the empty list", "MALFORMED_PROOF", withRoots([], []), ["MalformedProof", "Boundary"]));
  const fake = (n: number) => Array.from({ length: n }, () => toHex(rng.bytes(2 * SMALL.namespaceSize + 32)));
  out.push(invalid("512 row and 512 column roots (k = 256 > MAX_SQUARE_WIDTH), the data root over them, row 600", "MALFORMED_PROOF", { ...withRoots(fake(512), fake(512)), row: 600 }, ["MalformedProof", "Boundary"]));
  out.push(invalid("row root 5 one byte short, the data root over the roots; the sample is in row 2", "MALFORMED_PROOF", withRoots(rr.map((r, i) => (i === 5 ? r.slice(2) : r)), cr), ["MalformedProof"]));
  out.push(invalid("column root 0 one byte too long, the data root over the roots", "MALFORMED_PROOF", withRoots(rr, cr.map((r, i) => (i === 0 ? `${r}00` : r))), ["MalformedProof"]));
  out.push(invalid("a 31-byte data root", "MALFORMED_PROOF", { ...s, dataRoot: (s.dataRoot as string).slice(2) }, ["MalformedProof"]));
  // the largest square K1 admits: k = 128, 256 row roots; row 0 is a real row (its encoding is not
  // checked by sampling), every other root is random, the data root is over them all
  {
    const k = 128;
    const w = 256;
    const row = [...randomShares(rng, k, SMALL), ...Array.from({ length: k }, () => rng.bytes(SMALL.shareSize))];
    const leaves = row.map((x, c) => cellLeaf(x, 0, c, k, SMALL.namespaceSize));
    const rowRoots = [toHex(nmtRoot(leaves, SMALL.namespaceSize)), ...fake(w - 1)];
    const colRoots = fake(w);
    out.push(valid("k = 128 (MAX_SQUARE_WIDTH): 256 row and column roots, cell (0, 200)", { ...withRoots(rowRoots, colRoots), row: 0, col: 200, share: toHex(row[200]!), nodes: hexes(nmtProveRange(leaves, SMALL.namespaceSize, 200, 201).nodes) }, ["Boundary"]));
  }
  out.push(invalid("column 8 of a square of width 8", "INDEX_OUT_OF_RANGE", { ...s, col: 8 }, ["IndexOutOfRange", "Boundary"]));
  out.push(invalid("a share one byte too long", "SIZE_MISMATCH", { ...s, share: `${s.share as string}00` }, ["SizeMismatch"]));
  out.push(invalid("a proof node too many", "MALFORMED_PROOF", { ...s, nodes: [...nodes, nodes[0]!] }, ["MalformedProof"]));
  out.push(invalid("a proof node one byte short", "MALFORMED_PROOF", { ...s, nodes: nodes.map((n, i) => (i === 0 ? n.slice(0, -2) : n)) }, ["MalformedProof"]));
  // the left proof node's maximum raised (V4 inside A3): the case "breaks A3c alone" below
  {
    const p32: SquareParams = { shareSize: 33, namespaceSize: 32 };
    out.push(valid("namespace size 32 (MAX_NAMESPACE_SIZE), 33-byte shares (NS + 1), k = 2, cell (1, 2)", sample(extendSquare(randomShares(rng, 4, p32), p32), 1, 2, p32), ["Boundary"]));
    const pmax: SquareParams = { shareSize: MAX_SHARE_SIZE, namespaceSize: 2 };
    out.push(valid("share size MAX_SHARE_SIZE, k = 1, cell (1, 0)", sample(extendSquare([], pmax), 1, 0, pmax), ["Boundary"]));
    out.push(invalid("namespace size 33", "PARAMETER_OUT_OF_RANGE", { ...s, namespaceSize: 33 }, ["Parameter", "Boundary"]));
    out.push(invalid("share size NS (2)", "PARAMETER_OUT_OF_RANGE", { ...s, shareSize: 2 }, ["Parameter", "Boundary"]));
  }
  const ab: Record<string, (i: JsonObject) => JsonObject> = {
    ...commitmentBreakers,
    A1: (i) => ({ ...i, row: 8 }),
    A2: (i) => ({ ...i, share: (i.share as string).slice(0, -2) }),
    A3a: (i) => ({ ...i, nodes: [...(i.nodes as string[]), (i.nodes as string[])[0]!] }),
    A3b: (i) => ({ ...i, nodes: (i.nodes as string[]).map((n, j) => (j === 0 ? n.slice(0, -2) : n)) }),
    A3c: (i) => ({ ...i, nodes: (i.nodes as string[]).map((n, j) => (j === 0 ? raiseMax(n, SMALL.namespaceSize) : n)) }),
    A3d: (i) => ({ ...i, nodes: (i.nodes as string[]).map((n, j, all) => (j === all.length - 1 ? flipHex(n, 2 * SMALL.namespaceSize + 5) : n)) }),
  };
  out.push(...aloneCases(VERIFY_SAMPLE_RULES, (r) => ab[r.id]!(s)));
  out.push(...breakerPairCases({ table: VERIFY_SAMPLE_RULES, base: () => s, breakers: ab }, collect));
  return out;
}

/** Operation name → seed label and cases; `collect` receives each operation's pairwise construction. */
export function daCases(collect?: (p: BreakerPairs) => void): Record<string, { seed: string; cases: CaseSpec[] }> {
  const gen = (name: string, f: (rng: Rng, collect: Collect) => CaseSpec[]) => {
    const seed = `pwo/da/vectors/${name}/v1`;
    const cases: CaseSpec[] = [...f(new Rng(seed), collect), ...(EDGE_CASES[name]?.() ?? [])];
    return [name, { seed, cases }] as const;
  };
  return Object.fromEntries([
    gen("rs_encode", rsEncodeCases),
    gen("rs_reconstruct", rsReconstructCases),
    gen("nmt_root", nmtRootCases),
    gen("nmt_prove_range", nmtProveRangeCases),
    gen("nmt_verify_range", nmtVerifyRangeCases),
    gen("nmt_prove_namespace", nmtProveNamespaceCases),
    gen("nmt_verify_namespace", nmtVerifyNamespaceCases),
    gen("extend_square", extendSquareCases),
    gen("reconstruct_square", reconstructSquareCases),
    gen("verify_fraud_proof", fraudProofCases),
    gen("verify_sample", sampleCases),
  ]);
}
