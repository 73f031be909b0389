/**
 * The closed vocabulary of bls reason codes (spec/bls.md §Validity rules). The spec's table, the
 * vectors' `error` fields and adapter answers all use exactly these strings.
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const BLS_REASONS = {
  INVALID_LENGTH: "an encoding of the wrong length (32 bytes for a secret key, 48 for G1, 96 for G2)",
  NOT_COMPRESSED: "the compression flag (bit 7 of the first byte) is 0",
  INVALID_INFINITY_ENCODING: "the infinity flag is set and some other bit (the sign flag or a coordinate bit) is 1",
  COORDINATE_OUT_OF_RANGE: "an x coordinate, or one of its two Fp halves in G2, is not below p",
  NOT_ON_CURVE: "no point of the curve has this x coordinate (x^3 + b is not a square)",
  NOT_IN_SUBGROUP: "a point on the curve outside the prime-order subgroup",
  IDENTITY_POINT: "the identity point where a public key or a signature is required",
  INVALID_SECRET_KEY: "a secret key that is zero or not below the group order r",
  IKM_TOO_SHORT: "key material shorter than MIN_IKM_SIZE bytes",
  EMPTY_AGGREGATE: "aggregation or verification of an empty list",
  LENGTH_MISMATCH: "lists of keys, messages or signatures of different lengths (a verifier answers false)",
  REPEATED_MESSAGE: "a message repeated in a basic-scheme AggregateVerify (a verifier answers false)",
  BATCH_TOO_LARGE: "a batch, or an AggregateVerify, of more than MAX_BATCH_SIZE items",
  AGGREGATE_TOO_LARGE: "an Aggregate or FastAggregateVerify of more than MAX_AGGREGATE_SIZE items",
  EMPTY_COMMITTEE: "a committee without members",
  COMMITTEE_TOO_LARGE: "a committee of more than MAX_COMMITTEE_SIZE members",
  DUPLICATE_PUBLIC_KEY: "two committee members with the same public key",
  INVALID_PROOF_OF_POSSESSION: "a member's proof of possession does not verify",
  ZERO_STAKE: "a committee member with zero stake",
  STAKE_OVERFLOW: "a stake or the committee's total stake above 2^64 - 1",
  FIELD_OUT_OF_RANGE: "a commit field outside its range (u64, u32, 32-byte digest)",
  BITFIELD_LENGTH_MISMATCH: "a signer bitfield whose length is not ceil(n / 8) bytes for n members",
  NON_CANONICAL_BITFIELD: "a signer bitfield with a padding bit (index n or above) set",
  INSUFFICIENT_STAKE: "the signers' stake is not strictly above 2/3 of the committee's total stake",
  SIGNATURE_MISMATCH: "the signature does not verify: the pairing equation fails for the keys and messages (a certificate: the signers' summed key and the commit message)",
} as const;

export type BlsReason = keyof typeof BLS_REASONS;

/** Throws the bls suite's {@link SpecError}. */
export const fail = errorFactory("bls", BLS_REASONS);
