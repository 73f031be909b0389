/**
 * Properties of secagg (spec/secagg.md): the protocol's correctness, abort, the one-share-per-user
 * guarantee, the uniformity of masked inputs and determinism; Shamir and quantization round trips.
 * Sessions are small (n ≤ 6, L ≤ 4) so the file stays within a few tens of seconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../reference/common/rng.js";
import { isSpecError } from "../../reference/common/errors.js";
import {
  decodeMessage,
  dequantizeSum,
  Drbg,
  encodeMessage,
  prgExpand,
  quantize,
  runSession,
  secaggPlusDegree,
  shamirReconstruct,
  shamirSplit,
  TAG,
  type Envelope,
  type Message,
} from "../../reference/secagg/index.js";
import { props } from "../harness/testing.js";
import { dropSchedule, sessionShape } from "./arbitraries.js";
import { fixture, plainSum } from "./fixtures.js";

/** Users that survive to U3 under a schedule (no adversary): those not dropping before round 2. */
const u3Of = (n: number, drops: { id: number; round: number }[]) => Array.from({ length: n }, (_, i) => i + 1).filter((id) => (drops.find((d) => d.id === id)?.round ?? 9) > 2);

describe("secagg sessions", () => {
  it("the unmasked sum is the plain sum of U3's inputs when every round keeps ≥ t users; otherwise the server aborts", () => {
    fc.assert(
      fc.property(sessionShape.chain((s) => fc.tuple(fc.constant(s), dropSchedule(s.n), fc.string({ maxLength: 4 }))), ([shape, drops, label]) => {
        const f = fixture(`props/${label}`, shape);
        const run = runSession(f.params, f.clients, { dropBefore: new Map(drops.map((d) => [d.id, d.round])) });
        const inRound = (r: number) => shape.n - drops.filter((d) => d.round <= r).length;
        // SecAgg+ can also abort when one user's neighbourhood keeps fewer than t holders
        const allRoundsMeetT = [0, 1, 2, 3, 4].every((r) => inRound(r) >= shape.t);
        if (run.abort === null) {
          expect(allRoundsMeetT).toBe(true);
          expect([...run.server.survivors]).toEqual(u3Of(shape.n, drops));
          expect(run.sum).toEqual(plainSum(f.inputs, u3Of(shape.n, drops), shape.bits));
        } else {
          expect(run.abort).toBe("BELOW_THRESHOLD");
          if (shape.degree === shape.n - 1) expect(allRoundsMeetT).toBe(false);
        }
      }),
      props(12),
    );
  });

  it("an honest client never reveals both shares of one user, whatever the server asks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }), (dropOne, extra) => {
        const shape = { n: 5, t: 3, bits: 16, length: 2, degree: 4 };
        const f = fixture("props/both", shape);
        const revealed = new Map<number, { b: Set<number>; s: Set<number> }>();
        const intercept = (e: Envelope): Envelope[] => {
          if (e.round === 4 && e.from === 0) {
            // the malicious server adds arbitrary users to D
            const m = decodeMessage(e.bytes, shape) as Extract<Message, { tag: typeof TAG.UNMASKING_REQUEST }>;
            const dropped = [...new Set([...m.dropped, ...extra])].sort((a, b) => a - b);
            return [{ ...e, bytes: encodeMessage({ ...m, dropped }) }];
          }
          if (e.round === 4 && e.to === 0) {
            const m = decodeMessage(e.bytes, shape) as Extract<Message, { tag: typeof TAG.UNMASKING_RESPONSE }>;
            revealed.set(m.id, { b: new Set(m.bShares.map((s) => s.id)), s: new Set(m.sShares.map((s) => s.id)) });
          }
          return [e];
        };
        runSession(f.params, f.clients, { dropBefore: new Map(dropOne ? [[3, 2]] : []), intercept });
        for (const { b, s } of revealed.values()) for (const u of b) expect(s.has(u), `both shares of ${u}`).toBe(false);
      }),
      props(4),
    );
  });

  it("messages are a function of the seeds: two runs give identical steps", () => {
    const shape = { n: 4, t: 3, bits: 12, length: 3, degree: 3 };
    const a = runSession(fixture("props/det", shape).params, fixture("props/det", shape).clients, { dropBefore: new Map([[2, 3]]) });
    const b = runSession(fixture("props/det", shape).params, fixture("props/det", shape).clients, { dropBefore: new Map([[2, 3]]) });
    expect(a.steps).toEqual(b.steps);
    expect(a.sum).toEqual(b.sum);
  });

  /**
   * A masked input y = x + PRG(b) + … is uniform on Z_R for a fixed x: over 4000 session ids, the
   * first element of y (x = 0 fixed, ℓ = 4, 16 cells) passes Pearson's chi-squared test at
   * α = 0.001 (15 degrees of freedom, critical value 37.70): the false-positive rate of an honest
   * PRG is 0.1% per seed, and the seed is fixed so the test is deterministic. A constant mask
   * (the identity PRG) or a biased one (low bit forced) fails it.
   */
  it("a masked input is indistinguishable from uniform (chi-squared, α = 0.001)", () => {
    const chi2 = (sample: (i: number) => number) => {
      const cells = new Array(16).fill(0);
      for (let i = 0; i < 4000; i++) cells[sample(i)]++;
      return cells.reduce((acc, c) => acc + (c - 250) ** 2 / 250, 0);
    };
    const rng = new Rng("pwo/secagg/props/chi2");
    const seeds = Array.from({ length: 4000 }, () => ({ b: rng.bytes(32), s: rng.bytes(32), sid: rng.bytes(32) }));
    const masked = (i: number) => {
      const { b, s, sid } = seeds[i]!;
      return (0 + prgExpand(b, sid, 4, 1)[0]! + prgExpand(s, sid, 4, 1)[0]!) % 16;
    };
    expect(chi2(masked)).toBeLessThan(37.7);
    expect(chi2(() => 0)).toBeGreaterThan(37.7); // the test can fail
    expect(chi2((i) => masked(i) & 0xe)).toBeGreaterThan(37.7);
  });
});

describe("Shamir and quantization", () => {
  it("split then reconstruct from any t shares returns the secret; t − 1 shares are TOO_FEW_SHARES", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret, t, surplus, key) => {
        const xs = Array.from({ length: t + surplus }, (_, i) => 3 * i + 1);
        const shares = shamirSplit(secret, t, xs, new Drbg(key));
        expect(shamirReconstruct(shares.slice(surplus), t, secret.length)).toEqual(secret);
        expect(shamirReconstruct([...shares].reverse(), t, secret.length)).toEqual(secret);
        try {
          shamirReconstruct(shares.slice(0, t - 1), t, secret.length);
          expect.unreachable();
        } catch (e) {
          expect(isSpecError(e, "secagg") && e.code).toBe("TOO_FEW_SHARES");
        }
      }),
      props(100),
    );
  });

  it("shamir_reconstruct answers hostile input with a typed reason only", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: -1, max: 8 }), data: fc.uint8Array({ maxLength: 12 }) }), { maxLength: 6 }), fc.integer({ min: -1, max: 5 }), fc.integer({ min: -1, max: 12 }), (shares, t, len) => {
        try {
          shamirReconstruct(shares, t, len);
        } catch (e) {
          expect(isSpecError(e, "secagg")).toBe(true);
        }
      }),
      props(300),
    );
  });

  it("quantization: elements lie in [0, m]; the dequantized sum is within count · 2c/m of the clipped sum", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 8, max: 24 }), (clients, bits) => {
        const p = { clip: 2, bits, clients: 8 };
        const m = Math.floor((2 ** bits - 1) / 8);
        const qs = clients.map((v, i) => quantize(v, p, `q/${i}`));
        for (const q of qs) for (const e of q) expect(e >= 0 && e <= m).toBe(true);
        const sum = [0, 1, 2].map((j) => qs.reduce((a, q) => a + q[j]!, 0));
        const back = dequantizeSum(sum, p, clients.length);
        [0, 1, 2].forEach((j) => {
          const exact = clients.reduce((a, v) => a + Math.min(2, Math.max(-2, v[j]!)), 0);
          expect(Math.abs(back[j]! - exact)).toBeLessThanOrEqual((clients.length * 4) / m + 1e-9);
        });
      }),
      props(100),
    );
  });
});

// secaggPlusDegree is outside the mutation scope (no operation calls it); this pins it to its
// definition, spec/secagg.md: the smallest even k with k ≥ 3·log2(n), or n − 1 when that is no smaller
describe("secaggPlusDegree", () => {
  it("is the smallest even k ≥ 3·log2 n, capped at the complete graph n − 1", () => {
    for (let n = 3; n <= 5000; n++) {
      const k = secaggPlusDegree(n);
      let want = 2;
      while (want < 3 * Math.log2(n)) want += 2;
      expect(k, `n = ${n}`).toBe(want >= n - 1 ? n - 1 : want);
    }
  });
});
