/**
 * The scripted `consensus-node` exchanges (vectors/consensus/node_exchange.json, spec/consensus.md
 * §Scripted exchanges) played against the example node through the adapter protocol: the example
 * answers every step as the vectors expect; its silent and unsafe variants are told apart.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pinnedRoot } from "../../harness/manifest.js";
import type { Json } from "../../harness/operation.js";
import { readPinnedVectorFile } from "../../harness/runner.js";
import { REPO, pwo } from "../../harness/testing.js";
import { ExternalNodes, playExchange } from "./external.js";

const NODE = "node examples/consensus-node/node.mjs";
const file = { tests: readPinnedVectorFile(join(REPO, "vectors"), "consensus/node_exchange.json", pinnedRoot(REPO)?.root).tests.flatMap((t) => (t.result === "valid" ? [t] : [])) };

async function play(command: string): Promise<(string | null)[]> {
  const ext = await ExternalNodes.start(command);
  try {
    const out: (string | null)[] = [];
    for (const t of file.tests) out.push(await playExchange(ext, `exchange/${t.tcId}`, t.input, t.output.steps as Json[]));
    return out;
  } finally {
    await ext.close();
  }
}

describe("scripted consensus-node exchanges", () => {
  it("the example node answers every step of every exchange as expected", async () => {
    expect(file.tests.length).toBeGreaterThan(0);
    const got = await play(NODE);
    for (const [k, t] of file.tests.entries()) expect(got[k], `consensus/node_exchange#${t.tcId}: ${t.comment.slice(0, 80)}`).toBeNull();
  });

  it("the silent node (no message, commit or timer) and the unsafe node (commits without counting votes) fail an exchange", async () => {
    expect((await play(`${NODE} --silent`)).every((r) => r !== null)).toBe(true);
    // the unsafe node commits the first anchor one step early, on the certificate that gives it a single vote
    expect((await play(`${NODE} --unsafe`))[0]).toMatch(/^step \d+ \(message\): answered \{"commits":\[\{"anchor"/);
  });

  it("pwo consensus exchange: exit 0 on the example node, 1 on the silent one", () => {
    const ok = pwo(["consensus", "exchange", "--impl", NODE]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`consensus exchange: ${file.tests.length}/${file.tests.length} exchanges answered as expected`);
    const bad = pwo(["consensus", "exchange", "--impl", `${NODE} --silent`]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("FAIL consensus/node_exchange#1");
  });

  it("pwo consensus exchange refuses vectors whose manifest does not verify (exit 2), and plays nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "pwo-exchange-"));
    try {
      cpSync(join(REPO, "vectors"), dir, { recursive: true });
      const p = join(dir, "consensus", "node_exchange.json");
      writeFileSync(p, readFileSync(p, "utf8").replace('"numberOfTests"', ' "numberOfTests"'));
      const r = pwo(["consensus", "exchange", "--impl", NODE, "--vectors", dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/node_exchange\.json/);
      expect(r.stdout).not.toContain("consensus/node_exchange#");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
