/**
 * The seeded deterministic RNG shared by vector generation, workloads and simulations.
 *
 * Specified so any language reproduces it bit for bit (spec/common.md §Deterministic randomness):
 * the state is xoshiro128** (Blackman & Vigna, 2018) seeded with the first 16 bytes of
 * SHA-256(label), read as four little-endian u32 words. A label names its purpose
 * (`"codec/decode_tx/v1"`), so changing one generator never shifts another's stream.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

export class Rng {
  private s: Uint32Array;

  /** Seeds from a label (any string); equal labels give equal streams. */
  constructor(readonly label: string) {
    const d = sha256(utf8ToBytes(label));
    const v = new DataView(d.buffer, d.byteOffset, 16);
    this.s = new Uint32Array([v.getUint32(0, true), v.getUint32(4, true), v.getUint32(8, true), v.getUint32(12, true)]);
    // xoshiro's all-zero state is a fixed point; SHA-256 makes it astronomically unlikely, but the spec pins the fix.
    if (this.s.every((w) => w === 0)) this.s[0] = 1;
  }

  /** A child stream: `new Rng(label + "/" + name)`. */
  fork(name: string): Rng {
    return new Rng(`${this.label}/${name}`);
  }

  /** Next uniformly distributed u32 (xoshiro128**). */
  nextU32(): number {
    const s = this.s as Uint32Array & { 0: number; 1: number; 2: number; 3: number };
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0; // rotl(s1*5, 7)*9
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /**
   * Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, by rejection: draws u32 values until one is below
   * the largest multiple of n that fits, so there is no modulo bias.
   */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(n): expected integer 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return x % n;
    }
  }

  /** Uniform integer in [lo, hi] inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** Uniform float in [0, 1) with 53 random bits: (a·2^21 + (b >>> 11)) / 2^53. */
  float(): number {
    const a = this.nextU32();
    const b = this.nextU32();
    return (a * 2 ** 21 + (b >>> 11)) / 2 ** 53;
  }

  /** True with probability num/den, using one {@link below} draw. */
  chance(num: number, den: number): boolean {
    return this.below(den) < num;
  }

  /** n random bytes: successive u32 draws, each written little-endian, the last one truncated. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const x = this.nextU32();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (x >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick(items): expected a non-empty array");
    return items[this.below(items.length)] as T;
  }
}
