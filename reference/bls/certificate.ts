/**
 * Committees and commit certificates (spec/bls.md §Committees, §Commit messages, §Certificates).
 *
 * A committee admits a member only with a valid proof of possession of its key, which is what makes
 * {@link fastAggregateVerify}-style verification over the signers' summed keys sound (the rogue-key
 * attack needs a key whose secret its registrant does not know). A certificate is one aggregate
 * signature plus a bitfield naming the signers in committee order; it is valid iff the bitfield is
 * canonical, the signers hold strictly more than 2/3 of the stake, and the signature verifies.
 * @module
 */
import { toHex } from "../common/hex.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { isSpecError } from "../common/errors.js";
import { POP, hashToG2 } from "./ciphersuite.js";
import { BLOCK_DIGEST_SIZE, COMMIT_DOMAIN, MAX_BATCH_SIZE, MAX_COMMITTEE_SIZE, U32_LIMIT, U64_LIMIT } from "./constants.js";
import { fail } from "./errors.js";
import { concat, i2osp, publicKeyPoint } from "./keys.js";
import { G1, G2, decodeG2, encodeG2, type G1Point } from "./points.js";
import { type BatchItem, verifyBatchItems } from "./batch.js";
import { popVerify, pairingProductIsOne, sign, signaturePoint } from "./signatures.js";

/** A candidate member: its public key, its stake and its proof of possession (all as on the wire). */
export interface MemberInput {
  publicKey: Uint8Array;
  stake: bigint;
  proofOfPossession: Uint8Array;
}

/** An admitted member: the validated key point is kept, so certificates never decode keys again. */
export interface Member {
  readonly publicKey: Uint8Array;
  readonly stake: bigint;
  readonly point: G1Point;
}

/** A committee: members in their fixed order (the bitfield's order) and their total stake. */
export interface Committee {
  readonly members: readonly Member[];
  readonly totalStake: bigint;
}

/** What a commit certificate certifies. */
export interface Commit {
  /** u64 */
  chainId: bigint;
  /** u32 */
  shard: bigint;
  /** u64 */
  height: bigint;
  /** u32 */
  round: bigint;
  /** 32 bytes, the digest of the committed block */
  blockDigest: Uint8Array;
}

/** A commit certificate: the aggregate signature (96 bytes) and the signer bitfield. */
export interface Certificate {
  signature: Uint8Array;
  signers: Uint8Array;
}

/** What a valid certificate establishes: who signed, and with how much stake. */
export interface CertificateVerdict {
  signers: number[];
  signedStake: bigint;
}

/**
 * Admits a committee (rules M1–M7 of spec/bls.md, each rule over all members before the next, the
 * first failing member named): non-empty, at most MAX_COMMITTEE_SIZE members; every key valid and
 * not the identity; every stake in 1..2^64−1; no key twice; a total stake ≤ 2^64 − 1; then, the
 * only costly rule, every proof of possession valid (checked as one batch, {@link verifyBatchItems}
 * under the POP DST, then one by one only to name the first failure).
 */
export function makeCommittee(candidates: readonly MemberInput[]): Committee {
  if (candidates.length === 0) fail("EMPTY_COMMITTEE", "no members"); // M1
  if (candidates.length > MAX_COMMITTEE_SIZE) fail("COMMITTEE_TOO_LARGE", `${candidates.length} members, at most ${MAX_COMMITTEE_SIZE}`); // M2
  const members: Member[] = candidates.map((c) => ({ publicKey: c.publicKey, stake: c.stake, point: publicKeyPoint(c.publicKey) })); // M3: E1–E7, not the identity
  for (const [i, c] of candidates.entries()) {
    if (c.stake === 0n) fail("ZERO_STAKE", `member ${i} has zero stake`); // M4
    if (c.stake < 0n || c.stake >= U64_LIMIT) fail("STAKE_OVERFLOW", `member ${i}: stake ${c.stake} is not a u64`);
  }
  const seen = new Set<string>();
  for (const [i, c] of candidates.entries()) {
    const key = toHex(c.publicKey);
    if (seen.has(key)) fail("DUPLICATE_PUBLIC_KEY", `member ${i} repeats an earlier key`); // M5
    seen.add(key);
  }
  const totalStake = candidates.reduce((t, c) => t + c.stake, 0n);
  if (totalStake >= U64_LIMIT) fail("STAKE_OVERFLOW", `total stake ${totalStake} exceeds 2^64 − 1`); // M6
  // M7; the one-by-one search only names the first failing member in the message
  if (!proofsOfPossessionHold(members, candidates)) fail("INVALID_PROOF_OF_POSSESSION", `member ${candidates.findIndex((c) => !popVerify(c.publicKey, c.proofOfPossession))}: proof of possession does not verify`);
  return { members, totalStake };
}

/** All proofs of possession at once: PopVerify's equation for every member, by random linear combination. */
function proofsOfPossessionHold(members: readonly Member[], candidates: readonly MemberInput[]): boolean {
  try {
    const items = members.map((m, i) => ({ publicKey: m.point, message: m.publicKey, signature: signaturePoint(candidates[i]!.proofOfPossession) }));
    return verifyBatchItems(items, POP.popDst!);
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
}

/**
 * The commit message (spec/bls.md §Commit messages), 73 bytes:
 * `"PWO-BLS-COMMIT-V1" ‖ I2OSP(chainId, 8) ‖ I2OSP(shard, 4) ‖ I2OSP(height, 8) ‖ I2OSP(round, 4) ‖ blockDigest`.
 * Fixed width, so no two commits share a message; the domain tag keeps commit signatures apart
 * from anything else a validator key signs.
 */
export function commitMessage(commit: Commit): Uint8Array {
  const { chainId, shard, height, round, blockDigest } = commit;
  const range = (name: string, v: bigint, limit: bigint) => {
    if (v < 0n || v >= limit) fail("FIELD_OUT_OF_RANGE", `${name} ${v} is not below ${limit}`);
  };
  range("chainId", chainId, U64_LIMIT);
  range("shard", shard, U32_LIMIT);
  range("height", height, U64_LIMIT);
  range("round", round, U32_LIMIT);
  if (blockDigest.length !== BLOCK_DIGEST_SIZE) fail("FIELD_OUT_OF_RANGE", `blockDigest of ${blockDigest.length} bytes, expected ${BLOCK_DIGEST_SIZE}`);
  return concat(utf8ToBytes(COMMIT_DOMAIN), i2osp(chainId, 8), i2osp(shard, 4), i2osp(height, 8), i2osp(round, 4), blockDigest);
}

/** A member's signature of a commit: Sign(SK, commitMessage(commit)) in the POP ciphersuite. */
export function signCommit(sk: Uint8Array, commit: Commit): Uint8Array {
  return sign(sk, commitMessage(commit), POP);
}

/** Bytes of the signer bitfield of an n-member committee: ceil(n / 8). */
export const bitfieldLength = (n: number): number => Math.ceil(n / 8);

/** Bit i of the bitfield: byte ⌊i / 8⌋, bit i mod 8 counted from the least significant. */
export const getBit = (bits: Uint8Array, i: number): boolean => ((bits[i >> 3]! >> (i & 7)) & 1) === 1;

/** The canonical bitfield of a set of member indices. */
export function encodeSigners(n: number, indices: Iterable<number>): Uint8Array {
  const bits = new Uint8Array(bitfieldLength(n));
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`encodeSigners: index ${i} outside 0..${n - 1}`);
    bits[i >> 3]! |= 1 << (i & 7);
  }
  return bits;
}

/**
 * Reads a signer bitfield (rules C2–C3): exactly ceil(n / 8) bytes, padding bits zero. Returns the
 * signer indices in increasing order.
 */
export function decodeSigners(n: number, bits: Uint8Array): number[] {
  if (bits.length !== bitfieldLength(n)) fail("BITFIELD_LENGTH_MISMATCH", `${bits.length} bytes for ${n} members, expected ${bitfieldLength(n)}`); // C2
  for (let i = n; i < bits.length * 8; i++) if (getBit(bits, i)) fail("NON_CANONICAL_BITFIELD", `padding bit ${i} is set (${n} members)`); // C3
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (getBit(bits, i)) out.push(i);
  return out;
}

/** The stake rule (C4): signed stake strictly above 2/3 of the total, in integers: 3 · signed > 2 · total. */
export const isSupermajority = (signed: bigint, total: bigint): boolean => 3n * signed > 2n * total;

/**
 * Builds a certificate from members' signatures of one commit: the bitfield of their indices and
 * the aggregate of their signatures. The order of `parts` does not matter.
 */
export function aggregateCertificate(committee: Committee, parts: readonly { index: number; signature: Uint8Array }[]): Certificate {
  if (parts.length === 0) fail("EMPTY_AGGREGATE", "no signatures to aggregate");
  const seen = new Set<number>();
  let sum = G2.ZERO;
  for (const p of parts) {
    if (seen.has(p.index)) throw new RangeError(`aggregateCertificate: index ${p.index} given twice`);
    seen.add(p.index);
    sum = sum.add(decodeG2(p.signature));
  }
  return { signature: encodeG2(sum), signers: encodeSigners(committee.members.length, seen) };
}

/** Rules C1–C6 up to the pairing: the commit message, the signers, their summed key and the signature point. */
function checkCertificateStructure(committee: Committee, commit: Commit, certificate: Certificate) {
  const message = commitMessage(commit); // C1
  const signers = decodeSigners(committee.members.length, certificate.signers); // C2, C3
  let signedStake = 0n;
  let publicKey = G1.ZERO;
  for (const i of signers) {
    const m = committee.members[i]!;
    signedStake += m.stake;
    publicKey = publicKey.add(m.point);
  }
  if (!isSupermajority(signedStake, committee.totalStake)) fail("INSUFFICIENT_STAKE", `signed ${signedStake} of ${committee.totalStake}: not above 2/3`); // C4
  const signature = signaturePoint(certificate.signature); // C5: E1–E7, not the identity
  return { message, signers, signedStake, publicKey, signature };
}

/**
 * Verifies a commit certificate (rules C1–C6 of spec/bls.md, in order) and returns its signers and
 * their stake; an invalid certificate raises the code of the first failing rule. The last rule is
 * FastAggregateVerify of the signers' keys: e(Σ PK_i, H(m)) = e(P1, S), else `SIGNATURE_MISMATCH`.
 */
export function verifyCertificate(committee: Committee, commit: Commit, certificate: Certificate): CertificateVerdict {
  const s = checkCertificateStructure(committee, commit, certificate);
  const ok = pairingProductIsOne([{ g1: s.publicKey, g2: hashToG2(s.message, POP.id) }, { g1: G1.BASE.negate(), g2: s.signature }]);
  if (!ok) fail("SIGNATURE_MISMATCH", "the aggregate signature does not verify"); // C6
  return { signers: s.signers, signedStake: s.signedStake };
}

/** {@link verifyCertificate} as a predicate: false wherever it raises a bls reason. */
export function isValidCertificate(committee: Committee, commit: Commit, certificate: Certificate): boolean {
  try {
    verifyCertificate(committee, commit, certificate);
    return true;
  } catch (e) {
    if (isSpecError(e, "bls")) return false;
    throw e;
  }
}

/**
 * Verifies many certificates at once (spec/bls.md §Batch verification): C1–C5 for each, then one
 * random-linear-combination check over (Σ PK, m, S) of all of them. True iff every certificate is
 * valid (up to the 2^-64 soundness error); true for an empty batch; more than MAX_BATCH_SIZE
 * items is `BATCH_TOO_LARGE`.
 */
export function batchVerifyCertificates(items: readonly { committee: Committee; commit: Commit; certificate: Certificate }[]): boolean {
  if (items.length > MAX_BATCH_SIZE) fail("BATCH_TOO_LARGE", `${items.length} items, at most ${MAX_BATCH_SIZE}`);
  const batch: BatchItem[] = [];
  for (const it of items) {
    try {
      const s = checkCertificateStructure(it.committee, it.commit, it.certificate);
      // a summed key of the identity cannot verify a non-identity signature; refuse it here as C6 would
      if (s.publicKey.is0()) return false;
      batch.push({ publicKey: s.publicKey, message: s.message, signature: s.signature });
    } catch (e) {
      if (isSpecError(e, "bls")) return false;
      throw e;
    }
  }
  return verifyBatchItems(batch, POP.id);
}

