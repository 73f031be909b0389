/**
 * The codec benchmark: bytes per transaction and throughput of the codec reference (spec/codec.md)
 * on the standard workload, against generic DEFLATE (fflate) measured in the same run and against
 * the seed paper's base case s_avg = 80 bytes per transaction (§3, Result 4.1).
 * @module
 */
import { deflateSync, inflateSync, type DeflateOptions } from "fflate";
import { table } from "../conformance/harness/report.js";
import {
  DEFAULT_WINDOW_LOG,
  compressBlock,
  compressBlocks,
  decodeBlock,
  decodeTx,
  decompressFrame,
  decompressFrames,
  encodeBlock,
  encodeTx,
  generateWorkload,
  newStreamState,
  type Block,
  type SigMode,
  type Transaction,
} from "../reference/codec/index.js";
import { bytesEqual } from "../reference/common/bytes.js";
import { formatInt, formatPercent, formatRatio, measureInterleaved, roundSig, type BenchContext, type BenchJson, type BenchSuite, type Measurement } from "./harness.js";

/** spec/codec.md §Workload, seed "std": the blocks every implementation reports bytes/tx on. */
export const STANDARD_WORKLOAD = { seed: "std", blocks: 20, txsPerBlock: 1000 } as const;
const SIG_MODES: readonly SigMode[] = ["single", "aggregate"];

/** Seed paper §3: s_avg, the average compressed transaction size in bytes (base case). */
export const PAPER_S_AVG = 80;
/** Seed paper §3: T_target, the target throughput in transactions per second. */
export const PAPER_T_TARGET = 100_000_000;

/** Seed paper §4.1: B_global = T_target · s_avg · 8 bits/s (80 B/tx → 64 Gbps). */
export const computeGlobalBandwidth = (sAvg: number): number => PAPER_T_TARGET * sAvg * 8;

type DeflateLevel = NonNullable<DeflateOptions["level"]>;
/** zlib's default level: the generic anchor of the throughput tables. */
const ANCHOR_LEVEL: DeflateLevel = 6;

/** One sigMode's workload in every form the benchmarks read. */
interface CodecWorkload {
  sigMode: SigMode;
  blocks: Block[];
  txs: Transaction[];
  /** encodedTxs[i]: the encoded transactions of block i. */
  encodedTxs: Uint8Array[][];
  encodedBlocks: Uint8Array[];
  frames: Uint8Array[];
  /** DEFLATE at {@link ANCHOR_LEVEL} of each canonical block: what the inflate anchor decodes. */
  deflatedBlocks: Uint8Array[];
}

const totalLength = (chunks: readonly Uint8Array[]): number => chunks.reduce((n, c) => n + c.length, 0);

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(totalLength(chunks));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const deflateEach = (chunks: readonly Uint8Array[], level: DeflateLevel): Uint8Array[] => chunks.map((c) => deflateSync(c, { level }));

/** RFC 1951 §2: DEFLATE back-references reach at most 32 768 bytes back. */
const DEFLATE_WINDOW = 32_768;

/** The last `n` bytes of `history ‖ next`. */
function tailBytes(history: Uint8Array, next: Uint8Array, n: number): Uint8Array {
  if (next.length >= n) return next.slice(next.length - n);
  const keep = history.subarray(Math.max(0, history.length - (n - next.length)));
  return concatBytes([keep, next]);
}

/**
 * DEFLATE of each chunk with the stream's previous 32 KiB as preset dictionary: each chunk decodable
 * on arrival by a receiver that has the ones before, as our frames are. This is what a DEFLATE stream
 * sync-flushed after each chunk achieves; fflate's own `Deflate.flush(true)` is not used because in
 * 0.8.3 it emits corrupt streams (fflate issue #267).
 */
function deflateChained(chunks: readonly Uint8Array[], level: DeflateLevel): Uint8Array[] {
  let history: Uint8Array = new Uint8Array(0);
  return chunks.map((c) => {
    const out = deflateSync(c, { level, dictionary: history });
    history = tailBytes(history, c, DEFLATE_WINDOW);
    return out;
  });
}

function inflateChained(deflated: readonly Uint8Array[]): Uint8Array[] {
  let history: Uint8Array = new Uint8Array(0);
  return deflated.map((d) => {
    const c = inflateSync(d, { dictionary: history });
    history = tailBytes(history, c, DEFLATE_WINDOW);
    return c;
  });
}

function checkSame(what: string, got: readonly Uint8Array[], want: readonly Uint8Array[]): void {
  const bad = want.findIndex((w, i) => !bytesEqual(got[i] ?? new Uint8Array(0), w));
  if (got.length !== want.length || bad >= 0) throw new Error(`codec bench: ${what} does not round-trip (block ${bad}, ${got.length} of ${want.length} blocks)`);
}

/** Generates the standard workload of `sigMode` and checks every round trip the benchmarks time. */
function prepareWorkload(sigMode: SigMode): CodecWorkload {
  const blocks = generateWorkload({ ...STANDARD_WORKLOAD, sigMode });
  const txs = blocks.flatMap((b) => b.txs);
  const encodedBlocks = blocks.map(encodeBlock);
  const frames = compressBlocks(blocks);
  const deflatedBlocks = deflateEach(encodedBlocks, ANCHOR_LEVEL);
  checkSame("decompressFrames(compressBlocks)", decompressFrames(frames), encodedBlocks);
  checkSame("inflate(deflate)", deflatedBlocks.map((d) => inflateSync(d)), encodedBlocks);
  checkSame("inflate(chained DEFLATE)", inflateChained(deflateChained(encodedBlocks, ANCHOR_LEVEL)), encodedBlocks);
  return { sigMode, blocks, txs, encodedTxs: blocks.map((b) => b.txs.map(encodeTx)), encodedBlocks, frames, deflatedBlocks };
}

// ---- sizes ----

interface SizeRow {
  name: string;
  about: string;
  bytes(w: CodecWorkload): number;
}

const OURS = "ours";

/** The encodings whose size the tables compare, each with the one line that says what it is. */
const SIZE_ROWS: readonly SizeRow[] = [
  { name: "canonical", about: "encodeBlock of each block (§Block encoding): the bytes signatures and the tx root commit to", bytes: (w) => totalLength(w.encodedBlocks) },
  { name: OURS, about: `compressBlocks: one stream of frames, window 2^${DEFAULT_WINDOW_LOG} account references (§Streaming compression)`, bytes: (w) => totalLength(w.frames) },
  { name: "DEFLATE-6 per block", about: "fflate deflateSync level 6 of each canonical block alone: generic, no memory between blocks", bytes: (w) => totalLength(w.deflatedBlocks) },
  { name: "DEFLATE-9 per block", about: "the same at level 9", bytes: (w) => totalLength(deflateEach(w.encodedBlocks, 9)) },
  { name: "DEFLATE-6 chained", about: "deflateSync level 6 per block, the stream's previous 32 KiB as dictionary: as a sync-flushed stream, each block decodable on arrival like our frames", bytes: (w) => totalLength(deflateChained(w.encodedBlocks, 6)) },
  { name: "DEFLATE-6 stream", about: "deflateSync level 6 of all canonical blocks concatenated: one stream, no flush; the fairest generic anchor for a stream", bytes: (w) => deflateSync(concatBytes(w.encodedBlocks), { level: 6 }).length },
  { name: "DEFLATE-9 stream", about: "the same at level 9", bytes: (w) => deflateSync(concatBytes(w.encodedBlocks), { level: 9 }).length },
  { name: `${OURS} → DEFLATE-9 stream`, about: "informative: our frames concatenated, then deflateSync level 9 (what generic entropy coding adds)", bytes: (w) => deflateSync(concatBytes(w.frames), { level: 9 }).length },
];

/** bytes/tx of every encoding of one sigMode's workload. */
function computeBytesPerTx(w: CodecWorkload): Record<string, number> {
  return Object.fromEntries(SIZE_ROWS.map((r) => [r.name, r.bytes(w) / w.txs.length]));
}

function sizeTable(bytesPerTx: Record<string, number>, txCount: number): string {
  const ours = bytesPerTx[OURS]!;
  const rows = SIZE_ROWS.map((r) => {
    const b = bytesPerTx[r.name]!;
    return [r.name, formatInt(b * txCount), b.toFixed(2), formatRatio(b / PAPER_S_AVG), (computeGlobalBandwidth(b) / 1e9).toFixed(1), formatRatio(ours / b)];
  });
  return table(["encoding", "bytes", "bytes/tx", `÷ ${PAPER_S_AVG} B`, "Gbps @ 1e8 tx/s", "ours ÷ this"], rows);
}

// ---- throughput ----

type AnchorName = "deflate" | "inflate";

/** A timed call: processes the next block of the workload and returns the result. */
type BlockStep = () => unknown;

/**
 * Steps through the workload one block per call, starting over after the last; a stream operation
 * starts over with a fresh stream state, so every pass sees the stream exactly as compressBlocks does.
 */
function cycleBlocks<S>(n: number, fresh: () => S, step: (state: S, i: number) => unknown): BlockStep {
  let i = 0;
  let state = fresh();
  return () => {
    if (i === n) {
      i = 0;
      state = fresh();
    }
    return step(state, i++);
  };
}

const noState = (): undefined => undefined;

interface SpeedRow {
  name: string;
  /** The timed call, one block per call. */
  step(w: CodecWorkload): BlockStep;
}

/** The generic operations measured in the same run, on the same canonical bytes. */
const ANCHORS: Record<AnchorName, SpeedRow & { about: string }> = {
  deflate: {
    name: `fflate deflateSync L${ANCHOR_LEVEL}`,
    about: `DEFLATE level ${ANCHOR_LEVEL} of a canonical block: the anchor of the encoding and compressing operations`,
    step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => deflateSync(w.encodedBlocks[i]!, { level: ANCHOR_LEVEL })),
  },
  inflate: {
    name: "fflate inflateSync",
    about: "inflate of that DEFLATE block back to its canonical bytes: the anchor of the decoding and decompressing operations",
    step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => inflateSync(w.deflatedBlocks[i]!)),
  },
};

/** Our operations, each with the anchor its ratio is taken to. */
const SPEED_ROWS: readonly (SpeedRow & { anchor: AnchorName })[] = [
  { name: "encodeTx", anchor: "deflate", step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => w.blocks[i]!.txs.map(encodeTx)) },
  { name: "decodeTx", anchor: "inflate", step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => w.encodedTxs[i]!.map(decodeTx)) },
  { name: "encodeBlock", anchor: "deflate", step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => encodeBlock(w.blocks[i]!)) },
  { name: "decodeBlock", anchor: "inflate", step: (w) => cycleBlocks(w.blocks.length, noState, (_, i) => decodeBlock(w.encodedBlocks[i]!)) },
  { name: "compressBlocks", anchor: "deflate", step: (w) => cycleBlocks(w.blocks.length, newStreamState, (s, i) => compressBlock(s, w.blocks[i]!)) },
  { name: "decompressFrames", anchor: "inflate", step: (w) => cycleBlocks(w.frames.length, newStreamState, (s, i) => decompressFrame(s, w.frames[i]!)) },
];

interface SpeedFigures {
  ours: Measurement[];
  anchors: Record<AnchorName, Measurement>;
}

/** Times the anchors and our operations interleaved, all in tx/s over the same blocks. */
function measureSpeeds(w: CodecWorkload, minMs: number): SpeedFigures {
  const rows = [ANCHORS.deflate, ANCHORS.inflate, ...SPEED_ROWS];
  const [deflate, inflate, ...ours] = measureInterleaved(rows.map((r) => ({ name: r.name, fn: r.step(w), items: STANDARD_WORKLOAD.txsPerBlock })), { minMs });
  return { ours, anchors: { deflate: deflate!, inflate: inflate! } };
}

function speedRow(m: Measurement, anchor: Measurement | undefined): string[] {
  return [m.name, formatInt(m.perSec), (1e6 / m.perSec).toFixed(2), `±${formatPercent(m.spread)}`, anchor?.name ?? "(anchor)", anchor ? formatRatio(m.perSec / anchor.perSec) : "—"];
}

function speedTable(f: SpeedFigures): string {
  const ours = f.ours.map((m, i) => speedRow(m, f.anchors[SPEED_ROWS[i]!.anchor]));
  const anchors = Object.values(f.anchors).map((m) => speedRow(m, undefined));
  return table(["operation", "tx/s", "µs/tx", "spread", "anchor", "ours ÷ anchor"], [...ours, ...anchors]);
}

function speedJson(f: SpeedFigures): BenchJson {
  const entry = (m: Measurement, anchor?: Measurement): [string, BenchJson] => [
    m.name,
    { txPerSec: roundSig(m.perSec), spread: roundSig(m.spread, 2), batches: m.batches, ...(anchor ? { anchor: anchor.name, ratioToAnchor: roundSig(m.perSec / anchor.perSec, 3) } : {}) },
  ];
  return Object.fromEntries([...f.ours.map((m, i) => entry(m, f.anchors[SPEED_ROWS[i]!.anchor])), ...Object.values(f.anchors).map((m) => entry(m))]);
}

// ---- the suite ----

function printLegend(ctx: BenchContext, title: string, lines: readonly { name: string; about: string }[]): void {
  const width = Math.max(...lines.map((l) => l.name.length));
  ctx.print(`${title}\n${lines.map((l) => `  ${l.name.padEnd(width)}  ${l.about}`).join("\n")}\n`);
}

function runSizes(ctx: BenchContext, workloads: readonly CodecWorkload[]): Record<string, Record<string, number>> {
  const { seed, blocks, txsPerBlock } = STANDARD_WORKLOAD;
  ctx.print(`Workload: generateWorkload seed "${seed}", ${blocks} blocks × ${txsPerBlock} txs per sigMode (spec/codec.md §Workload); bytes/tx include each block's header and aggregate signature.`);
  ctx.print(`Paper (seed §3, Result 4.1): s_avg = ${PAPER_S_AVG} B/tx → ${computeGlobalBandwidth(PAPER_S_AVG) / 1e9} Gbps global at T_target = 1e8 tx/s; "÷ ${PAPER_S_AVG} B" is bytes/tx over s_avg, "Gbps" what bytes/tx imply at 1e8 tx/s.\n`);
  printLegend(ctx, "Encodings:", SIZE_ROWS);
  const figures: Record<string, Record<string, number>> = {};
  for (const w of workloads) {
    figures[w.sigMode] = computeBytesPerTx(w);
    ctx.print(`Size, sigMode ${w.sigMode}:\n${sizeTable(figures[w.sigMode]!, w.txs.length)}\n`);
  }
  return figures;
}

function runSpeeds(ctx: BenchContext, workloads: readonly CodecWorkload[]): Record<string, BenchJson> {
  printLegend(ctx, "Throughput anchors:", Object.values(ANCHORS));
  ctx.print(
    [
      "  One timed call = one block (1000 txs), cycling through the workload; compressBlocks and decompressFrames run per frame",
      "  on a stream state that starts over after the last block. The eight rows are timed in interleaved batches, so a drift of",
      "  the machine hits ours and the anchors alike; a rate is the median of its batches, spread their median absolute deviation.",
      "  encodeBlock, decodeBlock and both stream operations check every block rule, the tx root (SHA-256 of every tx) included.\n",
    ].join("\n"),
  );
  const figures: Record<string, BenchJson> = {};
  for (const w of workloads) {
    const f = measureSpeeds(w, ctx.minMs);
    figures[w.sigMode] = speedJson(f);
    ctx.print(`Throughput, sigMode ${w.sigMode}:\n${speedTable(f)}\n`);
  }
  return figures;
}

export const codecBench: BenchSuite = {
  name: "codec",
  summary: "bytes/tx and tx/s of the codec reference vs DEFLATE (fflate) and the paper's 80 B/tx",
  run(ctx) {
    const workloads = SIG_MODES.map(prepareWorkload);
    const bytesPerTx = runSizes(ctx, workloads);
    const throughput = runSpeeds(ctx, workloads);
    const rounded = Object.fromEntries(Object.entries(bytesPerTx).map(([mode, rows]) => [mode, Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, roundSig(v)]))]));
    return { workload: { ...STANDARD_WORKLOAD, sigModes: [...SIG_MODES] }, paper: { sAvg: PAPER_S_AVG, tTarget: PAPER_T_TARGET }, bytesPerTx: rounded, throughput };
  },
};
