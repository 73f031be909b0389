/**
 * Checkpoints as content-addressed blobs in a `da` namespace and one provenance record per round
 * (spec/secagg.md §Checkpoints and provenance; seed paper §7.3–7.4). A checkpoint's hash is SHA-256
 * of its serialization; the blob is cut into shares of the model namespace, placed in an extended
 * data square (reference/da), and proven by NMT range proofs of its rows against the row roots, which
 * hash to the data root. A record binds round r, the model hash before and after, the participants,
 * the survivors, the secagg session id and the DA commitment; the verifier walks the chain.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { ByteReader, ByteWriter, bytesEqual } from "../common/bytes.js";
import { cellLeaf, computeDataRoot, extendSquare, getAxis, nmtProveRange, verifyNmtRange, type NmtProof } from "../da/index.js";
import { DOMAIN } from "./constants.js";
import { fail } from "./errors.js";

/** da parameters of the model blobs: 512-byte shares, 29-byte namespaces (the da defaults). */
export const CHECKPOINT_SHARE_SIZE = 512;
export const CHECKPOINT_NAMESPACE_SIZE = 29;
/** The model namespace: 0x00 ‖ the first 28 bytes of SHA-256("pwo/secagg/v1/checkpoint"). */
export const MODEL_NAMESPACE = new Uint8Array([0, ...sha256(new TextEncoder().encode(DOMAIN.CHECKPOINT)).slice(0, 28)]);
/** Largest model dimension a checkpoint carries (bounds the decoder). */
export const MAX_DIMENSION = 1 << 16;

/** A checkpoint: u8 version 1 ‖ LEB128 round ‖ LEB128 dim ‖ dim × f64 little-endian. */
export function encodeCheckpoint(round: number, weights: readonly number[]): Uint8Array {
  const w = new ByteWriter().u8(1).varint(round).varint(weights.length);
  const f = new Uint8Array(8 * weights.length);
  const dv = new DataView(f.buffer);
  weights.forEach((x, i) => dv.setFloat64(8 * i, x, true));
  return w.bytes(f).finish();
}

export function decodeCheckpoint(bytes: Uint8Array): { round: number; weights: number[] } {
  const r = new ByteReader(bytes, (_c, m) => fail("MALFORMED_MESSAGE", `checkpoint: ${m}`));
  if (r.u8("version") !== 1) fail("MALFORMED_MESSAGE", "checkpoint version");
  const round = r.varintU32("round");
  const dim = r.varintU32("dim");
  if (dim > MAX_DIMENSION) fail("MALFORMED_MESSAGE", `checkpoint dimension ${dim}`);
  const raw = r.bytes(8 * dim, "weights");
  r.end("checkpoint");
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return { round, weights: Array.from({ length: dim }, (_, i) => dv.getFloat64(8 * i, true)) };
}

export const checkpointHash = (bytes: Uint8Array): Uint8Array => sha256(bytes);

/** The blob's shares: namespace ‖ 483-byte chunks of u32be(length) ‖ blob, zero-padded. */
export function blobShares(blob: Uint8Array): Uint8Array[] {
  const payload = CHECKPOINT_SHARE_SIZE - CHECKPOINT_NAMESPACE_SIZE;
  const data = new Uint8Array(Math.ceil((4 + blob.length) / payload) * payload);
  new DataView(data.buffer).setUint32(0, blob.length);
  data.set(blob, 4);
  const out: Uint8Array[] = [];
  for (let o = 0; o < data.length; o += payload) out.push(new Uint8Array([...MODEL_NAMESPACE, ...data.subarray(o, o + payload)]));
  return out;
}

/** What a verifier is given for one checkpoint: the square's commitments and per-row range proofs. */
export interface BlobProof {
  k: number;
  dataRoot: Uint8Array;
  rowRoots: Uint8Array[];
  colRoots: Uint8Array[];
  /** Per row holding blob shares: the row, the shares and their NMT range proof. */
  rows: { row: number; shares: Uint8Array[]; proof: NmtProof }[];
}

/** Publishes a blob alone in a square (its shares first, row-major) and proves its inclusion. */
export function publishBlob(blob: Uint8Array): BlobProof {
  return publishShares(blobShares(blob));
}

/**
 * The square of `shares` and the proof of each row's shares, row 0's from column `start` (0 for a
 * blob; the vectors also prove shares that break the blob's rules, or a row 0 from another column).
 */
export function publishShares(shares: readonly Uint8Array[], start = 0): BlobProof {
  const square = extendSquare([...shares], { shareSize: CHECKPOINT_SHARE_SIZE, namespaceSize: CHECKPOINT_NAMESPACE_SIZE });
  const { k } = square;
  const rows: BlobProof["rows"] = [];
  for (let r = 0; r * k < shares.length; r++) {
    const cells = getAxis(square.cells, k, "row", r);
    const leaves = cells.map((s, c) => cellLeaf(s, r, c, k, CHECKPOINT_NAMESPACE_SIZE));
    const end = Math.min(k, shares.length - r * k);
    const from = r === 0 ? start : 0;
    rows.push({ row: r, shares: cells.slice(from, end), proof: nmtProveRange(leaves, CHECKPOINT_NAMESPACE_SIZE, from, end) });
  }
  return { k, dataRoot: square.dataRoot, rowRoots: square.rowRoots, colRoots: square.colRoots, rows };
}

/** The blob a proof carries, after checking the roots against the data root and every row proof. */
export function verifyBlob(p: BlobProof): Uint8Array {
  if (!bytesEqual(computeDataRoot(p.rowRoots, p.colRoots), p.dataRoot)) fail("INCONSISTENT_SHARES", "row and column roots do not hash to the data root");
  const shares: Uint8Array[] = [];
  p.rows.forEach((row, i) => {
    if (row.row !== i || row.proof.start !== 0) fail("INCONSISTENT_SHARES", "blob rows must be consecutive from row 0, column 0");
    const leaves = row.shares.map((s, c) => cellLeaf(s, row.row, c, p.k, CHECKPOINT_NAMESPACE_SIZE));
    try {
      verifyNmtRange(p.rowRoots[row.row]!, CHECKPOINT_NAMESPACE_SIZE, 2 * p.k, row.proof, leaves);
    } catch {
      fail("INCONSISTENT_SHARES", `row ${row.row}'s shares are not under its row root`);
    }
    for (const s of row.shares) {
      if (!bytesEqual(s.subarray(0, CHECKPOINT_NAMESPACE_SIZE), MODEL_NAMESPACE)) fail("INCONSISTENT_SHARES", "a share outside the model namespace");
      shares.push(s.subarray(CHECKPOINT_NAMESPACE_SIZE));
    }
  });
  const data = new Uint8Array(shares.reduce((a, s) => a + s.length, 0));
  let o = 0;
  for (const s of shares) data.set(s, (o += s.length) - s.length);
  if (data.length < 4) fail("INCONSISTENT_SHARES", "no blob");
  const len = new DataView(data.buffer).getUint32(0);
  if (4 + len > data.length) fail("INCONSISTENT_SHARES", "the blob is longer than its shares");
  return data.slice(4, 4 + len);
}

/** One round's provenance record. */
export interface ProvenanceRecord {
  round: number;
  modelBefore: Uint8Array;
  modelAfter: Uint8Array;
  /** Bit i − 1 set: user i took part (advertised keys). */
  participants: Uint8Array;
  /** U3, whose inputs the sum covers. */
  survivors: number[];
  sessionId: Uint8Array;
  /** The data root of the square holding the new checkpoint. */
  dataRoot: Uint8Array;
}

/** The participants bitfield of n users: ceil(n/8) bytes, user i at bit (i − 1) mod 8 of byte (i − 1) / 8. */
export function bitfield(n: number, ids: Iterable<number>): Uint8Array {
  const b = new Uint8Array(Math.ceil(n / 8));
  for (const id of ids) b[(id - 1) >> 3]! |= 1 << ((id - 1) & 7);
  return b;
}

/**
 * A record with codec conventions (spec/common.md §Varints): LEB128 round ‖ 32 before ‖ 32 after ‖
 * length-prefixed bitfield ‖ LEB128 count ‖ LEB128 survivor ids (ascending) ‖ 32 session ‖ 32 data root.
 */
export function encodeRecord(r: ProvenanceRecord): Uint8Array {
  const w = new ByteWriter().varint(r.round).bytes(r.modelBefore).bytes(r.modelAfter).lengthPrefixed(r.participants).varint(r.survivors.length);
  for (const id of r.survivors) w.varint(id);
  return w.bytes(r.sessionId).bytes(r.dataRoot).finish();
}

/** SHA-256 of a record's encoding: what the chain commits to. */
export const recordHash = (r: ProvenanceRecord): Uint8Array => sha256(encodeRecord(r));

/**
 * Verifies a provenance chain from the genesis model hash: record r's `modelBefore` is record
 * r − 1's `modelAfter`; each proof's data root is its record's; the blob it proves hashes to
 * `modelAfter` and decodes to a checkpoint of round r + 1; survivors are participants. Returns the
 * last model hash.
 */
export function verifyChain(genesis: Uint8Array, records: readonly ProvenanceRecord[], proofs: readonly BlobProof[]): Uint8Array {
  if (records.length !== proofs.length) fail("INCONSISTENT_SHARES", "one proof per record");
  let head = genesis;
  records.forEach((r, i) => {
    if (r.round !== i) fail("UNEXPECTED_MESSAGE", `record ${i} claims round ${r.round}`);
    if (!bytesEqual(r.modelBefore, head)) fail("UNEXPECTED_MESSAGE", `record ${i} does not start from the previous model`);
    if (!bytesEqual(proofs[i]!.dataRoot, r.dataRoot)) fail("INCONSISTENT_SHARES", `proof ${i} is for another square`);
    const blob = verifyBlob(proofs[i]!);
    if (!bytesEqual(checkpointHash(blob), r.modelAfter)) fail("INCONSISTENT_SHARES", `the blob of round ${i} does not hash to modelAfter`);
    if (decodeCheckpoint(blob).round !== i + 1) fail("UNEXPECTED_MESSAGE", `the checkpoint of round ${i} is not numbered ${i + 1}`);
    for (const id of r.survivors) if (!((r.participants[(id - 1) >> 3]! >> ((id - 1) & 7)) & 1)) fail("INCONSISTENT_SURVIVORS", `survivor ${id} is not a participant`);
    head = r.modelAfter;
  });
  return head;
}
