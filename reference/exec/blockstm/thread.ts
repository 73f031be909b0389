/**
 * The entry of a Block-STM worker thread (parallel mode). The thread never returns to its event
 * loop: it sleeps on the pool's control word (`Atomics.wait`), takes what the pool sent on its port
 * (pre-state, buffers, block bytes; only when they change) with `receiveMessageOnPort`, runs
 * {@link runWorker} straight through, and signals the end by an atomic count. A block so costs no
 * message at all in the common case. Outcomes go to the shared {@link OutcomeTable}, writes to the
 * multi-version memory; only events (calls that LOG) and errors come back on the port.
 * @module
 */
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import type { TxEffect } from "../types.js";
import { drain, runSuffix, runWorker, type WorkerStats } from "./executor.js";
import { isCapacityError, MVMemory } from "./memory.js";
import { OutcomeTable } from "./outcomes.js";
import { Scheduler } from "./scheduler.js";
import { PreStateIndex } from "./prestate.js";
import { baseLookup, type BlockStmBuffers } from "./setup.js";
import { Control, type InstallMessage, type ReplyMessage, type ThreadData } from "./control.js";

/**
 * The block's transactions as views of one private copy: the VM, the codec and the hashes read them
 * many times, and V8 indexes typed arrays over a SharedArrayBuffer markedly slower than private ones.
 */
function unpackTxs(bytes: SharedArrayBuffer, offsets: SharedArrayBuffer, n: number): Uint8Array[] {
  const at = new Int32Array(offsets, 0, n + 1);
  const all = new Uint8Array(bytes, 0, at[n]!).slice();
  return Array.from({ length: n }, (_, i) => all.subarray(at[i]!, at[i + 1]!));
}

interface Installed {
  preState: PreStateIndex;
  buffers: BlockStmBuffers | null;
  txBytes: SharedArrayBuffer | null;
  txOffsets: SharedArrayBuffer | null;
}

function install(into: Installed, m: InstallMessage): void {
  if (m.state !== undefined) into.preState = new PreStateIndex(m.state);
  if (m.buffers !== undefined) into.buffers = m.buffers;
  if (m.txBytes !== undefined) into.txBytes = m.txBytes;
  if (m.txOffsets !== undefined) into.txOffsets = m.txOffsets;
}

/** Runs one block; returns the events of the last incarnation of each transaction this thread recorded with events. */
function runBlock(on: Installed, ctl: Control, n: number, verifySignatures: boolean, stats: WorkerStats): ReplyMessage["events"] {
  if (on.buffers === null || on.txBytes === null || on.txOffsets === null) throw new Error("Block-STM thread: run before the buffers were installed");
  const buffers = on.buffers;
  const outcomes = new OutcomeTable(buffers.outcomes);
  const events = new Map<number, [number, TxEffect["events"]]>();
  const ctx = {
    memory: new MVMemory(buffers.memory, baseLookup(on.preState)),
    scheduler: new Scheduler(new Int32Array(buffers.scheduler), n),
    txs: unpackTxs(on.txBytes, on.txOffsets, n),
    verifySignatures,
    signatureCache: new Int32Array(buffers.signatureCache),
    onRecord(txn: number, incarnation: number, effect: TxEffect): void {
      outcomes.write(txn, incarnation, effect.outcome, effect.events.length);
      if (effect.events.length > 0) events.set(txn, [incarnation, effect.events]);
    },
  };
  try {
    drain(runWorker(ctx, stats));
    // the last thread out of the loop runs the fallback's sequential suffix, once every worker has stopped
    if (ctl.leaveLoop() && ctx.scheduler.fellBack()) runSuffix(ctx);
  } catch (e) {
    ctx.scheduler.halt();
    throw e;
  }
  return [...events].map(([txn, [inc, evs]]) => [txn, inc, evs]);
}

/** The thread's loop: one iteration per command of the pool, until EXIT. */
function serve({ control, port, index }: ThreadData): void {
  const ctl = new Control(control);
  const on: Installed = { preState: new PreStateIndex(new Map()), buffers: null, txBytes: null, txOffsets: null };
  let seen = 0; // the pool's first command is generation 1, whether or not it was issued before this thread started
  for (;;) {
    ctl.awaitGeneration(seen);
    seen = ctl.generation();
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) install(on, m.message as InstallMessage);
    if (ctl.command() === Control.EXIT) break;
    const stats: WorkerStats = { executions: 0, validations: 0, dependencies: 0 };
    try {
      const events = runBlock(on, ctl, ctl.blockSize(), ctl.verifySignatures(), stats);
      if (events.length > 0) port.postMessage({ events } satisfies ReplyMessage);
    } catch (e) {
      port.postMessage({ events: [], error: String((e as Error)?.stack ?? e), capacity: isCapacityError(e) } satisfies ReplyMessage);
    }
    ctl.finish(index, stats);
  }
  port.close();
}

serve(workerData as ThreadData);
