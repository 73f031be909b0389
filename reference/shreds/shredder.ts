/**
 * Shredding (spec/shreds.md §Shredding): a block's bytes → FEC sets of 32 data and 32 coding
 * shreds, chained and signed, as Agave's `merkle::make_shreds_from_data` and
 * `finish_erasure_batch` build them. Coding shreds come from da's Reed-Solomon code.
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { reedSolomon, type ErasureCode } from "../da/reed-solomon.js";
import {
  CODING_PAYLOAD_SIZE,
  CODING_SHREDS_PER_FEC_SET,
  DATA_PAYLOAD_SIZE,
  DATA_SHREDS_PER_FEC_SET,
  FLAG_DATA_COMPLETE,
  FLAG_LAST_IN_SLOT,
  FLAG_REFERENCE_TICK_MASK,
  MAX_CODE_SHREDS_PER_SLOT,
  MAX_DATA_SHREDS_PER_SLOT,
  PROOF_SIZE,
  SHREDS_PER_FEC_SET,
  SIZE_OF_DATA_HEADERS,
  SIZE_OF_MERKLE_ROOT,
  SIZE_OF_SIGNATURE,
} from "./constants.js";
import { fail } from "./errors.js";
import { merkleLeaf, merkleProof, merkleTree } from "./merkle.js";
import { capacity, layout, writeCodingHeader, writeCommonHeader, writeDataHeader, type CommonHeader } from "./shred.js";

export interface ShredParams {
  slot: bigint;
  parentSlot: bigint;
  version: number;
  /** Ticks elapsed in the slot; saturates at 63 in the flags. */
  referenceTick: number;
  isLastInSlot: boolean;
  /** The Merkle root of the slot's previous FEC set (for the first set of a slot, the previous slot's last). */
  chainedMerkleRoot: Uint8Array;
  nextShredIndex: number;
  nextCodeIndex: number;
  /** The leader's 32-byte Ed25519 secret key (seed). */
  leaderSecret: Uint8Array;
}

export interface ShredOutput {
  /** Per FEC set in order: 32 data payloads then 32 coding payloads. */
  fecSets: Uint8Array[][];
  /** Per FEC set: its Merkle root (the next set's chained root). */
  merkleRoots: Uint8Array[];
}

/** Largest block one shred_block call accepts: a slot's worth of data shreds. */
export const MAX_BLOCK_BYTES = (MAX_DATA_SHREDS_PER_SLOT / DATA_SHREDS_PER_FEC_SET) * DATA_SHREDS_PER_FEC_SET * capacity("data", PROOF_SIZE, false);

/** Checks the parameters' ranges (S1); returns the parent offset. */
function checkParams(block: Uint8Array, p: ShredParams): number {
  const u16 = (x: number) => Number.isInteger(x) && x >= 0 && x <= 0xffff;
  const u32 = (x: number) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
  const offset = p.slot - p.parentSlot;
  if (p.slot < 0n || p.slot >= 1n << 64n || p.parentSlot < 0n || offset < 0n || offset > 0xffffn || (offset === 0n && p.slot !== 0n)) fail("BAD_SET_SHAPE", `parent slot ${p.parentSlot} of slot ${p.slot}: the offset must be in 1..65535 (0 only in slot 0)`);
  if (!u16(p.version) || !u32(p.nextShredIndex) || !u32(p.nextCodeIndex) || !Number.isInteger(p.referenceTick) || p.referenceTick < 0 || p.referenceTick > 255) fail("BAD_SET_SHAPE", "version, indices or reference tick out of range");
  if (p.chainedMerkleRoot.length !== SIZE_OF_MERKLE_ROOT || p.leaderSecret.length !== 32) fail("BAD_SET_SHAPE", "the chained root and the leader secret are 32 bytes");
  if (block.length > MAX_BLOCK_BYTES) fail("BAD_SET_SHAPE", `a block of ${block.length} bytes is more than a slot's ${MAX_BLOCK_BYTES}`);
  const sets = Math.max(1, Math.ceil(block.length / (DATA_SHREDS_PER_FEC_SET * capacity("data", PROOF_SIZE, p.isLastInSlot))));
  if (p.nextShredIndex + sets * DATA_SHREDS_PER_FEC_SET > MAX_DATA_SHREDS_PER_SLOT || p.nextCodeIndex + sets * CODING_SHREDS_PER_FEC_SET > MAX_CODE_SHREDS_PER_SLOT) fail("BAD_SET_SHAPE", "the shreds would pass the per-slot index limit");
  return Number(offset);
}

/**
 * Shreds `block` (spec §Shredding):
 * 1. capacity c = 1203 − 88 − 32 − 6·20 − (64 if last in slot); every set carries 32·c bytes, the
 *    last one padded with empty data shreds (size = 88); an empty block gives one set of empty shreds;
 * 2. data shred k of the call: index = nextShredIndex + k, fec_set_index = index of its set's first
 *    data shred, flags = min(referenceTick, 63), plus DATA_COMPLETE (or LAST_IN_SLOT) on the very last;
 * 3. coding shred j of a set: index = nextCodeIndex + 32·(set) + j, position j, 32:32;
 * 4. per set in order: parity = RS(erasure shards of the 32 data shreds); every shred gets the chained
 *    root (the previous set's root); leaves → tree → root; signature = Ed25519(leader, root); each shred
 *    gets its proof and the signature.
 * Cost: O(|block|) hashing and RS work; allocation 64 × 1.2 kB per set, bounded by MAX_BLOCK_BYTES.
 * @throws SpecError BAD_SET_SHAPE
 */
export function shredBlock(block: Uint8Array, p: ShredParams, code: ErasureCode = reedSolomon): ShredOutput {
  const parentOffset = checkParams(block, p);
  const resigned = p.isLastInSlot;
  const cap = capacity("data", PROOF_SIZE, resigned);
  const perSet = DATA_SHREDS_PER_FEC_SET * cap;
  const setCount = Math.max(1, Math.ceil(block.length / perSet));
  const flagsBase = Math.min(p.referenceTick, FLAG_REFERENCE_TICK_MASK);
  const fecSets: Uint8Array[][] = [];
  const merkleRoots: Uint8Array[] = [];
  let chained = p.chainedMerkleRoot;
  for (let set = 0; set < setCount; set++) {
    const fecSetIndex = p.nextShredIndex + set * DATA_SHREDS_PER_FEC_SET;
    const header = (kind: "data" | "code", index: number): CommonHeader => ({ signature: new Uint8Array(SIZE_OF_SIGNATURE), kind, resigned, proofSize: PROOF_SIZE, slot: p.slot, index, version: p.version, fecSetIndex });
    const shreds: Uint8Array[] = [];
    for (let k = 0; k < DATA_SHREDS_PER_FEC_SET; k++) {
      const start = set * perSet + k * cap;
      const chunk = block.subarray(Math.min(start, block.length), Math.min(start + cap, block.length));
      const last = set === setCount - 1 && k === DATA_SHREDS_PER_FEC_SET - 1;
      const payload = new Uint8Array(DATA_PAYLOAD_SIZE);
      writeCommonHeader(payload, header("data", fecSetIndex + k));
      writeDataHeader(payload, { parentOffset, flags: flagsBase | (last ? (p.isLastInSlot ? FLAG_LAST_IN_SLOT : FLAG_DATA_COMPLETE) : 0), size: SIZE_OF_DATA_HEADERS + chunk.length });
      payload.set(chunk, SIZE_OF_DATA_HEADERS);
      shreds.push(payload);
    }
    const dataLayout = layout("data", PROOF_SIZE, resigned);
    const parity = code.encode(shreds.map((s) => s.slice(dataLayout.erasureShard[0], dataLayout.erasureShard[1])), CODING_SHREDS_PER_FEC_SET);
    const codeLayout = layout("code", PROOF_SIZE, resigned);
    parity.forEach((shard, j) => {
      const payload = new Uint8Array(CODING_PAYLOAD_SIZE);
      writeCommonHeader(payload, header("code", p.nextCodeIndex + set * CODING_SHREDS_PER_FEC_SET + j));
      writeCodingHeader(payload, { numData: DATA_SHREDS_PER_FEC_SET, numCoding: CODING_SHREDS_PER_FEC_SET, position: j });
      payload.set(shard, codeLayout.erasureShard[0]);
      shreds.push(payload);
    });
    const root = finishFecSet(shreds, chained, p.leaderSecret);
    fecSets.push(shreds);
    merkleRoots.push(root);
    chained = root;
  }
  return { fecSets, merkleRoots };
}

/**
 * Writes the chained root, the proofs and the leader's signature into a set's 64 payloads (data
 * then coding, headers and shards already written); returns the set's Merkle root.
 */
export function finishFecSet(shreds: Uint8Array[], chainedRoot: Uint8Array, leaderSecret: Uint8Array): Uint8Array {
  const kindOf = (i: number) => (i < DATA_SHREDS_PER_FEC_SET ? "data" : "code") as "data" | "code";
  const resigned = (shreds[0]![64]! & 0x20) !== 0; // 0xb_ data resigned
  shreds.forEach((p, i) => p.set(chainedRoot, layout(kindOf(i), PROOF_SIZE, resigned).chainedRoot));
  const tree = merkleTree(shreds.map((p, i) => merkleLeaf(p.subarray(SIZE_OF_SIGNATURE, layout(kindOf(i), PROOF_SIZE, resigned).proof))));
  const root = tree[tree.length - 1]!;
  const signature = ed25519.sign(root, leaderSecret);
  shreds.forEach((p, i) => {
    const at = layout(kindOf(i), PROOF_SIZE, resigned).proof;
    merkleProof(tree, i, SHREDS_PER_FEC_SET).forEach((e, j) => p.set(e, at + 20 * j));
    p.set(signature, 0);
  });
  return root;
}
