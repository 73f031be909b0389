/** The exec component's value types (spec/exec.md §Types). u64 values are bigint, bytes Uint8Array. */
import type { ExecReason } from "./errors.js";

/** Storage: 32-byte key (lower-case hex) → non-zero u64. A missing key reads as 0; writing 0 deletes. */
export type State = Map<string, bigint>;

export type TxStatus = "success" | "abort" | "out_of_gas" | "invalid";

/** What happened to one transaction of a block. */
export interface TxOutcome {
  status: TxStatus;
  /** `null` for success and out_of_gas; an invalid or abort code otherwise. */
  reason: ExecReason | null;
  /** The popped word of ABORT (reason `ABORTED`), else `null`. */
  abortCode: bigint | null;
  /** Gas charged (burned): 0 when invalid, the fee when out of gas. */
  gasUsed: number;
}

/** An event emitted by LOG in a transaction whose body succeeded. */
export interface ExecEvent {
  tx: number;
  contract: Uint8Array;
  value: bigint;
}

/** One transaction's effect on storage, as the VM computes it against some view of the state. */
export interface TxEffect {
  outcome: TxOutcome;
  /** Final value of every key the transaction wrote, in first-write order (0 = delete). */
  writes: [key: Uint8Array, value: bigint][];
  /** Events of this transaction (without the block position). */
  events: { contract: Uint8Array; value: bigint }[];
}

/** (pre-state, block) → this: spec/exec.md §Block execution. */
export interface BlockResult {
  postState: State;
  outcomes: TxOutcome[];
  events: ExecEvent[];
  /** Σ gasUsed over the block. */
  gasUsed: bigint;
}

export interface ExecOptions {
  /** Check single-mode Ed25519 signatures (rule V4). Default false. */
  verifySignatures?: boolean;
}
