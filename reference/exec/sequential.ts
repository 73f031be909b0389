/**
 * Sequential execution, THE definition of a block's result: spec/exec.md §Block execution.
 *
 *   (pre-state, block) → (post-state, per-transaction outcome, gas used, events)
 *
 * Transactions run one after another, each against the state its predecessors left. Every other
 * executor (Block-STM in ./blockstm) must produce exactly this.
 * @module
 */
import { MAX_BLOCK_TXS, type Transaction } from "../codec/index.js";
import { toHex } from "../common/hex.js";
import { fail } from "./errors.js";
import type { BlockResult, ExecEvent, ExecOptions, State, TxEffect } from "./types.js";
import { processTx, verifyTxSignature, type Access } from "./vm.js";

/** Rule S2: at most MAX_BLOCK_TXS transactions. */
export function checkBlockSize(txs: readonly Uint8Array[]): void {
  if (txs.length > MAX_BLOCK_TXS) fail("TOO_MANY_TXS", `${txs.length} transactions > ${MAX_BLOCK_TXS}`);
}

/** The signature check of rule V4 for one encoded transaction, or null when signatures are not checked. */
export function signatureCheck(encoded: Uint8Array, opts: ExecOptions): ((tx: Transaction) => boolean) | null {
  return opts.verifySignatures ? (tx) => verifyTxSignature(tx, encoded) : null;
}

/** Drives a transaction's reads from a map (missing keys read 0). */
export function runAgainst<T>(state: State, access: Access<T>): T {
  let step = access.next();
  while (!step.done) step = access.next(state.get(toHex(step.value)) ?? 0n);
  return step.value;
}

/** Applies an effect's writes to a state: a zero value deletes the key. */
export function applyWrites(state: State, writes: TxEffect["writes"]): void {
  for (const [key, value] of writes) {
    const h = toHex(key);
    if (value === 0n) state.delete(h);
    else state.set(h, value);
  }
}

/** Gathers per-transaction effects into a block result (shared by every executor). */
export function assembleResult(postState: State, effects: readonly Pick<TxEffect, "outcome" | "events">[]): BlockResult {
  const events: ExecEvent[] = [];
  let gasUsed = 0n;
  effects.forEach((e, tx) => {
    for (const ev of e.events) events.push({ tx, contract: ev.contract, value: ev.value });
    gasUsed += BigInt(e.outcome.gasUsed);
  });
  return { postState, outcomes: effects.map((e) => e.outcome), events, gasUsed };
}

/** Executes a block sequentially: the definition (§Block execution). `preState` is not modified. */
export function executeBlock(preState: State, txs: readonly Uint8Array[], opts: ExecOptions = {}): BlockResult {
  checkBlockSize(txs);
  const state: State = new Map(preState);
  const effects = txs.map((encoded) => {
    const effect = runAgainst(state, processTx(encoded, signatureCheck(encoded, opts)));
    applyWrites(state, effect.writes);
    return effect;
  });
  return assembleResult(state, effects);
}
