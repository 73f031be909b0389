/**
 * The closed vocabulary of secagg reason codes (spec/secagg.md §Reason codes). The spec's table, the
 * vectors' `error` fields and adapter answers all use exactly these strings.
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const SECAGG_REASONS = {
  PARAMETER_OUT_OF_RANGE: "a bit width, length, user count, threshold, degree, clip or client bound outside its range",
  OVERFLOW_BOUND: "clients · max level exceeds R − 1: the sum could wrap around the modulus",
  VALUE_OUT_OF_RANGE: "a field element or vector element not below its modulus, or a non-finite number",
  SECRET_LENGTH: "a secret of length zero or above the maximum, or a share not of the length its secret implies",
  TOO_FEW_SHARES: "fewer shares than the threshold",
  DUPLICATE_SHARE: "two shares at the same evaluation point, or a point outside 1..n",
  INCONSISTENT_SHARES: "shares beyond the threshold that do not lie on the interpolated polynomial, or a reconstructed value too wide for its secret",
  INVALID_PUBLIC_KEY: "a public key that is not a compressed SEC1 encoding of a P-256 point",
  MALFORMED_MESSAGE: "a message that does not decode: wrong tag, truncated, trailing bytes, unsorted or repeated ids",
  SESSION_MISMATCH: "a message carrying another session's id",
  UNEXPECTED_MESSAGE: "a message of a round the party is not in, or from a user outside the expected set",
  DUPLICATE_MESSAGE: "a second message from the same user in the same round (a replay)",
  INVALID_SIGNATURE: "a key advertisement or consistency signature that does not verify",
  AEAD_FAILURE: "a share ciphertext that does not authenticate under the agreed key",
  SHARE_ADDRESS_MISMATCH: "a decrypted share whose sender or recipient differs from its envelope",
  INCONSISTENT_SURVIVORS: "survivor lists that differ between rounds or between clients",
  BOTH_SHARES_REQUESTED: "an unmasking request asking for the s share of a user whose b share it also receives",
  KEY_MISMATCH: "a reconstructed masking key whose public key is not the one advertised",
  BELOW_THRESHOLD: "fewer than t users left in a round: the session aborts",
} as const;

export type SecaggReason = keyof typeof SECAGG_REASONS;

/** Throws the secagg component's {@link SpecError}. */
export const fail = errorFactory("secagg", SECAGG_REASONS);
