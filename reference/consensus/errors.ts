/**
 * The closed vocabulary of consensus reason codes (spec/consensus.md §Validity rules). The spec's
 * table, the vectors' `error` fields and adapter answers all use exactly these strings.
 * @module
 */
import { errorFactory } from "../common/errors.js";

export const CONSENSUS_REASONS = {
  INVALID_COMMITTEE: "a committee that is empty, too large, or has a stake of zero or above the limit",
  UNKNOWN_AUTHORITY: "an author, voter or signer index outside the committee",
  INVALID_ROUND: "a round of zero outside genesis, or above MAX_ROUND",
  INVALID_DIGEST: "a digest that is not DIGEST_SIZE bytes",
  TOO_MANY_ENTRIES: "more payload digests, parents or signers than the limits allow",
  NON_CANONICAL_ORDER: "payload digests, parents or signers not strictly ascending",
  UNKNOWN_PARENT: "a parent certificate the checker does not have",
  INVALID_PARENT_ROUND: "a parent of the header's round or later, or more than the garbage-collection depth below it",
  DUPLICATE_PARENT_AUTHOR: "two parents of the previous round by one author",
  INSUFFICIENT_PARENTS: "parents of the previous round with less than quorum stake",
  MISSING_GENESIS_PARENTS: "a round-1 header whose parents are not genesis certificates",
  INSUFFICIENT_STAKE: "certificate signers with less than quorum stake",
  INVALID_SIGNATURE: "a vote or certificate signature that does not verify",
  INVALID_GENESIS: "a round-0 certificate other than the committee's genesis",
  EQUIVOCATION: "a second, different header or certificate for an author and round already seen",
  EVENT_LIMIT: "a simulation that would deliver more than MAX_SIM_EVENTS events",
} as const;

export type ConsensusReason = keyof typeof CONSENSUS_REASONS;

/** Throws the consensus component's {@link SpecError}. */
export const fail = errorFactory("consensus", CONSENSUS_REASONS);
