/**
 * Mutants of the reference: each breaks one rule the protocol's safety rests on. The standard
 * campaign must catch every one of them (campaign.test.ts), which is how the harness proves its power.
 * @module
 */
import {
  REFERENCE_ORDERING,
  REFERENCE_RULES,
  compareDigests,
  quorumThreshold,
  validityThreshold,
  type ProtocolRules,
  type VertexRef,
} from "../../../reference/consensus/index.js";

export const MUTANTS = {
  /** An anchor commits with f stake of votes instead of f + 1. */
  "commit-on-f-votes": { ...REFERENCE_RULES, ordering: { ...REFERENCE_ORDERING, support: (c) => validityThreshold(c) - 1 } },
  /** Certificates and parents need 2f stake instead of 2f + 1. */
  "quorum-2f": { ...REFERENCE_RULES, quorum: { quorum: (c) => quorumThreshold(c) - 1 } },
  /** Committing an anchor does not first commit the earlier anchors it has a path to. */
  "skip-earlier-anchors": { ...REFERENCE_RULES, ordering: { ...REFERENCE_ORDERING, commitEarlierAnchors: false } },
  /** The causal history is ordered by author first, then round: a child may precede its parent. */
  "wrong-causal-order": {
    ...REFERENCE_RULES,
    ordering: { ...REFERENCE_ORDERING, compare: (a: VertexRef, b: VertexRef) => a.author - b.author || a.round - b.round || compareDigests(a.digest, b.digest) },
  },
  /** A validator votes for every valid header, even a second one by the same author in the same round. */
  "no-equivocation-check": { ...REFERENCE_RULES, checkEquivocation: false },
} satisfies Record<string, ProtocolRules>;

export type MutantName = keyof typeof MUTANTS;
export const MUTANT_NAMES = Object.keys(MUTANTS) as MutantName[];
export type RulesName = "reference" | MutantName;

export function rulesOf(name: RulesName): ProtocolRules {
  return name === "reference" ? REFERENCE_RULES : MUTANTS[name];
}
