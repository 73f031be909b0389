/**
 * Properties of the consensus reference: leader schedule, encodings, validity rules on hostile input,
 * delivery-order independence of the ordering, and the node state machine's determinism.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { Rng } from "../../reference/common/rng.js";
import {
  checkCertificate,
  digestKey,
  headerDigest,
  leaderOf,
  quorumThreshold,
  validityThreshold,
  SIM_HASH_SCHEME,
  orderDag,
  type Committee,
} from "../../reference/consensus/index.js";
import { runOperation } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import { CONSENSUS_INPUTS, dagInputArb, scenarioArb } from "./arbitraries.js";
import { CONSENSUS_OPERATIONS } from "./operations.js";
import { shuffled, slowAuthorityOrder } from "./sim/dags.js";
import { runScenario } from "./sim/run.js";

const committeeOf = (stakes: number[]): Committee => ({ authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) });
const seqOf = (c: ReturnType<typeof orderDag>) => c.flatMap((s) => s.vertices.map((v) => digestKey(v.digest)));

describe("consensus properties", () => {
  it("thresholds: two quorums intersect in more than S/3; V stake always holds more than f", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 50 }), (stakes) => {
        const c = committeeOf(stakes);
        const S = stakes.reduce((a, b) => a + b, 0);
        const Q = quorumThreshold(c);
        const V = validityThreshold(c);
        expect(2 * Q - S).toBeGreaterThan(S / 3); // |A ∩ B| ≥ 2Q − S > S/3
        expect(3 * V).toBeGreaterThanOrEqual(S); // V ≥ S/3: V stake cannot be all faulty (faulty < V)
        expect(Q + V).toBeGreaterThan(S); // a quorum and V stake intersect
      }),
      props(200),
    );
  });

  it("leader schedule: each authority leads stake_i times in every S consecutive leader rounds", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), fc.nat(50), (stakes, start) => {
        const c = committeeOf(stakes);
        const S = stakes.reduce((a, b) => a + b, 0);
        const counts = stakes.map(() => 0);
        for (let k = start; k < start + S; k++) counts[leaderOf(c, 2 * (k + 1))]!++;
        expect(counts).toEqual(stakes);
      }),
      props(100),
    );
  });

  it("delivery-order independence: every drawn permutation and slow-node order of a random DAG commits the same sequence", () => {
    fc.assert(
      fc.property(dagInputArb, fc.nat(), (d, salt) => {
        const c = committeeOf(d.stakes);
        const reference = seqOf(orderDag(c, d.gcDepth, d.dag));
        const rng = new Rng(`pwo/consensus/test/order/${salt}`);
        for (const order of [d.order, shuffled(d.dag, rng), slowAuthorityOrder(d.dag, d.slowAuthors)]) expect(seqOf(orderDag(c, d.gcDepth, order))).toEqual(reference);
        // a node that has received only a prefix commits a prefix
        const part = seqOf(orderDag(c, d.gcDepth, d.order.slice(0, rng.below(d.order.length + 1))));
        expect(reference.slice(0, part.length)).toEqual(part);
      }),
      props(60),
    );
  });

  it("ordering: no vertex twice, parents before children, each anchor last in its sub-DAG", () => {
    fc.assert(
      fc.property(dagInputArb, (d) => {
        const commits = orderDag(committeeOf(d.stakes), d.gcDepth, d.order);
        const position = new Map<string, number>();
        for (const k of seqOf(commits)) {
          expect(position.has(k)).toBe(false);
          position.set(k, position.size);
        }
        for (const h of d.dag) {
          const at = position.get(digestKey(headerDigest(h)));
          for (const p of h.parents) if (at !== undefined && position.has(digestKey(p))) expect(position.get(digestKey(p))!).toBeLessThan(at);
        }
        for (const s of commits) expect(digestKey(s.vertices.at(-1)!.digest)).toBe(digestKey(s.anchor.digest));
      }),
      props(60),
    );
  });

  it("every operation answers an output or a typed rejection on arbitrary input, never another exception", () => {
    for (const op of CONSENSUS_OPERATIONS) {
      const arb = CONSENSUS_INPUTS[op.name]!;
      fc.assert(
        fc.property(arb, (input) => {
          const out = runOperation(op, input);
          expect("output" in out || typeof out.error === "string").toBe(true);
        }),
        props(op.name === "simulate" ? 3 : 40),
      );
    }
  });

  it("certificates: a tampered signer set or signature is rejected with INSUFFICIENT_STAKE, NON_CANONICAL_ORDER or INVALID_SIGNATURE", () => {
    fc.assert(
      fc.property(CONSENSUS_INPUTS.check_certificate!, (input) => {
        const out = runOperation(CONSENSUS_OPERATIONS.find((o) => o.name === "check_certificate")!, input);
        if ("error" in out) expect(["UNKNOWN_AUTHORITY", "INVALID_ROUND", "INVALID_DIGEST", "NON_CANONICAL_ORDER", "INSUFFICIENT_STAKE", "INVALID_SIGNATURE", "INVALID_GENESIS", "TOO_MANY_ENTRIES"]).toContain(out.error);
      }),
      props(100),
    );
    expect(() => checkCertificate({ authorities: [] }, SIM_HASH_SCHEME, { header: { author: 0, round: 1, payload: [], parents: [] }, signers: [], signature: new Uint8Array(0) })).toSatisfy((f: () => void) => {
      try {
        f();
        return false;
      } catch (e) {
        return isSpecError(e, "consensus");
      }
    });
  });

  it("the simulator is deterministic: one scenario, one result", () => {
    fc.assert(
      fc.property(scenarioArb({ nodes: 4, byzantine: 1, rules: "reference" }), (sc) => {
        const short = { ...sc, until: Math.min(sc.until, 150) };
        const a = runScenario(short);
        const b = runScenario(short);
        expect(b.sequences).toEqual(a.sequences);
        expect(b.steps).toBe(a.steps);
      }),
      props(3),
    );
  });
});

describe("consensus with BLS signatures (the bls component)", () => {
  it("a simulation under bls12381-pop-v1 commits exactly what it commits under sim-hash-v1, and stays safe", async () => {
    const { BLS_SCHEME } = await import("../../reference/consensus/index.js");
    const { STANDARD_SCENARIOS } = await import("./scenarios.js");
    const sc = { ...STANDARD_SCENARIOS.equivocatingLeader.scenario, until: 45 };
    const bls = runScenario(sc, { scheme: BLS_SCHEME });
    const sim = runScenario(sc);
    expect(bls.violation).toBeUndefined();
    expect(Object.values(bls.sequences)[0]!.length).toBeGreaterThan(0);
    expect(bls.sequences).toEqual(sim.sequences);
  }, 120_000);
});
