/**
 * Properties of the da reference (spec/da.md): Reed-Solomon round trips and the readable/fast
 * differential, NMT order and proof soundness against single-byte changes, the extended square's
 * linearity, reconstruction, fraud proofs existing exactly for badly extended squares, the
 * sampling formula against a simulation and against exact rationals at its edges, and typed errors
 * only on hostile operation inputs.
 * Fixed seed and modest runs here; PWO_DEEP=1 runs a hundred times more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import {
  computeSquareWidth,
  createBadEncodingProof,
  createSample,
  detectionProbability,
  extendSquare,
  getAxis,
  getOriginalShares,
  hashNmtLeaf,
  MAX_SQUARE_WIDTH,
  nmtProveNamespace,
  nmtProveRange,
  nmtRoot,
  readableReedSolomon,
  reconstructSquare,
  reedSolomon,
  rsEncode,
  rsReconstruct,
  samplesForConfidence,
  squareCode,
  verifyBadEncodingProof,
  verifyNmtNamespace,
  verifyNmtRange,
  verifySample,
  type ExtendedSquare,
} from "../../reference/da/index.js";
import { applyMutation, mutationArb } from "../harness/arbitraries.js";
import { runOperation } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import { nmtLeavesArb, rsShapeArb, squareArb } from "./arbitraries.js";
import { DA_OPERATIONS } from "./operations.js";
import { badlyExtended, NMT_FIGURE1_LEAVES } from "./vectors.js";
import { DA_INPUTS } from "./arbitraries.js";

/** The SpecError code `f` threw, or "ok". Anything but a da SpecError propagates. */
function outcome(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    if (isSpecError(e, "da")) return e.code;
    throw e;
  }
}

describe("Reed-Solomon", () => {
  it("reconstructs every shard from any k of n, and fails cleanly with fewer", () => {
    fc.assert(
      fc.property(rsShapeArb, fc.array(fc.nat(), { maxLength: 48 }), ({ data, m }, order) => {
        const all = [...data, ...rsEncode(data, m)];
        const n = all.length;
        // a random permutation of the indices: keep the first `keep` of it
        const idx = Array.from({ length: n }, (_, i) => i);
        order.forEach((r, i) => {
          const a = i % n;
          const b = r % n;
          [idx[a], idx[b]] = [idx[b]!, idx[a]!];
        });
        const keepK = new Set(idx.slice(0, data.length));
        expect(rsReconstruct(all.map((s, i) => (keepK.has(i) ? s : undefined)), data.length).map(toHex)).toEqual(all.map(toHex));
        const keepLess = new Set(idx.slice(0, data.length - 1));
        expect(outcome(() => rsReconstruct(all.map((s, i) => (keepLess.has(i) ? s : undefined)), data.length))).toBe("TOO_FEW_SHARDS");
      }),
      props(150),
    );
  });

  it("the table-driven path equals the readable one (encode and reconstruct)", () => {
    fc.assert(
      fc.property(rsShapeArb, fc.nat(), ({ data, m }, lostAt) => {
        const fast = reedSolomon.encode(data, m);
        expect(fast.map(toHex)).toEqual(readableReedSolomon.encode(data, m).map(toHex));
        const shards = [...data, ...fast].map((s, i) => (i >= lostAt % (data.length + 1) && i < (lostAt % (data.length + 1)) + m ? undefined : s));
        expect(reedSolomon.reconstruct(shards, data.length).map(toHex)).toEqual(readableReedSolomon.reconstruct(shards, data.length).map(toHex));
      }),
      props(100),
    );
  });

  it("the fast path's word-aligned, byte-wise and chunked branches agree with the readable one", () => {
    const rng = new Rng("pwo/da/test/rs-branches");
    // aligned word path (eight rows per pass and the remainder), misaligned views (byte path), and shards longer than the 2048-byte chunk
    for (const [k, m, size, offset] of [[5, 3, 64, 0], [6, 7, 64, 0], [9, 8, 128, 0], [3, 13, 64, 0], [5, 3, 64, 1], [3, 2, 5000, 0], [3, 2, 4102, 2], [2, 1, 2048, 0]] as const) {
      const data = Array.from({ length: k }, () => {
        const backing = rng.bytes(size + offset);
        return backing.subarray(offset, offset + size);
      });
      expect(reedSolomon.encode(data, m).map(toHex), `${k}+${m} × ${size} at offset ${offset}`).toEqual(readableReedSolomon.encode(data, m).map(toHex));
    }
  });

  it("is systematic and linear: parity(a ⊕ b) = parity(a) ⊕ parity(b)", () => {
    fc.assert(
      fc.property(rsShapeArb, fc.nat(), ({ data, m }, seed) => {
        const other = data.map((d, i) => new Rng(`lin/${seed}/${i}`).bytes(d.length));
        const xor = (a: Uint8Array[], b: Uint8Array[]) => a.map((x, i) => x.map((v, j) => v ^ b[i]![j]!));
        expect(rsEncode(xor(data, other), m).map(toHex)).toEqual(xor(rsEncode(data, m), rsEncode(other, m)).map(toHex));
      }),
      props(60),
    );
  });

  it("rejects bad shapes with their codes", () => {
    expect(outcome(() => rsEncode([], 1))).toBe("SHARD_COUNT_OUT_OF_RANGE");
    expect(outcome(() => rsEncode([Uint8Array.of(1)], 256))).toBe("SHARD_COUNT_OUT_OF_RANGE");
    expect(outcome(() => rsEncode([Uint8Array.of(1), Uint8Array.of(1, 2)], 1))).toBe("SIZE_MISMATCH");
    expect(outcome(() => rsReconstruct([Uint8Array.of(1), undefined, Uint8Array.of(1, 2)], 1))).toBe("SIZE_MISMATCH");
    expect(outcome(() => rsReconstruct(new Array(257).fill(Uint8Array.of(1)), 1))).toBe("SHARD_COUNT_OUT_OF_RANGE");
  });
});

describe("namespaced Merkle tree", () => {
  it("reproduces celestiaorg/nmt's Figure 1 (docs/spec/nmt.md at 1884bfb3fd0b69b64fd16e553b5107e8e6678759)", () => {
    // the figure prints min ns, max ns and the first 7 hex digits of each digest
    const leaves = NMT_FIGURE1_LEAVES.map((h) => fromHex(h));
    const short = (node: Uint8Array) => `${toHex(node.subarray(0, 2))}${toHex(node.subarray(2)).slice(0, 7)}`;
    expect(short(nmtRoot(leaves, 1))).toBe("0003b1c2cc5");
    expect(leaves.map((l) => short(hashNmtLeaf(l, 1)))).toEqual(["00005fa0c9c", "000052385a0", "010171ca46a", "0303b4a2792"]);
    const inclusion = nmtProveNamespace(leaves, 1, Uint8Array.of(0));
    expect([inclusion.kind, inclusion.start, inclusion.end, inclusion.nodes.map(short)]).toEqual(["inclusion", 0, 2, ["010352c7c03"]]);
    const absence = nmtProveNamespace(leaves, 1, Uint8Array.of(2));
    expect([absence.kind, absence.start, absence.nodes.map(short), short(absence.leafHash!)]).toEqual(["absence", 3, ["0000ead8d25", "010171ca46a"], "0303b4a2792"]);
    expect(nmtProveNamespace(leaves, 1, Uint8Array.of(6)).kind).toBe("empty");
  });

  it("rejects leaves out of namespace order with NAMESPACE_ORDER", () => {
    fc.assert(
      fc.property(nmtLeavesArb(2), fc.nat(), fc.nat(), (leaves, a, b) => {
        if (leaves.length < 2) return;
        const i = a % leaves.length;
        const j = b % leaves.length;
        const swapped = leaves.slice();
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const ordered = swapped.every((l, x) => x === 0 || toHex(swapped[x - 1]!.subarray(0, 2)) <= toHex(l.subarray(0, 2)));
        expect(outcome(() => nmtRoot(swapped, 2))).toBe(ordered ? "ok" : "NAMESPACE_ORDER");
      }),
      props(200),
    );
  });

  it("range proofs verify, and any single-byte change to a leaf, a node or the root breaks them", () => {
    fc.assert(
      fc.property(nmtLeavesArb(2).filter((l) => l.length > 0), fc.nat(), fc.nat(), mutationArb, fc.nat(2), (leaves, a, b, m, what) => {
        const s = a % leaves.length;
        const e = s + 1 + (b % (leaves.length - s));
        const root = nmtRoot(leaves, 2);
        const proof = nmtProveRange(leaves, 2, s, e);
        expect(verifyNmtRange(root, 2, leaves.length, proof, leaves.slice(s, e))).toBe(true);
        const flip = { op: "flip" as const, at: m.at, bit: m.op === "flip" ? m.bit : 0 };
        let result: string;
        if (what === 0) result = outcome(() => verifyNmtRange(root, 2, leaves.length, proof, leaves.slice(s, e).map((l, i) => (i === 0 ? applyMutation(l, flip) : l))));
        else if (what === 1 && proof.nodes.length > 0) result = outcome(() => verifyNmtRange(root, 2, leaves.length, { ...proof, nodes: proof.nodes.map((n, i) => (i === m.at % proof.nodes.length ? applyMutation(n, flip) : n)) }, leaves.slice(s, e)));
        else result = outcome(() => verifyNmtRange(applyMutation(root, flip), 2, leaves.length, proof, leaves.slice(s, e)));
        expect(result).not.toBe("ok");
      }),
      props(300),
    );
  });

  it("namespace proofs are complete: inclusion returns exactly the namespace's leaves, absence only for absent namespaces", () => {
    fc.assert(
      fc.property(nmtLeavesArb(1), fc.nat(12), (leaves, n) => {
        const root = nmtRoot(leaves, 1);
        const id = Uint8Array.of(n);
        const p = nmtProveNamespace(leaves, 1, id);
        const members = leaves.filter((l) => l[0] === n);
        const given = p.kind === "inclusion" ? leaves.slice(p.start, p.end) : [];
        expect(given.map(toHex)).toEqual(members.map(toHex));
        expect(verifyNmtNamespace(root, 1, leaves.length, id, p, given, p.leafHash)).toBe(members.length > 0);
        // dropping a member from an inclusion proof is caught
        if (members.length > 1) {
          const shorter = nmtProveRange(leaves, 1, p.start, p.end - 1);
          expect(outcome(() => verifyNmtNamespace(root, 1, leaves.length, id, shorter, given.slice(0, -1), null))).toBe("INCOMPLETE_NAMESPACE_PROOF");
        }
      }),
      props(300),
    );
  });
});

describe("extended data square", () => {
  it("Q3 is both the column extension of Q1 and the row extension of Q2; every axis is a code word", () => {
    fc.assert(
      fc.property(squareArb, ({ p, sq }) => {
        const { k, cells } = sq;
        for (let i = 0; i < 2 * k; i++) {
          for (const axis of ["row", "col"] as const) {
            const line = getAxis(cells, k, axis, i);
            expect(squareCode(p).encode(line.slice(0, k), k).map(toHex)).toEqual(line.slice(k).map(toHex));
            // the cells it names (row-major cells; the mutation scope excludes getAxis and leans on this)
            expect(line).toEqual(Array.from({ length: 2 * k }, (_, j) => cells[axis === "row" ? i * 2 * k + j : j * 2 * k + i]));
          }
        }
        // the original shares are Q0, row by row
        expect(getOriginalShares(sq)).toEqual(Array.from({ length: k * k }, (_, i) => cells[Math.floor(i / k) * 2 * k + (i % k)]));
      }),
      props(40),
    );
  });

  it("reconstructs from random subsets exactly when iterative decoding can, and returns the original", () => {
    fc.assert(
      fc.property(squareArb, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), ({ p, sq }, keep) => {
        const cells = sq.cells.map((c, i) => (keep[i % 64] || i % 7 === 0 ? c : undefined));
        const code = outcome(() => reconstructSquare(cells, p, sq.dataRoot));
        expect(["ok", "UNRECOVERABLE"]).toContain(code);
        if (code === "ok") expect(reconstructSquare(cells, p, sq.dataRoot).cells.map(toHex)).toEqual(sq.cells.map(toHex));
        // any k×k present... Q0 alone always suffices
        const q0only = sq.cells.map((c, i) => (Math.floor(i / (2 * sq.k)) < sq.k && i % (2 * sq.k) < sq.k ? c : undefined));
        expect(toHex(reconstructSquare(q0only, p, sq.dataRoot).dataRoot)).toBe(toHex(sq.dataRoot));
      }),
      props(40),
    );
  });

  it("the worst withholding pattern, (k+1)² cells, is unrecoverable for k = 1..8", () => {
    for (const k of [1, 2, 4, 8]) {
      const p = { shareSize: 6, namespaceSize: 1 };
      const sq = extendSquare(Array.from({ length: k * k }, (_, i) => Uint8Array.of(i % 200, 1, 2, 3, 4, 5)), p);
      const w = 2 * k;
      const cells = sq.cells.map((c, i) => (Math.floor(i / w) <= k && i % w <= k ? undefined : c));
      expect(outcome(() => reconstructSquare(cells, p, sq.dataRoot)), `k = ${k}`).toBe("UNRECOVERABLE");
      // one cell fewer withheld and it is recoverable
      cells[0] = sq.cells[0];
      expect(outcome(() => reconstructSquare(cells, p, sq.dataRoot)), `k = ${k}, one cell back`).toBe("ok");
    }
  });

  it("rejects more than MAX_SQUARE_WIDTH² shares before allocating", () => {
    expect(outcome(() => computeSquareWidth(128 * 128 + 1))).toBe("SQUARE_TOO_LARGE");
    expect(computeSquareWidth(128 * 128)).toBe(128);
  });
});

describe("bad-encoding fraud proofs", () => {
  it("exist exactly for badly extended squares", () => {
    fc.assert(
      fc.property(squareArb, fc.nat(), fc.nat(), fc.nat(), (input, r0, c0, ax) => {
        const { p, sq } = input;
        const w = 2 * sq.k;
        const r = r0 % w;
        const c = c0 % w;
        const bad = badlyExtended(sq, r, c, p);
        // the bad row and column both admit a proof
        expect(verifyBadEncodingProof(bad, createBadEncodingProof(bad, "row", r, p), p)).toBe(true);
        expect(verifyBadEncodingProof(bad, createBadEncodingProof(bad, "col", c, p), p)).toBe(true);
        // every other axis of the bad square, and every axis of the good one, admits none
        const axis = ax % 2 === 0 ? ("row" as const) : ("col" as const);
        const other = ((axis === "row" ? r : c) + 1 + (ax % (w - 1))) % w;
        expect(outcome(() => verifyBadEncodingProof(bad, createBadEncodingProof(bad, axis, other, p), p))).toBe("AXIS_CORRECTLY_ENCODED");
        expect(outcome(() => verifyBadEncodingProof(sq, createBadEncodingProof(sq, axis, r, p), p))).toBe("AXIS_CORRECTLY_ENCODED");
      }),
      props(40),
    );
  });

  it("any single-byte change to a proven share or a proof node breaks a fraud proof", () => {
    fc.assert(
      fc.property(squareArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(7), (input, r0, which, at, bit) => {
        const { p, sq } = input;
        const r = r0 % (2 * sq.k);
        const bad = badlyExtended(sq, r, 0, p);
        const proof = createBadEncodingProof(bad, "row", r, p);
        const i = which % sq.k;
        const flip = { op: "flip" as const, at, bit };
        const shares = proof.shares.map((s, j) => (j === i ? applyMutation(s, flip) : s));
        expect(outcome(() => verifyBadEncodingProof(bad, { ...proof, shares }, p))).not.toBe("ok");
        const nodes = proof.proofs[i]!.nodes;
        if (nodes.length > 0) {
          const proofs = proof.proofs.map((q, j) => (j === i ? { ...q, nodes: q.nodes.map((n, x) => (x === at % nodes.length ? applyMutation(n, flip) : n)) } : q));
          expect(outcome(() => verifyBadEncodingProof(bad, { ...proof, proofs }, p))).not.toBe("ok");
        }
      }),
      props(60),
    );
  });
});

describe("sampling", () => {
  it("a sample verifies, and any single-byte change to its share, proof or roots breaks it", () => {
    fc.assert(
      fc.property(squareArb, fc.nat(), fc.nat(), mutationArb, fc.nat(3), ({ p, sq }, r0, c0, m, what) => {
        const w = 2 * sq.k;
        const s = createSample(sq, r0 % w, c0 % w, p);
        expect(verifySample(sq, s, p)).toBe(true);
        const flip = { op: "flip" as const, at: m.at, bit: m.op === "flip" ? m.bit : 3 };
        const broken: [ExtendedSquare, typeof s] =
          what === 0
            ? [sq, { ...s, share: applyMutation(s.share, flip) }]
            : what === 1 && s.proof.nodes.length > 0
              ? [sq, { ...s, proof: { ...s.proof, nodes: s.proof.nodes.map((n, i) => (i === m.at % s.proof.nodes.length ? applyMutation(n, flip) : n)) } }]
              : what === 2
                ? [{ ...sq, rowRoots: sq.rowRoots.map((x, i) => (i === s.row ? applyMutation(x, flip) : x)) }, s]
                : [{ ...sq, dataRoot: applyMutation(sq.dataRoot, flip) }, s];
        expect(outcome(() => verifySample(broken[0], broken[1], p))).not.toBe("ok");
      }),
      props(150),
    );
  });

  it("the simulated detection rate under the worst withholding matches 1 − ∏(1 − (k+1)²/(4k² − i)) within 5σ", () => {
    const rng = new Rng("pwo/da/test/sampling-simulation");
    for (const [k, s] of [[4, 2], [8, 3], [16, 5], [32, 1]] as const) {
      const w = 2 * k;
      const withheld = (cell: number) => Math.floor(cell / w) <= k && cell % w <= k; // the (k+1)×(k+1) corner
      const trials = 4000;
      let detected = 0;
      for (let t = 0; t < trials; t++) {
        const seen = new Set<number>();
        while (seen.size < s) seen.add(rng.below(w * w)); // s distinct cells
        if ([...seen].some(withheld)) detected++;
      }
      const p = detectionProbability(k, s);
      const sigma = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(detected / trials - p), `k = ${k}, s = ${s}: measured ${detected / trials}, formula ${p}`).toBeLessThan(5 * sigma);
    }
    // the paper's headline: a handful of samples give high confidence at any size (≈ 1 − (3/4)^s as k grows)
    expect(detectionProbability(128, 15)).toBeGreaterThan(0.98);
    expect(samplesForConfidence(128, 0.99)).toBeLessThanOrEqual(16);
  });
});

/**
 * The sampling formulas, which no operation exposes (spec/da.md §Sampling): values against the
 * product computed exactly in rationals, the argument ranges at their edges, and the sample count
 * as the least s reaching the confidence. The mutation scope excludes detectionProbability and
 * samplesForConfidence (conformance/harness/mutation/scope.ts) and leans on these.
 */
describe("sampling formulas", () => {
  /** 1 − ∏_{i<s} (4k² − i − (k+1)²) / (4k² − i), in BigInt rationals, the first zero factor ending it. */
  const exact = (k: number, s: number): number => {
    const n = BigInt(4 * k * k);
    const w = BigInt((k + 1) * (k + 1));
    let [num, den] = [1n, 1n];
    for (let i = 0n; i < BigInt(s) && num !== 0n; i++) [num, den] = [num * (n - i - w > 0n ? n - i - w : 0n), den * (n - i)];
    return 1 - Number((num * 10n ** 18n) / den) / 1e18;
  };

  it("detectionProbability(k, s) is 1 − ∏_{i<s} (1 − (k+1)²/(4k² − i)), 0 at s = 0 and 1 from s = 4k² − (k+1)² + 1", () => {
    for (const k of [1, 2, 3, 4, 8, 64]) {
      const n = 4 * k * k;
      const w = (k + 1) * (k + 1);
      // s ≥ 1 first: a loop that never runs or runs backwards fails here, before s = 0
      for (const s of [1, 2, 3, 5, n - w, n - w + 1, n].filter((x) => x >= 1 && x <= n)) expect(detectionProbability(k, s), `k = ${k}, s = ${s}`).toBeCloseTo(exact(k, s), 12);
      expect(detectionProbability(k, n - w + 1), `k = ${k}: every cell left is withheld`).toBe(1);
      expect(detectionProbability(k, n), `k = ${k}, s = 4k²`).toBe(1);
      expect(detectionProbability(k, 0), `k = ${k}, s = 0`).toBe(0);
    }
    expect(detectionProbability(1, 1)).toBe(1); // k = 1: all 4 cells are withheld
  });

  it("detectionProbability rejects k < 1, a fractional k or s, s < 0 and s > 4k² with a RangeError", () => {
    for (const [k, s] of [[0, 0], [-1, 0], [1.5, 1], [Number.NaN, 0], [1, -1], [2, 0.5], [1, 5], [2, 17], [3, 37]] as const) expect(() => detectionProbability(k, s), `k = ${k}, s = ${s}`).toThrow(RangeError);
    for (const [k, s] of [[1, 0], [1, 4], [2, 5], [2, 16], [3, 36]] as const) expect(() => detectionProbability(k, s), `k = ${k}, s = ${s}`).not.toThrow();
  });

  it("samplesForConfidence(k, c) is the least s with detectionProbability(k, s) ≥ c; c outside [0, 1) is a RangeError", () => {
    for (const k of [1, 2, 4, 16, 128]) {
      for (const c of [0.25, 0.5, 0.9, 0.99, 0.999]) {
        const s = samplesForConfidence(k, c);
        expect(s, `k = ${k}, c = ${c}`).toBeGreaterThanOrEqual(1);
        expect(detectionProbability(k, s), `k = ${k}, c = ${c}, s = ${s}`).toBeGreaterThanOrEqual(c);
        expect(detectionProbability(k, s - 1), `k = ${k}, c = ${c}, s − 1 = ${s - 1}`).toBeLessThan(c);
      }
      expect(samplesForConfidence(k, 0), `k = ${k}, c = 0`).toBe(0);
      // a confidence met exactly at s = 3 (p < 1 there for k ≥ 2): 3, not 4
      if (k >= 2) expect(samplesForConfidence(k, detectionProbability(k, 3)), `k = ${k}, c = p(k, 3) exactly`).toBe(3);
      for (const c of [-0.1, 1, 1.5, Number.NaN]) expect(() => samplesForConfidence(k, c), `k = ${k}, c = ${c}`).toThrow(RangeError);
    }
    expect(samplesForConfidence(1, 0.5)).toBe(1);
    expect(samplesForConfidence(128, 0.99)).toBe(16);
  });
});

describe("operations on hostile inputs", () => {
  for (const op of DA_OPERATIONS) {
    it(`${op.name}: answers or rejects with a da reason code, nothing else`, () => {
      fc.assert(
        fc.property(DA_INPUTS[op.name]!, (input) => {
          const r = runOperation(op, input);
          if ("error" in r) expect(r.error).toMatch(/^[A-Z_]+$/);
        }),
        props(op.name.includes("square") || op.name.includes("fraud") || op.name.includes("sample") ? 40 : 100),
      );
    });
  }
});

// C1's bound on the width (reconstruct.ts checkCellCount) at its edge: 256² and 512² cells are too
// many for a vector file (about 1 MB and 4 MB of JSON even all withheld), so this pins it instead
// (conformance/da/equivalent-mutants.json lists the two mutants as out of reach of the vectors)
describe("reconstruction's width bound", () => {
  it("admits 2k = 2·MAX_SQUARE_WIDTH (256² cells) and rejects 2k = 512 (512² cells) before decoding", () => {
    const p = { shareSize: 12, namespaceSize: 2 };
    const w = 2 * MAX_SQUARE_WIDTH;
    expect(outcome(() => reconstructSquare(new Array<undefined>(w * w).fill(undefined), p, new Uint8Array(32)))).toBe("UNRECOVERABLE");
    expect(outcome(() => reconstructSquare(new Array<undefined>(4 * w * w).fill(undefined), p, new Uint8Array(32)))).toBe("PARAMETER_OUT_OF_RANGE");
  });
});
