/**
 * One executor of the exec benchmark (bench/exec.ts) in a worker thread of its own. The thread is a
 * clean isolate whose only job is that executor: its garbage is its own (a sequential block's Map of
 * hex keys is not collected during another executor's timed window) and its JIT type feedback is
 * not polluted by the benchmark's setup (signing). The main thread drives it by messages:
 *
 * - `{ check, verify }`: executes workload `check` once; replies a {@link CheckReply};
 * - `{ time, verify, ms, minBatches }`: executes consecutive blocks of workload `time`, one block per
 *   timed batch, until `ms` ms and `minBatches` batches; replies the batch durations in ms. The first
 *   such request of a (workload, verify) pair is preceded by an untimed warm-up;
 * - `{ close: true }`: closes the Block-STM pool, replies, and lets the thread end.
 *
 * This module is both ends: imported, it exports {@link ExecRunner}, the main thread's handle on a
 * runner; started as a worker (by ExecRunner), it serves the requests.
 * @module
 */
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from "node:worker_threads";
import { toHex } from "../reference/common/hex.js";
import { BlockStmPool, computeStateRoot, executeBlock, type BlockResult, type State } from "../reference/exec/index.js";

/** What a runner executes. */
export type ExecutorSpec = { kind: "sequential" } | { kind: "block-stm"; workers: 1 | 2 };

/** A block and the state it executes against (copied into the runner thread by structured clone). */
export interface RunnerWorkload {
  preState: State;
  txs: Uint8Array[];
}

/** Block-STM's work on the checked block; absent for sequential execution. */
export interface RunStats {
  /** Executions (incarnations run) per transaction: 1 = no re-execution. */
  executionsPerTx: number;
  /** Where the re-execution fallback made the rest of the block sequential; the block size if it did not. */
  fallbackAt: number;
}

export interface CheckReply {
  /** {@link digest} of the result. */
  digest: string;
  stats?: RunStats;
}

type Request = { check: number; verify: boolean } | { time: number; verify: boolean; ms: number; minBatches: number } | { close: true };
type Reply = { id: number } & ({ ok: CheckReply | number[] | null } | { error: string });

/** Tells a runner thread from any other worker that might load this module. */
const ROLE = "pwo/bench/exec-runner";

interface RunnerData {
  role: typeof ROLE;
  executor: ExecutorSpec;
  workloads: RunnerWorkload[];
}

/** Untimed warm-up before the first timed batch of a (workload, verify) pair: blocks until this much time or {@link WARM_UP_BLOCKS}, whichever comes first. */
export const WARM_UP_MS = 300;
export const WARM_UP_BLOCKS = 10;

/** A result as one string, equal for equal results: state root, outcomes, gas. */
export const digest = (r: BlockResult): string => JSON.stringify({ root: toHex(computeStateRoot(r.postState)), outcomes: r.outcomes, gas: r.gasUsed.toString() });

/**
 * The main thread's handle on a runner thread. Requests go one at a time (each method resolves
 * with the reply); a runner that throws, fails to deliver a message, or exits rejects the request in
 * flight and every later one with an error naming the runner, so the benchmark fails instead of
 * hanging.
 */
export class ExecRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(
    readonly name: string,
    executor: ExecutorSpec,
    workloads: readonly RunnerWorkload[],
  ) {
    const data: RunnerData = { role: ROLE, executor, workloads: workloads.map((w) => ({ preState: w.preState, txs: w.txs })) };
    // The compiled module itself (dist/bench/exec-runner.js): the benchmark runs from dist/.
    this.worker = new Worker(new URL(import.meta.url), { workerData: data });
    this.worker.on("message", (r: Reply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if ("error" in r) p?.reject(new Error(`exec bench: runner ${name} failed: ${r.error}`));
      else p?.resolve(r.ok);
    });
    this.worker.on("error", (e) => this.fail(`failed: ${e.stack ?? e}`));
    this.worker.on("messageerror", (e) => this.fail(`sent a message that could not be read: ${e}`));
    this.worker.on("exit", (code) => this.fail(`exited (code ${code})`));
  }

  /** Executes workload `workload` once; its digest and Block-STM stats. */
  check(workload: number, verify: boolean): Promise<CheckReply> {
    return this.request({ check: workload, verify });
  }

  /** Times consecutive blocks of workload `workload` until `ms` ms and `minBatches` blocks; each block's duration in ms. */
  time(workload: number, verify: boolean, ms: number, minBatches: number): Promise<number[]> {
    return this.request({ time: workload, verify, ms, minBatches });
  }

  /** Closes the runner (gracefully if it still answers) and waits until its thread has ended. Never rejects. */
  async close(): Promise<void> {
    if (this.failure === null) await this.request({ close: true }).catch(() => {});
    this.failure ??= new Error(`exec bench: runner ${this.name} is closed`);
    await this.worker.terminate();
  }

  private request<T>(req: Request): Promise<T> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...req });
    });
  }

  /** Records the first failure and rejects every request in flight with it. */
  private fail(what: string): void {
    this.failure ??= new Error(`exec bench: runner ${this.name} ${what}`);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}

// ---- the runner thread ----

/** Serves the main thread's requests on `port`, one after another, for the executor of `data`. */
function serve(port: MessagePort, data: RunnerData): void {
  const { executor, workloads } = data;
  const pool = executor.kind === "block-stm" ? new BlockStmPool(executor.workers) : null;
  const run = async (w: RunnerWorkload, verify: boolean): Promise<{ result: BlockResult; stats?: RunStats }> => {
    if (pool === null) return { result: executeBlock(w.preState, w.txs, { verifySignatures: verify }) };
    const { result, stats } = await pool.execute(w.preState, w.txs, { verifySignatures: verify });
    return { result, stats: { executionsPerTx: stats.executions / w.txs.length, fallbackAt: stats.fallbackAt } };
  };
  /** Runs blocks back to back, each timed, until `enough(elapsed ms, blocks)`; the durations. */
  const consecutive = async (w: RunnerWorkload, verify: boolean, enough: (ms: number, blocks: number) => boolean): Promise<number[]> => {
    const durations: number[] = [];
    let elapsed = 0;
    while (!enough(elapsed, durations.length)) {
      const t0 = performance.now();
      await run(w, verify);
      const ms = performance.now() - t0;
      durations.push(ms);
      elapsed += ms;
    }
    return durations;
  };
  const warm = new Set<string>();
  const workload = (i: number): RunnerWorkload => {
    const w = workloads[i];
    if (w === undefined) throw new RangeError(`no workload ${i} (${workloads.length} given)`);
    return w;
  };

  const handle = async (req: Request): Promise<CheckReply | number[] | null> => {
    if ("close" in req) {
      await pool?.close();
      return null;
    }
    if ("check" in req) {
      const { result, stats } = await run(workload(req.check), req.verify);
      return stats === undefined ? { digest: digest(result) } : { digest: digest(result), stats };
    }
    const w = workload(req.time);
    const key = `${req.time}/${req.verify}`;
    if (!warm.has(key)) {
      await consecutive(w, req.verify, (ms, blocks) => ms >= WARM_UP_MS || blocks >= WARM_UP_BLOCKS);
      warm.add(key);
    }
    return consecutive(w, req.verify, (ms, blocks) => ms >= req.ms && blocks >= req.minBatches);
  };

  let queue = Promise.resolve();
  port.on("message", ({ id, ...req }: { id: number } & Request) => {
    queue = queue.then(async () => {
      let reply: Reply;
      try {
        reply = { id, ok: await handle(req) };
      } catch (e) {
        reply = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      port.postMessage(reply);
      if ("close" in req) port.close(); // nothing keeps the thread alive afterwards: it ends
    });
  });
}

if (!isMainThread && parentPort !== null && (workerData as Partial<RunnerData> | null)?.role === ROLE) serve(parentPort, workerData as RunnerData);
