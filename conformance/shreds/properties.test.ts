/**
 * Properties of the shreds reference (CONTRIBUTING.md step 8): shred → deshred round trips, recovery
 * from every erasure count 0…33, typed errors only on hostile input, tree invariants.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { Rng } from "../../reference/common/rng.js";
import { bytesEqual } from "../../reference/common/bytes.js";
import {
  deshred,
  merkleProof,
  merkleTree,
  recoverFecSet,
  retransmitChildren,
  retransmitParent,
  rootFromProof,
  shredBlock,
  turbineOrder,
  verifyShred,
} from "../../reference/shreds/index.js";
import { runOperation } from "../harness/operation.js";
import { props } from "../harness/testing.js";
import { SHREDS_INPUTS } from "./arbitraries.js";
import { DEFAULT_PARAMS, LEADER, shredFixture } from "./fixtures.js";
import { SHREDS_OPERATIONS } from "./operations.js";

const FIX = shredFixture("properties", 40_000, { isLastInSlot: false });
const SET = FIX.fecSets[0]!;

describe("shredding", () => {
  it("every shred of a shredded block verifies and deshredding gives the block back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), fc.boolean(), (block, last) => {
        const out = shredBlock(block, { ...DEFAULT_PARAMS(), isLastInSlot: true, referenceTick: last ? 63 : 0 });
        for (const set of out.fecSets) for (const p of set) verifyShred(p, LEADER.pubkey);
        expect(bytesEqual(deshred(out.fecSets.flatMap((s) => s.slice(0, 32)), LEADER.pubkey, DEFAULT_PARAMS().chainedMerkleRoot), block)).toBe(true);
      }),
      props(8),
    );
  });
});

describe("recovery", () => {
  const order = (() => {
    const rng = new Rng("pwo/shreds/properties/erasures");
    const idx = Array.from({ length: 64 }, (_, i) => i);
    for (let i = 63; i > 0; i--) { const j = rng.below(i + 1); [idx[i], idx[j]] = [idx[j]!, idx[i]!]; }
    return idx;
  })();
  for (let e = 0; e <= 33; e++) {
    it(`${e} missing shreds (seeded positions): ${e <= 32 ? "every payload recovered byte for byte" : "TOO_FEW_SHREDS"}`, () => {
      const missing = new Set(order.slice(0, e));
      const slots = SET.map((p, i) => (missing.has(i) ? undefined : p));
      if (e > 32 || [...missing].filter((i) => i >= 32).length === 32) {
        expect(() => recoverFecSet(slots)).toThrow(/TOO_FEW_SHREDS/);
        return;
      }
      const out = recoverFecSet(slots);
      out.forEach((p, i) => expect(bytesEqual(p, SET[i]!), `position ${i}`).toBe(true));
    });
  }
  it("random erasure patterns: recovered exactly when ≥ 32 present with a coding shred, else TOO_FEW_SHREDS", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (mask) => {
        const slots = SET.map((p, i) => (mask[i] ? p : undefined));
        const present = mask.filter(Boolean).length;
        const coding = mask.slice(32).some(Boolean);
        if (present < 32 || !coding) expect(() => recoverFecSet(slots)).toThrow(/TOO_FEW_SHREDS/);
        else expect(recoverFecSet(slots).every((p, i) => bytesEqual(p, SET[i]!))).toBe(true);
      }),
      props(30),
    );
  });
});

describe("Merkle tree", () => {
  it("every leaf's proof leads to the root, and to another root from any other position", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), (n) => {
        const leaves = Array.from({ length: n }, (_, i) => new Rng(`pwo/shreds/properties/leaf/${n}/${i}`).bytes(32));
        const tree = merkleTree(leaves);
        const root = tree[tree.length - 1]!;
        for (let i = 0; i < n; i++) {
          expect(bytesEqual(rootFromProof(i, leaves[i]!, merkleProof(tree, i, n)), root)).toBe(true);
          if (n > 1) expect(bytesEqual(rootFromProof((i + 1) % n, leaves[i]!, merkleProof(tree, i, n)), root)).toBe(false);
        }
      }),
      props(20),
    );
  });
});

describe("Turbine tree", () => {
  it("children and parent are inverse, every non-root node has one parent, the order is a permutation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 7 }), (count, fanout) => {
        const parents = new Array<number>(count).fill(-1);
        for (let k = 0; k < count; k++) for (const c of retransmitChildren(k, count, fanout)) {
          expect(parents[c]).toBe(-1);
          parents[c] = k;
          expect(retransmitParent(c, fanout)).toBe(k);
        }
        for (let k = 1; k < count; k++) expect(parents[k], `node ${k} of ${count}, fanout ${fanout}`).toBeGreaterThanOrEqual(0);
      }),
      props(60),
    );
    const r = new Rng("pwo/shreds/properties/cluster");
    const nodes = Array.from({ length: 50 }, () => ({ pubkey: r.bytes(32), stake: BigInt(r.below(100)) }));
    const order = turbineOrder(nodes, nodes[3]!.pubkey, 5n, 9, "data");
    expect(order.length).toBe(49);
    expect(new Set(order.map((n) => n.pubkey)).size).toBe(49);
  });
});

describe("operations on hostile input", () => {
  for (const op of SHREDS_OPERATIONS) {
    const arb = SHREDS_INPUTS[op.name];
    if (!arb) continue;
    it(`${op.name}: an output or a shreds reason code, never another exception`, () => {
      fc.assert(
        fc.property(arb, (input) => {
          try {
            const out = runOperation(op, input);
            expect("output" in out || typeof out.error === "string").toBe(true);
          } catch (e) {
            // schema-level rejections are BadInput (the protocol's BAD_INPUT); nothing else may escape
            expect((e as Error).name, String(e)).toBe("BadInput");
          }
        }),
        props(op.name === "recover_fec_set" ? 15 : 40),
      );
    });
  }
  it("a SpecError from verify_shred is always a shreds code", () => {
    try {
      verifyShred(new Uint8Array(10), LEADER.pubkey);
    } catch (e) {
      expect(isSpecError(e, "shreds")).toBe(true);
    }
  });
});
