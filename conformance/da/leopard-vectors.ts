/**
 * The da suite's Leopard cases (spec/da.md §Leopard, §Celestia profile): `leopard_encode` and
 * `leopard_reconstruct` for the Celestia shapes (p = k, 64-byte shards, the smallest Leopard allows:
 * encode for every k = 1..128, reconstruct for every k ≤ 32 and nine larger ones), other shapes at the boundary of `2^⌈log2 p⌉ + k ≤ 256`, invalid shapes and sizes;
 * and cases of the square operations with `codec: "leopard"`, among them celestia-app's two small
 * pinned squares. Each group draws from its own seed, so the cases of conformance/da/vectors.ts
 * are untouched; {@link withLeopardCases} appends these to them.
 * @module
 */
import { toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import { CELESTIA_SQUARE_PARAMS, createBadEncodingProof, createSample, extendSquare, leopardEncode, type ExtendedSquare, type SquareParams } from "../../reference/da/index.js";
import type { JsonObject } from "../harness/operation.js";
import { LEOPARD_ENCODE_RULES, LEOPARD_RECONSTRUCT_RULES } from "../../reference/da/rules.js";
import { breakerPairCases, type BreakerPairs } from "../harness/rules.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { fraudProofJson, nullableHex } from "./operations.js";
import { badlyExtended, randomShares } from "./vectors.js";

export const LEOPARD_FLAGS: Record<string, string> = {
  CelestiaProfile: "a square of the Celestia profile (codec leopard)",
  LeopardShape: "a Leopard shape: 2^⌈log2 parity⌉ + data ≤ 256",
  Unaligned: "a Leopard shard size not a multiple of 64 bytes",
};

const valid = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: JsonObject, flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });
const hexes = (xs: readonly Uint8Array[]) => xs.map(toHex);
const shards = (rng: Rng, k: number, size = 64) => Array.from({ length: k }, () => rng.bytes(size));

function leopardEncodeCases(rng: Rng, collect?: (p: BreakerPairs) => void): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (let k = 1; k <= 128; k++) out.push(valid(`k = ${k} data + ${k} parity shards of 64 bytes (a Celestia row of a ${k}×${k} square)`, { data: hexes(shards(rng, k)), parityCount: k }, k === 1 || k === 128 ? ["Boundary", "LeopardShape"] : ["LeopardShape"]));
  const shapes: [number, number, string][] = [
    [1, 128, "one data shard, 128 parity: 128 + 1 ≤ 256"],
    [128, 1, "m = 1: parity is the XOR of the data"],
    [192, 64, "192 + 64 = 256 points"],
    [3, 5, "more parity than data (m = 8)"],
    [100, 100, "k not a power of two: m = 128, 228 points"],
    [129, 64, "129 data, m = 64: three chunks of the IFFT, the last of one shard"],
  ];
  for (const [k, p, what] of shapes) out.push(valid(`${k} + ${p}: ${what}`, { data: hexes(shards(rng, k)), parityCount: p }, ["Boundary", "LeopardShape"]));
  out.push(valid("two 128-byte shards, two blocks of 64", { data: hexes(shards(rng, 2, 128)), parityCount: 2 }, ["LeopardShape"]));
  out.push(valid("all-zero data gives all-zero parity", { data: hexes([new Uint8Array(64), new Uint8Array(64)]), parityCount: 2 }, ["Boundary"]));
  const one = hexes(shards(rng, 1));
  out.push(invalid("129 + 128: 128 + 129 points exceed 256", "SHARD_COUNT_OUT_OF_RANGE", { data: hexes(shards(rng, 129)), parityCount: 128 }, ["CountOutOfRange", "Boundary"]));
  out.push(invalid("129 + 127: k + p = 256 but m + k = 257", "SHARD_COUNT_OUT_OF_RANGE", { data: hexes(shards(rng, 129)), parityCount: 127 }, ["CountOutOfRange", "Boundary"]));
  out.push(invalid("1 + 255: m = 256 leaves no point for the data", "SHARD_COUNT_OUT_OF_RANGE", { data: one, parityCount: 255 }, ["CountOutOfRange", "Boundary"]));
  out.push(invalid("no parity shards", "SHARD_COUNT_OUT_OF_RANGE", { data: one, parityCount: 0 }, ["CountOutOfRange"]));
  out.push(invalid("no data shards", "SHARD_COUNT_OUT_OF_RANGE", { data: [], parityCount: 1 }, ["CountOutOfRange"]));
  out.push(invalid("shards of 65 bytes (rsmt2d's own rejected size)", "SHARD_SIZE_NOT_ALIGNED", { data: hexes(shards(rng, 2, 65)), parityCount: 2 }, ["Unaligned"]));
  out.push(invalid("shards of 63 bytes", "SHARD_SIZE_NOT_ALIGNED", { data: hexes(shards(rng, 1, 63)), parityCount: 1 }, ["Unaligned", "Boundary"]));
  out.push(invalid("shards of 64 and 128 bytes", "SIZE_MISMATCH", { data: [...one, toHex(rng.bytes(128))], parityCount: 1 }, ["SizeMismatch"]));
  out.push(invalid("empty shards", "SIZE_MISMATCH", { data: ["", ""], parityCount: 1 }, ["SizeMismatch"]));
  // every pair of L1–L3 at once (reference/da/rules.ts), the later rule's breaker applied first
  const dataOf = (x: JsonObject) => x.data as string[];
  const eb: Record<string, (x: JsonObject) => JsonObject> = {
    L1: (x) => ({ ...x, parityCount: 0 }),
    L2: (x) => ({ ...x, data: dataOf(x).map((d, j) => (j === 1 ? d.slice(2) : d)) }),
    L3: (x) => ({ ...x, data: dataOf(x).map((d) => `${d}${"00".repeat(32)}`) }), // 96 bytes each
  };
  const encodeBase = { data: hexes(shards(rng, 2)), parityCount: 2 };
  out.push(...breakerPairCases({ table: LEOPARD_ENCODE_RULES, base: () => encodeBase, breakers: eb }, collect));
  return out;
}

function leopardReconstructCases(rng: Rng, collect?: (p: BreakerPairs) => void): CaseSpec[] {
  const out: CaseSpec[] = [];
  const withhold = (k: number, p: number, lost: (i: number) => boolean, comment: string, flags: string[], code = "valid", size = 64) => {
    const data = shards(rng, k, size);
    const all: (Uint8Array | undefined)[] = [...data, ...leopardEncode(data, p)].map((s, i) => (lost(i) ? undefined : s));
    const input = { shards: nullableHex(all), dataCount: k };
    out.push(code === "valid" ? valid(comment, input, flags) : invalid(comment, code, input, flags));
  };
  // every k up to 32, then the larger shapes where m or the chunking changes (the files stay near 1 MiB)
  const ks = [...Array.from({ length: 32 }, (_, i) => i + 1), 33, 47, 63, 64, 65, 96, 100, 127, 128];
  for (const k of ks) {
    // alternate the hardest patterns: all data lost (decode from parity), and a random k kept
    if (k % 2 === 1) withhold(k, k, (i) => i < k, `k = ${k}: all data lost, decoded from the ${k} parity shards`, ["Erasure", "LeopardShape"]);
    else {
      const keep = new Set<number>();
      while (keep.size < k) keep.add(rng.below(2 * k));
      withhold(k, k, (i) => !keep.has(i), `k = ${k}: a random ${k} of ${2 * k} shards kept`, ["Erasure", "LeopardShape", "Random"]);
    }
  }
  withhold(4, 4, (i) => i >= 4, "4 + 4, all parity lost: re-derived", ["Erasure"]);
  withhold(4, 4, () => false, "4 + 4, nothing lost", ["Boundary"]);
  withhold(192, 64, (i) => i < 64, "192 + 64, 64 data shards lost: every point used", ["Erasure", "Boundary", "LeopardShape"]);
  withhold(3, 5, (i) => i < 3, "3 + 5, all data lost (m = 8 > p)", ["Erasure", "LeopardShape"]);
  withhold(4, 4, (i) => i < 5, "4 + 4 with five lost", ["TooFewShards"], "TOO_FEW_SHARDS");
  withhold(2, 2, () => true, "everything lost", ["TooFewShards"], "TOO_FEW_SHARDS");
  out.push(invalid("present shards of 64 and 128 bytes", "SIZE_MISMATCH", { shards: [toHex(rng.bytes(64)), null, toHex(rng.bytes(128)), null], dataCount: 2 }, ["SizeMismatch"]));
  out.push(invalid("present shards of 32 bytes", "SHARD_SIZE_NOT_ALIGNED", { shards: [toHex(rng.bytes(32)), null, toHex(rng.bytes(32)), null], dataCount: 2 }, ["Unaligned"]));
  out.push(invalid("dataCount equal to the shard count leaves no parity", "SHARD_COUNT_OUT_OF_RANGE", { shards: [toHex(rng.bytes(64)), toHex(rng.bytes(64))], dataCount: 2 }, ["CountOutOfRange"]));
  out.push(invalid("129 data + 128 parity shards", "SHARD_COUNT_OUT_OF_RANGE", { shards: new Array(257).fill(null), dataCount: 129 }, ["CountOutOfRange", "Boundary"]));
  // every pair of L1–L4 at once (reference/da/rules.ts), the later rule's breaker applied first
  const data4 = shards(rng, 4);
  const word = nullableHex([...data4, ...leopardEncode(data4, 4)].map((x, i) => (i === 0 || i === 5 ? undefined : x)));
  const shardsOf = (x: JsonObject) => x.shards as (string | null)[];
  const rb: Record<string, (x: JsonObject) => JsonObject> = {
    L1: (x) => ({ ...x, dataCount: shardsOf(x).length }),
    L2: (x) => ({ ...x, shards: shardsOf(x).map((d, j) => (j === 2 && d !== null ? d.slice(2) : d)) }),
    L3: (x) => ({ ...x, shards: shardsOf(x).map((d) => (d === null ? null : d.slice(0, 64))) }), // 32 bytes each
    L4: (x) => ({ ...x, shards: shardsOf(x).map((d, j) => (j >= 4 ? null : d)) }),
  };
  out.push(...breakerPairCases({ table: LEOPARD_RECONSTRUCT_RULES, base: () => ({ shards: word, dataCount: 4 }), breakers: rb }, collect));
  return out;
}

// ---- the square operations in the Celestia profile ----

/** Small Leopard squares: 1-byte namespaces, 64-byte shares. */
const SMALL_LEO: SquareParams = { shareSize: 64, namespaceSize: 1, codec: "leopard" };
const paramsJson = (p: SquareParams) => ({ namespaceSize: p.namespaceSize, shareSize: p.shareSize, codec: p.codec! });
const commitmentsJson = (sq: Pick<ExtendedSquare, "dataRoot" | "rowRoots" | "colRoots">) => ({ dataRoot: toHex(sq.dataRoot), rowRoots: hexes(sq.rowRoots), colRoots: hexes(sq.colRoots) });

/** celestia-app's generateShares(n): n copies of ns1 ‖ 0xFF…, ns1 = 0x00 ‖ 18 zero bytes ‖ 10 bytes of 0x01. */
export function celestiaTestShares(n: number): Uint8Array[] {
  const s = new Uint8Array(512).fill(0xff);
  s.fill(0, 0, 19);
  s.fill(1, 19, 29);
  return Array.from({ length: n }, () => s);
}

function extendSquareLeopardCases(rng: Rng): CaseSpec[] {
  const C = CELESTIA_SQUARE_PARAMS;
  return [
    valid("Celestia profile, no shares: celestia-app MinDataAvailabilityHeader(), data root 3d96b7d2… (pkg/da/data_availability_header_test.go @ 74614c2e)", { ...paramsJson(C), shares: [] }, ["CelestiaProfile", "External", "Boundary"]),
    valid('Celestia profile, celestia-app TestNewDataAvailabilityHeader "typical" generateShares(4), data root b56e4d25… (@ 74614c2e)', { ...paramsJson(C), shares: hexes(celestiaTestShares(4)) }, ["CelestiaProfile", "External"]),
    valid("Celestia profile, 3 random shares: k = 2 with one go-square tail-padding share", { ...paramsJson(C), shares: hexes(randomShares(rng, 3, C)) }, ["CelestiaProfile", "Random"]),
    valid("codec leopard, 64-byte shares, 1-byte namespaces, 16 shares: k = 4", { ...paramsJson(SMALL_LEO), shares: hexes(randomShares(rng, 16, SMALL_LEO)) }, ["CelestiaProfile", "Random"]),
    valid("codec leopard, 5 shares: k = 4 with eleven padding shares", { ...paramsJson(SMALL_LEO), shares: hexes(randomShares(rng, 5, SMALL_LEO)) }, ["CelestiaProfile", "Random"]),
    invalid("codec leopard with 65-byte shares", "SHARD_SIZE_NOT_ALIGNED", { namespaceSize: 1, shareSize: 65, codec: "leopard", shares: [] }, ["CelestiaProfile", "Unaligned"]),
    invalid("codec leopard with 96-byte shares", "SHARD_SIZE_NOT_ALIGNED", { namespaceSize: 29, shareSize: 96, codec: "leopard", shares: [] }, ["CelestiaProfile", "Unaligned"]),
    valid("codec reed-solomon named explicitly (the PWO profile's default)", { namespaceSize: 1, shareSize: 8, codec: "reed-solomon", shares: hexes(randomShares(rng, 2, { shareSize: 8, namespaceSize: 1 })) }, ["Random"]),
  ];
}

function reconstructSquareLeopardCases(rng: Rng): CaseSpec[] {
  const sq = extendSquare(randomShares(rng, 16, SMALL_LEO), SMALL_LEO);
  const w = 2 * sq.k;
  const cells = (keep: (r: number, c: number) => boolean) => nullableHex(sq.cells.map((c, i) => (keep(Math.floor(i / w), i % w) ? c : undefined)));
  const base = { ...paramsJson(SMALL_LEO), dataRoot: toHex(sq.dataRoot) };
  const wrong = extendSquare(randomShares(rng, 16, SMALL_LEO), SMALL_LEO);
  return [
    valid("codec leopard, k = 4: only Q3 (the parity of the parity) kept", { ...base, cells: cells((r, c) => r >= 4 && c >= 4) }, ["CelestiaProfile", "Erasure"]),
    valid("codec leopard, k = 4: rows 0, 2, 5, 7 kept", { ...base, cells: cells((r) => [0, 2, 5, 7].includes(r)) }, ["CelestiaProfile", "Erasure"]),
    invalid("codec leopard, k = 4: the Q3 cells under the reed-solomon codec", "INCONSISTENT_SHARES", { ...base, codec: "reed-solomon", cells: nullableHex(sq.cells) }, ["CelestiaProfile"]),
    invalid("codec leopard, k = 4: another square's data root", "DATA_ROOT_MISMATCH", { ...base, dataRoot: toHex(wrong.dataRoot), cells: cells((r, c) => r >= 4 && c >= 4) }, ["CelestiaProfile", "TamperedData"]),
  ];
}

function fraudProofLeopardCases(rng: Rng): CaseSpec[] {
  const good = extendSquare(randomShares(rng, 4, SMALL_LEO), SMALL_LEO);
  const bad = badlyExtended(good, 1, 3, SMALL_LEO);
  return [
    valid("codec leopard, k = 2, row 1 badly extended", fraudProofJson(bad, createBadEncodingProof(bad, "row", 1, SMALL_LEO), SMALL_LEO), ["CelestiaProfile", "BadEncoding"]),
    valid("codec leopard, k = 2, column 3 badly extended", fraudProofJson(bad, createBadEncodingProof(bad, "col", 3, SMALL_LEO), SMALL_LEO), ["CelestiaProfile", "BadEncoding"]),
    invalid("codec leopard, k = 2, a correctly extended row", "AXIS_CORRECTLY_ENCODED", fraudProofJson(good, createBadEncodingProof(good, "row", 0, SMALL_LEO), SMALL_LEO), ["CelestiaProfile", "WellEncoded"]),
  ];
}

function sampleLeopardCases(rng: Rng): CaseSpec[] {
  const sq = extendSquare(randomShares(rng, 4, SMALL_LEO), SMALL_LEO);
  const x = createSample(sq, 3, 2, SMALL_LEO);
  return [valid("codec leopard, k = 2, cell (3, 2) in Q3", { ...paramsJson(SMALL_LEO), ...commitmentsJson(sq), row: 3, col: 2, share: toHex(x.share), nodes: hexes(x.proof.nodes) }, ["CelestiaProfile"])];
}

type Cases = Record<string, { seed: string; cases: CaseSpec[] }>;

/**
 * `base` (conformance/da/vectors.ts's cases) with the Leopard groups added and the Celestia-profile
 * cases appended; `collect` receives the Leopard operations' pairwise constructions.
 */
export function withLeopardCases(base: Cases, collect?: (p: BreakerPairs) => void): Cases {
  const gen = (name: string, f: (rng: Rng, collect?: (p: BreakerPairs) => void) => CaseSpec[]) => f(new Rng(`pwo/da/vectors/${name}/leopard/v1`), collect);
  const out: Cases = { ...base };
  out["leopard_encode"] = { seed: "pwo/da/vectors/leopard_encode/v1", cases: gen("leopard_encode", leopardEncodeCases) };
  out["leopard_reconstruct"] = { seed: "pwo/da/vectors/leopard_reconstruct/v1", cases: gen("leopard_reconstruct", leopardReconstructCases) };
  const append = (name: string, f: (rng: Rng) => CaseSpec[]) => {
    const b = base[name];
    if (b === undefined) throw new Error(`da vectors: no ${name} group to append the Leopard cases to`);
    out[name] = { seed: b.seed, cases: [...b.cases, ...gen(name, f)] };
  };
  append("extend_square", extendSquareLeopardCases);
  append("reconstruct_square", reconstructSquareLeopardCases);
  append("verify_fraud_proof", fraudProofLeopardCases);
  append("verify_sample", sampleLeopardCases);
  return out;
}
