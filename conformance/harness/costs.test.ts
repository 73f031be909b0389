/**
 * Issue 15's cost findings against the reference, one test each: every request within the limits
 * answers (the caps of each spec page's cost model), every request beyond them answers its typed
 * code without doing the work. No test here measures time: the hostile campaign does (`pwo hostile`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_AGGREGATE_SIZE, MAX_BATCH_SIZE } from "../../reference/bls/constants.js";
import { MAX_SIM_EVENTS } from "../../reference/consensus/constants.js";
import { isSpecError } from "../../reference/common/errors.js";
import { executeBlock, MAX_BLOCK_GAS, MAX_TX_GAS } from "../../reference/exec/index.js";
import { encodeTx } from "../../reference/codec/index.js";
import { runScenario } from "../consensus/simulator.js";
import { scenarioFromJson } from "../consensus/operations.js";
import { account, call, contract, makeState } from "../exec/fixtures.js";
import { SUITES } from "../suites.js";
import { pinnedRoot } from "./manifest.js";
import { MAX_DECIMAL_DIGITS } from "./operation.js";
import { makeAnswerer } from "./serve.js";
import { REPO, pwo } from "./testing.js";

const session = () => {
  const a = makeAnswerer(SUITES, "test");
  a(JSON.stringify({ type: "hello", protocol: 1 }));
  let id = 1;
  return (suite: string, operation: string, input: unknown) => a(JSON.stringify({ id: id++, suite, operation, input })) as { output?: Record<string, unknown>; error?: { code: string } };
};

describe("bounded work per request (issue 15)", () => {
  it("codec/workload: blocks 2^53 − 1 with txsPerBlock 0 is BAD_INPUT (the guard no longer multiplies to 0)", () => {
    const ask = session();
    expect(ask("codec", "workload", { seed: "s", blocks: 2 ** 53 - 1, txsPerBlock: 0, sigMode: "single" }).error?.code).toBe("BAD_INPUT");
    expect(ask("codec", "workload", { seed: "s", blocks: 3, txsPerBlock: 0, sigMode: "single" }).output).toBeDefined();
  });

  it("codec/encode_varint: a decimal of more than MAX_DECIMAL_DIGITS digits is BAD_INPUT before BigInt parses it", () => {
    const ask = session();
    expect(ask("codec", "encode_varint", { value: "9".repeat(1_000_000) }).error?.code).toBe("BAD_INPUT");
    expect((ask("codec", "encode_varint", { value: "9".repeat(MAX_DECIMAL_DIGITS) }).output?.data as string).length).toBeGreaterThan(2 * 1900);
  });

  it("consensus/simulate: a scenario beyond MAX_SIM_EVENTS is EVENT_LIMIT, counted as events are delivered", () => {
    const sc = scenarioFromJson({ stakes: [1, 1, 1, 1], nodes: [0, 1, 2, 3].map((a) => ({ authority: a, behaviour: "honest" })), rules: "reference", gst: 0, delta: 1, timeout: 2, until: 5000, gcDepth: 50, partitions: [], delays: [1], slow: [], slowBy: 0 });
    let code: string | undefined;
    try {
      runScenario(sc, { maxEvents: 500 });
    } catch (e) {
      code = isSpecError(e, "consensus") ? e.code : String(e);
    }
    expect(code).toBe("EVENT_LIMIT");
    expect(runScenario({ ...sc, until: 20 }, { maxEvents: MAX_SIM_EVENTS }).steps).toBeLessThan(MAX_SIM_EVENTS);
  });

  it("consensus/order_dag: 50 000 certificates whose parents never arrive stay unordered (linear buffering)", () => {
    const ask = session();
    const hex = (i: number) => i.toString(16).padStart(64, "0");
    const certificates = Array.from({ length: 50_000 }, (_, i) => ({ author: i % 4, round: 2 + Math.floor(i / 4), payload: [], parents: [hex(i + 1)] }));
    expect(ask("consensus", "order_dag", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates })).toMatchObject({ output: { anchors: [], sequence: [] } });
  });

  it("bls: counts above MAX_AGGREGATE_SIZE and MAX_BATCH_SIZE are raised before any item is decoded, also by the verify family", () => {
    const ask = session();
    const junk = (n: number, bytes: number) => Array<string>(n).fill("00".repeat(bytes));
    expect(ask("bls", "aggregate", { signatures: junk(MAX_AGGREGATE_SIZE + 1, 96) }).error?.code).toBe("AGGREGATE_TOO_LARGE");
    expect(ask("bls", "fast_aggregate_verify", { pks: junk(MAX_AGGREGATE_SIZE + 1, 48), message: "", signature: "00".repeat(96) }).error?.code).toBe("AGGREGATE_TOO_LARGE");
    expect(ask("bls", "batch_verify", { pks: junk(MAX_BATCH_SIZE + 1, 48), messages: junk(MAX_BATCH_SIZE + 1, 1), signatures: junk(MAX_BATCH_SIZE + 1, 96) }).error?.code).toBe("BATCH_TOO_LARGE");
  });

  it("bls/aggregate_verify: distinct messages under the basic scheme are checked by a hash set (a repeat among MAX_BATCH_SIZE is false)", () => {
    const ask = session();
    const messages = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => i.toString(16).padStart(8, "0"));
    messages[MAX_BATCH_SIZE - 1] = messages[0]!;
    const r = ask("bls", "aggregate_verify", { pks: Array<string>(MAX_BATCH_SIZE).fill("00"), messages, signature: "00", ciphersuite: "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_" });
    expect(r).toMatchObject({ output: { valid: false } });
  });

  it("exec/execute_block: transactions declaring more than MAX_BLOCK_GAS are BLOCK_GAS_LIMIT before any runs", () => {
    const A = account(0);
    const loop = new Uint8Array([0x30, 0x00, 0x00]); // JUMP 0, an endless loop: never run, the block is refused first
    const txs = Array.from({ length: MAX_BLOCK_GAS / MAX_TX_GAS + 1 }, (_, i) => encodeTx(call({ sender: A, contract: contract(0), code: loop, nonce: BigInt(i), fee: BigInt(MAX_TX_GAS) })));
    let code: string | undefined;
    try {
      executeBlock(makeState({ balances: [[A, 10n ** 12n]] }), txs);
    } catch (e) {
      code = isSpecError(e, "exec") ? e.code : String(e);
    }
    expect(code).toBe("BLOCK_GAS_LIMIT");
  });
});

describe("the pinned root", () => {
  it("conformance/pinned-root.json pins the root of the committed vectors (npm run vectors writes it)", () => {
    const m = JSON.parse(readFileSync(join(REPO, "vectors/manifest.json"), "utf8")) as { root: string; suiteVersion: string };
    expect(pinnedRoot(REPO)).toEqual({ suiteVersion: m.suiteVersion, root: m.root });
  });
});

describe("pwo hostile", () => {
  it("the quick campaign against pwo serve: 0 crashes, 0 hangs, 0 INTERNAL, every answer typed and within its bound", () => {
    const out = join(REPO, "node_modules", ".pwo-hostile-quick.json");
    const r = pwo(["hostile", "--impl", "pwo serve", "--quiet", "--report-json", out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { results: { suite: string; operation: string; kind: string; failures: string[]; rssMiB: number | null }[] };
    const ops = new Set(report.results.map((x) => `${x.suite}/${x.operation}`));
    for (const s of SUITES) for (const o of s.operations) expect(ops.has(`${s.name}/${o.name}`), `${s.name}/${o.name} not covered`).toBe(true);
    expect(report.results.filter((x) => ["crash", "timeout", "INTERNAL", "malformed"].includes(x.kind))).toEqual([]);
    const report2 = report as unknown as { results: { cls: string; what: string; kind: string }[] };
    expect(report2.results.filter((x) => x.cls === "huge-line").map((x) => x.kind)).toEqual(["BAD_REQUEST"]);
    const overLimit = report2.results.filter((x) => x.cls === "huge-count");
    expect(overLimit.length).toBeGreaterThan(0);
    expect(overLimit.every((x) => x.kind === "BAD_INPUT")).toBe(true);
  });

  it("fails an implementation that crashes on one request, and goes on after restarting it", () => {
    const r = pwo(["hostile", "--impl", "node conformance/harness/testdata/misbehave.mjs crash 3", "--suite", "codec", "--quiet"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL: \d+ requests, 1 failed, 1 restart/);
    expect(r.stdout).toMatch(/answers: .*crash 1/);
  });
});
