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
import { ceil, cmp, div, mul, ONE, ratio, sub, type Rational } from "./rational.js";

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
 */
export function turbineHops(n: bigint, fanout: bigint): number {
  if (n < 1n || fanout < 1n) throw new RangeError("turbineHops: n and fanout must be ≥ 1");
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
