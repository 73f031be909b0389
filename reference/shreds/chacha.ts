/**
 * The seeded generator of the Turbine shuffle (spec/shreds.md §Turbine tree): Rust `rand_chacha`'s
 * `ChaChaRng` (= `ChaCha20Rng`) as `rand_core`'s block RNG reads it, and the integer sampler of
 * `rand` 0.8.5's `UniformInt<u64>::sample_single` that Agave reproduces in `agave-random`
 * (`random/src/range.rs`, `UniformU64Sampler::new_like_trait_sample`).
 *
 *   state  = "expand 32-byte k" ‖ seed as 8 LE words ‖ counter (64-bit, words 12–13) ‖ stream 0 (words 14–15)
 *   block  = the 16 words of ChaCha20 (20 rounds), counter = 0, 1, 2, …
 *   nextU32 = the next word of the block stream, in order;  nextU64 = lo | hi << 32 (two words, low first)
 *   fillBytes(n) = the word stream written little-endian, truncated to n bytes
 *
 *   sampleBelow(n):  zone = (n << lz(n)) − 1 mod 2^64;  loop { x = nextU64; (hi, lo) = x · n as 128 bits;
 *                    if lo ≤ zone return hi }
 * @module
 */

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574] as const; // "expand 32-byte k"
const MASK64 = (1n << 64n) - 1n;

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

/** One ChaCha20 block (RFC 8439 §2.3 rounds; djb's 64-bit counter in words 12–13). */
export function chacha20Block(key: Uint32Array, counter: bigint, out: Uint32Array): void {
  const s = new Uint32Array(16);
  s.set(SIGMA, 0);
  s.set(key, 4);
  s[12] = Number(counter & 0xffffffffn);
  s[13] = Number((counter >> 32n) & 0xffffffffn);
  s[14] = 0;
  s[15] = 0;
  const x = s.slice();
  const qr = (a: number, b: number, c: number, d: number) => {
    x[a] = (x[a]! + x[b]!) >>> 0; x[d] = rotl(x[d]! ^ x[a]!, 16);
    x[c] = (x[c]! + x[d]!) >>> 0; x[b] = rotl(x[b]! ^ x[c]!, 12);
    x[a] = (x[a]! + x[b]!) >>> 0; x[d] = rotl(x[d]! ^ x[a]!, 8);
    x[c] = (x[c]! + x[d]!) >>> 0; x[b] = rotl(x[b]! ^ x[c]!, 7);
  };
  for (let i = 0; i < 10; i++) {
    qr(0, 4, 8, 12); qr(1, 5, 9, 13); qr(2, 6, 10, 14); qr(3, 7, 11, 15);
    qr(0, 5, 10, 15); qr(1, 6, 11, 12); qr(2, 7, 8, 13); qr(3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) out[i] = (x[i]! + s[i]!) >>> 0;
}

/** `ChaChaRng::from_seed(seed)` read through rand_core's word stream. */
export class ChaCha20Rng {
  private readonly key: Uint32Array;
  private readonly block = new Uint32Array(16);
  private counter = 0n;
  private index = 16;

  constructor(seed: Uint8Array) {
    if (seed.length !== 32) throw new RangeError(`ChaCha20Rng: seed must be 32 bytes, got ${seed.length}`);
    const v = new DataView(seed.buffer, seed.byteOffset, 32);
    this.key = Uint32Array.from({ length: 8 }, (_, i) => v.getUint32(4 * i, true));
  }

  nextU32(): number {
    if (this.index === 16) {
      chacha20Block(this.key, this.counter, this.block);
      this.counter++;
      this.index = 0;
    }
    return this.block[this.index++]!;
  }

  nextU64(): bigint {
    const lo = BigInt(this.nextU32());
    const hi = BigInt(this.nextU32());
    return lo | (hi << 32n);
  }

  /** rand_core `fill_bytes`: the word stream little-endian, the last word truncated. */
  fillBytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const w = this.nextU32();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (w >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** `rng.gen::<[u8; N]>()` in rand 0.8/0.9: each byte is the low byte of its own u32 draw. */
  genByteArray(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.nextU32() & 0xff);
  }

  /** rand 0.8.5 `sample_single` over [0, n), n ≥ 1 (widening multiply, zone from leading zeros). */
  sampleBelow(n: bigint): bigint {
    if (n < 1n || n > MASK64) throw new RangeError(`sampleBelow: need 1 ≤ n < 2^64, got ${n}`);
    const lz = 64 - n.toString(2).length;
    const zone = ((n << BigInt(lz)) - 1n) & MASK64;
    for (;;) {
      const m = this.nextU64() * n;
      if ((m & MASK64) <= zone) return m >> 64n;
    }
  }
}
