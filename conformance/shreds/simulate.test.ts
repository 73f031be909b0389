/**
 * The propagation simulation agrees with the binomial formula (spec/shreds.md §Propagation and
 * recovery probability): the formula lies in the seeded simulation's 99% interval, at loss rates
 * where recovery is neither certain nor hopeless, and the curve falls with the loss rate.
 */
import { describe, expect, it } from "vitest";
import { recoveryFormula, simulateRecovery } from "./simulate.js";

describe("Turbine propagation vs P[Bin(64, q) ≥ 32]", () => {
  const base = { nodes: 30, fanout: 4, fecSets: 1, trials: 60, seed: "pwo/shreds/simulate/test" };
  for (const loss of [0.15, 0.2, 0.22, 0.25]) {
    it(`loss ${loss}`, () => {
      const f = recoveryFormula(base.nodes, base.fanout, loss, base.fecSets);
      const s = simulateRecovery({ ...base, loss });
      console.log(`loss ${loss}: q ${f.q.toFixed(4)} formula ${f.block.toFixed(4)} simulated ${s.mean.toFixed(4)} [${s.lo.toFixed(4)}, ${s.hi.toFixed(4)}]`);
      expect(f.block).toBeGreaterThanOrEqual(s.lo);
      expect(f.block).toBeLessThanOrEqual(s.hi);
    });
  }
  it("the formula falls with the loss rate and more FEC sets", () => {
    const a = recoveryFormula(30, 4, 0.2, 1).block, b = recoveryFormula(30, 4, 0.3, 1).block, c = recoveryFormula(30, 4, 0.3, 4).block;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
  });
});
