/**
 * fast-check arbitraries of da values and of every da operation's input, for the property tests
 * and for `pwo fuzz --suite da`. Valid inputs are built by the reference; hostile ones mutate them.
 * @module
 */
import fc from "fast-check";
import { fromHex, toHex } from "../../reference/common/hex.js";
import {
  createBadEncodingProof,
  createSample,
  extendSquare,
  nmtProveNamespace,
  nmtProveRange,
  nmtRoot,
  rsEncode,
  leopardEncode,
  type ExtendedSquare,
  type SquareParams,
} from "../../reference/da/index.js";
import { applyMutation, mutationArb } from "../harness/arbitraries.js";
import type { Json, JsonObject } from "../harness/operation.js";
import { fraudProofJson, nullableHex } from "./operations.js";
import { badlyExtended } from "./vectors.js";

const hexes = (xs: readonly Uint8Array[]) => xs.map(toHex);

/** k data shards of one size and a parity count, k + m ≤ 256. */
export const rsShapeArb = fc
  .record({ k: fc.integer({ min: 1, max: 24 }), m: fc.integer({ min: 1, max: 24 }), size: fc.integer({ min: 1, max: 16 }) })
  .chain(({ k, m, size }) => fc.record({ data: fc.array(fc.uint8Array({ minLength: size, maxLength: size }), { minLength: k, maxLength: k }), m: fc.constant(m) }));

/** Leopard shapes: k data shards of 64 or 128 bytes and a parity count, 2^⌈log2 m⌉ + k ≤ 256 holds for k, m ≤ 24. */
export const leopardShapeArb = fc
  .record({ k: fc.integer({ min: 1, max: 24 }), m: fc.integer({ min: 1, max: 24 }), size: fc.constantFrom(64, 128) })
  .chain(({ k, m, size }) => fc.record({ data: fc.array(fc.uint8Array({ minLength: size, maxLength: size }), { minLength: k, maxLength: k }), m: fc.constant(m) }));

/** Sorted namespaced leaves: small namespaces so they repeat, sometimes parity leaves at the end. */
export const nmtLeavesArb = (ns: number): fc.Arbitrary<Uint8Array[]> =>
  fc
    .tuple(fc.array(fc.tuple(fc.nat(5), fc.uint8Array({ maxLength: 6 })), { maxLength: 12 }), fc.nat(2))
    .map(([items, parity]) => [
      ...items
        .sort((a, b) => a[0] - b[0])
        .map(([n, d]) => {
          const l = new Uint8Array(ns + d.length);
          l[ns - 1] = n * 2;
          l.set(d, ns);
          return l;
        }),
      ...Array.from({ length: parity }, (_, i) => Uint8Array.from([...new Uint8Array(ns).fill(0xff), i])),
    ]);

/** Square parameters of both profiles: tiny reed-solomon shares, or 64-byte Leopard shares. */
export const squareParamsArb: fc.Arbitrary<SquareParams> = fc.oneof(
  { arbitrary: fc.record({ namespaceSize: fc.integer({ min: 1, max: 3 }), shareSize: fc.integer({ min: 4, max: 10 }) }), weight: 3 },
  { arbitrary: fc.record({ namespaceSize: fc.integer({ min: 1, max: 3 }), shareSize: fc.constant(64), codec: fc.constant("leopard" as const) }), weight: 1 },
);

/** Sorted original shares for a square of k ≤ 4. */
export const sharesArb = (p: SquareParams): fc.Arbitrary<Uint8Array[]> =>
  fc.array(fc.tuple(fc.nat(200), fc.uint8Array({ minLength: p.shareSize, maxLength: p.shareSize })), { maxLength: 16 }).map((xs) =>
    xs
      .sort((a, b) => a[0] - b[0])
      .map(([n, s]) => {
        const c = s.slice();
        c.fill(0, 0, p.namespaceSize);
        c[p.namespaceSize - 1] = n;
        return c;
      }),
  );

export const squareArb: fc.Arbitrary<{ p: SquareParams; sq: ExtendedSquare }> = squareParamsArb.chain((p) => sharesArb(p).map((s) => ({ p, sq: extendSquare(s, p) })));

/** A JSON value with one hex string mutated (hostile bytes inside a valid-looking request). */
function mutateSomeHex(o: JsonObject): fc.Arbitrary<JsonObject> {
  const paths: (string | number)[][] = [];
  const walk = (v: Json, path: (string | number)[]) => {
    if (typeof v === "string" && /^([0-9a-f]{2})+$/.test(v)) paths.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(o, []);
  if (paths.length === 0) return fc.constant(o);
  return fc.tuple(fc.nat(paths.length - 1), mutationArb).map(([i, m]) => {
    const copy = structuredClone(o) as JsonObject;
    const path = paths[i]!;
    let parent: Json = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string]!;
    const last = path[path.length - 1]!;
    const cur = (parent as Record<string, Json>)[last as string] as string;
    (parent as Record<string, Json>)[last as string] = toHex(applyMutation(fromHex(cur), m));
    return copy;
  });
}

const hostile = (a: fc.Arbitrary<JsonObject>) => fc.oneof({ arbitrary: a, weight: 2 }, { arbitrary: a.chain(mutateSomeHex), weight: 3 });

const nmtInputArb = fc.integer({ min: 1, max: 4 }).chain((ns) => nmtLeavesArb(ns).map((leaves) => ({ ns, leaves })));

/** Operation name → arbitrary of its JSON input. */
export const DA_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  rs_encode: hostile(rsShapeArb.map(({ data, m }) => ({ data: hexes(data), parityCount: m }))),
  rs_reconstruct: hostile(
    rsShapeArb.chain(({ data, m }) =>
      fc.array(fc.boolean(), { minLength: data.length + m, maxLength: data.length + m }).map((lost) => ({ shards: nullableHex([...data, ...rsEncode(data, m)].map((s, i) => (lost[i] ? undefined : s))), dataCount: data.length })),
    ),
  ),
  leopard_encode: hostile(leopardShapeArb.map(({ data, m }) => ({ data: hexes(data), parityCount: m }))),
  leopard_reconstruct: hostile(
    leopardShapeArb.chain(({ data, m }) =>
      fc.array(fc.boolean(), { minLength: data.length + m, maxLength: data.length + m }).map((lost) => ({ shards: nullableHex([...data, ...leopardEncode(data, m)].map((s, i) => (lost[i] ? undefined : s))), dataCount: data.length })),
    ),
  ),
  nmt_root: hostile(nmtInputArb.map(({ ns, leaves }) => ({ namespaceSize: ns, leaves: hexes(leaves) }))),
  nmt_prove_range: hostile(nmtInputArb.chain(({ ns, leaves }) => fc.tuple(fc.nat(12), fc.nat(12)).map(([a, b]) => ({ namespaceSize: ns, leaves: hexes(leaves), start: Math.min(a, b), end: Math.max(a, b) })))),
  nmt_verify_range: hostile(
    nmtInputArb
      .filter(({ leaves }) => leaves.length > 0)
      .chain(({ ns, leaves }) =>
        fc.tuple(fc.nat(leaves.length - 1), fc.nat(leaves.length - 1)).map(([a, b]) => {
          const [s, e] = [Math.min(a, b), Math.max(a, b) + 1];
          return { namespaceSize: ns, root: toHex(nmtRoot(leaves, ns)), leafCount: leaves.length, start: s, end: e, nodes: hexes(nmtProveRange(leaves, ns, s, e).nodes), leaves: hexes(leaves.slice(s, e)) };
        }),
      ),
  ),
  nmt_prove_namespace: hostile(nmtInputArb.chain(({ ns, leaves }) => fc.nat(12).map((n) => ({ namespaceSize: ns, leaves: hexes(leaves), namespace: toHex(Uint8Array.from({ length: ns }, (_, i) => (i === ns - 1 ? n : 0))) })))),
  nmt_verify_namespace: hostile(
    nmtInputArb.chain(({ ns, leaves }) =>
      fc.nat(12).map((n) => {
        const id = Uint8Array.from({ length: ns }, (_, i) => (i === ns - 1 ? n : 0));
        const p = nmtProveNamespace(leaves, ns, id);
        return { namespaceSize: ns, root: toHex(nmtRoot(leaves, ns)), leafCount: leaves.length, namespace: toHex(id), start: p.start, end: p.end, nodes: hexes(p.nodes), leaves: p.kind === "inclusion" ? hexes(leaves.slice(p.start, p.end)) : [], leafHash: p.leafHash === null ? null : toHex(p.leafHash) };
      }),
    ),
  ),
  extend_square: hostile(squareParamsArb.chain((p) => sharesArb(p).map((s) => ({ ...p, shares: hexes(s) })))),
  reconstruct_square: hostile(
    squareArb.chain(({ p, sq }) =>
      fc.array(fc.boolean(), { minLength: sq.cells.length, maxLength: sq.cells.length }).map((keep) => ({ ...p, dataRoot: toHex(sq.dataRoot), cells: nullableHex(sq.cells.map((c, i) => (keep[i] ? c : undefined))) })),
    ),
  ),
  verify_fraud_proof: hostile(
    squareArb.chain(({ p, sq }) =>
      fc.record({ r: fc.nat(2 * sq.k - 1), c: fc.nat(2 * sq.k - 1), axis: fc.constantFrom("row" as const, "col" as const), bad: fc.boolean() }).map(({ r, c, axis, bad }) => {
        const s = bad ? badlyExtended(sq, r, c, p) : sq;
        return fraudProofJson(s, createBadEncodingProof(s, axis, axis === "row" ? r : c, p), p);
      }),
    ),
  ),
  verify_sample: hostile(
    squareArb.chain(({ p, sq }) =>
      fc.tuple(fc.nat(2 * sq.k - 1), fc.nat(2 * sq.k - 1)).map(([r, c]) => {
        const x = createSample(sq, r, c, p);
        return { ...p, dataRoot: toHex(sq.dataRoot), rowRoots: hexes(sq.rowRoots), colRoots: hexes(sq.colRoots), row: r, col: c, share: toHex(x.share), nodes: hexes(x.proof.nodes) };
      }),
    ),
  ),
};

