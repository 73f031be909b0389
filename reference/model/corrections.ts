/**
 * What the paper's model leaves out (spec/model.md §Corrections), each an explicit term with its
 * source. Every term is a pure function of exact values; the default {@link CORRECTION_DEFAULTS}
 * turn off every term that changes a figure of §4 (committee 1, FEC 1, DA off, the paper's s_avg),
 * so the paper's numbers stay the baseline they are compared against.
 * @module
 */
import { computeSquareWidth, DEFAULT_NAMESPACE_SIZE, DEFAULT_SHARE_SIZE, HASH_SIZE, MAX_SQUARE_WIDTH, nmtNodeSize } from "../da/index.js";
import { countProofNodes } from "../da/nmt.js";
import { SIGNATURE_SIZE as BLS_SIGNATURE_SIZE } from "../bls/constants.js";
import { computeModel } from "./model.js";
import type { Parameters } from "./params.js";
import { ceil, cmp, div, mul, ONE, ratio, sub, toExact, type Rational } from "./rational.js";

const r = (x: bigint | number) => ratio(x);

// ---- replication ----

/**
 * Machines when each shard is executed by a committee of `c` machines instead of a fraction of one
 * (paper §5 (a) "committees"; every member re-executes its shard): ⌈total_machines_exact · c⌉.
 */
export const replicatedMachines = (totalMachinesExact: Rational, committee: bigint): bigint => ceil(mul(totalMachinesExact, r(committee)));
/** Aggregate ingress when every committee member receives its shard's data: B_global · c, bit/s. */
export const replicatedTraffic = (bGlobal: Rational, committee: bigint): Rational => mul(bGlobal, r(committee));

// ---- data availability (spec/da.md §Extended data square, §Sampling) ----

/** The da square a shard block is published as. */
export interface DaSquare {
  /** Original shares: ⌈block bytes / (shareSize − NS)⌉ (a share begins with its NS-byte namespace). */
  shares: bigint;
  /** Squares per block: blocks above MAX_SQUARE_WIDTH² shares take several full-width squares. */
  squares: bigint;
  /** k: least power of two with k² ≥ shares per square (spec/da.md §Extended data square). */
  k: number;
  /** Bytes of the 2k × 2k extended cells of all squares: 4k² · shareSize each. */
  extendedBytes: bigint;
  /** Bytes of the 4k row and column NMT roots (2·NS + 32 each) and the 32-byte data root, per square. */
  commitmentBytes: bigint;
  /** (extended + commitment bytes) / block bytes: the nominal ×4 of 2D Reed-Solomon, plus padding to k² and the roots. */
  expansion: Rational;
}

/** The extended square(s) of a block of `blockBytes` (spec/da.md §Extended data square). */
export function daSquare(blockBytes: Rational, shareSize = DEFAULT_SHARE_SIZE, namespaceSize = DEFAULT_NAMESPACE_SIZE): DaSquare {
  const payload = BigInt(shareSize - namespaceSize);
  if (payload <= 0n) throw new RangeError(`daSquare: share size ${shareSize} leaves no payload after a ${namespaceSize}-byte namespace`);
  const shares = ceil(div(blockBytes, r(payload)));
  const perSquareMax = BigInt(MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH);
  const squares = shares <= perSquareMax ? 1n : ceil(ratio(shares, perSquareMax));
  const perSquare = shares <= perSquareMax ? shares : perSquareMax;
  const k = computeSquareWidth(Number(perSquare));
  const extendedBytes = squares * BigInt(4 * k * k * shareSize);
  const commitmentBytes = squares * BigInt(4 * k * nmtNodeSize(namespaceSize) + HASH_SIZE);
  return { shares, squares, k, extendedBytes, commitmentBytes, expansion: div(r(extendedBytes + commitmentBytes), blockBytes) };
}

/**
 * The least s with p(k, s) ≥ confidence, p of spec/da.md §Sampling computed exactly:
 * 1 − ∏_{i<s} (1 − (k+1)²/(4k² − i)). Terminates: p reaches 1 by s = 4k² − (k+1)² + 1.
 */
export function samplesForConfidenceExact(k: number, confidence: Rational): number {
  if (cmp(confidence, ONE) >= 0) throw new RangeError("samplesForConfidenceExact: confidence must be < 1");
  const cells = BigInt(4 * k * k);
  const withheld = BigInt((k + 1) * (k + 1));
  let miss = ONE;
  let s = 0;
  while (cmp(sub(ONE, miss), confidence) < 0) {
    miss = mul(miss, ratio(cells - BigInt(s) - withheld, cells - BigInt(s)));
    s++;
  }
  return s;
}

/** Bytes of one sample: the share and its NMT proof in its row (log2(2k) nodes of 2·NS + 32 bytes). */
export const sampleBytes = (k: number, shareSize = DEFAULT_SHARE_SIZE, namespaceSize = DEFAULT_NAMESPACE_SIZE): bigint =>
  BigInt(shareSize + countProofNodes(2 * k, 0, 1) * nmtNodeSize(namespaceSize));

/** A light node's sampling traffic, bit/s: per block of each subscribed shard, s samples and the square's commitments. */
export function lightNodeSamplingBps(blocksPerSec: Rational, subscribed: Rational, sq: DaSquare, samples: number, shareSize = DEFAULT_SHARE_SIZE, namespaceSize = DEFAULT_NAMESPACE_SIZE): Rational {
  const perBlock = sq.squares * (BigInt(samples) * sampleBytes(sq.k, shareSize, namespaceSize)) + sq.commitmentBytes;
  return mul(mul(mul(blocksPerSec, subscribed), r(perBlock)), r(8));
}

// ---- signatures ----

/** Ed25519 signature size (RFC 8032): what a per-transaction signature adds to every transaction. */
export const ED25519_SIGNATURE_SIZE = 64;

/** Signature verifications per second per node: one per transaction (per-tx Ed25519) or one aggregate per block (§4.6). */
export const verificationsPerSec = (tShard: Rational, blocksPerSec: Rational, subscribed: Rational, mode: "single" | "aggregate"): Rational =>
  mul(mode === "single" ? tShard : blocksPerSec, subscribed);

// ---- consensus: Narwhal/Bullshark, one DAG round ----

/** Messages and certificate signature bytes of one Narwhal round among n validators (spec/consensus.md). */
export interface NarwhalRound {
  /** Q = ⌊2n/3⌋ + 1 (spec/bls.md, equal stakes). */
  quorum: bigint;
  /** Each validator broadcasts its header to the n − 1 others. */
  headers: bigint;
  /** Each validator votes on each other header, to its author. */
  votes: bigint;
  /** Each author broadcasts the certificate of its header. */
  certificates: bigint;
  messages: bigint;
  /** Signature bytes of one certificate: Q Ed25519 signatures, or one BLS signature and an n-bit signer bitfield. */
  certificateSignatureBytes: bigint;
  /** certificates · certificateSignatureBytes: the round's certificate signature traffic. */
  certificateBytesPerRound: bigint;
}

export function narwhalRound(n: bigint, aggregated: boolean): NarwhalRound {
  if (n < 1n) throw new RangeError(`narwhalRound: n must be ≥ 1, got ${n}`);
  const quorum = (2n * n) / 3n + 1n;
  const each = n * (n - 1n);
  const certificateSignatureBytes = aggregated ? BigInt(BLS_SIGNATURE_SIZE) + (n + 7n) / 8n : quorum * BigInt(ED25519_SIGNATURE_SIZE);
  return { quorum, headers: each, votes: each, certificates: each, messages: 3n * each, certificateSignatureBytes, certificateBytesPerRound: each * certificateSignatureBytes };
}

// ---- propagation: Turbine ----

/**
 * Hops from the leader to the last of n validators through a Turbine tree of fanout F: the leader
 * sends to the root (hop 1); layer j holds F^(j−1) nodes; hops = least L with Σ_{j<L} F^j ≥ n.
 * Cost: at most log_F(n) + 1 steps for F ≥ 2 (40 for n ≤ 10^12).
 */
export function turbineHops(n: bigint, fanout: bigint): number {
  if (n < 1n || fanout < 1n) throw new RangeError("turbineHops: n and fanout must be ≥ 1");
  if (fanout === 1n) return Number(n); // a chain: one hop per node (the loop below would take n steps)
  let reached = 0n;
  let layer = 1n;
  let hops = 0;
  while (reached < n) {
    reached += layer;
    layer *= fanout;
    hops++;
  }
  return hops;
}

/** Bandwidth after forward error correction expands shreds by `fec` (Solana: 32 data + 32 coding shreds per FEC set, ×2). */
export const fecBandwidth = (bps: Rational, fec: Rational): Rational => mul(bps, fec);

/** Bytes/s a DA layer publishes: the shard data expanded by the square, times the full copies kept. */
export const daPublishedBps = (bGlobal: Rational, expansion: Rational, replication: bigint): Rational => mul(mul(bGlobal, expansion), r(replication));

// ---- the corrections side by side with the paper ----

/** Settings of every correction term (spec/model.md §Corrections). */
export interface CorrectionSettings {
  /** Machines re-executing each shard (replication). */
  committee: bigint;
  /** Full copies of each extended square the DA layer keeps (DA replication). */
  daReplication: bigint;
  shareSize: number;
  namespaceSize: number;
  /** Target detection probability of one light node's sampling. */
  confidence: Rational;
  /** Validators of the Narwhal/Bullshark DAG. */
  validators: bigint;
  /** Turbine fanout. */
  fanout: bigint;
  /** FEC expansion of shreds. */
  fec: Rational;
  /** bytes/tx with per-transaction Ed25519 and with aggregate signatures ({@link workloadBytesPerTx}). */
  sAvgSingle: Rational;
  sAvgAggregate: Rational;
}

/** The settings under which every term is off: the paper's own model (committee 1, one copy, FEC ×1). */
export const CORRECTIONS_OFF = { committee: 1n, daReplication: 1n, fec: ratio(1) } as const;

/** One row: a quantity as the paper has it (or "—" where the paper has no such term) and corrected. */
export interface CorrectionRow {
  term: "replication" | "data availability" | "signatures" | "consensus" | "propagation" | "combined";
  quantity: string;
  unit: string;
  paper: Rational | null;
  corrected: Rational;
  /** Where the term comes from. */
  source: string;
}

const GBPS_R = ratio(10n ** 9n);
const MBPS_R = ratio(10n ** 6n);

/**
 * Every correction term next to the paper's figure it corrects, at settings `s` (spec/model.md
 * §Corrections). Each row changes one thing; the `combined` rows turn them all on at once.
 */
export function correctionRows(p: Parameters, s: CorrectionSettings): CorrectionRow[] {
  const m = computeModel(p);
  const v = m.values;
  const c = r(s.committee);
  const paperMachines = r(m.rounded.total_machines);
  const gbps = (bps: Rational) => div(bps, GBPS_R);
  const rows: CorrectionRow[] = [];
  const row = (term: CorrectionRow["term"], quantity: string, unit: string, paper: Rational | null, corrected: Rational, source: string) => rows.push({ term, quantity, unit, paper, corrected, source });

  row("replication", `machines, committee of ${s.committee} per shard`, "machines", paperMachines, r(replicatedMachines(v.total_machines_exact, s.committee)), "paper §5 (a) committees; every member re-executes its shard: ⌈156.25 · c⌉");
  row("replication", "aggregate shard-data ingress", "Gbps", v.B_global_gbps, gbps(replicatedTraffic(v.B_global, s.committee)), "B_global · c: each member receives its shard's data");

  const blockBytes = mul(p.B_tx, p.s_avg);
  const sq = daSquare(blockBytes, s.shareSize, s.namespaceSize);
  const samples = samplesForConfidenceExact(sq.k, s.confidence);
  row("data availability", `expansion of a ${toText(blockBytes)}-byte shard block (k = ${sq.k})`, "×", r(1), sq.expansion, "spec/da.md §Extended data square: 2k × 2k cells (nominal ×4), padding to k², 4k NMT roots + data root");
  row("data availability", `DA-published bytes, ${s.daReplication} full cop${s.daReplication === 1n ? "y" : "ies"}`, "Gbps", v.B_global_gbps, gbps(daPublishedBps(v.B_global, sq.expansion, s.daReplication)), "B_global · expansion · DA replication");
  row("data availability", `samples per light node, p ≥ ${toText(s.confidence)}`, "samples/block", null, r(samples), "spec/da.md §Sampling p(k, s), exact; worst withholding (k+1)² cells");
  row("data availability", `light-node sampling per subscribed shard (${sampleBytes(sq.k, s.shareSize, s.namespaceSize)} B/sample)`, "Mbps", null, div(lightNodeSamplingBps(v.blocks_per_sec_shard, p.shards_subscribed, sq, samples, s.shareSize, s.namespaceSize), MBPS_R), "blocks/s · (s · (share + log2(2k) NMT nodes) + 4k roots + data root) · 8");

  const sig = (sAvg: Rational) => gbps(mul(mul(p.T_target, sAvg), r(8)));
  row("signatures", "s_avg, per-transaction Ed25519", "B/tx", p.s_avg, s.sAvgSingle, "reference/codec workload \"std\" (20 × 1000 tx), compressBlocks, sigMode single");
  row("signatures", "s_avg, one aggregate signature per block", "B/tx", p.s_avg, s.sAvgAggregate, "reference/codec workload \"std\", compressBlocks, sigMode aggregate");
  row("signatures", "B_global, per-transaction Ed25519", "Gbps", v.B_global_gbps, sig(s.sAvgSingle), "T_target · s_avg(single) · 8");
  row("signatures", "B_global, aggregate signatures", "Gbps", v.B_global_gbps, sig(s.sAvgAggregate), "T_target · s_avg(aggregate) · 8");
  row("signatures", "signature verifications per node per subscribed shard, per-tx Ed25519", "verify/s", v.aggregate_verifications_per_sec, verificationsPerSec(v.T_shard, v.blocks_per_sec_shard, p.shards_subscribed, "single"), "one per transaction instead of one per block (§4.6)");

  const plain = narwhalRound(s.validators, false);
  const agg = narwhalRound(s.validators, true);
  row("consensus", `messages per DAG round, n = ${s.validators} (headers + votes + certificates)`, "messages", null, r(plain.messages), "Narwhal: n(n−1) each of headers, votes, certificates (spec/consensus.md)");
  row("consensus", `certificate signature bytes, Q = ${plain.quorum} Ed25519`, "B", null, r(plain.certificateSignatureBytes), "Q · 64 (RFC 8032)");
  row("consensus", "certificate signature bytes, BLS aggregate + signer bitfield", "B", null, r(agg.certificateSignatureBytes), "96 + ⌈n/8⌉ (spec/bls.md §Certificates)");
  row("consensus", "certificate signature traffic per round, Ed25519", "MB", null, div(r(plain.certificateBytesPerRound), MBPS_R), "n(n−1) · Q · 64");
  row("consensus", "certificate signature traffic per round, BLS", "MB", null, div(r(agg.certificateBytesPerRound), MBPS_R), "n(n−1) · (96 + ⌈n/8⌉)");

  row("propagation", `Turbine hops to ${s.validators} validators, fanout ${s.fanout}`, "hops", null, r(turbineHops(s.validators, s.fanout)), "least L with Σ_{j<L} F^j ≥ n (leader → root is hop 1)");
  row("propagation", `per-machine ingress with FEC ×${toText(s.fec)}`, "Gbps", v.BW_machine_gbps, fecBandwidth(v.BW_machine_gbps, s.fec), "shreds: data + coding shreds (Solana Turbine, 32 + 32 per FEC set)");

  const corrected = { ...p, s_avg: s.sAvgAggregate };
  const cm = computeModel(corrected);
  const machinesAll = replicatedMachines(cm.values.total_machines_exact, s.committee);
  row("combined", "machines (replication; s_avg aggregate does not change execution)", "machines", paperMachines, r(machinesAll), "⌈156.25 · c⌉");
  row("combined", "per-machine ingress (aggregate s_avg, FEC, committee)", "Gbps", v.BW_machine_gbps, div(fecBandwidth(gbps(replicatedTraffic(cm.values.B_global, s.committee)), s.fec), mul(cm.values.total_machines_exact, c)), "B_global(s_avg aggregate) · c · fec / (156.25 · c)");
  row("combined", "network egress of the DA layer (aggregate s_avg)", "Gbps", v.B_global_gbps, gbps(daPublishedBps(cm.values.B_global, daSquare(mul(p.B_tx, s.sAvgAggregate), s.shareSize, s.namespaceSize).expansion, s.daReplication)), "B_global(aggregate) · expansion · DA replication");
  return rows;
}

const toText = (x: Rational): string => toExact(x);
