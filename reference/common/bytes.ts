/**
 * Byte readers and writers with canonical unsigned LEB128 (spec/common.md §Varints).
 *
 * The reader bounds every read by the bytes actually present, so no length prefix can make a decoder
 * allocate more than its input; failures go through the caller's `fail`, so each component reports
 * them in its own closed vocabulary.
 * @module
 */

/** The reason codes a {@link ByteReader} can raise; every component that decodes bytes defines them. */
export type ReaderCode = "UNEXPECTED_EOF" | "NON_CANONICAL_VARINT" | "VARINT_OVERFLOW" | "TRAILING_BYTES";
export type Fail = (code: ReaderCode, message: string) => never;

export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new RangeError(`u8: expected integer 0..255, got ${v}`);
    this.reserve(1);
    this.buf[this.len++] = v;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  /** Canonical unsigned LEB128: 7 bits per byte, least significant group first, no trailing zero group. */
  varint(v: bigint | number): this {
    let x = BigInt(v);
    if (x < 0n) throw new RangeError(`varint: expected a non-negative integer, got ${x}`);
    for (;;) {
      const group = Number(x & 0x7fn);
      x >>= 7n;
      if (x === 0n) return this.u8(group);
      this.u8(group | 0x80);
    }
  }

  /** A varint length followed by the bytes. */
  lengthPrefixed(b: Uint8Array): this {
    return this.varint(b.length).bytes(b);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class ByteReader {
  private pos = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly fail: Fail,
  ) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  u8(what: string): number {
    if (this.pos >= this.data.length) this.fail("UNEXPECTED_EOF", `${what}: input ends at offset ${this.pos}`);
    return this.data[this.pos++] as number;
  }

  /** Exactly n bytes (a view, not a copy); fails before touching memory if fewer remain. */
  bytes(n: number, what: string): Uint8Array {
    if (n > this.remaining) this.fail("UNEXPECTED_EOF", `${what}: needs ${n} bytes at offset ${this.pos}, ${this.remaining} remain`);
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /**
   * Canonical unsigned LEB128 of at most `maxBits` bits. Rejects a value that does not fit
   * (`VARINT_OVERFLOW`, checked before reading past the longest legal encoding) and an encoding
   * longer than needed, i.e. a final byte 0x00 after the first (`NON_CANONICAL_VARINT`).
   */
  varint(maxBits: number, what: string): bigint {
    const start = this.pos;
    const maxBytes = Math.ceil(maxBits / 7);
    let value = 0n;
    for (let i = 0; ; i++) {
      if (i >= maxBytes) this.fail("VARINT_OVERFLOW", `${what}: varint at offset ${start} is longer than ${maxBytes} bytes`);
      const b = this.u8(what);
      value |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        if (b === 0 && i > 0) this.fail("NON_CANONICAL_VARINT", `${what}: varint at offset ${start} has a redundant zero group`);
        if (value >> BigInt(maxBits) !== 0n) this.fail("VARINT_OVERFLOW", `${what}: varint at offset ${start} exceeds ${maxBits} bits`);
        return value;
      }
    }
  }

  /** A varint of at most 32 bits as a number (lengths and counts; callers check their own limits). */
  varintU32(what: string): number {
    return Number(this.varint(32, what));
  }

  /** Fails with TRAILING_BYTES unless the whole input was consumed. */
  end(what: string): void {
    if (this.remaining !== 0) this.fail("TRAILING_BYTES", `${what}: ${this.remaining} unread bytes at offset ${this.pos}`);
  }
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
