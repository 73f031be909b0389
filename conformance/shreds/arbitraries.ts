/**
 * fast-check arbitraries of shreds inputs (CONTRIBUTING.md step 5): hostile payloads for
 * verify_shred, proofs for verify_merkle_proof, erasure patterns for recover_fec_set, clusters for
 * turbine_tree; they feed the property tests and `pwo fuzz`.
 * @module
 */
import fc from "fast-check";
import { toHex } from "../../reference/common/hex.js";
import { encodeDuplicateProof } from "../../reference/shreds/index.js";
import { hostileBytes } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { LEADER, shredFixture } from "./fixtures.js";

// built on first use, never at import: a module that shreds at import time turns every mutant of
// the shredder into one that breaks the vector test file's loading, which Stryker cannot count as killed
let fixture: ReturnType<typeof shredFixture> | undefined;
const FIX = () => (fixture ??= shredFixture("arbitraries", 2_000, { isLastInSlot: false }));
const SET = () => FIX().fecSets[0]!;

/** A valid shred of the fixture set, or a hostile mutation of one. */
export const shredPayloadArb: fc.Arbitrary<Uint8Array> = fc.constant(null).chain(() => hostileBytes(fc.constantFrom(...SET()), 1300));

/** Any 64-position subset of the fixture set (a bit mask of present shreds). */
export const erasureMaskArb: fc.Arbitrary<boolean[]> = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });

const pubkeyArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
export const clusterArb = fc.uniqueArray(fc.record({ pubkey: pubkeyArb, stake: fc.bigInt({ min: 0n, max: 1n << 40n }) }), { minLength: 1, maxLength: 30, selector: (n) => toHex(n.pubkey) });

export const SHREDS_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  verify_shred: shredPayloadArb.map((p) => ({ payload: toHex(p), leader: toHex(LEADER.pubkey) })),
  verify_merkle_proof: fc.record({
    leafHash: fc.uint8Array({ minLength: 31, maxLength: 33 }).map(toHex),
    index: fc.nat(70),
    leafCount: fc.nat(70),
    proof: fc.array(fc.uint8Array({ minLength: 19, maxLength: 21 }).map(toHex), { maxLength: 8 }),
    root: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex),
  }),
  recover_fec_set: erasureMaskArb.map((m) => ({ shreds: SET().map((p, i) => (m[i] ? toHex(p) : null)) })),
  turbine_tree: fc.record({ nodes: clusterArb, fanout: fc.integer({ min: 0, max: 5 }), index: fc.nat(1000), shredType: fc.constantFrom("data", "code") }).map((r) => ({
    nodes: r.nodes.map((n) => ({ pubkey: toHex(n.pubkey), stake: n.stake.toString() })),
    leader: toHex(r.nodes[0]!.pubkey),
    slot: "77",
    index: r.index,
    shredType: r.shredType,
    fanout: r.fanout,
  })),
  check_duplicate_proof: fc.tuple(shredPayloadArb, shredPayloadArb).map(([a, b]) => ({ proof: toHex(encodeDuplicateProof(a, b)), leader: toHex(LEADER.pubkey), slot: "1000", shredVersion: 7 })),
  deshred: fc.constant(null).chain(() => fc.subarray(SET().slice(0, 32), { minLength: 0 })).map((s) => ({ shreds: s.map(toHex), leader: toHex(LEADER.pubkey), chainedMerkleRoot: toHex(FIX().params.chainedMerkleRoot) })),
  shred_block: fc.record({ block: fc.uint8Array({ maxLength: 200 }), tick: fc.nat(300), last: fc.boolean() }).map((r) => ({
    block: toHex(r.block),
    slot: "10",
    parentSlot: "9",
    version: 1,
    referenceTick: r.tick,
    isLastInSlot: r.last,
    chainedMerkleRoot: "00".repeat(32),
    nextShredIndex: 0,
    nextCodeIndex: 0,
    leaderSecret: toHex(LEADER.secret),
  })),
};
