/**
 * What both Block-STM modes share: the buffers of a block (multi-version memory, scheduler words,
 * signature cache) with the pre-state loaded, and the assembly of the result from the snapshot.
 * @module
 */
import { fromHex, toHex } from "../../common/hex.js";
import { assembleResult, checkBlockSize } from "../sequential.js";
import type { BlockResult, State, TxEffect } from "../types.js";
import { allocateMemory, MVMemory, type MemoryBuffers } from "./memory.js";
import { schedulerWords } from "./scheduler.js";

export interface BlockStmBuffers {
  memory: MemoryBuffers;
  scheduler: ArrayBufferLike;
  signatureCache: ArrayBufferLike;
}

/** Allocates a block's buffers and loads the pre-state into the key table. */
export function prepareBlockStm(preState: State, txs: readonly Uint8Array[], shared: boolean, scale = 1): { buffers: BlockStmBuffers; memory: MVMemory } {
  checkBlockSize(txs);
  const n = txs.length;
  const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const buffers: BlockStmBuffers = { memory: allocateMemory(n, preState.size, shared, scale), scheduler: buf(schedulerWords(n) * 4), signatureCache: buf(Math.max(1, n) * 4) };
  const memory = new MVMemory(buffers.memory);
  for (const [k, v] of preState) memory.setBase(fromHex(k, "key"), v);
  return { buffers, memory };
}

/** The block result from the final multi-version memory and each transaction's last effect. */
export function finishBlockStm(memory: MVMemory, effects: readonly (Pick<TxEffect, "outcome" | "events"> | undefined)[]): BlockResult {
  const postState: State = new Map();
  for (const [k, v] of memory.snapshot()) postState.set(toHex(k), v);
  return assembleResult(
    postState,
    effects.map((e, i) => {
      if (e === undefined) throw new Error(`Block-STM: transaction ${i} has no recorded effect`);
      return e;
    }),
  );
}
