/**
 * Block-STM's collaborative scheduler (Gelashvili et al. 2022, §4, Algorithms 4–5), over an
 * Int32Array that may be shared between threads. Names follow the paper: execution_idx,
 * validation_idx, decrease_cnt, num_active_tasks, done_marker, txn_status, txn_dependency.
 *
 * Deviations, each for shared memory without mutexes:
 * - txn_status[j] is one word, incarnation·4 + status, changed by compare-and-swap where the paper
 *   takes the status lock (only one of several racing transitions can win, as under the lock);
 * - txn_dependency[j] is an intrusive list (head per blocking transaction, next per dependent: a
 *   transaction waits on at most one other at a time) guarded by a spin lock per transaction;
 * - {@link tryIncarnate} does not decrement num_active_tasks itself: its callers do, exactly once,
 *   when it returns none (the paper's pseudocode folds that decrement into try_incarnate).
 * @module
 */

export const READY_TO_EXECUTE = 0;
export const EXECUTING = 1;
export const EXECUTED = 2;
export const ABORTING = 3;

const EXECUTION_IDX = 0;
const VALIDATION_IDX = 1;
const DECREASE_CNT = 2;
const NUM_ACTIVE_TASKS = 3;
const DONE_MARKER = 4;
/** Executions started (every attempt), and first executions (incarnation 0, first attempt): the re-execution ratio. */
const EXECUTIONS = 5;
const FIRST_EXECUTIONS = 6;
/** The fallback policy (see {@link Scheduler.noteExecution}): minimum executions (0 = off) and the ratio × 100. */
const FALLBACK_MIN = 7;
const FALLBACK_RATIO = 8;
/** Where the fallback's sequential suffix started, plus one (0: it has not run). */
const SUFFIX_FROM = 9;
const HEADER = 16;

/** done_marker when the workers stopped for the sequential fallback (1: the block is done, 2: halted on an error). */
const FELL_BACK = 3;

export enum TaskKind {
  NONE = 0,
  EXECUTION = 1,
  VALIDATION = 2,
}

/** Words of a scheduler for `n` transactions: header, then status, dependency lock, head, next. */
export const schedulerWords = (n: number): number => HEADER + 4 * n;

export class Scheduler {
  private readonly status: number;
  private readonly depLock: number;
  private readonly depHead: number;
  private readonly depNext: number;
  /** The task {@link nextTask} / finish_* returned: kind, transaction and incarnation. */
  taskKind: TaskKind = TaskKind.NONE;
  taskTxn = -1;
  taskIncarnation = -1;

  constructor(
    readonly words: Int32Array,
    readonly n: number,
  ) {
    this.status = HEADER;
    this.depLock = HEADER + n;
    this.depHead = HEADER + 2 * n;
    this.depNext = HEADER + 3 * n;
  }

  private load = (i: number): number => Atomics.load(this.words, i);

  done(): boolean {
    return this.load(DONE_MARKER) !== 0;
  }

  /**
   * Sets the re-execution fallback (not in the paper): once `minExecutions` executions have started
   * and they exceed `maxRatio` times the transactions started, the workers stop; the caller then
   * keeps the committed prefix and executes the rest sequentially. `minExecutions` 0 turns it off.
   */
  configureFallback(minExecutions: number, maxRatio: number): void {
    Atomics.store(this.words, FALLBACK_MIN, minExecutions);
    Atomics.store(this.words, FALLBACK_RATIO, Math.round(maxRatio * 100));
  }

  /** Counts an execution (`first`: incarnation 0's first attempt) and applies the fallback policy. */
  noteExecution(first: boolean): void {
    const total = Atomics.add(this.words, EXECUTIONS, 1) + 1;
    const started = first ? Atomics.add(this.words, FIRST_EXECUTIONS, 1) + 1 : this.load(FIRST_EXECUTIONS);
    const min = this.load(FALLBACK_MIN);
    if (min > 0 && total >= min && total * 100 > this.load(FALLBACK_RATIO) * started) Atomics.compareExchange(this.words, DONE_MARKER, 0, FELL_BACK);
  }

  /** True when the workers stopped for the sequential fallback (the block is not necessarily finished). */
  fellBack(): boolean {
    return this.load(DONE_MARKER) === FELL_BACK;
  }

  /** Records where the fallback's suffix started (see executor.ts runSuffix). */
  setFallbackAt(k: number): void {
    Atomics.store(this.words, SUFFIX_FROM, k + 1);
  }

  /** Where the fallback's suffix started, or −1 if it has not run. */
  fallbackAt(): number {
    return this.load(SUFFIX_FROM) - 1;
  }

  /** EXECUTED(incarnation) for a transaction the fallback's suffix executed (the workers have stopped). */
  markExecuted(j: number, incarnation: number): void {
    Atomics.store(this.words, this.status + j, (incarnation << 2) | EXECUTED);
  }

  /** Stops every worker after one failed (not in the paper: an engine error must not leave others spinning). */
  halt(): void {
    Atomics.store(this.words, DONE_MARKER, 2);
  }

  /** (incarnation, status) of transaction j. */
  incarnationOf = (j: number): number => this.load(this.status + j) >> 2;
  statusOf = (j: number): number => this.load(this.status + j) & 3;

  private task(kind: TaskKind, txn = -1, incarnation = -1): TaskKind {
    this.taskKind = kind;
    this.taskTxn = txn;
    this.taskIncarnation = incarnation;
    return kind;
  }

  private fetchMin(i: number, target: number): void {
    for (;;) {
      const cur = this.load(i);
      if (target >= cur || Atomics.compareExchange(this.words, i, cur, target) === cur) break;
    }
  }

  decreaseExecutionIdx(target: number): void {
    this.fetchMin(EXECUTION_IDX, target);
    Atomics.add(this.words, DECREASE_CNT, 1);
  }

  decreaseValidationIdx(target: number): void {
    this.fetchMin(VALIDATION_IDX, target);
    Atomics.add(this.words, DECREASE_CNT, 1);
  }

  checkDone(): void {
    const observed = this.load(DECREASE_CNT);
    if (Math.min(this.load(EXECUTION_IDX), this.load(VALIDATION_IDX)) >= this.n && this.load(NUM_ACTIVE_TASKS) === 0 && observed === this.load(DECREASE_CNT)) {
      Atomics.store(this.words, DONE_MARKER, 1);
    }
  }

  /** READY_TO_EXECUTE(i) → EXECUTING(i); returns i, or −1 if j is out of range or not ready. */
  tryIncarnate(j: number): number {
    if (j >= this.n) return -1;
    for (;;) {
      const s = this.load(this.status + j);
      if ((s & 3) !== READY_TO_EXECUTE) return -1;
      if (Atomics.compareExchange(this.words, this.status + j, s, s + EXECUTING) === s) return s >> 2;
    }
  }

  private nextVersionToExecute(): TaskKind {
    if (this.load(EXECUTION_IDX) >= this.n) {
      this.checkDone();
      return this.task(TaskKind.NONE);
    }
    Atomics.add(this.words, NUM_ACTIVE_TASKS, 1);
    const j = Atomics.add(this.words, EXECUTION_IDX, 1);
    const incarnation = this.tryIncarnate(j);
    if (incarnation >= 0) return this.task(TaskKind.EXECUTION, j, incarnation);
    Atomics.sub(this.words, NUM_ACTIVE_TASKS, 1);
    return this.task(TaskKind.NONE);
  }

  private nextVersionToValidate(): TaskKind {
    if (this.load(VALIDATION_IDX) >= this.n) {
      this.checkDone();
      return this.task(TaskKind.NONE);
    }
    Atomics.add(this.words, NUM_ACTIVE_TASKS, 1);
    const j = Atomics.add(this.words, VALIDATION_IDX, 1);
    if (j < this.n) {
      const s = this.load(this.status + j);
      if ((s & 3) === EXECUTED) return this.task(TaskKind.VALIDATION, j, s >> 2);
    }
    Atomics.sub(this.words, NUM_ACTIVE_TASKS, 1);
    return this.task(TaskKind.NONE);
  }

  /** next_task(): a validation task if validation_idx is behind execution_idx, else an execution task. */
  nextTask(): TaskKind {
    return this.load(VALIDATION_IDX) < this.load(EXECUTION_IDX) ? this.nextVersionToValidate() : this.nextVersionToExecute();
  }

  private lockDeps(j: number): void {
    while (Atomics.compareExchange(this.words, this.depLock + j, 0, 1) !== 0) {
      /* spin: a short critical section of another thread */
    }
  }
  private unlockDeps = (j: number): void => void Atomics.store(this.words, this.depLock + j, 0);

  /**
   * add_dependency(txn_idx, blocking_txn_idx): false if the blocking transaction has already been
   * executed again (the caller re-executes at once); else j waits (ABORTING) on its list.
   */
  addDependency(j: number, blocking: number): boolean {
    this.lockDeps(blocking);
    if (this.statusOf(blocking) === EXECUTED) {
      this.unlockDeps(blocking);
      return false;
    }
    Atomics.store(this.words, this.status + j, (this.incarnationOf(j) << 2) | ABORTING);
    Atomics.store(this.words, this.depNext + j, Atomics.load(this.words, this.depHead + blocking));
    Atomics.store(this.words, this.depHead + blocking, j + 1);
    this.unlockDeps(blocking);
    Atomics.sub(this.words, NUM_ACTIVE_TASKS, 1);
    return true;
  }

  /** set_ready_status(txn_idx): ABORTING(i) → READY_TO_EXECUTE(i+1). */
  private setReadyStatus(j: number): void {
    Atomics.store(this.words, this.status + j, (this.incarnationOf(j) + 1) << 2);
  }

  /** finish_execution(txn_idx, incarnation, wrote_new_path): resumes dependents; may return a validation task. */
  finishExecution(j: number, incarnation: number, wroteNewPath: boolean): TaskKind {
    Atomics.store(this.words, this.status + j, (incarnation << 2) | EXECUTED);
    this.lockDeps(j);
    let d = Atomics.exchange(this.words, this.depHead + j, 0);
    this.unlockDeps(j);
    let min = this.n;
    while (d !== 0) {
      const dep = d - 1;
      d = Atomics.load(this.words, this.depNext + dep); // read before dep becomes runnable again
      this.setReadyStatus(dep);
      if (dep < min) min = dep;
    }
    if (min < this.n) this.decreaseExecutionIdx(min);
    if (this.load(VALIDATION_IDX) > j) {
      if (wroteNewPath) this.decreaseValidationIdx(j);
      else return this.task(TaskKind.VALIDATION, j, incarnation);
    }
    Atomics.sub(this.words, NUM_ACTIVE_TASKS, 1);
    return this.task(TaskKind.NONE);
  }

  /** try_validation_abort(txn_idx, incarnation): EXECUTED(i) → ABORTING(i); true for the one winner. */
  tryValidationAbort(j: number, incarnation: number): boolean {
    const s = (incarnation << 2) | EXECUTED;
    return Atomics.compareExchange(this.words, this.status + j, s, (incarnation << 2) | ABORTING) === s;
  }

  /** finish_validation(txn_idx, aborted): after an abort, j is re-executed at once if execution_idx passed it. */
  finishValidation(j: number, aborted: boolean): TaskKind {
    if (aborted) {
      this.setReadyStatus(j);
      this.decreaseValidationIdx(j + 1);
      if (this.load(EXECUTION_IDX) > j) {
        const incarnation = this.tryIncarnate(j);
        if (incarnation >= 0) return this.task(TaskKind.EXECUTION, j, incarnation);
      }
    }
    Atomics.sub(this.words, NUM_ACTIVE_TASKS, 1);
    return this.task(TaskKind.NONE);
  }
}
