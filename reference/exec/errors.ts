/**
 * The closed vocabulary of exec reason codes (spec/exec.md §Validity rules). Two kinds share it:
 * codes that reject a whole operation input (a SpecError: `INVALID_PRE_STATE`, `TOO_MANY_TXS`) and
 * codes that appear inside a valid result as a transaction's outcome reason (invalid or abort).
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const EXEC_REASONS = {
  INVALID_PRE_STATE: "a pre-state entry with a key other than 32 bytes, a value zero or beyond u64, or keys not strictly ascending",
  TOO_MANY_TXS: "a block with more than MAX_BLOCK_TXS transactions",
  BLOCK_GAS_LIMIT: "a block whose transactions declare more than MAX_BLOCK_GAS gas in total",
  MALFORMED_TX: "transaction bytes that are not a canonical codec transaction",
  GAS_LIMIT_TOO_HIGH: "a fee (gas limit) above MAX_TX_GAS",
  FEE_TOO_LOW: "a fee (gas limit) below the intrinsic gas G_TX",
  BAD_SIGNATURE: "a single-mode signature that does not verify under the sender's key (when signatures are checked)",
  BAD_NONCE: "a nonce other than the sender's stored nonce, or the stored nonce is the largest u64",
  INSUFFICIENT_FEE_BALANCE: "a sender balance below the fee",
  ABORTED: "the program executed ABORT (the abort code is the popped word)",
  INSUFFICIENT_BALANCE: "a transfer of more than the payer's balance",
  BALANCE_OVERFLOW: "a transfer that would take the payee's balance beyond u64",
  ARITHMETIC_OVERFLOW: "ADD, SUB or MUL whose exact result is outside u64",
  DIVISION_BY_ZERO: "DIV or MOD by zero",
  STACK_UNDERFLOW: "an instruction needs more operands than the stack holds",
  STACK_OVERFLOW: "a push beyond MAX_STACK words",
  INVALID_OPCODE: "a byte that is not an opcode",
  TRUNCATED_PROGRAM: "an instruction's immediate runs past the end of the program",
  INVALID_JUMP: "a jump target beyond the end of the program",
  KEY_LIMIT: "a transaction accesses more than MAX_TX_KEYS distinct storage keys",
} as const;

export type ExecReason = keyof typeof EXEC_REASONS;

/** Throws the exec suite's {@link SpecError}. */
export const fail = errorFactory("exec", EXEC_REASONS);
