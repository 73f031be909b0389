/**
 * The secagg suite's operations (spec/secagg.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import {
  agreeKey,
  dequantizeSum,
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
];
