/**
 * Sequential execution, THE definition of a block's result: spec/exec.md §Block execution.
 *
 *   (pre-state, block) → (post-state, per-transaction outcome, gas used, events)
 *
 * Transactions run one after another, each against the state its predecessors left. Every other
 * executor (Block-STM in ./blockstm) must produce exactly this.
 * @module
 */
import { decodeTx, MAX_BLOCK_TXS, type Transaction } from "../codec/index.js";
import { isSpecError } from "../common/errors.js";
import { toHex } from "../common/hex.js";
import { MAX_BLOCK_GAS, MAX_TX_GAS } from "./constants.js";
import { fail } from "./errors.js";
import type { BlockResult, ExecEvent, ExecOptions, State, TxEffect } from "./types.js";
import { processTx, verifyTxSignature, type Access } from "./vm.js";

/**
 * Rules S2 and S3: at most MAX_BLOCK_TXS transactions, and at most MAX_BLOCK_GAS gas declared: the
 * sum of the fees of the transactions that decode with a fee ≤ MAX_TX_GAS (the only ones whose
 * body can run). Bounds a block's work before any transaction runs.
 */
export function checkBlockSize(txs: readonly Uint8Array[]): void {
  if (txs.length > MAX_BLOCK_TXS) fail("TOO_MANY_TXS", `${txs.length} transactions > ${MAX_BLOCK_TXS}`);
  let declared = 0n;
  for (const encoded of txs) {
    let fee: bigint;
    try {
      fee = decodeTx(encoded).fee;
    } catch (e) {
      if (isSpecError(e, "codec")) continue;
      throw e;
    }
    if (fee <= BigInt(MAX_TX_GAS)) declared += fee;
  }
  if (declared > BigInt(MAX_BLOCK_GAS)) fail("BLOCK_GAS_LIMIT", `the transactions declare ${declared} gas > ${MAX_BLOCK_GAS}`);
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
