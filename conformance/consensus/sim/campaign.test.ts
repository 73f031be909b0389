/**
 * The standard campaign on the reference finds nothing, and it catches every mutant of the reference:
 * the harness proves its own power (spec/consensus.md §Invariants).
 */
import { describe, expect, it } from "vitest";
import { DEEP, SEED } from "../../harness/testing.js";
import { runScenario } from "./run.js";
import { runStandardCampaign } from "./check.js";
import { MUTANT_NAMES } from "./mutants.js";
import { COUNTEREXAMPLES, STANDARD_SCENARIOS } from "../scenarios.js";

const NETWORK_RUNS = DEEP ? 2000 : 25;
const DAG_RUNS = DEEP ? 20_000 : 300;

describe("consensus campaign", () => {
  it(`the reference passes the standard campaign (${NETWORK_RUNS} network runs, ${DAG_RUNS} random DAGs, seed ${SEED})`, () => {
    const r = runStandardCampaign({ rules: "reference", seed: SEED, networkRuns: NETWORK_RUNS, dagRuns: DAG_RUNS });
    expect(r.network?.violation, JSON.stringify(r.network?.scenario)).toBeUndefined();
    expect(r.dag?.detail).toBeUndefined();
    expect(r.networkRuns).toBe(NETWORK_RUNS);
    expect(r.dagRuns).toBe(DAG_RUNS);
  }, 600_000);

  for (const mutant of MUTANT_NAMES) {
    it(`the standard campaign catches the mutant ${mutant}`, () => {
      const r = runStandardCampaign({ rules: mutant, seed: SEED, networkRuns: NETWORK_RUNS, dagRuns: DAG_RUNS });
      const caught = r.network?.violation.invariant ?? r.dag?.invariant;
      expect(caught, `${mutant}: ${r.networkRuns} network runs and ${r.dagRuns} DAGs found nothing`).toBeDefined();
    }, 600_000);
  }

  it("every named scenario is safe under the reference, and every promoted counterexample still fails", () => {
    for (const [name, s] of Object.entries(STANDARD_SCENARIOS)) expect(runScenario(s.scenario).violation, name).toBeUndefined();
    for (const c of COUNTEREXAMPLES) {
      expect(runScenario(c.scenario).violation, c.provenance).toBeDefined();
      expect(runScenario({ ...c.scenario, rules: "reference" }).violation, `${c.provenance}, under the reference`).toBeUndefined();
    }
  }, 120_000);
});
