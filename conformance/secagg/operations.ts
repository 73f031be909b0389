/**
 * The secagg suite's operations (spec/secagg.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import {
  agreeKey,
  decodeCheckpoint,
  dequantizeSum,
  encodeCheckpoint,
  MAX_DIMENSION,
  publishBlob,
  verifyChain,
  type BlobProof,
  type ProvenanceRecord,
  Drbg,
  maskKey,
  neighbourGraph,
  open,
  prgExpand,
  quantize,
  shamirReconstruct,
  shamirSplit,
  type QuantizeParams,
} from "../../reference/secagg/index.js";
import { fail } from "../../reference/secagg/errors.js";
import {
  BadInput,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getHex,
  getInt,
  getString,
  hex,
  hexOfSize,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
  type Operation,
} from "../harness/operation.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { CLIENT_STEPS_INPUT_SCHEMA, CLIENT_STEPS_OUTPUT_SCHEMA, runClientSteps, runScenario, SCENARIO_INPUT_SCHEMA, SCENARIO_OUTPUT_SCHEMA } from "./scenarios.js";

const SPEC = "spec/secagg.md";
const NUMBER_LIST = { type: "array", items: { type: "number" } } as const;
const UINT_LIST = { type: "array", items: UINT_SCHEMA } as const;
const SHARE = objectSchema({ x: UINT_SCHEMA, data: HEX_SCHEMA });

function getNumber(o: JsonObject, key: string): number {
  const v = o[key];
  if (typeof v !== "number") throw new BadInput(`${key}: expected a number`);
  return v;
}
function hexBytes(v: Json, key: string): Uint8Array {
  if (typeof v !== "string" || !/^[0-9a-f]{16}$/.test(v)) throw new BadInput(`${key}: expected 8 bytes of hex`);
  return getHex({ v }, "v");
}
const getNumbers = (o: JsonObject, key: string): number[] =>
  getArray(o, key).map((v, i) => {
    if (typeof v !== "number") throw new BadInput(`${key}[${i}]: expected a number`);
    return v;
  });
const getShares = (o: JsonObject, key: string) =>
  getArray(o, key).map((s, i) => {
    if (typeof s !== "object" || s === null || Array.isArray(s)) throw new BadInput(`${key}[${i}]: expected an object`);
    return { x: getInt(s, "x"), data: getHex(s, "data") };
  });
const qparams = (i: JsonObject): QuantizeParams => ({ clip: getNumber(i, "clip"), bits: getInt(i, "bits"), clients: getInt(i, "clients") });

/** Bound of `stream_read` (rule D2): the bytes read in all. */
export const STREAM_READ_MAX = 2 ** 24;

const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "secagg", ...o });

/** Bound of a checkpoint input (§Checkpoints and provenance): version, two 5-byte varints, MAX_DIMENSION + 1 f64s (one over, so the bound itself can be tested). */
export const CHECKPOINT_MAX_BYTES = 11 + 8 * (MAX_DIMENSION + 1);
/** A weight in JSON: its IEEE-754 binary64 bits, most significant byte first (NaN, ±0, ±∞ included). */
const WEIGHT = hexOfSize(8);
const WEIGHT_LIST = { type: "array", items: WEIGHT, maxItems: MAX_DIMENSION } as const;
const CHECKPOINT_HEX = { ...HEX_SCHEMA, maxLength: 2 * CHECKPOINT_MAX_BYTES } as const;
const weightBits = (x: number): string => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x);
  return hex(b);
};

/** Bounds of `verify_chain` (§Checkpoints and provenance): its cost is at most 8 blobs of 8 rows × 8 shares. */
export const CHAIN_MAX_RECORDS = 8;
export const CHAIN_MAX_K = 8;
/** Bound of `publish_blob`: a blob of at most 16 shares. */
export const PUBLISH_MAX_BYTES = 16 * 483 - 4;
const hexUpTo = (n: number) => ({ ...HEX_SCHEMA, maxLength: 2 * n }) as const;
const hexList = (item: JsonSchema, maxItems: number) => ({ type: "array", items: item, maxItems }) as const;
const NMT_PROOF = objectSchema({ start: UINT_SCHEMA, end: UINT_SCHEMA, nodes: hexList(hexUpTo(128), 64) });
const BLOB_ROW = objectSchema({ row: UINT_SCHEMA, shares: hexList(hexUpTo(512), CHAIN_MAX_K), proof: NMT_PROOF });
const BLOB_PROOF = objectSchema({
  k: { ...UINT_SCHEMA, minimum: 1, maximum: CHAIN_MAX_K },
  dataRoot: hexOfSize(32),
  rowRoots: hexList(hexUpTo(128), 2 * CHAIN_MAX_K),
  colRoots: hexList(hexUpTo(128), 2 * CHAIN_MAX_K),
  rows: hexList(BLOB_ROW, CHAIN_MAX_K),
});
const RECORD = objectSchema({
  round: UINT_SCHEMA,
  modelBefore: hexOfSize(32),
  modelAfter: hexOfSize(32),
  participants: hexUpTo(8192),
  survivors: { type: "array", items: UINT_SCHEMA, maxItems: 65536 },
  sessionId: hexOfSize(32),
  dataRoot: hexOfSize(32),
});
const obj = (v: Json, key: string): JsonObject => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${key}: expected an object`);
  return v;
};
const hexArray = (o: JsonObject, key: string) =>
  getArray(o, key).map((v, j) => {
    const at = `${key}[${j}]`;
    return getHex({ [at]: v }, at);
  });
const intArray = (o: JsonObject, key: string) => getArray(o, key).map((v) => getInt({ v }, "v"));

/** A blob proof as JSON (the `publish_blob` output, a `verify_chain` input). */
export function blobProofJson(p: BlobProof): JsonObject {
  return {
    k: p.k,
    dataRoot: hex(p.dataRoot),
    rowRoots: p.rowRoots.map(hex),
    colRoots: p.colRoots.map(hex),
    rows: p.rows.map((r) => ({ row: r.row, shares: r.shares.map(hex), proof: { start: r.proof.start, end: r.proof.end, nodes: r.proof.nodes.map(hex) } })),
  };
}
function blobProofOf(v: Json, key: string): BlobProof {
  const o = obj(v, key);
  return {
    k: getInt(o, "k"),
    dataRoot: getHex(o, "dataRoot"),
    rowRoots: hexArray(o, "rowRoots"),
    colRoots: hexArray(o, "colRoots"),
    rows: getArray(o, "rows").map((r, j) => {
      const row = obj(r, `${key}.rows[${j}]`);
      const proof = obj(row["proof"] ?? null, "proof");
      return { row: getInt(row, "row"), shares: hexArray(row, "shares"), proof: { start: getInt(proof, "start"), end: getInt(proof, "end"), nodes: hexArray(proof, "nodes") } };
    }),
  };
}
/** A provenance record as JSON. */
export function recordJson(r: ProvenanceRecord): JsonObject {
  return { round: r.round, modelBefore: hex(r.modelBefore), modelAfter: hex(r.modelAfter), participants: hex(r.participants), survivors: r.survivors, sessionId: hex(r.sessionId), dataRoot: hex(r.dataRoot) };
}
function recordOf(v: Json, key: string): ProvenanceRecord {
  const o = obj(v, key);
  return {
    round: getInt(o, "round"),
    modelBefore: getHex(o, "modelBefore"),
    modelAfter: getHex(o, "modelAfter"),
    participants: getHex(o, "participants"),
    survivors: intArray(o, "survivors"),
    sessionId: getHex(o, "sessionId"),
    dataRoot: getHex(o, "dataRoot"),
  };
}
const weightOf = (bits: Uint8Array): number => new DataView(bits.buffer, bits.byteOffset, 8).getFloat64(0);

export const SECAGG_OPERATIONS: readonly Operation[] = [
  op({
    name: "quantize",
    summary: "float values → elements of Z_R: clip, scale to m = floor((R − 1)/N) levels, stochastic rounding from a labelled stream",
    specSection: `${SPEC}#quantization`,
    input: objectSchema({ values: NUMBER_LIST, clip: { type: "number" }, bits: UINT_SCHEMA, clients: UINT_SCHEMA, label: { type: "string" } }),
    output: objectSchema({ elements: UINT_LIST, levels: UINT_SCHEMA }),
    run: (i) => {
      const p = qparams(i);
      const elements = quantize(getNumbers(i, "values"), p, getString(i, "label"));
      return { elements: [...elements], levels: Math.floor((2 ** p.bits - 1) / p.clients) };
    },
  }),
  op({
    name: "dequantize",
    summary: "the sum of `count` clients' quantized vectors → the float sum S·2c/m − count·c",
    specSection: `${SPEC}#quantization`,
    input: objectSchema({ sum: NUMBER_LIST, clip: { type: "number" }, bits: UINT_SCHEMA, clients: UINT_SCHEMA, count: UINT_SCHEMA }),
    output: objectSchema({ values: NUMBER_LIST }),
    run: (i) => ({ values: dequantizeSum(getNumbers(i, "sum"), qparams(i), getInt(i, "count")) }),
  }),
  op({
    name: "stream_read",
    summary: "the AES-256-CTR stream of a key read front to back in pieces of the given sizes: the SHA-256 of each piece",
    specSection: `${SPEC}#aes-256-ctr-streams`,
    input: objectSchema({ key: HEX_SCHEMA, reads: UINT_LIST }),
    output: objectSchema({ sha256: { type: "array", items: hexOfSize(32) } }),
    run: (i) => {
      const drbg = new Drbg(getHex(i, "key"));
      const reads = getArray(i, "reads").map((v) => getInt({ v }, "v"));
      const total = reads.reduce((a, b) => a + b, 0);
      if (total > STREAM_READ_MAX) fail("PARAMETER_OUT_OF_RANGE", `${total} bytes in all; at most ${STREAM_READ_MAX}`);
      return { sha256: reads.map((n) => hex(sha256(drbg.read(n)))) };
    },
  }),
  op({
    name: "shamir_split",
    summary: "t-of-|points| shares of a secret, coefficients from the AES-256-CTR stream of a 32-byte key",
    specSection: `${SPEC}#shamir-secret-sharing`,
    input: objectSchema({ secret: HEX_SCHEMA, t: UINT_SCHEMA, points: UINT_LIST, coefficientKey: hexOfSize(32) }),
    output: objectSchema({ shares: { type: "array", items: SHARE } }),
    run: (i) => {
      const shares = shamirSplit(getHex(i, "secret"), getInt(i, "t"), getArray(i, "points").map((v) => getInt({ v }, "v")), new Drbg(getHex(i, "coefficientKey")));
      return { shares: shares.map((s) => ({ x: s.x, data: hex(s.data) })) };
    },
  }),
  op({
    name: "shamir_reconstruct",
    summary: "the secret of `secretLength` bytes from t or more shares; surplus shares must agree",
    specSection: `${SPEC}#shamir-secret-sharing`,
    input: objectSchema({ t: UINT_SCHEMA, secretLength: UINT_SCHEMA, shares: { type: "array", items: SHARE } }),
    output: objectSchema({ secret: HEX_SCHEMA }),
    run: (i) => ({ secret: hex(shamirReconstruct(getShares(i, "shares"), getInt(i, "t"), getInt(i, "secretLength"))) }),
  }),
  op({
    name: "prg_expand",
    summary: "a 32-byte seed, a session id, ℓ and L → fcp's DigestKey mask key and the L mask elements",
    specSection: `${SPEC}#mask-expansion`,
    input: objectSchema({ seed: hexOfSize(32), session: hexOfSize(32), bits: UINT_SCHEMA, length: UINT_SCHEMA }),
    output: objectSchema({ key: hexOfSize(32), mask: UINT_LIST }),
    run: (i) => {
      const [seed, session, bits, length] = [getHex(i, "seed"), getHex(i, "session"), getInt(i, "bits"), getInt(i, "length")];
      const mask = prgExpand(seed, session, bits, length);
      return { key: hex(maskKey(seed, session, bits, length)), mask: [...mask] };
    },
  }),
  op({
    name: "key_agree",
    summary: "P-256 ECDH: the x-coordinate of sk·PK",
    specSection: `${SPEC}#key-agreement-and-encryption`,
    input: objectSchema({ secretKey: HEX_SCHEMA, publicKey: HEX_SCHEMA }),
    output: objectSchema({ key: hexOfSize(32) }),
    run: (i) => ({ key: hex(agreeKey(getHex(i, "secretKey"), getHex(i, "publicKey"))) }),
  }),
  op({
    name: "aead_open",
    summary: "AES-256-GCM open of nonce ‖ ciphertext ‖ tag",
    specSection: `${SPEC}#key-agreement-and-encryption`,
    input: objectSchema({ key: hexOfSize(32), sealed: HEX_SCHEMA }),
    output: objectSchema({ plaintext: HEX_SCHEMA }),
    run: (i) => ({ plaintext: hex(open(getHex(i, "key"), getHex(i, "sealed"))) }),
  }),
  op({
    name: "neighbour_graph",
    summary: "every user's sorted neighbour list: the complete graph, or SecAgg+'s Harary graph on a public permutation",
    specSection: `${SPEC}#neighbour-graph`,
    input: objectSchema({ n: UINT_SCHEMA, degree: UINT_SCHEMA, graphSeed: hexOfSize(32) }),
    output: objectSchema({ neighbours: { type: "array", items: UINT_LIST } }),
    run: (i) => {
      const [n, degree] = [getInt(i, "n"), getInt(i, "degree")];
      if (n < 3 || n > 4096 || degree < 2 || degree > n - 1 || (degree !== n - 1 && degree % 2 !== 0)) fail("PARAMETER_OUT_OF_RANGE", `n = ${n} (3..4096), degree ${degree} (n − 1 or even 2..n − 2)`);
      return { neighbours: neighbourGraph({ n, degree, graphSeed: getHex(i, "graphSeed") }) as Json[] };
    },
  }),
  op({
    name: "round",
    summary: "a whole session from a label, with dropouts and an adversary: every delivery, its outcome, the sum or the abort",
    specSection: `${SPEC}#conformance-operations`,
    input: SCENARIO_INPUT_SCHEMA as JsonSchema,
    output: SCENARIO_OUTPUT_SCHEMA as JsonSchema,
    run: (i) => runScenario(i),
  }),
  op({
    name: "client_steps",
    summary: "one client of a `round` session (parameters from the label; its own id, seed and input): its answer to each event, `start` or a server message",
    specSection: `${SPEC}#conformance-operations`,
    input: CLIENT_STEPS_INPUT_SCHEMA as JsonSchema,
    output: CLIENT_STEPS_OUTPUT_SCHEMA as JsonSchema,
    run: (i) => runClientSteps(i),
  }),
  op({
    name: "decode_checkpoint",
    summary: "a checkpoint's bytes → its round and weights (each as its binary64 bits, most significant byte first), or the error",
    specSection: `${SPEC}#checkpoints-and-provenance`,
    input: objectSchema({ bytes: CHECKPOINT_HEX }),
    output: objectSchema({ round: UINT_SCHEMA, weights: WEIGHT_LIST }),
    run: (i) => {
      const bytes = getHex(i, "bytes");
      if (bytes.length > CHECKPOINT_MAX_BYTES) throw new BadInput(`bytes: at most ${CHECKPOINT_MAX_BYTES}`);
      const c = decodeCheckpoint(bytes);
      return { round: c.round, weights: c.weights.map(weightBits) };
    },
  }),
  op({
    name: "encode_checkpoint",
    summary: "a round and weights (binary64 bits, most significant byte first) → the checkpoint's bytes and its model hash",
    specSection: `${SPEC}#checkpoints-and-provenance`,
    input: objectSchema({ round: { ...UINT_SCHEMA, maximum: 2 ** 32 - 1 }, weights: WEIGHT_LIST }),
    output: objectSchema({ bytes: CHECKPOINT_HEX, modelHash: hexOfSize(32) }),
    run: (i) => {
      const round = getInt(i, "round");
      const weights = getArray(i, "weights");
      if (round > 2 ** 32 - 1 || weights.length > MAX_DIMENSION) throw new BadInput(`round ≤ 2^32 − 1, at most ${MAX_DIMENSION} weights`);
      const bytes = encodeCheckpoint(round, weights.map((w, k) => weightOf(hexBytes(w, `weights[${k}]`))));
      return { bytes: hex(bytes), modelHash: hex(sha256(bytes)) };
    },
  }),
  op({
    name: "publish_blob",
    summary: "a blob → its shares in the model namespace, alone in a da square, and its inclusion proof (commitments and per-row NMT range proofs)",
    specSection: `${SPEC}#checkpoints-and-provenance`,
    input: objectSchema({ blob: hexUpTo(PUBLISH_MAX_BYTES) }),
    output: BLOB_PROOF,
    run: (i) => {
      const blob = getHex(i, "blob");
      if (blob.length > PUBLISH_MAX_BYTES) throw new BadInput(`blob: at most ${PUBLISH_MAX_BYTES} bytes`);
      return blobProofJson(publishBlob(blob));
    },
  }),
  op({
    name: "verify_chain",
    summary: "a provenance chain from the genesis model hash, one blob proof per record → the last model hash, or the first broken check's code",
    specSection: `${SPEC}#checkpoints-and-provenance`,
    input: objectSchema({ genesis: hexOfSize(32), records: hexList(RECORD, CHAIN_MAX_RECORDS), proofs: hexList(BLOB_PROOF, CHAIN_MAX_RECORDS) }),
    output: objectSchema({ head: hexOfSize(32) }),
    run: (i) => {
      const records = getArray(i, "records").map((r, j) => recordOf(r, `records[${j}]`));
      const proofs = getArray(i, "proofs").map((p, j) => blobProofOf(p, `proofs[${j}]`));
      if (records.length > CHAIN_MAX_RECORDS || proofs.length > CHAIN_MAX_RECORDS || proofs.some((p) => p.k > CHAIN_MAX_K)) throw new BadInput(`at most ${CHAIN_MAX_RECORDS} records and proofs, k ≤ ${CHAIN_MAX_K}`);
      return { head: hex(verifyChain(getHex(i, "genesis"), records, proofs)) };
    },
  }),
];
