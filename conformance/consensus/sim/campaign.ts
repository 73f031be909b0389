/**
 * The network campaign: fast-check drives the simulator over the adversary's search space
 * ({@link scenarioArb}), the invariants are checked on every step, and a violation is shrunk to a
 * minimal scenario, re-run once with its readable trace ({@link buildTrace}: the JSON trace that
 * `pwo consensus replay` reproduces).
 * @module
 */
import fc from "fast-check";
import type { JsonObject } from "../../harness/operation.js";
import { scenarioArb, type CampaignParams } from "./adversary.js";
import type { Violation } from "./invariants.js";
import { scenarioToJson } from "./json.js";
import type { AsyncNodeDriver, NodeContext, NodeDriver } from "./nodes.js";
import { runScenario, runScenarioAsync } from "./run.js";
import type { Scenario } from "./scenario.js";

export interface CampaignOptions extends CampaignParams {
  runs: number;
  seed: number;
  /** Shrink a counterexample (default true); tests that only need "caught" skip it. */
  shrink?: boolean;
  /** Called after every run with the number done. */
  onRun?: (done: number) => void;
  /** Nodes replaced by another implementation (see external.ts); default: the reference everywhere. */
  driver?: (ctx: NodeContext) => NodeDriver | undefined;
}

export interface Counterexample {
  scenario: Scenario;
  violation: Violation;
  seed: number;
  path: string;
  shrinks: number;
  /** One readable line per step of its run, up to the violation. */
  steps: string[];
}

export interface CampaignResult {
  runs: number;
  counterexample: Counterexample | undefined;
}

export function runCampaign(o: CampaignOptions): CampaignResult {
  let done = 0;
  const prop = fc.property(scenarioArb(o), (sc) => {
    const r = runScenario(sc, { driver: o.driver });
    done++;
    o.onRun?.(done);
    return r.violation === undefined;
  });
  const details = fc.check(prop, { seed: o.seed, numRuns: o.runs, endOnFailure: o.shrink === false });
  if (!details.failed || !details.counterexample) return { runs: done, counterexample: undefined };
  const scenario = details.counterexample[0];
  const r = runScenario(scenario, { driver: o.driver, trace: true });
  return { runs: details.numRuns, counterexample: { scenario, violation: r.violation!, seed: o.seed, path: details.counterexamplePath ?? "", shrinks: details.numShrinks, steps: r.trace } };
}

export const TRACE_FORMAT = "pwo-consensus-trace/1";

export interface Trace {
  format: typeof TRACE_FORMAT;
  provenance: { command: string; seed: number; path: string; shrinks: number; nodes: number; byzantine: number; rules: string };
  violation: Violation;
  scenario: JsonObject;
  /** One readable line per step up to the violation. */
  steps: string[];
}

/** The JSON trace of a counterexample, as `pwo consensus replay` reads it. */
export function buildTrace(c: Counterexample, params: CampaignParams, command: string): Trace {
  return {
    format: TRACE_FORMAT,
    provenance: { command, seed: c.seed, path: c.path, shrinks: c.shrinks, nodes: params.nodes, byzantine: params.byzantine, rules: params.rules },
    violation: c.violation,
    scenario: scenarioToJson(c.scenario),
    steps: c.steps,
  };
}

/** {@link runCampaign} with some nodes driven asynchronously (an external implementation); shrinks too. */
export async function runCampaignAsync(o: Omit<CampaignOptions, "driver"> & { driver: (ctx: NodeContext, run: number) => AsyncNodeDriver | undefined }): Promise<CampaignResult> {
  const scenarios = scenarioArb(o);
  let done = 0;
  const prop = fc.asyncProperty(scenarios, async (sc) => {
    done++;
    o.onRun?.(done);
    return (await runScenarioAsync(sc, (ctx) => o.driver(ctx, done))).violation === undefined;
  });
  const details = await fc.check(prop, { seed: o.seed, numRuns: o.runs, endOnFailure: o.shrink === false });
  if (!details.failed || !details.counterexample) return { runs: done, counterexample: undefined };
  const scenario = details.counterexample[0];
  done++;
  const r = await runScenarioAsync(scenario, (ctx) => o.driver(ctx, done), { trace: true });
  return { runs: details.numRuns, counterexample: { scenario, violation: r.violation!, seed: o.seed, path: details.counterexamplePath ?? "", shrinks: details.numShrinks, steps: r.trace } };
}
