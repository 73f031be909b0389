/**
 * Block-STM's parallel mode: W worker threads (node:worker_threads) run the same worker loop as the
 * deterministic mode over SharedArrayBuffers, truly concurrently; the calling thread only packs the
 * block, waits, and takes the snapshot. A pool is created once and reused for many blocks.
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BlockResult, State } from "../types.js";
import { Scheduler } from "./scheduler.js";
import { finishBlockStm, prepareBlockStm, type BlockStmBuffers, type BlockStmOptions } from "./setup.js";
import type { DoneMessage, Recorded, RunMessage, StateMessage } from "./thread.js";
import { CAPACITY_SCALES } from "./memory.js";
import type { BlockStmStats } from "./deterministic.js";

/** The compiled worker script: next to this module in dist/, or dist/ when this module runs from source (tests). */
function threadScript(): URL {
  const sibling = new URL("./thread.js", import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  return new URL("../../../dist/reference/exec/blockstm/thread.js", import.meta.url);
}

function packTxs(txs: readonly Uint8Array[]): { txBytes: SharedArrayBuffer; txOffsets: SharedArrayBuffer } {
  const total = txs.reduce((n, t) => n + t.length, 0);
  const txBytes = new SharedArrayBuffer(Math.max(1, total));
  const txOffsets = new SharedArrayBuffer(4 * (txs.length + 1));
  const bytes = new Uint8Array(txBytes);
  const offsets = new Int32Array(txOffsets);
  let at = 0;
  txs.forEach((t, i) => {
    offsets[i] = at;
    bytes.set(t, at);
    at += t.length;
  });
  offsets[txs.length] = at;
  return { txBytes, txOffsets };
}

export class BlockStmPool {
  private readonly threads: Worker[];
  /** The pre-state the threads hold a copy of (sent again whenever another Map is passed). */
  private sentState: State | null = null;
  /** The buffers of the last run that finished cleanly, reused by the next block of the same size; null while a run holds them. */
  private spare: BlockStmBuffers | null = null;

  constructor(readonly workers: number) {
    if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers: expected an integer ≥ 1, got ${workers}`);
    const script = threadScript();
    this.threads = Array.from({ length: workers }, () => new Worker(script));
  }

  private runOn(thread: Worker, m: RunMessage): Promise<DoneMessage> {
    return new Promise((resolve, reject) => {
      const onMessage = (r: { ok?: DoneMessage; error?: string }) => {
        thread.off("error", reject);
        if (r.ok) resolve(r.ok);
        else reject(new Error(`Block-STM worker failed: ${r.error}`));
      };
      thread.once("message", onMessage);
      thread.once("error", reject);
      thread.postMessage(m);
    });
  }

  /**
   * Executes a block with Block-STM on the pool's threads (retrying with larger buffers if a capacity
   * ran out). Each thread keeps a copy of the pre-state, sent when a different Map object is passed:
   * a caller MUST NOT modify a pre-state Map between calls that pass it (pass a new Map instead).
   */
  async execute(preState: State, txs: readonly Uint8Array[], opts: BlockStmOptions = {}): Promise<{ result: BlockResult; stats: BlockStmStats }> {
    for (const scale of CAPACITY_SCALES) {
      try {
        return await this.executeAt(scale, preState, txs, opts);
      } catch (e) {
        if (!(e instanceof Error && e.message.includes("MVMemory:"))) throw e;
      }
    }
    throw new RangeError(`Block-STM: block of ${txs.length} transactions exceeds the engine's largest buffers`);
  }

  private async executeAt(scale: number, preState: State, txs: readonly Uint8Array[], opts: BlockStmOptions): Promise<{ result: BlockResult; stats: BlockStmStats }> {
    if (this.sentState !== preState) {
      for (const t of this.threads) t.postMessage({ state: preState } satisfies StateMessage);
      this.sentState = preState;
    }
    const reuse = this.spare ?? undefined;
    this.spare = null; // a concurrent call (or a failed run) never shares or reuses these
    const { buffers, memory } = prepareBlockStm(preState, txs, true, scale, reuse, opts.fallback);
    const m: RunMessage = { buffers, ...packTxs(txs), verifySignatures: opts.verifySignatures === true };
    const running = Promise.all(this.threads.map((t) => this.runOn(t, m).catch((e: Error) => e)));
    const postState: State = new Map(preState); // while the workers run: the calling thread is idle
    const done = await running;
    const failed = done.find((d): d is Error => d instanceof Error);
    if (failed) throw failed;
    const best: { inc: number; effect: Recorded }[] = [];
    for (const d of done as DoneMessage[]) for (const [txn, inc, effect] of d.records) if (!best[txn] || best[txn]!.inc < inc) best[txn] = { inc, effect };
    const scheduler = new Scheduler(new Int32Array(buffers.scheduler), txs.length);
    const incarnations = txs.map((_, j) => scheduler.incarnationOf(j) + 1);
    const sum = (f: (s: DoneMessage["stats"]) => number) => (done as DoneMessage[]).reduce((a, d) => a + f(d.stats), 0);
    const { result, fallbackAt } = finishBlockStm(postState, memory, txs.map((_, j) => best[j]?.effect), { scheduler, txs, opts, signatureCache: new Int32Array(buffers.signatureCache) });
    this.spare = buffers; // every worker has finished with them
    return {
      result,
      stats: { incarnations, records: [], executions: sum((s) => s.executions), validations: sum((s) => s.validations), dependencies: sum((s) => s.dependencies), steps: 0, fallbackAt },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
