/**
 * The closed vocabulary of codec reason codes (spec/codec.md §Validity rules). The spec's table,
 * the vectors' `error` fields and adapter answers all use exactly these strings.
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const CODEC_REASONS = {
  UNEXPECTED_EOF: "the input ends inside a field",
  TRAILING_BYTES: "bytes remain after the last field",
  NON_CANONICAL_VARINT: "a varint has a redundant final zero group (overlong LEB128)",
  VARINT_OVERFLOW: "a varint is longer or larger than its field allows",
  UNKNOWN_VERSION: "a version byte other than 0x01",
  INVALID_KIND: "a transaction kind byte other than 0x00 (payment) or 0x01 (call)",
  INVALID_SIG_MODE: "a signature-mode byte other than 0x00 (single) or 0x01 (aggregate)",
  INVALID_FLAG: "a presence flag other than 0x00 or 0x01, or reserved header bits set",
  FIELD_OUT_OF_RANGE: "a value outside its field's range (u64, u32, fixed byte length)",
  SIGNATURE_MODE_MISMATCH: "a signature present in aggregate mode or missing in single mode",
  CALLDATA_TOO_LARGE: "call data longer than MAX_CALLDATA_SIZE",
  TX_TOO_LARGE: "a transaction's length prefix exceeds MAX_TX_SIZE",
  TOO_MANY_TXS: "a transaction count above MAX_BLOCK_TXS",
  BLOCK_TOO_LARGE: "an encoded block longer than MAX_BLOCK_SIZE",
  TX_ROOT_MISMATCH: "the header's tx root differs from the Merkle root of the transactions",
  AGGREGATE_SIGNATURE_MISMATCH: "an aggregate signature present without aggregate-mode transactions, or missing with them",
  NON_CANONICAL_AMOUNT: "a decimal-coded amount whose mantissa is divisible by 10, or zero with an exponent",
  NON_CANONICAL_ACCOUNT_REF: "an account written literally while in the window, or referenced at an older position than its latest",
  BACKREF_OUT_OF_RANGE: "an account back-reference beyond the window or before the stream's start",
  WINDOW_MISMATCH: "a frame's window log differs from the first frame's in the same stream",
  SIZE_LIMIT_EXCEEDED: "a frame declares a block larger than the decoder's limit",
  SIZE_MISMATCH: "a frame reconstructs a block of another size than it declares",
} as const;

export type CodecReason = keyof typeof CODEC_REASONS;

/** Throws the codec's {@link SpecError}. */
export const fail = errorFactory("codec", CODEC_REASONS);
