/**
 * The entry of a Block-STM worker thread (parallel mode): runs {@link runWorker} straight through on
 * the shared buffers of each block it is sent, then posts the effects it recorded.
 * @module
 */
import { parentPort } from "node:worker_threads";
import type { State, TxEffect } from "../types.js";
import { drain, runWorker, type WorkerStats } from "./executor.js";
import { MVMemory } from "./memory.js";
import { Scheduler } from "./scheduler.js";
import { baseLookup, type BlockStmBuffers } from "./setup.js";

/** The pre-state every later block runs over, until the next such message. */
export interface StateMessage {
  state: State;
}

export interface RunMessage {
  buffers: BlockStmBuffers;
  /** Concatenated transaction encodings and their n + 1 offsets, shared. */
  txBytes: SharedArrayBuffer;
  txOffsets: SharedArrayBuffer;
  verifySignatures: boolean;
}

/** A transaction's last recorded outcome and events (the writes are in the shared memory already). */
export type Recorded = Pick<TxEffect, "outcome" | "events">;

export interface DoneMessage {
  records: [txn: number, incarnation: number, effect: Recorded][];
  stats: WorkerStats;
}

/**
 * The block's transactions as views of one private copy: the VM, the codec and the hashes read them
 * many times, and V8 indexes typed arrays over a SharedArrayBuffer markedly slower than private ones.
 */
function unpackTxs(bytes: SharedArrayBuffer, offsets: SharedArrayBuffer): Uint8Array[] {
  const all = new Uint8Array(bytes).slice();
  const at = new Int32Array(offsets);
  return Array.from({ length: at.length - 1 }, (_, i) => all.subarray(at[i]!, at[i + 1]!));
}

let preState: State = new Map();

function run(m: RunMessage): DoneMessage {
  const txs = unpackTxs(m.txBytes, m.txOffsets);
  const last = new Map<number, [number, Recorded]>();
  const stats: WorkerStats = { executions: 0, validations: 0, dependencies: 0 };
  const ctx = {
    memory: new MVMemory(m.buffers.memory, baseLookup(preState)),
    scheduler: new Scheduler(new Int32Array(m.buffers.scheduler), txs.length),
    txs,
    verifySignatures: m.verifySignatures,
    signatureCache: new Int32Array(m.buffers.signatureCache),
    onRecord: (txn: number, incarnation: number, effect: TxEffect) => void last.set(txn, [incarnation, { outcome: effect.outcome, events: effect.events }]),
  };
  try {
    drain(runWorker(ctx, stats));
  } catch (e) {
    ctx.scheduler.halt();
    throw e;
  }
  return { records: [...last].map(([txn, [inc, effect]]) => [txn, inc, effect]), stats };
}

parentPort?.on("message", (m: RunMessage | StateMessage) => {
  if ("state" in m) {
    preState = m.state;
    return;
  }
  try {
    parentPort!.postMessage({ ok: run(m) });
  } catch (e) {
    parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) });
  }
});
