/**
 * The bls rule tables (reference/common/rules.ts): per operation, its checks in the one order the
 * reference applies them (spec/bls.md §Validity rules). A rule with several possible codes (a key
 * or signature valid by K4: the point codes E1–E7 or `IDENTITY_POINT`) names the one its vectors
 * break it with. A verifier's rule (`answersFalse`) makes the operation answer `false`; among such
 * rules the order cannot be seen in an answer, and is written for definiteness only.
 * @module
 */
import type { Rule, RuleTable } from "../common/rules.js";

const noMember = "an empty committee has no member whose key, stake or proof could be broken";
const f = (r: Rule): Rule => ({ ...r, answersFalse: true });

/** E1–E7 of a compressed point (spec/bls.md §Point encodings); E6 (choosing y by the sign flag) cannot fail. */
const pointRuleList = (size: number, group: string): Rule[] => [
  { id: "E1", code: "INVALID_LENGTH", check: `the length is ${size} bytes` },
  { id: "E2", code: "NOT_COMPRESSED", check: "the compression flag `C` is 1" },
  { id: "E3", code: "INVALID_INFINITY_ENCODING", check: "if the infinity flag `I` is 1: `S` is 0 and every other bit is 0 (the identity; stop)" },
  { id: "E4", code: "COORDINATE_OUT_OF_RANGE", check: group === "G1" ? "`x < p`" : "`x.c1 < p` and `x.c0 < p`" },
  { id: "E5", code: "NOT_ON_CURVE", check: `a point of ${group === "G1" ? "E1" : "E2"} has this \`x\` (\`x³ + b\` is a square); then E6 picks \`y\` by the sign flag, which cannot fail` },
  { id: "E7", code: "NOT_IN_SUBGROUP", check: "the point is in the subgroup of order `r`" },
];
const notOnCurve = { rules: ["E5", "E7"] as const, why: "a point that is not on the curve is in no subgroup" };

const pointRules = (operation: string, size: number, group: string): RuleTable => ({
  suite: "bls",
  operation,
  rules: pointRuleList(size, group),
  exclusive: [notOnCurve],
});

/** K2–K3: the secret key of sk_to_pk, sign and pop_prove. */
const secretKeyRules = (operation: string): RuleTable => ({
  suite: "bls",
  operation,
  rules: [
    { id: "K2", code: "INVALID_LENGTH", check: "the secret key is 32 bytes" },
    { id: "K3", code: "INVALID_SECRET_KEY", check: "`0 < OS2IP(SK) < r`" },
  ],
});

const torsionKey = "the vectors break it with a valid key plus a cofactor-torsion point";
const torsionSig = "the vectors break it with a valid signature plus a cofactor-torsion point";

/** Verify and PopVerify: the key, the signature, the equation (spec/bls.md §Signatures, §Proofs of possession). */
const verifyRules = (operation: string, equation: string, what: string): RuleTable => ({
  suite: "bls",
  operation,
  rules: [
    f({ id: "V1", code: "NOT_IN_SUBGROUP", check: `the public key is valid by K4 (KeyValidate); ${torsionKey}` }),
    f({ id: "V2", code: "NOT_IN_SUBGROUP", check: `the ${what} is valid by K4 (E1–E7, not the identity); ${torsionSig}` }),
    f({ id: "V3", code: "SIGNATURE_MISMATCH", check: equation }),
  ],
});

const committeeRules: Rule[] = [
  { id: "M1", code: "EMPTY_COMMITTEE", check: "at least one member" },
  { id: "M2", code: "COMMITTEE_TOO_LARGE", check: "at most `MAX_COMMITTEE_SIZE` (128) members, before any key is decoded" },
  { id: "M3", code: "IDENTITY_POINT", check: "every key valid by K4 (E1–E7, not the identity), member by member; the vectors break it with the identity key" },
  { id: "M4", code: "ZERO_STAKE", check: "every stake in `[1, 2^64)`, member by member: the first bad member answers `ZERO_STAKE` (0) or `STAKE_OVERFLOW` (≥ 2^64); the vectors break it with a zero stake" },
  { id: "M5", code: "DUPLICATE_PUBLIC_KEY", check: "no key appears twice" },
  { id: "M6", code: "STAKE_OVERFLOW", check: "the total stake `< 2^64` (2^64 − 1 accepted, 2^64 rejected)" },
  { id: "M7", code: "INVALID_PROOF_OF_POSSESSION", check: "every proof of possession verifies" },
];
const committeeExclusive = ["M3", "M4", "M5", "M6", "M7"].map((id) => ({ rules: ["M1", id] as const, why: noMember }));
const tooLargeAndEmpty = { rules: ["M1", "M2"] as const, why: "an empty committee is not larger than the cap" };

export const BLS_RULES: readonly RuleTable[] = [
  pointRules("decode_g1", 48, "G1"),
  pointRules("decode_g2", 96, "G2"),
  secretKeyRules("sk_to_pk"),
  secretKeyRules("sign"),
  secretKeyRules("pop_prove"),
  {
    suite: "bls",
    operation: "key_validate",
    rules: [...pointRuleList(48, "G1").map(f), f({ id: "K4", code: "IDENTITY_POINT", check: "the point is not the identity" })],
    exclusive: [
      notOnCurve,
      { rules: ["E3", "K4"], why: "the identity's encoding passes E3, and an encoding that breaks E3 is not the identity's" },
      ...["E4", "E5", "E7"].map((id) => ({ rules: [id, "K4"] as const, why: "the identity has no `x`: E4–E7 are not checked for it" })),
    ],
  },
  verifyRules("verify", "`e(PK, H(m, DST)) = e(P1, S)`", "signature"),
  verifyRules("pop_verify", "`e(PK, H(PK, POP proof DST)) = e(P1, π)`, the message being the key's 48 bytes", "proof"),
  {
    suite: "bls",
    operation: "aggregate",
    rules: [
      { id: "A1", code: "EMPTY_AGGREGATE", check: "at least one signature" },
      { id: "A2", code: "AGGREGATE_TOO_LARGE", check: "at most `MAX_AGGREGATE_SIZE` (1 024) signatures (K7), before any is decoded" },
      { id: "A3", code: "NOT_IN_SUBGROUP", check: "every signature valid by E1–E7 (the identity allowed), one after the other: the first invalid signature's code; the vectors break it with a valid signature plus a cofactor-torsion point" },
    ],
    exclusive: [
      { rules: ["A1", "A2"], why: "an empty list is not larger than the cap" },
      { rules: ["A1", "A3"], why: "an empty list has no signature to break" },
    ],
  },
  {
    suite: "bls",
    operation: "fast_aggregate_verify",
    rules: [
      { id: "F1", code: "AGGREGATE_TOO_LARGE", check: "at most `MAX_AGGREGATE_SIZE` (1 024) keys (K7), before any is decoded (raised, not false)" },
      f({ id: "F2", code: "EMPTY_AGGREGATE", check: "at least one key" }),
      f({ id: "F3", code: "NOT_IN_SUBGROUP", check: `every key valid by K4, one after the other; ${torsionKey}` }),
      f({ id: "F4", code: "IDENTITY_POINT", check: "`Σ PK_i` is not the identity (an empty sum is)" }),
      f({ id: "F5", code: "NOT_IN_SUBGROUP", check: `the signature valid by K4; ${torsionSig}` }),
      f({ id: "F6", code: "SIGNATURE_MISMATCH", check: "`e(Σ PK_i, H(m, POP DST)) = e(P1, S)`" }),
    ],
    exclusive: [
      { rules: ["F1", "F2"], why: "an empty list is not larger than the cap" },
      { rules: ["F2", "F3"], why: "an empty list has no key to break" },
    ],
  },
  {
    suite: "bls",
    operation: "aggregate_verify",
    rules: [
      { id: "G1", code: "BATCH_TOO_LARGE", check: "at most `MAX_BATCH_SIZE` (128) keys and at most 128 messages (K6), before anything is decoded (raised, not false)" },
      f({ id: "G2", code: "EMPTY_AGGREGATE", check: "at least one key" }),
      f({ id: "G3", code: "LENGTH_MISMATCH", check: "as many messages as keys" }),
      f({ id: "G4", code: "REPEATED_MESSAGE", check: "in the basic scheme, the messages are pairwise distinct" }),
      f({ id: "G5", code: "NOT_IN_SUBGROUP", check: `the signature valid by K4; ${torsionSig}` }),
      f({ id: "G6", code: "NOT_IN_SUBGROUP", check: `every key valid by K4, one after the other; ${torsionKey}` }),
      f({ id: "G7", code: "SIGNATURE_MISMATCH", check: "`∏ e(PK_i, H(m_i, DST)) = e(P1, S)`" }),
    ],
    exclusive: [{ rules: ["G2", "G6"], why: "an empty key list has no key to break" }],
  },
  {
    suite: "bls",
    operation: "batch_verify",
    rules: [
      { id: "B1", code: "BATCH_TOO_LARGE", check: "at most `MAX_BATCH_SIZE` (128) keys (K6), before anything is decoded (raised, not false)" },
      f({ id: "B2", code: "EMPTY_AGGREGATE", check: "at least one key" }),
      f({ id: "B3", code: "LENGTH_MISMATCH", check: "as many messages and as many signatures as keys" }),
      f({ id: "B4", code: "NOT_IN_SUBGROUP", check: `each item's key, then its signature, valid by K4, item by item; ${torsionSig}` }),
      f({ id: "B5", code: "SIGNATURE_MISMATCH", check: "`∏ e(r_i · PK_i, H(m_i, DST)) · e(−P1, Σ r_i · S_i) = 1` with the derived scalars r_i" }),
    ],
    exclusive: [
      { rules: ["B1", "B2"], why: "an empty list is not larger than the cap" },
      { rules: ["B2", "B4"], why: "an empty batch has no item to break" },
      { rules: ["B2", "B5"], why: "an empty batch has the empty product, 1, so it cannot break the equation" },
    ],
  },
  {
    suite: "bls",
    operation: "commit_message",
    rules: [
      { id: "C1.1", code: "FIELD_OUT_OF_RANGE", check: "`chainId < 2^64`" },
      { id: "C1.2", code: "FIELD_OUT_OF_RANGE", check: "`shard < 2^32`" },
      { id: "C1.3", code: "FIELD_OUT_OF_RANGE", check: "`height < 2^64`" },
      { id: "C1.4", code: "FIELD_OUT_OF_RANGE", check: "`round < 2^32`" },
      { id: "C1.5", code: "FIELD_OUT_OF_RANGE", check: "`blockDigest` is 32 bytes" },
    ],
  },
  {
    suite: "bls",
    operation: "verify_certificate",
    rules: [
      ...committeeRules,
      { id: "C1", code: "FIELD_OUT_OF_RANGE", check: "the commit's fields in range (`chainId`, `height` u64; `shard`, `round` u32; `blockDigest` 32 bytes)" },
      { id: "C2", code: "BITFIELD_LENGTH_MISMATCH", check: "`len(signers) = ⌈n/8⌉`" },
      { id: "C3", code: "NON_CANONICAL_BITFIELD", check: "every padding bit is 0" },
      { id: "C4", code: "INSUFFICIENT_STAKE", check: "`3 · signedStake > 2 · totalStake`" },
      { id: "C5", code: "NOT_IN_SUBGROUP", check: `the signature valid by K4 (E1–E7, not the identity); ${torsionSig}` },
      { id: "C6", code: "SIGNATURE_MISMATCH", check: "`e(Σ PK_i, H(commitMessage, POP DST)) = e(P1, S)` over the signers" },
    ],
    exclusive: [...committeeExclusive, tooLargeAndEmpty],
  },
  {
    suite: "bls",
    operation: "batch_verify_certificates",
    rules: [
      ...committeeRules,
      { id: "X1", code: "BATCH_TOO_LARGE", check: "at most `MAX_BATCH_SIZE` (128) certificates (K6), before any is checked (raised, not false)" },
      f({ id: "C1", code: "FIELD_OUT_OF_RANGE", check: "each certificate's commit fields in range, certificate by certificate (C1–C5 of each before the next)" }),
      f({ id: "C2", code: "BITFIELD_LENGTH_MISMATCH", check: "`len(signers) = ⌈n/8⌉`" }),
      f({ id: "C3", code: "NON_CANONICAL_BITFIELD", check: "every padding bit is 0" }),
      f({ id: "C4", code: "INSUFFICIENT_STAKE", check: "`3 · signedStake > 2 · totalStake`" }),
      f({ id: "C5", code: "NOT_IN_SUBGROUP", check: `the signature valid by K4; ${torsionSig}` }),
      f({ id: "C6", code: "SIGNATURE_MISMATCH", check: "the signers' summed key is not the identity, then the batch equation of [Batch verification](#batch-verification) over every certificate's `(Σ PK_i, commitMessage, S)`" }),
    ],
    exclusive: [...committeeExclusive, tooLargeAndEmpty],
  },
];
