/**
 * Header encoding and digests, vote messages and genesis (spec/consensus.md §Header encoding).
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { ByteWriter } from "../common/bytes.js";
import { toHex } from "../common/hex.js";
import { CONSENSUS_VERSION, DIGEST_SIZE, MAX_HEADER_PARENTS, MAX_HEADER_PAYLOAD, MAX_ROUND, VOTE_DOMAIN } from "./constants.js";
import { fail } from "./errors.js";
import type { Certificate, Committee, Digest, Header } from "./types.js";

/** Lexicographic byte order of digests. */
export function compareDigests(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The structural rules H1–H5 of a header, which need no other certificate, checked rule by rule in
 * the order of the rule table (reference/consensus/rules.ts): H1 known author, H2 round in range
 * (round 0 only when `allowGenesis`: a certificate's C1 decides it), H3 payload then parents within
 * their limits, H4 every payload then every parent digest `DIGEST_SIZE` bytes, H5 payload then
 * parents strictly ascending. Each rule runs over both lists before the next rule starts, so a
 * header breaking two of them answers the earlier rule's code whichever entries break them.
 */
export function checkHeaderFields(c: Committee, h: Header, allowGenesis = false): void {
  if (!Number.isSafeInteger(h.author) || h.author < 0 || h.author >= c.authorities.length) fail("UNKNOWN_AUTHORITY", `author ${h.author} of a committee of ${c.authorities.length}`);
  if (!Number.isSafeInteger(h.round) || h.round > MAX_ROUND || (h.round === 0 && !allowGenesis)) fail("INVALID_ROUND", `round ${h.round}`);
  const lists = [
    { what: "payload", list: h.payload, max: MAX_HEADER_PAYLOAD },
    { what: "parents", list: h.parents, max: MAX_HEADER_PARENTS },
  ] as const;
  for (const { what, list, max } of lists) if (list.length > max) fail("TOO_MANY_ENTRIES", `${what}: ${list.length} entries, at most ${max}`);
  for (const { what, list } of lists) {
    for (const [i, d] of list.entries()) if (d.length !== DIGEST_SIZE) fail("INVALID_DIGEST", `${what}[${i}]: ${d.length} bytes, expected ${DIGEST_SIZE}`);
  }
  for (const { what, list } of lists) {
    for (let i = 1; i < list.length; i++) if (compareDigests(list[i - 1]!, list[i]!) >= 0) fail("NON_CANONICAL_ORDER", `${what}[${i}] is not above ${what}[${i - 1}]`);
  }
}

/**
 * The canonical encoding: version u8 ‖ varint author ‖ varint round ‖ varint |payload| ‖ payload
 * digests ‖ varint |parents| ‖ parent digests (spec §Header encoding).
 */
export function encodeHeader(h: Header): Uint8Array {
  const w = new ByteWriter().u8(CONSENSUS_VERSION).varint(h.author).varint(h.round).varint(h.payload.length);
  for (const d of h.payload) w.bytes(d);
  w.varint(h.parents.length);
  for (const d of h.parents) w.bytes(d);
  return w.finish();
}

/** A header's digest, which is also its certificate's: SHA-256(encodeHeader(h)). */
export function headerDigest(h: Header): Digest {
  let d = digestCache.get(h);
  if (!d) digestCache.set(h, (d = sha256(encodeHeader(h))));
  return d;
}

/**
 * Digests by header object. Values of this component are never mutated after construction, so a
 * header object has one digest; simulations pass one object to many nodes and hash it once.
 */
const digestCache = new WeakMap<Header, Digest>();

const VOTE_TAG = utf8ToBytes(VOTE_DOMAIN);

/** The message a vote signs: UTF-8 VOTE_DOMAIN ‖ header digest. */
export function voteMessage(digest: Digest): Uint8Array {
  const m = new Uint8Array(VOTE_TAG.length + digest.length);
  m.set(VOTE_TAG);
  m.set(digest, VOTE_TAG.length);
  return m;
}

/** The genesis certificate of authority i: round 0, empty payload and parents, no signers, empty signature. */
export function genesisCertificate(author: number): Certificate {
  return { header: { author, round: 0, payload: [], parents: [] }, signers: [], signature: new Uint8Array(0) };
}

/** Every authority's genesis certificate, in authority order. */
export function genesis(c: Committee): Certificate[] {
  return c.authorities.map((_, i) => genesisCertificate(i));
}

/** Lower-case hex of a digest: the key of maps and the form in commit sequences. */
export function digestKey(d: Digest): string {
  let k = keyCache.get(d);
  if (k === undefined) keyCache.set(d, (k = toHex(d)));
  return k;
}
/** Keys by digest object (digests are never mutated; simulations share them between nodes). */
const keyCache = new WeakMap<Digest, string>();
