/**
 * What both Block-STM modes share: the buffers of a block (multi-version memory, scheduler words,
 * signature cache) with the pre-state loaded, and the assembly of the result from the snapshot.
 * @module
 */
import { toHex } from "../../common/hex.js";
import { assembleResult, checkBlockSize } from "../sequential.js";
import type { BlockResult, State, TxEffect } from "../types.js";
import { allocateMemory, MVMemory, type MemoryBuffers } from "./memory.js";
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

/** Allocates a block's buffers (keys enter the table on first touch, with their pre-state value). */
export function prepareBlockStm(preState: State, txs: readonly Uint8Array[], shared: boolean, scale = 1): { buffers: BlockStmBuffers; memory: MVMemory } {
  checkBlockSize(txs);
  const n = txs.length;
  const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const buffers: BlockStmBuffers = { memory: allocateMemory(n, preState.size, shared, scale), scheduler: buf(schedulerWords(n) * 4), signatureCache: buf(Math.max(1, n) * 4) };
  return { buffers, memory: new MVMemory(buffers.memory, baseLookup(preState)) };
}

/** The block result from the final multi-version memory and each transaction's last effect. */
export function finishBlockStm(preState: State, memory: MVMemory, effects: readonly (Pick<TxEffect, "outcome" | "events"> | undefined)[]): BlockResult {
  const postState: State = new Map(preState);
  for (const [k, v] of memory.snapshot()) {
    if (v === 0n) postState.delete(toHex(k));
    else postState.set(toHex(k), v);
  }
  return assembleResult(
    postState,
    effects.map((e, i) => {
      if (e === undefined) throw new Error(`Block-STM: transaction ${i} has no recorded effect`);
      return e;
    }),
  );
}
