/**
 * The codec suite's operations (spec/codec.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import { ByteWriter } from "../../reference/common/bytes.js";
import {
  compressBlocks,
  decodeBlock,
  decodeTx,
  decompressFrames,
  encodeBlock,
  encodeTx,
  generateWorkload,
  MAX_BLOCK_SIZE,
  type Block,
  type SigMode,
  type Transaction,
} from "../../reference/codec/index.js";
import { codecReader } from "../../reference/codec/tx.js";
import {
  BadInput,
  DECIMAL_SCHEMA,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getDecimal,
  getHex,
  getHexArray,
  getHexOrNull,
  getInt,
  getObject,
  getString,
  hex,
  hexOfSize,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
  type Operation,
} from "../harness/operation.js";

const SPEC = "spec/codec.md";
const SIG_MODES = ["single", "aggregate"] as const;

// ---- JSON forms of the codec's values ----

/** Transaction JSON. Input form is permissive (any hex length, any decimal) so range rules reach the reference. */
function txSchema(strict: boolean): JsonSchema {
  const h = (n: number) => (strict ? hexOfSize(n) : HEX_SCHEMA);
  const sig = { anyOf: [h(64), { type: "null" }] };
  const common = { sigMode: { enum: [...SIG_MODES] }, sender: h(32), nonce: DECIMAL_SCHEMA, fee: DECIMAL_SCHEMA, signature: sig };
  return {
    oneOf: [
      objectSchema({ kind: { const: "payment" }, ...common, recipient: h(32), amount: DECIMAL_SCHEMA }),
      objectSchema({ kind: { const: "call" }, ...common, contract: h(32), value: DECIMAL_SCHEMA, calldata: HEX_SCHEMA }),
    ],
  };
}

function blockSchema(strict: boolean): JsonSchema {
  const h = (n: number) => (strict ? hexOfSize(n) : HEX_SCHEMA);
  return objectSchema({
    shardId: UINT_SCHEMA,
    height: DECIMAL_SCHEMA,
    parentHash: h(32),
    txRoot: h(32),
    txs: { type: "array", items: txSchema(strict) },
    aggregateSignature: { anyOf: [h(96), { type: "null" }] },
  });
}

export function txToJson(tx: Transaction): JsonObject {
  const common = { sigMode: tx.sigMode, sender: hex(tx.sender), nonce: tx.nonce.toString(), fee: tx.fee.toString() };
  const signature = tx.signature === null ? null : hex(tx.signature);
  return tx.kind === "payment"
    ? { kind: "payment", ...common, recipient: hex(tx.recipient), amount: tx.amount.toString(), signature }
    : { kind: "call", ...common, contract: hex(tx.contract), value: tx.value.toString(), calldata: hex(tx.calldata), signature };
}

export function txFromJson(o: JsonObject): Transaction {
  const kind = getString(o, "kind", ["payment", "call"] as const);
  const common = { sigMode: getString<SigMode>(o, "sigMode", SIG_MODES), sender: getHex(o, "sender"), nonce: getDecimal(o, "nonce"), fee: getDecimal(o, "fee"), signature: getHexOrNull(o, "signature") };
  return kind === "payment"
    ? { kind, ...common, recipient: getHex(o, "recipient"), amount: getDecimal(o, "amount") }
    : { kind, ...common, contract: getHex(o, "contract"), value: getDecimal(o, "value"), calldata: getHex(o, "calldata") };
}

export function blockToJson(b: Block): JsonObject {
  return {
    shardId: b.shardId,
    height: b.height.toString(),
    parentHash: hex(b.parentHash),
    txRoot: hex(b.txRoot),
    txs: b.txs.map(txToJson),
    aggregateSignature: b.aggregateSignature === null ? null : hex(b.aggregateSignature),
  };
}

export function blockFromJson(o: JsonObject): Block {
  const txs = getArray(o, "txs").map((t, i) => {
    if (typeof t !== "object" || t === null || Array.isArray(t)) throw new BadInput(`txs[${i}]: expected an object`);
    return txFromJson(t);
  });
  return { shardId: getInt(o, "shardId"), height: getDecimal(o, "height"), parentHash: getHex(o, "parentHash"), txRoot: getHex(o, "txRoot"), txs, aggregateSignature: getHexOrNull(o, "aggregateSignature") };
}

const hexList = { type: "array", items: HEX_SCHEMA } as const;

/** Most transactions (and blocks, an empty block counting as one) one `workload` request may ask for. */
export const MAX_WORKLOAD_TXS = 20_000;
const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "codec", ...o });

export const CODEC_OPERATIONS: readonly Operation[] = [
  op({
    name: "decode_varint",
    summary: "decode a canonical unsigned LEB128 varint of at most `bits` bits that spans the whole input",
    specSection: "spec/common.md#varints",
    input: objectSchema({ data: HEX_SCHEMA, bits: { enum: [32, 64] } }),
    output: objectSchema({ value: DECIMAL_SCHEMA }),
    run: (i) => {
      const r = codecReader(getHex(i, "data"));
      const bits = getInt(i, "bits");
      if (bits !== 32 && bits !== 64) throw new BadInput(`bits: expected 32 or 64, got ${bits}`);
      const value = r.varint(bits, "value");
      r.end("varint");
      return { value: value.toString() };
    },
  }),
  op({
    name: "encode_varint",
    summary: "encode a non-negative integer as canonical unsigned LEB128",
    specSection: "spec/common.md#varints",
    input: objectSchema({ value: DECIMAL_SCHEMA }),
    output: objectSchema({ data: HEX_SCHEMA }),
    run: (i) => ({ data: hex(new ByteWriter().varint(getDecimal(i, "value")).finish()) }),
  }),
  op({
    name: "decode_tx",
    summary: "decode one transaction, rejecting every non-canonical form",
    specSection: `${SPEC}#transaction-encoding`,
    input: objectSchema({ data: HEX_SCHEMA }),
    output: objectSchema({ tx: txSchema(true) }),
    run: (i) => ({ tx: txToJson(decodeTx(getHex(i, "data"))) }),
  }),
  op({
    name: "encode_tx",
    summary: "encode one transaction canonically, rejecting out-of-range fields",
    specSection: `${SPEC}#transaction-encoding`,
    input: objectSchema({ tx: txSchema(false) }),
    output: objectSchema({ data: HEX_SCHEMA }),
    run: (i) => ({ data: hex(encodeTx(txFromJson(getObject(i, "tx")))) }),
  }),
  op({
    name: "decode_block",
    summary: "decode one block, checking its transactions, aggregate signature and tx root",
    specSection: `${SPEC}#block-encoding`,
    input: objectSchema({ data: HEX_SCHEMA }),
    output: objectSchema({ block: blockSchema(true) }),
    run: (i) => ({ block: blockToJson(decodeBlock(getHex(i, "data"))) }),
  }),
  op({
    name: "encode_block",
    summary: "encode one block canonically, checking the rules the decoder checks",
    specSection: `${SPEC}#block-encoding`,
    input: objectSchema({ block: blockSchema(false) }),
    output: objectSchema({ data: HEX_SCHEMA }),
    run: (i) => ({ data: hex(encodeBlock(blockFromJson(getObject(i, "block")))) }),
  }),
  op({
    name: "compress",
    summary: "compress encoded blocks as one stream of frames",
    specSection: `${SPEC}#streaming-compression`,
    input: objectSchema({ blocks: hexList, windowLog: UINT_SCHEMA }),
    output: objectSchema({ frames: hexList }),
    run: (i) => ({ frames: compressBlocks(getHexArray(i, "blocks").map(decodeBlock), getInt(i, "windowLog")).map(hex) }),
  }),
  op({
    name: "decompress",
    summary: "decompress a stream of frames into encoded blocks, none larger than maxBlockSize",
    specSection: `${SPEC}#decompression`,
    input: objectSchema({ frames: hexList, maxBlockSize: { type: "integer", minimum: 0, maximum: MAX_BLOCK_SIZE } }),
    output: objectSchema({ blocks: hexList }),
    run: (i) => ({ blocks: decompressFrames(getHexArray(i, "frames"), getInt(i, "maxBlockSize")).map(hex) }),
  }),
  op({
    name: "workload",
    summary: "generate the standard synthetic workload's blocks",
    specSection: `${SPEC}#workload`,
    input: objectSchema({ seed: { type: "string" }, blocks: UINT_SCHEMA, txsPerBlock: UINT_SCHEMA, sigMode: { enum: [...SIG_MODES] } }),
    output: objectSchema({ blocks: hexList }),
    run: (i) => {
      const params = { seed: getString(i, "seed"), blocks: getInt(i, "blocks"), txsPerBlock: getInt(i, "txsPerBlock"), sigMode: getString<SigMode>(i, "sigMode", SIG_MODES) };
      // each block costs work even when empty: bound blocks and transactions separately, never their product alone
      if (params.blocks > MAX_WORKLOAD_TXS || params.txsPerBlock > MAX_WORKLOAD_TXS || params.blocks * Math.max(1, params.txsPerBlock) > MAX_WORKLOAD_TXS) {
        throw new BadInput(`workload: at most ${MAX_WORKLOAD_TXS} transactions and blocks per request (blocks × max(1, txsPerBlock))`);
      }
      return { blocks: generateWorkload(params).map(encodeBlock).map(hex) };
    },
  }),
];

