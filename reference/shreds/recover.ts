/**
 * Recovery of a FEC set from any 32 of its 64 shreds (spec/shreds.md §Recovery), as Agave's
 * `merkle::recover` does it, with Firedancer reedsol's surplus check (a shard that disagrees with
 * the code word the first 32 determine is an error, not silently dropped).
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { isSpecError } from "../common/errors.js";
import { reedSolomon, type ErasureCode } from "../da/reed-solomon.js";
import { CODING_PAYLOAD_SIZE, CODING_SHREDS_PER_FEC_SET, DATA_PAYLOAD_SIZE, DATA_SHREDS_PER_FEC_SET, PROOF_SIZE, SHREDS_PER_FEC_SET, SIZE_OF_SIGNATURE } from "./constants.js";
import { fail } from "./errors.js";
import { merkleLeaf, merkleProof, merkleTree } from "./merkle.js";
import { chainedMerkleRoot, erasureShard, erasureShardIndex, layout, leafBytes, parseShred, shredMerkleRoot, writeCodingHeader, writeCommonHeader, type Shred } from "./shred.js";

/** A present shred parsed, or INVALID_SHRED carrying the single-shred code in its message. */
export function parseMember(payload: Uint8Array, what: string): Shred {
  try {
    return parseShred(payload);
  } catch (e) {
    if (isSpecError(e, "shreds")) fail("INVALID_SHRED", `${what}: ${e.code}`);
    throw e;
  }
}

/**
 * All 64 payloads of a FEC set from the present ones (`undefined` where missing), in erasure-shard
 * order: data shreds 0..31 then coding shreds 0..31. Checks R1–R8 in order.
 * Cost: one 32×32 matrix inversion and O(64 × 987) field operations; allocation 64 payloads.
 * @throws SpecError BAD_SET_SHAPE, INVALID_SHRED, INCONSISTENT_SET, TOO_FEW_SHREDS, MERKLE_ROOT_MISMATCH,
 *   INCONSISTENT_SHARDS, INVALID_RECOVERED_SHRED
 */
export function recoverFecSet(slots: readonly (Uint8Array | undefined)[], code: ErasureCode = reedSolomon): Uint8Array[] {
  // R1: 64 positions
  if (slots.length !== SHREDS_PER_FEC_SET) fail("BAD_SET_SHAPE", `${slots.length} positions, a FEC set has ${SHREDS_PER_FEC_SET}`);
  // R2: every present shred passes V1–V9
  const shreds = slots.map((p, i) => (p === undefined ? undefined : parseMember(p, `position ${i}`)));
  // R3: one set, each shred at its own position
  const present = shreds.flatMap((s, i) => (s ? [[i, s] as const] : []));
  const first = present[0]?.[1];
  for (const [i, s] of present) {
    const kind = i < DATA_SHREDS_PER_FEC_SET ? "data" : "code";
    const c = s.common, f = first!.common;
    if (c.kind !== kind || erasureShardIndex(s) !== i) fail("INCONSISTENT_SET", `the ${c.kind} shred at position ${i} belongs at position ${erasureShardIndex(s)}`);
    if (c.slot !== f.slot || c.version !== f.version || c.fecSetIndex !== f.fecSetIndex || c.resigned !== f.resigned || !bytesEqual(c.signature, f.signature) || !bytesEqual(chainedMerkleRoot(s), chainedMerkleRoot(first!))) {
      fail("INCONSISTENT_SET", `the shred at position ${i} disagrees with position ${present[0]![0]} on slot, version, FEC set, variant, signature or chained root`);
    }
  }
  const coding = present.filter(([i]) => i >= DATA_SHREDS_PER_FEC_SET).map(([, s]) => s);
  const firstCodingIndex = coding[0] ? coding[0].common.index - coding[0].coding!.position : 0;
  if (coding.some((s) => s.common.index - s.coding!.position !== firstCodingIndex)) fail("INCONSISTENT_SET", "coding shreds disagree on the set's first coding index");
  // R4: at least 32 present, at least one of them a coding shred
  if (present.length < DATA_SHREDS_PER_FEC_SET || coding.length === 0) fail("TOO_FEW_SHREDS", `${present.length} shreds present (${coding.length} coding); 32 are needed, one of them coding`);
  // R5: every present shred's proof leads to the same root
  const root = shredMerkleRoot(first!);
  for (const [i, s] of present) if (!bytesEqual(shredMerkleRoot(s), root)) fail("MERKLE_ROOT_MISMATCH", `the proof of position ${i} leads to another root`);
  // decode from the first 32 present shards; R6: the surplus agrees with the code word
  const shards = shreds.map((s) => (s ? erasureShard(s) : undefined));
  const full = code.reconstruct(shards, DATA_SHREDS_PER_FEC_SET);
  const parity = code.encode(full.slice(0, DATA_SHREDS_PER_FEC_SET), CODING_SHREDS_PER_FEC_SET);
  for (const [i, s] of present) {
    const expected = i < DATA_SHREDS_PER_FEC_SET ? full[i]! : parity[i - DATA_SHREDS_PER_FEC_SET]!;
    if (!bytesEqual(erasureShard(s), expected)) fail("INCONSISTENT_SHARDS", `position ${i} disagrees with the code word of the first 32 present shards`);
  }
  // rebuild the missing payloads
  const f = first!.common;
  const retransmitter = f.resigned ? (() => { const s = coding[coding.length - 1]!; const o = layout("code", PROOF_SIZE, true).retransmitterSignature; return s.payload.slice(o, o + SIZE_OF_SIGNATURE); })() : undefined;
  const chained = chainedMerkleRoot(first!);
  const out = slots.map((p, i) => {
    if (p !== undefined) return p.slice();
    const kind = i < DATA_SHREDS_PER_FEC_SET ? "data" : "code";
    const l = layout(kind, PROOF_SIZE, f.resigned);
    const payload = new Uint8Array(kind === "data" ? DATA_PAYLOAD_SIZE : CODING_PAYLOAD_SIZE);
    if (kind === "code") {
      const position = i - DATA_SHREDS_PER_FEC_SET;
      writeCommonHeader(payload, { ...f, kind, index: firstCodingIndex + position });
      writeCodingHeader(payload, { numData: DATA_SHREDS_PER_FEC_SET, numCoding: CODING_SHREDS_PER_FEC_SET, position });
      payload.set(parity[position]!, l.erasureShard[0]);
    } else {
      payload.set(f.signature, 0);
      payload.set(full[i]!, l.erasureShard[0]);
    }
    payload.set(chained, l.chainedRoot);
    if (retransmitter) payload.set(retransmitter, l.retransmitterSignature);
    return payload;
  });
  // R7: recovered data shreds carry their set's common header and pass V1–V9
  for (let i = 0; i < DATA_SHREDS_PER_FEC_SET; i++) {
    if (slots[i] !== undefined) continue;
    let s: Shred;
    try {
      s = parseShred(out[i]!);
    } catch (e) {
      if (isSpecError(e, "shreds")) fail("INVALID_RECOVERED_SHRED", `recovered data shred ${i}: ${e.code}`);
      throw e;
    }
    const c = s.common;
    if (c.kind !== "data" || c.resigned !== f.resigned || c.slot !== f.slot || c.version !== f.version || c.fecSetIndex !== f.fecSetIndex || c.index !== f.fecSetIndex + i) fail("INVALID_RECOVERED_SHRED", `recovered data shred ${i}'s common header disagrees with its set`);
  }
  // R8: the rebuilt tree has the signed root; then the missing shreds get their proofs
  const tree = merkleTree(out.map((p, i) => merkleLeaf(leafBytes({ common: { ...f, kind: i < DATA_SHREDS_PER_FEC_SET ? "data" : "code" }, payload: p }))));
  if (!bytesEqual(tree[tree.length - 1]!, root)) fail("MERKLE_ROOT_MISMATCH", "the recovered set's tree does not have the signed root");
  out.forEach((p, i) => {
    if (slots[i] !== undefined) return;
    const at = layout(i < DATA_SHREDS_PER_FEC_SET ? "data" : "code", PROOF_SIZE, f.resigned).proof;
    merkleProof(tree, i, SHREDS_PER_FEC_SET).forEach((e, j) => p.set(e, at + 20 * j));
  });
  return out;
}
