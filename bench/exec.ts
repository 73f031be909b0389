/**
 * The exec benchmark: throughput of sequential execution (spec/exec.md §Block execution) and of
 * Block-STM on worker_threads with 1 and 2 workers, on three payment workloads: (a) independent
 * payments, (b) Zipf-contended recipients, (c) one sender's nonce chain (fully sequential), each
 * without and with per-transaction Ed25519 verification (@noble/curves; signed in setup, verified
 * in the measured path). Anchor: the seed paper's t_per_core = 5 000 TPS per core (§"Base
 * assumptions", from Block-STM's sequential baseline). Every measured run's result is checked
 * against the sequential one before timing.
 * @module
 */
import { cpus, loadavg } from "node:os";
import { table } from "../conformance/harness/report.js";
import { account, keyPair, makeState, payment, signTx } from "../conformance/exec/fixtures.js";
import { ZipfSampler } from "../reference/codec/index.js";
import { toHex } from "../reference/common/hex.js";
import { Rng } from "../reference/common/rng.js";
import { BlockStmPool, computeStateRoot, executeBlock, type BlockResult, type State } from "../reference/exec/index.js";
import { formatInt, formatRatio, median, roundSig, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

/** Seed paper §"Base assumptions": t_per_core, TPS per CPU core. */
export const PAPER_T_PER_CORE = 5_000;
/** Transactions per block in every workload. */
export const BLOCK_TXS = 1_000;
/** Accounts the Zipf workload's recipients are drawn from (s = 1, rank 0 hottest). */
export const ZIPF_ACCOUNTS = 1_000;

interface Workload {
  name: string;
  about: string;
  preState: State;
  txs: Uint8Array[];
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

interface Executor {
  name: string;
  cores: number;
  run(w: Workload, verifySignatures: boolean): Promise<BlockResult>;
}

const digest = (r: BlockResult) => JSON.stringify({ root: toHex(computeStateRoot(r.postState)), outcomes: r.outcomes, gas: r.gasUsed.toString() });

/**
 * Times async cases interleaved, one block per batch, round after round until each case has `minMs`
 * of timed batches and at least `minBatches`; a rate is the median of its batches' rates
 * (the same discipline as bench/harness.ts's measureInterleaved, for functions that return promises).
 */
async function measureAsync(cases: { name: string; fn: () => Promise<unknown>; items: number }[], minMs: number, minBatches: number): Promise<Map<string, number>> {
  const rates = new Map(cases.map((c) => [c.name, [] as number[]]));
  const elapsed = new Map(cases.map((c) => [c.name, 0]));
  for (const c of cases) await c.fn(); // warm-up
  const done = (c: { name: string }) => elapsed.get(c.name)! >= minMs && rates.get(c.name)!.length >= minBatches;
  while (!cases.every(done)) {
    for (const c of cases) {
      if (done(c)) continue;
      const t0 = performance.now();
      await c.fn();
      const ms = performance.now() - t0;
      elapsed.set(c.name, elapsed.get(c.name)! + ms);
      rates.get(c.name)!.push((c.items * 1000) / ms);
    }
  }
  return new Map([...rates].map(([k, v]) => [k, median(v)]));
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
    const pool1 = new BlockStmPool(1);
    const pool2 = new BlockStmPool(2);
    const executors: Executor[] = [
      { name: "sequential", cores: 1, run: async (w, v) => executeBlock(w.preState, w.txs, { verifySignatures: v }) },
      { name: "block-stm 1w", cores: 1, run: async (w, v) => (await pool1.execute(w.preState, w.txs, { verifySignatures: v })).result },
      { name: "block-stm 2w", cores: 2, run: async (w, v) => (await pool2.execute(w.preState, w.txs, { verifySignatures: v })).result },
    ];
    const figures: Record<string, BenchJson> = {};
    const rows: (string | number)[][] = [];
    const checks: string[] = [];
    try {
      for (const verify of [false, true]) {
        for (const w of ws) {
          // correctness before speed: every executor's result equals the sequential one
          const want = digest(executeBlock(w.preState, w.txs, { verifySignatures: verify }));
          const outcomes = executeBlock(w.preState, w.txs, { verifySignatures: verify }).outcomes;
          if (outcomes.some((o) => o.status !== "success")) throw new Error(`exec bench: ${w.name} has a failing transaction`);
          for (const e of executors) if (digest(await e.run(w, verify)) !== want) throw new Error(`exec bench: ${e.name} differs from sequential on ${w.name}`);
          const stats = (await pool2.execute(w.preState, w.txs, { verifySignatures: verify })).stats;
          const reExec = stats.executions / BLOCK_TXS;
          const fallback = stats.fallbackAt < BLOCK_TXS ? ` (seq. from ${stats.fallbackAt})` : "";
          const rates = await measureAsync(
            executors.map((e) => ({ name: e.name, fn: () => e.run(w, verify), items: BLOCK_TXS })),
            verify ? Math.max(ctx.minMs, 1) : ctx.minMs,
            verify ? 3 : 5,
          );
          const seq = rates.get("sequential")!;
          const key = `${w.name}${verify ? "+ed25519" : ""}`;
          const fig: Record<string, BenchJson> = { executionsPerTx2w: roundSig(reExec), fallbackAt2w: stats.fallbackAt };
          for (const e of executors) {
            const tps = rates.get(e.name)!;
            const perCore = tps / e.cores;
            fig[e.name] = { tps: roundSig(tps), tpsPerCore: roundSig(perCore), speedup: roundSig(tps / seq), vsSeedPerCore: roundSig(perCore / PAPER_T_PER_CORE) };
            rows.push([key, e.name, formatInt(tps), formatInt(perCore), formatRatio(tps / seq), formatRatio(perCore / PAPER_T_PER_CORE), e.name === "block-stm 2w" ? reExec.toFixed(2) + fallback : ""]);
          }
          figures[key] = fig;
          const s2 = rates.get("block-stm 2w")! / seq;
          if (!verify && w.name === "independent") checks.push(`speedup ≥ 1.6× with 2 workers on independent payments: ${formatRatio(s2)} ${s2 >= 1.6 ? "MET" : "NOT MET"}`);
          if (w.name === "chain") checks.push(`chain${verify ? " + ed25519" : ""}: Block-STM 2w not slower than sequential by > 10%: ${formatRatio(s2)} ${s2 >= 0.9 ? "MET" : "NOT MET"}`);
          if (!verify && w.name === "independent") checks.push(`≥ 5 000 TPS per core, payments, no signatures (sequential): ${formatInt(seq)} ${seq >= PAPER_T_PER_CORE ? "MET" : "NOT MET"}`);
        }
      }
    } finally {
      await Promise.all([pool1.close(), pool2.close()]);
    }
    ctx.print(table(["workload", "executor", "TPS", "TPS/core", "speedup", "vs 5k/core", "exec/tx"], rows));
    ctx.print(
      [
        "",
        "TPS/core: TPS over the worker threads used (the calling thread waits). speedup: over sequential in the same run.",
        `vs 5k/core: TPS per core over the seed paper's t_per_core = ${PAPER_T_PER_CORE}. exec/tx: Block-STM executions per transaction (2 workers, one run; 1.00 = no re-execution; "seq. from j": the re-execution fallback stopped the workers and transactions j.. ran sequentially on the calling thread, spec/exec.md §Block-STM).`,
        "Block-STM includes per block: shared buffers, thread messaging, the post-state (pre-state copy + written keys); the pre-state is sent to the threads once. Signatures are verified once per transaction (cached across re-executions).",
        `load average at the start and end: ${loadStart} → ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores (a load above the core count means the workers shared the cores with other processes).`,
        "",
        "targets (issue 5):",
        ...checks.map((c) => `  ${c}`),
      ].join("\n"),
    );
    return { blockTxs: BLOCK_TXS, paperTPerCore: PAPER_T_PER_CORE, loadAverage: loadavg().map((x) => roundSig(x, 3)), figures, targets: checks };
  },
};
