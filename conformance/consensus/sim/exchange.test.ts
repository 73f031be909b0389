/**
 * The scripted `consensus-node` exchanges (vectors/consensus/node_exchange.json, spec/consensus.md
 * §Scripted exchanges) played against the example node through the adapter protocol: the example
 * answers every step as the vectors expect; its silent and unsafe variants are told apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, pwo } from "../../harness/testing.js";
import type { Json, JsonObject } from "../../harness/operation.js";
import { ExternalNodes, playExchange } from "./external.js";

const NODE = "node examples/consensus-node/node.mjs";
const file = JSON.parse(readFileSync(join(REPO, "vectors/consensus/node_exchange.json"), "utf8")) as { tests: { tcId: number; comment: string; input: JsonObject; output: { steps: Json[] } }[] };

async function play(command: string): Promise<(string | null)[]> {
  const ext = await ExternalNodes.start(command);
  try {
    const out: (string | null)[] = [];
    for (const t of file.tests) out.push(await playExchange(ext, `exchange/${t.tcId}`, t.input, t.output.steps));
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
});
