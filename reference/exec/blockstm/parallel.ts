/**
 * Block-STM's parallel mode: W worker threads (node:worker_threads) run the same worker loop as the
 * deterministic mode over SharedArrayBuffers, truly concurrently; the calling thread only packs the
 * block, starts the threads, waits, and takes the snapshot. A pool is created once and reused for
 * many blocks; its threads sleep on a shared control word between blocks (see control.ts).
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { BlockResult, State, TxEffect } from "../types.js";
import { Control, type InstallMessage, type ReplyMessage, type ThreadData } from "./control.js";
import type { BlockStmStats } from "./deterministic.js";
import type { WorkerStats } from "./executor.js";
import { CAPACITY_SCALES, isCapacityError } from "./memory.js";
import { OutcomeTable } from "./outcomes.js";
import { EXECUTED, Scheduler } from "./scheduler.js";
import { finishBlockStm, prepareBlockStm, type BlockStmBuffers, type BlockStmOptions } from "./setup.js";

/** The compiled worker script: next to this module in dist/, or dist/ when this module runs from source (tests). */
function threadScript(): URL {
  const sibling = new URL("./thread.js", import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  return new URL("../../../dist/reference/exec/blockstm/thread.js", import.meta.url);
}

/**
 * The caller's Node options, for the threads, without `--input-type`: a thread runs a module file,
 * and with that option (a caller run as `node --input-type=module -e …`) Node refuses to start it.
 */
const threadExecArgv = (): string[] => process.execArgv.filter((a) => !a.startsWith("--input-type"));

/** Copies the block into the shared buffers: the encodings back to back, and n + 1 offsets. */
function packTxs(txs: readonly Uint8Array[], txBytes: SharedArrayBuffer, txOffsets: SharedArrayBuffer): void {
  const bytes = new Uint8Array(txBytes);
  const offsets = new Int32Array(txOffsets);
  let at = 0;
  txs.forEach((t, i) => {
    offsets[i] = at;
    bytes.set(t, at);
    at += t.length;
  });
  offsets[txs.length] = at;
}

/** A shared buffer of at least `bytes`: `current` if it is large enough, else a new one with room to grow. */
const atLeast = (current: SharedArrayBuffer | null, bytes: number): SharedArrayBuffer =>
  current !== null && current.byteLength >= bytes ? current : new SharedArrayBuffer(Math.max(bytes, 2 * (current?.byteLength ?? 0), 1024));

/**
 * Each transaction's last recorded effect (outcome from the shared table, events from the replies);
 * undefined where none was recorded. A transaction left EXECUTED must hold the row of exactly that
 * incarnation (checked: a mismatch is an engine error, never a silently different result).
 */
function recordedEffects(table: OutcomeTable, scheduler: Scheduler, replies: readonly ReplyMessage[]): (Pick<TxEffect, "outcome" | "events"> | undefined)[] {
  const events = new Map<number, { inc: number; events: TxEffect["events"] }>();
  for (const d of replies) for (const [txn, inc, evs] of d.events) if ((events.get(txn)?.inc ?? -1) < inc) events.set(txn, { inc, events: evs });
  return Array.from({ length: scheduler.n }, (_, j) => {
    const inc = table.incarnationOf(j);
    if (inc < 0) return undefined;
    if (scheduler.statusOf(j) === EXECUTED && scheduler.incarnationOf(j) !== inc) throw new Error(`Block-STM: transaction ${j} is EXECUTED at incarnation ${scheduler.incarnationOf(j)} but its outcome row holds ${inc}`);
    const count = table.eventCount(j);
    if (count === 0) return { outcome: table.read(j), events: [] };
    const got = events.get(j);
    if (got === undefined || got.inc !== inc || got.events.length !== count) throw new Error(`Block-STM: transaction ${j} recorded ${count} events at incarnation ${inc}, not received`);
    return { outcome: table.read(j), events: got.events };
  });
}

interface Thread {
  worker: Worker;
  /** The pool's end of the thread's channel; never started, read with receiveMessageOnPort. */
  port: MessagePort;
}

export class BlockStmPool {
  private readonly threads: Thread[];
  private readonly control: Control;
  /** Rejects when a thread dies (an engine error: the pool is unusable afterwards). */
  private readonly died: Promise<never>;
  private dead: Error | null = null;
  /** What the threads hold (each is sent again only when it changes). */
  private sentState: State | null = null;
  private sentBuffers: BlockStmBuffers | null = null;
  private txBytes: SharedArrayBuffer | null = null;
  private txOffsets: SharedArrayBuffer | null = null;
  private sentTxBuffers: [SharedArrayBuffer | null, SharedArrayBuffer | null] = [null, null];
  /** The buffers of the last run that finished cleanly, reused by the next block of the same size; null while a run holds them. */
  private spare: BlockStmBuffers | null = null;
  /** Calls run one after another: they share the threads. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly workers: number) {
    if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers: expected an integer ≥ 1, got ${workers}`);
    const script = threadScript();
    const control = Control.allocate(workers);
    this.control = new Control(control);
    let die: (e: Error) => void = () => {};
    this.died = new Promise<never>((_, reject) => (die = reject));
    this.died.catch(() => {}); // observed by the run in progress, if any
    this.threads = Array.from({ length: workers }, (_, index) => {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(script, { workerData: { control, port: port2, index } satisfies ThreadData, transferList: [port2], execArgv: threadExecArgv() });
      const fail = (e: Error) => {
        this.dead ??= e;
        die(e);
      };
      worker.on("error", (e) => fail(new Error(`Block-STM thread ${index} failed: ${e.stack ?? e}`)));
      worker.on("exit", (code) => fail(new Error(`Block-STM thread ${index} exited (code ${code})`)));
      worker.unref(); // between blocks the threads do not keep the process alive (ref'd while a block runs)
      return { worker, port: port1 };
    });
  }

  /**
   * Executes a block with Block-STM on the pool's threads (retrying with larger buffers if a capacity
   * ran out). Each thread keeps a copy of the pre-state, sent when a different Map object is passed:
   * a caller MUST NOT modify a pre-state Map between calls that pass it (pass a new Map instead).
   * Concurrent calls are queued.
   */
  execute(preState: State, txs: readonly Uint8Array[], opts: BlockStmOptions = {}): Promise<{ result: BlockResult; stats: BlockStmStats }> {
    const run = this.queue.then(async () => {
      for (const scale of CAPACITY_SCALES) {
        try {
          return await this.executeAt(scale, preState, txs, opts);
        } catch (e) {
          if (!isCapacityError(e)) throw e;
        }
      }
      throw new RangeError(`Block-STM: block of ${txs.length} transactions exceeds the engine's largest buffers`);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Sends each thread what changed since the last block (nothing, in a steady stream of blocks). */
  private install(preState: State, buffers: BlockStmBuffers, txs: readonly Uint8Array[]): void {
    const m: InstallMessage = {};
    if (this.sentState !== preState) m.state = preState;
    if (this.sentBuffers !== buffers) m.buffers = buffers;
    this.txBytes = atLeast(this.txBytes, txs.reduce((n, t) => n + t.length, 0));
    this.txOffsets = atLeast(this.txOffsets, 4 * (txs.length + 1));
    if (this.sentTxBuffers[0] !== this.txBytes) m.txBytes = this.txBytes;
    if (this.sentTxBuffers[1] !== this.txOffsets) m.txOffsets = this.txOffsets;
    packTxs(txs, this.txBytes, this.txOffsets);
    if (Object.keys(m).length === 0) return;
    for (const t of this.threads) t.port.postMessage(m);
    this.sentState = preState;
    this.sentBuffers = buffers;
    this.sentTxBuffers = [this.txBytes, this.txOffsets];
  }

  private async executeAt(scale: number, preState: State, txs: readonly Uint8Array[], opts: BlockStmOptions): Promise<{ result: BlockResult; stats: BlockStmStats }> {
    if (this.dead) throw this.dead;
    const reuse = this.spare ?? undefined;
    this.spare = null; // a failed run's buffers are never reused
    const { buffers, memory } = prepareBlockStm(preState, txs, true, scale, reuse, opts.fallback);
    this.install(preState, buffers, txs);
    this.control.start(Control.RUN, this.threads.length, txs.length, opts.verifySignatures === true);
    const postState: State = new Map(preState); // while the threads run
    // Node does not count a pending Atomics.waitAsync as work: ref the threads so the process stays up
    for (const t of this.threads) t.worker.ref();
    try {
      await Promise.race([this.control.finished(), this.died]);
    } finally {
      for (const t of this.threads) t.worker.unref();
    }
    const replies: ReplyMessage[] = [];
    for (const t of this.threads) for (let m = receiveMessageOnPort(t.port); m !== undefined; m = receiveMessageOnPort(t.port)) replies.push(m.message as ReplyMessage);
    const failed = replies.find((r) => r.error !== undefined);
    if (failed) throw failed.capacity ? new RangeError(`MVMemory: capacity exhausted in a thread: ${failed.error}`) : new Error(`Block-STM worker failed: ${failed.error}`);
    const scheduler = new Scheduler(new Int32Array(buffers.scheduler), txs.length);
    const effects = recordedEffects(new OutcomeTable(buffers.outcomes), scheduler, replies);
    const incarnations = txs.map((_, j) => scheduler.incarnationOf(j) + 1);
    const stats = this.threads.map((_, i) => this.control.stats(i));
    const sum = (f: (s: WorkerStats) => number) => stats.reduce((a, s) => a + f(s), 0);
    const { result, fallbackAt } = finishBlockStm(postState, memory, effects, scheduler);
    this.spare = buffers; // every thread has finished with them
    return {
      result,
      stats: { incarnations, records: [], executions: sum((s) => s.executions), validations: sum((s) => s.validations), dependencies: sum((s) => s.dependencies), steps: 0, fallbackAt },
    };
  }

  /** Stops the threads (after the queued calls). */
  async close(): Promise<void> {
    await this.queue;
    this.dead ??= new Error("Block-STM pool closed");
    this.control.start(Control.EXIT, this.threads.length);
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    for (const t of this.threads) t.port.close();
  }
}
