/**
 * `pwo consensus check` and `pwo consensus replay` (spec/consensus.md §Simulation): big campaigns
 * with progress lines, counterexamples shrunk and written as JSON traces, and their step-by-step replay;
 * `pwo consensus exchange`, the scripted exchanges against an external node (§Scripted exchanges).
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { int, str, UsageError, type Command } from "../../harness/command.js";
import { pinnedRoot } from "../../harness/manifest.js";
import type { Json } from "../../harness/operation.js";
import { openVectors } from "../../harness/pack.js";
import { readPinnedVectorFile, SetupError } from "../../harness/runner.js";
import type { VectorFile } from "../../harness/vectorfile.js";
import { consensusCheck, consensusReplay, type CheckOptions } from "./check.js";
import { ExternalNodes, playExchange } from "./external.js";
import { MUTANT_NAMES, type RulesName } from "./mutants.js";

/** `pwo consensus check|replay`, contributed to the command registry by the consensus suite. */
export const consensusCommand: Command = {
  positionals: true,
  summary: "consensus safety campaigns over the simulated network, and replay of their traces",
  usage: `pwo consensus check [--runs N] [--nodes n] [--byzantine f] [--dag-runs M] [--seed S] [--rules R] [--trace FILE]
                    [--impl "<command>" [--replace one|all]]
pwo consensus replay TRACE.json [--impl "<command>" [--replace one|all]]
pwo consensus exchange --impl "<command>" [--vectors DIR|FILE.tar.gz] [--allow-unpinned]

  check    runs N adversarial network schedules (n validators, f of them faulty: Byzantine, crash or
           twins) then M random DAGs in many delivery orders, checking agreement, integrity, validity
           and liveness on every step; a violation is shrunk to a minimal schedule and written as a
           JSON trace (default consensus-trace.json). Exit status 1 on a violation.
  replay   re-runs a trace step by step, printing every event; exit status 1 when the violation reproduces.
  exchange plays the scripted exchanges of consensus/node_exchange.json against an external node
           (init, then one step per event), comparing every answer; exit status 1 on a difference.

  --runs       network runs (default 100)
  --nodes      validators, equal stakes (default 4)
  --byzantine  faulty validators, at most (n − 1)/3 (default: that maximum)
  --dag-runs   random DAGs (default 10 × runs; 0 skips them)
  --seed       fast-check seed (default 20261124)
  --rules      reference (default) or a mutant: ${MUTANT_NAMES.join(", ")}
  --impl       an external node (adapter protocol, suite consensus-node) replacing honest nodes
  --replace    one (default) or all honest nodes
  --vectors    exchange's vectors: a directory or a pwo vectors pack tarball (default: the package's);
               its manifest is verified and its root must be the package's pinned root
  --allow-unpinned  exchange: play vectors whose root is not the pinned one`,
  options: {
    runs: { type: "string" },
    nodes: { type: "string" },
    byzantine: { type: "string" },
    "dag-runs": { type: "string" },
    seed: { type: "string" },
    rules: { type: "string" },
    trace: { type: "string" },
    impl: { type: "string" },
    replace: { type: "string" },
    vectors: { type: "string" },
    "allow-unpinned": { type: "boolean" },
  },
  async run(v, pos) {
    const [action, file] = pos;
    const replace = (v.replace === undefined ? "one" : str(v.replace, "replace")) as "one" | "all";
    if (replace !== "one" && replace !== "all") throw new UsageError(`--replace: expected one or all, got ${JSON.stringify(replace)}`);
    const impl = v.impl === undefined ? undefined : str(v.impl, "impl");
    const out = (s: string) => process.stdout.write(`${s}\n`);
    if (action === "check") {
      const nodes = int(v.nodes, "nodes", 4);
      const f = Math.floor((nodes - 1) / 3);
      const byzantine = int(v.byzantine, "byzantine", f, 0);
      if (byzantine > f) throw new UsageError(`--byzantine: at most ${f} of ${nodes} validators, got ${byzantine}`);
      const rules = (v.rules === undefined ? "reference" : str(v.rules, "rules")) as RulesName;
      if (rules !== "reference" && !MUTANT_NAMES.includes(rules)) throw new UsageError(`--rules: expected reference or ${MUTANT_NAMES.join(", ")}`);
      const runs = int(v.runs, "runs", 100);
      const options: CheckOptions = { runs, nodes, byzantine, rules, replace, impl, dagRuns: impl ? 0 : int(v["dag-runs"], "dag-runs", 10 * runs, 0), seed: v.seed === undefined ? 20261124 : int(v.seed, "seed", 0, -(2 ** 31)), trace: typeof v.trace === "string" ? v.trace : "consensus-trace.json" };
      return consensusCheck(options, out, (s) => process.stderr.write(`${s}\n`));
    }
    if (action === "replay") {
      if (file === undefined) throw new UsageError("pwo consensus replay needs a trace file");
      return consensusReplay(file, impl, replace, out);
    }
    if (action === "exchange") {
      if (impl === undefined) throw new UsageError("pwo consensus exchange needs --impl");
      const root = fileURLToPath(new URL("../../../..", import.meta.url));
      let opened: ReturnType<typeof openVectors>;
      try {
        opened = openVectors(typeof v.vectors === "string" ? v.vectors : join(root, "vectors"));
      } catch (e) {
        throw new SetupError((e as Error).message);
      }
      try {
        const file = readPinnedVectorFile(opened.dir, "consensus/node_exchange.json", pinnedRoot(root)?.root, v["allow-unpinned"] === true);
        return await consensusExchange(impl, file, out);
      } finally {
        opened.close();
      }
    }
    throw new UsageError(action === undefined ? "pwo consensus needs an action: check, replay or exchange" : `unknown action "${action}"`);
  },
};

/**
 * Plays every valid scripted exchange against the implementation; 0 when every answer is the expected
 * one, 1 otherwise. The invalid cases (a configuration the operation rejects) are `pwo conform`'s: a
 * consensus-node has no error answer to `init` to compare.
 */
async function consensusExchange(impl: string, vectors: VectorFile, out: (s: string) => void): Promise<number> {
  const cases = vectors.tests.flatMap((t) => (t.result === "valid" ? [t] : []));
  const ext = await ExternalNodes.start(impl);
  let failed = 0;
  try {
    for (const t of cases) {
      const diff = await playExchange(ext, `exchange/${t.tcId}`, t.input, t.output.steps as Json[]);
      if (diff) failed++;
      out(`${diff ? "FAIL" : "ok  "} consensus/node_exchange#${t.tcId} (${(t.input.events as Json[]).length} events): ${diff ?? t.comment.slice(0, 100)}`);
    }
  } finally {
    await ext.close();
  }
  out(`consensus exchange: ${cases.length - failed}/${cases.length} exchanges answered as expected`);
  return failed ? 1 : 0;
}
