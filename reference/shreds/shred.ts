/**
 * Shred layout, encoding and single-shred validation (spec/shreds.md §Shred layout, §Validity
 * rules). Byte layout of Agave's chained Merkle shreds (`ledger/src/shred.rs`, `shred/merkle.rs`):
 *
 *   common  signature[64] ‖ variant u8 ‖ slot u64 ‖ index u32 ‖ version u16 ‖ fec_set_index u32   (83)
 *   data    common ‖ parent_offset u16 ‖ flags u8 ‖ size u16 ‖ data buffer[capacity]                 (88 + …)
 *   coding  common ‖ num_data u16 ‖ num_coding u16 ‖ position u16 ‖ parity shard[capacity]          (89 + …)
 *   then    chained Merkle root[32] ‖ proof[proof_size × 20] ‖ [retransmitter signature[64] if resigned]
 *
 * All integers little-endian. capacity = payload size − headers − 32 − 20·proof_size − (64 if resigned).
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
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
  SIZE_OF_CODING_HEADERS,
  SIZE_OF_DATA_HEADERS,
  SIZE_OF_MERKLE_PROOF_ENTRY,
  SIZE_OF_MERKLE_ROOT,
  SIZE_OF_SIGNATURE,
  VARIANT_CODE,
  VARIANT_CODE_RESIGNED,
  VARIANT_DATA,
  VARIANT_DATA_RESIGNED,
} from "./constants.js";
import { fail } from "./errors.js";
import { merkleLeaf, rootFromProof } from "./merkle.js";

export type ShredKind = "data" | "code";

export interface CommonHeader {
  signature: Uint8Array;
  kind: ShredKind;
  resigned: boolean;
  proofSize: number;
  slot: bigint;
  index: number;
  version: number;
  fecSetIndex: number;
}
export interface DataHeader {
  parentOffset: number;
  flags: number;
  size: number;
}
export interface CodingHeader {
  numData: number;
  numCoding: number;
  position: number;
}

/** A parsed shred: its headers, the bytes it came from, and its derived Merkle quantities. */
export interface Shred {
  common: CommonHeader;
  data?: DataHeader;
  coding?: CodingHeader;
  payload: Uint8Array;
}

// ---- layout (spec §Shred layout) ----

/** The variant byte: type and resigned bit in the high nibble, proof size in the low nibble. */
export function variantByte(kind: ShredKind, resigned: boolean, proofSize: number): number {
  if (!Number.isInteger(proofSize) || proofSize < 0 || proofSize > 15) throw new RangeError(`variantByte: proof size ${proofSize} not in 0..15`);
  return (kind === "data" ? (resigned ? VARIANT_DATA_RESIGNED : VARIANT_DATA) : resigned ? VARIANT_CODE_RESIGNED : VARIANT_CODE) | proofSize;
}

/** (kind, resigned) of a variant byte's high nibble, or undefined for any other nibble. */
export function decodeVariant(byte: number): { kind: ShredKind; resigned: boolean } | undefined {
  switch (byte & 0xf0) {
    case VARIANT_CODE: return { kind: "code", resigned: false };
    case VARIANT_CODE_RESIGNED: return { kind: "code", resigned: true };
    case VARIANT_DATA: return { kind: "data", resigned: false };
    case VARIANT_DATA_RESIGNED: return { kind: "data", resigned: true };
    default: return undefined;
  }
}

export const payloadSize = (kind: ShredKind): number => (kind === "data" ? DATA_PAYLOAD_SIZE : CODING_PAYLOAD_SIZE);
export const headersSize = (kind: ShredKind): number => (kind === "data" ? SIZE_OF_DATA_HEADERS : SIZE_OF_CODING_HEADERS);

/** Bytes of the data buffer (data shred) or parity shard (coding shred). */
export function capacity(kind: ShredKind, proofSize: number, resigned: boolean): number {
  return payloadSize(kind) - headersSize(kind) - SIZE_OF_MERKLE_ROOT - proofSize * SIZE_OF_MERKLE_PROOF_ENTRY - (resigned ? SIZE_OF_SIGNATURE : 0);
}

/** Offsets of the regions after the headers. */
export function layout(kind: ShredKind, proofSize: number, resigned: boolean) {
  const chainedRoot = headersSize(kind) + capacity(kind, proofSize, resigned);
  const proof = chainedRoot + SIZE_OF_MERKLE_ROOT;
  const retransmitterSignature = proof + proofSize * SIZE_OF_MERKLE_PROOF_ENTRY;
  return {
    chainedRoot,
    proof,
    retransmitterSignature,
    /** The erasure-coded slice: past the signature (data) or past the headers (coding), to the chained root. */
    erasureShard: [kind === "data" ? SIZE_OF_SIGNATURE : SIZE_OF_CODING_HEADERS, chainedRoot] as const,
    /** The Merkle leaf's bytes: past the signature to the proof. */
    leaf: [SIZE_OF_SIGNATURE, proof] as const,
  };
}

/** The parity shard length of a 32:32 set, which is also the data shred's erasure-coded slice length. */
export const shardSize = (resigned: boolean): number => capacity("code", PROOF_SIZE, resigned);

// ---- encoding ----

const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Writes the common header (with the signature) into `p`. */
export function writeCommonHeader(p: Uint8Array, h: CommonHeader): void {
  p.set(h.signature, 0);
  const v = dv(p);
  v.setUint8(64, variantByte(h.kind, h.resigned, h.proofSize));
  v.setBigUint64(65, h.slot, true);
  v.setUint32(73, h.index, true);
  v.setUint16(77, h.version, true);
  v.setUint32(79, h.fecSetIndex, true);
}
export function writeDataHeader(p: Uint8Array, h: DataHeader): void {
  const v = dv(p);
  v.setUint16(83, h.parentOffset, true);
  v.setUint8(85, h.flags);
  v.setUint16(86, h.size, true);
}
export function writeCodingHeader(p: Uint8Array, h: CodingHeader): void {
  const v = dv(p);
  v.setUint16(83, h.numData, true);
  v.setUint16(85, h.numCoding, true);
  v.setUint16(87, h.position, true);
}

/** Reads the common header of a payload of at least 83 bytes whose variant is known. */
function readCommon(p: Uint8Array, kind: ShredKind, resigned: boolean): CommonHeader {
  const v = dv(p);
  return {
    signature: p.slice(0, SIZE_OF_SIGNATURE),
    kind,
    resigned,
    proofSize: p[64]! & 0x0f,
    slot: v.getBigUint64(65, true),
    index: v.getUint32(73, true),
    version: v.getUint16(77, true),
    fecSetIndex: v.getUint32(79, true),
  };
}

// ---- derived quantities ----

/** The position of a shred in its FEC set's 64 leaves: index − fec_set_index (data), 32 + position (coding). */
export function erasureShardIndex(s: Shred): number {
  return s.common.kind === "data" ? s.common.index - s.common.fecSetIndex : s.coding!.numData + s.coding!.position;
}

export const leafBytes = (s: Shred): Uint8Array => {
  const l = layout(s.common.kind, s.common.proofSize, s.common.resigned).leaf;
  return s.payload.subarray(l[0], l[1]);
};

export function merkleProofOf(s: Shred): Uint8Array[] {
  const o = layout(s.common.kind, s.common.proofSize, s.common.resigned).proof;
  return Array.from({ length: s.common.proofSize }, (_, i) => s.payload.slice(o + i * SIZE_OF_MERKLE_PROOF_ENTRY, o + (i + 1) * SIZE_OF_MERKLE_PROOF_ENTRY));
}

/** The Merkle root the shred's own leaf and proof lead to: what the leader signed. */
export function shredMerkleRoot(s: Shred): Uint8Array {
  return rootFromProof(erasureShardIndex(s), merkleLeaf(leafBytes(s)), merkleProofOf(s));
}

export function chainedMerkleRoot(s: Shred): Uint8Array {
  const o = layout(s.common.kind, s.common.proofSize, s.common.resigned).chainedRoot;
  return s.payload.slice(o, o + SIZE_OF_MERKLE_ROOT);
}

export function erasureShard(s: Shred): Uint8Array {
  const [a, b] = layout(s.common.kind, s.common.proofSize, s.common.resigned).erasureShard;
  return s.payload.subarray(a, b);
}

/** The block bytes a data shred carries: payload[88 .. size]. */
export const shredData = (s: Shred): Uint8Array => s.payload.slice(SIZE_OF_DATA_HEADERS, s.data!.size);

export const referenceTick = (flags: number): number => flags & FLAG_REFERENCE_TICK_MASK;
export const isDataComplete = (flags: number): boolean => (flags & FLAG_DATA_COMPLETE) === FLAG_DATA_COMPLETE;
export const isLastInSlot = (flags: number): boolean => (flags & FLAG_LAST_IN_SLOT) === FLAG_LAST_IN_SLOT;

// ---- validation (spec §Validity rules, verify_shred: V1–V10 in this order) ----

/**
 * Parses and checks one shred, rules V1–V9 (everything but the signature).
 * Cost: O(payload) bytes read, no allocation beyond the payload's size.
 * @throws SpecError INVALID_VARIANT, PAYLOAD_SIZE, INVALID_PROOF_SIZE, FEC_SHAPE, INDEX_OUT_OF_RANGE,
 *   INVALID_ERASURE_INDEX, INVALID_FLAGS, INVALID_DATA_SIZE, INVALID_PARENT
 */
export function parseShred(payload: Uint8Array): Shred {
  // V1: a known variant byte at offset 64
  const variant = (payload.length > 64 ? decodeVariant(payload[64]!) : undefined) ?? fail("INVALID_VARIANT", payload.length > 64 ? `variant byte 0x${payload[64]!.toString(16).padStart(2, "0")}` : `a ${payload.length}-byte payload has no variant byte`);
  const { kind, resigned } = variant;
  // V2: the type's payload size
  if (payload.length !== payloadSize(kind)) fail("PAYLOAD_SIZE", `a ${kind} shred is ${payloadSize(kind)} bytes, got ${payload.length}`);
  const common = readCommon(payload, kind, resigned);
  // V3: the 32:32 tree's proof size
  if (common.proofSize !== PROOF_SIZE) fail("INVALID_PROOF_SIZE", `proof size ${common.proofSize}, a 32:32 FEC set has ${PROOF_SIZE}`);
  const v = dv(payload);
  const s: Shred = { common, payload };
  if (kind === "code") {
    s.coding = { numData: v.getUint16(83, true), numCoding: v.getUint16(85, true), position: v.getUint16(87, true) };
    // V4: the FEC shape
    if (s.coding.numData !== DATA_SHREDS_PER_FEC_SET || s.coding.numCoding !== CODING_SHREDS_PER_FEC_SET) fail("FEC_SHAPE", `${s.coding.numData}:${s.coding.numCoding}, the FEC shape is 32:32`);
  } else {
    s.data = { parentOffset: v.getUint16(83, true), flags: v.getUint8(85), size: v.getUint16(86, true) };
  }
  // V5: indices inside the slot's limits, for the whole FEC set
  const maxIndex = kind === "data" ? MAX_DATA_SHREDS_PER_SLOT : MAX_CODE_SHREDS_PER_SLOT;
  if (common.index >= maxIndex) fail("INDEX_OUT_OF_RANGE", `index ${common.index} ≥ ${maxIndex}`);
  if (common.fecSetIndex + DATA_SHREDS_PER_FEC_SET - 1 >= MAX_DATA_SHREDS_PER_SLOT) fail("INDEX_OUT_OF_RANGE", `FEC set ${common.fecSetIndex} reaches past data index ${MAX_DATA_SHREDS_PER_SLOT - 1}`);
  if (kind === "code" && common.index - s.coding!.position + CODING_SHREDS_PER_FEC_SET - 1 >= MAX_CODE_SHREDS_PER_SLOT) fail("INDEX_OUT_OF_RANGE", `the FEC set's coding shreds reach past index ${MAX_CODE_SHREDS_PER_SLOT - 1}`);
  // V6: the shred's position in its FEC set
  if (kind === "data") {
    const pos = common.index - common.fecSetIndex;
    if (pos < 0 || pos >= DATA_SHREDS_PER_FEC_SET) fail("INVALID_ERASURE_INDEX", `index ${common.index} is not among FEC set ${common.fecSetIndex}'s 32 data shreds`);
  } else if (s.coding!.position >= s.coding!.numCoding || s.coding!.position > common.index) {
    fail("INVALID_ERASURE_INDEX", `coding position ${s.coding!.position} with index ${common.index} and ${s.coding!.numCoding} coding shreds`);
  }
  if (kind === "data") {
    const d = s.data!;
    // V7: LAST_IN_SLOT implies DATA_COMPLETE
    if ((d.flags & FLAG_LAST_IN_SLOT) !== 0 && !isDataComplete(d.flags)) fail("INVALID_FLAGS", `flags 0b${d.flags.toString(2).padStart(8, "0")}: LAST_IN_SLOT without DATA_COMPLETE`);
    // V8: headers ≤ size ≤ headers + capacity
    const cap = capacity("data", common.proofSize, resigned);
    if (d.size < SIZE_OF_DATA_HEADERS || d.size > SIZE_OF_DATA_HEADERS + cap) fail("INVALID_DATA_SIZE", `size ${d.size} not in [${SIZE_OF_DATA_HEADERS}, ${SIZE_OF_DATA_HEADERS + cap}]`);
    // V9: a parent strictly before the slot (slot 0 is its own parent)
    if ((d.parentOffset === 0 && common.slot !== 0n) || BigInt(d.parentOffset) > common.slot) fail("INVALID_PARENT", `parent offset ${d.parentOffset} in slot ${common.slot}`);
  }
  return s;
}

/** Ed25519 verification as the spec pins it (RFC 8032 with canonical encodings: noble `zip215: false`). */
export function verifySignature(signature: Uint8Array, message: Uint8Array, leader: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, leader, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * V1–V10: parse, then the leader's signature over the shred's Merkle root.
 * @throws SpecError the parseShred codes, INVALID_SIGNATURE
 */
export function verifyShred(payload: Uint8Array, leader: Uint8Array): Shred {
  const s = parseShred(payload);
  // V10: the leader signed the root this shred's leaf and proof lead to
  if (!verifySignature(s.common.signature, shredMerkleRoot(s), leader)) fail("INVALID_SIGNATURE", "the signature does not verify over the shred's Merkle root");
  return s;
}
