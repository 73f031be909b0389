/**
 * fast-check arbitraries of secagg values and of every operation's JSON input (for the property
 * tests and `pwo fuzz`). Session inputs stay small (n ≤ 6, L ≤ 4) so a fuzz run stays cheap.
 * @module
 */
import fc from "fast-check";
import { toHex } from "../../reference/common/hex.js";
import { SHAMIR_PRIME } from "../../reference/secagg/index.js";
import { hostileBytes } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { ATTACKS } from "./scenarios.js";

const hexOf = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map(toHex);
const share = fc.record({ x: fc.integer({ min: 0, max: 8 }), data: hexOf(0, 12) });

/** A session shape: n users, a threshold, a graph (complete or an even degree), small vectors. */
export const sessionShape = fc
  .integer({ min: 3, max: 6 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      degree: fc.constantFrom(...new Set([n - 1, 2, ...(n > 4 ? [4] : [])].filter((k) => k <= n - 1))),
      bits: fc.integer({ min: 1, max: 32 }),
      length: fc.integer({ min: 1, max: 4 }),
    }),
  )
  .chain((s) => fc.record({ n: fc.constant(s.n), degree: fc.constant(s.degree), bits: fc.constant(s.bits), length: fc.constant(s.length), t: fc.integer({ min: 2, max: s.degree + 1 }) }));

/** A session shape's fields, as constants, under a random label (the inputs of `round` and `client_steps`). */
const shapeOf = (s: { n: number; t: number; bits: number; length: number; degree: number }) => ({
  label: fc.string({ maxLength: 6 }),
  n: fc.constant(s.n),
  t: fc.constant(s.t),
  bits: fc.constant(s.bits),
  length: fc.constant(s.length),
  degree: fc.constant(s.degree),
});

/** A dropout schedule: each user independently stays or drops before one of the five rounds. */
export const dropSchedule = (n: number) =>
  fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), { minLength: n, maxLength: n }).map((xs) => xs.flatMap((r, i) => (r === undefined ? [] : [{ id: i + 1, round: r }])));

export const SECAGG_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  quantize: fc.record({
    values: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 0, maxLength: 8 }),
    clip: fc.double({ noNaN: true, noDefaultInfinity: true, min: -2, max: 2 ** 33 }),
    bits: fc.integer({ min: 0, max: 34 }),
    clients: fc.integer({ min: 0, max: 70_000 }),
    label: fc.string({ maxLength: 8 }),
  }),
  dequantize: fc.record({
    sum: fc.array(fc.integer({ min: 0, max: 2 ** 20 }), { maxLength: 6 }),
    clip: fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.01, max: 10 }),
    bits: fc.integer({ min: 1, max: 32 }),
    clients: fc.integer({ min: 1, max: 100 }),
    count: fc.integer({ min: 0, max: 101 }),
  }),
  stream_read: fc.record({ key: fc.oneof(hexOf(32, 32), hexOf(0, 40)), reads: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 5 }) }),
  shamir_split: fc.record({
    secret: hexOf(0, 40),
    t: fc.integer({ min: 0, max: 6 }),
    points: fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(SHAMIR_PRIME)), { maxLength: 6 }),
    coefficientKey: hexOf(32, 32),
  }),
  shamir_reconstruct: fc.record({ t: fc.integer({ min: 0, max: 5 }), secretLength: fc.integer({ min: 0, max: 12 }), shares: fc.array(share, { maxLength: 6 }) }),
  prg_expand: fc.record({ seed: hexOf(32, 32), session: hexOf(32, 32), bits: fc.integer({ min: 0, max: 34 }), length: fc.integer({ min: 0, max: 64 }) }),
  key_agree: fc.record({ secretKey: hexOf(0, 33), publicKey: hostileBytes(fc.uint8Array({ minLength: 33, maxLength: 33 })).map(toHex) }),
  aead_open: fc.record({ key: hexOf(32, 32), sealed: hexOf(0, 64) }),
  neighbour_graph: fc.record({ n: fc.integer({ min: 0, max: 40 }), degree: fc.integer({ min: 0, max: 40 }), graphSeed: hexOf(32, 32) }),
  round: sessionShape.chain((s) =>
    fc.record({
      ...shapeOf(s),
      dropBefore: dropSchedule(s.n),
      attack: fc.option(fc.record({ kind: fc.constantFrom(...ATTACKS), to: fc.integer({ min: 1, max: s.n }) }), { nil: null }),
      messages: fc.constantFrom("full", "digest"),
    }),
  ),
  client_steps: sessionShape.chain((s) =>
    fc.record({
      ...shapeOf(s),
      id: fc.integer({ min: 0, max: s.n + 1 }),
      seed: fc.oneof(hexOf(32, 32), hexOf(0, 40)),
      input: fc.array(fc.integer({ min: 0, max: 2 ** s.bits }), { minLength: s.length - 1, maxLength: s.length + 1 }),
      events: fc.array(fc.oneof(fc.constant("start"), hostileBytes(fc.uint8Array({ minLength: 1, maxLength: 40 })).map(toHex)), { maxLength: 4 }),
    }),
  ),
};
