/**
 * The consensus rule tables (reference/common/rules.ts): the ordered checks of `leader_schedule`,
 * `header_digest`, `check_header`, `check_certificate` and `order_dag` (spec/consensus.md §Validity
 * rules, §Conformance operations). The reference checks in this order: {@link checkCommittee} (K1),
 * then {@link checkHeaderFields} (H1–H5, each rule over the payload and then the parents before the
 * next rule), {@link checkHeader} (H6–H10), {@link checkCertificate} (C1, C2a–C2c, C3, C4); the
 * pairwise vectors (conformance/consensus/rulecases.ts) pin it.
 * @module
 */
import type { Rule, RuleTable } from "../common/rules.js";

const K1: Rule = { id: "K1", code: "INVALID_COMMITTEE", check: "the committee: 1 to `MAX_COMMITTEE_SIZE` authorities, every stake an integer ≥ 1, total stake ≤ `MAX_TOTAL_STAKE`" };
const H1: Rule = { id: "H1", code: "UNKNOWN_AUTHORITY", check: "the header's author < n" };
const H2: Rule = { id: "H2", code: "INVALID_ROUND", check: "1 ≤ round ≤ `MAX_ROUND` (2^32 − 1 accepted, 2^32 rejected; round 0 rejected)" };
const H3: Rule = { id: "H3", code: "TOO_MANY_ENTRIES", check: "at most `MAX_HEADER_PAYLOAD` (1 024) payload digests and at most `MAX_HEADER_PARENTS` (2 048) parents" };
const H4: Rule = { id: "H4", code: "INVALID_DIGEST", check: "every payload digest, then every parent, is `DIGEST_SIZE` (32) bytes" };
const H5: Rule = { id: "H5", code: "NON_CANONICAL_ORDER", check: "payload, then parents, strictly ascending (bytewise; a repeated digest breaks it)" };
const STRUCTURE = [H1, H2, H3, H4, H5];

const H6: Rule = { id: "H6", code: "UNKNOWN_PARENT", check: "every parent's certificate is known (genesis always is)" };
const H7: Rule = { id: "H7", code: "INVALID_PARENT_ROUND", check: "every parent's round `p` has round − gcDepth ≤ `p` < round" };
const H8: Rule = { id: "H8", code: "DUPLICATE_PARENT_AUTHOR", check: "no two parents of round − 1 by one author" };
const H9: Rule = { id: "H9", code: "INSUFFICIENT_PARENTS", check: "the stake of the authors of round − 1 parents ≥ Q = ⌊2S/3⌋ + 1" };
const H10: Rule = { id: "H10", code: "MISSING_GENESIS_PARENTS", check: "a round-1 header's parents are all genesis certificates (round 0, no payload, no parents)" };

const genesisOnly = "H2 broken means round 0 or above `MAX_ROUND`, and H10 concerns round-1 headers only";

export const CONSENSUS_RULES: readonly RuleTable[] = [
  {
    suite: "consensus",
    operation: "leader_schedule",
    rules: [
      K1,
      { id: "L1", code: "INVALID_ROUND", check: "`toRound ≤ MAX_ROUND` and `fromRound ≤ toRound`" },
      { id: "L2", code: "TOO_MANY_ENTRIES", check: "the span `toRound − fromRound ≤ MAX_SCHEDULE_SPAN` (10 000 accepted, 10 001 rejected)" },
    ],
  },
  { suite: "consensus", operation: "header_digest", rules: [K1, ...STRUCTURE] },
  {
    suite: "consensus",
    operation: "check_header",
    rules: [K1, ...STRUCTURE, H6, H7, H8, H9, H10],
    exclusive: [{ rules: ["H2", "H10"], why: genesisOnly }],
  },
  {
    suite: "consensus",
    operation: "check_certificate",
    rules: [
      { ...K1, check: `${K1.check}; the scheme is a schema field (an unknown name is \`BAD_INPUT\`, before this rule)` },
      H1,
      { ...H2, check: "round ≤ `MAX_ROUND` (2^32 − 1 accepted, 2^32 rejected; round 0 goes on to C1)" },
      H3,
      H4,
      H5,
      { id: "C1", code: "INVALID_GENESIS", check: "a round-0 certificate is exactly its author's genesis: no payload, no parents, no signers, an empty signature; it is then valid, and C2a–C4 apply to rounds ≥ 1 only" },
      { id: "C2a", code: "TOO_MANY_ENTRIES", check: "at most n signers (more cannot be both known and strictly ascending, so C2b or C2c breaks too)" },
      { id: "C2b", code: "UNKNOWN_AUTHORITY", check: "every signer < n, over the whole list before C2c" },
      { id: "C2c", code: "NON_CANONICAL_ORDER", check: "signers strictly ascending (a repeated signer breaks it)" },
      { id: "C3", code: "INSUFFICIENT_STAKE", check: "the signers' stake ≥ Q = ⌊2S/3⌋ + 1" },
      { id: "C4", code: "INVALID_SIGNATURE", check: "`verifyAggregate(signers' keys in signer order, voteMessage(digest), signature)` under the committee's scheme" },
    ],
    exclusive: [{ rules: ["H2", "C1"], why: "C1 concerns round-0 certificates and H2 breaks only above `MAX_ROUND`" }],
  },
  {
    suite: "consensus",
    operation: "order_dag",
    rules: [
      K1,
      ...STRUCTURE.map((r) => ({ ...r, check: `${r.check} (at arrival)` })),
      { ...H7, check: `${H7.check} (at release, when every parent is in the DAG: H6 cannot break, a certificate with a missing parent stays buffered)` },
      { ...H9, check: `${H9.check} (at release; H8 cannot break, the DAG holds one certificate per slot, and neither can H10, the only round-0 certificates in it are genesis)` },
      { id: "E1", code: "EQUIVOCATION", check: "at release, the certificate's (round, author) slot is empty or holds this same certificate (same digest)" },
    ],
    exclusive: [{ rules: ["H1", "E1"], why: "a certificate of an unknown author has no slot another certificate could occupy" }],
  },
];
