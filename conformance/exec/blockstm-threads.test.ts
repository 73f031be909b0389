/**
 * Block-STM's worker_threads mode = sequential execution (spec/exec.md, Block-STM), on a few blocks;
 * the pool's lifecycle (queueing, close, a dead thread, no keep-alive).
 *
 * Not a `*properties*` file on purpose: `npm run mutation -- exec` runs those against mutants, and a
 * worker thread loads the compiled dist/ modules, where no mutant is active. Under a mutant these tests
 * would compare mutated sequential code with unmutated threads, an artefact and not a property.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeTx } from "../../reference/codec/index.js";
import { BlockStmPool, asm, executeBlock } from "../../reference/exec/index.js";
import { blockDrawArb, buildBlock, shapedBlockArb } from "./arbitraries.js";
import { account, call, contract, makeState, resultView as view } from "./fixtures.js";

describe("Block-STM parallel mode (worker_threads, SharedArrayBuffer) = sequential", () => {
  let pool: BlockStmPool;
  beforeAll(() => {
    pool = new BlockStmPool(2);
  });
  afterAll(async () => {
    await pool.close();
  });

  it("on a few random and contended blocks", async () => {
    const draws = fc.sample(fc.oneof(blockDrawArb(40), shapedBlockArb(40)), { seed: 7, numRuns: 12 });
    for (const d of draws) {
      const { preState, txs } = buildBlock(d);
      const { result } = await pool.execute(preState, txs);
      expect(view(result)).toEqual(view(executeBlock(preState, txs)));
    }
  });

  it("returns events (they travel by message; outcomes and writes by shared memory) and retries with larger buffers", async () => {
    // 20 calls that each LOG once and write 60 slots: more version entries than the first capacity
    const code = (() => {
      const a = asm().push(7).op("LOG");
      for (let i = 0; i < 60; i++) a.push(i).push(i).op("SSTORE");
      return a.bytes();
    })();
    const senders = Array.from({ length: 20 }, (_, i) => account(50 + i));
    const preState = makeState({ balances: senders.map((s) => [s, 10_000_000n] as [Uint8Array, bigint]) });
    const txs = senders.map((s) => encodeTx(call({ sender: s, contract: contract(0), code })));
    const { result } = await pool.execute(preState, txs);
    expect(view(result)).toEqual(view(executeBlock(preState, txs)));
    expect(result.events).toHaveLength(20);
  });

  it("queues concurrent calls and rejects calls after close", async () => {
    const draws = fc.sample(blockDrawArb(20), { seed: 5, numRuns: 3 });
    const blocks = draws.map(buildBlock);
    const results = await Promise.all(blocks.map((b) => pool.execute(b.preState, b.txs)));
    results.forEach((r, i) => expect(view(r.result)).toEqual(view(executeBlock(blocks[i]!.preState, blocks[i]!.txs))));
    const other = new BlockStmPool(1);
    await other.close();
    await expect(other.execute(blocks[0]!.preState, blocks[0]!.txs)).rejects.toThrow(/closed/);
  });

  it("does not keep the process alive between blocks when the caller never closes it", () => {
    // a child process runs one block on a pool it never closes: it must print the result and exit by itself
    const dist = (rel: string) => new URL(`../../dist/${rel}`, import.meta.url).href;
    const script = `
      import { BlockStmPool } from ${JSON.stringify(dist("reference/exec/index.js"))};
      import { account, makeState, payment } from ${JSON.stringify(dist("conformance/exec/fixtures.js"))};
      import { encodeTx } from ${JSON.stringify(dist("reference/codec/index.js"))};
      const senders = Array.from({ length: 100 }, (_, i) => account(i));
      const pre = makeState({ balances: senders.map((s) => [s, 10n ** 9n]) });
      const txs = senders.map((s, i) => encodeTx(payment({ sender: s, recipient: account(1000 + i), amount: 5n })));
      const { result } = await new BlockStmPool(2).execute(pre, txs);
      console.log("succeeded", result.outcomes.filter((o) => o.status === "success").length);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(r.error).toBeUndefined(); // a timeout would be an error: the pool kept the process alive
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("succeeded 100");
    expect(r.status).toBe(0);
  });

  it("rejects, never hangs, when a thread dies (and stays unusable)", async () => {
    const { preState, txs } = buildBlock(fc.sample(blockDrawArb(20), { seed: 9, numRuns: 1 })[0]!);
    const doomed = new BlockStmPool(2);
    await doomed.execute(preState, txs);
    const threads = (doomed as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    await threads[1]!.worker.terminate();
    await expect(doomed.execute(preState, txs)).rejects.toThrow(/thread 1 exited/);
    await expect(doomed.execute(preState, txs)).rejects.toThrow(/thread 1 exited/);
    await doomed.close();
  });

  it("with the fallback forced early, off, and with buffers reused across blocks of one size", async () => {
    // equal sizes (transactions, pre-state keys) in a row reuse the same buffers: results stay exact
    const draws = fc.sample(shapedBlockArb(30), { seed: 11, numRuns: 6 });
    for (const d of draws) {
      const { preState, txs } = buildBlock(d);
      const expected = view(executeBlock(preState, txs));
      for (const fallback of [{ minExecutions: 1, maxRatio: 0 }, false, undefined] as const) {
        for (let rep = 0; rep < 2; rep++) {
          const { result, stats } = await pool.execute(preState, txs, { fallback });
          expect(view(result)).toEqual(expected);
          if (fallback === false) expect(stats.fallbackAt).toBe(txs.length);
        }
      }
    }
  });
});
