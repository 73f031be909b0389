/**
 * The control words a {@link BlockStmPool} and its threads share (parallel mode): the pool starts a
 * command by bumping a generation and waking the threads (`Atomics.notify`); each thread counts
 * itself out when done and the last one wakes the pool (`Atomics.waitAsync` on its side). Timing
 * only: this replaces two messages per thread and block.
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import type { State, TxEffect } from "../types.js";
import type { WorkerStats } from "./executor.js";
import type { BlockStmBuffers } from "./setup.js";

const GENERATION = 0;
const COMMAND = 1;
const BLOCK_SIZE = 2;
const VERIFY = 3;
const THREADS = 4;
/** Threads that have left the worker loop in the current command. */
const LEFT = 8;
/** On a 64-byte line of its own: the threads decrement it as they finish. */
const PENDING = 16;
const STATS = 32;
const STATS_WORDS = 4;

/** What a thread is given at its start. */
export interface ThreadData {
  control: SharedArrayBuffer;
  /** The thread's end of its channel with the pool. */
  port: MessagePort;
  /** The thread's index, for its statistics words. */
  index: number;
}

/** Pool → thread, before a command, whenever one of these changed. */
export interface InstallMessage {
  state?: State;
  buffers?: BlockStmBuffers;
  /** Concatenated transaction encodings (a prefix is used) and their offsets, shared. */
  txBytes?: SharedArrayBuffer;
  txOffsets?: SharedArrayBuffer;
}

/** Thread → pool, only when a run recorded events or failed (read after every thread has counted itself out). */
export interface ReplyMessage {
  /** The events of the last incarnation of each transaction the thread recorded with events. */
  events: [txn: number, incarnation: number, events: TxEffect["events"]][];
  error?: string;
  /** The error was a capacity of the buffers running out (the pool retries with larger ones). */
  capacity?: boolean;
}

export class Control {
  static readonly RUN = 1;
  static readonly EXIT = 2;

  static allocate(threads: number): SharedArrayBuffer {
    return new SharedArrayBuffer(4 * (STATS + STATS_WORDS * threads));
  }

  private readonly words: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer);
  }

  generation = (): number => Atomics.load(this.words, GENERATION);
  command = (): number => Atomics.load(this.words, COMMAND);
  blockSize = (): number => Atomics.load(this.words, BLOCK_SIZE);
  verifySignatures = (): boolean => Atomics.load(this.words, VERIFY) === 1;

  // ---- thread side ----

  /** Sleeps until the generation differs from `seen`. */
  awaitGeneration(seen: number): void {
    while (Atomics.load(this.words, GENERATION) === seen) Atomics.wait(this.words, GENERATION, seen);
  }

  /** Counts a thread out of the worker loop; true for the last one (every other has stopped). */
  leaveLoop(): boolean {
    return Atomics.add(this.words, LEFT, 1) === Atomics.load(this.words, THREADS) - 1;
  }

  /** Publishes a thread's statistics and counts it out; the last thread wakes the pool. */
  finish(index: number, stats: WorkerStats): void {
    const at = STATS + STATS_WORDS * index;
    Atomics.store(this.words, at, stats.executions);
    Atomics.store(this.words, at + 1, stats.validations);
    Atomics.store(this.words, at + 2, stats.dependencies);
    if (Atomics.sub(this.words, PENDING, 1) === 1) Atomics.notify(this.words, PENDING);
  }

  // ---- pool side ----

  /** Starts `command` on `threads` threads (a block of `n` transactions for RUN). */
  start(command: number, threads: number, n = 0, verifySignatures = false): void {
    Atomics.store(this.words, COMMAND, command);
    Atomics.store(this.words, BLOCK_SIZE, n);
    Atomics.store(this.words, VERIFY, verifySignatures ? 1 : 0);
    Atomics.store(this.words, THREADS, threads);
    Atomics.store(this.words, LEFT, 0);
    Atomics.store(this.words, PENDING, command === Control.RUN ? threads : 0);
    Atomics.add(this.words, GENERATION, 1);
    Atomics.notify(this.words, GENERATION);
  }

  /** Resolves when every thread has counted itself out of the current command. */
  async finished(): Promise<void> {
    for (;;) {
      const pending = Atomics.load(this.words, PENDING);
      if (pending === 0) return;
      const w = Atomics.waitAsync(this.words, PENDING, pending);
      if (w.async) await w.value;
    }
  }

  stats(index: number): WorkerStats {
    const at = STATS + STATS_WORDS * index;
    return { executions: Atomics.load(this.words, at), validations: Atomics.load(this.words, at + 1), dependencies: Atomics.load(this.words, at + 2) };
  }
}
