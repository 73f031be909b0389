/**
 * Transactions: spec/codec.md §Transaction encoding.
 *
 *   tx = version:u8 ‖ kind:u8 ‖ sigMode:u8 ‖ sender:32 ‖ nonce:varint64 ‖ fee:varint64
 *        ‖ (payment: recipient:32 ‖ amount:varint64 | call: contract:32 ‖ value:varint64 ‖ calldata:bytes)
 *        ‖ (single: signature:64 | aggregate: nothing)
 * @module
 */
import { ByteReader, ByteWriter } from "../common/bytes.js";
import { leafHash } from "../common/merkle.js";
import { ADDRESS_SIZE, CODEC_VERSION, MAX_CALLDATA_SIZE, SIGNATURE_SIZE, U64_LIMIT } from "./constants.js";
import { fail } from "./errors.js";
import type { SigMode, Transaction } from "./types.js";

export const KIND_BYTE = { payment: 0x00, call: 0x01 } as const;
export const SIG_MODE_BYTE = { single: 0x00, aggregate: 0x01 } as const;

/** A reader whose failures are codec reason codes. */
export function codecReader(data: Uint8Array): ByteReader {
  return new ByteReader(data, fail);
}

// ---- field checks shared by the encoder and the compressor ----

/** Fails with FIELD_OUT_OF_RANGE unless 0 ≤ v < 2^64. */
export function checkU64(v: bigint, what: string): bigint {
  if (typeof v !== "bigint" || v < 0n || v >= U64_LIMIT) fail("FIELD_OUT_OF_RANGE", `${what}: ${v} is not a u64`);
  return v;
}

/** Fails with FIELD_OUT_OF_RANGE unless `b` has exactly `size` bytes. */
export function checkFixed(b: Uint8Array, size: number, what: string): Uint8Array {
  if (!(b instanceof Uint8Array) || b.length !== size) fail("FIELD_OUT_OF_RANGE", `${what}: expected ${size} bytes, got ${b?.length}`);
  return b;
}

/** Fails unless the signature's presence matches the mode (§Transaction encoding, rule T5). */
export function checkSignature(sigMode: SigMode, signature: Uint8Array | null): void {
  if (sigMode === "single" && signature === null) fail("SIGNATURE_MODE_MISMATCH", "single mode requires a 64-byte signature");
  if (sigMode === "aggregate" && signature !== null) fail("SIGNATURE_MODE_MISMATCH", "aggregate mode carries no signature");
  if (signature !== null) checkFixed(signature, SIGNATURE_SIZE, "signature");
}

export function checkCalldata(calldata: Uint8Array): Uint8Array {
  if (calldata.length > MAX_CALLDATA_SIZE) fail("CALLDATA_TOO_LARGE", `calldata: ${calldata.length} bytes > ${MAX_CALLDATA_SIZE}`);
  return calldata;
}

/** Checks every field rule of a transaction value (the encoder's preconditions). */
export function checkTx(tx: Transaction): void {
  checkFixed(tx.sender, ADDRESS_SIZE, "sender");
  checkU64(tx.nonce, "nonce");
  checkU64(tx.fee, "fee");
  if (tx.kind === "payment") {
    checkFixed(tx.recipient, ADDRESS_SIZE, "recipient");
    checkU64(tx.amount, "amount");
  } else {
    checkFixed(tx.contract, ADDRESS_SIZE, "contract");
    checkU64(tx.value, "value");
    checkCalldata(tx.calldata);
  }
  checkSignature(tx.sigMode, tx.signature);
}

/** The canonical encoding of a transaction (§Transaction encoding). */
export function encodeTx(tx: Transaction): Uint8Array {
  checkTx(tx);
  const w = new ByteWriter().u8(CODEC_VERSION).u8(KIND_BYTE[tx.kind]).u8(SIG_MODE_BYTE[tx.sigMode]);
  w.bytes(tx.sender).varint(tx.nonce).varint(tx.fee);
  if (tx.kind === "payment") w.bytes(tx.recipient).varint(tx.amount);
  else w.bytes(tx.contract).varint(tx.value).lengthPrefixed(tx.calldata);
  if (tx.signature !== null) w.bytes(tx.signature);
  return w.finish();
}

function readKind(r: ByteReader): Transaction["kind"] {
  const b = r.u8("kind");
  if (b === KIND_BYTE.payment) return "payment";
  if (b === KIND_BYTE.call) return "call";
  return fail("INVALID_KIND", `kind byte 0x${b.toString(16).padStart(2, "0")}`);
}

function readSigMode(r: ByteReader): SigMode {
  const b = r.u8("sigMode");
  if (b === SIG_MODE_BYTE.single) return "single";
  if (b === SIG_MODE_BYTE.aggregate) return "aggregate";
  return fail("INVALID_SIG_MODE", `signature-mode byte 0x${b.toString(16).padStart(2, "0")}`);
}

/** Reads length-prefixed call data, bounding the length before touching the bytes. */
export function readCalldata(r: ByteReader): Uint8Array {
  const n = r.varintU32("calldata length");
  if (n > MAX_CALLDATA_SIZE) fail("CALLDATA_TOO_LARGE", `calldata length ${n} > ${MAX_CALLDATA_SIZE}`);
  return r.bytes(n, "calldata").slice();
}

/** Decodes one transaction; rejects any non-canonical or trailing byte (§Transaction encoding, rules T1–T6). */
export function decodeTx(data: Uint8Array): Transaction {
  const r = codecReader(data);
  const version = r.u8("version");
  if (version !== CODEC_VERSION) fail("UNKNOWN_VERSION", `transaction version ${version}`);
  const kind = readKind(r);
  const sigMode = readSigMode(r);
  const sender = r.bytes(ADDRESS_SIZE, "sender").slice();
  const nonce = r.varint(64, "nonce");
  const fee = r.varint(64, "fee");
  let tx: Transaction;
  if (kind === "payment") {
    const recipient = r.bytes(ADDRESS_SIZE, "recipient").slice();
    const amount = r.varint(64, "amount");
    tx = { kind, sigMode, sender, nonce, fee, recipient, amount, signature: null };
  } else {
    const contract = r.bytes(ADDRESS_SIZE, "contract").slice();
    const value = r.varint(64, "value");
    const calldata = readCalldata(r);
    tx = { kind, sigMode, sender, nonce, fee, contract, value, calldata, signature: null };
  }
  if (sigMode === "single") tx.signature = r.bytes(SIGNATURE_SIZE, "signature").slice();
  r.end("transaction");
  return tx;
}

/** Transaction id: the RFC 6962 leaf hash SHA-256(0x00 ‖ encoding), the leaf of the block's tx root. */
export function txId(encoded: Uint8Array): Uint8Array {
  return leafHash(encoded);
}

