/**
 * The standard synthetic workload: spec/codec.md §Workload. Every implementation that reports
 * bytes per transaction measures them on these exact blocks, so figures compare.
 *
 * All randomness comes from {@link Rng} in the order written here; the only floating-point
 * operations are IEEE-754 additions, one multiplication and comparisons, so any language reproduces
 * the blocks bit for bit.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { Rng } from "../common/rng.js";
import { computeTxRoot, encodeBlock } from "./block.js";
import { AGGREGATE_SIGNATURE_SIZE, HASH_SIZE, SIGNATURE_SIZE } from "./constants.js";
import { encodeTx } from "./tx.js";
import type { Block, SigMode, Transaction } from "./types.js";

export interface WorkloadParams {
  /** Seed label; the RNG is `Rng("pwo/codec/workload/" + seed)`. */
  seed: string;
  blocks: number;
  txsPerBlock: number;
  sigMode: SigMode;
  /** Size of the account population ranked by Zipf (s = 1). Default 100 000. */
  accounts?: number;
  /** Percentage of calls among transactions. Default 20. */
  callPercent?: number;
}

export const WORKLOAD_DEFAULTS = { accounts: 100_000, callPercent: 20, contracts: 100, selectors: 8 } as const;

const labelled = (label: string): Uint8Array => sha256(utf8ToBytes(label));

/** Account of Zipf rank i (0-based): SHA-256("pwo/workload/account/" ‖ decimal i). */
export const workloadAccount = (i: number): Uint8Array => labelled(`pwo/workload/account/${i}`);
export const workloadContract = (i: number): Uint8Array => labelled(`pwo/workload/contract/${i}`);
/** 4-byte function selector j: the first 4 bytes of SHA-256("pwo/workload/selector/" ‖ decimal j). */
export const workloadSelector = (j: number): Uint8Array => labelled(`pwo/workload/selector/${j}`).slice(0, 4);

/**
 * Zipf(s = 1) over ranks 0..n−1: cumulative weights c_i = Σ_{j ≤ i} 1/(j+1), summed left to right;
 * a draw is the least i with u·c_{n−1} < c_i, for u = rng.float().
 */
export class ZipfSampler {
  private readonly cdf: Float64Array;
  constructor(n: number) {
    this.cdf = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) this.cdf[i] = acc += 1 / (i + 1);
  }
  sample(rng: Rng): number {
    const target = rng.float() * (this.cdf[this.cdf.length - 1] as number);
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (target < (this.cdf[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** A "realistic" amount: scale 10^e with e uniform in 0..9; mantissa one of 1, 2, 5 (half the time) or uniform in 1..9999. */
export function drawAmount(rng: Rng): bigint {
  const e = rng.below(10);
  const m = rng.chance(1, 2) ? rng.pick([1, 2, 5]) : rng.between(1, 9999);
  return BigInt(m) * 10n ** BigInt(e);
}

/** Fee: uniform in 1..50, times 1000. */
export const drawFee = (rng: Rng): bigint => BigInt(rng.between(1, 50)) * 1000n;

/** Call data: a selector, then 0..3 ABI words of 24 zero bytes and 8 random bytes. */
export function drawCalldata(rng: Rng): Uint8Array {
  const selector = workloadSelector(rng.below(WORKLOAD_DEFAULTS.selectors));
  const words = rng.below(4);
  const out = new Uint8Array(4 + 32 * words);
  out.set(selector, 0);
  for (let k = 0; k < words; k++) out.set(rng.bytes(8), 4 + 32 * k + 24);
  return out;
}

/** The blocks of the standard workload; heights from 1, each block's parent the SHA-256 of the previous encoding. */
export function generateWorkload(p: WorkloadParams): Block[] {
  const rng = new Rng(`pwo/codec/workload/${p.seed}`);
  const zipf = new ZipfSampler(p.accounts ?? WORKLOAD_DEFAULTS.accounts);
  const callPercent = p.callPercent ?? WORKLOAD_DEFAULTS.callPercent;
  const nonces = new Map<number, bigint>();
  const blocks: Block[] = [];
  let parentHash = new Uint8Array(HASH_SIZE);
  for (let b = 0; b < p.blocks; b++) {
    const txs: Transaction[] = [];
    for (let t = 0; t < p.txsPerBlock; t++) {
      const senderRank = zipf.sample(rng);
      const nonce = nonces.get(senderRank) ?? 0n;
      nonces.set(senderRank, nonce + 1n);
      const common = { sender: workloadAccount(senderRank), nonce, fee: drawFee(rng), sigMode: p.sigMode };
      let tx: Transaction;
      if (rng.below(100) < callPercent) {
        const contract = workloadContract(rng.below(WORKLOAD_DEFAULTS.contracts));
        const value = rng.chance(1, 4) ? drawAmount(rng) : 0n;
        tx = { ...common, kind: "call", contract, value, calldata: drawCalldata(rng), signature: null };
      } else {
        tx = { ...common, kind: "payment", recipient: workloadAccount(zipf.sample(rng)), amount: drawAmount(rng), signature: null };
      }
      if (p.sigMode === "single") tx.signature = rng.bytes(SIGNATURE_SIZE);
      txs.push(tx);
    }
    const aggregateSignature = p.sigMode === "aggregate" && txs.length > 0 ? rng.bytes(AGGREGATE_SIGNATURE_SIZE) : null;
    const block: Block = { shardId: 0, height: BigInt(b + 1), parentHash, txRoot: computeTxRoot(txs.map(encodeTx)), txs, aggregateSignature };
    blocks.push(block);
    parentHash = sha256(encodeBlock(block));
  }
  return blocks;
}
