/**
 * The da benchmark (spec/da.md): Reed-Solomon encode throughput of the reference (Vandermonde and
 * Leopard) against the WASM build of reed-solomon-erasure (the Vandermonde code, compiled from Rust)
 * measured in the same run, and building the extended square with its data root, with either codec,
 * against the floor set by its SHA-256 hashing alone (the same number of messages of the same lengths),
 * with noble-hashes (what the reference uses) and with node:crypto (the machine's native SHA-256).
 * @module
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { ReedSolomonErasure } from "@digitaldefiance/reed-solomon-erasure.wasm";
import { sha256 } from "@noble/hashes/sha2.js";
import { table } from "../conformance/harness/report.js";
import { toHex } from "../reference/common/hex.js";
import { Rng } from "../reference/common/rng.js";
import { computeSquareRoots, DEFAULT_NAMESPACE_SIZE, DEFAULT_SHARE_SIZE, extendCells, extendSquare, HASH_SIZE, leopardEncode, rsEncode, squareCode, type SquareParams } from "../reference/da/index.js";
import { formatInt, formatPercent, formatRatio, measureInterleaved, roundSig, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

const MiB = 1024 * 1024;
const require = createRequire(import.meta.url);

/** The package's Node entry reads its .wasm through `__dirname`, which ESM lacks: load the bytes ourselves. */
function loadWasm(): ReedSolomonErasure {
  return ReedSolomonErasure.fromBytes(readFileSync(require.resolve("@digitaldefiance/reed-solomon-erasure.wasm/wasm")));
}

// ---- Reed-Solomon ----

const RS_SHAPES = [
  { k: 32, m: 32, size: 512 },
  { k: 128, m: 128, size: 512 },
  { k: 32, m: 32, size: 65_536 },
  { k: 128, m: 128, size: 65_536 },
] as const;

function runReedSolomon(ctx: BenchContext, wasm: ReedSolomonErasure): BenchJson {
  ctx.print(
    [
      "Reed-Solomon encode (data MiB/s: data bytes in per second; parity is m/k times that):",
      "  vand  rsEncode, the Vandermonde code: table-driven (256-byte row of the GF(2^8) multiplication table per",
      "        coefficient, 32-bit words, eight parity rows per pass); from 8 KiB shards one lookup gives four rows'",
      "        products, sixteen rows per pass over the packed sources; encoding matrix cached per shape",
      "  wasm  @digitaldefiance/reed-solomon-erasure.wasm 1.0.2 encode(): Rust reed-solomon-erasure (galois_8) in WASM,",
      "        on one contiguous buffer (its API); parity checked byte-identical to ours before timing",
      "  leo   leopardEncode, Leopard GF(2^8) (FFT, O(log k) per byte; its parity differs from the Vandermonde code's)\n",
    ].join("\n"),
  );
  const rows: string[][] = [];
  const json: Record<string, BenchJson> = {};
  for (const { k, m, size } of RS_SHAPES) {
    const rng = new Rng(`pwo/da/bench/rs/${k}/${m}/${size}`);
    const data = Array.from({ length: k }, () => rng.bytes(size));
    const buf = new Uint8Array(size * (k + m));
    data.forEach((d, i) => buf.set(d, i * size));
    if (wasm.encode(buf, k, m) !== ReedSolomonErasure.RESULT_OK) throw new Error(`da bench: wasm encode ${k}+${m} failed`);
    const ours = rsEncode(data, m);
    ours.forEach((p, i) => {
      if (toHex(p) !== toHex(buf.subarray((k + i) * size, (k + i + 1) * size))) throw new Error(`da bench: parity ${i} of ${k}+${m} differs from the WASM build`);
    });
    const [o, w, l] = measureInterleaved(
      [
        { name: "vand", fn: () => rsEncode(data, m), items: k * size },
        { name: "wasm", fn: () => wasm.encode(buf, k, m), items: k * size },
        { name: "leo", fn: () => leopardEncode(data, m), items: k * size },
      ],
      { minMs: ctx.minMs },
    );
    const shape = `${k}+${m} × ${size} B`;
    const mibs = (x: { perSec: number }) => (x.perSec / MiB).toFixed(2);
    rows.push([shape, mibs(o!), `±${formatPercent(o!.spread)}`, mibs(w!), `±${formatPercent(w!.spread)}`, formatRatio(o!.perSec / w!.perSec), mibs(l!), `±${formatPercent(l!.spread)}`, formatRatio(l!.perSec / o!.perSec)]);
    json[`${k}+${m}x${size}`] = {
      oursMiBs: roundSig(o!.perSec / MiB),
      wasmMiBs: roundSig(w!.perSec / MiB),
      ratio: roundSig(o!.perSec / w!.perSec, 3),
      leopardMiBs: roundSig(l!.perSec / MiB),
      leopardOverVandermonde: roundSig(l!.perSec / o!.perSec, 3),
    };
  }
  ctx.print(`${table(["shape", "vand MiB/s", "spread", "wasm MiB/s", "spread", "vand ÷ wasm", "leo MiB/s", "spread", "leo ÷ vand"], rows)}\n`);
  return json;
}

// ---- the extended square ----

/** The SHA-256 messages building a square hashes: count × length, for the floor to hash alike. */
export function squareHashMessages(k: number, p: SquareParams): { count: number; length: number }[] {
  const ns = p.namespaceSize;
  const node = 2 * ns + HASH_SIZE;
  const w = 2 * k;
  return [
    { count: 2 * w * w, length: 1 + ns + p.shareSize }, // every cell is a leaf of its row and of its column: 0x00 ‖ ns ‖ share
    { count: 2 * w * (w - 1), length: 1 + 2 * node }, // 4k trees of 2k leaves have 2k − 1 inner nodes each: 0x01 ‖ l ‖ r
    { count: 2 * w, length: 1 + node }, // data root leaves: 0x00 ‖ root
    { count: 2 * w - 1, length: 1 + 2 * HASH_SIZE }, // data root inner nodes
  ];
}

/** The floor: SHA-256 of `messages`, with noble-hashes or node:crypto. */
function hashFloor(messages: readonly { count: number; length: number }[], native: boolean): () => unknown {
  const buf = new Rng("pwo/da/bench/floor").bytes(Math.max(...messages.map((m) => m.length)));
  return () => {
    let last: Uint8Array | undefined;
    for (const { count, length } of messages) {
      const msg = buf.subarray(0, length);
      if (native) for (let i = 0; i < count; i++) last = createHash("sha256").update(msg).digest();
      else for (let i = 0; i < count; i++) last = sha256(msg);
    }
    return last;
  };
}

function runSquares(ctx: BenchContext): BenchJson {
  const base: SquareParams = { shareSize: DEFAULT_SHARE_SIZE, namespaceSize: DEFAULT_NAMESPACE_SIZE };
  const codecs: { name: string; p: SquareParams }[] = [
    { name: "vand", p: base },
    { name: "leo", p: { ...base, codec: "leopard" } },
  ];
  ctx.print(
    [
      `Extended square and data root, ${base.shareSize}-byte shares, ${base.namespaceSize}-byte namespaces (rate: original MiB/s; time per square):`,
      "  extendSquare  checks, pads, extends k×k → 2k×2k, 4k NMT roots, data root (all of §Extended data square),",
      "                with the Vandermonde code (vand, the PWO profile) or Leopard (leo, the Celestia profile)",
      "  extend only   extendCells: the erasure-coding part alone",
      "  roots only    computeSquareRoots on the extended cells: the hashing part alone (each cell's leaf hashed once",
      "                and used in its row and its column tree; trees built in place)",
      "  floor         the SHA-256 calls of a square on messages of the same lengths, each cell's leaf counted twice",
      "                (once per tree, as rsmt2d/nmt hash it): noble-hashes sha256 (what the reference uses) and",
      "                node:crypto (native); ÷ floor columns are time ÷ that floor's time",
      "  floor, leaves once  noble floor with each leaf hashed once: the least the reference's roots can cost\n",
    ].join("\n"),
  );
  const rows: string[][] = [];
  const json: Record<string, BenchJson> = {};
  for (const k of [32, 64, 128]) {
    const rng = new Rng(`pwo/da/bench/square/${k}`);
    const shares = Array.from({ length: k * k }, (_, i) => {
      const s = rng.bytes(base.shareSize);
      s.fill(0, 0, base.namespaceSize);
      s[base.namespaceSize - 1] = Math.floor((i * 200) / (k * k)); // sorted namespaces
      return s;
    });
    const sq = extendSquare(shares, base);
    const messages = squareHashMessages(k, base);
    const w = 2 * k;
    const leavesOnce = messages.map((m, i) => (i === 0 ? { ...m, count: w * w } : m));
    const hashedBytes = messages.reduce((n, m) => n + m.count * m.length, 0);
    const items = k * k * base.shareSize;
    const cases = [
      ...codecs.map(({ name, p }) => ({ name: `extendSquare ${name}`, fn: () => extendSquare(shares, p), items })),
      ...codecs.map(({ name, p }) => ({ name: `extend only ${name}`, fn: () => extendCells(shares, k, squareCode(p)), items })),
      { name: "roots only", fn: () => computeSquareRoots(sq.cells, k, base.namespaceSize), items },
      { name: "floor noble", fn: hashFloor(messages, false), items },
      { name: "floor node:crypto", fn: hashFloor(messages, true), items },
      { name: "floor, leaves once", fn: hashFloor(leavesOnce, false), items },
    ];
    const ms = measureInterleaved(cases, { minMs: ctx.minMs, minBatches: k >= 128 ? 3 : 5 });
    const byName = Object.fromEntries(ms.map((m) => [m.name, m]));
    const noble = byName["floor noble"]!;
    const native = byName["floor node:crypto"]!;
    const msOf = (m: { perSec: number }) => (items / m.perSec) * 1000;
    for (const m of ms) rows.push([`k = ${k}`, m.name, msOf(m).toFixed(0), (m.perSec / MiB).toFixed(2), `±${formatPercent(m.spread)}`, formatRatio(noble.perSec / m.perSec), formatRatio(native.perSec / m.perSec)]);
    json[`k${k}`] = {
      hashedMiB: roundSig(hashedBytes / MiB),
      ...Object.fromEntries(ms.map((m) => [`ms ${m.name}`, roundSig(msOf(m))])),
      leopardSquareOverNobleFloor: roundSig(noble.perSec / byName["extendSquare leo"]!.perSec, 3),
      leopardSquareOverNativeFloor: roundSig(native.perSec / byName["extendSquare leo"]!.perSec, 3),
      vandermondeSquareOverNobleFloor: roundSig(noble.perSec / byName["extendSquare vand"]!.perSec, 3),
      rootsOverNobleFloor: roundSig(noble.perSec / byName["roots only"]!.perSec, 3),
    };
    ctx.print(`k = ${k}: ${formatInt(messages.reduce((n, m) => n + m.count, 0))} SHA-256 calls over ${(hashedBytes / MiB).toFixed(1)} MiB in the floor`);
  }
  ctx.print(`\n${table(["square", "operation", "ms/square", "MiB/s", "spread", "÷ noble floor", "÷ node floor"], rows)}\n`);
  return json;
}

export const daBench: BenchSuite = {
  name: "da",
  summary: "Vandermonde and Leopard encode MiB/s vs the WASM reed-solomon-erasure; extended square + data root (both codecs) vs its SHA-256 floors (noble, node:crypto)",
  run(ctx) {
    const wasm = loadWasm();
    return { reedSolomon: runReedSolomon(ctx, wasm), square: runSquares(ctx) };
  },
};
