/**
 * Session parameters and the neighbour graph (spec/secagg.md §Session parameters, §Neighbour graph).
 * The complete graph is Bonawitz et al.'s protocol; a k-regular graph is SecAgg+ (Bell et al.,
 * CCS'20 §3: a Harary graph H(k, n) on a public random permutation of the users), where each user
 * masks with and shares to its k neighbours only.
 * @module
 */
import { Rng } from "../common/rng.js";
import { toHex } from "../common/hex.js";
import { MAX_BITS, MAX_LENGTH, MAX_USERS, MIN_BITS, MIN_THRESHOLD, PUBLIC_KEY_SIZE } from "./constants.js";
import { fail } from "./errors.js";

export interface SessionParams {
  /** Users, with ids 1..n. */
  n: number;
  /** Shamir threshold: shares needed to reconstruct, and fewest users allowed in any round. */
  t: number;
  /** ℓ: inputs and masks live in Z_R, R = 2^ℓ. */
  bits: number;
  /** L: elements per input vector. */
  length: number;
  /** Neighbours per user: n − 1 is the complete graph; an even k < n − 1 is SecAgg+. */
  degree: number;
  /** 32 public bytes seeding the graph's permutation. */
  graphSeed: Uint8Array;
  /** The PKI: user id i's ECDSA P-256 public key is signingKeys[i − 1] (compressed). */
  signingKeys: readonly Uint8Array[];
}

/** Checks the parameters (table `params`): ranges, t ≤ degree + 1, k even when below n − 1. */
export function checkParams(p: SessionParams): void {
  if (!Number.isInteger(p.n) || p.n < MIN_THRESHOLD || p.n > MAX_USERS) fail("PARAMETER_OUT_OF_RANGE", `n = ${p.n}; expected ${MIN_THRESHOLD}..${MAX_USERS}`);
  if (!Number.isInteger(p.bits) || p.bits < MIN_BITS || p.bits > MAX_BITS) fail("PARAMETER_OUT_OF_RANGE", `bits = ${p.bits}; expected ${MIN_BITS}..${MAX_BITS}`);
  if (!Number.isInteger(p.length) || p.length < 1 || p.length > MAX_LENGTH) fail("PARAMETER_OUT_OF_RANGE", `length = ${p.length}; expected 1..${MAX_LENGTH}`);
  const complete = p.degree === p.n - 1;
  if (!Number.isInteger(p.degree) || p.degree < 2 || p.degree > p.n - 1 || (!complete && p.degree % 2 !== 0)) fail("PARAMETER_OUT_OF_RANGE", `degree ${p.degree}; expected n − 1 or an even 2..n − 2`);
  if (!Number.isInteger(p.t) || p.t < MIN_THRESHOLD || p.t > p.degree + 1) fail("PARAMETER_OUT_OF_RANGE", `t = ${p.t}; expected ${MIN_THRESHOLD}..degree + 1 = ${p.degree + 1}`);
  if (p.graphSeed.length !== 32) fail("PARAMETER_OUT_OF_RANGE", "the graph seed must be 32 bytes");
  if (p.signingKeys.length !== p.n || p.signingKeys.some((k) => k.length !== PUBLIC_KEY_SIZE)) fail("PARAMETER_OUT_OF_RANGE", `expected ${p.n} signing keys of ${PUBLIC_KEY_SIZE} bytes`);
}

/** The SecAgg+ degree for n users: the smallest even k ≥ 3·log2(n), capped at the complete graph. */
export function secaggPlusDegree(n: number): number {
  const k = 2 * Math.ceil((3 * Math.log2(n)) / 2);
  return k >= n - 1 ? n - 1 : k;
}

/** The public permutation: Fisher–Yates over [1..n] with `Rng("pwo/secagg/v1/graph/" + hex(seed))`. */
export function graphPermutation(n: number, graphSeed: Uint8Array): number[] {
  const rng = new Rng(`pwo/secagg/v1/graph/${toHex(graphSeed)}`);
  const perm = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return perm;
}

/** Neighbour lists of every user (index id − 1), each sorted ascending, without the user itself. */
export function neighbourGraph(p: Pick<SessionParams, "n" | "degree" | "graphSeed">): number[][] {
  if (p.degree === p.n - 1) return Array.from({ length: p.n }, (_, i) => Array.from({ length: p.n }, (_, j) => j + 1).filter((v) => v !== i + 1));
  const perm = graphPermutation(p.n, p.graphSeed);
  const out: number[][] = Array.from({ length: p.n }, () => []);
  perm.forEach((u, pos) => {
    for (let j = 1; j <= p.degree / 2; j++) {
      out[u - 1]!.push(perm[(pos + j) % p.n]!, perm[(pos - j + p.n) % p.n]!);
    }
  });
  return out.map((l) => l.sort((a, b) => a - b));
}

/** The session parameters as bytes: u32 n ‖ u32 t ‖ u8 ℓ ‖ u32 L ‖ u32 degree ‖ graph seed ‖ signing keys. */
export function encodeParams(p: SessionParams): Uint8Array {
  const out = new Uint8Array(17 + 32 + p.n * PUBLIC_KEY_SIZE);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, p.n);
  dv.setUint32(4, p.t);
  dv.setUint8(8, p.bits);
  dv.setUint32(9, p.length);
  dv.setUint32(13, p.degree);
  out.set(p.graphSeed, 17);
  p.signingKeys.forEach((k, i) => out.set(k, 49 + i * PUBLIC_KEY_SIZE));
  return out;
}
