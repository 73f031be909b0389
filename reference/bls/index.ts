/**
 * `bls`: BLS12-381 signatures (draft-irtf-cfrg-bls-signature-05, minimal-pubkey-size, proof of
 * possession by default) and aggregated commit certificates. Normative text: spec/bls.md.
 *
 * The draft's operations keep their names and argument order; the ciphersuite is an optional last
 * argument ({@link POP} unless given).
 * @module
 */
export * from "./constants.js";
export { BLS_REASONS, type BlsReason } from "./errors.js";
export { BLS_RULES } from "./rules.js";
export { POP, BASIC, CIPHERSUITES, hashToG2, type Ciphersuite } from "./ciphersuite.js";
export { decodeG1, decodeG2, encodeG1, encodeG2, encodeUncompressed, G1, G2, type G1Point, type G2Point, type Fp2 } from "./points.js";
export { keyGen, skToPk, keyValidate, publicKeyPoint, secretKeyScalar } from "./keys.js";
export { sign, verify, aggregate, fastAggregateVerify, aggregateVerify, popProve, popVerify, signaturePoint } from "./signatures.js";
export { batchVerify, computeBatchScalars, verifyBatchItems, type BatchItem } from "./batch.js";
export {
  makeCommittee,
  commitMessage,
  signCommit,
  aggregateCertificate,
  verifyCertificate,
  isValidCertificate,
  batchVerifyCertificates,
  encodeSigners,
  decodeSigners,
  bitfieldLength,
  isSupermajority,
  type Commit,
  type Committee,
  type Member,
  type MemberInput,
  type Certificate,
  type CertificateVerdict,
} from "./certificate.js";
