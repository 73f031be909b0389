/**
 * Lower-case hexadecimal, the byte notation of every vector file and of the adapter protocol
 * (docs/adapter-protocol.md §Encoding). Decoding is strict: odd length, upper-case digits or any
 * other character is rejected, so a vector can never carry two spellings of the same bytes.
 * @module
 */

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

/** Encodes bytes as lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** True when `s` is canonical hex: even length, digits `0-9a-f` only. */
export function isHex(s: unknown): s is string {
  return typeof s === "string" && HEX_RE.test(s);
}

/**
 * Decodes canonical lower-case hex.
 * @throws TypeError naming `what` when `s` is not canonical hex.
 */
export function fromHex(s: unknown, what = "hex"): Uint8Array {
  if (!isHex(s)) {
    const shown = typeof s === "string" ? JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s) : typeof s;
    throw new TypeError(`${what}: expected lower-case hex of even length, got ${shown}`);
  }
  return new Uint8Array(Buffer.from(s, "hex"));
}
