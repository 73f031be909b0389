/**
 * The shreds suite's operations (spec/shreds.md §Conformance operations): JSON ⇄ reference calls.
 * Large outputs (whole FEC sets) are given as SHA-256 digests of each payload, so vector files stay
 * small while a mismatch still points at one shred.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import {
  checkDuplicateProof,
  chainedMerkleRoot,
  deshred,
  isDataComplete,
  parseShred,
  isLastInSlot,
  recoverFecSet,
  referenceTick,
  retransmitChildren,
  retransmitParent,
  rootDistance,
  shredBlock,
  shredData,
  shredMerkleRoot,
  shredSeed,
  sortNodes,
  turbineOrder,
  verifyMerkleProof,
  verifyShred,
} from "../../reference/shreds/index.js";
import {
  BadInput,
  DECIMAL_SCHEMA,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getDecimal,
  getHex,
  getHexArray,
  getInt,
  getString,
  hex,
  objectSchema,
  type JsonObject,
  type Operation,
} from "../harness/operation.js";
import { getNullableHexArray } from "../da/operations.js";

const SPEC = "spec/shreds.md";
const hexList = { type: "array", items: HEX_SCHEMA } as const;
const nullableHexList = { type: "array", items: { anyOf: [HEX_SCHEMA, { type: "null" }] } } as const;
const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "shreds", ...o });
const digest = (p: Uint8Array) => hex(sha256(p));
const bool = (i: JsonObject, key: string): boolean => {
  if (typeof i[key] !== "boolean") throw new BadInput(`field "${key}" must be a boolean`);
  return i[key] as boolean;
};
/** Most turbine nodes per request (the tree is O(n log n); outputs list every node). */
export const MAX_TREE_NODES = 10_000;

const SHRED_OUTPUT = objectSchema(
  {
    type: { enum: ["data", "code"] },
    resigned: { type: "boolean" },
    slot: DECIMAL_SCHEMA,
    index: UINT_SCHEMA,
    version: UINT_SCHEMA,
    fecSetIndex: UINT_SCHEMA,
    merkleRoot: HEX_SCHEMA,
    chainedMerkleRoot: HEX_SCHEMA,
    parentOffset: UINT_SCHEMA,
    referenceTick: UINT_SCHEMA,
    dataComplete: { type: "boolean" },
    lastInSlot: { type: "boolean" },
    data: HEX_SCHEMA,
    numData: UINT_SCHEMA,
    numCoding: UINT_SCHEMA,
    position: UINT_SCHEMA,
  },
  ["type", "resigned", "slot", "index", "version", "fecSetIndex", "merkleRoot", "chainedMerkleRoot"],
);

export const SHREDS_OPERATIONS: readonly Operation[] = [
  op({
    name: "shred_block",
    summary: "a block's bytes → chained, signed 32:32 FEC sets (digests of every payload, and each set's Merkle root)",
    specSection: `${SPEC}#shredding`,
    input: objectSchema({ block: HEX_SCHEMA, slot: DECIMAL_SCHEMA, parentSlot: DECIMAL_SCHEMA, version: UINT_SCHEMA, referenceTick: UINT_SCHEMA, isLastInSlot: { type: "boolean" }, chainedMerkleRoot: HEX_SCHEMA, nextShredIndex: UINT_SCHEMA, nextCodeIndex: UINT_SCHEMA, leaderSecret: HEX_SCHEMA }),
    output: objectSchema({ merkleRoots: hexList, shredDigests: { type: "array", items: hexList } }),
    run: (i) => {
      const out = shredBlock(getHex(i, "block"), {
        slot: getDecimal(i, "slot"),
        parentSlot: getDecimal(i, "parentSlot"),
        version: getInt(i, "version"),
        referenceTick: getInt(i, "referenceTick"),
        isLastInSlot: bool(i, "isLastInSlot"),
        chainedMerkleRoot: getHex(i, "chainedMerkleRoot"),
        nextShredIndex: getInt(i, "nextShredIndex"),
        nextCodeIndex: getInt(i, "nextCodeIndex"),
        leaderSecret: getHex(i, "leaderSecret"),
      });
      return { merkleRoots: out.merkleRoots.map(hex), shredDigests: out.fecSets.map((set) => set.map(digest)) };
    },
  }),
  op({
    name: "verify_shred",
    summary: "one shred parsed and checked (V1–V10), its headers and Merkle roots",
    specSection: `${SPEC}#validity-rules`,
    input: objectSchema({ payload: HEX_SCHEMA, leader: HEX_SCHEMA }),
    output: SHRED_OUTPUT,
    run: (i) => {
      const leader = getHex(i, "leader");
      if (leader.length !== 32) throw new BadInput("leader: a 32-byte Ed25519 public key");
      const s = verifyShred(getHex(i, "payload"), leader);
      const c = s.common;
      const base: JsonObject = { type: c.kind, resigned: c.resigned, slot: c.slot.toString(), index: c.index, version: c.version, fecSetIndex: c.fecSetIndex, merkleRoot: hex(shredMerkleRoot(s)), chainedMerkleRoot: hex(chainedMerkleRoot(s)) };
      if (s.data) return { ...base, parentOffset: s.data.parentOffset, referenceTick: referenceTick(s.data.flags), dataComplete: isDataComplete(s.data.flags), lastInSlot: isLastInSlot(s.data.flags), data: hex(shredData(s)) };
      return { ...base, numData: s.coding!.numData, numCoding: s.coding!.numCoding, position: s.coding!.position };
    },
  }),
  op({
    name: "verify_merkle_proof",
    summary: "a shred Merkle proof checked against a root (M1–M4)",
    specSection: `${SPEC}#merkle-tree`,
    input: objectSchema({ leafHash: HEX_SCHEMA, index: UINT_SCHEMA, leafCount: UINT_SCHEMA, proof: hexList, root: HEX_SCHEMA }),
    output: objectSchema({ valid: { const: true } }),
    run: (i) => {
      const proof = getArray(i, "proof");
      if (proof.length > 64) throw new BadInput("proof: at most 64 entries");
      verifyMerkleProof(getHex(i, "leafHash"), getInt(i, "index"), getInt(i, "leafCount"), getHexArray(i, "proof"), getHex(i, "root"));
      return { valid: true };
    },
  }),
  op({
    name: "recover_fec_set",
    summary: "a FEC set's 64 payloads from any 32 of them (R1–R8); digests of the recovered ones and the set's root",
    specSection: `${SPEC}#recovery`,
    input: objectSchema({ shreds: nullableHexList }),
    output: objectSchema({ merkleRoot: HEX_SCHEMA, recovered: { type: "array", items: objectSchema({ position: UINT_SCHEMA, digest: HEX_SCHEMA }) } }),
    run: (i) => {
      if (getArray(i, "shreds").length > 256) throw new BadInput("shreds: at most 256 positions");
      const slots = getNullableHexArray(i, "shreds");
      const out = recoverFecSet(slots);
      const s = verifyRoot(out);
      return { merkleRoot: s, recovered: out.flatMap((p, k) => (slots[k] === undefined ? [{ position: k, digest: digest(p) }] : [])) };
    },
  }),
  op({
    name: "deshred",
    summary: "a slot's data shreds → the block, with signatures and the chain of Merkle roots checked (B1–B4)",
    specSection: `${SPEC}#deshredding-and-chaining`,
    input: objectSchema({ shreds: hexList, leader: HEX_SCHEMA, chainedMerkleRoot: HEX_SCHEMA }),
    output: objectSchema({ block: HEX_SCHEMA }),
    run: (i) => {
      const leader = getHex(i, "leader");
      const root = getHex(i, "chainedMerkleRoot");
      if (leader.length !== 32 || root.length !== 32) throw new BadInput("leader and chainedMerkleRoot are 32 bytes");
      return { block: hex(deshred(getHexArray(i, "shreds"), leader, root)) };
    },
  }),
  op({
    name: "turbine_tree",
    summary: "one shred's Turbine tree: seed, shuffled order, and each node's parent and retransmit children",
    specSection: `${SPEC}#turbine-tree`,
    input: objectSchema({
      nodes: { type: "array", items: objectSchema({ pubkey: HEX_SCHEMA, stake: DECIMAL_SCHEMA }) },
      leader: HEX_SCHEMA,
      slot: DECIMAL_SCHEMA,
      index: UINT_SCHEMA,
      shredType: { enum: ["data", "code"] },
      fanout: UINT_SCHEMA,
    }),
    output: objectSchema({ seed: HEX_SCHEMA, order: { type: "array", items: objectSchema({ pubkey: HEX_SCHEMA, parent: { anyOf: [HEX_SCHEMA, { type: "null" }] }, children: hexList, rootDistance: UINT_SCHEMA }) } }),
    run: (i) => {
      const raw = getArray(i, "nodes");
      if (raw.length > MAX_TREE_NODES) throw new BadInput(`nodes: at most ${MAX_TREE_NODES}`);
      const nodes = raw.map((n, k) => {
        if (typeof n !== "object" || n === null || Array.isArray(n)) throw new BadInput(`nodes[${k}] must be an object`);
        return { pubkey: getHex(n, "pubkey"), stake: getDecimal(n, "stake") };
      });
      const leader = getHex(i, "leader");
      if (leader.length !== 32) throw new BadInput("leader: 32 bytes");
      const slot = getDecimal(i, "slot");
      const index = getInt(i, "index");
      if (slot >= 1n << 64n || index > 0xffffffff) throw new BadInput("slot is a u64, index a u32");
      const kind = getString(i, "shredType", ["data", "code"] as const);
      const fanout = getInt(i, "fanout");
      sortNodes(nodes);
      if (fanout < 1) retransmitChildren(0, 0, fanout);
      const order = turbineOrder(nodes, leader, slot, index, kind);
      return {
        seed: hex(shredSeed(slot, index, kind, leader)),
        order: order.map((n, k) => {
          const p = retransmitParent(k, fanout);
          return { pubkey: hex(n.pubkey), parent: p === undefined ? null : hex(order[p]!.pubkey), children: retransmitChildren(k, order.length, fanout).map((c) => hex(order[c]!.pubkey)), rootDistance: rootDistance(k, fanout) };
        }),
      };
    },
  }),
  op({
    name: "check_duplicate_proof",
    summary: "a duplicate-shred proof checked against the slot's leader and shred version (D1–D8), and its conflict",
    specSection: `${SPEC}#duplicate-shred-proofs`,
    input: objectSchema({ proof: HEX_SCHEMA, leader: HEX_SCHEMA, slot: DECIMAL_SCHEMA, shredVersion: UINT_SCHEMA }),
    output: objectSchema({ conflict: { enum: ["merkle_root_conflict", "same_index", "last_index_conflict", "erasure_conflict"] } }),
    run: (i) => {
      const leader = getHex(i, "leader");
      if (leader.length !== 32) throw new BadInput("leader: 32 bytes");
      return { conflict: checkDuplicateProof(getHex(i, "proof"), leader, getDecimal(i, "slot"), getInt(i, "shredVersion")) };
    },
  }),
];

/** The root of a recovered set, from its first shred's proof. */
const verifyRoot = (out: Uint8Array[]): string => hex(shredMerkleRoot(parseShred(out[0]!)));
