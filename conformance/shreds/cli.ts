/**
 * `pwo shreds simulate` (spec/shreds.md §Propagation and recovery probability): the block recovery
 * probability versus the per-link loss rate, simulated over Turbine trees and compared with the
 * binomial formula, printed as a table.
 * @module
 */
import { int, num, UsageError, type Command } from "../harness/command.js";
import { recoveryFormula, simulateRecovery } from "./simulate.js";

export const shredsCommand: Command = {
  summary: "shreds simulate: Turbine block recovery probability vs packet loss (simulation and binomial formula)",
  usage: `pwo shreds simulate [--nodes N] [--loss P] [--fanout F] [--sets S] [--trials T] [--steps K]

  Propagates blocks of S FEC sets (32 data + 32 coding shreds each) over the Turbine trees of N equally
  staked nodes (fanout F, a new tree per shred), every link losing each packet with probability p, for
  K + 1 loss rates p from 0 to P. Prints, per p: the per-shred arrival probability q, the formula
  P[Bin(64, q) ≥ 32]^S, the simulated fraction of nodes recovering the block over T seeded blocks with
  its 99% interval, and whether the formula lies inside it.
  Defaults: --nodes 200 --loss 0.5 --fanout 200 --sets 1 --trials 40 --steps 10`,
  options: { nodes: { type: "string" }, loss: { type: "string" }, fanout: { type: "string" }, sets: { type: "string" }, trials: { type: "string" }, steps: { type: "string" } },
  positionals: true,
  async run(values, positionals) {
    if (positionals[0] !== "simulate" || positionals.length !== 1) throw new UsageError("expected: pwo shreds simulate [options]");
    const nodes = int(values.nodes, "nodes", 200, 2);
    const loss = num(values.loss, "loss", 0.5, 0, 1);
    const fanout = int(values.fanout, "fanout", 200, 1);
    const fecSets = int(values.sets, "sets", 1, 1);
    const trials = int(values.trials, "trials", 40, 2);
    const steps = int(values.steps, "steps", 10, 1);
    if (nodes > 10_000 || fecSets > 64) throw new UsageError("--nodes at most 10000, --sets at most 64");
    console.log(`pwo shreds simulate --nodes ${nodes} --loss ${loss} --fanout ${fanout} --sets ${fecSets} --trials ${trials} --steps ${steps}`);
    console.log("loss    q (arrival)  formula   simulated  99% interval      agree");
    let disagreements = 0;
    for (let i = 0; i <= steps; i++) {
      const p = (loss * i) / steps;
      const f = recoveryFormula(nodes, fanout, p, fecSets);
      const s = simulateRecovery({ nodes, fanout, loss: p, fecSets, trials, seed: `pwo/shreds/simulate/v1/${p}` });
      const agree = f.block >= s.lo && f.block <= s.hi;
      if (!agree) disagreements++;
      console.log(`${p.toFixed(3).padEnd(8)}${f.q.toFixed(4).padEnd(13)}${f.block.toFixed(4).padEnd(10)}${s.mean.toFixed(4).padEnd(11)}[${s.lo.toFixed(4)}, ${s.hi.toFixed(4)}]  ${agree ? "yes" : "NO"}`);
    }
    console.log(`${disagreements} of ${steps + 1} loss rates outside the interval (about 1% expected at 99%)`);
    return 0;
  },
};
