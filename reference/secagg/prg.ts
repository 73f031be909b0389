/**
 * Mask expansion (spec/secagg.md §Mask expansion), after fcp/secagg/shared/map_of_masks.cc for a
 * power-of-two modulus: the mask key is fcp's `DigestKey`, the mask is the AES-256-CTR keystream of
 * that key cut into big-endian elements of ceil(ℓ/8) bytes whose top byte keeps only ℓ − 8·(bytes − 1)
 * bits. Uniform on Z_R because R = 2^ℓ needs no rejection.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { MAX_BITS, MAX_LENGTH, MIN_BITS, PRNG_SEED_CONSTANT } from "./constants.js";
import { keystream } from "./drbg.js";
import { fail } from "./errors.js";

const u32be = (v: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v);
  return b;
};

/** Checks ℓ and L (table `prg_expand`, rules P1–P2). */
export function checkVectorShape(bits: number, length: number): void {
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) fail("PARAMETER_OUT_OF_RANGE", `bit width ${bits}; expected ${MIN_BITS}..${MAX_BITS}`);
  if (!Number.isInteger(length) || length < 1 || length > MAX_LENGTH) fail("PARAMETER_OUT_OF_RANGE", `length ${length}; expected 1..${MAX_LENGTH}`);
}

/**
 * The AES key of the mask of `seed` in a session: SHA-256(u32(ℓ) ‖ seed ‖ 0x02 ‖ u32(|in|) ‖ in) with
 * in = session_id ‖ u32(ℓ) ‖ u32(L) (fcp DigestKey with prng_input for a vector of empty name).
 */
export function maskKey(seed: Uint8Array, sessionId: Uint8Array, bits: number, length: number): Uint8Array {
  const input = new Uint8Array([...sessionId, ...u32be(bits), ...u32be(length)]);
  return sha256(new Uint8Array([...u32be(bits), ...seed, PRNG_SEED_CONSTANT, ...u32be(input.length), ...input]));
}

/** The L elements of Z_{2^ℓ} a mask key expands to. Cost: L·ceil(ℓ/8) keystream bytes. */
export function expandMask(key: Uint8Array, bits: number, length: number): Uint32Array {
  checkVectorShape(bits, length);
  const per = Math.ceil(bits / 8);
  const msbMask = 0xff >>> (8 * per - bits);
  const ks = keystream(key, per * length);
  const out = new Uint32Array(length);
  for (let i = 0, p = 0; i < length; i++) {
    let v = ks[p++]! & msbMask;
    for (let j = 1; j < per; j++) v = v * 256 + ks[p++]!;
    out[i] = v;
  }
  return out;
}

/** Seed → mask in one step: {@link expandMask} of {@link maskKey}. */
export const prgExpand = (seed: Uint8Array, sessionId: Uint8Array, bits: number, length: number): Uint32Array =>
  expandMask(maskKey(seed, sessionId, bits, length), bits, length);

/** acc ← acc + sign·m mod 2^ℓ, in place. */
export function addMaskInPlace(acc: Uint32Array, m: Uint32Array, sign: 1 | -1, bits: number): void {
  const R = 2 ** bits;
  if (sign === 1) for (let i = 0; i < acc.length; i++) acc[i] = (acc[i]! + m[i]!) % R;
  else for (let i = 0; i < acc.length; i++) acc[i] = (acc[i]! - m[i]! + R) % R;
}
