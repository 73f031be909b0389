/**
 * The closed vocabulary of da reason codes (spec/da.md §Validity rules). The spec's table, the
 * vectors' `error` fields and adapter answers all use exactly these strings.
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const DA_REASONS = {
  SHARD_COUNT_OUT_OF_RANGE: "a data shard count below 1, a parity shard count below 1, or more than 256 shards in total",
  SIZE_MISMATCH: "shards of different sizes or of size zero, or a share not of the share size",
  TOO_FEW_SHARDS: "fewer shards present than the data shard count",
  SHARD_SIZE_NOT_ALIGNED: "a Leopard shard size that is not a multiple of 64 bytes",
  PARAMETER_OUT_OF_RANGE: "a namespace size, share size or square width outside its range",
  SQUARE_TOO_LARGE: "more original shares than fit in a square of MAX_SQUARE_WIDTH",
  INVALID_LEAF: "an NMT leaf shorter than the namespace",
  NAMESPACE_ORDER: "leaves or sibling nodes out of namespace order",
  RESERVED_NAMESPACE: "an original share in the parity or tail-padding namespace",
  MALFORMED_PROOF: "a proof of the wrong shape: a range outside the tree, a wrong node count or length, a wrong number of shares or positions",
  ROOT_MISMATCH: "a proof does not lead to the root it is checked against",
  NAMESPACE_MISMATCH: "a proven leaf outside the queried namespace, or an absence leaf not above it",
  INCOMPLETE_NAMESPACE_PROOF: "a namespace proof whose sibling nodes leave room for more leaves of the namespace",
  DATA_ROOT_MISMATCH: "row and column roots that do not hash to the data root",
  INDEX_OUT_OF_RANGE: "a row, column or axis index outside the square",
  UNRECOVERABLE: "the shares present do not determine the square by row and column decoding",
  INCONSISTENT_SHARES: "shares present that disagree with the square their decoding determines",
  AXIS_CORRECTLY_ENCODED: "a bad-encoding proof against a row or column that is correctly extended",
} as const;

export type DaReason = keyof typeof DA_REASONS;

/** Throws the da component's {@link SpecError}. */
export const fail = errorFactory("da", DA_REASONS);
