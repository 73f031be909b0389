/**
 * Deshredding (spec/shreds.md §Deshredding and chaining): a slot's data shreds back to the block,
 * with the chain of Merkle roots across its FEC sets checked.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { isSpecError } from "../common/errors.js";
import { MAX_DATA_SHREDS_PER_SLOT } from "./constants.js";
import { fail } from "./errors.js";
import { chainedMerkleRoot, isLastInSlot, shredData, shredMerkleRoot, verifyShred, type Shred } from "./shred.js";

/**
 * The block carried by a slot's data shreds, given in index order. Checks B1–B5 in the order of
 * DESHRED_RULES (rules.ts), each over every shred before the next:
 * B1 1 to MAX_DATA_SHREDS_PER_SLOT shreds (INCOMPLETE_BLOCK);
 * B2 each a valid data shred signed by `leader` (INVALID_SHRED);
 * B3 one slot, indices 0, 1, …, n−1, LAST_IN_SLOT on the last shred and on no other (INCOMPLETE_BLOCK);
 * B4 in each FEC set (a run of one fec_set_index) every shred leads to the first one's root (INCONSISTENT_SET);
 * B5 the first set chains to `chainedRoot`, each later set to the root of the set before (CHAINED_ROOT_MISMATCH).
 * Cost: one signature check and one proof walk per shred.
 * @throws SpecError INVALID_SHRED, INCOMPLETE_BLOCK, INCONSISTENT_SET, CHAINED_ROOT_MISMATCH
 */
export function deshred(payloads: readonly Uint8Array[], leader: Uint8Array, chainedRoot: Uint8Array): Uint8Array {
  // B1
  if (payloads.length === 0 || payloads.length > MAX_DATA_SHREDS_PER_SLOT) fail("INCOMPLETE_BLOCK", `${payloads.length} data shreds; a block has 1 to ${MAX_DATA_SHREDS_PER_SLOT}`);
  // B2
  const shreds: Shred[] = payloads.map((p, i) => {
    try {
      const s = verifyShred(p, leader);
      if (s.common.kind !== "data") fail("INVALID_SHRED", `shred ${i} is a coding shred`);
      return s;
    } catch (e) {
      if (isSpecError(e, "shreds") && e.code !== "INVALID_SHRED") fail("INVALID_SHRED", `shred ${i}: ${e.code}`);
      throw e;
    }
  });
  // B3
  shreds.forEach((s, i) => {
    if (s.common.slot !== shreds[0]!.common.slot || s.common.index !== i) fail("INCOMPLETE_BLOCK", `shred ${i} has slot ${s.common.slot} index ${s.common.index}; expected slot ${shreds[0]!.common.slot} index ${i}`);
    if (isLastInSlot(s.data!.flags) !== (i === shreds.length - 1)) fail("INCOMPLETE_BLOCK", i === shreds.length - 1 ? "the last shred is not LAST_IN_SLOT" : `shred ${i} is LAST_IN_SLOT before the end`);
  });
  // B4: the FEC sets are the runs of one fec_set_index; each has one root
  const sets: Shred[][] = [];
  for (const s of shreds) {
    const last = sets[sets.length - 1];
    if (last && last[0]!.common.fecSetIndex === s.common.fecSetIndex) last.push(s);
    else sets.push([s]);
  }
  const roots = sets.map((set) => {
    const root = shredMerkleRoot(set[0]!);
    for (const s of set) if (!bytesEqual(shredMerkleRoot(s), root)) fail("INCONSISTENT_SET", `shred ${s.common.index} of FEC set ${s.common.fecSetIndex} has another Merkle root`);
    return root;
  });
  // B5: the chain of roots
  sets.forEach((set, k) => {
    if (!bytesEqual(chainedMerkleRoot(set[0]!), k === 0 ? chainedRoot : roots[k - 1]!)) fail("CHAINED_ROOT_MISMATCH", `FEC set ${set[0]!.common.fecSetIndex} does not chain to the previous set's root`);
  });
  const out = new Uint8Array(shreds.reduce((n, s) => n + s.data!.size - 88, 0));
  let at = 0;
  for (const s of shreds) {
    const d = shredData(s);
    out.set(d, at);
    at += d.length;
  }
  return out;
}
