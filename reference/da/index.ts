/**
 * `da`: erasure-coded data availability: Reed-Solomon over GF(2^8), namespaced Merkle trees, the
 * extended data square, reconstruction, bad-encoding fraud proofs and sampling.
 * Normative text: spec/da.md.
 * @module
 */
export * from "./constants.js";
export { DA_REASONS, type DaReason } from "./errors.js";
export { gfMul, gfInv, type GfMatrix } from "./gf256.js";
export { rsEncode, rsReconstruct, reedSolomon, readableReedSolomon, computeEncodingMatrix, type ErasureCode } from "./reed-solomon.js";
export { leopard, readableLeopard, leopardEncode, leopardReconstruct, checkLeopardShape, LEOPARD_SHARD_MULTIPLE, LEO_CANTOR_BASIS } from "./leopard8.js";
export {
  nmtRoot,
  nmtRootOfHashes,
  hashNmtLeaf,
  hashNmtNode,
  emptyNmtRoot,
  nmtProveRange,
  verifyNmtRange,
  nmtProveNamespace,
  verifyNmtNamespace,
  nmtNodeSize,
  minNamespace,
  maxNamespace,
  compareBytes,
  type NmtProof,
  type NamespaceProof,
  type NamespaceProofKind,
} from "./nmt.js";
export {
  extendSquare,
  extendCells,
  computeSquareWidth,
  computeSquareRoots,
  readableSquareRoots,
  computeAxisRoot,
  computeDataRoot,
  cellLeaf,
  getAxis,
  getOriginalShares,
  paddingShare,
  checkSquareParams,
  squareCode,
  SQUARE_CODECS,
  CELESTIA_SQUARE_PARAMS,
  type SquareCodec,
  type Axis,
  type ExtendedSquare,
  type SquareParams,
} from "./square.js";
export { checkCommitments, type SquareCommitments } from "./commitments.js";
export { decodeSquare, reconstructSquare } from "./reconstruct.js";
export { createBadEncodingProof, verifyBadEncodingProof, type BadEncodingProof } from "./fraud.js";
export { createSample, verifySample, detectionProbability, samplesForConfidence, type Sample } from "./sampling.js";
