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
 * The block carried by a slot's data shreds, given in index order. Checks B1–B4 in order:
 * B1 at most MAX_DATA_SHREDS_PER_SLOT shreds, each a valid data shred signed by `leader` (INVALID_SHRED);
 * B2 one slot, indices 0, 1, …, n−1, LAST_IN_SLOT on the last shred and on no other (INCOMPLETE_BLOCK);
 * B3 the shreds of one FEC set share one Merkle root (INCONSISTENT_SET);
 * B4 the first set chains to `chainedRoot`, each later set to the root of the set before (CHAINED_ROOT_MISMATCH).
 * Cost: one signature check and one proof walk per shred.
 * @throws SpecError INVALID_SHRED, INCOMPLETE_BLOCK, INCONSISTENT_SET, CHAINED_ROOT_MISMATCH
 */
export function deshred(payloads: readonly Uint8Array[], leader: Uint8Array, chainedRoot: Uint8Array): Uint8Array {
  if (payloads.length === 0 || payloads.length > MAX_DATA_SHREDS_PER_SLOT) fail("INCOMPLETE_BLOCK", `${payloads.length} data shreds; a block has 1 to ${MAX_DATA_SHREDS_PER_SLOT}`);
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
  shreds.forEach((s, i) => {
    if (s.common.slot !== shreds[0]!.common.slot || s.common.index !== i) fail("INCOMPLETE_BLOCK", `shred ${i} has slot ${s.common.slot} index ${s.common.index}; expected slot ${shreds[0]!.common.slot} index ${i}`);
    if (isLastInSlot(s.data!.flags) !== (i === shreds.length - 1)) fail("INCOMPLETE_BLOCK", i === shreds.length - 1 ? "the last shred is not LAST_IN_SLOT" : `shred ${i} is LAST_IN_SLOT before the end`);
  });
  let previous = chainedRoot;
  for (let i = 0; i < shreds.length; ) {
    const fec = shreds[i]!.common.fecSetIndex;
    const root = shredMerkleRoot(shreds[i]!);
    if (!bytesEqual(chainedMerkleRoot(shreds[i]!), previous)) fail("CHAINED_ROOT_MISMATCH", `FEC set ${fec} does not chain to the previous set's root`);
    for (; i < shreds.length && shreds[i]!.common.fecSetIndex === fec; i++) {
      if (!bytesEqual(shredMerkleRoot(shreds[i]!), root)) fail("INCONSISTENT_SET", `shred ${i} of FEC set ${fec} has another Merkle root`);
    }
    previous = root;
  }
  const out = new Uint8Array(shreds.reduce((n, s) => n + s.data!.size - 88, 0));
  let at = 0;
  for (const s of shreds) {
    const d = shredData(s);
    out.set(d, at);
    at += d.length;
  }
  return out;
}
