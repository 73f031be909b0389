/**
 * Blocks: spec/codec.md §Block encoding.
 *
 *   block  = header ‖ txCount:varint32 ‖ txCount × (length:varint32 ‖ tx) ‖ aggFlag:u8 ‖ [aggregateSignature:96]
 *   header = version:u8 ‖ shardId:varint32 ‖ height:varint64 ‖ parentHash:32 ‖ txRoot:32
 * @module
 */
import { ByteReader, ByteWriter, bytesEqual } from "../common/bytes.js";
import { merkleRootOfHashes } from "../common/merkle.js";
import {
  AGGREGATE_SIGNATURE_SIZE,
  CODEC_VERSION,
  HASH_SIZE,
  MAX_BLOCK_SIZE,
  MAX_BLOCK_TXS,
  MAX_TX_SIZE,
  U32_LIMIT,
} from "./constants.js";
import { fail } from "./errors.js";
import { checkFixed, checkU64, codecReader, decodeTx, encodeTx, txId } from "./tx.js";
import type { Block, BlockHeader, Transaction } from "./types.js";

/** MTH of the encoded transactions (RFC 6962, leaves hashed with {@link txId}). */
export function computeTxRoot(encodedTxs: readonly Uint8Array[]): Uint8Array {
  return merkleRootOfHashes(encodedTxs.map(txId));
}

export function checkHeader(h: BlockHeader): void {
  if (!Number.isInteger(h.shardId) || h.shardId < 0 || BigInt(h.shardId) >= U32_LIMIT) fail("FIELD_OUT_OF_RANGE", `shardId: ${h.shardId} is not a u32`);
  checkU64(h.height, "height");
  checkFixed(h.parentHash, HASH_SIZE, "parentHash");
  checkFixed(h.txRoot, HASH_SIZE, "txRoot");
}

export function writeHeader(w: ByteWriter, h: BlockHeader): void {
  checkHeader(h);
  w.u8(CODEC_VERSION).varint(h.shardId).varint(h.height).bytes(h.parentHash).bytes(h.txRoot);
}

export function readHeader(r: ByteReader): BlockHeader {
  const version = r.u8("block version");
  if (version !== CODEC_VERSION) fail("UNKNOWN_VERSION", `block version ${version}`);
  const shardId = r.varintU32("shardId");
  const height = r.varint(64, "height");
  const parentHash = r.bytes(HASH_SIZE, "parentHash").slice();
  const txRoot = r.bytes(HASH_SIZE, "txRoot").slice();
  return { shardId, height, parentHash, txRoot };
}

/** Reads the aggregate-signature flag and, when set, the signature (rule B6). */
export function readAggregateSignature(r: ByteReader): Uint8Array | null {
  const flag = r.u8("aggregate flag");
  if (flag === 0) return null;
  if (flag !== 1) fail("INVALID_FLAG", `aggregate flag 0x${flag.toString(16).padStart(2, "0")}`);
  return r.bytes(AGGREGATE_SIGNATURE_SIZE, "aggregateSignature").slice();
}

export function writeAggregateSignature(w: ByteWriter, sig: Uint8Array | null): void {
  if (sig === null) w.u8(0);
  else w.u8(1).bytes(checkFixed(sig, AGGREGATE_SIGNATURE_SIZE, "aggregateSignature"));
}

export function checkTxCount(n: number): number {
  if (n > MAX_BLOCK_TXS) fail("TOO_MANY_TXS", `${n} transactions > ${MAX_BLOCK_TXS}`);
  return n;
}

/**
 * The block-level rules checked after parsing (B8, B9): the aggregate signature is present iff some
 * transaction is in aggregate mode, and the header commits to the transactions.
 */
export function checkBlockCommitments(txs: readonly Transaction[], encodedTxs: readonly Uint8Array[], header: BlockHeader, aggregateSignature: Uint8Array | null): void {
  const needsAggregate = txs.some((t) => t.sigMode === "aggregate");
  if (needsAggregate !== (aggregateSignature !== null)) {
    fail("AGGREGATE_SIGNATURE_MISMATCH", needsAggregate ? "aggregate-mode transactions but no aggregate signature" : "aggregate signature without aggregate-mode transactions");
  }
  if (!bytesEqual(computeTxRoot(encodedTxs), header.txRoot)) fail("TX_ROOT_MISMATCH", "txRoot differs from the Merkle root of the transactions");
}

/** The canonical encoding of a block; checks every rule the decoder checks. */
export function encodeBlock(block: Block): Uint8Array {
  const w = new ByteWriter();
  writeHeader(w, block);
  if (block.aggregateSignature !== null) checkFixed(block.aggregateSignature, AGGREGATE_SIGNATURE_SIZE, "aggregateSignature");
  checkTxCount(block.txs.length);
  const encodedTxs = block.txs.map(encodeTx);
  checkBlockCommitments(block.txs, encodedTxs, block, block.aggregateSignature);
  w.varint(encodedTxs.length);
  for (const t of encodedTxs) w.lengthPrefixed(t);
  writeAggregateSignature(w, block.aggregateSignature);
  if (w.length > MAX_BLOCK_SIZE) fail("BLOCK_TOO_LARGE", `${w.length} bytes > ${MAX_BLOCK_SIZE}`);
  return w.finish();
}

/** Decodes a block in the order of §Block encoding, rules B1–B9: size, fields, trailing bytes, commitments. */
export function decodeBlock(data: Uint8Array): Block {
  if (data.length > MAX_BLOCK_SIZE) fail("BLOCK_TOO_LARGE", `${data.length} bytes > ${MAX_BLOCK_SIZE}`);
  const r = codecReader(data);
  const header = readHeader(r);
  const count = checkTxCount(r.varintU32("txCount"));
  const txs: Transaction[] = [];
  const encodedTxs: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const len = r.varintU32(`tx[${i}] length`);
    if (len > MAX_TX_SIZE) fail("TX_TOO_LARGE", `tx[${i}] length ${len} > ${MAX_TX_SIZE}`);
    const bytes = r.bytes(len, `tx[${i}]`);
    txs.push(decodeTx(bytes));
    encodedTxs.push(bytes);
  }
  const aggregateSignature = readAggregateSignature(r);
  r.end("block");
  checkBlockCommitments(txs, encodedTxs, header, aggregateSignature);
  return { ...header, txs, aggregateSignature };
}
