/**
 * The exec rule tables (reference/common/rules.ts): the ordered checks of `execute_block` and
 * `state_root` (spec/exec.md §Validity rules). The reference checks in this order (checkPreState,
 * then checkTxStateless V1–V4, then processTx V5–V6); the pairwise vectors pin it.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

const S1 = { id: "S1", code: "INVALID_PRE_STATE", check: "pre-state entries: each key 32 bytes, each value in `[1, 2^64)`, keys strictly ascending (rejects the whole input)" };

export const EXEC_RULES: readonly RuleTable[] = [
  {
    suite: "exec",
    operation: "execute_block",
    rules: [
      S1,
      { id: "S2", code: "TOO_MANY_TXS", check: "at most `MAX_BLOCK_TXS` (2^20) transactions (rejects the whole input)" },
      { id: "S3", code: "BLOCK_GAS_LIMIT", check: "the fees of the transactions that decode (V1) with `fee ≤ MAX_TX_GAS` (V2) sum to at most `MAX_BLOCK_GAS` (rejects the whole input)" },
      { id: "V1", code: "MALFORMED_TX", check: "per transaction: the bytes decode as a codec transaction (codec's T1–T6, no trailing byte); from here on a broken rule makes that transaction's outcome `invalid` with the code, and the block goes on" },
      { id: "V2", code: "GAS_LIMIT_TOO_HIGH", check: "`fee ≤ MAX_TX_GAS` (10^6 accepted, 10^6 + 1 rejected)" },
      { id: "V3", code: "FEE_TOO_LOW", check: "`fee ≥ G_TX` (1 000 accepted, 999 rejected)" },
      { id: "V4", code: "BAD_SIGNATURE", check: "when `verifySignatures` and `sigMode = single`: ZIP-215 accepts the signature (Z1–Z4 of [Signatures](#signatures))" },
      { id: "V5", code: "BAD_NONCE", check: "`nonce` = the stored nonce, and the stored nonce `< 2^64 − 1` (read of `nonceKey(sender)`)" },
      { id: "V6", code: "INSUFFICIENT_FEE_BALANCE", check: "the sender's balance `≥ fee` (read of `balanceKey(sender)`; balance = fee accepted)" },
    ],
    exclusive: [
      { rules: ["V2", "V3"], why: "`fee > 10^6` and `fee < 1 000` cannot both hold" },
      ...["S1", "S3", "V1", "V2", "V3", "V4", "V5", "V6"].map((id) => ({ rules: ["S2", id] as const, why: "no vector can break S2: more than 2^20 transactions do not fit a protocol line (its place after S1 is normative all the same)" })),
    ],
  },
  { suite: "exec", operation: "state_root", rules: [S1] },
];
