/**
 * Deterministic shred fixtures for the vectors, arbitraries, properties and simulation: a leader key
 * from a labelled seed, blocks shredded by the reference, and shred mutations that re-sign what they
 * change (so one vector breaks exactly the rules it names).
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { Rng } from "../../reference/common/rng.js";
import {
  erasureShardIndex,
  layout,
  merkleLeaf,
  parseShred,
  PROOF_SIZE,
  rootFromProof,
  shredBlock,
  SIZE_OF_MERKLE_PROOF_ENTRY,
  type ShredOutput,
  type ShredParams,
} from "../../reference/shreds/index.js";

export interface Leader {
  secret: Uint8Array;
  pubkey: Uint8Array;
}

export function leaderFrom(label: string): Leader {
  const secret = new Rng(label).bytes(32);
  return { secret, pubkey: ed25519.getPublicKey(secret) };
}

export const LEADER = leaderFrom("pwo/shreds/fixtures/leader");
export const OTHER_LEADER = leaderFrom("pwo/shreds/fixtures/other-leader");

export const DEFAULT_PARAMS = (leader: Leader = LEADER): ShredParams => ({
  slot: 1000n,
  parentSlot: 999n,
  version: 7,
  referenceTick: 5,
  isLastInSlot: true,
  chainedMerkleRoot: new Uint8Array(32).fill(0x11),
  nextShredIndex: 0,
  nextCodeIndex: 0,
  leaderSecret: leader.secret,
});

/** A block of `n` seeded bytes shredded with DEFAULT_PARAMS overridden by `over`. */
export function shredFixture(label: string, n: number, over: Partial<ShredParams> = {}): ShredOutput & { block: Uint8Array; params: ShredParams } {
  const block = new Rng(`pwo/shreds/fixtures/${label}`).bytes(n);
  const params = { ...DEFAULT_PARAMS(), ...over };
  return { block, params, ...shredBlock(block, params) };
}

const dv = (p: Uint8Array) => new DataView(p.buffer, p.byteOffset, p.byteLength);
export const setU8 = (p: Uint8Array, at: number, v: number) => dv(p).setUint8(at, v);
export const setU16 = (p: Uint8Array, at: number, v: number) => dv(p).setUint16(at, v, true);
export const setU32 = (p: Uint8Array, at: number, v: number) => dv(p).setUint32(at, v, true);
export const setU64 = (p: Uint8Array, at: number, v: bigint) => dv(p).setBigUint64(at, v, true);

/**
 * Re-signs a (possibly mutated) payload: the signature over the root its own leaf and proof lead to,
 * read with the 32:32 layout its variant's type and resigned bit name. Leaves the payload alone when
 * that root cannot be computed (a mutation that breaks an earlier rule).
 */
export function resign(p: Uint8Array, secret: Uint8Array): Uint8Array {
  try {
    const kind = (p[64]! & 0xf0) === 0x60 || (p[64]! & 0xf0) === 0x70 ? "code" : "data";
    const resigned = (p[64]! & 0xf0) === 0x70 || (p[64]! & 0xf0) === 0xb0;
    const l = layout(kind, PROOF_SIZE, resigned);
    const v = dv(p);
    const index = kind === "data" ? v.getUint32(73, true) - v.getUint32(79, true) : v.getUint16(83, true) + v.getUint16(87, true);
    const proof = Array.from({ length: PROOF_SIZE }, (_, i) => p.slice(l.proof + i * SIZE_OF_MERKLE_PROOF_ENTRY, l.proof + (i + 1) * SIZE_OF_MERKLE_PROOF_ENTRY));
    const root = rootFromProof(index, merkleLeaf(p.subarray(l.leaf[0], l.leaf[1])), proof);
    p.set(ed25519.sign(root, secret), 0);
  } catch {
    /* an earlier rule is broken: the signature is never reached */
  }
  return p;
}

/** The erasure position of a valid payload. */
export const positionOf = (p: Uint8Array): number => erasureShardIndex(parseShred(p));
