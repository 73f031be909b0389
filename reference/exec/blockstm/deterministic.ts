/**
 * Block-STM's deterministic mode: N virtual workers on one thread, interleaved step by step by a
 * schedule (spec/exec.md §Block-STM). At every yield of a worker (see executor.ts) the next step is
 * given to worker `schedule[i] mod live` (`live`: the workers not yet finished), then, once the
 * schedule is used up, to the worker chosen by `Rng(seed)`. A property test so explores interleavings,
 * and a failure shrinks to a small block and a short schedule.
 * @module
 */
import { Rng } from "../../common/rng.js";
import type { BlockResult, State, TxEffect } from "../types.js";
import { runSuffix, runWorker, type WorkerContext, type WorkerStats } from "./executor.js";
import { Scheduler } from "./scheduler.js";
import { CAPACITY_SCALES, isCapacityError } from "./memory.js";
import { finishBlockStm, prepareBlockStm, type BlockStmOptions } from "./setup.js";

export interface DeterministicOptions extends BlockStmOptions {
  workers: number;
  /** Worker choices for the first steps (any integers; taken modulo the live workers). */
  schedule?: readonly number[];
  /** Labels the RNG that chooses after the schedule. */
  seed?: string;
  /** Steps after which the run is declared non-terminating (a RangeError). Default 10^6. */
  maxSteps?: number;
}

export interface BlockStmStats {
  /** incarnations[j]: how many incarnations transaction j had (its final incarnation number + 1). */
  incarnations: number[];
  /** records[j]: how many incarnations of transaction j completed and recorded their effect. */
  records: number[];
  executions: number;
  validations: number;
  dependencies: number;
  steps: number;
  /** Where the sequential fallback's suffix started (its transactions were not recorded by the workers); n if it did not trigger. */
  fallbackAt: number;
}

/** Executes a block with Block-STM on virtual workers; returns the result and the run's counts. */
export function executeBlockStmDeterministic(preState: State, txs: readonly Uint8Array[], opts: DeterministicOptions): { result: BlockResult; stats: BlockStmStats } {
  if (!Number.isSafeInteger(opts.workers) || opts.workers < 1) throw new RangeError(`workers: expected an integer ≥ 1, got ${opts.workers}`);
  for (const scale of CAPACITY_SCALES) {
    try {
      return runAt(scale, preState, txs, opts);
    } catch (e) {
      if (!isCapacityError(e)) throw e;
    }
  }
  throw new RangeError(`Block-STM: block of ${txs.length} transactions exceeds the engine's largest buffers`);
}

function runAt(scale: number, preState: State, txs: readonly Uint8Array[], opts: DeterministicOptions): { result: BlockResult; stats: BlockStmStats } {
  const { workers, schedule = [], seed = "pwo/exec/blockstm", maxSteps = 1_000_000 } = opts;
  const { buffers, memory } = prepareBlockStm(preState, txs, false, scale, undefined, opts.fallback);
  const words = new Int32Array(buffers.scheduler);
  const signatureCache = new Int32Array(buffers.signatureCache);
  const effects: (TxEffect | undefined)[] = new Array(txs.length).fill(undefined);
  const records: number[] = new Array(txs.length).fill(0);
  const stats: WorkerStats[] = [];
  const context = (scheduler: Scheduler): WorkerContext => ({
    memory,
    scheduler,
    txs,
    verifySignatures: opts.verifySignatures === true,
    signatureCache,
    onRecord: (txn: number, _incarnation: number, effect: TxEffect) => {
      effects[txn] = effect;
      records[txn] = (records[txn] ?? 0) + 1;
    },
  });
  const live = Array.from({ length: workers }, () => {
    const s: WorkerStats = { executions: 0, validations: 0, dependencies: 0 };
    stats.push(s);
    return runWorker(context(new Scheduler(words, txs.length)), s);
  });
  const rng = new Rng(seed);
  let steps = 0;
  while (live.length > 0) {
    if (steps >= maxSteps) throw new RangeError(`Block-STM did not finish within ${maxSteps} steps`);
    const choice = steps < schedule.length ? Math.abs(schedule[steps]!) : rng.below(live.length);
    const w = choice % live.length;
    steps++;
    if (live[w]!.next().done) live.splice(w, 1);
  }
  const scheduler = new Scheduler(words, txs.length);
  if (scheduler.fellBack()) runSuffix(context(scheduler));
  const incarnations = txs.map((_, j) => scheduler.incarnationOf(j) + 1);
  const sum = (f: (s: WorkerStats) => number) => stats.reduce((a, s) => a + f(s), 0);
  const { result, fallbackAt } = finishBlockStm(new Map(preState), memory, effects, scheduler);
  return {
    result,
    stats: { incarnations, records, executions: sum((s) => s.executions), validations: sum((s) => s.validations), dependencies: sum((s) => s.dependencies), steps, fallbackAt },
  };
}
