/**
 * `shreds`: Turbine-style block propagation in Agave's chained Merkle shred format — shredding into
 * 32:32 FEC sets, the shred Merkle tree, single-shred validation, recovery, deshredding and
 * chaining, the Turbine tree, duplicate-shred proofs. Normative text: spec/shreds.md.
 * @module
 */
export * from "./constants.js";
export { SHREDS_REASONS, type ShredsReason } from "./errors.js";
export { ChaCha20Rng, chacha20Block } from "./chacha.js";
export { merkleLeaf, joinNodes, merkleTree, merkleTreeSize, merkleRootOf, merkleProof, proofSize, rootFromProof, verifyMerkleProof } from "./merkle.js";
export {
  SHREDS_RULES,
  SHRED_BLOCK_RULES,
  VERIFY_SHRED_RULES,
  VERIFY_MERKLE_PROOF_RULES,
  RECOVER_FEC_SET_RULES,
  DESHRED_RULES,
  TURBINE_TREE_RULES,
  CHECK_DUPLICATE_PROOF_RULES,
} from "./rules.js";
export {
  parseShred,
  verifyShred,
  verifySignature,
  variantByte,
  decodeVariant,
  capacity,
  layout,
  shardSize,
  erasureShardIndex,
  erasureShard,
  shredMerkleRoot,
  chainedMerkleRoot,
  merkleProofOf,
  leafBytes,
  shredData,
  referenceTick,
  isDataComplete,
  isLastInSlot,
  writeCommonHeader,
  writeDataHeader,
  writeCodingHeader,
  type Shred,
  type ShredKind,
  type CommonHeader,
  type DataHeader,
  type CodingHeader,
} from "./shred.js";
export { shredBlock, finishFecSet, MAX_BLOCK_BYTES, type ShredParams, type ShredOutput } from "./shredder.js";
export { recoverFecSet } from "./recover.js";
export { deshred } from "./deshred.js";
export { shredSeed, WeightedShuffle, sortNodes, turbineOrder, retransmitChildren, retransmitParent, rootDistance, type TurbineNode } from "./turbine.js";
export { encodeDuplicateProof, decodeDuplicateProof, checkDuplicateProof, type DuplicateKind } from "./duplicate.js";
