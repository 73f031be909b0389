/**
 * Sessions built from a label (spec/secagg.md §Conformance operations, `round`): every seed, signing
 * key, input and the graph seed derive from the label, so a vector is reproduced from its input alone.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { Rng } from "../../reference/common/rng.js";
import { Drbg, drawSecretKey, newClient, publicKeyOf, type ClientState, type SessionParams } from "../../reference/secagg/index.js";

export interface SessionShape {
  n: number;
  t: number;
  bits: number;
  length: number;
  degree: number;
}

export interface Fixture {
  params: SessionParams;
  clients: ClientState[];
  inputs: Uint32Array[];
  signingKeys: Uint8Array[];
}

/** User `id`'s long-term signing key: the first valid scalar of the stream keyed SHA-256(label ‖ "/sign/" ‖ id). */
export const signingKeyOf = (label: string, id: number): Uint8Array => drawSecretKey(new Drbg(sha256(utf8ToBytes(`${label}/sign/${id}`))));

/** The session parameters of `label`: graph seed SHA-256(label ‖ "/graph"), user i's signing key {@link signingKeyOf}. */
export function paramsOf(label: string, shape: SessionShape, signingKeys = Array.from({ length: shape.n }, (_, i) => signingKeyOf(label, i + 1))): SessionParams {
  return { ...shape, graphSeed: sha256(utf8ToBytes(`${label}/graph`)), signingKeys: signingKeys.map((k) => publicKeyOf(k)) };
}

/** Client `id`'s seed in the session of `label`: SHA-256(label ‖ "/seed/" ‖ id). */
export const seedOf = (label: string, id: number): Uint8Array => sha256(utf8ToBytes(`${label}/seed/${id}`));

/**
 * The session of `label`: graph seed SHA-256(label ‖ "/graph"); client id's seed SHA-256(label ‖
 * "/seed/" ‖ id); inputs uniform below 2^ℓ from `Rng(label + "/inputs")` (client 1's first, unless given).
 */
export function fixture(label: string, shape: SessionShape, inputs?: Uint32Array[]): Fixture {
  const signingKeys = Array.from({ length: shape.n }, (_, i) => signingKeyOf(label, i + 1));
  const params = paramsOf(label, shape, signingKeys);
  const rng = new Rng(`${label}/inputs`);
  const xs = inputs ?? Array.from({ length: shape.n }, () => Uint32Array.from({ length: shape.length }, () => Math.floor(rng.float() * 2 ** shape.bits)));
  const clients = xs.map((x, i) => newClient(params, i + 1, seedOf(label, i + 1), signingKeys[i]!, x));
  return { params, clients, inputs: xs, signingKeys };
}

/** Σ x_u over `ids` mod 2^ℓ: what a session must output. */
export function plainSum(inputs: readonly Uint32Array[], ids: Iterable<number>, bits: number): Uint32Array {
  const R = 2 ** bits;
  const out = new Uint32Array(inputs[0]!.length);
  for (const id of ids) inputs[id - 1]!.forEach((v, i) => (out[i] = (out[i]! + v) % R));
  return out;
}
