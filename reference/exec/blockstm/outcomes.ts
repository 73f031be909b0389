/**
 * Per-transaction outcomes in shared memory (parallel mode): each worker writes the outcome of every
 * incarnation it records into the transaction's row, so that only events (rare: LOG in a call) travel
 * back by message. The last incarnation recorded is the one in the row: incarnation i + 1 starts only
 * after a validator aborted i, which it can do only once i is EXECUTED, i.e. after i's row was
 * written and published by finish_execution's atomic store. The row carries the incarnation so the
 * reader can check that.
 * @module
 */
import { EXEC_REASONS, type ExecReason } from "../errors.js";
import type { TxOutcome, TxStatus } from "../types.js";

const STATUSES: readonly TxStatus[] = ["success", "abort", "out_of_gas", "invalid"];
const REASONS = Object.keys(EXEC_REASONS) as ExecReason[];
const STATUS_INDEX = new Map(STATUSES.map((s, i) => [s, i]));
const REASON_INDEX = new Map(REASONS.map((r, i) => [r, i]));

/** Words of a row: incarnation + 1 (0 = never recorded), status, reason + 1 (0 = null), gas used, abort code present, event count. */
const ROW = 6;

export interface OutcomeBuffers {
  rows: ArrayBufferLike;
  abortCodes: ArrayBufferLike;
}

export function allocateOutcomes(n: number, buf: (bytes: number) => ArrayBufferLike): OutcomeBuffers {
  return { rows: buf(Math.max(1, n) * ROW * 4), abortCodes: buf(Math.max(1, n) * 8) };
}

export class OutcomeTable {
  private readonly rows: Int32Array;
  private readonly abortCodes: BigUint64Array;

  constructor(buffers: OutcomeBuffers) {
    this.rows = new Int32Array(buffers.rows);
    this.abortCodes = new BigUint64Array(buffers.abortCodes);
  }

  /** Clears every row (buffers reused for another block). */
  reset(): void {
    this.rows.fill(0);
  }

  /** Writes the outcome of (txn, incarnation); the caller publishes it by finish_execution. */
  write(txn: number, incarnation: number, outcome: TxOutcome, events: number): void {
    const r = ROW * txn;
    this.rows[r + 1] = STATUS_INDEX.get(outcome.status)!;
    this.rows[r + 2] = outcome.reason === null ? 0 : REASON_INDEX.get(outcome.reason)! + 1;
    this.rows[r + 3] = outcome.gasUsed;
    this.rows[r + 4] = outcome.abortCode === null ? 0 : 1;
    this.rows[r + 5] = events;
    if (outcome.abortCode !== null) this.abortCodes[txn] = outcome.abortCode;
    this.rows[r] = incarnation + 1;
  }

  /** The incarnation whose outcome the row holds, or −1 if none was recorded. */
  incarnationOf(txn: number): number {
    return this.rows[ROW * txn]! - 1;
  }

  /** How many events the recorded incarnation emitted (they come back by message). */
  eventCount(txn: number): number {
    return this.rows[ROW * txn + 5]!;
  }

  read(txn: number): TxOutcome {
    const r = ROW * txn;
    const reason = this.rows[r + 2]!;
    return {
      status: STATUSES[this.rows[r + 1]!]!,
      reason: reason === 0 ? null : REASONS[reason - 1]!,
      abortCode: this.rows[r + 4] === 0 ? null : this.abortCodes[txn]!,
      gasUsed: this.rows[r + 3]!,
    };
  }
}
