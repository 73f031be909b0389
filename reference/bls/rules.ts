/**
 * The bls rule table of `verify_certificate` (reference/common/rules.ts): admission M1–M7 of the
 * committee, then C1–C6 of the certificate (spec/bls.md §Committees, §Verifying a certificate), in
 * the order makeCommittee and verifyCertificate check them. A rule with several possible codes (M3,
 * C5: the point codes E1–E7) names the one its vectors break it with.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

const noMember = "an empty committee has no member whose key, stake or proof could be broken";

/** E1–E7 of a compressed point (spec/bls.md §Point encodings); E6 (choosing y by the sign flag) cannot fail. */
const pointRules = (operation: string, size: number, group: string): RuleTable => ({
  suite: "bls",
  operation,
  rules: [
    { id: "E1", code: "INVALID_LENGTH", check: `the length is ${size} bytes` },
    { id: "E2", code: "NOT_COMPRESSED", check: "the compression flag `C` is 1" },
    { id: "E3", code: "INVALID_INFINITY_ENCODING", check: "if the infinity flag `I` is 1: `S` is 0 and every other bit is 0 (the identity; stop)" },
    { id: "E4", code: "COORDINATE_OUT_OF_RANGE", check: group === "G1" ? "`x < p`" : "`x.c1 < p` and `x.c0 < p`" },
    { id: "E5", code: "NOT_ON_CURVE", check: `a point of ${group === "G1" ? "E1" : "E2"} has this \`x\` (\`x³ + b\` is a square); then E6 picks \`y\` by the sign flag, which cannot fail` },
    { id: "E7", code: "NOT_IN_SUBGROUP", check: "the point is in the subgroup of order `r`" },
  ],
  exclusive: [{ rules: ["E5", "E7"], why: "a point that is not on the curve is in no subgroup" }],
});

export const BLS_RULES: readonly RuleTable[] = [
  pointRules("decode_g1", 48, "G1"),
  pointRules("decode_g2", 96, "G2"),
  {
    suite: "bls",
    operation: "verify_certificate",
    rules: [
      { id: "M1", code: "EMPTY_COMMITTEE", check: "at least one member" },
      { id: "M2", code: "COMMITTEE_TOO_LARGE", check: "at most `MAX_COMMITTEE_SIZE` (65 536) members" },
      { id: "M3", code: "IDENTITY_POINT", check: "every key valid by K3 (E1–E7, not the identity), member by member; the vectors break it with the identity key" },
      { id: "M4", code: "ZERO_STAKE", check: "every stake in `[1, 2^64)`, member by member: the first bad member answers `ZERO_STAKE` (0) or `STAKE_OVERFLOW` (≥ 2^64); the vectors break it with a zero stake" },
      { id: "M5", code: "DUPLICATE_PUBLIC_KEY", check: "no key appears twice" },
      { id: "M6", code: "STAKE_OVERFLOW", check: "the total stake `< 2^64`" },
      { id: "M7", code: "INVALID_PROOF_OF_POSSESSION", check: "every proof of possession verifies" },
      { id: "C1", code: "FIELD_OUT_OF_RANGE", check: "the commit's fields in range (`chainId`, `height` u64; `shard`, `round` u32; `blockDigest` 32 bytes)" },
      { id: "C2", code: "BITFIELD_LENGTH_MISMATCH", check: "`len(signers) = ⌈n/8⌉`" },
      { id: "C3", code: "NON_CANONICAL_BITFIELD", check: "every padding bit is 0" },
      { id: "C4", code: "INSUFFICIENT_STAKE", check: "`3 · signedStake > 2 · totalStake`" },
      { id: "C5", code: "NOT_IN_SUBGROUP", check: "the signature valid by K3 (E1–E7, not the identity); the vectors break it with a valid signature plus a cofactor-torsion point" },
      { id: "C6", code: "SIGNATURE_MISMATCH", check: "`e(Σ PK_i, H(commitMessage, POP DST)) = e(P1, S)` over the signers" },
    ],
    exclusive: [
      ...["M3", "M4", "M5", "M6", "M7"].map((id) => ({ rules: ["M1", id] as const, why: noMember })),
      ...["M1", "M3", "M4", "M5", "M6", "M7", "C1", "C2", "C3", "C4", "C5", "C6"].map((id) => ({ rules: ["M2", id] as const, why: "no pair vector: each would carry 65 537 members; M2's own vector (MAX_COMMITTEE_SIZE + 1 copies of one key) pins it before M3 and M5" })),
    ],
  },
];
