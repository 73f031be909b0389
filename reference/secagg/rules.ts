/**
 * The ordered checks of the secagg operations that take untrusted values directly (reference/common/
 * rules.ts; rendered in spec/secagg.md §Validity rules). The functions check in exactly this order.
 * The protocol messages' checks are listed in the spec's client and server tables and exercised by
 * the scenario vectors.
 * @module
 */
import type { RuleTable } from "../common/rules.js";

export const SHAMIR_RECONSTRUCT_RULES: RuleTable = {
  suite: "secagg",
  operation: "shamir_reconstruct",
  rules: [
    { id: "R1", code: "SECRET_LENGTH", check: "the secret length is 1..`MAX_SECRET_LENGTH` (1024) bytes" },
    { id: "R2", code: "PARAMETER_OUT_OF_RANGE", check: "the threshold t is at least 2" },
    { id: "R3", code: "TOO_FEW_SHARES", check: "at least t shares are given" },
    { id: "R4", code: "DUPLICATE_SHARE", check: "the evaluation points are distinct and in 1..p − 1" },
    { id: "R5", code: "SECRET_LENGTH", check: "every share has 4 · ceil(8 · len / 31) bytes" },
    { id: "R6", code: "VALUE_OUT_OF_RANGE", check: "every share element (big-endian u32) is below p" },
    { id: "R7", code: "INCONSISTENT_SHARES", check: "every share after the first t lies on the polynomials the first t interpolate" },
    { id: "R8", code: "INCONSISTENT_SHARES", check: "the interpolated value is below 2^(8 · len)" },
  ],
  exclusive: [
    { rules: ["R3", "R7"], why: "with fewer than t shares there is no share after the first t" },
    { rules: ["R3", "R8"], why: "with fewer than t shares nothing is interpolated" },
  ],
};

export const QUANTIZE_RULES: RuleTable = {
  suite: "secagg",
  operation: "quantize",
  rules: [
    { id: "Q1", code: "PARAMETER_OUT_OF_RANGE", check: "the bit width ℓ is 1..32" },
    { id: "Q2", code: "PARAMETER_OUT_OF_RANGE", check: "the client bound N is 1..65536" },
    { id: "Q3", code: "PARAMETER_OUT_OF_RANGE", check: "the clip bound c satisfies 0 < c ≤ 2^32" },
    { id: "Q4", code: "OVERFLOW_BOUND", check: "m = floor((2^ℓ − 1) / N) is at least 1, so N · m ≤ R − 1" },
    { id: "Q5", code: "PARAMETER_OUT_OF_RANGE", check: "the vector has 1..2^24 elements" },
  ],
};

export const PRG_EXPAND_RULES: RuleTable = {
  suite: "secagg",
  operation: "prg_expand",
  rules: [
    { id: "P1", code: "PARAMETER_OUT_OF_RANGE", check: "the bit width ℓ is 1..32" },
    { id: "P2", code: "PARAMETER_OUT_OF_RANGE", check: "the length L is 1..2^24" },
  ],
};

export const KEY_AGREE_RULES: RuleTable = {
  suite: "secagg",
  operation: "key_agree",
  rules: [
    { id: "K1", code: "PARAMETER_OUT_OF_RANGE", check: "the secret key is a scalar in [1, n − 1] (32 bytes big-endian)" },
    { id: "K2", code: "INVALID_PUBLIC_KEY", check: "the public key is a 33-byte compressed SEC1 encoding of a P-256 point" },
  ],
};

/** The `stream_read` operation's checks: the stream's key, then the operation's bound on the bytes read. */
export const STREAM_READ_RULES: RuleTable = {
  suite: "secagg",
  operation: "stream_read",
  rules: [
    { id: "D1", code: "PARAMETER_OUT_OF_RANGE", check: "the key is 32 bytes (an AES-256 key)" },
    { id: "D2", code: "PARAMETER_OUT_OF_RANGE", check: "the pieces total at most 2^24 bytes" },
  ],
};

/**
 * The checks of a new client (newClient, in this order) that the `client_steps` operation answers
 * before any event; each event is then judged by the client's table (C1–C19).
 */
export const CLIENT_STEPS_RULES: RuleTable = {
  suite: "secagg",
  operation: "client_steps",
  rules: [
    { id: "N1", code: "PARAMETER_OUT_OF_RANGE", check: "the session parameters are in range (§Types) and within the operation's bounds (n ≤ 16, L ≤ 64)" },
    { id: "N2", code: "PARAMETER_OUT_OF_RANGE", check: "the client id is in 1..n" },
    { id: "N3", code: "PARAMETER_OUT_OF_RANGE", check: "the client seed is 32 bytes" },
    { id: "N4", code: "VALUE_OUT_OF_RANGE", check: "the input has L elements, each below 2^ℓ" },
  ],
};

const group = (ids: string[], others: string[], why: string) => ids.flatMap((a) => others.map((b) => ({ rules: [a, b] as const, why })));
const ROUND1 = ["C4", "C5", "C6", "C7", "C8"];
const ROUND2 = ["C9", "C10", "C11", "C12"];
const ROUND3 = ["C13", "C14", "C15"];
const ROUND4 = ["C16", "C17", "C18", "C19"];
const rounds = "a message is of one round: the rules of two rounds' requests never judge the same message";

/**
 * The client's checks of every server request (spec/secagg.md §Client), in the order clientStep
 * checks them: C1–C3 on every request, then the rules of the request's round. The `round`
 * operation's `forge` edits break each of them (conformance/secagg/vectors.ts).
 */
export const CLIENT_RULES: RuleTable = {
  suite: "secagg",
  operation: "round",
  part: "client",
  rules: [
    { id: "C1", code: "MALFORMED_MESSAGE", check: "the message decodes (tag, exact length, ids in 1..n, lists sorted and bounded)" },
    { id: "C2", code: "UNEXPECTED_MESSAGE", check: "its tag is the one the client's phase waits for" },
    { id: "C3", code: "SESSION_MISMATCH", check: "its session id (rounds 2–4) is the client's" },
    { id: "C4", code: "BELOW_THRESHOLD", check: "ShareKeysRequest: at least t adverts" },
    { id: "C5", code: "UNEXPECTED_MESSAGE", check: "ShareKeysRequest: it carries the client's own keys" },
    { id: "C6", code: "INVALID_PUBLIC_KEY", check: "ShareKeysRequest: each neighbour's public keys are valid" },
    { id: "C7", code: "INVALID_SIGNATURE", check: "ShareKeysRequest: each neighbour's advert signature verifies" },
    { id: "C8", code: "BELOW_THRESHOLD", check: "ShareKeysRequest: `|N[u] ∩ U1| ≥ t`" },
    { id: "C9", code: "UNEXPECTED_MESSAGE", check: "MaskedInputRequest: every sender is a neighbour in U1" },
    { id: "C10", code: "BELOW_THRESHOLD", check: "MaskedInputRequest: senders + 1 ≥ t" },
    { id: "C11", code: "AEAD_FAILURE", check: "MaskedInputRequest: each ciphertext authenticates (and opens to 80 bytes)" },
    { id: "C12", code: "SHARE_ADDRESS_MISMATCH", check: "MaskedInputRequest: each plaintext names (sender, recipient) of its envelope" },
    { id: "C13", code: "BELOW_THRESHOLD", check: "ConsistencyRequest: `|U3| ≥ t`" },
    { id: "C14", code: "UNEXPECTED_MESSAGE", check: "ConsistencyRequest: the client is in U3" },
    { id: "C15", code: "INCONSISTENT_SURVIVORS", check: "ConsistencyRequest: every neighbour in U3 sent the client shares" },
    { id: "C16", code: "INCONSISTENT_SURVIVORS", check: "UnmaskingRequest: every signer is in the client's U3" },
    { id: "C17", code: "BELOW_THRESHOLD", check: "UnmaskingRequest: at least t signers in N[v]" },
    { id: "C18", code: "INCONSISTENT_SURVIVORS", check: "UnmaskingRequest: each signature of N[v] verifies over the client's U3" },
    { id: "C19", code: "BOTH_SHARES_REQUESTED", check: "UnmaskingRequest: no user of D is in the client's U3" },
  ],
  exclusive: [
    ...group(["C3"], ROUND1, "a ShareKeysRequest carries no session id (the session id is derived from it)"),
    ...group(ROUND1, [...ROUND2, ...ROUND3, ...ROUND4], rounds),
    ...group(ROUND2, [...ROUND3, ...ROUND4], rounds),
    ...group(ROUND3, ROUND4, rounds),
  ],
};

const MESSAGE = ["S1", "S2", "S3", "S4", "S5", "S6"];

/**
 * The server's checks (spec/secagg.md §Server): S1–S6 of every client message in the order
 * serverReceive checks them, S7–S10 at a deadline in the order serverDeadline and unmasking check
 * them. S6's code depends on the message; the vectors break it with a ConsistencyResponse.
 */
export const SERVER_RULES: RuleTable = {
  suite: "secagg",
  operation: "round",
  part: "server",
  rules: [
    { id: "S1", code: "MALFORMED_MESSAGE", check: "the message decodes (`VALUE_OUT_OF_RANGE` for a masked element ≥ R)" },
    { id: "S2", code: "UNEXPECTED_MESSAGE", check: "its tag is the current round's response" },
    { id: "S3", code: "SESSION_MISMATCH", check: "its session id (rounds 1–4) is the server's" },
    { id: "S4", code: "UNEXPECTED_MESSAGE", check: "its sender field is the channel's sender and in the previous round's set" },
    { id: "S5", code: "DUPLICATE_MESSAGE", check: "it is the sender's first message this round (not a replay)" },
    {
      id: "S6",
      code: "INVALID_SIGNATURE",
      check:
        "the round's own check: AdvertiseKeys valid keys (`INVALID_PUBLIC_KEY`) and signature; ShareKeysResponse addressed to exactly `N(u) ∩ U1` (`UNEXPECTED_MESSAGE`); ConsistencyResponse signature over the server's U3; UnmaskingResponse b shares of exactly `N[v] ∩ U3`, s shares of exactly the users of D that shared with v (`UNEXPECTED_MESSAGE`); the vectors break it with a ConsistencyResponse",
    },
    { id: "S7", code: "BELOW_THRESHOLD", check: "at a deadline: at least t users answered the round" },
    { id: "S8", code: "BELOW_THRESHOLD", check: "at the unmasking deadline, per user (U3's b_u ascending, then D's s_sk_u ascending): at least t shares" },
    { id: "S9", code: "INCONSISTENT_SHARES", check: "the user's shares pass the `shamir_reconstruct` rules (surplus shares agree)" },
    { id: "S10", code: "KEY_MISMATCH", check: "a reconstructed `s_sk_u` satisfies `s_sk_u · G = s_pk_u`" },
  ],
  exclusive: [
    ...group(MESSAGE, ["S7", "S8", "S9", "S10"], "S1–S6 judge a client's message, S7–S10 a deadline: no event is both"),
    ...group(["S7"], ["S9", "S10"], "with fewer than t responders nothing is reconstructed"),
    ...group(["S8"], ["S9", "S10"], "per user: a secret with fewer than t shares is not reconstructed; between users, the user order decides"),
    { rules: ["S9", "S10"], why: "per user: shares that fail S9 give no key for S10; between users, the user order decides" },
  ],
};

export const SECAGG_RULES: readonly RuleTable[] = [SHAMIR_RECONSTRUCT_RULES, QUANTIZE_RULES, PRG_EXPAND_RULES, KEY_AGREE_RULES, STREAM_READ_RULES, CLIENT_STEPS_RULES, CLIENT_RULES, SERVER_RULES];
