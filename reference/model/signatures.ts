/**
 * s_avg measured on the codec's standard workload (spec/codec.md §Workload; the codec benchmark's
 * `STANDARD_WORKLOAD`, seed "std", 20 blocks × 1000 transactions): bytes per transaction of the
 * compressed stream (spec/codec.md §Streaming compression), headers and aggregate signatures
 * included, with per-transaction Ed25519 signatures (`single`) or one aggregate per block
 * (`aggregate`). Computed, not typed in: the codec benchmark prints the same two figures.
 * Cost: generates and signs 20 000 transactions, about a second per mode.
 * @module
 */
import { compressBlocks, generateWorkload, type SigMode } from "../codec/index.js";
import { ratio, type Rational } from "./rational.js";

/** The codec benchmark's standard workload (bench/codec.ts STANDARD_WORKLOAD). */
export const CODEC_STANDARD_WORKLOAD = { seed: "std", blocks: 20, txsPerBlock: 1000 } as const;

/** Exact bytes/tx of compressBlocks over the standard workload of `sigMode`. */
export function workloadBytesPerTx(sigMode: SigMode, w: { seed: string; blocks: number; txsPerBlock: number } = CODEC_STANDARD_WORKLOAD): Rational {
  const frames = compressBlocks(generateWorkload({ ...w, sigMode }));
  const bytes = frames.reduce((n, f) => n + f.length, 0);
  return ratio(bytes, w.blocks * w.txsPerBlock);
}
