/**
 * The AES-256-CTR keystream (spec/secagg.md §Mask expansion): the bytes AES-256-CTR with a 128-bit
 * big-endian counter starting at zero produces on an all-zero plaintext, as fcp's `AesCtrPrng`
 * (fcp/secagg/shared/aes_ctr_prng.cc: zero IV, `EVP_aes_256_ctr`). One stream serves both the mask
 * PRG and each client's private randomness.
 * @module
 */
import { ctr } from "@noble/ciphers/aes.js";
import { fail } from "./errors.js";

/** Bytes produced per cipher call; a multiple of the 16-byte block. */
const CHUNK = 1 << 16;

/** The first `n` bytes of the AES-256-CTR keystream of `key` (zero counter). */
export function keystream(key: Uint8Array, n: number): Uint8Array {
  return ctr(key, new Uint8Array(16)).encrypt(new Uint8Array(n));
}

/** A reader over the keystream of one key, read front to back in any pieces. */
export class Drbg {
  private buf = new Uint8Array(0);
  private pos = 0;
  private blocks = 0n;

  constructor(private readonly key: Uint8Array) {
    if (key.length !== 32) fail("PARAMETER_OUT_OF_RANGE", `a stream key of ${key.length} bytes; expected 32`);
  }

  private refill(): void {
    const iv = new Uint8Array(16);
    let c = this.blocks;
    for (let i = 15; i >= 0 && c > 0n; i--, c >>= 8n) iv[i] = Number(c & 0xffn);
    this.buf = ctr(this.key, iv).encrypt(new Uint8Array(CHUNK));
    this.blocks += BigInt(CHUNK / 16);
    this.pos = 0;
  }

  /** The next `n` keystream bytes. */
  read(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let k = 0; k < n; ) {
      if (this.pos === this.buf.length) this.refill();
      const take = Math.min(n - k, this.buf.length - this.pos);
      out.set(this.buf.subarray(this.pos, this.pos + take), k);
      this.pos += take;
      k += take;
    }
    return out;
  }

  /** The next 4 bytes as a big-endian u32. */
  u32(): number {
    const b = this.read(4);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }
}
