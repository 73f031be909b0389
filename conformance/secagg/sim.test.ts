/** The session on the simulation core agrees with the specified loop (reference/secagg/session.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runSession } from "../../reference/secagg/index.js";
import { props } from "../harness/testing.js";
import { dropSchedule, sessionShape } from "./arbitraries.js";
import { fixture, plainSum } from "./fixtures.js";
import { runSessionOnSim } from "./sim.js";

describe("secagg on the simulation core", () => {
  it("seeded delays and crash dropouts give the loop's survivors, sum or abort", () => {
    fc.assert(
      fc.property(sessionShape.chain((s) => fc.tuple(fc.constant(s), dropSchedule(s.n), fc.nat(1000))), ([shape, drops, seed]) => {
        const dropBefore = new Map(drops.map((d) => [d.id, d.round]));
        const f = fixture("props/sim", shape);
        const loop = runSession(f.params, f.clients, { dropBefore });
        const sim = runSessionOnSim(f.params, f.clients, { dropBefore, seed: `props/sim/${seed}` });
        expect(sim.abort).toBe(loop.abort);
        expect(sim.sum).toEqual(loop.sum);
        if (sim.sum) {
          expect(sim.survivors).toEqual([...loop.server.survivors]);
          expect(sim.sum).toEqual(plainSum(f.inputs, sim.survivors, shape.bits));
          expect(sim.session).toEqual(loop.server.session);
        }
      }),
      props(6),
    );
  });
});
