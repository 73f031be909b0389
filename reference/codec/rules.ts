/**
 * The codec rule tables (reference/common/rules.ts): the ordered checks of every codec operation
 * with two or more (spec/codec.md §Validity rules). Decoders read fields in order and check each
 * field when they read it, so every table lists its rules in reading order: a rule concerns only
 * fields after those of the rules before it, and the first rule broken answers. A rule with several
 * possible codes (T4, B3, B5, D6…) names the one its pairwise vectors break it with; its `check`
 * says the others and their order.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

const NO_B1 = "no vector can break B1: an input above `MAX_BLOCK_SIZE` (64 MiB) does not fit a protocol line (16 MiB); its place before every other check is normative all the same";
const NO_BLOCK_LIMIT = "no vector can break it: more than 2^20 transactions, or an encoding above 64 MiB, do not fit a protocol line (16 MiB); the property tests cover both";
const CUT_SHORT = "an input that ends inside the varint has no last byte to judge and nothing after it";

export const CODEC_RULES: readonly RuleTable[] = [
  {
    suite: "codec",
    operation: "decode_varint",
    rules: [
      { id: "V1", code: "VARINT_OVERFLOW", check: "the varint ends within `⌈bits/7⌉` bytes: after `⌈bits/7⌉` bytes with bit 7 set, the decoder fails before reading another" },
      { id: "V2", code: "UNEXPECTED_EOF", check: "the input does not end before the varint's last byte (the first with bit 7 clear)" },
      { id: "V3", code: "NON_CANONICAL_VARINT", check: "the last byte is not `0x00`, unless it is the only byte" },
      { id: "V4", code: "VARINT_OVERFLOW", check: "the value `< 2^bits`" },
      { id: "V5", code: "TRAILING_BYTES", check: "the varint spans the whole input" },
    ],
    exclusive: [
      { rules: ["V1", "V2"], why: "V1 needs the first `⌈bits/7⌉` bytes present, V2 an input that ends among them" },
      { rules: ["V2", "V3"], why: CUT_SHORT },
      { rules: ["V2", "V4"], why: CUT_SHORT },
      { rules: ["V2", "V5"], why: CUT_SHORT },
      { rules: ["V3", "V4"], why: "a varint whose last byte is `0x00` and that ends within `⌈bits/7⌉` bytes carries at most `7·(⌈bits/7⌉ − 1)` bits (28 < 32, 63 < 64)" },
    ],
  },
  {
    suite: "codec",
    operation: "decode_tx",
    rules: [
      { id: "T1", code: "UNKNOWN_VERSION", check: "`version = 0x01` (an empty input: `UNEXPECTED_EOF`)" },
      { id: "T2", code: "INVALID_KIND", check: "`kind ∈ {0x00, 0x01}` (absent: `UNEXPECTED_EOF`)" },
      { id: "T3", code: "INVALID_SIG_MODE", check: "`sigMode ∈ {0x00, 0x01}` (absent: `UNEXPECTED_EOF`)" },
      { id: "T4", code: "NON_CANONICAL_VARINT", check: "every field from `sender` to `calldataLength`, in field order, present (`UNEXPECTED_EOF`) and each varint valid by V1–V4 (`VARINT_OVERFLOW`, `UNEXPECTED_EOF`, `NON_CANONICAL_VARINT`, `VARINT_OVERFLOW`; 64 bits, `calldataLength` 32): the first failing field answers; the vectors break it with an overlong `nonce`" },
      { id: "T5", code: "CALLDATA_TOO_LARGE", check: "`calldataLength ≤ MAX_CALLDATA_SIZE`, checked before the bytes are read" },
      { id: "T6", code: "TRAILING_BYTES", check: "the input ends exactly after the last field: the call data and, in single mode, the signature present (`UNEXPECTED_EOF`), then nothing (`TRAILING_BYTES`); the vectors break it with a byte after the last field" },
    ],
  },
  {
    suite: "codec",
    operation: "encode_tx",
    rules: [
      { id: "TE1", code: "FIELD_OUT_OF_RANGE", check: "in this order: `sender` 32 bytes, `nonce` and `fee` u64, `recipient`/`contract` 32 bytes, `amount`/`value` u64" },
      { id: "TE2", code: "CALLDATA_TOO_LARGE", check: "call data ≤ `MAX_CALLDATA_SIZE` bytes" },
      { id: "TE3", code: "SIGNATURE_MODE_MISMATCH", check: "a signature in single mode and none in aggregate mode" },
      { id: "TE4", code: "FIELD_OUT_OF_RANGE", check: "the signature is 64 bytes" },
    ],
  },
  {
    suite: "codec",
    operation: "decode_block",
    rules: [
      { id: "B1", code: "BLOCK_TOO_LARGE", check: "the input is at most `MAX_BLOCK_SIZE` bytes (before anything else)" },
      { id: "B2", code: "UNKNOWN_VERSION", check: "`version = 0x01` (an empty input: `UNEXPECTED_EOF`)" },
      { id: "B3", code: "NON_CANONICAL_VARINT", check: "the header's fields, in order, as T4 (`shardId` 32 bits, `height` 64 bits, then the two hashes present); the vectors break it with an overlong `height`" },
      { id: "B4", code: "TOO_MANY_TXS", check: "`txCount` (a varint32 as T4) `≤ MAX_BLOCK_TXS`" },
      { id: "B5", code: "INVALID_KIND", check: "transaction by transaction: its `txLength` (a varint32 as T4) `≤ MAX_TX_SIZE` before reading it (`TX_TOO_LARGE`), the slice present (`UNEXPECTED_EOF`), and the transaction valid by T1–T6 *within its slice* (their codes); the vectors break it with a transaction of kind 2" },
      { id: "B6", code: "INVALID_FLAG", check: "`aggFlag ∈ {0x00, 0x01}` (absent: `UNEXPECTED_EOF`), and 96 bytes of aggregate signature after `0x01` (`UNEXPECTED_EOF`)" },
      { id: "B7", code: "TRAILING_BYTES", check: "nothing follows" },
      { id: "B8", code: "AGGREGATE_SIGNATURE_MISMATCH", check: "an aggregate signature iff some transaction is in aggregate mode" },
      { id: "B9", code: "TX_ROOT_MISMATCH", check: "`txRoot = MTH(transaction encodings)`" },
    ],
    exclusive: ["B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"].map((id) => ({ rules: ["B1", id] as const, why: NO_B1 })),
  },
  {
    suite: "codec",
    operation: "encode_block",
    rules: [
      { id: "BE1", code: "FIELD_OUT_OF_RANGE", check: "in this order: `shardId` u32, `height` u64, `parentHash` and `txRoot` 32 bytes, the aggregate signature 96 bytes if present" },
      { id: "BE2", code: "TOO_MANY_TXS", check: "at most `MAX_BLOCK_TXS` transactions" },
      { id: "BE3", code: "SIGNATURE_MODE_MISMATCH", check: "transaction by transaction, valid by TE1–TE4 (their codes); the vectors break it with a single-mode transaction without its signature" },
      { id: "BE4", code: "AGGREGATE_SIGNATURE_MISMATCH", check: "an aggregate signature iff some transaction is in aggregate mode (B8)" },
      { id: "BE5", code: "TX_ROOT_MISMATCH", check: "`txRoot = MTH(transaction encodings)` (B9)" },
      { id: "BE6", code: "BLOCK_TOO_LARGE", check: "the encoding is at most `MAX_BLOCK_SIZE` bytes" },
    ],
    exclusive: [
      ...["BE1", "BE3", "BE4", "BE5", "BE6"].map((id) => ({ rules: ["BE2", id] as const, why: `BE2: ${NO_BLOCK_LIMIT}` })),
      ...["BE1", "BE3", "BE4", "BE5"].map((id) => ({ rules: [id, "BE6"] as const, why: `BE6: ${NO_BLOCK_LIMIT}` })),
    ],
  },
  {
    suite: "codec",
    operation: "compress",
    rules: [
      { id: "Z1", code: "TX_ROOT_MISMATCH", check: "every block, in list order, decodes by B1–B9 (the first failing block's code), **all of them before** `windowLog` is looked at; the vectors break it with a wrong tx root" },
      { id: "Z2", code: "FIELD_OUT_OF_RANGE", check: "`MIN_WINDOW_LOG ≤ windowLog ≤ MAX_WINDOW_LOG` (4 and 16 accepted, 3 and 17 rejected)" },
    ],
  },
  {
    suite: "codec",
    operation: "decompress",
    rules: [
      { id: "D1", code: "UNKNOWN_VERSION", check: "frame `version = 0x01`" },
      { id: "D2", code: "FIELD_OUT_OF_RANGE", check: "`MIN_WINDOW_LOG ≤ windowLog ≤ MAX_WINDOW_LOG`" },
      { id: "D3", code: "WINDOW_MISMATCH", check: "`windowLog` equals the first frame's" },
      { id: "D4", code: "SIZE_LIMIT_EXCEEDED", check: "`blockSize` (a varint32 as T4) `≤ min(L, MAX_BLOCK_SIZE)`" },
      { id: "D5", code: "NON_CANONICAL_VARINT", check: "the header as B2–B3, `txCount` as B4 (their codes); the vectors break it with an overlong `height`" },
      { id: "D6", code: "INVALID_FLAG", check: "transaction by transaction, in field order: head bits 2–7 zero (`INVALID_FLAG`); each account reference in the window (`BACKREF_OUT_OF_RANGE`) and canonical (`NON_CANONICAL_ACCOUNT_REF`); the nonce a u64 (`FIELD_OUT_OF_RANGE`); each decimal coding canonical (`NON_CANONICAL_AMOUNT`) and a u64 (`FIELD_OUT_OF_RANGE`); call data as T5; varints as T4; then the reconstruction so far `≤ blockSize` (`SIZE_MISMATCH`); the vectors break it with reserved head bits" },
      { id: "D7", code: "TRAILING_BYTES", check: "`aggFlag` as B6 (`INVALID_FLAG`), nothing follows (`TRAILING_BYTES`), the reconstruction exactly `blockSize` bytes (`SIZE_MISMATCH`), in this order; the vectors break it with a byte after the frame" },
      { id: "D8", code: "TX_ROOT_MISMATCH", check: "the reconstructed block valid by B1–B9 (B8 and B9 are the ones a frame can break); the vectors break it with a wrong tx root" },
    ],
  },
];
