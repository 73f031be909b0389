/**
 * The da suite's operations (spec/da.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import {
  createBadEncodingProof,
  extendSquare,
  nmtProveNamespace,
  nmtProveRange,
  nmtRoot,
  reconstructSquare,
  rsEncode,
  rsReconstruct,
  leopardEncode,
  leopardReconstruct,
  verifyBadEncodingProof,
  verifyNmtNamespace,
  verifyNmtRange,
  verifySample,
  type Axis,
  type NmtProof,
  type SquareCommitments,
  type SquareParams,
  SQUARE_CODECS,
  type SquareCodec,
} from "../../reference/da/index.js";
import {
  BadInput,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getHex,
  getHexArray,
  getInt,
  getString,
  hex,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
  type Operation,
} from "../harness/operation.js";

const SPEC = "spec/da.md";
const AXES = ["row", "col"] as const;

const hexList = { type: "array", items: HEX_SCHEMA } as const;
const nullableHexList = { type: "array", items: { anyOf: [HEX_SCHEMA, { type: "null" }] } } as const;
const VALID = objectSchema({ valid: { const: true } });

/** A list of hex strings or nulls (absent shards, withheld cells). */
export function getNullableHexArray(o: JsonObject, key: string): (Uint8Array | undefined)[] {
  return getArray(o, key).map((v, i) => (v === null ? undefined : getHex({ [`${key}[${i}]`]: v }, `${key}[${i}]`)));
}

/** `null` for absent entries, hex otherwise. */
export const nullableHex = (xs: readonly (Uint8Array | undefined)[]): (string | null)[] => xs.map((x) => (x === undefined ? null : hex(x)));

/** The square's parameters; `codec` is optional (absent: reed-solomon, the PWO profile). */
const params = (i: JsonObject): SquareParams => ({
  shareSize: getInt(i, "shareSize"),
  namespaceSize: getInt(i, "namespaceSize"),
  ...(i["codec"] === undefined ? {} : { codec: getString<SquareCodec>(i, "codec", SQUARE_CODECS) }),
});
const commitments = (i: JsonObject): SquareCommitments => ({ dataRoot: getHex(i, "dataRoot"), rowRoots: getHexArray(i, "rowRoots"), colRoots: getHexArray(i, "colRoots") });
const rangeProof = (i: JsonObject): NmtProof => ({ start: getInt(i, "start"), end: getInt(i, "end"), nodes: getHexArray(i, "nodes") });

const SQUARE_PARAMS = { namespaceSize: UINT_SCHEMA, shareSize: UINT_SCHEMA, codec: { enum: [...SQUARE_CODECS] } } as const;
/** A square operation's input schema: every property required except the optional `codec`. */
const squareInput = (properties: Record<string, JsonSchema>): JsonSchema => objectSchema(properties, Object.keys(properties).filter((k) => k !== "codec"));
const COMMITMENTS = { dataRoot: HEX_SCHEMA, rowRoots: hexList, colRoots: hexList } as const;
/** Most parity bytes one rs_encode request may ask for (64 MiB, the protocol's line limit). */
export const MAX_REQUEST_PARITY_BYTES = 64 * 1024 * 1024;
const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "da", ...o });

export const DA_OPERATIONS: readonly Operation[] = [
  op({
    name: "rs_encode",
    summary: "the parity shards of equal-sized data shards (Reed-Solomon over GF(2^8), reed-solomon-erasure's matrix)",
    specSection: `${SPEC}#reed-solomon`,
    input: objectSchema({ data: hexList, parityCount: UINT_SCHEMA }),
    output: objectSchema({ parity: hexList }),
    run: (i) => {
      const data = getHexArray(i, "data");
      const parityCount = getInt(i, "parityCount");
      // the reference allocates parityCount × shard size: bounded per request, as codec's workload is
      if (parityCount * (data[0]?.length ?? 0) > MAX_REQUEST_PARITY_BYTES) throw new BadInput(`rs_encode: at most ${MAX_REQUEST_PARITY_BYTES} parity bytes per request`);
      return { parity: rsEncode(data, parityCount).map(hex) };
    },
  }),
  op({
    name: "rs_reconstruct",
    summary: "every shard (data then parity) from any dataCount of them; null marks an absent shard",
    specSection: `${SPEC}#reed-solomon`,
    input: objectSchema({ shards: nullableHexList, dataCount: UINT_SCHEMA }),
    output: objectSchema({ shards: hexList }),
    run: (i) => ({ shards: rsReconstruct(getNullableHexArray(i, "shards"), getInt(i, "dataCount")).map(hex) }),
  }),
  op({
    name: "leopard_encode",
    summary: "the parity shards of equal-sized data shards under Leopard's FFT Reed-Solomon code over GF(2^8) (catid/leopard, klauspost WithLeopardGF)",
    specSection: `${SPEC}#leopard`,
    input: objectSchema({ data: hexList, parityCount: UINT_SCHEMA }),
    output: objectSchema({ parity: hexList }),
    run: (i) => {
      const data = getHexArray(i, "data");
      const parityCount = getInt(i, "parityCount");
      if (parityCount * (data[0]?.length ?? 0) > MAX_REQUEST_PARITY_BYTES) throw new BadInput(`leopard_encode: at most ${MAX_REQUEST_PARITY_BYTES} parity bytes per request`);
      return { parity: leopardEncode(data, parityCount).map(hex) };
    },
  }),
  op({
    name: "leopard_reconstruct",
    summary: "every shard (data then parity) from any dataCount of them under Leopard GF(2^8); null marks an absent shard",
    specSection: `${SPEC}#leopard`,
    input: objectSchema({ shards: nullableHexList, dataCount: UINT_SCHEMA }),
    output: objectSchema({ shards: hexList }),
    run: (i) => ({ shards: leopardReconstruct(getNullableHexArray(i, "shards"), getInt(i, "dataCount")).map(hex) }),
  }),
  op({
    name: "nmt_root",
    summary: "the namespaced Merkle root of leaves namespace ‖ data (celestiaorg/nmt, ignore-max-namespace)",
    specSection: `${SPEC}#namespaced-merkle-tree`,
    input: objectSchema({ namespaceSize: UINT_SCHEMA, leaves: hexList }),
    output: objectSchema({ root: HEX_SCHEMA }),
    run: (i) => ({ root: hex(nmtRoot(getHexArray(i, "leaves"), getInt(i, "namespaceSize"))) }),
  }),
  op({
    name: "nmt_prove_range",
    summary: "the proof nodes of the leaves [start, end) of a namespaced Merkle tree",
    specSection: `${SPEC}#range-proofs`,
    input: objectSchema({ namespaceSize: UINT_SCHEMA, leaves: hexList, start: UINT_SCHEMA, end: UINT_SCHEMA }),
    output: objectSchema({ nodes: hexList }),
    run: (i) => ({ nodes: nmtProveRange(getHexArray(i, "leaves"), getInt(i, "namespaceSize"), getInt(i, "start"), getInt(i, "end")).nodes.map(hex) }),
  }),
  op({
    name: "nmt_verify_range",
    summary: "check that leaves are the leaves [start, end) of the tree of leafCount leaves with the given root",
    specSection: `${SPEC}#range-proofs`,
    input: objectSchema({ namespaceSize: UINT_SCHEMA, root: HEX_SCHEMA, leafCount: UINT_SCHEMA, start: UINT_SCHEMA, end: UINT_SCHEMA, nodes: hexList, leaves: hexList }),
    output: VALID,
    run: (i) => ({ valid: verifyNmtRange(getHex(i, "root"), getInt(i, "namespaceSize"), getInt(i, "leafCount"), rangeProof(i), getHexArray(i, "leaves")) }),
  }),
  op({
    name: "nmt_prove_namespace",
    summary: "the namespace proof (inclusion, absence or empty) of a namespace in a namespaced Merkle tree",
    specSection: `${SPEC}#namespace-proofs`,
    input: objectSchema({ namespaceSize: UINT_SCHEMA, leaves: hexList, namespace: HEX_SCHEMA }),
    output: objectSchema({ kind: { enum: ["inclusion", "absence", "empty"] }, start: UINT_SCHEMA, end: UINT_SCHEMA, nodes: hexList, leafHash: { anyOf: [HEX_SCHEMA, { type: "null" }] } }),
    run: (i) => {
      const p = nmtProveNamespace(getHexArray(i, "leaves"), getInt(i, "namespaceSize"), getHex(i, "namespace"));
      return { kind: p.kind, start: p.start, end: p.end, nodes: p.nodes.map(hex), leafHash: p.leafHash === null ? null : hex(p.leafHash) };
    },
  }),
  op({
    name: "nmt_verify_namespace",
    summary: "verify a namespace proof; present is true for an inclusion proof, false for absence or empty",
    specSection: `${SPEC}#namespace-proofs`,
    input: objectSchema({
      namespaceSize: UINT_SCHEMA,
      root: HEX_SCHEMA,
      leafCount: UINT_SCHEMA,
      namespace: HEX_SCHEMA,
      start: UINT_SCHEMA,
      end: UINT_SCHEMA,
      nodes: hexList,
      leaves: hexList,
      leafHash: { anyOf: [HEX_SCHEMA, { type: "null" }] },
    }),
    output: objectSchema({ present: { type: "boolean" } }),
    run: (i) => {
      const leafHash = i.leafHash === null ? null : getHex(i, "leafHash");
      return { present: verifyNmtNamespace(getHex(i, "root"), getInt(i, "namespaceSize"), getInt(i, "leafCount"), getHex(i, "namespace"), rangeProof(i), getHexArray(i, "leaves"), leafHash) };
    },
  }),
  op({
    name: "extend_square",
    summary: "the row roots, column roots and data root of the extended square of namespace-sorted shares",
    specSection: `${SPEC}#extended-data-square`,
    input: squareInput({ ...SQUARE_PARAMS, shares: hexList }),
    output: objectSchema({ k: UINT_SCHEMA, ...COMMITMENTS }),
    run: (i) => {
      const sq = extendSquare(getHexArray(i, "shares"), params(i));
      return { k: sq.k, dataRoot: hex(sq.dataRoot), rowRoots: sq.rowRoots.map(hex), colRoots: sq.colRoots.map(hex) };
    },
  }),
  op({
    name: "reconstruct_square",
    summary: "the original shares of a square from a sufficient subset of its 4k² cells, checked against the data root",
    specSection: `${SPEC}#reconstruction`,
    input: squareInput({ ...SQUARE_PARAMS, dataRoot: HEX_SCHEMA, cells: nullableHexList }),
    output: objectSchema({ shares: hexList }),
    run: (i) => {
      const sq = reconstructSquare(getNullableHexArray(i, "cells"), params(i), getHex(i, "dataRoot"));
      return { shares: Array.from({ length: sq.k * sq.k }, (_, j) => hex(sq.cells[Math.floor(j / sq.k) * 2 * sq.k + (j % sq.k)]!)) };
    },
  }),
  op({
    name: "verify_fraud_proof",
    summary: "verify a bad-encoding fraud proof against a square's commitments",
    specSection: `${SPEC}#bad-encoding-fraud-proofs`,
    input: squareInput({
      ...SQUARE_PARAMS,
      ...COMMITMENTS,
      axis: { enum: [...AXES] },
      index: UINT_SCHEMA,
      positions: { type: "array", items: UINT_SCHEMA },
      shares: hexList,
      proofs: { type: "array", items: hexList },
    }),
    output: VALID,
    run: (i) => {
      const index = getInt(i, "index");
      const proofs = getArray(i, "proofs").map((nodes, j): NmtProof => ({ start: index, end: index + 1, nodes: getHexArray({ [`proofs[${j}]`]: nodes }, `proofs[${j}]`) }));
      const positions = getArray(i, "positions").map((p, j) => getInt({ [`positions[${j}]`]: p as Json }, `positions[${j}]`));
      return { valid: verifyBadEncodingProof(commitments(i), { axis: getString<Axis>(i, "axis", AXES), index, positions, shares: getHexArray(i, "shares"), proofs }, params(i)) };
    },
  }),
  op({
    name: "verify_sample",
    summary: "verify one sampled share and its row proof against a square's commitments",
    specSection: `${SPEC}#sampling`,
    input: squareInput({ ...SQUARE_PARAMS, ...COMMITMENTS, row: UINT_SCHEMA, col: UINT_SCHEMA, share: HEX_SCHEMA, nodes: hexList }),
    output: VALID,
    run: (i) => {
      const col = getInt(i, "col");
      return { valid: verifySample(commitments(i), { row: getInt(i, "row"), col, share: getHex(i, "share"), proof: { start: col, end: col + 1, nodes: getHexArray(i, "nodes") } }, params(i)) };
    },
  }),
];

/** JSON of a bad-encoding proof and the commitments it is checked against. */
export function fraudProofJson(c: SquareCommitments, p: ReturnType<typeof createBadEncodingProof>, prm: SquareParams): JsonObject {
  return {
    namespaceSize: prm.namespaceSize,
    shareSize: prm.shareSize,
    ...(prm.codec === undefined ? {} : { codec: prm.codec }),
    dataRoot: hex(c.dataRoot),
    rowRoots: c.rowRoots.map(hex),
    colRoots: c.colRoots.map(hex),
    axis: p.axis,
    index: p.index,
    positions: p.positions,
    shares: p.shares.map(hex),
    proofs: p.proofs.map((q) => q.nodes.map(hex)),
  };
}
