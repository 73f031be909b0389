/**
 * The shreds vector cases (CONTRIBUTING.md step 4): valid and invalid inputs for every operation,
 * each rule broken alone and every pair of rules at once (pairwiseCases), boundaries, adversarial
 * shapes. Expected answers are computed by the reference; `expect` is the author's intent.
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Rule } from "../../reference/common/rules.js";
import { Rng } from "../../reference/common/rng.js";
import { toHex } from "../../reference/common/hex.js";
import {
  capacity,
  CHECK_DUPLICATE_PROOF_RULES,
  DESHRED_RULES,
  encodeDuplicateProof,
  finishFecSet,
  layout,
  merkleLeaf,
  merkleProof,
  merkleTree,
  PROOF_SIZE,
  RECOVER_FEC_SET_RULES,
  SHRED_BLOCK_RULES,
  TURBINE_TREE_RULES,
  VERIFY_MERKLE_PROOF_RULES,
  VERIFY_SHRED_RULES,
} from "../../reference/shreds/index.js";
import * as REF from "../../reference/shreds/index.js";
import { reedSolomon } from "../../reference/da/reed-solomon.js";
import { pairwiseCases } from "../harness/rules.js";
import type { JsonObject } from "../harness/operation.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { LEADER, OTHER_LEADER, resign, setU16, setU32, setU64, setU8, shredFixture } from "./fixtures.js";

export const SHREDS_FLAGS: Record<string, string> = {
  Valid: "a well-formed input the reference accepts",
  Agave: "a payload or input taken from Agave's public unit tests",
  Boundary: "the largest accepted or smallest rejected value of a range",
  SingleRule: "breaks exactly one rule of the operation's table",
  PairwiseRules: "breaks two rules of the table at once; the earlier one answers",
  Adversarial: "an input shaped to slip past a sloppy check (one entry too many, surplus corrupt shards…)",
  Resigned: "a last-in-slot (resigned) FEC set with a retransmitter signature",
  Chaining: "exercises the chained Merkle root across FEC sets",
  Erasures: "a FEC set with some shreds missing",
};

const h = toHex;
const cap = capacity("data", PROOF_SIZE, false);

// ---- fixtures ----

/** One FEC set of a middle-of-slot block (not resigned) and one of a last-in-slot block (resigned). */
// built on first use, never at import (see arbitraries.ts): a mutant of the shredder must fail vectors, not the import
let cached: { MID: ReturnType<typeof shredFixture>; LAST: ReturnType<typeof shredFixture>; midSet: Uint8Array[]; lastSet: Uint8Array[] } | undefined;
function fixtures(): NonNullable<typeof cached> {
  if (!cached) {
    const MID = shredFixture("mid", 40_000, { isLastInSlot: false, nextShredIndex: 64, nextCodeIndex: 64 });
    const LAST = shredFixture("last", 3_000, { isLastInSlot: true });
    cached = { MID, LAST, midSet: MID.fecSets[0]!, lastSet: LAST.fecSets[0]! };
  }
  return cached;
}
const copy = (p: Uint8Array) => p.slice();

// ---- verify_shred ----

type Mut = (p: Uint8Array) => void;
const SHRED_MUTATIONS: Record<string, { kind?: "data" | "code"; mut: Mut; late?: boolean }> = {
  V1: { mut: (p) => setU8(p, 64, (p[64]! & 0x60) === 0x60 && (p[64]! & 0x80) === 0 ? 0x40 | PROOF_SIZE : 0x80 | PROOF_SIZE), late: true },
  V2: { mut: () => undefined, late: true }, // applied as an appended byte, below
  V3: { mut: (p) => setU8(p, 64, (p[64]! & 0xf0) | 5), late: true },
  V4: { kind: "code", mut: (p) => setU16(p, 83, 31) },
  V5: { mut: (p) => { const pos = (p[64]! & 0x80) !== 0 ? new DataView(p.buffer).getUint32(73, true) - new DataView(p.buffer).getUint32(79, true) : 0; setU32(p, 79, 32_760); if ((p[64]! & 0x80) !== 0) setU32(p, 73, 32_760 + pos); } },
  V6: { mut: (p) => ((p[64]! & 0x80) !== 0 ? setU32(p, 73, new DataView(p.buffer).getUint32(79, true) + 40) : setU16(p, 87, 40)) },
  V7: { kind: "data", mut: (p) => setU8(p, 85, 0x80 | 5) },
  V8: { kind: "data", mut: (p) => setU16(p, 86, 87) },
  V9: { kind: "data", mut: (p) => setU16(p, 83, 0) },
  V10: { mut: () => undefined },
};

/** A shred breaking the given rules (a data shred unless a rule needs a coding one). */
function breakShred(ids: readonly string[]): JsonObject {
  const { midSet } = fixtures();
  const kind = ids.map((id) => SHRED_MUTATIONS[id]!.kind).find((k) => k !== undefined) ?? "data";
  const p = copy(kind === "data" ? midSet[3]! : midSet[32 + 3]!);
  for (const id of ids) if (!SHRED_MUTATIONS[id]!.late) SHRED_MUTATIONS[id]!.mut(p);
  resign(p, ids.includes("V10") ? OTHER_LEADER.secret : LEADER.secret);
  for (const id of ids) if (SHRED_MUTATIONS[id]!.late) SHRED_MUTATIONS[id]!.mut(p);
  const payload = ids.includes("V2") ? Uint8Array.from([...p, 0]) : p;
  return { payload: h(payload), leader: h(LEADER.pubkey) };
}

const shredIn = (p: Uint8Array, leader = LEADER.pubkey): JsonObject => ({ payload: h(p), leader: h(leader) });
function mutated(base: Uint8Array, mut: Mut): Uint8Array {
  const p = copy(base);
  mut(p);
  return resign(p, LEADER.secret);
}

/** Agave test_serde_compat_shred_data's payload and the key its test derives (interop.test.ts rebuilds it). */
function agavePayload(): JsonObject {
  // rebuilt rather than pasted: the interop test checks these bytes equal Agave's published payload
  const rng = new REF.ChaCha20Rng(new Uint8Array(32).fill(1));
  const secret = rng.fillBytes(32);
  const data = rng.fillBytes(4096);
  const out = REF.shredBlock(data, { slot: 142076266n, parentSlot: 142076265n, version: 42, referenceTick: 0, isLastInSlot: false, chainedMerkleRoot: new Uint8Array(32), nextShredIndex: 64, nextCodeIndex: 64, leaderSecret: secret });
  return shredIn(out.fecSets[0]![0]!, ed25519.getPublicKey(secret));
}
/**
 * A shred "signed" under the small-order leader key A = identity with R = identity and S = 0:
 * [8]([S]B − R − [k]A) = 0 for any k, so a ZIP-215 (cofactored, small-order-accepting) verifier
 * accepts it over any root; the spec's verification (V10: RFC 8032 with canonical encodings and
 * small-order keys rejected) does not.
 */
function smallOrderLeader(base: Uint8Array): JsonObject {
  const identity = new Uint8Array(32);
  identity[0] = 1; // y = 1, x = 0
  const p = copy(base);
  p.set(identity, 0);
  p.fill(0, 32, 64);
  return shredIn(p, identity);
}
function verifyShredCases(): CaseSpec[] {
  const { MID, LAST, midSet, lastSet } = fixtures();
  const valid = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags: ["Valid", ...flags], input, expect: "valid" });
  const bad = (comment: string, input: JsonObject, expect: string, flags: string[] = []): CaseSpec => ({ comment, flags, input, expect });
  const fullData = MID.fecSets[0]![0]!; // a full data buffer: size = 88 + capacity
  return [
    valid("the first data shred of a middle FEC set (full data buffer, size = 88 + 963)", shredIn(fullData), ["Boundary"]),
    valid("the last data shred of the block (DATA_COMPLETE)", shredIn(MID.fecSets[MID.fecSets.length - 1]![31]!)),
    valid("an empty padding data shred (size = 88)", shredIn(LAST.fecSets[0]![30]!), ["Boundary"]),
    valid("a coding shred at position 0", shredIn(midSet[32]!)),
    valid("a coding shred at position 31", shredIn(midSet[63]!), ["Boundary"]),
    valid("the LAST_IN_SLOT data shred of a resigned set", shredIn(lastSet[31]!), ["Resigned"]),
    valid("a resigned coding shred with a non-zero retransmitter signature (not covered by the leader's signature)", shredIn((() => { const p = copy(lastSet[40]!); p.set(new Rng("pwo/shreds/vectors/retransmitter").bytes(64), layout("code", PROOF_SIZE, true).retransmitterSignature); return p; })()), ["Resigned"]),
    valid("Agave test_serde_compat_shred_data: the payload its test publishes, under the key it derives", agavePayload(), ["Agave"]),
    valid("parent_offset = slot (the parent is slot 0): the largest accepted offset", shredIn(mutated(fullData, (p) => setU16(p, 83, 1000))), ["Boundary"]),
    bad("parent_offset = slot + 1: the smallest rejected offset", shredIn(mutated(fullData, (p) => setU16(p, 83, 1001))), "INVALID_PARENT", ["Boundary"]),
    valid("slot 0 with parent_offset 0 (genesis is its own parent)", shredIn(mutated(fullData, (p) => { setU64(p, 65, 0n); setU16(p, 83, 0); })), ["Boundary"]),
    valid("fec_set_index 32736, index 32767: the last data index a slot allows", shredIn(mutated(midSet[31]!, (p) => { setU32(p, 79, 32_736); setU32(p, 73, 32_767); })), ["Boundary"]),
    bad("fec_set_index 32737: its set's last data index would be 32768", shredIn(mutated(midSet[0]!, (p) => { setU32(p, 79, 32_737); setU32(p, 73, 32_737); })), "INDEX_OUT_OF_RANGE", ["Boundary"]),
    bad("a coding shred whose set's coding indices reach 32768 (index − position + 31 = 32768)", shredIn(mutated(midSet[32]!, (p) => setU32(p, 73, 32_737))), "INDEX_OUT_OF_RANGE", ["Boundary"]),
    bad("size = 88 + 963 + 1: one byte past the data buffer", shredIn(mutated(fullData, (p) => setU16(p, 86, 88 + cap + 1))), "INVALID_DATA_SIZE", ["Boundary"]),
    bad("index − fec_set_index = 32: the first position past the set", shredIn(mutated(midSet[0]!, (p) => setU32(p, 73, 64 + 32))), "INVALID_ERASURE_INDEX", ["Boundary"]),
    bad("index below fec_set_index", shredIn(mutated(midSet[0]!, (p) => setU32(p, 73, 63))), "INVALID_ERASURE_INDEX"),
    bad("coding position 32 = num_coding", shredIn(mutated(midSet[32]!, (p) => setU16(p, 87, 32))), "INVALID_ERASURE_INDEX", ["Boundary"]),
    bad("flags 0x80: LAST_IN_SLOT's high bit without DATA_COMPLETE", shredIn(mutated(fullData, (p) => setU8(p, 85, 0x80))), "INVALID_FLAGS"),
    bad("proof size 7 (a 128-leaf tree)", shredIn(mutated(fullData, (p) => setU8(p, 64, 0x97))), "INVALID_PROOF_SIZE", ["Boundary"]),
    bad("an unchained Merkle data variant 0x86 (not accepted: every set is chained)", shredIn(mutated(fullData, (p) => setU8(p, 64, 0x86))), "INVALID_VARIANT"),
    bad("a legacy data variant 0xa5", shredIn(mutated(fullData, (p) => setU8(p, 64, 0xa5))), "INVALID_VARIANT"),
    bad("an empty payload", { payload: "", leader: h(LEADER.pubkey) }, "INVALID_VARIANT"),
    bad("a 64-byte payload (the signature only)", shredIn(fullData.slice(0, 64)), "INVALID_VARIANT", ["Boundary"]),
    bad("a data shred one byte short (1202)", shredIn(fullData.slice(0, 1202)), "PAYLOAD_SIZE", ["Boundary"]),
    bad("a coding shred of data-shred size (1203)", shredIn(midSet[32]!.slice(0, 1203)), "PAYLOAD_SIZE", ["Adversarial"]),
    bad("num_data 33", shredIn(mutated(midSet[32]!, (p) => setU16(p, 83, 33))), "FEC_SHAPE"),
    bad("num_coding 33 with num_data 32: the coding count is checked too", shredIn(mutated(midSet[32]!, (p) => setU16(p, 85, 33))), "FEC_SHAPE", ["Adversarial"]),
    bad("a data shred of FEC set 32736 at index 32768 (position 32): the index bound answers before the position", shredIn(mutated(midSet[31]!, (p) => { setU32(p, 79, 32_736); setU32(p, 73, 32_768); })), "INDEX_OUT_OF_RANGE", ["Boundary"]),
    valid("a coding shred at position 4 with index 32740: its set's coding indices 32736..32767 end at the last a slot allows", shredIn(mutated(midSet[32 + 4]!, (p) => setU32(p, 73, 32_740))), ["Boundary"]),
    bad("a coding shred at position 4 with index 3: the set's first coding index would be negative", shredIn(mutated(midSet[32 + 4]!, (p) => setU32(p, 73, 3))), "INVALID_ERASURE_INDEX", ["Adversarial"]),
    bad("leader = the identity point (small order), signature R = identity, S = 0: the equation holds for every message, cofactored or not, so RFC 8032 §5.1.7 as written and ZIP 215 both accept it; the spec's rule (canonical A and R, S < L, the cofactored equation, a small-order A rejected: noble-curves zip215: false) rejects it for the small-order key alone", smallOrderLeader(fullData), "INVALID_SIGNATURE", ["Adversarial"]),
    bad("signed by another leader", shredIn(resign(copy(fullData), OTHER_LEADER.secret)), "INVALID_SIGNATURE"),
    bad("a data byte changed after signing", shredIn((() => { const p = copy(fullData); p[500]! ^= 1; return p; })()), "INVALID_SIGNATURE", ["Adversarial"]),
    bad("a proof entry changed after signing", shredIn((() => { const p = copy(fullData); p[layout("data", PROOF_SIZE, false).proof]! ^= 1; return p; })()), "INVALID_SIGNATURE", ["Adversarial"]),
    ...VERIFY_SHRED_RULES.rules.map((r): CaseSpec => ({ comment: `breaks ${r.id} alone`, flags: ["SingleRule"], input: breakShred([r.id]), expect: r.code })),
    ...pairwiseCases(VERIFY_SHRED_RULES, (a: Rule, b: Rule) => breakShred([a.id, b.id])),
  ];
}

// ---- verify_merkle_proof ----

function merkleCases(): CaseSpec[] {
  const leaves = Array.from({ length: 64 }, (_, i) => merkleLeaf(new Rng(`pwo/shreds/vectors/leaf/${i}`).bytes(40)));
  const tree = merkleTree(leaves);
  const root = tree[tree.length - 1]!;
  const odd = leaves.slice(0, 37);
  const oddTree = merkleTree(odd);
  const input = (i: number, proof: Uint8Array[], o: Partial<{ leaf: Uint8Array; count: number; root: Uint8Array }> = {}): JsonObject => ({ leafHash: h(o.leaf ?? leaves[i]!), index: i, leafCount: o.count ?? 64, proof: proof.map(h), root: h(o.root ?? root) });
  const pf = (i: number) => merkleProof(tree, i, 64);
  /** Leaf `i` of a tree of `count` leaves, with seeded entries (⌈log2 count⌉ of them) and the root they lead to. */
  const huge = (count: number, i: number): JsonObject => {
    const r = new Rng(`pwo/shreds/vectors/merkle/huge/${count}`);
    const proof = Array.from({ length: REF.proofSize(count) }, () => r.bytes(20));
    return input(i, proof, { leaf: leaves[0]!, count, root: REF.rootFromProof(i, leaves[0]!, proof) });
  };
  const breakers: Record<string, (x: { i: number; proof: Uint8Array[]; count: number; root: Uint8Array; leaf: Uint8Array }) => void> = {
    M1: (x) => { x.proof[2] = x.proof[2]!.slice(0, 19); },
    M2: (x) => { x.i = 64; x.leaf = leaves[0]!; },
    M3: (x) => { x.proof.push(x.proof[0]!); },
    M4: (x) => { x.root = sha256(x.root); },
  };
  const broken = (ids: string[]): JsonObject => {
    const x = { i: 5, proof: pf(5), count: 64, root, leaf: leaves[5]! };
    for (const id of ids) breakers[id]!(x);
    return { leafHash: h(x.leaf), index: x.i, leafCount: x.count, proof: x.proof.map(h), root: h(x.root) };
  };
  return [
    ...[0, 1, 31, 32, 63].map((i): CaseSpec => ({ comment: `leaf ${i} of 64`, flags: ["Valid"], input: input(i, pf(i)), expect: "valid" })),
    { comment: "leaf 36 of 37: the odd last node is joined with itself at each level", flags: ["Valid", "Boundary"], input: input(36, merkleProof(oddTree, 36, 37), { count: 37, root: oddTree[oddTree.length - 1]! }), expect: "valid" },
    { comment: "a single-leaf tree: no entries, the root is the leaf hash", flags: ["Valid", "Boundary"], input: input(0, [], { count: 1, root: leaves[0]! }), expect: "valid" },
    { comment: "one entry too many", flags: ["Adversarial"], input: input(5, [...pf(5), pf(5)[0]!]), expect: "PROOF_LENGTH" },
    { comment: "one entry too few", flags: ["Adversarial"], input: input(5, pf(5).slice(0, 5)), expect: "PROOF_LENGTH" },
    { comment: "the proof of leaf 5 presented for position 4", flags: ["Adversarial"], input: input(4, pf(5), { leaf: leaves[5]! }), expect: "MERKLE_ROOT_MISMATCH" },
    { comment: "entries truncated to 19 bytes", flags: ["Adversarial"], input: input(5, pf(5).map((e) => e.slice(0, 19))), expect: "MALFORMED_PROOF" },
    { comment: "full 32-byte entries instead of 20", flags: ["Adversarial"], input: input(5, pf(5).map((e) => Uint8Array.from([...e, ...new Uint8Array(12)]))), expect: "MALFORMED_PROOF" },
    { comment: "index = leafCount (64): the smallest rejected index", flags: ["Boundary"], input: input(63, pf(63), { count: 63 }), expect: "MERKLE_INDEX_OUT_OF_RANGE" },
    { comment: "leafCount 0", flags: ["Boundary"], input: input(0, [], { count: 0 }), expect: "MERKLE_INDEX_OUT_OF_RANGE" },
    { comment: "a proof against the root of another tree", flags: [], input: input(5, pf(5), { root: oddTree[oddTree.length - 1]! }), expect: "MERKLE_ROOT_MISMATCH" },
    // the hashing reads only a leaf hash's first 20 bytes, and a sloppy comparison only a root's first 32
    { comment: "a 33-byte leaf hash (the right one and a byte more)", flags: ["Adversarial"], input: input(5, pf(5), { leaf: Uint8Array.from([...leaves[5]!, 0]) }), expect: "MALFORMED_PROOF" },
    { comment: "a 33-byte root (the right one and a byte more)", flags: ["Adversarial"], input: input(5, pf(5), { root: Uint8Array.from([...root, 0]) }), expect: "MALFORMED_PROOF" },
    { comment: "leafCount 2^32, leaf 2^32 − 1 with 32 entries: the largest accepted tree", flags: ["Valid", "Boundary"], input: huge(2 ** 32, 2 ** 32 - 1), expect: "valid" },
    { comment: "leafCount 2^32 + 1, leaf 0 with 33 entries leading to the root: over the largest tree", flags: ["Boundary"], input: huge(2 ** 32 + 1, 0), expect: "MERKLE_INDEX_OUT_OF_RANGE" },
    ...VERIFY_MERKLE_PROOF_RULES.rules.map((r): CaseSpec => ({ comment: `breaks ${r.id} alone`, flags: ["SingleRule"], input: broken([r.id]), expect: r.code })),
    ...pairwiseCases(VERIFY_MERKLE_PROOF_RULES, (a, b) => broken([a.id, b.id])),
  ];
}

// ---- shred_block ----

function shredBlockCases(): CaseSpec[] {
  const base = (block: Uint8Array, o: Partial<{ slot: string; parentSlot: string; isLastInSlot: boolean; referenceTick: number; nextShredIndex: number; nextCodeIndex: number; chainedMerkleRoot: string; version: number }> = {}): JsonObject => ({
    block: h(block),
    slot: "1000",
    parentSlot: "999",
    version: 7,
    referenceTick: 5,
    isLastInSlot: false,
    chainedMerkleRoot: "11".repeat(32),
    nextShredIndex: 0,
    nextCodeIndex: 0,
    leaderSecret: h(LEADER.secret),
    ...o,
  });
  const bytes = (n: number) => new Rng(`pwo/shreds/vectors/block/${n}`).bytes(n);
  const v = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags: ["Valid", ...flags], input, expect: "valid" });
  return [
    v("an empty block: one FEC set of 32 empty data shreds", base(new Uint8Array(0)), ["Boundary"]),
    v("a 1-byte block", base(bytes(1)), ["Boundary"]),
    v("Agave test_serde_compat_shred_data's inputs (4096 ChaCha bytes, slot 142076266, version 42, indices 64)", (() => {
      const rng = new REF.ChaCha20Rng(new Uint8Array(32).fill(1));
      const secret = rng.fillBytes(32);
      return { ...base(rng.fillBytes(4096), { slot: "142076266", parentSlot: "142076265", version: 42, referenceTick: 0, nextShredIndex: 64, nextCodeIndex: 64, chainedMerkleRoot: "00".repeat(32) }), leaderSecret: h(secret) };
    })(), ["Agave"]),
    v("exactly one full FEC set (32 × 963 bytes)", base(bytes(32 * cap)), ["Boundary"]),
    v("one byte more than a FEC set: two sets, the second chained to the first", base(bytes(32 * cap + 1)), ["Boundary", "Chaining"]),
    v("last in slot: resigned variants, capacity 899, LAST_IN_SLOT on the final shred", base(bytes(5000), { isLastInSlot: true }), ["Resigned"]),
    v("a reference tick above 63 saturates at 63", base(bytes(10), { referenceTick: 200 }), ["Boundary"]),
    v("parent offset 65535: the largest accepted", base(bytes(10), { slot: "70000", parentSlot: "4465" }), ["Boundary"]),
    { comment: "parent offset 65536", flags: ["Boundary"], input: base(bytes(10), { slot: "70000", parentSlot: "4464" }), expect: "BAD_SET_SHAPE" },
    { comment: "parent slot equal to the slot (offset 0 outside slot 0)", flags: [], input: base(bytes(10), { parentSlot: "1000" }), expect: "BAD_SET_SHAPE" },
    { comment: "a 31-byte chained root", flags: [], input: base(bytes(10), { chainedMerkleRoot: "11".repeat(31) }), expect: "BAD_SET_SHAPE" },
    { comment: "next shred index 32737: the set would pass data index 32767", flags: ["Boundary"], input: base(bytes(10), { nextShredIndex: 32_737 }), expect: "BAD_SET_SHAPE" },
    v("next shred index 32736: the set ends at data index 32767 (the largest accepted)", base(bytes(10), { nextShredIndex: 32_736 }), ["Boundary"]),
    v("next code index 32736: the largest accepted", base(bytes(10), { nextCodeIndex: 32_736 }), ["Boundary"]),
    { comment: "next code index 32737: the set's coding indices would pass 32767", flags: ["Boundary"], input: base(bytes(10), { nextCodeIndex: 32_737 }), expect: "BAD_SET_SHAPE" },
    v("two sets from next shred index 32704: the largest accepted for two sets", base(bytes(32 * cap + 1), { nextShredIndex: 32_704 }), ["Boundary"]),
    { comment: "two sets from next shred index 32705", flags: ["Boundary"], input: base(bytes(32 * cap + 1), { nextShredIndex: 32_705 }), expect: "BAD_SET_SHAPE" },
    { comment: "last in slot, 32 × 899 + 1 bytes: two sets at the resigned capacity, so next shred index 32705 is too high (one set at 963 would fit)", flags: ["Boundary", "Resigned"], input: base(bytes(32 * capacity("data", PROOF_SIZE, true) + 1), { isLastInSlot: true, nextShredIndex: 32_705 }), expect: "BAD_SET_SHAPE" },
    v("last in slot, 32 × 899 bytes: one set, next shred index 32736 accepted", base(bytes(32 * capacity("data", PROOF_SIZE, true)), { isLastInSlot: true, nextShredIndex: 32_736 }), ["Boundary", "Resigned"]),
    v("version 65535: the largest accepted", base(bytes(10), { version: 65_535 }), ["Boundary"]),
    v("version 0: the smallest accepted", base(bytes(10), { version: 0 }), ["Boundary"]),
    { comment: "version 65536", flags: ["Boundary"], input: base(bytes(10), { version: 65_536 }), expect: "BAD_SET_SHAPE" },
    v("reference tick 255: the largest accepted (saturates at 63)", base(bytes(10), { referenceTick: 255 }), ["Boundary"]),
    { comment: "reference tick 256", flags: ["Boundary"], input: base(bytes(10), { referenceTick: 256 }), expect: "BAD_SET_SHAPE" },
    { comment: "next shred index 2^32 (not a u32)", flags: ["Boundary"], input: base(bytes(10), { nextShredIndex: 2 ** 32 }), expect: "BAD_SET_SHAPE" },
    v("slot 2^64 − 1 (parent 2^64 − 2): the largest accepted slot", base(bytes(10), { slot: ((1n << 64n) - 1n).toString(), parentSlot: ((1n << 64n) - 2n).toString() }), ["Boundary"]),
    { comment: "slot 2^64 (parent 2^64 − 1)", flags: ["Boundary"], input: base(bytes(10), { slot: (1n << 64n).toString(), parentSlot: ((1n << 64n) - 1n).toString() }), expect: "BAD_SET_SHAPE" },
    { comment: "parent slot above the slot", flags: [], input: base(bytes(10), { parentSlot: "1001" }), expect: "BAD_SET_SHAPE" },
    v("slot 0 with parent slot 0", base(bytes(10), { slot: "0", parentSlot: "0" }), ["Boundary"]),
    { comment: "a 31-byte leader secret", flags: [], input: { ...base(bytes(10)), leaderSecret: h(LEADER.secret.slice(0, 31)) }, expect: "BAD_SET_SHAPE" },
    ...SHRED_BLOCK_RULES.rules.filter((r) => r.id !== "S4").map((r): CaseSpec => ({ comment: `breaks ${r.id} alone`, flags: ["SingleRule"], input: brokenParams([r.id]), expect: r.code })),
    ...pairwiseCases(SHRED_BLOCK_RULES, (a, b) => brokenParams([a.id, b.id])),
  ];

  /** shred_block parameters breaking the given rules (S4, a block over a slot's data shreds, has no vector). */
  function brokenParams(ids: readonly string[]): JsonObject {
    const breakers: Record<string, Partial<Parameters<typeof base>[1]>> = {
      S1: { parentSlot: "1000" }, // offset 0 outside slot 0
      S2: { version: 65_536 },
      S3: { chainedMerkleRoot: "11".repeat(31) },
      S5: { nextShredIndex: 32_737 },
    };
    return base(bytes(10), Object.assign({}, ...ids.map((id) => breakers[id]!)));
  }
}

// ---- recover_fec_set ----

function recoverCases(): CaseSpec[] {
  const { MID, midSet, lastSet } = fixtures();
  const set = midSet;
  const order = (() => {
    const rng = new Rng("pwo/shreds/vectors/recover/order");
    const idx = Array.from({ length: 64 }, (_, i) => i);
    for (let i = 63; i > 0; i--) { const j = rng.below(i + 1); [idx[i], idx[j]] = [idx[j]!, idx[i]!]; }
    return idx;
  })();
  const drop = (s: readonly Uint8Array[], missing: Iterable<number>): JsonObject => {
    const m = new Set(missing);
    return { shreds: s.map((p, i) => (m.has(i) ? null : h(p))) };
  };
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  // a leader that signed a tree over wrong parity (coding shard 0 with one byte changed before the tree was built)
  const wrongParity = (at: number) => {
    const s = set.map(copy);
    s[32]![layout("code", PROOF_SIZE, false).erasureShard[0] + at]! ^= 0x5a;
    finishFecSet(s, MID.params.chainedMerkleRoot, LEADER.secret);
    return s;
  };
  const other = MID.fecSets[1]!;
  // sets the leader signed with one shred's header changed (parity re-encoded): every shred carries
  // the same signature and chained root, so only the header field named tells the shred apart
  const signedWith = (at: number, mut: (p: Uint8Array) => void): Uint8Array[] => {
    const s = set.map(copy);
    mut(s[at]!);
    const [d0, d1] = layout("data", PROOF_SIZE, false).erasureShard;
    const c0 = layout("code", PROOF_SIZE, false).erasureShard[0];
    reedSolomon.encode(s.slice(0, 32).map((p) => p.slice(d0, d1)), 32).forEach((shard, j) => s[32 + j]!.set(shard, c0)); // parity of what was signed
    finishFecSet(s, MID.params.chainedMerkleRoot, LEADER.secret);
    return s;
  };
  const crafted: [string, number, (p: Uint8Array) => void, number[], string][] = [
    ["a signed set whose present data shred 5 is of slot 1001", 5, (p) => setU64(p, 65, 1001n), range(36, 64), "INCONSISTENT_SET"],
    ["a signed set whose present data shred 5 has shred version 8", 5, (p) => setU16(p, 77, 8), range(36, 64), "INCONSISTENT_SET"],
    ["a signed set whose present data shred 5 names FEC set 65 (index 70: position 5 all the same)", 5, (p) => { setU32(p, 79, 65); setU32(p, 73, 70); }, range(36, 64), "INCONSISTENT_SET"],
    ["a signed set whose present coding shred 8 has index + 1 (its first coding index is 65, the others' 64)", 40, (p) => setU32(p, 73, 64 + 8 + 1), [...range(0, 8), ...range(44, 64)], "INCONSISTENT_SET"],
    ["a signed set whose missing data shred 0 is of slot 1001: recovered, it disagrees with the set", 0, (p) => setU64(p, 65, 1001n), [0, ...range(33, 64)], "INVALID_RECOVERED_SHRED"],
    ["a signed set whose missing data shred 0 has shred version 8: recovered, it disagrees with the set", 0, (p) => setU16(p, 77, 8), [0, ...range(33, 64)], "INVALID_RECOVERED_SHRED"],
    // data shred 1, not 0: finishFecSet reads the set's resigned bit from shred 0
    ["a signed set whose missing data shred 1 is resigned (variant 0xb6, size 88 within the resigned capacity): recovered, it disagrees with the set", 1, (p) => { setU8(p, 64, 0xb6); setU16(p, 86, 88); }, [1, ...range(33, 64)], "INVALID_RECOVERED_SHRED"],
    ["a signed set whose missing data shred 1 names FEC set 65 (index 65, position 0 of that set): recovered, it disagrees with the set", 1, (p) => { setU32(p, 79, 65); setU32(p, 73, 65); }, [1, ...range(33, 64)], "INVALID_RECOVERED_SHRED"],
    ["a signed set whose missing data shred 1 has index 66 (position 2): recovered, it is not at its position", 1, (p) => setU32(p, 73, 66), [1, ...range(33, 64)], "INVALID_RECOVERED_SHRED"],
    // the chained root also written where the resigned layout reads it, so only the variant's resigned bit tells
    ["a signed set whose present data shred 1 is resigned (variant 0xb6, size 88, the chained root at the resigned offset too)", 1, (p) => { setU8(p, 64, 0xb6); setU16(p, 86, 88); p.set(MID.params.chainedMerkleRoot, layout("data", PROOF_SIZE, true).chainedRoot); }, range(36, 64), "INCONSISTENT_SET"],
  ];
  const cases: CaseSpec[] = [0, 1, 2, 8, 16, 24, 31, 32].map((e) => ({ comment: `${e} of 64 shreds missing (seeded positions)`, flags: ["Valid", "Erasures", ...(e === 32 ? ["Boundary"] : [])], input: drop(set, order.slice(0, e)), expect: "valid" }));
  cases.push(
    { comment: "33 missing: one fewer than needed", flags: ["Erasures", "Boundary"], input: drop(set, order.slice(0, 33)), expect: "TOO_FEW_SHREDS" },
    { comment: "every data shred missing: recovered from the 32 coding shreds", flags: ["Valid", "Erasures", "Boundary"], input: drop(set, range(0, 32)), expect: "valid" },
    { comment: "31 coding shreds missing: the data and one coding shred", flags: ["Valid", "Erasures"], input: drop(set, range(33, 64)), expect: "valid" },
    { comment: "every coding shred missing: no coding header to rebuild them from", flags: ["Erasures", "Adversarial"], input: drop(set, range(32, 64)), expect: "TOO_FEW_SHREDS" },
    { comment: "a resigned set: recovered shreds carry the retransmitter signature of a present coding shred", flags: ["Valid", "Erasures", "Resigned"], input: drop(lastSet, order.slice(0, 20)), expect: "valid" },
    { comment: "63 positions", flags: ["Adversarial"], input: { shreds: set.slice(0, 63).map(h) }, expect: "BAD_SET_SHAPE" },
    { comment: "every position missing: no shred to take the set's headers from", flags: ["Erasures", "Boundary"], input: drop(set, range(0, 64)), expect: "TOO_FEW_SHREDS" },
    { comment: "coding shred 0 (position 32, the first coding position) missing with data 0 and coding 8: rebuilt as a coding shred", flags: ["Valid", "Erasures", "Boundary"], input: drop(set, [0, 32, 40]), expect: "valid" },
    { comment: "a resigned set whose present coding shreds carry distinct retransmitter signatures: recovered shreds carry the last present coding shred's", flags: ["Valid", "Erasures", "Resigned"], input: (() => {
      const r = new Rng("pwo/shreds/vectors/recover/retransmitters");
      const o = layout("code", PROOF_SIZE, true).retransmitterSignature;
      const s = lastSet.map((p, i) => { const q = copy(p); if (i >= 32) q.set(r.bytes(64), o); return q; });
      return drop(s, [1, 7, 30, 33, 50, 63]);
    })(), expect: "valid" },
    { comment: "a present shred with an invalid variant", flags: [], input: (() => { const s = set.map(copy); s[3]![64] = 0x86; return drop(s, order.slice(0, 10)); })(), expect: "INVALID_SHRED" },
    { comment: "two data shreds swapped", flags: ["Adversarial"], input: (() => { const s = set.slice(); [s[1], s[2]] = [s[2]!, s[1]!]; return drop(s, range(40, 50)); })(), expect: "INCONSISTENT_SET" },
    { comment: "a data shred of the next FEC set in place of its own", flags: ["Adversarial"], input: (() => { const s = set.slice(); s[4] = other[4]!; return drop(s, range(40, 50)); })(), expect: "INCONSISTENT_SET" },
    { comment: "a shred whose bytes changed after signing (its proof leads to another root)", flags: ["Adversarial"], input: (() => { const s = set.map(copy); s[5]![700]! ^= 1; return drop(s, range(40, 50)); })(), expect: "MERKLE_ROOT_MISMATCH" },
    { comment: "wrong parity in a consistently signed tree, detected by a surplus shard (33 present)", flags: ["Adversarial", "Erasures"], input: drop(wrongParity(500), order.filter((i) => i !== 32).slice(0, 31)), expect: "INCONSISTENT_SHARDS" },
    { comment: "wrong parity with exactly 32 present: data 0 decodes wrong and the rebuilt tree has another root", flags: ["Adversarial", "Erasures"], input: drop(wrongParity(500), [0, ...range(33, 64)]), expect: "MERKLE_ROOT_MISMATCH" },
    { comment: "wrong parity in the header bytes: recovered data shred 0 has a broken variant", flags: ["Adversarial", "Erasures"], input: drop(wrongParity(0), [0, ...range(33, 64)]), expect: "INVALID_RECOVERED_SHRED" },
    ...crafted.map(([comment, at, mut, missing, expect]): CaseSpec => ({ comment, flags: ["Adversarial", "Erasures"], input: drop(signedWith(at, mut), missing), expect })),
    ...(["R6", "R7"] as const).map((id): CaseSpec => ({ comment: `breaks ${id} alone`, flags: ["SingleRule", "Adversarial", "Erasures"], input: brokenSet([id]), expect: RECOVER_FEC_SET_RULES.rules.find((r) => r.id === id)!.code })),
    ...pairwiseCases(RECOVER_FEC_SET_RULES, (a, b) => brokenSet([a.id, b.id])),
  );
  return cases;
}

/**
 * A FEC set input breaking exactly the given rules of RECOVER_FEC_SET_RULES. R4, R6, R7 and R8 need
 * a set of their own (which shreds are present, what the leader signed); R1, R2, R3 and R5 are
 * changes laid over it that touch nothing another rule reads:
 * R1 one position too many (65); R2 a byte appended to a present shred (V2 only: its shard, leaf and
 * proof are read at fixed offsets); R3 one byte of a later present shred's signature changed (the
 * signature is outside every shard and leaf, and recovery does not verify it); R5 one byte of a
 * present shred's proof changed (outside its shard and leaf).
 */
function brokenSet(ids: readonly string[]): JsonObject {
  const { midSet } = fixtures();
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  const none = [3, 9, 17, 20, ...range(36, 64)]; // 32 present: 28 data and 4 coding
  const bases: Record<string, () => [Uint8Array[], number[]]> = {
    "": () => [midSet.map(copy), none],
    R4: () => [midSet.map(copy), [...none, 35]], // 31 present
    R6: () => [signedOverWrongParity(500), range(34, 64)], // the 32 data shreds decode; coding 0 (surplus) disagrees
    R7: () => [signedInvalidData0(), [0, ...range(33, 64)]], // data 0, decoded from the others, breaks V7 as signed
    R8: () => [signedOverWrongParity(500), [0, ...range(33, 64)]], // data 0 decodes wrong in its data bytes
    "R4+R8": () => [signedOverWrongParity(500), range(32, 64)], // the 32 data shreds alone, signed over wrong parity
    "R6+R7": () => [signedInvalidData0(33), [0, ...range(34, 64)]], // coding 1 (surplus) changed before signing
    "R6+R8": () => [signedOverWrongParity(500), [0, ...range(34, 64)]], // coding 0 decodes data 0 wrong; coding 1 disagrees
    "R7+R8": () => [signedOverWrongParity(0), [0, ...range(33, 64)]], // data 0 decodes with a broken variant
  };
  const [set, missing] = bases[ids.filter((id) => ["R4", "R6", "R7", "R8"].includes(id)).join("+")]!();
  const present = range(0, 64).filter((i) => !missing.includes(i));
  const has = (id: string) => ids.includes(id);
  if (has("R2")) set[present[1]!] = Uint8Array.from([...set[present[1]!]!, 0]);
  if (has("R3")) set[present[present.length - 1]!]![0]! ^= 1;
  if (has("R5")) set[present[2]!]![layout(present[2]! < 32 ? "data" : "code", PROOF_SIZE, false).proof + 5]! ^= 1;
  const slots: (string | null)[] = set.map((p, i) => (missing.includes(i) ? null : h(p)));
  return { shreds: has("R1") ? [...slots, null] : slots };
}

/** midSet with coding shard 0 changed at byte `at` before the leader built and signed the tree. */
function signedOverWrongParity(at: number): Uint8Array[] {
  const { MID, midSet } = fixtures();
  const s = midSet.map(copy);
  s[32]![layout("code", PROOF_SIZE, false).erasureShard[0] + at]! ^= 0x5a;
  finishFecSet(s, MID.params.chainedMerkleRoot, LEADER.secret);
  return s;
}

/**
 * midSet with data shred 0's flags LAST_IN_SLOT without DATA_COMPLETE (V7), parity re-encoded, and
 * (when `wrongCoding` is given) that coding shred's shard changed, then signed.
 */
function signedInvalidData0(wrongCoding?: number): Uint8Array[] {
  const { MID, midSet } = fixtures();
  const s = midSet.map(copy);
  setU8(s[0]!, 85, 0x80 | 5);
  const [d0, d1] = layout("data", PROOF_SIZE, false).erasureShard;
  const c0 = layout("code", PROOF_SIZE, false).erasureShard[0];
  reedSolomon.encode(s.slice(0, 32).map((p) => p.slice(d0, d1)), 32).forEach((shard, j) => s[32 + j]!.set(shard, c0));
  if (wrongCoding !== undefined) s[wrongCoding]![c0 + 10]! ^= 1;
  finishFecSet(s, MID.params.chainedMerkleRoot, LEADER.secret);
  return s;
}

// ---- deshred ----

function deshredCases(): CaseSpec[] {
  const one = shredFixture("deshred-one", 7_000, { isLastInSlot: true });
  const two = shredFixture("deshred-two", 32 * capacity("data", PROOF_SIZE, true) + 100, { isLastInSlot: true });
  const data = (o: typeof one) => o.fecSets.flatMap((s) => s.slice(0, 32));
  const input = (shreds: Uint8Array[], root = one.params.chainedMerkleRoot): JsonObject => ({ shreds: shreds.map(h), leader: h(LEADER.pubkey), chainedMerkleRoot: h(root) });
  const notLast = shredFixture("deshred-not-last", 100, { isLastInSlot: false });
  const otherSlot = shredFixture("deshred-one", 7_000, { isLastInSlot: true, slot: 1001n, parentSlot: 1000n });
  const twin = shredFixture("deshred-twin", 7_000, { isLastInSlot: true });
  const twoWrongChain = (() => {
    // the second set re-built with a wrong chained root, signed by the same leader
    const sets = two.fecSets.map((s) => s.map(copy));
    finishFecSet(sets[1]!, new Uint8Array(32).fill(0x22), LEADER.secret);
    return sets.flatMap((s) => s.slice(0, 32));
  })();
  return [
    { comment: "one FEC set", flags: ["Valid"], input: input(data(one)), expect: "valid" },
    { comment: "two FEC sets chained", flags: ["Valid", "Chaining"], input: input(data(two), two.params.chainedMerkleRoot), expect: "valid" },
    { comment: "the first set chained to another root than the given one", flags: ["Chaining"], input: input(data(one), new Uint8Array(32).fill(0x33)), expect: "CHAINED_ROOT_MISMATCH" },
    { comment: "the second set chained to a root other than the first set's", flags: ["Chaining", "Adversarial"], input: input(twoWrongChain, two.params.chainedMerkleRoot), expect: "CHAINED_ROOT_MISMATCH" },
    { comment: "a shred missing in the middle", flags: [], input: input(data(one).filter((_, i) => i !== 7)), expect: "INCOMPLETE_BLOCK" },
    { comment: "the last shred missing (no LAST_IN_SLOT)", flags: ["Boundary"], input: input(data(one).slice(0, 31)), expect: "INCOMPLETE_BLOCK" },
    { comment: "a block not marked LAST_IN_SLOT", flags: [], input: input(data(notLast)), expect: "INCOMPLETE_BLOCK" },
    { comment: "a coding shred among the data shreds", flags: [], input: input([...data(one).slice(0, 31), one.fecSets[0]![32]!]), expect: "INVALID_SHRED" },
    { comment: "a shred signed by another leader", flags: [], input: (() => { const s = data(one); s[3] = resign(copy(s[3]!), OTHER_LEADER.secret); return input(s); })(), expect: "INVALID_SHRED" },
    { comment: "no shreds", flags: ["Boundary"], input: input([]), expect: "INCOMPLETE_BLOCK" },
    // B1's upper bound, carried by empty payloads (3 bytes of JSON each): the count is checked before any shred
    { comment: "32,769 empty payloads: one more than a slot's data shreds (B1 answers before B2)", flags: ["Boundary"], input: input(Array.from({ length: 32_769 }, () => new Uint8Array(0))), expect: "INCOMPLETE_BLOCK" },
    { comment: "32,768 empty payloads: the count B1 allows, so B2 rejects the first", flags: ["Boundary"], input: input(Array.from({ length: 32_768 }, () => new Uint8Array(0))), expect: "INVALID_SHRED" },
    { comment: "a shred of another slot at its index", flags: ["Adversarial"], input: (() => { const s = data(one); s[5] = otherSlot.fecSets[0]![5]!; return input(s); })(), expect: "INCOMPLETE_BLOCK" },
    { comment: "one FEC set's first half from one block and second half from another (each shred signed, two roots)", flags: ["Adversarial"], input: input([...data(one).slice(0, 16), ...data(twin).slice(16)]), expect: "INCONSISTENT_SET" },
    { comment: "the second of two sets from another block (one root per set, but no chain from the first)", flags: ["Chaining", "Adversarial"], input: input([...data(two).slice(0, 32), ...shredFixture("deshred-two-twin", 32 * capacity("data", PROOF_SIZE, true) + 100, { isLastInSlot: true }).fecSets[1]!.slice(0, 32)], two.params.chainedMerkleRoot), expect: "CHAINED_ROOT_MISMATCH" },
    ...pairwiseCases(DESHRED_RULES, (a, b) => brokenBlock([a.id, b.id])),
  ];

  /** A slot's data shreds breaking the given rules of DESHRED_RULES (B1, no shreds, breaks nothing else). */
  function brokenBlock(ids: readonly string[]): JsonObject {
    let shreds = ids.includes("B4") ? [...data(one).slice(0, 16), ...data(twin).slice(16)] : data(one); // B4: two roots in one set
    if (ids.includes("B2")) shreds[3] = resign(copy(shreds[3]!), OTHER_LEADER.secret); // B2: signed by another leader
    if (ids.includes("B3")) shreds = shreds.slice(0, 31); // B3: the LAST_IN_SLOT shred missing
    return input(shreds, ids.includes("B5") ? new Uint8Array(32).fill(0x33) : one.params.chainedMerkleRoot); // B5: another given root
  }
}

// ---- turbine_tree ----

function turbineCases(): CaseSpec[] {
  const nodes = (label: string, n: number, stake: (r: Rng, i: number) => bigint) => {
    const r = new Rng(`pwo/shreds/vectors/turbine/${label}`);
    return Array.from({ length: n }, (_, i) => ({ pubkey: h(r.bytes(32)), stake: stake(r, i).toString() }));
  };
  const input = (ns: { pubkey: string; stake: string }[], o: Partial<{ leader: string; slot: string; index: number; shredType: string; fanout: number }> = {}): JsonObject => ({ nodes: ns, leader: ns[0]?.pubkey ?? "00".repeat(32), slot: "285376049", index: 17, shredType: "data", fanout: 200, ...o });
  const small = nodes("small", 20, (r) => BigInt(r.below(1000)));
  const mixed = nodes("mixed", 40, (r, i) => (i % 4 === 0 ? 0n : BigInt(r.below(1_000_000)) * 1_000_000_000n));
  const big = nodes("big", 60, (r) => BigInt(r.below(100)));
  const v = (comment: string, i: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags: ["Valid", ...flags], input: i, expect: "valid" });
  return [
    v("20 staked nodes, fanout 200: the root and one layer", input(small)),
    v("20 staked nodes, fanout 2: four layers", input(small, { fanout: 2 })),
    v("the same tree for a coding shred of the same index (another seed)", input(small, { fanout: 2, shredType: "code" })),
    v("40 nodes, a quarter unstaked (shuffled after every staked node), stakes in lamports, fanout 3", input(mixed, { fanout: 3 })),
    v("60 nodes, fanout 3, a leader not in the list", input(big, { fanout: 3, leader: "ab".repeat(32) })),
    v("all stakes zero: a uniform shuffle", input(nodes("zero", 12, () => 0n), { fanout: 2 })),
    v("equal stakes: the pubkey breaks the tie in the sort", input(nodes("equal", 10, () => 5n), { fanout: 2 })),
    v("stakes summing past u64: the overflowing ones are shuffled as zero", input(nodes("overflow", 6, () => (1n << 62n) + 1n), { fanout: 2 }), ["Adversarial"]),
    v("a stake of 2^64 − 1", input(nodes("max", 3, (_, i) => (i === 1 ? (1n << 64n) - 1n : 1n)), { fanout: 1 }), ["Boundary"]),
    v("fanout 1: a chain", input(small.slice(0, 6), { fanout: 1 }), ["Boundary"]),
    v("one node, the leader itself: an empty tree", input(small.slice(0, 1)), ["Boundary"]),
    v("an unstaked leader, the first of the unstaked nodes in sorted order (largest pubkey): removed from the zeros", (() => {
      const ns = nodes("zero-leader", 12, (_, i) => (i < 6 ? BigInt(i + 1) : 0n));
      const leader = ns.filter((n) => n.stake === "0").map((n) => n.pubkey).sort().at(-1)!;
      return input(ns, { leader, fanout: 2 });
    })(), ["Adversarial"]),
    { comment: "no nodes", flags: ["Boundary"], input: input([]), expect: "INVALID_TREE_INPUT" },
    { comment: "fanout 0 with the leader as the only node: rejected although the tree is empty", flags: ["Boundary"], input: input(small.slice(0, 1), { fanout: 0 }), expect: "INVALID_TREE_INPUT" },
    { comment: "a pubkey twice", flags: ["Adversarial"], input: input([...small.slice(0, 3), small[1]!]), expect: "INVALID_TREE_INPUT" },
    { comment: "fanout 0", flags: ["Boundary"], input: input(small, { fanout: 0 }), expect: "INVALID_TREE_INPUT" },
    { comment: "a stake of 2^64", flags: ["Boundary"], input: input([{ pubkey: small[0]!.pubkey, stake: (1n << 64n).toString() }]), expect: "INVALID_TREE_INPUT" },
    { comment: "a 31-byte pubkey", flags: [], input: input([{ pubkey: "01".repeat(31), stake: "5" }], { leader: "02".repeat(32) }), expect: "INVALID_TREE_INPUT" },
    { comment: "a 33-byte pubkey among valid nodes", flags: [], input: input([...small.slice(0, 4), { pubkey: "01".repeat(33), stake: "5" }]), expect: "INVALID_TREE_INPUT" },
    { comment: "the leader's pubkey twice", flags: ["Adversarial"], input: input([...small.slice(0, 3), small[0]!]), expect: "INVALID_TREE_INPUT" },
    ...TURBINE_TREE_RULES.rules.map((r): CaseSpec => ({ comment: `breaks ${r.id} alone`, flags: ["SingleRule"], input: brokenTree([r.id]), expect: r.code })),
    ...pairwiseCases(TURBINE_TREE_RULES, (a, b) => brokenTree([a.id, b.id])),
  ];

  /** A turbine_tree input breaking the given rules of TURBINE_TREE_RULES. */
  function brokenTree(ids: readonly string[]): JsonObject {
    let ns = small.slice(0, 8);
    if (ids.includes("T1")) ns = []; // T1: no nodes
    if (ids.includes("T2")) ns = ns.map((n, k) => (k === 5 ? { ...n, pubkey: "01".repeat(31) } : n)); // T2: a 31-byte pubkey
    if (ids.includes("T3")) ns = [...ns, ns[1]!]; // T3: a pubkey twice
    return input(ns, { leader: small[0]!.pubkey, fanout: ids.includes("T4") ? 0 : 2 }); // T4: fanout 0
  }
}

// ---- check_duplicate_proof ----

function duplicateCases(): CaseSpec[] {
  // two different blocks for one slot signed by the same leader: an equivocation
  const A = shredFixture("dup-a", 3_000, { isLastInSlot: false });
  const B = shredFixture("dup-b", 3_000, { isLastInSlot: false });
  const C = shredFixture("dup-c", 32 * cap + 10, { isLastInSlot: false });
  const L = shredFixture("dup-last", 900, { isLastInSlot: true });
  const S = shredFixture("dup-shifted", 3_000, { isLastInSlot: false, nextShredIndex: 3, nextCodeIndex: 3 });
  const O = shredFixture("dup-a", 3_000, { isLastInSlot: false, slot: 1001n, parentSlot: 1000n });
  const V = shredFixture("dup-b", 3_000, { isLastInSlot: false, version: 8 });
  const X = shredFixture("dup-b", 3_000, { isLastInSlot: false, leaderSecret: OTHER_LEADER.secret });
  type State = { s1: Uint8Array; s2: Uint8Array; slot: bigint; version: number; leader: Uint8Array; trailing: boolean; identical: boolean };
  const input = (x: State): JsonObject => {
    const s2 = x.identical ? x.s1 : x.s2;
    const proof = encodeDuplicateProof(x.s1, s2);
    return { proof: h(x.trailing ? Uint8Array.from([...proof, 0]) : proof), leader: h(x.leader), slot: x.slot.toString(), shredVersion: x.version };
  };
  const state = (s1: Uint8Array, s2: Uint8Array): State => ({ s1: copy(s1), s2: copy(s2), slot: 1000n, version: 7, leader: LEADER.pubkey, trailing: false, identical: false });
  const valid = () => state(A.fecSets[0]![3]!, B.fecSets[0]![3]!);
  const bases: Record<string, () => State> = {
    D7: () => state(C.fecSets[0]![3]!, C.fecSets[1]![32 + 3]!), // data and coding of different sets
    D8: () => state(A.fecSets[0]![3]!, A.fecSets[0]![4]!), // two data shreds of one set, no LAST_IN_SLOT
  };
  const breakers: Record<string, (x: State) => void> = {
    D1: (x) => { x.trailing = true; },
    D2: (x) => { x.identical = true; },
    D3: (x) => { setU8(x.s1, 85, 0x80); },
    D4: (x) => { x.slot = 1001n; },
    D5: (x) => { x.version = 8; },
    D6: (x) => { x.leader = OTHER_LEADER.pubkey; },
    D7: () => undefined,
    D8: () => undefined,
  };
  const broken = (ids: string[]): JsonObject => {
    const x = (bases[ids.find((id) => id in bases) ?? ""] ?? valid)();
    for (const id of ids) breakers[id]!(x);
    return input(x);
  };
  const lastData = L.fecSets[0]![31]!;
  // A's first set with coding shred 8's index 8 → 10 (first coding index 2; the others' 0), signed as such
  const skewed = (() => {
    const s = A.fecSets[0]!.map(copy);
    setU32(s[32 + 8]!, 73, 10);
    finishFecSet(s, A.params.chainedMerkleRoot, LEADER.secret);
    return s;
  })();
  const v = (comment: string, x: State, flags: string[] = []): CaseSpec => ({ comment, flags: ["Valid", ...flags], input: input(x), expect: "valid" });
  const resignedDiffers = (() => { const p = copy(L.fecSets[0]![40]!); p.set(new Uint8Array(64).fill(9), layout("code", PROOF_SIZE, true).retransmitterSignature); return p; })();
  return [
    v("the same data shred index from two blocks: one FEC set, two Merkle roots", valid()),
    v("a data and a coding shred of one FEC set with different roots (types may differ under a root conflict)", state(A.fecSets[0]![3]!, B.fecSets[0]![40]!)),
    v("a data shred past another block's LAST_IN_SLOT shred (different FEC sets): a last-index conflict", state(lastData, C.fecSets[1]![3]!)),
    v("two coding shreds of one FEC set index whose sets differ: a root conflict", state(A.fecSets[0]![40]!, B.fecSets[0]![41]!)),
    { comment: "a resigned shred and itself with another retransmitter signature: not a duplicate", flags: ["Adversarial", "Resigned"], input: input(state(L.fecSets[0]![40]!, resignedDiffers)), expect: "NOT_A_DUPLICATE" },
    { comment: "a shred length prefix of 1229", flags: ["Boundary"], input: (() => { const p = encodeDuplicateProof(A.fecSets[0]![3]!, B.fecSets[0]![3]!); setU64(p, 0, 1229n); return { ...input(valid()), proof: h(p) }; })(), expect: "MALFORMED_DUPLICATE_PROOF" },
    { comment: "a proof cut inside the second length prefix", flags: ["Boundary"], input: { ...input(valid()), proof: h(encodeDuplicateProof(A.fecSets[0]![3]!, B.fecSets[0]![3]!).slice(0, 1203 + 8 + 4)) }, expect: "MALFORMED_DUPLICATE_PROOF" },
    { comment: "an empty proof", flags: ["Boundary"], input: { ...input(valid()), proof: "" }, expect: "MALFORMED_DUPLICATE_PROOF" },
    v("the same data index in two blocks whose FEC sets start elsewhere (no shared FEC set): a same-index conflict", state(A.fecSets[0]![3]!, S.fecSets[0]![0]!)),
    v("a last-index conflict with the LAST_IN_SLOT shred second", state(C.fecSets[1]![3]!, lastData)),
    { comment: "two data shreds of different sets, the LAST_IN_SLOT one at the higher index: not a conflict", flags: ["Adversarial"], input: input(state(S.fecSets[0]![0]!, lastData)), expect: "NOT_A_DUPLICATE" },
    { comment: "two coding shreds of different FEC sets: no conflict", flags: ["Adversarial"], input: input(state(C.fecSets[0]![40]!, C.fecSets[1]![41]!)), expect: "NOT_A_DUPLICATE" },
    { comment: "only the second shred of another slot", flags: [], input: input(state(A.fecSets[0]![3]!, O.fecSets[0]![3]!)), expect: "SLOT_MISMATCH" },
    { comment: "only the first shred of another slot", flags: [], input: input(state(O.fecSets[0]![3]!, A.fecSets[0]![3]!)), expect: "SLOT_MISMATCH" },
    { comment: "only the second shred of another shred version", flags: [], input: input(state(A.fecSets[0]![3]!, V.fecSets[0]![3]!)), expect: "SHRED_VERSION_MISMATCH" },
    { comment: "only the first shred of another shred version", flags: [], input: input(state(V.fecSets[0]![3]!, A.fecSets[0]![3]!)), expect: "SHRED_VERSION_MISMATCH" },
    { comment: "the LAST_IN_SLOT data shred first, a lower index of another set second: not a conflict", flags: ["Adversarial"], input: input(state(lastData, S.fecSets[0]![0]!)), expect: "NOT_A_DUPLICATE" },
    { comment: "the LAST_IN_SLOT data shred and an earlier shred of its own set (one root): not a conflict", flags: ["Adversarial"], input: input(state(lastData, L.fecSets[0]![5]!)), expect: "NOT_A_DUPLICATE" },
    { comment: "two coding shreds of one honest FEC set (one root, one first coding index, one signature): not a conflict", flags: ["Adversarial"], input: input(state(A.fecSets[0]![40]!, A.fecSets[0]![41]!)), expect: "NOT_A_DUPLICATE" },
    v("two coding shreds of one signed set whose first coding indices differ (index 10 at position 8, index 9 at position 9: equal index + position)", state(skewed[32 + 8]!, skewed[32 + 9]!), ["Adversarial"]),
    { comment: "only the second shred signed by another leader", flags: [], input: input(state(A.fecSets[0]![3]!, X.fecSets[0]![3]!)), expect: "INVALID_SIGNATURE" },
    { comment: "a second shred of length 0 (the last 8 bytes are its prefix)", flags: ["Boundary"], input: { ...input(valid()), proof: h(encodeDuplicateProof(A.fecSets[0]![3]!, new Uint8Array(0))) }, expect: "INVALID_SHRED" },
    { comment: "a first shred of 1229 bytes: over the cap before reading it", flags: ["Boundary"], input: { ...input(valid()), proof: h(encodeDuplicateProof(Uint8Array.from([...A.fecSets[0]![40]!, 0]), B.fecSets[0]![3]!)) }, expect: "MALFORMED_DUPLICATE_PROOF" },
    ...CHECK_DUPLICATE_PROOF_RULES.rules.map((r): CaseSpec => ({ comment: `breaks ${r.id} alone`, flags: ["SingleRule"], input: broken([r.id]), expect: r.code })),
    ...pairwiseCases(CHECK_DUPLICATE_PROOF_RULES, (a, b) => broken([a.id, b.id])),
  ];
}

export function shredsCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  return {
    shred_block: { seed: "pwo/shreds/vectors/shred_block", cases: shredBlockCases() },
    verify_shred: { seed: "pwo/shreds/vectors/verify_shred", cases: verifyShredCases() },
    verify_merkle_proof: { seed: "pwo/shreds/vectors/verify_merkle_proof", cases: merkleCases() },
    recover_fec_set: { seed: "pwo/shreds/vectors/recover_fec_set", cases: recoverCases() },
    deshred: { seed: "pwo/shreds/vectors/deshred", cases: deshredCases() },
    turbine_tree: { seed: "pwo/shreds/vectors/turbine_tree", cases: turbineCases() },
    check_duplicate_proof: { seed: "pwo/shreds/vectors/check_duplicate_proof", cases: duplicateCases() },
  };
}
