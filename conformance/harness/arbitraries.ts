/**
 * Arbitraries shared by every suite's property tests and by `pwo fuzz`: hostile byte mutations of
 * valid encodings (STYLE habit 11), hex and decimal JSON forms.
 * @module
 */
import fc from "fast-check";
import { toHex } from "../../reference/common/hex.js";

export type Mutation = { op: "flip"; at: number; bit: number } | { op: "truncate"; at: number } | { op: "insert"; at: number; byte: number } | { op: "delete"; at: number } | { op: "set"; at: number; byte: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("set" as const), at: fc.nat(), byte: fc.constantFrom(0x00, 0x01, 0x02, 0x7f, 0x80, 0xff) }),
);

/** Applies a mutation; positions are taken modulo the length so every mutation applies. */
export function applyMutation(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  const at = n === 0 ? 0 : m.at % (m.op === "insert" ? n + 1 : n);
  switch (m.op) {
    case "flip": {
      if (n === 0) return b;
      const c = b.slice();
      c[at] = (c[at] as number) ^ (1 << m.bit);
      return c;
    }
    case "set": {
      if (n === 0) return b;
      const c = b.slice();
      c[at] = m.byte;
      return c;
    }
    case "truncate":
      return b.slice(0, at);
    case "insert":
      return Uint8Array.from([...b.subarray(0, at), m.byte, ...b.subarray(at)]);
    case "delete":
      return n === 0 ? b : Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1)]);
  }
}

/** Valid encodings, the same with 1–3 mutations, and plain random bytes, in roughly 2:5:1 proportion. */
export function hostileBytes(valid: fc.Arbitrary<Uint8Array>, maxRandom = 200): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: fc.tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([b, ms]) => ms.reduce(applyMutation, b)), weight: 5 },
    { arbitrary: fc.uint8Array({ maxLength: maxRandom }), weight: 1 },
  );
}

export const hexArb = (bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<string> => bytes.map(toHex);

/** u64 values biased to the edges: small, around powers of 2^7, and near 2^64. */
export const u64Arb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: 300n }),
  fc.nat(63).chain((k) => fc.bigInt({ min: (1n << BigInt(k)) - 2n < 0n ? 0n : (1n << BigInt(k)) - 2n, max: (1n << BigInt(k)) + 2n })),
  fc.bigInt({ min: (1n << 64n) - 3n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);
