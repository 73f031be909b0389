/**
 * Third-party nodes through the adapter protocol: an external implementation replaces honest nodes of
 * the simulated network and faces the same invariants. The reference behind the protocol passes; the
 * deliberately unsafe node (commits anchors without counting votes) is caught.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pwo } from "../../harness/testing.js";
import { runCampaignAsync } from "./campaign.js";
import { ExternalNodes, replaces } from "./external.js";

const NODE = "node examples/consensus-node/node.mjs";

describe("external consensus nodes", () => {
  it("the reference behind the adapter protocol, replacing every honest node, passes", async () => {
    const ext = await ExternalNodes.start(NODE);
    try {
      const r = await runCampaignAsync({ nodes: 4, byzantine: 1, rules: "reference", runs: 3, seed: 1, shrink: false, driver: (ctx, run) => (replaces(ctx, "all") ? ext.driver(ctx, run) : undefined) });
      expect(r.counterexample?.violation).toBeUndefined();
      expect(r.runs).toBe(3);
    } finally {
      await ext.close();
    }
  }, 120_000);

  it("an unsafe external node (commits without counting votes) replacing one honest node is caught", async () => {
    const ext = await ExternalNodes.start(`${NODE} --unsafe`);
    try {
      // seed 7: the campaign seed under which the in-process twin of this node is caught within 40 runs
      const r = await runCampaignAsync({ nodes: 4, byzantine: 1, rules: "reference", runs: 40, seed: 7, shrink: false, driver: (ctx, run) => (replaces(ctx, "one") ? ext.driver(ctx, run) : undefined) });
      expect(r.counterexample?.violation.invariant).toBe("agreement");
    } finally {
      await ext.close();
    }
  }, 180_000);

  it("a node that takes no part (no message, no commit) is caught, replacing one honest node or all of them", async () => {
    for (const mode of ["one", "all"] as const) {
      const ext = await ExternalNodes.start(`${NODE} --silent`);
      try {
        const r = await runCampaignAsync({ nodes: 4, byzantine: 1, rules: "reference", runs: 10, seed: 1, shrink: false, driver: (ctx, run) => (replaces(ctx, mode) ? ext.driver(ctx, run) : undefined) });
        expect(r.counterexample?.violation.invariant, mode).toBe("liveness");
      } finally {
        await ext.close();
      }
    }
  }, 120_000);

  it("pwo consensus check and replay: exit 0 on the reference, 1 with a replayable trace on a mutant", () => {
    const ok = pwo(["consensus", "check", "--runs", "3", "--dag-runs", "10"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("no violation in 10 DAGs");
    expect(ok.stderr).toContain("consensus check: network 3/3 runs");
    const trace = join(tmpdir(), `pwo-consensus-trace-${process.pid}.json`);
    rmSync(trace, { force: true });
    const bad = pwo(["consensus", "check", "--runs", "20", "--dag-runs", "0", "--rules", "no-equivocation-check", "--trace", trace]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("VIOLATION integrity");
    expect(existsSync(trace)).toBe(true);
    expect(JSON.parse(readFileSync(trace, "utf8")).format).toBe("pwo-consensus-trace/1");
    const replay = pwo(["consensus", "replay", trace]);
    expect(replay.status).toBe(1);
    expect(replay.stdout).toContain("VIOLATION reproduced: integrity");
    expect(pwo(["consensus", "check", "--byzantine", "2"]).status).toBe(2);
    expect(pwo(["consensus", "frobnicate"]).status).toBe(2);
    rmSync(trace, { force: true });
  }, 180_000);
});
