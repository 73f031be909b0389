/**
 * What both Block-STM modes share: the buffers of a block (multi-version memory, scheduler words,
 * signature cache) with the pre-state loaded, and the assembly of the result from the snapshot.
 * @module
 */
import { toHex } from "../../common/hex.js";
import { assembleResult, checkBlockSize } from "../sequential.js";
import type { BlockResult, State, TxEffect } from "../types.js";
import { allocateMemory, memoryCapacities, MVMemory, resetMemory, type MemoryBuffers } from "./memory.js";
import { schedulerWords } from "./scheduler.js";

export interface BlockStmBuffers {
  memory: MemoryBuffers;
  scheduler: ArrayBufferLike;
  signatureCache: ArrayBufferLike;
}

/** A key's pre-state value, for {@link MVMemory}'s lookup when a key enters the table. */
export const baseLookup =
  (preState: State) =>
  (key: Uint8Array): bigint =>
    preState.get(toHex(key)) ?? 0n;

/**
 * A block's buffers (keys enter the table on first touch, with their pre-state value). `reuse`: the
 * buffers of an earlier, finished run; they are reset and used again when their sizes are exactly
 * those this block needs (timing only: a reset buffer set behaves as a fresh one).
 */
export function prepareBlockStm(preState: State, txs: readonly Uint8Array[], shared: boolean, scale = 1, reuse?: BlockStmBuffers): { buffers: BlockStmBuffers; memory: MVMemory } {
  checkBlockSize(txs);
  const n = txs.length;
  let buffers: BlockStmBuffers;
  if (reuse !== undefined && fits(reuse, n, preState.size, scale)) {
    resetMemory(reuse.memory);
    new Int32Array(reuse.scheduler).fill(0);
    new Int32Array(reuse.signatureCache).fill(0);
    buffers = reuse;
  } else {
    const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    buffers = { memory: allocateMemory(n, preState.size, shared, scale), scheduler: buf(schedulerWords(n) * 4), signatureCache: buf(Math.max(1, n) * 4) };
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
 * final values of the written keys are applied to it.
 */
export function finishBlockStm(postState: State, memory: MVMemory, effects: readonly (Pick<TxEffect, "outcome" | "events"> | undefined)[]): BlockResult {
  memory.forEachWritten(memory.n, (k, v) => {
    if (v === 0n) postState.delete(memory.keyHex(k));
    else postState.set(memory.keyHex(k), v);
  });
  return assembleResult(
    postState,
    effects.map((e, i) => {
      if (e === undefined) throw new Error(`Block-STM: transaction ${i} has no recorded effect`);
      return e;
    }),
  );
}
