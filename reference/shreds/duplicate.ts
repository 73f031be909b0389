/**
 * Duplicate-shred proofs (spec/shreds.md §Duplicate-shred proofs): evidence that a leader signed
 * two conflicting shreds for one slot, with the checks of Agave's `gossip/src/duplicate_shred.rs`
 * (`check_shreds`, `into_shreds`).
 *
 *   proof = u64 LE len₁ ‖ shred₁ ‖ u64 LE len₂ ‖ shred₂        (bincode of DuplicateSlotProof)
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { MAX_DUPLICATE_PROOF_SHRED, PROOF_SIZE } from "./constants.js";
import { fail } from "./errors.js";
import { parseMember } from "./recover.js";
import { isLastInSlot, layout, shredMerkleRoot, verifySignature, type Shred } from "./shred.js";

export type DuplicateKind = "merkle_root_conflict" | "same_index" | "last_index_conflict" | "erasure_conflict";

/** The proof bytes of two shred payloads. */
export function encodeDuplicateProof(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + a.length + b.length);
  const v = new DataView(out.buffer);
  v.setBigUint64(0, BigInt(a.length), true);
  out.set(a, 8);
  v.setBigUint64(8 + a.length, BigInt(b.length), true);
  out.set(b, 16 + a.length);
  return out;
}

/** The two payloads of a proof (D1): each length ≤ 1228 is read before its bytes; nothing may trail. */
export function decodeDuplicateProof(proof: Uint8Array): [Uint8Array, Uint8Array] {
  const v = new DataView(proof.buffer, proof.byteOffset, proof.byteLength);
  let at = 0;
  const next = (): Uint8Array => {
    if (proof.length - at < 8) fail("MALFORMED_DUPLICATE_PROOF", "a length prefix is cut short");
    const n = v.getBigUint64(at, true);
    at += 8;
    if (n > BigInt(MAX_DUPLICATE_PROOF_SHRED) || BigInt(proof.length - at) < n) fail("MALFORMED_DUPLICATE_PROOF", `a shred length of ${n} bytes is over ${MAX_DUPLICATE_PROOF_SHRED} or past the end`);
    const out = proof.slice(at, at + Number(n));
    at += Number(n);
    return out;
  };
  const a = next();
  const b = next();
  if (at !== proof.length) fail("MALFORMED_DUPLICATE_PROOF", `${proof.length - at} bytes trail the second shred`);
  return [a, b];
}

/** The payload without a resigned shred's retransmitter signature (which any relay may change). */
function signedPart(s: Shred): Uint8Array {
  return s.common.resigned ? s.payload.subarray(0, layout(s.common.kind, PROOF_SIZE, true).retransmitterSignature) : s.payload;
}

/**
 * Checks a proof against the slot's leader and the cluster's shred version, D1–D8 in order, and
 * names the conflict. Cost: two shred parses, two signature checks.
 * @throws SpecError MALFORMED_DUPLICATE_PROOF, DUPLICATE_PROOF_IDENTICAL, INVALID_SHRED, SLOT_MISMATCH,
 *   SHRED_VERSION_MISMATCH, INVALID_SIGNATURE, SHRED_TYPE_MISMATCH, NOT_A_DUPLICATE
 */
export function checkDuplicateProof(proof: Uint8Array, leader: Uint8Array, slot: bigint, shredVersion: number): DuplicateKind {
  // D1, D2
  const [p1, p2] = decodeDuplicateProof(proof);
  if (bytesEqual(p1, p2)) fail("DUPLICATE_PROOF_IDENTICAL", "the two shreds are the same bytes");
  // D3
  const s1 = parseMember(p1, "shred 1");
  const s2 = parseMember(p2, "shred 2");
  // D4, D5
  if (s1.common.slot !== slot || s2.common.slot !== slot) fail("SLOT_MISMATCH", `shreds of slots ${s1.common.slot} and ${s2.common.slot} in a proof for slot ${slot}`);
  if (s1.common.version !== shredVersion || s2.common.version !== shredVersion) fail("SHRED_VERSION_MISMATCH", `shred versions ${s1.common.version} and ${s2.common.version}, expected ${shredVersion}`);
  // D6
  const r1 = shredMerkleRoot(s1), r2 = shredMerkleRoot(s2);
  if (!verifySignature(s1.common.signature, r1, leader) || !verifySignature(s2.common.signature, r2, leader)) fail("INVALID_SIGNATURE", "a shred is not signed by the slot's leader");
  // D7: one FEC set, two roots
  if (s1.common.fecSetIndex === s2.common.fecSetIndex && !bytesEqual(r1, r2)) return "merkle_root_conflict";
  if (s1.common.kind !== s2.common.kind) fail("SHRED_TYPE_MISMATCH", "a data and a coding shred without a Merkle root conflict");
  // D8: the type's conflict
  if (s1.common.index === s2.common.index) {
    if (!bytesEqual(signedPart(s1), signedPart(s2))) return "same_index";
    fail("NOT_A_DUPLICATE", "same index, and the payloads differ only in the retransmitter signature");
  }
  if (s1.common.kind === "data") {
    if ((isLastInSlot(s1.data!.flags) && s2.common.index > s1.common.index) || (isLastInSlot(s2.data!.flags) && s1.common.index > s2.common.index)) return "last_index_conflict";
    fail("NOT_A_DUPLICATE", "two data shreds at different indices with no LAST_IN_SLOT below the other");
  }
  const first = (s: Shred) => s.common.index - s.coding!.position;
  if (s1.common.fecSetIndex === s2.common.fecSetIndex && (first(s1) !== first(s2) || !bytesEqual(s1.common.signature, s2.common.signature))) return "erasure_conflict";
  return fail("NOT_A_DUPLICATE", "two coding shreds whose erasure configurations agree");
}
