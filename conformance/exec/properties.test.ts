/**
 * Properties of the exec reference (spec/exec.md): conservation laws of sequential execution, typed
 * outcomes on hostile transactions, and Block-STM = sequential for random blocks, worker counts and
 * interleavings (deterministic mode, shrinking to a small block and schedule), termination, the
 * incarnation bound. The worker_threads mode is in blockstm-threads.test.ts.
 * Fixed seed and modest runs here; PWO_DEEP=1 runs a hundred times more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTx } from "../../reference/codec/index.js";
import { toHex } from "../../reference/common/hex.js";
import {
  balanceKey,
  executeBlock,
  executeBlockStmDeterministic,
  asm,
  nonceKey,
  type State,
} from "../../reference/exec/index.js";
import { runOperation } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import { blockDrawArb, buildBlock, shapedBlockArb, type BlockDraw } from "./arbitraries.js";
import { account, call, contract, makeState, payment, resultView as view } from "./fixtures.js";
import { encodeTx } from "../../reference/codec/index.js";
import { EXEC_INPUTS } from "./arbitraries.js";
import { EXEC_OPERATIONS } from "./operations.js";

const balances = (s: State, accounts: number): bigint => {
  let sum = 0n;
  for (let i = 0; i <= accounts; i++) sum += s.get(toHex(balanceKey(account(i)))) ?? 0n;
  return sum;
};

describe("sequential execution (the definition)", () => {
  it("conserves money: balances before − after = gas burned (fees are burned; transfers move value)", () => {
    fc.assert(
      fc.property(blockDrawArb(12), (d) => {
        const { preState, txs } = buildBlock(d);
        const r = executeBlock(preState, txs);
        // contracts hold value too: count contract balances with the accounts'
        const contractBalances = (s: State) => [0, 1].reduce((a, c) => a + (s.get(toHex(balanceKey(contract(c)))) ?? 0n), 0n);
        expect(balances(preState, d.accounts) + contractBalances(preState) - balances(r.postState, d.accounts) - contractBalances(r.postState)).toBe(r.gasUsed);
      }),
      props(150),
    );
  });

  it("advances each sender's nonce once per applied (non-invalid) transaction; invalid ones burn nothing", () => {
    fc.assert(
      fc.property(blockDrawArb(12), (d) => {
        const { preState, txs } = buildBlock(d);
        const r = executeBlock(preState, txs);
        const applied = new Map<string, bigint>();
        r.outcomes.forEach((o, i) => {
          if (o.status === "invalid") return expect(o.gasUsed).toBe(0);
          const k = toHex(nonceKey(decodeTx(txs[i]!).sender));
          applied.set(k, (applied.get(k) ?? 0n) + 1n);
        });
        for (const [k, n] of applied) expect((r.postState.get(k) ?? 0n) - (preState.get(k) ?? 0n)).toBe(n);
      }),
      props(150),
    );
  });

  it("is deterministic and leaves the pre-state untouched", () => {
    fc.assert(
      fc.property(blockDrawArb(8), (d) => {
        const { preState, txs } = buildBlock(d);
        const before = [...preState];
        expect(view(executeBlock(preState, txs))).toEqual(view(executeBlock(preState, txs)));
        expect([...preState]).toEqual(before);
      }),
      props(50),
    );
  });

  it("answers hostile operation inputs with an output or a typed exec code, never a crash", () => {
    for (const op of EXEC_OPERATIONS) {
      fc.assert(
        fc.property(EXEC_INPUTS[op.name]!, (input) => {
          const outcome = runOperation(op, input);
          // the block-level rules (S1–S3); every transaction-level rejection is an outcome inside the block
          if ("error" in outcome) expect(["INVALID_PRE_STATE", "TOO_MANY_TXS", "BLOCK_GAS_LIMIT"]).toContain(outcome.error);
        }),
        props(60),
      );
    }
  });
});


/** Block-STM on `workers` virtual workers and a schedule = sequential, exactly; incarnations within the bound (the algorithm alone: no fallback). */
function checkBlockStm(d: BlockDraw, workers: number, schedule: number[]): void {
  const { preState, txs } = buildBlock(d);
  const expected = view(executeBlock(preState, txs));
  const { result, stats } = executeBlockStmDeterministic(preState, txs, { workers, schedule, maxSteps: 200_000, fallback: false });
  expect(stats.fallbackAt).toBe(txs.length);
  expect(view(result)).toEqual(expected);
  // transaction 0 reads only the pre-state: one incarnation, never aborted. Every transaction
  // completes at least once, and transaction j completes (records) at most j + 1 incarnations; the
  // incarnation number itself can exceed that, as incarnations stopped by a dependency count too.
  expect(stats.incarnations[0] ?? 1).toBe(1);
  stats.records.forEach((k, j) => {
    expect(k).toBeGreaterThanOrEqual(1);
    expect(k, `transaction ${j} recorded ${k} incarnations`).toBeLessThanOrEqual(j + 1);
    expect(stats.incarnations[j]!).toBeGreaterThanOrEqual(k);
  });
}

describe("Block-STM deterministic mode = sequential", () => {
  const scheduleArb = fc.array(fc.nat(7), { maxLength: 300 });

  it("on random blocks, any worker count, any interleaving", () => {
    fc.assert(fc.property(blockDrawArb(10), fc.integer({ min: 1, max: 4 }), scheduleArb, checkBlockStm), props(400));
  });

  it("on all-conflicting and chain-dependent blocks", () => {
    fc.assert(fc.property(shapedBlockArb(10), fc.integer({ min: 2, max: 4 }), scheduleArb, checkBlockStm), props(300));
  });

  it("replays: equal block, workers and schedule give an equal run", () => {
    fc.assert(
      fc.property(blockDrawArb(8), fc.integer({ min: 2, max: 3 }), scheduleArb, (d, w, s) => {
        const { preState, txs } = buildBlock(d);
        const a = executeBlockStmDeterministic(preState, txs, { workers: w, schedule: s });
        const b = executeBlockStmDeterministic(preState, txs, { workers: w, schedule: s });
        expect(b.stats).toEqual(a.stats);
        expect(view(b.result)).toEqual(view(a.result));
      }),
      props(30),
    );
  });

  it("retries with larger buffers when a block outgrows the first ones, with the same result", () => {
    // 20 calls writing 60 slots each need more version entries than the first capacity (8 per transaction)
    const code = (() => {
      const a = asm();
      for (let i = 0; i < 60; i++) a.push(i).push(i).op("SSTORE");
      return a.bytes();
    })();
    const senders = Array.from({ length: 20 }, (_, i) => account(50 + i));
    const preState = makeState({ balances: senders.map((s) => [s, 10_000_000n] as [Uint8Array, bigint]) });
    const txs = senders.map((s) => encodeTx(call({ sender: s, contract: contract(0), code })));
    const { result } = executeBlockStmDeterministic(preState, txs, { workers: 3 });
    expect(view(result)).toEqual(view(executeBlock(preState, txs)));
    expect(result.outcomes.every((o) => o.status === "success")).toBe(true);
  });

  it("with the sequential fallback triggering at any point (low thresholds), on random and contended blocks", () => {
    const policyArb = fc.record({ minExecutions: fc.integer({ min: 1, max: 12 }), maxRatio: fc.constantFrom(0, 1, 1.25, 2) });
    fc.assert(
      fc.property(fc.oneof(blockDrawArb(10), shapedBlockArb(10)), fc.integer({ min: 1, max: 4 }), scheduleArb, policyArb, (d, workers, schedule, fallback) => {
        const { preState, txs } = buildBlock(d);
        const { result, stats } = executeBlockStmDeterministic(preState, txs, { workers, schedule, fallback, maxSteps: 200_000 });
        expect(view(result)).toEqual(view(executeBlock(preState, txs)));
        expect(stats.fallbackAt).toBeGreaterThanOrEqual(0);
        expect(stats.fallbackAt).toBeLessThanOrEqual(txs.length);
        // the committed prefix was recorded by the workers, within the paper's bound
        stats.records.slice(0, stats.fallbackAt).forEach((k, j) => {
          expect(k).toBeGreaterThanOrEqual(1);
          expect(k).toBeLessThanOrEqual(j + 1);
        });
      }),
      props(300),
    );
  });

  it("the fallback triggers on a nonce chain, and the result is the sequential one", () => {
    // the seeded interleavings of two virtual workers re-execute a chain ~1.8 times per transaction
    // (truly parallel threads ~4 times, above the default ratio of 2): a policy of 1.5 triggers here
    const fallback = { minExecutions: 64, maxRatio: 1.5 };
    const sender = account(7);
    const preState = makeState({ balances: [[sender, 10n ** 12n]] });
    const txs = Array.from({ length: 200 }, (_, i) => encodeTx(payment({ sender, recipient: account(1000 + i), amount: 3n, nonce: BigInt(i), fee: 2_000n })));
    const expected = view(executeBlock(preState, txs));
    let triggered = 0;
    for (const seed of ["a", "b", "c", "d"]) {
      const { result, stats } = executeBlockStmDeterministic(preState, txs, { workers: 2, seed, fallback });
      expect(view(result)).toEqual(expected);
      if (stats.fallbackAt < txs.length) triggered++;
      // without the fallback the same runs re-execute far more than twice per transaction
      const off = executeBlockStmDeterministic(preState, txs, { workers: 2, seed, fallback: false });
      expect(view(off.result)).toEqual(expected);
      expect(off.stats.fallbackAt).toBe(txs.length);
      expect(off.stats.executions).toBeGreaterThan(1.5 * txs.length);
    }
    expect(triggered).toBe(4);
  });

  it("the fallback never triggers on independent payments", () => {
    const senders = Array.from({ length: 100 }, (_, i) => account(i));
    const preState = makeState({ balances: senders.map((s) => [s, 10n ** 12n] as [Uint8Array, bigint]) });
    const txs = senders.map((s, i) => encodeTx(payment({ sender: s, recipient: account(5000 + i), amount: 3n, fee: 2_000n })));
    for (const seed of ["a", "b"]) {
      const { result, stats } = executeBlockStmDeterministic(preState, txs, { workers: 2, seed, fallback: { minExecutions: 64, maxRatio: 1.5 } });
      expect(view(result)).toEqual(view(executeBlock(preState, txs)));
      expect(stats.fallbackAt).toBe(txs.length);
    }
  });

  it("terminates on every block and schedule (bounded steps), including empty blocks", () => {
    const { result, stats } = executeBlockStmDeterministic(new Map(), [], { workers: 3 });
    expect(result.outcomes).toEqual([]);
    expect(stats.executions).toBe(0);
  });

  it("a failing case would print its block and schedule: a wrong executor is caught and shrunk", () => {
    // A sabotaged comparison (sequential result of a block without its last transaction) must fail
    // and fast-check must report a counterexample: the property is not vacuous.
    const r = fc.check(
      fc.property(shapedBlockArb(6), fc.integer({ min: 1, max: 3 }), scheduleArb, (d, w, s) => {
        const { preState, txs } = buildBlock(d);
        const { result } = executeBlockStmDeterministic(preState, txs, { workers: w, schedule: s });
        expect(view(result)).toEqual(view(executeBlock(preState, txs.slice(0, -1))));
      }),
      { ...props(50), verbose: 0 },
    );
    expect(r.failed).toBe(true);
    expect(r.counterexample).not.toBeNull();
  });
});
