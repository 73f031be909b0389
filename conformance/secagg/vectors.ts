/**
 * The secagg suite's vector cases. Inputs are built here from labelled seeds; every expected answer
 * is computed by the reference (conformance/harness/vectorfile.ts), `expect` states only the intent.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import type { Rule } from "../../reference/common/rules.js";
import {
  agreeKey,
  checkPublicKey,
  decodeMessage,
  Drbg,
  encodeMessage,
  open,
  runSession,
  shareNonce,
  STREAM_READ_RULES,
  CLIENT_STEPS_RULES,
  TAG,
  type Message,
  drawSecretKey,
  evaluatePolynomial,
  limbCount,
  publicKeyOf,
  seal,
  SHAMIR_PRIME,
  shamirSplit,
  KEY_AGREE_RULES,
  PRG_EXPAND_RULES,
  QUANTIZE_RULES,
  SHAMIR_RECONSTRUCT_RULES,
  CLIENT_RULES,
  SERVER_RULES,
  neighbourGraph,
  encodeCheckpoint,
  MAX_DIMENSION,
  blobShares,
  bitfield,
  checkpointHash,
  publishBlob,
  publishShares,
  CHECKPOINT_SHARE_SIZE,
  CHECKPOINT_NAMESPACE_SIZE,
  MODEL_NAMESPACE,
  type BlobProof,
  type ProvenanceRecord,
} from "../../reference/secagg/index.js";
import { cellLeaf, computeDataRoot, nmtProveRange, nmtRoot } from "../../reference/da/index.js";
import { blobProofJson, recordJson } from "./operations.js";
import { firstBroken, rulePairs, type RuleTable } from "../../reference/common/rules.js";
import { fixture, seedOf } from "./fixtures.js";
import { runScenario } from "./scenarios.js";
import type { JsonObject } from "../harness/operation.js";
import { pairwiseCases } from "../harness/rules.js";
import type { CaseSpec } from "../harness/vectorfile.js";
// seca (issue 10 triage)
import { p256 } from "@noble/curves/nist.js";
import { runClientSteps } from "./scenarios.js";

export const SECAGG_FLAGS: Record<string, string> = {
  Abort: "the session aborts below the threshold",
  Adversary: "a network adversary or malicious server changes messages",
  Boundary: "a value at the edge of its range: the largest accepted or the smallest rejected",
  Dropout: "users drop out of the session",
  External: "a published vector (source cited in the comment and in conformance/secagg/external/)",
  Honest: "every party follows the protocol",
  MessageVectors: "every message of every party, byte for byte",
  Forge: "a forge attack: the adversary edits one message to break chosen rules of the client's or the server's table",
  PairwiseRules: "breaks two rules of the operation's table at once",
  Random: "random content from the file's seed",
  Rule: "breaks one rule of the operation's table",
  SecAggPlus: "a k-regular neighbour graph (SecAgg+) instead of the complete graph",
  Undetected: "an attack the protocol cannot detect with exactly t shares (the answer is wrong by design)",
};

const valid = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: JsonObject, flags: string[] = ["Rule"]): CaseSpec => ({ comment, flags, input, expect: code });
const randomFloats = (rng: Rng, n: number, scale: number) => Array.from({ length: n }, () => (rng.float() * 2 - 1) * scale);

// ---- quantization ----

const QBASE = { clip: 1, bits: 16, clients: 10 };
/** Breaks one quantize rule; the mutations are independent so any two combine. */
function quantizeBreak(ids: readonly string[]): JsonObject {
  const b = new Set(ids);
  const both14 = b.has("Q1") && b.has("Q4");
  const bits = b.has("Q1") ? (both14 ? 0 : 33) : b.has("Q4") && !b.has("Q2") ? 3 : 16;
  const clients = b.has("Q2") ? (b.has("Q4") ? 70_000 : 0) : b.has("Q4") && bits === 3 ? 10 : 10;
  return { values: b.has("Q5") ? [] : [0.25, -0.5], clip: b.has("Q3") ? 0 : 1, bits, clients, label: "pairwise" };
}

function quantizeCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (let k = 0; k < 4; k++) out.push(valid(`${8 + k} random values in ±1.5 with clip 1 (clipped beyond)`, { ...QBASE, values: randomFloats(rng, 8 + k, 1.5), label: `random/${k}` }, ["Random"]));
  out.push(valid("exactly ±c and 0: levels 0, m and m/2 rounded", { ...QBASE, values: [-1, 1, 0], label: "edges" }, ["Boundary"]));
  out.push(valid("ℓ = 1, N = 1: m = 1, the smallest level count", { clip: 1, bits: 1, clients: 1, values: [-1, 0, 0.5, 1], label: "b1" }, ["Boundary"]));
  out.push(valid("ℓ = 32, N = 1: m = 2^32 − 1, the largest", { clip: 2, bits: 32, clients: 1, values: randomFloats(rng, 4, 2), label: "b32" }, ["Boundary"]));
  out.push(valid("N = 65536, ℓ = 17: m = 1 (the largest client bound with a level)", { clip: 1, bits: 17, clients: 65536, values: [0.1, -0.1], label: "n65536" }, ["Boundary"]));
  out.push(valid("c = 2^32, the largest clip", { clip: 2 ** 32, bits: 16, clients: 2, values: [1e9, -1e9], label: "clipmax" }, ["Boundary"]));
  out.push(invalid("N = 65536, ℓ = 16: m = 0, the sum could wrap", "OVERFLOW_BOUND", { clip: 1, bits: 16, clients: 65536, values: [0], label: "x" }, ["Boundary", "Rule"]));
  out.push(invalid("ℓ = 33", "PARAMETER_OUT_OF_RANGE", { ...QBASE, bits: 33, values: [0], label: "x" }, ["Boundary", "Rule"]));
  out.push(invalid("ℓ = 0", "PARAMETER_OUT_OF_RANGE", { ...QBASE, bits: 0, values: [0], label: "x" }, ["Boundary", "Rule"]));
  out.push(invalid("N = 65537", "PARAMETER_OUT_OF_RANGE", { ...QBASE, clients: 65537, values: [0], label: "x" }, ["Boundary", "Rule"]));
  out.push(invalid("c slightly above 2^32", "PARAMETER_OUT_OF_RANGE", { ...QBASE, clip: 2 ** 32 + 1, values: [0], label: "x" }, ["Boundary", "Rule"]));
  out.push(invalid("c negative", "PARAMETER_OUT_OF_RANGE", { ...QBASE, clip: -1, values: [0], label: "x" }));
  out.push(invalid("an empty vector", "PARAMETER_OUT_OF_RANGE", { ...QBASE, values: [], label: "x" }, ["Boundary", "Rule"]));
  out.push(...pairwiseCases(QUANTIZE_RULES, (a: Rule, b: Rule) => quantizeBreak([a.id, b.id])));
  return out;
}

function dequantizeCases(rng: Rng): CaseSpec[] {
  const m = Math.floor((2 ** 16 - 1) / 10);
  return [
    valid("the sum of 10 clients' quantized vectors", { clip: 1, bits: 16, clients: 10, count: 10, sum: Array.from({ length: 6 }, () => rng.below(10 * m + 1)) }, ["Random"]),
    valid("3 of 10 clients survived", { clip: 1, bits: 16, clients: 10, count: 3, sum: [0, 3 * m, Math.floor((3 * m) / 2)] }, ["Boundary"]),
    invalid("an element above count · m", "VALUE_OUT_OF_RANGE", { clip: 1, bits: 16, clients: 10, count: 3, sum: [3 * m + 1] }, ["Boundary"]),
    invalid("count above the client bound", "PARAMETER_OUT_OF_RANGE", { clip: 1, bits: 16, clients: 10, count: 11, sum: [0] }, ["Boundary"]),
  ];
}

// ---- the AES-256-CTR stream ----

function streamCases(rng: Rng): CaseSpec[] {
  const key = toHex(rng.bytes(32));
  const out: CaseSpec[] = [
    valid("pieces of 3, 5, 8, 16 and 1 bytes: consecutive stream bytes across block edges", { key, reads: [3, 5, 8, 16, 1] }, ["Random"]),
    valid("reads of 0 bytes take nothing", { key, reads: [0, 16, 0] }, ["Boundary"]),
    valid("4080 bytes then 32: blocks 255 and 256, where the counter's low byte carries (00ff → 0100)", { key, reads: [4080, 32] }, ["Boundary"]),
    valid("65536 bytes then 16: block 4096 (counter …1000)", { key, reads: [65536, 16] }, ["Boundary"]),
    valid("65535 bytes then 2: a piece across byte 65536", { key, reads: [65535, 2] }, ["Boundary"]),
    valid("one piece of 70000 bytes", { key, reads: [70000] }, ["Random"]),
    valid("2^20 bytes then 16: block 65536, a three-byte counter (…010000)", { key, reads: [2 ** 20, 16] }, ["Boundary"]),
    invalid("a 31-byte key", "PARAMETER_OUT_OF_RANGE", { key: key.slice(2), reads: [16] }, ["Boundary", "Rule"]),
    invalid("a 33-byte key", "PARAMETER_OUT_OF_RANGE", { key: key + "00", reads: [16] }, ["Boundary", "Rule"]),
    invalid("a 16-byte key (AES-128's size): the stream is AES-256 only", "PARAMETER_OUT_OF_RANGE", { key: key.slice(0, 32), reads: [16] }, ["Rule"]),
    invalid("2^24 + 1 bytes in all", "PARAMETER_OUT_OF_RANGE", { key, reads: [2 ** 23, 2 ** 23, 1] }, ["Boundary", "Rule"]),
  ];
  out.push(...pairwiseCases(STREAM_READ_RULES, () => ({ key: key.slice(2), reads: [2 ** 24, 1] })));
  return out;
}

// ---- Shamir ----

/**
 * The pinned fcp file, read from the source tree (from src/ or dist/ alike) when the vectors are
 * generated, never at import: an installed package imports the suite without the source tree.
 */
interface FcpFile {
  commit: string;
  shares: number[][];
  threshold: number;
  secretLength: number;
}
let fcpFile: FcpFile | undefined;
function fcp(): FcpFile {
  if (fcpFile) return fcpFile;
  const file = ["./external/fcp/shamir-precomputed.json", "../../../conformance/secagg/external/fcp/shamir-precomputed.json"]
    .map((p) => new URL(p, import.meta.url))
    .find((u) => existsSync(u));
  if (!file) throw new Error("secagg vectors: conformance/secagg/external/fcp/shamir-precomputed.json is missing (generate vectors from a clone of the repository)");
  fcpFile = JSON.parse(readFileSync(file, "utf8")) as FcpFile;
  return fcpFile;
}
const fcpShares = (xs: number[]) => xs.map((x) => ({ x, data: toHex(Uint8Array.from(fcp().shares[x - 1]!)) }));

function shamirSplitCases(rng: Rng): CaseSpec[] {
  const key = () => toHex(rng.bytes(32));
  const abc = toHex(new TextEncoder().encode("abcdefghijklmnopqrstuvwxyz123456"));
  return [
    valid("fcp's test secret \"abcdefghijklmnopqrstuvwxyz123456\", 4 of 6 at x = 1..6", { secret: abc, t: 4, points: [1, 2, 3, 4, 5, 6], coefficientKey: key() }),
    valid("a 32-byte secret 3 of 5 at user ids 2, 3, 5, 8, 13", { secret: toHex(rng.bytes(32)), t: 3, points: [2, 3, 5, 8, 13], coefficientKey: key() }, ["Random"]),
    valid("a 1-byte secret, t = 2 of 2", { secret: "ff", t: 2, points: [1, 2], coefficientKey: key() }, ["Boundary"]),
    valid("t = number of points", { secret: toHex(rng.bytes(5)), t: 4, points: [4, 3, 2, 1], coefficientKey: key() }, ["Boundary"]),
    valid("the largest point p − 1", { secret: "0102", t: 2, points: [1, SHAMIR_PRIME - 1], coefficientKey: key() }, ["Boundary"]),
    invalid("t = 1", "PARAMETER_OUT_OF_RANGE", { secret: "01", t: 1, points: [1, 2], coefficientKey: key() }, ["Boundary"]),
    invalid("t above the number of points", "PARAMETER_OUT_OF_RANGE", { secret: "01", t: 3, points: [1, 2], coefficientKey: key() }, ["Boundary"]),
    invalid("an empty secret", "SECRET_LENGTH", { secret: "", t: 2, points: [1, 2], coefficientKey: key() }, ["Boundary"]),
    invalid("point 0 would reveal the secret", "DUPLICATE_SHARE", { secret: "01", t: 2, points: [0, 1], coefficientKey: key() }, ["Boundary"]),
    invalid("point p", "DUPLICATE_SHARE", { secret: "01", t: 2, points: [1, SHAMIR_PRIME], coefficientKey: key() }, ["Boundary"]),
    invalid("a repeated point", "DUPLICATE_SHARE", { secret: "01", t: 2, points: [3, 3], coefficientKey: key() }),
    ...secbShamirSplitCases(),
  ];
}

/**
 * Shares of arbitrary limbs (the generator's own polynomial evaluation, so it can build shares of
 * values split refuses: too wide for the secret or too long).
 */
function rawShares(limbs: number[], degree: number, xs: number[], rng: Rng): { x: number; data: Uint8Array }[] {
  const polys = limbs.map((l) => [l, ...Array.from({ length: degree }, () => rng.below(SHAMIR_PRIME))]);
  return xs.map((x) => {
    const data = new Uint8Array(limbs.length * 4);
    polys.forEach((p, i) => new DataView(data.buffer).setUint32(i * 4, evaluatePolynomial(p, x)));
    return { x, data };
  });
}

/** A shamir_reconstruct input breaking exactly the rules `ids` (independent mutations of a 3-of-5 base). */
function reconstructBreak(ids: readonly string[], rng: Rng): JsonObject {
  const b = new Set(ids);
  const len = b.has("R1") ? 1025 : 4;
  const t = b.has("R2") ? 1 : 3;
  const limbs = Array.from({ length: limbCount(len) }, () => rng.below(2 ** 31));
  const topBits = 8 * len - 31 * (limbs.length - 1);
  limbs[0] = b.has("R8") ? 2 ** topBits : rng.below(2 ** topBits);
  const count = b.has("R3") ? t - 1 : 5;
  const shares = rawShares(limbs, Math.max(t, 1) - 1, [1, 2, 3, 4, 5].slice(0, count), rng);
  if (b.has("R7")) {
    const last = shares[shares.length - 1]!;
    const dv = new DataView(last.data.buffer);
    dv.setUint32(0, (dv.getUint32(0) + 1) % SHAMIR_PRIME);
  }
  if (b.has("R6")) {
    // v + p ≥ p but ≡ v: breaks R6 and nothing else; a share with an element below 2^32 − p is chosen
    const dv = new DataView(shares[0]!.data.buffer);
    let i = 0;
    while (dv.getUint32(i * 4) >= 2 ** 32 - SHAMIR_PRIME) i = (i + 1) % limbs.length;
    dv.setUint32(i * 4, dv.getUint32(i * 4) + SHAMIR_PRIME);
  }
  if (b.has("R5")) shares[shares.length - 1]!.data = shares[shares.length - 1]!.data.slice(0, -4);
  const json = shares.map((s) => ({ x: s.x, data: toHex(s.data) }));
  if (b.has("R4")) json[json.length - 1]!.x = json[0]!.x;
  return { t, secretLength: len, shares: json };
}

function shamirReconstructCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [];
  const ref = `google-parfait/federated-compute fcp/secagg/shared/shamir_secret_sharing_test.cc @ ${fcp().commit.slice(0, 12)}, ReconstructWorksWithPrecomputedShares`;
  out.push(valid(`${ref}: shares 1..3 (fcp's reading) → 00000021`, { t: 3, secretLength: 4, shares: fcpShares([1, 2, 3]) }, ["External"]));
  out.push(valid(`${ref}: all five shares (the surplus two agree) → 00000021`, { t: 3, secretLength: 4, shares: fcpShares([1, 2, 3, 4, 5]) }, ["External"]));
  out.push(valid(`${ref}: shares 5, 2, 4 → 00000021`, { t: 3, secretLength: 4, shares: fcpShares([5, 2, 4]) }, ["External"]));
  const split = (secret: Uint8Array, t: number, xs: number[]) => shamirSplit(secret, t, xs, new Drbg(rng.bytes(32))).map((s) => ({ x: s.x, data: toHex(s.data) }));
  const s32 = rng.bytes(32);
  const sh = split(s32, 3, [1, 2, 4, 7, 9]);
  out.push(valid("a 32-byte secret from exactly t = 3 shares", { t: 3, secretLength: 32, shares: sh.slice(1, 4) }, ["Random", "Boundary"]));
  out.push(valid("the same from all 5 shares, unordered", { t: 3, secretLength: 32, shares: [sh[4]!, sh[0]!, sh[2]!, sh[1]!, sh[3]!] }, ["Random"]));
  out.push(valid("a secret of MAX_SECRET_LENGTH = 1024 bytes, 2 of 2", { t: 2, secretLength: 1024, shares: split(rng.bytes(1024), 2, [1, 2]) }, ["Boundary"]));
  out.push(valid("the largest value of a 4-byte secret, ffffffff", { t: 2, secretLength: 4, shares: split(Uint8Array.of(255, 255, 255, 255), 2, [1, 2]) }, ["Boundary"]));
  out.push(invalid("the shares of a 4-byte secret read as a 3-byte one: one limb too many", "SECRET_LENGTH", { t: 2, secretLength: 3, shares: split(Uint8Array.of(1, 2, 3, 4), 2, [1, 2]) }));
  for (const r of SHAMIR_RECONSTRUCT_RULES.rules) out.push(invalid(`breaks ${r.id} alone`, r.code, reconstructBreak([r.id], rng)));
  out.push(...pairwiseCases(SHAMIR_RECONSTRUCT_RULES, (a, b) => reconstructBreak([a.id, b.id], rng)));
  out.push(...secbShamirReconstructCases());
  return out;
}

// ---- mask PRG, key agreement, AEAD ----

function prgCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [];
  const sid = () => toHex(rng.bytes(32));
  for (const bits of [1, 7, 8, 9, 16, 20, 31, 32]) out.push(valid(`ℓ = ${bits}: ${Math.ceil(bits / 8)} bytes per element`, { seed: toHex(rng.bytes(32)), session: sid(), bits, length: 9 }, bits === 1 || bits === 32 ? ["Boundary"] : ["Random"]));
  out.push(valid("L = 1", { seed: toHex(rng.bytes(32)), session: sid(), bits: 16, length: 1 }, ["Boundary"]));
  out.push(valid("L = 300 spans more than one 16-byte block per element width", { seed: toHex(rng.bytes(32)), session: sid(), bits: 24, length: 300 }, ["Random"]));
  const base = { seed: toHex(rng.bytes(32)), session: sid() };
  out.push(invalid("ℓ = 0", "PARAMETER_OUT_OF_RANGE", { ...base, bits: 0, length: 4 }, ["Boundary", "Rule"]));
  out.push(invalid("ℓ = 33", "PARAMETER_OUT_OF_RANGE", { ...base, bits: 33, length: 4 }, ["Boundary", "Rule"]));
  out.push(invalid("L = 0", "PARAMETER_OUT_OF_RANGE", { ...base, bits: 16, length: 0 }, ["Boundary", "Rule"]));
  out.push(invalid("L = 2^24 + 1", "PARAMETER_OUT_OF_RANGE", { ...base, bits: 16, length: 2 ** 24 + 1 }, ["Boundary", "Rule"]));
  out.push(...pairwiseCases(PRG_EXPAND_RULES, () => ({ ...base, bits: 0, length: 0 })));
  return out;
}

const N_HEX = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
function keyAgreeCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [];
  const key = () => drawSecretKey(new Drbg(rng.bytes(32)));
  for (let k = 0; k < 3; k++) out.push(valid("random key pair and peer", { secretKey: toHex(key()), publicKey: toHex(publicKeyOf(key())) }, ["Random"]));
  const a = key(), b = key();
  out.push(valid("symmetric: a·B", { secretKey: toHex(a), publicKey: toHex(publicKeyOf(b)) }));
  out.push(valid("symmetric: b·A (the same key)", { secretKey: toHex(b), publicKey: toHex(publicKeyOf(a)) }));
  const nMinus1 = (BigInt("0x" + N_HEX) - 1n).toString(16).padStart(64, "0");
  out.push(valid("secret key n − 1, the largest", { secretKey: nMinus1, publicKey: toHex(publicKeyOf(b)) }, ["Boundary"]));
  out.push(valid("secret key 1, the smallest", { secretKey: "00".repeat(31) + "01", publicKey: toHex(publicKeyOf(b)) }, ["Boundary"]));
  const pk = toHex(publicKeyOf(b));
  out.push(invalid("secret key 0", "PARAMETER_OUT_OF_RANGE", { secretKey: "00".repeat(32), publicKey: pk }, ["Boundary", "Rule"]));
  out.push(invalid("secret key n", "PARAMETER_OUT_OF_RANGE", { secretKey: N_HEX, publicKey: pk }, ["Boundary", "Rule"]));
  out.push(invalid("secret key of 31 bytes", "PARAMETER_OUT_OF_RANGE", { secretKey: toHex(a).slice(2), publicKey: pk }, ["Rule"]));
  out.push(invalid("public key prefix 04 with 33 bytes", "INVALID_PUBLIC_KEY", { secretKey: toHex(a), publicKey: "04" + pk.slice(2) }, ["Rule"]));
  out.push(invalid("an uncompressed (65-byte) public key: only compressed keys are sent", "INVALID_PUBLIC_KEY", { secretKey: toHex(a), publicKey: "04" + pk.slice(2) + "00".repeat(32) }, ["Rule"]));
  out.push(invalid("an x-coordinate with no point on the curve", "INVALID_PUBLIC_KEY", { secretKey: toHex(a), publicKey: notOnCurve() }, ["Rule"]));
  out.push(invalid("x = p, not a field element", "INVALID_PUBLIC_KEY", { secretKey: toHex(a), publicKey: "02ffffffff00000001000000000000000000000000ffffffffffffffffffffffff" }, ["Boundary", "Rule"]));
  out.push(...pairwiseCases(KEY_AGREE_RULES, () => ({ secretKey: "00".repeat(32), publicKey: "04" + pk.slice(2) })));
  return out;
}

/** The compressed encoding 02 ‖ x of the smallest x ≥ 1 that is not a P-256 x-coordinate. */
function notOnCurve(): string {
  for (let x = 1; ; x++) {
    const h = "02" + x.toString(16).padStart(64, "0");
    try {
      checkPublicKey(fromHex(h));
    } catch {
      return h;
    }
  }
}

function aeadCases(rng: Rng): CaseSpec[] {
  const key = rng.bytes(32);
  const nonce = rng.bytes(12);
  const sealed = seal(key, nonce, rng.bytes(80));
  const flip = (b: Uint8Array, at: number) => {
    const c = b.slice();
    c[at]! ^= 1;
    return toHex(c);
  };
  return [
    valid("an 80-byte share plaintext", { key: toHex(key), sealed: toHex(sealed) }, ["Random"]),
    valid("an empty plaintext: nonce and tag only", { key: toHex(key), sealed: toHex(seal(key, nonce, new Uint8Array(0))) }, ["Boundary"]),
    invalid("a ciphertext byte flipped", "AEAD_FAILURE", { key: toHex(key), sealed: flip(sealed, 20) }),
    invalid("the tag's last byte flipped", "AEAD_FAILURE", { key: toHex(key), sealed: flip(sealed, sealed.length - 1) }),
    invalid("the nonce flipped", "AEAD_FAILURE", { key: toHex(key), sealed: flip(sealed, 0) }),
    invalid("another key", "AEAD_FAILURE", { key: toHex(rng.bytes(32)), sealed: toHex(sealed) }),
    invalid("27 bytes: shorter than nonce and tag", "AEAD_FAILURE", { key: toHex(key), sealed: toHex(sealed.slice(0, 27)) }, ["Boundary"]),
  ];
}

function graphCases(rng: Rng): CaseSpec[] {
  const seed = () => toHex(rng.bytes(32));
  return [
    valid("the complete graph on 5 users", { n: 5, degree: 4, graphSeed: seed() }),
    valid("SecAgg+ n = 10, k = 4", { n: 10, degree: 4, graphSeed: seed() }, ["SecAggPlus", "Random"]),
    valid("SecAgg+ n = 64, k = 18 (3·log2 n)", { n: 64, degree: 18, graphSeed: seed() }, ["SecAggPlus", "Random"]),
    valid("k = 2: a cycle", { n: 7, degree: 2, graphSeed: seed() }, ["SecAggPlus", "Boundary"]),
    valid("k = n − 2, the densest Harary graph", { n: 8, degree: 6, graphSeed: seed() }, ["SecAggPlus", "Boundary"]),
    invalid("an odd degree below n − 1", "PARAMETER_OUT_OF_RANGE", { n: 10, degree: 5, graphSeed: seed() }),
    invalid("degree n", "PARAMETER_OUT_OF_RANGE", { n: 6, degree: 6, graphSeed: seed() }, ["Boundary"]),
    invalid("degree 0", "PARAMETER_OUT_OF_RANGE", { n: 6, degree: 0, graphSeed: seed() }, ["Boundary"]),
  ];
}

// ---- whole sessions ----

type Drop = { id: number; round: number };
const session = (label: string, shape: { n: number; t: number; bits: number; length: number; degree: number }, dropBefore: Drop[] = [], attack: JsonObject | null = null, messages: "full" | "digest" = "digest"): JsonObject => ({
  label,
  ...shape,
  dropBefore,
  attack,
  messages,
});

function roundCases(): CaseSpec[] {
  const S5 = { n: 5, t: 3, bits: 16, length: 4, degree: 4 };
  const out: CaseSpec[] = [];
  out.push(valid("honest, complete graph, n = 5, t = 3, ℓ = 16, L = 4: every message of every party", session("pwo/secagg/vectors/round/honest5", S5, [], null, "full"), ["Honest", "MessageVectors"]));
  out.push(valid("honest SecAgg+ n = 8, k = 4, t = 3, ℓ = 20", session("pwo/secagg/vectors/round/plus8", { n: 8, t: 3, bits: 20, length: 3, degree: 4 }, [], null, "full"), ["Honest", "SecAggPlus", "MessageVectors"]));
  out.push(valid("honest, n = 3 = t, ℓ = 32: every user needed", session("pwo/secagg/vectors/round/n3", { n: 3, t: 3, bits: 32, length: 2, degree: 2 }), ["Honest", "Boundary"]));
  for (let round = 0; round <= 4; round++) {
    out.push(valid(`user 2 drops before round ${round}`, session(`pwo/secagg/vectors/round/drop${round}`, S5, [{ id: 2, round }], null, "full"), ["Dropout"]));
  }
  out.push(valid("two users drop before masked input: exactly t = 3 remain", session("pwo/secagg/vectors/round/exact", S5, [{ id: 1, round: 2 }, { id: 4, round: 2 }]), ["Dropout", "Boundary"]));
  out.push(valid("dropouts in three different rounds, t still met at the end", session("pwo/secagg/vectors/round/staggered", { ...S5, n: 7, degree: 6 }, [{ id: 7, round: 1 }, { id: 3, round: 2 }, { id: 5, round: 4 }]), ["Dropout"]));
  out.push(valid("three users drop before masked input: one short of t, the server aborts", session("pwo/secagg/vectors/round/short", S5, [{ id: 1, round: 2 }, { id: 4, round: 2 }, { id: 5, round: 2 }]), ["Dropout", "Abort", "Boundary"]));
  out.push(valid("three users never advertise: abort in round 0", session("pwo/secagg/vectors/round/short0", S5, [1, 2, 3].map((id) => ({ id, round: 0 }))), ["Dropout", "Abort"]));
  out.push(valid("three users drop before unmasking: abort in round 4", session("pwo/secagg/vectors/round/short4", S5, [2, 3, 4].map((id) => ({ id, round: 4 }))), ["Dropout", "Abort"]));
  out.push(valid("SecAgg+ n = 10, k = 4, t = 3 with two dropouts", session("pwo/secagg/vectors/round/plus10", { n: 10, t: 3, bits: 16, length: 3, degree: 4 }, [{ id: 2, round: 2 }, { id: 9, round: 3 }]), ["SecAggPlus", "Dropout"]));
  // adversaries
  const A = (label: string, attack: JsonObject, drops: Drop[] = []) => session(`pwo/secagg/vectors/round/${label}`, S5, drops, attack, "full");
  out.push(valid("a malicious server asks client 1 for the s share of survivor 2 too: client 1 refuses (BOTH_SHARES_REQUESTED), the rest unmask", A("both", { kind: "both_shares", to: 1 }), ["Adversary"]));
  out.push(valid("a malicious server asks every client for both shares of a survivor: nobody reveals, abort", A("bothall", { kind: "both_shares" }), ["Adversary", "Abort"]));
  out.push(valid("client 2 sends a wrong b share: the surplus shares disagree, INCONSISTENT_SHARES at unmasking", A("wrongshare", { kind: "wrong_share", from: 2 }), ["Adversary", "Abort"]));
  out.push(valid("a wrong b share with exactly t responders: undetectable, the sum is wrong", A("wrongshare-exact", { kind: "wrong_share", from: 2 }, [{ id: 4, round: 4 }, { id: 5, round: 4 }]), ["Adversary", "Undetected"]));
  out.push(valid("a ciphertext of user 3's share to user 1 is tampered with: user 1 rejects it (AEAD_FAILURE) and drops out", A("tamper-ct", { kind: "tamper", round: 1, from: 3, offset: 1 + 32 + 4 + 4 + 4 + 40 }), ["Adversary"]));
  out.push(valid("user 2's masked input is replayed within the round: DUPLICATE_MESSAGE", A("replay", { kind: "replay", round: 2, from: 2 }), ["Adversary"]));
  out.push(valid("user 3's ShareKeys response is replayed in the next round: UNEXPECTED_MESSAGE", A("replay-next", { kind: "replay_next_round", round: 1, from: 3 }), ["Adversary"]));
  out.push(valid("user 4's masked input carries another session id: SESSION_MISMATCH", A("session", { kind: "tamper", round: 2, from: 4, offset: 5 }), ["Adversary"]));
  out.push(valid("user 3's masked input has its tag flipped (0x05 → 0x04): MALFORMED_MESSAGE at the server", A("tag", { kind: "tamper", round: 2, from: 3, offset: 0 }), ["Adversary"]));
  out.push(valid("the ShareKeysRequest to user 2 has a corrupted advert count: MALFORMED_MESSAGE, user 2 drops out", A("count", { kind: "tamper", round: 1, from: 0, to: 2, offset: 4 }), ["Adversary"]));
  out.push(valid("user 1's key advertisement has a bad signature: INVALID_SIGNATURE, user 1 is not in U1", A("badsig", { kind: "tamper", round: 0, from: 1, offset: 100 }), ["Adversary"]));
  out.push(valid("the server shows user 2 a survivor list without user 5 and forwards its signature: the others detect INCONSISTENT_SURVIVORS", A("inconsistent", { kind: "inconsistent_survivors", to: 2 }), ["Adversary", "Abort"]));
  out.push(...tableCases());
  out.push(invalid("17 users: above the operation's bound", "PARAMETER_OUT_OF_RANGE", session("x", { n: 17, t: 3, bits: 16, length: 2, degree: 16 }), ["Boundary"]));
  out.push(invalid("t = 6 > degree + 1 = 5", "PARAMETER_OUT_OF_RANGE", session("x", { ...S5, t: 6 }), ["Boundary"]));
  out.push(invalid("t = 1", "PARAMETER_OUT_OF_RANGE", session("x", { ...S5, t: 1 }), ["Boundary"]));
  out.push(...secbRoundCases());
  return out;
}

// ---- one client, event by event ----

/**
 * `client_steps` cases: client 1 of an honest complete-graph session, fed the server's messages of
 * that session (taken from a reference run) and edits of them.
 */
function clientStepsCases(): CaseSpec[] {
  const S5 = { n: 5, t: 3, bits: 16, length: 4, degree: 4 };
  const label = "pwo/secagg/vectors/client_steps/s5";
  const f = fixture(label, S5);
  const run = runSession(f.params, f.clients);
  const [skr, mir, cr, ur] = run.steps.filter((s) => s.kind === "deliver" && s.from === 0 && s.to === 1).map((s) => s.bytes!);
  const advert2 = run.steps.find((s) => s.round === 0 && s.from === 2)!.bytes!;
  const x1 = [...f.inputs[0]!];
  const input = (over: JsonObject, shape: JsonObject = S5): JsonObject => ({ label, ...shape, id: 1, seed: toHex(seedOf(label, 1)), input: x1, events: ["start"], ...over });
  /** The MaskedInputRequest to client 1 with its first share re-sealed by its (malicious) sender after flipping the low bit of plaintext byte `at`. */
  const misaddressed = (at: number): string => {
    const m = decodeMessage(mir!, f.params) as Extract<Message, { tag: typeof TAG.MASKED_INPUT_REQUEST }>;
    const { id: w, value } = m.ciphertexts[0]!;
    const key = agreeKey(f.clients[0]!.cSk, publicKeyOf(f.clients[w - 1]!.cSk));
    const pt = open(key, value).slice();
    pt[at]! ^= 1;
    return toHex(encodeMessage({ ...m, ciphertexts: [{ id: w, value: seal(key, shareNonce(w, 1), pt) }, ...m.ciphertexts.slice(1)] }));
  };
  const [SKR, MIR, CR, UR] = [skr!, mir!, cr!, ur!].map(toHex) as [string, string, string, string];
  const R = 2 ** S5.bits;
  const break4 = (ids: readonly string[]): JsonObject => {
    const b = new Set(ids);
    return input({
      ...(b.has("N1") ? { t: 1 } : {}),
      ...(b.has("N2") ? { id: 0 } : {}),
      ...(b.has("N3") ? { seed: toHex(seedOf(label, 1)).slice(2) } : {}),
      ...(b.has("N4") ? { input: [R, ...x1.slice(1)] } : {}),
    });
  };
  const S32 = { ...S5, bits: 32 };
  return [
    valid("client 1 advertises; input elements 0 and 2^16 − 1 (the largest accepted)", input({ input: [0, R - 1, ...x1.slice(2)] }), ["Boundary"]),
    valid("client 5 = n, the largest id, advertises", input({ id: 5, seed: toHex(seedOf(label, 5)), input: [...f.inputs[4]!] }), ["Boundary"]),
    valid("ℓ = 32: the input element 2^32 − 1 is accepted", input({ input: [2 ** 32 - 1, 0, 0, 0] }, S32), ["Boundary"]),
    valid(
      "client 1 through the whole session, then the UnmaskingRequest again and start: UNEXPECTED_MESSAGE (phase done: one answer per session)",
      input({ events: ["start", SKR, MIR, CR, UR, UR, "start"] }),
      ["Honest", "MessageVectors"],
    ),
    valid("start twice: the second is UNEXPECTED_MESSAGE (one advertisement), and the ShareKeysRequest after it is answered", input({ events: ["start", "start", SKR] })),
    valid("start again after ShareKeys: UNEXPECTED_MESSAGE, the state is unchanged and the MaskedInputRequest is answered", input({ events: ["start", SKR, "start", MIR] })),
    valid("a ShareKeysRequest before start, then a MaskedInputRequest ahead of its round: UNEXPECTED_MESSAGE (C2) each", input({ events: [SKR, "start", MIR, SKR] }), ["Rule"]),
    valid("user 2's AdvertiseKeys (a client's message, tag 0x01) delivered to client 1: UNEXPECTED_MESSAGE (C2)", input({ events: ["start", toHex(advert2)] }), ["Rule"]),
    valid(
      "a malicious user 2 seals to client 1 a share whose plaintext names sender 3: SHARE_ADDRESS_MISMATCH (C12); the honest request after it is answered",
      input({ events: ["start", SKR, misaddressed(3), MIR] }),
      ["Adversary", "Rule"],
    ),
    valid(
      "a malicious user 2 seals to client 1 a share whose plaintext names recipient 0: SHARE_ADDRESS_MISMATCH (C12); the honest request after it is answered",
      input({ events: ["start", SKR, misaddressed(7), MIR] }),
      ["Adversary", "Rule"],
    ),
    invalid("client id 0", "PARAMETER_OUT_OF_RANGE", input({ id: 0 }), ["Boundary", "Rule"]),
    invalid("client id n + 1 = 6", "PARAMETER_OUT_OF_RANGE", input({ id: 6 }), ["Boundary", "Rule"]),
    invalid("a 31-byte seed", "PARAMETER_OUT_OF_RANGE", input({ seed: toHex(seedOf(label, 1)).slice(2) }), ["Boundary", "Rule"]),
    invalid("a 33-byte seed", "PARAMETER_OUT_OF_RANGE", input({ seed: toHex(seedOf(label, 1)) + "00" }), ["Boundary", "Rule"]),
    invalid("an input of L − 1 = 3 elements", "VALUE_OUT_OF_RANGE", input({ input: x1.slice(1) }), ["Boundary", "Rule"]),
    invalid("an input of L + 1 = 5 elements", "VALUE_OUT_OF_RANGE", input({ input: [...x1, 0] }), ["Boundary", "Rule"]),
    invalid("an input element 2^16 (the smallest rejected), the others in range", "VALUE_OUT_OF_RANGE", input({ input: [x1[0]!, R, x1[2]!, x1[3]!] }), ["Boundary", "Rule"]),
    invalid("ℓ = 32: the input element 2^32", "VALUE_OUT_OF_RANGE", input({ input: [2 ** 32, 0, 0, 0] }, S32), ["Boundary", "Rule"]),
    invalid("t = 1", "PARAMETER_OUT_OF_RANGE", input({ t: 1 }), ["Boundary", "Rule"]),
    invalid("17 users: above the operation's bound", "PARAMETER_OUT_OF_RANGE", input({}, { ...S5, n: 17, degree: 16 }), ["Boundary", "Rule"]),
    ...pairwiseCases(CLIENT_STEPS_RULES, (a, b) => break4([a.id, b.id])),
  ];
}

// ---- the client's and the server's tables, by forge edits ----

/** The forge edit that breaks each rule, and the round whose message it edits (null: any round). */
const CLIENT_EDITS: Record<string, [string, number | null]> = {
  C1: ["trailing_byte", null], C2: ["again", null], C3: ["session", null],
  C4: ["few_adverts", 1], C5: ["drop_self", 1], C6: ["bad_key", 1], C7: ["bad_advert_signature", 1], C8: ["few_neighbours", 1],
  C9: ["foreign_sender", 2], C10: ["few_senders", 2], C11: ["bad_ciphertext", 2], C12: ["reflect", 2],
  C13: ["few_survivors", 3], C14: ["drop_self", 3], C15: ["add_survivor", 3],
  C16: ["foreign_signer", 4], C17: ["few_signers", 4], C18: ["bad_consistency_signature", 4], C19: ["dropped_survivor", 4],
};
const SERVER_EDITS: Record<string, string> = { S1: "trailing_byte", S2: "late", S3: "session", S4: "sender", S5: "again", S6: "bad_signature" };

/** SecAgg+ n = 8, k = 4, t = 3 (C8 needs a neighbourhood smaller than U1); the victim is user 1. */
const FORGE_SHAPE = { n: 8, t: 3, bits: 16, length: 2, degree: 4 };
const FORGE_LABEL = "pwo/secagg/vectors/round/forge";
const VICTIM = 1;
/** The victim's smallest neighbour drops before round 1: in U1, not in U2 (what C15 and C16 need). */
function forgeDrop(): Drop {
  const f = fixture(FORGE_LABEL, FORGE_SHAPE);
  return { id: Math.min(...neighbourGraph(f.params)[VICTIM - 1]!), round: 1 };
}

/** The steps at which the forged message is judged: the failing deliveries to the victim (or from the sender to the server). */
function judged(input: JsonObject, toServer: boolean, from: number): string[] {
  const out = runScenario(input) as { operations: { kind: string; from: number; to: number; success: boolean; error?: string }[] };
  return out.operations.filter((o) => o.kind === "deliver" && !o.success && (toServer ? o.to === 0 && o.from === from : o.to === VICTIM)).map((o) => o.error!);
}

/**
 * A `round` case breaking rules `ids` of the client's or the server's table at once with one forged
 * message. The case's output is a valid session report; the generator checks the forged message's
 * step answers the first broken rule's code (and that it is the only step the forgery fails).
 */
function forgeCase(table: RuleTable, ids: string[], comment: string, flags: string[]): CaseSpec {
  const client = table === CLIENT_RULES;
  const round = client ? (ids.map((id) => CLIENT_EDITS[id]![1]).find((r) => r !== null) ?? 2) : 3;
  const edits = ids.map((id) => (client ? CLIENT_EDITS[id]![0] : SERVER_EDITS[id]!));
  const from = 2;
  const attack: JsonObject = client ? { kind: "forge", round, to: VICTIM, edits } : { kind: "forge", round, from, to: 0, edits };
  const input = session(FORGE_LABEL, FORGE_SHAPE, [forgeDrop()], attack, "digest");
  const want = firstBroken(table, ids).code;
  const got = judged(input, !client, from);
  if (got.length !== 1 || got[0] !== want) throw new Error(`secagg/round: ${comment}: the forged message should answer ${want}, the steps answered ${JSON.stringify(got)}`);
  return valid(`${comment}: the forged message's step answers ${want}`, input, flags);
}

function tableCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const table of [CLIENT_RULES, SERVER_RULES]) {
    const forgeable = table.rules.filter((r) => (table === CLIENT_RULES ? r.id in CLIENT_EDITS : r.id in SERVER_EDITS));
    for (const r of forgeable) out.push(forgeCase(table, [r.id], `breaks ${r.id} alone`, ["Adversary", "Forge", "Rule"]));
    for (const [a, b] of rulePairs(table)) {
      if (!forgeable.includes(a) || !forgeable.includes(b)) continue;
      out.push(forgeCase(table, [a.id, b.id], `breaks ${a.id} and ${b.id} at once: ${a.id} comes first in the check order, so ${a.code}`, ["Adversary", "Forge", "PairwiseRules"]));
    }
  }
  // the deadline rules S7–S10 by dropouts and wrong shares
  const S5 = { n: 5, t: 3, bits: 16, length: 4, degree: 4 };
  const f = fixture(FORGE_LABEL, FORGE_SHAPE);
  const w = forgeDrop();
  const keep = neighbourGraph(f.params)[VICTIM - 1]!.filter((u) => u !== w.id);
  out.push(
    valid(
      "breaks S7 and S8 at once: S7 comes first in the check order, so BELOW_THRESHOLD (only 2 of U4 answer the unmasking request; the deadline aborts)",
      session(FORGE_LABEL, FORGE_SHAPE, [w, ...[2, 3, 4, 5, 6, 7, 8].filter((u) => u !== w.id).slice(0, 5).map((id) => ({ id, round: 4 }))]),
      ["Dropout", "Abort", "PairwiseRules"],
    ),
    valid(
      "breaks S8 alone: all but one of user 1's neighbours drop before unmasking, so b_1 has 2 < t shares while 5 users answer: BELOW_THRESHOLD at the unmasking deadline",
      session(FORGE_LABEL, FORGE_SHAPE, [w, ...keep.slice(1).map((id) => ({ id, round: 4 }))]),
      ["Dropout", "Abort", "Rule"],
    ),
    valid(
      "breaks S10 alone: user 2 drops before masked input, exactly t = 3 users answer the unmasking request and user 1's s share of user 2 is wrong: the reconstructed s_sk_2 does not match s_pk_2, KEY_MISMATCH",
      session("pwo/secagg/vectors/round/keymismatch", S5, [{ id: 2, round: 2 }, { id: 5, round: 4 }], { kind: "wrong_s_share", from: 1 }, "full"),
      ["Adversary", "Abort", "Rule"],
    ),
  );
  return out;
}

// ---- checkpoints (§Checkpoints and provenance) ----

/** A weight as the operations carry it: binary64 bits, most significant byte first. */
const bits = (x: number): string => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x);
  return toHex(b);
};
const ckpt = (round: number, weights: number[]) => toHex(encodeCheckpoint(round, weights));
const SPECIAL = [Number.NaN, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE];

function decodeCheckpointCases(rng: Rng): CaseSpec[] {
  const w = randomFloats(rng, 5, 4);
  const good = ckpt(3, w);
  const max = new Array<number>(MAX_DIMENSION).fill(0);
  max[MAX_DIMENSION - 1] = 1;
  const over = [...max, 0.5];
  return [
    valid("round 3, five random weights", { bytes: good }, ["Random"]),
    valid("one weight 0.1 (bytes 9a 99 99 99 99 99 b9 3f): little-endian, its bits 3fb999999999999a", { bytes: ckpt(1, [0.1]) }),
    valid("round 0, no weights: dim 0 is a checkpoint", { bytes: ckpt(0, []) }, ["Boundary"]),
    valid("NaN, −0, +∞, −∞, the smallest subnormal and −MAX_VALUE: any binary64 is a weight, decoded bit for bit", { bytes: ckpt(7, SPECIAL) }, ["Boundary"]),
    valid(`dim = MAX_DIMENSION (${MAX_DIMENSION}), the largest accepted; the last weight 1`, { bytes: toHex(encodeCheckpoint(2, max)) }, ["Boundary"]),
    invalid(`dim = MAX_DIMENSION + 1 with all ${8 * (MAX_DIMENSION + 1)} weight bytes present`, "MALFORMED_MESSAGE", { bytes: toHex(encodeCheckpoint(2, over)) }, ["Boundary"]),
    invalid("dim = 2^32 − 1 and no weights: the dimension bound comes before the weights are read", "MALFORMED_MESSAGE", { bytes: "0102ffffffff0f" }, ["Boundary"]),
    invalid("version byte 0", "MALFORMED_MESSAGE", { bytes: "00" + good.slice(2) }),
    invalid("version byte 2", "MALFORMED_MESSAGE", { bytes: "02" + good.slice(2) }),
    invalid("the body one byte short", "MALFORMED_MESSAGE", { bytes: good.slice(0, -2) }, ["Boundary"]),
    invalid("one trailing byte 00", "MALFORMED_MESSAGE", { bytes: good + "00" }, ["Boundary"]),
  ];
}

function encodeCheckpointCases(rng: Rng): CaseSpec[] {
  return [
    valid("round 3, five random weights", { round: 3, weights: randomFloats(rng, 5, 4).map(bits) }, ["Random"]),
    valid("round 300 (a 2-byte varint), weight 0.1: its bytes little-endian", { round: 300, weights: [bits(0.1)] }),
    valid("round 2^32 − 1; −0, ∞, −∞ and the smallest subnormal", { round: 2 ** 32 - 1, weights: [-0, Infinity, -Infinity, Number.MIN_VALUE].map(bits) }, ["Boundary"]),
  ];
}

// ---- blobs and the provenance chain ----

interface Link {
  record: ProvenanceRecord;
  proof: BlobProof;
}
/** Record r of a chain: the checkpoint of round r + 1 (or the given blob) published, U1 = 1..n, U3 = survivors. */
function link(rng: Rng, round: number, before: Uint8Array, dim: number, opts: { blob?: Uint8Array; proof?: BlobProof; n?: number; survivors?: number[] } = {}): Link {
  const blob = opts.blob ?? encodeCheckpoint(round + 1, randomFloats(rng, dim, 1));
  const proof = opts.proof ?? publishBlob(blob);
  const n = opts.n ?? 5;
  const record: ProvenanceRecord = {
    round,
    modelBefore: before,
    modelAfter: checkpointHash(blob),
    participants: bitfield(n, Array.from({ length: n }, (_, i) => i + 1)),
    survivors: opts.survivors ?? [1, 2, 4],
    sessionId: rng.bytes(32),
    dataRoot: proof.dataRoot,
  };
  return { record, proof };
}
const chainInput = (genesis: Uint8Array, links: Link[], proofs = links.map((l) => l.proof)): JsonObject => ({
  genesis: toHex(genesis),
  records: links.map((l) => recordJson(l.record)),
  proofs: proofs.map(blobProofJson),
});
const flip = (b: Uint8Array, i = 0): Uint8Array => {
  const c = b.slice();
  c[i]! ^= 1;
  return c;
};
const withShares = (shares: Uint8Array[], i: number, f: (s: Uint8Array) => Uint8Array) => shares.map((s, j) => (j === i ? f(s) : s));

function verifyChainCases(rng: Rng): CaseSpec[] {
  const genesis = checkpointHash(encodeCheckpoint(0, [0, 0, 0]));
  const a = link(rng, 0, genesis, 3);
  const b = link(rng, 1, a.record.modelAfter, 160);
  const ok = [a, b];
  const set = (l: Link, r: Partial<ProvenanceRecord>, p: Partial<BlobProof> = {}): Link => ({ record: { ...l.record, ...r }, proof: { ...l.proof, ...p } });
  const second = (r: Partial<ProvenanceRecord>, p: Partial<BlobProof> = {}) => chainInput(genesis, [a, set(b, r, p)]);
  // the second blob spans two rows of a k = 2 square (3 shares)
  const bBlob = encodeCheckpoint(2, randomFloats(rng, 160, 1));
  const b2 = link(rng, 1, a.record.modelAfter, 0, { blob: bBlob });
  const shares = blobShares(bBlob);
  const custom = (sh: Uint8Array[], start = 0) => link(rng, 1, a.record.modelAfter, 0, { blob: bBlob, proof: publishShares(sh, start) });
  // the namespace after the model's (its last byte + 1), so the shares stay in namespace order
  const foreignNs = custom(withShares(shares, 2, (s) => {
    const c = s.slice();
    c[CHECKPOINT_NAMESPACE_SIZE - 1]! += 1;
    return c;
  }));
  // the length field claims more than the shares hold: u32 length 3 · 483 − 3
  const long = withShares(shares, 0, (s) => {
    const c = s.slice();
    new DataView(c.buffer).setUint32(CHECKPOINT_NAMESPACE_SIZE, 3 * (CHECKPOINT_SHARE_SIZE - CHECKPOINT_NAMESPACE_SIZE) - 3);
    return c;
  });
  const notCheckpoint = Uint8Array.from([2, 1, 0]);
  const wrongRound = encodeCheckpoint(5, [1]);
  const swap = (l: Link, blob: Uint8Array) => link(rng, l.record.round, l.record.modelBefore, 0, { blob });
  const rowsOf = (p: BlobProof, f: (rows: BlobProof["rows"]) => BlobProof["rows"]): BlobProof => ({ ...p, rows: f(p.rows) });
  return [
    valid("two rounds from the genesis model: the head is the second record's modelAfter", chainInput(genesis, ok), ["Random"]),
    valid("an empty chain: the head is the genesis", chainInput(genesis, [])),
    valid("the second blob spans two rows of a k = 2 square (3 shares: 2 in row 0, 1 in row 1)", chainInput(genesis, [a, b2]), ["Boundary"]),
    valid("survivor 8, the highest bit of a 1-byte bitfield of 8 users", chainInput(genesis, [link(rng, 0, genesis, 2, { n: 8, survivors: [1, 8] })]), ["Boundary"]),
    invalid("two records, one proof", "INCONSISTENT_SHARES", chainInput(genesis, ok, [a.proof]), ["Rule"]),
    invalid("record 1 claims round 2", "UNEXPECTED_MESSAGE", second({ round: 2 }), ["Rule"]),
    invalid("record 0 does not start from the genesis", "UNEXPECTED_MESSAGE", chainInput(flip(genesis), [a]), ["Rule"]),
    invalid("record 1's modelBefore is not record 0's modelAfter", "UNEXPECTED_MESSAGE", second({ modelBefore: flip(b.record.modelBefore, 31) }), ["Rule"]),
    invalid("record 1's data root is not its proof's", "INCONSISTENT_SHARES", second({ dataRoot: flip(b.record.dataRoot) }), ["Rule"]),
    invalid("the row and column roots do not hash to the data root (a column root's last byte flipped)", "INCONSISTENT_SHARES", second({}, { colRoots: b.proof.colRoots.map((c, j) => (j === 0 ? flip(c, c.length - 1) : c)) }), ["Rule"]),
    invalid("the blob's rows do not start at row 0 (row 1 first)", "INCONSISTENT_SHARES", chainInput(genesis, [a, set(b2, {}, rowsOf(b2.proof, (r) => [r[1]!, r[0]!]))]), ["Rule"]),
    invalid("a row's proof starts at column 1: its shares and range proof verify, but a blob starts at column 0", "INCONSISTENT_SHARES", chainInput(genesis, [a, custom(shares, 1)]), ["Rule"]),
    invalid("a share's last byte flipped: row 0 is not under its row root", "INCONSISTENT_SHARES", chainInput(genesis, [a, set(b2, {}, rowsOf(b2.proof, (r) => r.map((row, j) => (j === 0 ? { ...row, shares: withShares(row.shares, 1, (s) => flip(s, s.length - 1)) } : row))))]), ["Rule"]),
    invalid("the third share is of another namespace, proven under its row root", "INCONSISTENT_SHARES", chainInput(genesis, [a, foreignNs]), ["Rule"]),
    invalid("no rows: no blob", "INCONSISTENT_SHARES", second({}, { rows: [] }), ["Rule"]),
    invalid("the blob's length field exceeds its shares (proven shares)", "INCONSISTENT_SHARES", chainInput(genesis, [a, custom(long)]), ["Rule"]),
    invalid("record 1's modelAfter is not the hash of its blob", "INCONSISTENT_SHARES", second({ modelAfter: flip(b.record.modelAfter) }), ["Rule"]),
    invalid("record 1's blob (hashing to modelAfter) is not a checkpoint: version 2", "MALFORMED_MESSAGE", chainInput(genesis, [a, swap(b, notCheckpoint)]), ["Rule"]),
    invalid("record 1's checkpoint is numbered 5, not 2", "UNEXPECTED_MESSAGE", chainInput(genesis, [a, swap(b, wrongRound)]), ["Rule"]),
    invalid("survivor 6 of 5 participants (bit 5 of the 1-byte bitfield is clear)", "INCONSISTENT_SURVIVORS", second({ survivors: [1, 6] }), ["Rule"]),
    invalid("survivor 9: beyond a 1-byte bitfield", "INCONSISTENT_SURVIVORS", chainInput(genesis, [link(rng, 0, genesis, 2, { n: 8, survivors: [9] })]), ["Boundary", "Rule"]),
    invalid("survivor 0 (ids start at 1)", "INCONSISTENT_SURVIVORS", second({ survivors: [0] }), ["Boundary", "Rule"]),
    invalid("two records, one proof, and record 0 claims round 1: the count is checked first", "INCONSISTENT_SHARES", chainInput(genesis, [set(a, { round: 1 }), b], [a.proof]), ["PairwiseRules"]),
    invalid("record 0's survivor 6 is not a participant and record 1 claims round 2: records are checked in order", "INCONSISTENT_SURVIVORS", chainInput(genesis, [set(a, { survivors: [6] }), set(b, { round: 2 })]), ["PairwiseRules"]),
    ...blobRowCases(rng, genesis),
  ];
}

// ---- verify_chain: adversarial blob proofs (rule 5, each check alone; the shares otherwise a good blob) ----
// Each proof below carries shares whose data, read past the broken check, is a well-formed blob that
// hashes to modelAfter and decodes to checkpoint 1: a verifier skipping that one check accepts it.

/** A model-namespace share of `size` bytes: namespace ‖ `payload`, zero-padded. */
const modelShare = (payload: Uint8Array, size = CHECKPOINT_SHARE_SIZE): Uint8Array => {
  const s = new Uint8Array(size);
  s.set(MODEL_NAMESPACE);
  s.set(payload.subarray(0, size - CHECKPOINT_NAMESPACE_SIZE), CHECKPOINT_NAMESPACE_SIZE);
  return s;
};
/** `shares` with share 0's payload starting with u32be(len) (the blob's length field). */
const withLength = (shares: Uint8Array[], len: number): Uint8Array[] =>
  withShares(shares, 0, (s) => {
    const c = s.slice();
    new DataView(c.buffer).setUint32(CHECKPOINT_NAMESPACE_SIZE, len);
    return c;
  });

function blobRowCases(rng: Rng, genesis: Uint8Array): CaseSpec[] {
  const payload = CHECKPOINT_SHARE_SIZE - CHECKPOINT_NAMESPACE_SIZE;
  /** A one-record chain whose record 0 claims `modelAfter` = hash(blob) and carries `proof`. */
  const one = (blob: Uint8Array, proof: BlobProof) => chainInput(genesis, [link(rng, 0, genesis, 0, { blob, proof })]);
  const rowsOf = (p: BlobProof, rows: BlobProof["rows"]): BlobProof => ({ ...p, rows });
  // rows out of order: the square holds P1 P2 | P0 (k = 2); the rows given as [row 1, row 0] read P0 P1 P2
  const c3 = encodeCheckpoint(1, randomFloats(rng, 160, 1));
  const p3 = blobShares(c3);
  const rotated = publishShares([p3[1]!, p3[2]!, p3[0]!]);
  // column 1 first: the square's row 0 is J ‖ Q0 (J a model-namespace share of random bytes), Q0 alone a blob
  const c1 = encodeCheckpoint(1, randomFloats(rng, 3, 1));
  const fromCol1 = publishShares([modelShare(rng.bytes(payload)), blobShares(c1)[0]!], 1);
  // not under the root: the square holds c1's share with its last padding byte 1; the proof carries the zero-padded one
  const padded = withShares(blobShares(c1), 0, (s) => {
    const c = s.slice();
    c[c.length - 1] = 1;
    return c;
  });
  const notUnder = publishShares(padded);
  // a checkpoint of 3860 bytes (dim 482): u32 length ‖ checkpoint fill 8 shares exactly (k = 4, two full rows)
  const c8 = encodeCheckpoint(1, randomFloats(rng, 482, 1));
  // the same shares with the length field 3861: one byte past the shares' end
  const onePast = publishShares(withLength(blobShares(c8), 8 * payload - 3));
  // data of exactly 4 bytes: one 33-byte share (namespace ‖ u32 0) under a row root built for it, k = 1
  const short = modelShare(new Uint8Array(4), CHECKPOINT_NAMESPACE_SIZE + 4);
  const host = publishBlob(new Uint8Array(0));
  const leaves = [cellLeaf(short, 0, 0, 1, CHECKPOINT_NAMESPACE_SIZE), cellLeaf(host.rows[0]!.shares[0]!, 0, 1, 1, CHECKPOINT_NAMESPACE_SIZE)];
  const rowRoots = [nmtRoot(leaves, CHECKPOINT_NAMESPACE_SIZE), host.rowRoots[1]!];
  const fourBytes: BlobProof = {
    k: 1,
    dataRoot: computeDataRoot(rowRoots, host.colRoots),
    rowRoots,
    colRoots: host.colRoots,
    rows: [{ row: 0, shares: [short], proof: nmtProveRange(leaves, CHECKPOINT_NAMESPACE_SIZE, 0, 1) }],
  };
  return [
    invalid(
      "row entries [row 1, row 0] of a square holding P1 P2 | P0: each verifies under its own row's root and, read in the given order, P0 P1 P2 is checkpoint 1 (hashing to modelAfter); the i-th entry must be row i",
      "INCONSISTENT_SHARES",
      one(c3, rowsOf(rotated, [rotated.rows[1]!, rotated.rows[0]!])),
      ["Adversary", "Rule"],
    ),
    invalid(
      "row 0's proof starts at column 1, and the share there is alone a good blob (checkpoint 1, hashing to modelAfter; column 0 holds another model-namespace share): a blob starts at column 0",
      "INCONSISTENT_SHARES",
      one(c1, fromCol1),
      ["Adversary", "Rule"],
    ),
    invalid(
      "the carried share is checkpoint 1's, zero-padded (it hashes to modelAfter), but the square holds it with its last padding byte 1: not under the row root",
      "INCONSISTENT_SHARES",
      one(c1, rowsOf(notUnder, [{ ...notUnder.rows[0]!, shares: blobShares(c1) }])),
      ["Adversary", "Rule"],
    ),
    valid("dim 482: u32 length ‖ the 3860-byte checkpoint fill 8 shares exactly (4 + length = the data's 3864 bytes), k = 4, two full rows", one(c8, publishBlob(c8)), ["Boundary"]),
    invalid(
      "the length field says 3861, one byte past the 3860 the shares hold after it (those 3860 bytes are checkpoint 1 and hash to modelAfter)",
      "INCONSISTENT_SHARES",
      one(c8, onePast),
      ["Boundary", "Rule"],
    ),
    invalid(
      "the shares' data is exactly 4 bytes (one 33-byte share, namespace ‖ u32 0, under a row root built for it): a length field and an empty blob, which hashes to modelAfter and is not a checkpoint",
      "MALFORMED_MESSAGE",
      one(new Uint8Array(0), fourBytes),
      ["Boundary", "Adversary"],
    ),
  ];
}

function publishBlobCases(rng: Rng): CaseSpec[] {
  return [
    valid("479 bytes: u32 length ‖ blob fill exactly one 483-byte share", { blob: toHex(rng.bytes(479)) }, ["Boundary", "Random"]),
    valid("480 bytes: two shares, k = 2, the second share zero-padded", { blob: toHex(rng.bytes(480)) }, ["Boundary", "Random"]),
    // rows of k shares, the last one partial or full (Math.min(k, shares − r·k))
    valid("967 bytes: three shares, k = 2: row 1 holds one share, its proof covers column 0 alone", { blob: toHex(rng.bytes(967)) }, ["Boundary", "Random"]),
    valid("1928 bytes: four shares exactly, k = 2: rows 0 and 1 both full", { blob: toHex(rng.bytes(1928)) }, ["Boundary", "Random"]),
  ];
}

// ---- parameter ranges, codec edges, quantization ties, key encodings (issue 10 triage, helper seca) ----
// Each case below pins mutants of reference/secagg/{params,messages,quantize,keys}.ts that the vectors
// above left alive; the comment says which rule or edge it pins.

/** Runs a client_steps input and checks each event's answer: null for success, else the code. */
function checkedSteps(input: JsonObject, want: (string | null)[], what: string): JsonObject {
  const steps = (runClientSteps(input) as { steps: { success: boolean; error?: string }[] }).steps.map((s) => (s.success ? null : s.error!));
  if (JSON.stringify(steps) !== JSON.stringify(want)) throw new Error(`secagg/client_steps: ${what}: expected ${JSON.stringify(want)}, the steps answered ${JSON.stringify(steps)}`);
  return input;
}

function secaQuantizeCases(): CaseSpec[] {
  // The rounding draw equal to the fractional part: m = 1, c = 1, x = 2f − 1 makes v = (x + 1)/2 = f
  // exactly (f a multiple of 2^−53), so "up iff draw < v − floor(v)" gives 0 and "≤" would give 1.
  const label = "tie";
  const f = new Rng(`pwo/secagg/quantize/${label}`).float();
  return [
    valid("one value whose rounding draw equals its fractional part exactly (ℓ = 1, N = 1, c = 1, x = 2·draw − 1): rounds down, up only when draw < fraction; L = 1, the shortest vector", { clip: 1, bits: 1, clients: 1, values: [2 * f - 1], label }, ["Boundary"]),
    invalid("N = 0, the smallest rejected client bound", "PARAMETER_OUT_OF_RANGE", { ...QBASE, clients: 0, values: [0.5], label: "x" }, ["Boundary", "Rule"]),
  ];
}

function secaDequantizeCases(): CaseSpec[] {
  const m = Math.floor((2 ** 16 - 1) / 10);
  return [
    valid("c = 0.5 and count = 1, the smallest count: S·(2c/m) − count·c with c ≠ 1", { clip: 0.5, bits: 16, clients: 10, count: 1, sum: [0, m, 7] }, ["Boundary"]),
    invalid("count = 0, the smallest rejected", "PARAMETER_OUT_OF_RANGE", { clip: 1, bits: 16, clients: 10, count: 0, sum: [0] }, ["Boundary", "Rule"]),
    invalid("an element −1, below 0", "VALUE_OUT_OF_RANGE", { clip: 1, bits: 16, clients: 10, count: 3, sum: [0, -1] }, ["Boundary", "Rule"]),
    invalid("an element 1.5, not an integer", "VALUE_OUT_OF_RANGE", { clip: 1, bits: 16, clients: 10, count: 3, sum: [1.5] }, ["Rule"]),
  ];
}

function secaKeyAgreeCases(rng: Rng): CaseSpec[] {
  const sk = drawSecretKey(new Drbg(rng.bytes(32)));
  const peer = p256.Point.fromBytes(publicKeyOf(drawSecretKey(new Drbg(rng.bytes(32)))));
  return [invalid("the peer's valid point uncompressed (04 ‖ x ‖ y, 65 bytes, on the curve): only the 33-byte compressed form is accepted", "INVALID_PUBLIC_KEY", { secretKey: toHex(sk), publicKey: toHex(peer.toBytes(false)) }, ["Rule"])];
}

function secaGraphCases(rng: Rng): CaseSpec[] {
  return [valid("the complete graph on 4 users, of odd degree n − 1 = 3 (a Harary graph of degree 3 would give each user 2 neighbours)", { n: 4, degree: 3, graphSeed: toHex(rng.bytes(32)) }, ["Boundary"])];
}

/** The smallest session: n = 4 on the complete graph of odd degree 3, t = 2, ℓ = 1, L = 1. */
const TINY = { n: 4, t: 2, bits: 1, length: 1, degree: 3 };

function secaRoundCases(): CaseSpec[] {
  return [valid("honest n = 4 on the complete graph of odd degree 3, t = 2, ℓ = 1, L = 1: the smallest threshold, bit width and length", session("pwo/secagg/vectors/round/tiny", TINY, [], null, "full"), ["Honest", "Boundary", "MessageVectors"])];
}

function secaClientStepsCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  // parameter ranges (N1): client 1 advertises, or the parameters are refused
  const plabel = "pwo/secagg/vectors/client_steps/params";
  const p = (shape: { n: number; t: number; bits: number; length: number; degree: number }, input = new Array<number>(shape.length).fill(0)): JsonObject => ({ label: plabel, ...shape, id: 1, seed: toHex(seedOf(plabel, 1)), input, events: ["start"] });
  const S5 = { n: 5, t: 3, bits: 16, length: 4, degree: 4 };
  out.push(
    valid("n = 4, complete graph of odd degree 3, t = 2 (the smallest threshold), ℓ = 1 (the smallest bit width), L = 1 (the shortest input), input [1]: client 1 advertises", p(TINY, [1]), ["Boundary"]),
    invalid("n = 1 (degree 0): below the smallest user count 2, the first parameter checked", "PARAMETER_OUT_OF_RANGE", p({ n: 1, t: 2, bits: 16, length: 4, degree: 0 }), ["Boundary", "Rule"]),
    invalid("n = 2 = t with degree 1 = n − 1: the complete graph on 2 users is below degree 2", "PARAMETER_OUT_OF_RANGE", p({ n: 2, t: 2, bits: 16, length: 4, degree: 1 }), ["Boundary", "Rule"]),
    invalid("ℓ = 0 (input all 0)", "PARAMETER_OUT_OF_RANGE", p({ ...S5, bits: 0 }), ["Boundary", "Rule"]),
    invalid("ℓ = 33", "PARAMETER_OUT_OF_RANGE", p({ ...S5, bits: 33 }), ["Boundary", "Rule"]),
    invalid("L = 0 (an empty input)", "PARAMETER_OUT_OF_RANGE", p({ ...S5, length: 0 }), ["Boundary", "Rule"]),
    invalid("degree 3 for n = 5: odd and below n − 1", "PARAMETER_OUT_OF_RANGE", p({ ...S5, degree: 3 }), ["Rule"]),
    invalid("degree 6 for n = 5: even but above n − 1 (and above n + 1 − 1)", "PARAMETER_OUT_OF_RANGE", p({ ...S5, degree: 6 }), ["Boundary", "Rule"]),
    invalid("ℓ = 33 and an input element 2^33: the parameters are checked before the input", "PARAMETER_OUT_OF_RANGE", p({ ...S5, bits: 33 }, [2 ** 33, 0, 0, 0]), ["PairwiseRules"]),
  );
  // the codec (C1) on the server's messages to client 1 of the client_steps session
  const label = "pwo/secagg/vectors/client_steps/s5";
  const f = fixture(label, S5);
  const run = runSession(f.params, f.clients);
  const [skr, mir, cr] = run.steps.filter((s) => s.kind === "deliver" && s.from === 0 && s.to === 1).map((s) => s.bytes!);
  const base = (events: string[]): JsonObject => ({ label, ...S5, id: 1, seed: toHex(seedOf(label, 1)), input: [...f.inputs[0]!], events });
  const c = decodeMessage(cr!, f.params) as Extract<Message, { tag: typeof TAG.CONSISTENCY_REQUEST }>;
  const withSurvivors = (survivors: number[]) => toHex(encodeMessage({ ...c, survivors }));
  const u = c.survivors; // 1..5
  const k = decodeMessage(skr!, f.params) as Extract<Message, { tag: typeof TAG.SHARE_KEYS_REQUEST }>;
  const longCount = encodeMessage(k);
  new DataView(longCount.buffer).setUint32(1, S5.n + 1); // the advert count n + 1, the n adverts following
  const [SKR, MIR, CR] = [skr!, mir!, cr!].map(toHex) as [string, string, string];
  const codec = [
    withSurvivors([0, ...u.slice(0, -1)]),
    withSurvivors([...u.slice(0, -1), S5.n + 1]),
    withSurvivors([...u.slice(0, -1), u[u.length - 2]!]),
    toHex(longCount),
    "00",
    "0a",
    CR,
  ];
  out.push(
    valid(
      "after start, ShareKeys and MaskedInput: ConsistencyRequests with survivor 0, survivor n + 1 = 6 and survivor 4 twice, a ShareKeysRequest whose advert count is n + 1 = 6, the unknown tags 0x00 and 0x0a: MALFORMED_MESSAGE each (C1); the honest ConsistencyRequest after them is answered",
      checkedSteps(base(["start", SKR, MIR, ...codec]), [null, null, null, "MALFORMED_MESSAGE", "MALFORMED_MESSAGE", "MALFORMED_MESSAGE", "MALFORMED_MESSAGE", "MALFORMED_MESSAGE", "MALFORMED_MESSAGE", null], "codec"),
      ["Boundary", "Rule"],
    ),
  );
  // the high-s twin (r, n − s) of user 2's advert signature: valid ECDSA, but only low-s is accepted (C7)
  const N = BigInt("0x" + N_HEX);
  const highS = k.adverts.map((a) => {
    if (a.id !== 2) return a;
    const s = BigInt("0x" + toHex(a.sig.subarray(32)));
    return { ...a, sig: Uint8Array.from([...a.sig.subarray(0, 32), ...fromHex((N - s).toString(16).padStart(64, "0"))]) };
  });
  out.push(
    valid(
      "user 2's advert signature replaced by its high-s twin (r, n − s), which verifies without the low-s rule: INVALID_SIGNATURE (C7); the honest ShareKeysRequest after it is answered",
      checkedSteps(base(["start", toHex(encodeMessage({ ...k, adverts: highS })), SKR]), [null, "INVALID_SIGNATURE", null], "high-s"),
      ["Adversary", "Rule"],
    ),
  );
  // masked elements at 2^ℓ: decoding (C1) comes before the tag check (C2), so a MaskedInputResponse
  // sent to a client answers VALUE_OUT_OF_RANGE when an element is 2^ℓ and UNEXPECTED_MESSAGE otherwise
  const S12 = { n: 5, t: 3, bits: 12, length: 2, degree: 4 };
  const mlabel = "pwo/secagg/vectors/client_steps/masked12";
  const masked = (y: number[]) => toHex(encodeMessage({ tag: TAG.MASKED_INPUT_RESPONSE, session: new Uint8Array(32).fill(7), id: 2, y: Uint32Array.from(y) }, S12));
  const m12: JsonObject = { label: mlabel, ...S12, id: 1, seed: toHex(seedOf(mlabel, 1)), input: [1, 2], events: ["start", masked([2 ** 12 - 1, 2 ** 12 - 1]), masked([2 ** 12 - 1, 2 ** 12])] };
  out.push(
    valid(
      "ℓ = 12 (2 bytes per element): a MaskedInputResponse with elements 2^12 − 1 decodes and is UNEXPECTED_MESSAGE at a client (C2); one with the element 2^12 is VALUE_OUT_OF_RANGE (C1)",
      checkedSteps(m12, [null, "UNEXPECTED_MESSAGE", "VALUE_OUT_OF_RANGE"], "masked 2^12"),
      ["Boundary", "Rule"],
    ),
  );
  return out;
}

// ---- server, session and Shamir boundaries (wave-6 mutation triage, helper secb) ----

/** The stream key `SHA-256("pwo/secagg/vectors/shamir_split/draw-p/" ‖ i)`; i = DRAW_P_INDEX is the smallest whose first 2048 words hold p (found by a search). */
const DRAW_P_INDEX = 1782929;
const drawPKey = (i: number) => sha256(new TextEncoder().encode(`pwo/secagg/vectors/shamir_split/draw-p/${i}`));

function secbShamirSplitCases(): CaseSpec[] {
  const rng = new Rng("pwo/secagg/vectors/shamir_split/secb");
  const key = () => toHex(rng.bytes(32));
  // 9 limbs × 15 coefficients = 135 draws; the generator checks that one raw u32 of them is p itself
  const secret = rng.bytes(32);
  const t = 16;
  const drbg = new Drbg(drawPKey(DRAW_P_INDEX));
  let accepted = 0;
  let sawP = false;
  while (accepted < limbCount(secret.length) * (t - 1)) {
    const r = drbg.u32();
    if (r === SHAMIR_PRIME) sawP = true;
    if (r < SHAMIR_PRIME) accepted++;
  }
  if (!sawP) throw new Error("secagg/shamir_split: the draw-p key's stream holds no p among the coefficient draws");
  return [
    valid(`a secret of MAX_SECRET_LENGTH = 1024 bytes, 2 of 3`, { secret: toHex(rng.bytes(1024)), t: 2, points: [1, 2, 3], coefficientKey: key() }, ["Boundary"]),
    invalid("a secret of 1025 bytes, one over MAX_SECRET_LENGTH", "SECRET_LENGTH", { secret: toHex(rng.bytes(1025)), t: 2, points: [1, 2], coefficientKey: key() }, ["Boundary"]),
    valid(
      `a 32-byte secret 16 of 16 whose coefficient stream holds the u32 p = 0x8000000b (draw 134 of 135): p is not below p, so it is skipped like any value ≥ p`,
      { secret: toHex(secret), t, points: Array.from({ length: t }, (_, i) => i + 1), coefficientKey: toHex(drawPKey(DRAW_P_INDEX)) },
      ["Boundary"],
    ),
  ];
}

function secbShamirReconstructCases(): CaseSpec[] {
  const rng = new Rng("pwo/secagg/vectors/shamir_reconstruct/secb");
  const one = shamirSplit(Uint8Array.of(rng.below(256)), 2, [1, 2, 3], new Drbg(rng.bytes(32))).map((s) => ({ x: s.x, data: toHex(s.data) }));
  // f(x) = c + (p − c)·x has f(1) = 0 ≡ p: share 1 carries p, the one value ≡ 0 that is not below p
  const c = rng.below(2 ** 24);
  const u32hex = (v: number) => v.toString(16).padStart(8, "0");
  return [
    valid("secretLength 1, the smallest: one limb, 2 of 3 with a surplus share", { t: 2, secretLength: 1, shares: one }, ["Boundary"]),
    invalid("secretLength 0 with two empty shares (the limb count 0 would accept them)", "SECRET_LENGTH", { t: 2, secretLength: 0, shares: [{ x: 1, data: "" }, { x: 2, data: "" }] }, ["Boundary", "Rule"]),
    invalid("an element exactly p = 0x8000000b (≡ 0, the value of share 1 of f(x) = c + (p − c)·x), not below p", "VALUE_OUT_OF_RANGE", { t: 2, secretLength: 3, shares: [{ x: 1, data: u32hex(SHAMIR_PRIME) }, { x: 2, data: u32hex(SHAMIR_PRIME - c) }] }, ["Boundary", "Rule"]),
  ];
}

/** The offset of the one byte in which two equal-length encodings differ (aims a `tamper` at a field). */
function diffOffset(a: Uint8Array, b: Uint8Array): number {
  const at = a.length === b.length ? [...a.keys()].filter((i) => a[i] !== b[i]) : [];
  if (at.length !== 1) throw new Error("secagg/round: the two encodings should differ in exactly one byte");
  return at[0]!;
}

/** The message `from` sent the server in `round` of the reference session of `label` (no attack), decoded, and its bytes. */
function sentToServer(label: string, shape: typeof FORGE_SHAPE, drops: Drop[], round: number, from: number) {
  const f = fixture(label, shape);
  const run = runSession(f.params, f.clients, { dropBefore: new Map(drops.map((d) => [d.id, d.round])) });
  const bytes = run.steps.find((s) => s.kind === "deliver" && s.round === round && s.from === from && s.to === 0)!.bytes!;
  return { bytes, m: decodeMessage(bytes, f.params), params: f.params };
}

function secbRoundCases(): CaseSpec[] {
  const S5 = { n: 5, t: 3, bits: 16, length: 4, degree: 4 };
  const out: CaseSpec[] = [];
  // S6 on a ShareKeysResponse: the same number of recipients, one of them wrong
  const skLabel = "pwo/secagg/vectors/round/misaddressed";
  const sk = sentToServer(skLabel, S5, [], 1, 3);
  const skm = sk.m as Extract<Message, { tag: typeof TAG.SHARE_KEYS_RESPONSE }>;
  const skAt = diffOffset(sk.bytes, encodeMessage({ ...skm, ciphertexts: skm.ciphertexts.map((c) => (c.id === 2 ? { ...c, id: 3 } : c)) }, sk.params));
  out.push(
    valid(
      "user 3's ShareKeysResponse is addressed to 1, 3, 4, 5 (recipient 2's id flipped to 3, its own; the list still increasing): four recipients but not N(3) ∩ U1, UNEXPECTED_MESSAGE (S6), and user 3 is not in U2",
      session(skLabel, S5, [], { kind: "tamper", round: 1, from: 3, offset: skAt }, "digest"),
      ["Adversary", "Rule"],
    ),
  );
  // S6 on an UnmaskingResponse: user 3 drops before masked input (D = {3}); user 1 reveals b shares of 1, 2, 4, 5 and the s share of 3
  const umLabel = "pwo/secagg/vectors/round/misnamed";
  const drop3: Drop[] = [{ id: 3, round: 2 }];
  const um = sentToServer(umLabel, S5, drop3, 4, 1);
  const umm = um.m as Extract<Message, { tag: typeof TAG.UNMASKING_RESPONSE }>;
  const bAt = diffOffset(um.bytes, encodeMessage({ ...umm, bShares: umm.bShares.map((s) => (s.id === 2 ? { ...s, id: 3 } : s)) }, um.params));
  const sAt = diffOffset(um.bytes, encodeMessage({ ...umm, sShares: umm.sShares.map((s) => (s.id === 3 ? { ...s, id: 2 } : s)) }, um.params));
  out.push(
    valid(
      "user 1's UnmaskingResponse labels its b share of survivor 2 as one of user 3 (dropped): four b shares, but not of N[1] ∩ U3 = 1, 2, 4, 5; the s shares right: UNEXPECTED_MESSAGE (S6), the other t = 3 unmask",
      session(umLabel, S5, drop3, { kind: "tamper", round: 4, from: 1, offset: bAt }, "digest"),
      ["Adversary", "Rule", "Boundary"],
    ),
    valid(
      "user 1's UnmaskingResponse labels its s share of dropped user 3 as one of user 2 (a survivor): one s share, but not of N(1) ∩ D = 3; the b shares right: UNEXPECTED_MESSAGE (S6), the other t = 3 unmask",
      session(umLabel, S5, drop3, { kind: "tamper", round: 4, from: 1, offset: sAt }, "digest"),
      ["Adversary", "Rule", "Boundary"],
    ),
  );
  // S8 on a dropped user's s shares: user 1 drops before masked input (D = {1}, N(1) = 4, 5, 7, 8 on the forge graph)
  const f = fixture(FORGE_LABEL, FORGE_SHAPE);
  const g = neighbourGraph(f.params);
  const all = Array.from({ length: FORGE_SHAPE.n }, (_, i) => i + 1);
  const sShares = (late: number[]) => {
    const u3 = all.filter((u) => u !== 1);
    const u5 = u3.filter((u) => !late.includes(u));
    if (u5.length < FORGE_SHAPE.t || u3.some((u) => [u, ...g[u - 1]!].filter((v) => u5.includes(v)).length < FORGE_SHAPE.t))
      throw new Error("secagg/round: every survivor's b should have t shares");
    return g[0]!.filter((v) => u5.includes(v)).length;
  };
  const [exact, below] = [[4], [4, 7]] as const;
  if (sShares([...exact]) !== FORGE_SHAPE.t || sShares([...below]) !== FORGE_SHAPE.t - 1) throw new Error("secagg/round: s_sk_1 should have t, then t − 1 shares");
  const drops = (late: readonly number[]): Drop[] => [{ id: 1, round: 2 }, ...late.map((id) => ({ id, round: 4 }))];
  out.push(
    valid("SecAgg+ n = 8: user 1 drops before masked input and its neighbour 4 before unmasking: s_sk_1 from exactly t = 3 shares (5, 7, 8), every b_u from ≥ t", session(FORGE_LABEL, FORGE_SHAPE, drops(exact)), ["SecAggPlus", "Dropout", "Boundary"]),
    valid(
      "the same with neighbour 7 dropping too: every b_u still has ≥ t shares but s_sk_1 has t − 1 = 2 (5, 8): BELOW_THRESHOLD at the unmasking deadline (S8 on D's s_sk, not TOO_FEW_SHARES)",
      session(FORGE_LABEL, FORGE_SHAPE, drops(below)),
      ["SecAggPlus", "Dropout", "Abort", "Boundary", "Rule"],
    ),
  );
  // Delivery order: the server's lists (U1's adverts, U2's ciphertexts, U3, U4, D) are sorted, not in arrival order
  const dLabel = "pwo/secagg/vectors/round/delay";
  out.push(
    valid("user 1's message reaches the server after user 2's in every round: every list the server sends is still ascending, the sum as without the delay", session(dLabel, S5, [], { kind: "delay", from: 1 }, "digest"), ["Adversary"]),
    valid(
      "user 1's ShareKeysResponse arrives after user 2's and both drop before masked input: D = 1, 2 ascending in the UnmaskingRequest; exactly t = 3 survive",
      session(dLabel, S5, [{ id: 1, round: 2 }, { id: 2, round: 2 }], { kind: "delay", round: 1, from: 1 }, "digest"),
      ["Adversary", "Dropout", "Boundary"],
    ),
  );
  // S4's second half: a message on the channel of a user outside the previous round's set (its id field that user's)
  const iLabel = "pwo/secagg/vectors/round/impersonate";
  const as3 = (round: number): JsonObject => ({ kind: "impersonate", round, from: 1, to: 3 });
  out.push(
    valid("user 3 drops before ShareKeys (in U1, not U2); a copy of user 1's masked input arrives as user 3's: UNEXPECTED_MESSAGE (S4), U3 = 1, 2, 4, 5", session(iLabel, S5, [{ id: 3, round: 1 }], as3(2), "digest"), ["Adversary", "Rule"]),
    valid("user 3 drops before masked input (in U2, not U3); user 1's ConsistencyResponse arrives as user 3's: UNEXPECTED_MESSAGE (S4) before the signature is checked", session(iLabel, S5, [{ id: 3, round: 2 }], as3(3), "digest"), ["Adversary", "Rule"]),
    valid(
      "user 3 drops before the consistency check (in U3, not U4); user 1's UnmaskingResponse (b shares of N[3] ∩ U3 too, no s shares) arrives as user 3's: UNEXPECTED_MESSAGE (S4)",
      session(iLabel, S5, [{ id: 3, round: 3 }], as3(4), "digest"),
      ["Adversary", "Rule"],
    ),
  );
  // in round 1 on the forge graph: U1 = 2, 5, 7 and N(1) ∩ U1 = N(2) ∩ U1 = 5, 7, so user 2's ShareKeysResponse as user 1's passes S6 and only S4 rejects it
  const away = [1, 3, 4, 6, 8];
  const u1 = all.filter((u) => !away.includes(u));
  const inU1 = (u: number) => g[u - 1]!.filter((v) => u1.includes(v)).join();
  if (g[0]!.includes(2) || inU1(1) !== inU1(2)) throw new Error("secagg/round: N(1) ∩ U1 should be N(2) ∩ U1, 2 not a neighbour of 1");
  out.push(
    valid(
      "SecAgg+ n = 8: users 1, 3, 4, 6, 8 never advertise (U1 = 2, 5, 7 = t); user 2's ShareKeysResponse, addressed to N(2) ∩ U1 = 5, 7 = N(1) ∩ U1, arrives as user 1's: UNEXPECTED_MESSAGE (S4: 1 is not in U1)",
      session(FORGE_LABEL, FORGE_SHAPE, away.map((id) => ({ id, round: 0 })), { kind: "impersonate", round: 1, from: 2, to: 1 }, "digest"),
      ["Adversary", "SecAggPlus", "Rule", "Boundary"],
    ),
  );
  // S6 with a list one longer than the expected one and starting with it (the count matters, not only the prefix)
  const closedIn = (u: number, set: number[]) => [...g[u - 1]!, u].sort((a, b) => a - b).filter((v) => set.includes(v));
  const u1b = all.filter((u) => u !== 1 && u !== 4);
  const want8 = closedIn(8, u1b).filter((v) => v !== 8).join(), got2 = closedIn(2, u1b).filter((v) => v !== 2).join();
  const u3c = all.filter((u) => u !== 6);
  const want7 = closedIn(7, u3c).join(), got5 = closedIn(5, u3c).join();
  if (want8 !== "3,5" || got2 !== "3,5,6,7" || want7 !== "1,2,5,7" || got5 !== "1,2,5,7,8") throw new Error("secagg/round: the forge graph's neighbourhoods are not the ones the comments name");
  out.push(
    valid(
      "SecAgg+ n = 8: users 1 and 4 never advertise; user 2's ShareKeysResponse (to 3, 5, 6, 7) arrives as user 8's, whose N(8) ∩ U1 is 3, 5: UNEXPECTED_MESSAGE (S6), and user 8's own response after it is accepted",
      session(FORGE_LABEL, FORGE_SHAPE, [1, 4].map((id) => ({ id, round: 0 })), { kind: "impersonate", round: 1, from: 2, to: 8 }, "digest"),
      ["Adversary", "SecAggPlus", "Rule"],
    ),
    valid(
      "SecAgg+ n = 8: user 6 drops before ShareKeys (D empty); user 5's UnmaskingResponse (b shares of 1, 2, 5, 7, 8) arrives as user 7's, whose N[7] ∩ U3 is 1, 2, 5, 7: UNEXPECTED_MESSAGE (S6), and user 7's own response after it is accepted",
      session(FORGE_LABEL, FORGE_SHAPE, [{ id: 6, round: 1 }], { kind: "impersonate", round: 4, from: 5, to: 7 }, "digest"),
      ["Adversary", "SecAggPlus", "Rule"],
    ),
  );
  return out;
}

/** seca's cases, appended to each operation's (own streams: a fork of the operation's seed). */
const SECA_CASES: Record<string, (rng: Rng) => CaseSpec[]> = {
  quantize: secaQuantizeCases,
  dequantize: secaDequantizeCases,
  key_agree: secaKeyAgreeCases,
  neighbour_graph: secaGraphCases,
  round: secaRoundCases,
  client_steps: secaClientStepsCases,
};

/** Operation name → seed label and cases. */
export function secaggCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  const gen = (name: string, f: (rng: Rng) => CaseSpec[]) => {
    const seed = `pwo/secagg/vectors/${name}/v1`;
    const rng = new Rng(seed);
    const cases: CaseSpec[] = [...f(rng), ...(SECA_CASES[name]?.(rng.fork("seca")) ?? [])];
    return [name, { seed, cases }] as const;
  };
  return Object.fromEntries([
    gen("quantize", quantizeCases),
    gen("dequantize", dequantizeCases),
    gen("stream_read", streamCases),
    gen("shamir_split", shamirSplitCases),
    gen("shamir_reconstruct", shamirReconstructCases),
    gen("prg_expand", prgCases),
    gen("key_agree", keyAgreeCases),
    gen("aead_open", aeadCases),
    gen("neighbour_graph", graphCases),
    gen("round", roundCases),
    gen("client_steps", () => clientStepsCases()),
    gen("decode_checkpoint", decodeCheckpointCases),
    gen("encode_checkpoint", encodeCheckpointCases),
    gen("publish_blob", publishBlobCases),
    gen("verify_chain", verifyChainCases),
  ]);
}
