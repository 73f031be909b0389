/**
 * Streaming block compression: spec/codec.md §Streaming compression.
 *
 * A schema-aware transform, not a generic compressor: blocks are a time series, so the same accounts
 * recur and each sender's nonce moves by one. A stream of frames shares one {@link StreamState}:
 * accounts seen among the last 2^windowLog account references are written as back-references,
 * nonces as the zigzag difference from the sender's expected nonce, amounts as decimal mantissa and
 * exponent. Every value has exactly one compressed form, so compress(decompress(f)) = f.
 *
 * Decompression is bounded: a frame declares its block's size up front, the decoder refuses sizes above
 * its limit, and stops as soon as the reconstruction exceeds the declaration (a "compression bomb"
 * gets SIZE_MISMATCH, never memory exhaustion).
 * @module
 */
import { ByteReader, ByteWriter } from "../common/bytes.js";
import { fromHex, toHex } from "../common/hex.js";
import { decodeBlock, encodeBlock, readAggregateSignature, readHeader, writeAggregateSignature, writeHeader, checkTxCount } from "./block.js";
import { ADDRESS_SIZE, CODEC_VERSION, DEFAULT_WINDOW_LOG, MAX_BLOCK_SIZE, MAX_WINDOW_LOG, MIN_WINDOW_LOG, SIGNATURE_SIZE, U64_LIMIT } from "./constants.js";
import { fail } from "./errors.js";
import { codecReader, encodeTx, readCalldata } from "./tx.js";
import type { Block, SigMode, Transaction } from "./types.js";

/** §Stream state: the account window and the nonces expected of senders in it. */
export interface StreamState {
  /** log2 of the window, fixed by the stream's first frame; undefined before it. */
  windowLog: number | undefined;
  /** 2^windowLog. */
  windowSize: number;
  /** Account references made so far in the stream. */
  seq: number;
  /** ring[i mod windowSize] is the account of reference i, for the last windowSize references. */
  ring: (string | undefined)[];
  /** Account (hex) → index of its latest reference, for accounts in the window. */
  last: Map<string, number>;
  /** Sender (hex) → the nonce expected next, for senders in the window. */
  nextNonce: Map<string, bigint>;
}

export function newStreamState(): StreamState {
  return { windowLog: undefined, windowSize: 0, seq: 0, ring: [], last: new Map(), nextNonce: new Map() };
}

/**
 * Fixes the stream's window at its first frame; later frames must repeat it (§Frame, rules D2–D3).
 * The ring is allocated here, after the bound check, so its size never exceeds 2^MAX_WINDOW_LOG.
 */
export function setWindow(s: StreamState, windowLog: number): void {
  if (!Number.isInteger(windowLog) || windowLog < MIN_WINDOW_LOG || windowLog > MAX_WINDOW_LOG) {
    fail("FIELD_OUT_OF_RANGE", `windowLog ${windowLog} outside ${MIN_WINDOW_LOG}..${MAX_WINDOW_LOG}`);
  }
  if (s.windowLog === undefined) {
    s.windowLog = windowLog;
    s.windowSize = 2 ** windowLog;
    s.ring = new Array<string | undefined>(s.windowSize);
  } else if (s.windowLog !== windowLog) {
    fail("WINDOW_MISMATCH", `frame window log ${windowLog}, stream's ${s.windowLog}`);
  }
}

/** Back-reference distance of `account` if it is in the window: seq − last − 1, else undefined. */
export function windowDistance(s: StreamState, account: string): number | undefined {
  const at = s.last.get(account);
  return at === undefined ? undefined : s.seq - at - 1;
}

/**
 * Records a reference to `account` (§Stream state, procedure RECORD). The slot it takes held the
 * reference made windowSize references ago; that account leaves the window unless it was referenced
 * again since, or is the account being recorded now.
 */
export function recordAccount(s: StreamState, account: string): void {
  const slot = s.seq % s.windowSize;
  const evicted = s.ring[slot];
  if (evicted !== undefined && evicted !== account && s.last.get(evicted) === s.seq - s.windowSize) {
    s.last.delete(evicted);
    s.nextNonce.delete(evicted);
  }
  s.ring[slot] = account;
  s.last.set(account, s.seq);
  s.seq += 1;
}

// ---- §Value codings ----

/** zigzag(x) = 2x for x ≥ 0, −2x − 1 for x < 0. */
export const zigzag = (x: bigint): bigint => (x >= 0n ? 2n * x : -2n * x - 1n);
export const unzigzag = (z: bigint): bigint => (z % 2n === 0n ? z / 2n : -(z + 1n) / 2n);

/** Decimal coding of a u64: x = m·10^e with e maximal, written as varint(20·m + e); zero is varint(0). */
export function decimalCode(x: bigint): bigint {
  if (x === 0n) return 0n;
  let m = x;
  let e = 0n;
  while (m % 10n === 0n) {
    m /= 10n;
    e += 1n;
  }
  return 20n * m + e; // e ≤ 19 since 10^20 > 2^64
}

export function decimalDecode(v: bigint, what: string): bigint {
  const m = v / 20n;
  const e = v % 20n;
  if ((m === 0n && e !== 0n) || (m !== 0n && m % 10n === 0n)) fail("NON_CANONICAL_AMOUNT", `${what}: mantissa ${m}, exponent ${e}`);
  const x = m * 10n ** e;
  if (x >= U64_LIMIT) fail("FIELD_OUT_OF_RANGE", `${what}: ${x} is not a u64`);
  return x;
}

// ---- compression ----

function writeAccount(w: ByteWriter, s: StreamState, account: Uint8Array): void {
  const key = toHex(account);
  const d = windowDistance(s, key);
  if (d === undefined) w.varint(0).bytes(account);
  else w.varint(d + 1);
  recordAccount(s, key);
}

function writeNonce(w: ByteWriter, s: StreamState, sender: Uint8Array, nonce: bigint): void {
  const key = toHex(sender);
  const expected = s.nextNonce.get(key) ?? 0n;
  w.varint(zigzag(nonce - expected));
  s.nextNonce.set(key, nonce + 1n);
}

/** The transaction head byte: bit 0 kind (1 = call), bit 1 signature mode (1 = aggregate), bits 2–7 zero. */
function txHead(tx: Transaction): number {
  return (tx.kind === "call" ? 1 : 0) | (tx.sigMode === "aggregate" ? 2 : 0);
}

function writeCompressedTx(w: ByteWriter, s: StreamState, tx: Transaction): void {
  w.u8(txHead(tx));
  writeAccount(w, s, tx.sender);
  writeNonce(w, s, tx.sender, tx.nonce);
  w.varint(decimalCode(tx.fee));
  if (tx.kind === "payment") {
    writeAccount(w, s, tx.recipient);
    w.varint(decimalCode(tx.amount));
  } else {
    writeAccount(w, s, tx.contract);
    w.varint(decimalCode(tx.value)).lengthPrefixed(tx.calldata);
  }
  if (tx.signature !== null) w.bytes(tx.signature);
}

/** Compresses one block as the next frame of the stream whose state is `s` (mutated). */
export function compressBlock(s: StreamState, block: Block, windowLog: number = DEFAULT_WINDOW_LOG): Uint8Array {
  const size = encodeBlock(block).length; // also checks every block rule
  setWindow(s, windowLog);
  const w = new ByteWriter().u8(CODEC_VERSION).u8(windowLog).varint(size);
  writeHeader(w, block);
  w.varint(block.txs.length);
  for (const tx of block.txs) writeCompressedTx(w, s, tx);
  writeAggregateSignature(w, block.aggregateSignature);
  return w.finish();
}

/** Compresses a list of blocks as one stream, starting from the empty state. */
export function compressBlocks(blocks: readonly Block[], windowLog: number = DEFAULT_WINDOW_LOG): Uint8Array[] {
  const s = newStreamState();
  return blocks.map((b) => compressBlock(s, b, windowLog));
}

// ---- decompression ----

function readAccount(r: ByteReader, s: StreamState, what: string): Uint8Array {
  const v = r.varint(32, what);
  let key: string;
  let bytes: Uint8Array;
  if (v === 0n) {
    bytes = r.bytes(ADDRESS_SIZE, what).slice();
    key = toHex(bytes);
    if (s.last.has(key)) fail("NON_CANONICAL_ACCOUNT_REF", `${what}: literal account is in the window at distance ${windowDistance(s, key)}`);
  } else {
    const d = Number(v) - 1;
    if (d >= s.windowSize || d >= s.seq) fail("BACKREF_OUT_OF_RANGE", `${what}: distance ${d} with ${Math.min(s.seq, s.windowSize)} references in the window`);
    key = s.ring[(s.seq - 1 - d) % s.windowSize] as string;
    if (s.last.get(key) !== s.seq - 1 - d) fail("NON_CANONICAL_ACCOUNT_REF", `${what}: distance ${d} names an account last referenced at distance ${windowDistance(s, key)}`);
    bytes = fromHex(key);
  }
  recordAccount(s, key);
  return bytes;
}

function readNonce(r: ByteReader, s: StreamState, sender: Uint8Array): bigint {
  const key = toHex(sender);
  const nonce = (s.nextNonce.get(key) ?? 0n) + unzigzag(r.varint(65, "nonce delta"));
  if (nonce < 0n || nonce >= U64_LIMIT) fail("FIELD_OUT_OF_RANGE", `nonce: ${nonce} is not a u64`);
  s.nextNonce.set(key, nonce + 1n);
  return nonce;
}

function readTxHead(r: ByteReader): { kind: Transaction["kind"]; sigMode: SigMode } {
  const head = r.u8("tx head");
  if ((head & 0xfc) !== 0) fail("INVALID_FLAG", `tx head 0x${head.toString(16).padStart(2, "0")} has reserved bits set`);
  return { kind: head & 1 ? "call" : "payment", sigMode: head & 2 ? "aggregate" : "single" };
}

function readCompressedTx(r: ByteReader, s: StreamState): Transaction {
  const { kind, sigMode } = readTxHead(r);
  const sender = readAccount(r, s, "sender");
  const nonce = readNonce(r, s, sender);
  const fee = decimalDecode(r.varint(69, "fee"), "fee");
  const signatureOf = (): Uint8Array | null => (sigMode === "single" ? r.bytes(SIGNATURE_SIZE, "signature").slice() : null);
  if (kind === "payment") {
    const recipient = readAccount(r, s, "recipient");
    const amount = decimalDecode(r.varint(69, "amount"), "amount");
    return { kind, sigMode, sender, nonce, fee, recipient, amount, signature: signatureOf() };
  }
  const contract = readAccount(r, s, "contract");
  const value = decimalDecode(r.varint(69, "value"), "value");
  const calldata = readCalldata(r);
  return { kind, sigMode, sender, nonce, fee, contract, value, calldata, signature: signatureOf() };
}

/**
 * Decompresses the next frame of a stream into the canonical block encoding (§Decompression, D1–D8).
 * `maxBlockSize` is the decoder's own limit (≤ MAX_BLOCK_SIZE); nothing larger is ever built.
 */
export function decompressFrame(s: StreamState, frame: Uint8Array, maxBlockSize: number = MAX_BLOCK_SIZE): Uint8Array {
  const limit = Math.min(maxBlockSize, MAX_BLOCK_SIZE);
  const r = codecReader(frame);
  const version = r.u8("frame version");
  if (version !== CODEC_VERSION) fail("UNKNOWN_VERSION", `frame version ${version}`);
  setWindow(s, r.u8("windowLog"));
  const declared = r.varintU32("block size");
  if (declared > limit) fail("SIZE_LIMIT_EXCEEDED", `frame declares ${declared} bytes, limit ${limit}`);
  const out = new ByteWriter();
  writeHeader(out, readHeader(r));
  const count = checkTxCount(r.varintU32("txCount"));
  out.varint(count);
  for (let i = 0; i < count; i++) {
    out.lengthPrefixed(encodeTx(readCompressedTx(r, s)));
    if (out.length > declared) fail("SIZE_MISMATCH", `reconstruction exceeds the declared ${declared} bytes at tx[${i}]`);
  }
  writeAggregateSignature(out, readAggregateSignature(r));
  r.end("frame");
  if (out.length !== declared) fail("SIZE_MISMATCH", `reconstructed ${out.length} bytes, frame declares ${declared}`);
  const encoded = out.finish();
  decodeBlock(encoded); // the block rules (B1–B9) apply to what a frame reconstructs
  return encoded;
}

/** Decompresses a whole stream from the empty state; the first invalid frame fails the stream. */
export function decompressFrames(frames: readonly Uint8Array[], maxBlockSize: number = MAX_BLOCK_SIZE): Uint8Array[] {
  const s = newStreamState();
  return frames.map((f) => decompressFrame(s, f, maxBlockSize));
}
