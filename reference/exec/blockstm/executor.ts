/**
 * One Block-STM worker (Gelashvili et al. 2022, Algorithm 1 "run" and Algorithm 3 "try_execute",
 * "needs_reexecution"), written as a generator that **yields at every step where another worker may
 * act**: before each scheduler call, before each storage read, before recording, before validating.
 * The deterministic mode interleaves several such generators by a seeded choice at each yield; the
 * parallel mode runs one per thread straight through ({@link drain}).
 * @module
 */
import type { Transaction } from "../../codec/index.js";
import type { TxEffect } from "../types.js";
import { processTx, verifyTxSignature } from "../vm.js";
import { MVMemory, ReadKind } from "./memory.js";
import { EXECUTED, Scheduler, TaskKind } from "./scheduler.js";

/** Everything a worker shares with the others. */
export interface WorkerContext {
  memory: MVMemory;
  /** This worker's view of the shared scheduler words (the task fields are per worker). */
  scheduler: Scheduler;
  txs: readonly Uint8Array[];
  verifySignatures: boolean;
  /** Per transaction: 0 signature not checked yet, 1 valid, 2 invalid (stateless, so checked once). */
  signatureCache: Int32Array;
  /** Called with each recorded incarnation's effect; the last one of each transaction is its result. */
  onRecord(txn: number, incarnation: number, effect: TxEffect): void;
}

export interface WorkerStats {
  /** Executions started, including those stopped by a dependency. */
  executions: number;
  validations: number;
  dependencies: number;
}

function signatureCheck(ctx: WorkerContext, txn: number): ((tx: Transaction) => boolean) | null {
  if (!ctx.verifySignatures) return null;
  return (tx) => {
    const cached = Atomics.load(ctx.signatureCache, txn);
    if (cached !== 0) return cached === 1;
    const ok = verifyTxSignature(tx, ctx.txs[txn]!);
    Atomics.store(ctx.signatureCache, txn, ok ? 1 : 2);
    return ok;
  };
}

/** One execution of a transaction against MVMemory: its effect and what to record, or the transaction whose ESTIMATE it read. */
type Execution = { ok: false; blocking: number } | { ok: true; effect: TxEffect; reads: number[]; keys: number[]; values: bigint[] };

/**
 * Runs the VM for transaction `txn` against MVMemory, yielding before each read (so that the
 * deterministic mode can interleave there). Stops at the first ESTIMATE read.
 */
function* executeAgainstMemory(ctx: WorkerContext, txn: number): Generator<void, Execution, void> {
  const { memory } = ctx;
  const vm = processTx(ctx.txs[txn]!, signatureCheck(ctx, txn));
  const reads: number[] = [];
  /** The key objects read, parallel to the slots in `reads` (the VM writes mostly keys it read: their slots are reused). */
  const readKeys: Uint8Array[] = [];
  let step = vm.next();
  while (!step.done) {
    yield;
    const k = memory.keyIndex(step.value);
    if (memory.read(k, txn) === ReadKind.DEPENDENCY) {
      vm.return(undefined as never);
      return { ok: false, blocking: memory.blocking };
    }
    reads.push(k, memory.readTxn, memory.readIncarnation);
    readKeys.push(step.value);
    step = vm.next(memory.readValue);
  }
  const effect = step.value;
  const keys: number[] = [];
  const values: bigint[] = [];
  for (const [key, value] of effect.writes) {
    const r = readKeys.indexOf(key); // identity: the same Uint8Array object
    keys.push(r >= 0 ? reads[3 * r]! : memory.keyIndex(key));
    values.push(value);
  }
  return { ok: true, effect, reads, keys, values };
}

/**
 * try_execute(version): runs the VM against MVMemory. On an ESTIMATE the execution stops and the
 * transaction waits on the blocking one (add_dependency), or restarts at once if that one is done.
 */
function* tryExecute(ctx: WorkerContext, stats: WorkerStats, txn: number, incarnation: number): Generator<void, TaskKind, void> {
  const { memory, scheduler } = ctx;
  for (let attempt = 0; ; attempt++) {
    stats.executions++;
    scheduler.noteExecution(incarnation === 0 && attempt === 0);
    const run = yield* executeAgainstMemory(ctx, txn);
    if (run.ok) {
      const { effect, reads, keys, values } = run;
      yield;
      const wroteNew = memory.record(txn, incarnation, reads, keys, values);
      ctx.onRecord(txn, incarnation, effect);
      yield;
      return scheduler.finishExecution(txn, incarnation, wroteNew);
    }
    stats.dependencies++;
    yield;
    if (scheduler.addDependency(txn, run.blocking)) return TaskKind.NONE;
  }
}

/**
 * The committed prefix after the workers stopped for the fallback (every worker finished; nothing
 * changes any more): the longest prefix of transactions that are EXECUTED and whose read sets still
 * validate. By induction each of them read exactly what sequential execution gives it, so its
 * recorded writes and effect are the sequential ones (Block-STM's own correctness argument, applied
 * to a prefix).
 */
export function committedPrefix(memory: MVMemory, scheduler: Scheduler): number {
  let k = 0;
  while (k < memory.n && scheduler.statusOf(k) === EXECUTED && memory.validateReadSet(k)) k++;
  return k;
}

/** Runs a generator to its return value, ignoring its yields (no other worker to interleave with). */
function complete<T>(g: Generator<void, T, void>): T {
  for (;;) {
    const step = g.next();
    if (step.done) return step.value;
  }
}

/**
 * The sequential fallback's suffix (spec/exec.md §Block-STM, "Sequential fallback"), run by one
 * thread once every worker has stopped: transactions k.. (k the committed prefix) are executed in
 * order against MVMemory, each recorded as a new incarnation before the next starts. Transaction j
 * then reads, for every key, the entry of the highest transaction below j: a committed one or one
 * this loop just recorded, never an ESTIMATE (recording replaces or removes every entry of a
 * transaction's previous incarnation). That is sequential execution, on the same memory the
 * snapshot reads. Returns k.
 */
export function runSuffix(ctx: WorkerContext): number {
  const { memory, scheduler } = ctx;
  const k = committedPrefix(memory, scheduler);
  for (let j = k; j < memory.n; j++) {
    const run = complete(executeAgainstMemory(ctx, j));
    if (!run.ok) throw new Error(`Block-STM fallback: transaction ${j} read an ESTIMATE of ${run.blocking} after the workers stopped`);
    const { effect, reads, keys, values } = run;
    const incarnation = scheduler.incarnationOf(j) + 1;
    memory.record(j, incarnation, reads, keys, values);
    ctx.onRecord(j, incarnation, effect);
    scheduler.markExecuted(j, incarnation);
  }
  scheduler.setFallbackAt(k);
  return k;
}

/** needs_reexecution(version): validate the read set; the one validator that aborts turns the writes into ESTIMATEs. */
function* needsReexecution(ctx: WorkerContext, stats: WorkerStats, txn: number, incarnation: number): Generator<void, TaskKind, void> {
  stats.validations++;
  const valid = ctx.memory.validateReadSet(txn);
  yield;
  const aborted = !valid && ctx.scheduler.tryValidationAbort(txn, incarnation);
  if (aborted) {
    yield;
    ctx.memory.convertWritesToEstimates(txn);
  }
  yield;
  return ctx.scheduler.finishValidation(txn, aborted);
}

/** run(): the worker loop, until the scheduler's done marker is set. */
export function* runWorker(ctx: WorkerContext, stats: WorkerStats): Generator<boolean | void, void, void> {
  const s = ctx.scheduler;
  let kind = TaskKind.NONE;
  while (!s.done()) {
    if (kind === TaskKind.EXECUTION) kind = yield* tryExecute(ctx, stats, s.taskTxn, s.taskIncarnation);
    if (kind === TaskKind.VALIDATION) kind = yield* needsReexecution(ctx, stats, s.taskTxn, s.taskIncarnation);
    if (kind === TaskKind.NONE) {
      yield IDLE;
      kind = s.nextTask();
    }
  }
}

/** What a worker yields when it found no task: the parallel driver may then back off. */
export const IDLE = true;

/** Idle polls before the parallel driver starts sleeping between polls. */
const SPINS_BEFORE_SLEEP = 64;
/** How long one back-off sleep lasts, in ms (Atomics.wait's timeout). */
const SLEEP_MS = 0.05;

/**
 * Runs a worker to its end without interleaving (parallel mode: one per thread). A worker that keeps
 * finding no task sleeps briefly between polls instead of spinning, so that on an oversubscribed
 * machine it does not take the core from the worker that has the work. Timing only: the sleeps
 * never change what a worker does.
 */
export function drain(g: Generator<boolean | void, void, void>): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let idle = 0;
  for (let step = g.next(); !step.done; step = g.next()) {
    if (step.value !== IDLE) idle = 0;
    else if (++idle > SPINS_BEFORE_SLEEP) Atomics.wait(nap, 0, 0, SLEEP_MS);
  }
}
