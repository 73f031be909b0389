/**
 * fast-check arbitraries of codec values and of every codec operation's input, for the property
 * tests and for `pwo fuzz --suite codec`.
 * @module
 */
import fc from "fast-check";
import { ByteWriter } from "../../reference/common/bytes.js";
import { toHex as hexOf } from "../../reference/common/hex.js";
import {
  compressBlocks,
  computeTxRoot,
  encodeBlock,
  encodeTx,
  MAX_BLOCK_SIZE,
  MAX_WINDOW_LOG,
  MIN_WINDOW_LOG,
  type Block,
  type Transaction,
} from "../../reference/codec/index.js";
import { hexArb, hostileBytes, u64Arb } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { blockToJson, txToJson } from "./operations.js";

/** Addresses from a small pool half the time, so streams reuse accounts as real ones do. */
const addressArb = fc.oneof(fc.nat(5).map((i) => new Uint8Array(32).fill(i)), fc.uint8Array({ minLength: 32, maxLength: 32 }));

export const txArb: fc.Arbitrary<Transaction> = fc
  .record({
    kind: fc.constantFrom("payment" as const, "call" as const),
    sigMode: fc.constantFrom("single" as const, "aggregate" as const),
    sender: addressArb,
    nonce: u64Arb,
    fee: u64Arb,
    target: addressArb,
    amount: u64Arb,
    calldata: fc.uint8Array({ maxLength: 80 }),
    signature: fc.uint8Array({ minLength: 64, maxLength: 64 }),
  })
  .map((r): Transaction => {
    const common = { sigMode: r.sigMode, sender: r.sender, nonce: r.nonce, fee: r.fee, signature: r.sigMode === "single" ? r.signature : null };
    return r.kind === "payment" ? { kind: "payment", ...common, recipient: r.target, amount: r.amount } : { kind: "call", ...common, contract: r.target, value: r.amount, calldata: r.calldata };
  });

export const blockArb: fc.Arbitrary<Block> = fc
  .record({
    shardId: fc.oneof(fc.nat(10), fc.constant(0xffffffff)),
    height: u64Arb,
    parentHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    txs: fc.array(txArb, { maxLength: 6 }),
    aggregateSignature: fc.uint8Array({ minLength: 96, maxLength: 96 }),
  })
  .map((r) => ({
    ...r,
    txRoot: computeTxRoot(r.txs.map(encodeTx)),
    aggregateSignature: r.txs.some((t) => t.sigMode === "aggregate") ? r.aggregateSignature : null,
  }));

export const streamArb = fc.record({ blocks: fc.array(blockArb, { maxLength: 4 }), windowLog: fc.integer({ min: MIN_WINDOW_LOG, max: MAX_WINDOW_LOG }) });

/** A JSON field replaced by a hostile value, for encoder inputs. */
function corruptField(o: JsonObject): fc.Arbitrary<JsonObject> {
  const keys = Object.keys(o).filter((k) => k !== "kind" && k !== "sigMode" && k !== "txs");
  if (keys.length === 0) return fc.constant(o);
  return fc
    .tuple(fc.constantFrom(...keys), fc.constantFrom<string | number | null>("", "00", "ff".repeat(33), "18446744073709551616", "0", 4294967296, null))
    .map(([k, v]) => ({ ...o, [k]: typeof o[k] === typeof v || v === null ? v : o[k] ?? null }));
}

const withCorruption = (a: fc.Arbitrary<JsonObject>) => fc.oneof({ arbitrary: a, weight: 3 }, { arbitrary: a.chain(corruptField), weight: 2 });
const varintBytes = fc.bigInt({ min: 0n, max: (1n << 70n) - 1n }).map((v) => new ByteWriter().varint(v).finish());

/** Operation name → arbitrary of its JSON input. */
export const CODEC_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  decode_varint: fc.record({ data: hexArb(hostileBytes(varintBytes, 12)), bits: fc.constantFrom(32, 64) }),
  encode_varint: fc.record({ value: fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }).map(String) }),
  decode_tx: fc.record({ data: hexArb(hostileBytes(txArb.map(encodeTx))) }),
  encode_tx: fc.record({ tx: withCorruption(txArb.map(txToJson)) }),
  decode_block: fc.record({ data: hexArb(hostileBytes(blockArb.map(encodeBlock), 400)) }),
  encode_block: fc.record({ block: withCorruption(blockArb.map(blockToJson)) }),
  compress: streamArb.map(({ blocks, windowLog }) => ({ blocks: blocks.map((b) => encodeBlock(b)).map(hexOf), windowLog })),
  decompress: fc
    .tuple(streamArb, fc.nat(), fc.boolean())
    .chain(([s, which, tight]) => {
      const frames = compressBlocks(s.blocks, s.windowLog);
      const limit = tight && s.blocks.length > 0 ? encodeBlock(s.blocks[which % s.blocks.length]!).length : MAX_BLOCK_SIZE;
      if (frames.length === 0) return fc.constant({ frames: [] as string[], maxBlockSize: limit });
      const i = which % frames.length;
      return hostileBytes(fc.constant(frames[i]!)).map((f) => ({ frames: frames.map((x, j) => hexOf(j === i ? f : x)), maxBlockSize: limit }));
    }),
  workload: fc.record({ seed: fc.string({ maxLength: 8 }), blocks: fc.nat(3), txsPerBlock: fc.nat(8), sigMode: fc.constantFrom("single", "aggregate") }),
};
