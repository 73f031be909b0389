/**
 * The ordered checks of the secagg operations that take untrusted values directly (reference/common/
 * rules.ts; rendered in spec/secagg.md §Validity rules). The functions check in exactly this order.
 * The protocol messages' checks are listed in the spec's client and server tables and exercised by
 * the scenario vectors.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

export const SHAMIR_RECONSTRUCT_RULES: RuleTable = {
  suite: "secagg",
  operation: "shamir_reconstruct",
  rules: [
    { id: "R1", code: "SECRET_LENGTH", check: "the secret length is 1..`MAX_SECRET_LENGTH` (1024) bytes" },
    { id: "R2", code: "PARAMETER_OUT_OF_RANGE", check: "the threshold t is at least 2" },
    { id: "R3", code: "TOO_FEW_SHARES", check: "at least t shares are given" },
    { id: "R4", code: "DUPLICATE_SHARE", check: "the evaluation points are distinct and in 1..p − 1" },
    { id: "R5", code: "SECRET_LENGTH", check: "every share has 4 · ceil(8 · len / 31) bytes" },
    { id: "R6", code: "VALUE_OUT_OF_RANGE", check: "every share element (big-endian u32) is below p" },
    { id: "R7", code: "INCONSISTENT_SHARES", check: "every share after the first t lies on the polynomials the first t interpolate" },
    { id: "R8", code: "INCONSISTENT_SHARES", check: "the interpolated value is below 2^(8 · len)" },
  ],
  exclusive: [
    { rules: ["R3", "R7"], why: "with fewer than t shares there is no share after the first t" },
    { rules: ["R3", "R8"], why: "with fewer than t shares nothing is interpolated" },
  ],
};

export const QUANTIZE_RULES: RuleTable = {
  suite: "secagg",
  operation: "quantize",
  rules: [
    { id: "Q1", code: "PARAMETER_OUT_OF_RANGE", check: "the bit width ℓ is 1..32" },
    { id: "Q2", code: "PARAMETER_OUT_OF_RANGE", check: "the client bound N is 1..65536" },
    { id: "Q3", code: "PARAMETER_OUT_OF_RANGE", check: "the clip bound c satisfies 0 < c ≤ 2^32" },
    { id: "Q4", code: "OVERFLOW_BOUND", check: "m = floor((2^ℓ − 1) / N) is at least 1, so N · m ≤ R − 1" },
    { id: "Q5", code: "PARAMETER_OUT_OF_RANGE", check: "the vector has 1..2^24 elements" },
  ],
};

export const PRG_EXPAND_RULES: RuleTable = {
  suite: "secagg",
  operation: "prg_expand",
  rules: [
    { id: "P1", code: "PARAMETER_OUT_OF_RANGE", check: "the bit width ℓ is 1..32" },
    { id: "P2", code: "PARAMETER_OUT_OF_RANGE", check: "the length L is 1..2^24" },
  ],
};

export const KEY_AGREE_RULES: RuleTable = {
  suite: "secagg",
  operation: "key_agree",
  rules: [
    { id: "K1", code: "PARAMETER_OUT_OF_RANGE", check: "the secret key is a scalar in [1, n − 1] (32 bytes big-endian)" },
    { id: "K2", code: "INVALID_PUBLIC_KEY", check: "the public key is a 33-byte compressed SEC1 encoding of a P-256 point" },
  ],
};

export const SECAGG_RULES: readonly RuleTable[] = [SHAMIR_RECONSTRUCT_RULES, QUANTIZE_RULES, PRG_EXPAND_RULES, KEY_AGREE_RULES];
