/**
 * `codec`: compact canonical transaction and block formats and streaming block compression.
 * Normative text: spec/codec.md.
 * @module
 */
export * from "./constants.js";
export { CODEC_REASONS, type CodecReason } from "./errors.js";
export type * from "./types.js";
export { encodeTx, decodeTx, txId } from "./tx.js";
export { encodeBlock, decodeBlock, computeTxRoot } from "./block.js";
export {
  newStreamState,
  compressBlock,
  compressBlocks,
  decompressFrame,
  decompressFrames,
  decimalCode,
  decimalDecode,
  zigzag,
  unzigzag,
  type StreamState,
} from "./compress.js";
export { CODEC_RULES } from "./rules.js";
export { generateWorkload, ZipfSampler, WORKLOAD_DEFAULTS, type WorkloadParams } from "./workload.js";
