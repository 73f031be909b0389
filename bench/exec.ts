/**
 * The exec benchmark: throughput of sequential execution (spec/exec.md §Block execution) and of
 * Block-STM on worker_threads with 1 and 2 workers, on three payment workloads: (a) independent
 * payments, (b) Zipf-contended recipients, (c) one sender's nonce chain (fully sequential), each
 * without and with per-transaction Ed25519 verification (@noble/curves; signed in setup, verified
 * in the measured path). Anchor: the seed paper's t_per_core = 5 000 TPS per core (§"Base
 * assumptions", from Block-STM's sequential baseline). Each executor runs in a worker thread of its
 * own (bench/exec-runner.ts), so that no executor's garbage collection or JIT state lands in another's
 * timing; each one's result is checked against the sequential one computed here before timing.
 * @module
 */
import { cpus, loadavg } from "node:os";
import { table } from "../conformance/harness/report.js";
import { account, keyPair, makeState, payment, signTx } from "../conformance/exec/fixtures.js";
import { ZipfSampler } from "../reference/codec/index.js";
import { Rng } from "../reference/common/rng.js";
import { executeBlock } from "../reference/exec/index.js";
import { digest, ExecRunner, type CheckReply, type ExecutorSpec, type RunnerWorkload } from "./exec-runner.js";
import { formatInt, formatPercent, formatRatio, quantile, roundSig, summarizeRates, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

/** Seed paper §"Base assumptions": t_per_core, TPS per CPU core. */
export const PAPER_T_PER_CORE = 5_000;
/** Transactions per block in every workload. */
export const BLOCK_TXS = 1_000;
/** Accounts the Zipf workload's recipients are drawn from (s = 1, rank 0 hottest). */
export const ZIPF_ACCOUNTS = 1_000;

interface Workload extends RunnerWorkload {
  name: string;
  about: string;
}

const RICH = 1_000_000_000_000n;

/** Signed payments: `senderOf(i)` picks the key of transaction i, `recipientOf(i)` its recipient. */
function makeWorkload(name: string, about: string, senders: number, senderOf: (i: number) => number, recipientOf: (i: number) => Uint8Array): Workload {
  const rng = new Rng(`pwo/exec/bench/${name}`);
  const keys = Array.from({ length: senders }, () => keyPair(rng.bytes(32)));
  const nonces = new Array<bigint>(senders).fill(0n);
  const txs = Array.from({ length: BLOCK_TXS }, (_, i) => {
    const s = senderOf(i);
    const tx = payment({ sender: keys[s]!.address, recipient: recipientOf(i), amount: BigInt(1 + rng.below(1000)), nonce: nonces[s]!, fee: 2_000n });
    nonces[s]! += 1n;
    return signTx(tx, keys[s]!.secret);
  });
  return { name, about, preState: makeState({ balances: keys.map((k) => [k.address, RICH] as [Uint8Array, bigint]) }), txs };
}

function workloads(): Workload[] {
  const zipf = new ZipfSampler(ZIPF_ACCOUNTS);
  const zrng = new Rng("pwo/exec/bench/zipf-recipients");
  const zipfRecipients = Array.from({ length: BLOCK_TXS }, () => account(zipf.sample(zrng)));
  return [
    makeWorkload("independent", `${BLOCK_TXS} payments, distinct senders and recipients: no conflict`, BLOCK_TXS, (i) => i, (i) => account(1_000_000 + i)),
    makeWorkload("zipf", `${BLOCK_TXS} payments, distinct senders, recipients Zipf(s = 1) over ${ZIPF_ACCOUNTS} accounts`, BLOCK_TXS, (i) => i, (i) => zipfRecipients[i]!),
    makeWorkload("chain", `${BLOCK_TXS} payments from one sender (nonces 0..${BLOCK_TXS - 1}): every transaction depends on the previous`, 1, () => 0, (i) => account(2_000_000 + i)),
  ];
}

/** An executor of the table: its runner spec and the threads that execute (TPS/core divides by them). */
interface Executor {
  name: string;
  cores: number;
  spec: ExecutorSpec;
}

const EXECUTORS: readonly Executor[] = [
  { name: "sequential", cores: 1, spec: { kind: "sequential" } },
  { name: "block-stm 1w", cores: 1, spec: { kind: "block-stm", workers: 1 } },
  { name: "block-stm 2w", cores: 2, spec: { kind: "block-stm", workers: 2 } },
];

/** Timing rounds per measurement: each gives every executor in turn a time request of minMs / ROUNDS. */
export const ROUNDS = 5;

/**
 * Times every runner on one workload in {@link ROUNDS} rounds; in a round each runner in turn executes
 * consecutive blocks for minMs / ROUNDS (at least one block) while the others wait idle, so each
 * executor has the machine to itself when timed and a drift of the machine's speed falls on all
 * alike. A rate is the median over all of an executor's blocks of 1000 · BLOCK_TXS / ms.
 */
async function measureRounds(runners: readonly ExecRunner[], workload: number, verify: boolean, minMs: number): Promise<{ perSec: number; spread: number; batches: number; p90Ms: number }[]> {
  const durations = runners.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, r] of runners.entries()) durations[i]!.push(...(await r.time(workload, verify, minMs / ROUNDS, 1)));
  }
  return durations.map((ds) => ({ ...summarizeRates(ds.map((ms) => (BLOCK_TXS * 1000) / ms)), batches: ds.length, p90Ms: quantile(ds, 0.9) }));
}

export const execBench: BenchSuite = {
  name: "exec",
  summary: "sequential vs Block-STM (worker_threads, 1 and 2 workers) on payments: TPS per core, speedup, with/without Ed25519",
  async run(ctx: BenchContext): Promise<BenchJson> {
    const loadStart = loadavg().map((x) => x.toFixed(2)).join(" ");
    const t0 = performance.now();
    const ws = workloads();
    ctx.print(`workloads signed in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${BLOCK_TXS} transactions per block, one block per timed batch`);
    for (const w of ws) ctx.print(`  ${w.name.padEnd(12)} ${w.about}`);
    const runners = EXECUTORS.map((e) => new ExecRunner(e.name, e.spec, ws));
    const sequential = EXECUTORS.findIndex((e) => e.spec.kind === "sequential");
    const twoWorkers = EXECUTORS.findIndex((e) => e.name === "block-stm 2w");
    const figures: Record<string, BenchJson> = {};
    const rows: (string | number)[][] = [];
    const checks: string[] = [];
    try {
      for (const verify of [false, true]) {
        for (const [wi, w] of ws.entries()) {
          // correctness before speed: every runner's result equals the sequential one computed here
          const expected = executeBlock(w.preState, w.txs, { verifySignatures: verify });
          if (expected.outcomes.some((o) => o.status !== "success")) throw new Error(`exec bench: ${w.name} has a failing transaction`);
          const want = digest(expected);
          const replies: CheckReply[] = [];
          for (const r of runners) {
            const reply = await r.check(wi, verify);
            if (reply.digest !== want) throw new Error(`exec bench: ${r.name} differs from sequential on ${w.name}${verify ? " with signatures" : ""}`);
            replies.push(reply);
          }
          const stats = replies[twoWorkers]?.stats;
          if (stats === undefined) throw new Error("exec bench: block-stm 2w returned no stats");
          const fallback = stats.fallbackAt < BLOCK_TXS ? ` (seq. from ${stats.fallbackAt})` : "";
          const rates = await measureRounds(runners, wi, verify, ctx.minMs);
          const seq = rates[sequential]!.perSec;
          const key = `${w.name}${verify ? "+ed25519" : ""}`;
          const fig: Record<string, BenchJson> = { executionsPerTx2w: roundSig(stats.executionsPerTx), fallbackAt2w: stats.fallbackAt };
          for (const [i, e] of EXECUTORS.entries()) {
            const { perSec: tps, spread, batches, p90Ms } = rates[i]!;
            const perCore = tps / e.cores;
            fig[e.name] = { tps: roundSig(tps), spread: roundSig(spread, 2), batches, p90Ms: roundSig(p90Ms), tpsPerCore: roundSig(perCore), speedup: roundSig(tps / seq), vsSeedPerCore: roundSig(perCore / PAPER_T_PER_CORE) };
            rows.push([key, e.name, formatInt(tps), formatPercent(spread), p90Ms.toFixed(1), formatInt(perCore), formatRatio(tps / seq), formatRatio(perCore / PAPER_T_PER_CORE), i === twoWorkers ? stats.executionsPerTx.toFixed(2) + fallback : ""]);
          }
          figures[key] = fig;
          const s2 = rates[twoWorkers]!.perSec / seq;
          if (!verify && w.name === "independent") checks.push(`speedup ≥ 1.6× with 2 workers on independent payments: ${formatRatio(s2)} ${s2 >= 1.6 ? "MET" : "NOT MET"}`);
          if (w.name === "chain") checks.push(`chain${verify ? " + ed25519" : ""}: Block-STM 2w not slower than sequential by > 10%: ${formatRatio(s2)} ${s2 >= 0.9 ? "MET" : "NOT MET"}`);
          if (!verify && w.name === "independent") checks.push(`≥ 5 000 TPS per core, payments, no signatures (sequential): ${formatInt(seq)} ${seq >= PAPER_T_PER_CORE ? "MET" : "NOT MET"}`);
        }
      }
    } finally {
      await Promise.all(runners.map((r) => r.close()));
    }
    ctx.print(table(["workload", "executor", "TPS", "spread", "p90 ms", "TPS/core", "speedup", "vs 5k/core", "exec/tx"], rows));
    ctx.print(
      [
        "",
        `Each executor runs in its own worker thread (a clean isolate doing nothing else), timed in consecutive blocks, one block per batch, so each pays its own garbage collection; ${ROUNDS} rounds alternate between executors, one working while the others wait idle, after an untimed warm-up.`,
        "TPS: median over the batches. spread: median absolute deviation of the batch rates over their median. p90 ms: the 90th percentile of the time per block (the slow blocks a median hides). speedup: over sequential in the same run.",
        "TPS/core: TPS over the threads that execute (sequential: its runner thread; Block-STM: the pool's workers, while its runner thread waits).",
        `vs 5k/core: TPS per core over the seed paper's t_per_core = ${PAPER_T_PER_CORE}. exec/tx: Block-STM executions per transaction (2 workers, one run; 1.00 = no re-execution; "seq. from j": the re-execution fallback stopped the workers and one worker thread executed transactions j.. in order on the multi-version memory, spec/exec.md §Block-STM).`,
        "Block-STM includes per block: resetting the shared buffers, waking the threads and being woken, the outcomes, the post-state (pre-state copy + written keys); the pre-state is sent to the threads once. Signatures are verified once per transaction (cached across re-executions).",
        `load average at the start and end: ${loadStart} → ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores (a load above the core count means the workers shared the cores with other processes).`,
        "",
        "targets (issue 5):",
        ...checks.map((c) => `  ${c}`),
      ].join("\n"),
    );
    return { blockTxs: BLOCK_TXS, paperTPerCore: PAPER_T_PER_CORE, rounds: ROUNDS, loadAverage: loadavg().map((x) => roundSig(x, 3)), figures, targets: checks };
  },
};
