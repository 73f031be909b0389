/**
 * What both Block-STM modes share: the buffers of a block (multi-version memory, scheduler words,
 * signature cache) with the pre-state loaded, and the assembly of the result from the snapshot.
 * @module
 */
import { assembleResult, checkBlockSize } from "../sequential.js";
import type { BlockResult, ExecOptions, State, TxEffect } from "../types.js";
import { allocateMemory, memoryCapacities, MVMemory, resetMemory, type MemoryBuffers } from "./memory.js";
import { PreStateIndex } from "./prestate.js";
import { allocateOutcomes, OutcomeTable, type OutcomeBuffers } from "./outcomes.js";
import { Scheduler, schedulerWords } from "./scheduler.js";

/**
 * The re-execution fallback (spec/exec.md §Block-STM, "Sequential fallback"): once `minExecutions`
 * executions have started and they exceed `maxRatio` times the transactions started, the workers
 * stop, the committed prefix is kept and the rest of the block is executed sequentially. A timing
 * policy only: the result is the sequential one whether or not it triggers.
 */
export interface FallbackPolicy {
  minExecutions: number;
  maxRatio: number;
}

/** The default: with two executions per transaction started, two workers do no better than one. */
export const DEFAULT_FALLBACK: FallbackPolicy = { minExecutions: 64, maxRatio: 2 };

/** Block-STM's options: the execution options and the fallback policy (`false`: never fall back). */
export interface BlockStmOptions extends ExecOptions {
  fallback?: FallbackPolicy | false;
}

export interface BlockStmBuffers {
  memory: MemoryBuffers;
  scheduler: ArrayBufferLike;
  signatureCache: ArrayBufferLike;
  /** Per-transaction outcomes written by the worker threads (parallel mode). */
  outcomes: OutcomeBuffers;
}

/**
 * A key's pre-state value, for {@link MVMemory}'s lookup when a key enters the table. The index is
 * built on the first lookup (the caller's view of a parallel run never looks up).
 */
export function baseLookup(preState: State | PreStateIndex): (key: Uint8Array) => bigint {
  let index = preState instanceof PreStateIndex ? preState : null;
  return (key) => (index ??= new PreStateIndex(preState as State)).get(key);
}

/**
 * A block's buffers (keys enter the table on first touch, with their pre-state value). `reuse`: the
 * buffers of an earlier, finished run; they are reset and used again when their sizes are exactly
 * those this block needs (timing only: a reset buffer set behaves as a fresh one).
 */
export function prepareBlockStm(preState: State, txs: readonly Uint8Array[], shared: boolean, scale = 1, reuse?: BlockStmBuffers, fallback?: FallbackPolicy | false): { buffers: BlockStmBuffers; memory: MVMemory } {
  checkBlockSize(txs);
  const n = txs.length;
  let buffers: BlockStmBuffers;
  if (reuse !== undefined && fits(reuse, n, preState.size, scale)) {
    resetMemory(reuse.memory);
    new Int32Array(reuse.scheduler).fill(0);
    new Int32Array(reuse.signatureCache).fill(0);
    new OutcomeTable(reuse.outcomes).reset();
    buffers = reuse;
  } else {
    const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    buffers = { memory: allocateMemory(n, preState.size, shared, scale), scheduler: buf(schedulerWords(n) * 4), signatureCache: buf(Math.max(1, n) * 4), outcomes: allocateOutcomes(n, buf) };
  }
  const policy = fallback === undefined ? DEFAULT_FALLBACK : fallback;
  if (policy !== false) {
    if (!Number.isSafeInteger(policy.minExecutions) || policy.minExecutions < 1 || !(policy.maxRatio >= 0)) throw new RangeError(`fallback: expected minExecutions ≥ 1 and maxRatio ≥ 0`);
    new Scheduler(new Int32Array(buffers.scheduler), n).configureFallback(policy.minExecutions, policy.maxRatio);
  }
  return { buffers, memory: new MVMemory(buffers.memory, baseLookup(preState)) };
}

function fits(b: BlockStmBuffers, n: number, preKeys: number, scale: number): boolean {
  const want = memoryCapacities(n, preKeys, scale);
  const m = b.memory;
  return m.n === n && m.keyCapacity === want.keyCapacity && m.entryCapacity === want.entryCapacity && m.arenaCapacity === want.arenaCapacity;
}

/**
 * The block result from the final multi-version memory and each transaction's last effect.
 * `postState` is a copy of the pre-state (the parallel mode makes it while the workers run); the
 * final values of the written keys are applied to it. If the workers stopped for the fallback, its
 * sequential suffix has run on the same memory (see executor.ts runSuffix); `fallbackAt` is where
 * it started, n when the fallback did not trigger.
 */
export function finishBlockStm(postState: State, memory: MVMemory, effects: readonly (Pick<TxEffect, "outcome" | "events"> | undefined)[], scheduler: Scheduler): { result: BlockResult; fallbackAt: number } {
  const n = memory.n;
  const fallbackAt = scheduler.fellBack() ? scheduler.fallbackAt() : n;
  if (fallbackAt < 0) throw new Error("Block-STM: the workers stopped for the fallback but its suffix did not run");
  memory.forEachWritten(n, (slot, v) => {
    if (v === 0n) postState.delete(memory.keyHex(slot));
    else postState.set(memory.keyHex(slot), v);
  });
  const all: Pick<TxEffect, "outcome" | "events">[] = [];
  for (let i = 0; i < n; i++) {
    const e = effects[i];
    if (e === undefined) throw new Error(`Block-STM: transaction ${i} has no recorded effect`);
    all.push(e);
  }
  return { result: assembleResult(postState, all), fallbackAt };
}
