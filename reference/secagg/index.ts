/**
 * `secagg`: secure aggregation after Bonawitz et al. (CCS'17) with double masking and the SecAgg+
 * neighbour graph (Bell et al., CCS'20); quantization; a federated-averaging round whose checkpoints
 * are content-addressed in a `da` namespace with per-round provenance records.
 * Normative text: spec/secagg.md.
 * @module
 */
export * from "./constants.js";
export { SECAGG_REASONS, type SecaggReason } from "./errors.js";
export { addP, subP, mulP, powP, invP } from "./field.js";
export { Drbg, keystream } from "./drbg.js";
export { shamirSplit, shamirReconstruct, secretToLimbs, limbsToSecret, lagrangeAtZero, evaluatePolynomial, limbCount, MAX_SECRET_LENGTH, type Share } from "./shamir.js";
export { maskKey, expandMask, prgExpand, addMaskInPlace, checkVectorShape } from "./prg.js";
export { agreeKey, seal, open, sign as ecdsaSign, verifySignature as ecdsaVerify, publicKeyOf, checkPublicKey, checkSecretKey, drawSecretKey } from "./keys.js";
export { quantize, dequantizeSum, quantizeLevels, type QuantizeParams } from "./quantize.js";
export { checkParams, neighbourGraph, graphPermutation, secaggPlusDegree, encodeParams, type SessionParams } from "./params.js";
export { encodeMessage, decodeMessage, advertBody, survivorsBody, type Message, type KeyAdvert, type Addressed, type Shape } from "./messages.js";
export { newClient, clientStart, clientStep, clientStream, sessionIdOf, shareNonce, type ClientState, type ClientPhase, type ClientOutput, type HeldShares } from "./client.js";
export { newServer, serverReceive, serverDeadline, type ServerState, type ServerPhase, type Outgoing, type ServerOutput } from "./server.js";
export { runSession, ROUND_NAMES, type Envelope, type Step, type SessionRun, type SessionOptions } from "./session.js";
export { SECAGG_RULES, SHAMIR_RECONSTRUCT_RULES, QUANTIZE_RULES, PRG_EXPAND_RULES, KEY_AGREE_RULES, STREAM_READ_RULES, CLIENT_STEPS_RULES, CLIENT_RULES, SERVER_RULES } from "./rules.js";
export {
  encodeCheckpoint,
  decodeCheckpoint,
  checkpointHash,
  blobShares,
  publishBlob,
  publishShares,
  verifyBlob,
  bitfield,
  encodeRecord,
  recordHash,
  verifyChain,
  MODEL_NAMESPACE,
  MAX_DIMENSION,
  CHECKPOINT_SHARE_SIZE,
  CHECKPOINT_NAMESPACE_SIZE,
  type BlobProof,
  type ProvenanceRecord,
} from "./provenance.js";
