/**
 * Validity of headers, votes and certificates (spec/consensus.md §Validity rules). Rules are checked
 * in the order of the spec's tables; the first failure is the answer.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { quorumThreshold, stakeOf } from "./committee.js";
import { fail } from "./errors.js";
import { checkHeaderFields, digestKey, headerDigest, voteMessage } from "./header.js";
import type { SignatureScheme } from "./signature.js";
import type { Certificate, Committee, Digest, Header, Vote } from "./types.js";

/** The knobs the reference fixes and mutants of the harness change (never set them in an implementation). */
export interface QuorumRule {
  /** Stake a certificate's signers and a header's previous-round parents need. Reference: {@link quorumThreshold}. */
  quorum(c: Committee): number;
}
export const REFERENCE_QUORUM: QuorumRule = { quorum: quorumThreshold };

/**
 * Header rules with its parents: H1–H5 ({@link checkHeaderFields}), then H6 every parent known
 * (`parent(d)` returns its certificate's header), H7 every parent of an earlier round and above the
 * garbage-collection depth below it, H8 no two previous-round parents by one author, H9 the
 * previous-round parents' stake ≥ quorum, H10 a round-1 header's parents all genesis.
 */
export function checkHeader(c: Committee, h: Header, parent: (d: Digest) => Header | undefined, gcDepth: number, rule: QuorumRule = REFERENCE_QUORUM): Digest {
  checkHeaderFields(c, h);
  const parents = h.parents.map((d, i) => parent(d) ?? fail("UNKNOWN_PARENT", `parents[${i}] ${digestKey(d)} is not known`));
  for (const [i, p] of parents.entries()) {
    if (p.round >= h.round || p.round < h.round - gcDepth) fail("INVALID_PARENT_ROUND", `parents[${i}] is of round ${p.round}; header round ${h.round}, gc depth ${gcDepth}`);
  }
  const previous = parents.filter((p) => p.round === h.round - 1);
  const authors = new Set<number>();
  for (const p of previous) {
    if (authors.has(p.author)) fail("DUPLICATE_PARENT_AUTHOR", `two parents of round ${p.round} by author ${p.author}`);
    authors.add(p.author);
  }
  const stake = stakeOf(c, authors);
  if (stake < rule.quorum(c)) fail("INSUFFICIENT_PARENTS", `parents of round ${h.round - 1} have stake ${stake} < ${rule.quorum(c)}`);
  if (h.round === 1 && parents.some((p) => p.round !== 0 || !isGenesisHeader(p))) fail("MISSING_GENESIS_PARENTS", "a round-1 parent is not a genesis certificate");
  return headerDigest(h);
}

/** Equal to genesisCertificate(h.author).header: round 0, no payload, no parents. */
function isGenesisHeader(h: Header): boolean {
  return h.round === 0 && h.payload.length === 0 && h.parents.length === 0;
}

/**
 * Certificates whose aggregate verified, per committee and scheme. Values are never mutated after
 * construction, so a certificate object delivered to many simulated nodes is verified once.
 */
const verified = new WeakMap<Certificate, WeakMap<Committee, SignatureScheme>>();

/** Vote rules V1 voter known, V2 author and round match the header, V3 signature verifies. */
export function checkVote(c: Committee, scheme: SignatureScheme, v: Vote, header: Header): void {
  if (!Number.isSafeInteger(v.voter) || v.voter < 0 || v.voter >= c.authorities.length) fail("UNKNOWN_AUTHORITY", `voter ${v.voter}`);
  const d = headerDigest(header);
  if (!bytesEqual(d, v.headerDigest) || v.author !== header.author || v.round !== header.round) fail("INVALID_SIGNATURE", "the vote is for another header");
  if (!scheme.verify(c.authorities[v.voter]!.publicKey, voteMessage(d), v.signature)) fail("INVALID_SIGNATURE", `vote of ${v.voter} does not verify`);
}

/**
 * Certificate rules, stateless, in the order of the rule table (reference/consensus/rules.ts):
 * H1–H5 on the header (round 0 allowed by H2), then C1 a round-0 certificate is exactly the genesis
 * of its author (and is then valid), then for rounds ≥ 1 C2a at most n signers, C2b every signer
 * < n, C2c signers strictly ascending (each sub-check over the whole list before the next), C3
 * signers' stake ≥ quorum, C4 the aggregate signature verifies over the vote message of the header
 * digest. Parent rules (H6–H10) are checked when the certificate joins a DAG.
 */
export function checkCertificate(c: Committee, scheme: SignatureScheme, cert: Certificate, rule: QuorumRule = REFERENCE_QUORUM): Digest {
  const h = cert.header;
  checkHeaderFields(c, h, true);
  if (h.round === 0) {
    if (!isGenesisHeader(h) || cert.signers.length !== 0 || cert.signature.length !== 0) fail("INVALID_GENESIS", `round-0 certificate of ${h.author} is not genesis`);
    return headerDigest(h);
  }
  const n = c.authorities.length;
  if (cert.signers.length > n) fail("TOO_MANY_ENTRIES", `${cert.signers.length} signers of a committee of ${n}`);
  for (const [i, s] of cert.signers.entries()) if (!Number.isSafeInteger(s) || s < 0 || s >= n) fail("UNKNOWN_AUTHORITY", `signers[${i}] = ${s}`);
  for (let i = 1; i < cert.signers.length; i++) if (cert.signers[i]! <= cert.signers[i - 1]!) fail("NON_CANONICAL_ORDER", `signers[${i}] = ${cert.signers[i]} is not above ${cert.signers[i - 1]}`);
  const stake = stakeOf(c, cert.signers);
  if (stake < rule.quorum(c)) fail("INSUFFICIENT_STAKE", `signers' stake ${stake} < ${rule.quorum(c)}`);
  const d = headerDigest(h);
  if (verified.get(cert)?.get(c) === scheme) return d;
  const keys = cert.signers.map((s) => c.authorities[s]!.publicKey);
  if (!scheme.verifyAggregate(keys, voteMessage(d), cert.signature)) fail("INVALID_SIGNATURE", "the aggregate signature does not verify");
  let byCommittee = verified.get(cert);
  if (!byCommittee) verified.set(cert, (byCommittee = new WeakMap()));
  byCommittee.set(c, scheme);
  return d;
}
