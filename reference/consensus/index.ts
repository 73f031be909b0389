/**
 * `consensus`: Narwhal DAG and Bullshark ordering as pure state machines. Normative text:
 * spec/consensus.md.
 * @module
 */
export * from "./constants.js";
export { CONSENSUS_REASONS, type ConsensusReason } from "./errors.js";
export type * from "./types.js";
export { BLS_SCHEME } from "./bls-scheme.js";
export { SIM_HASH_SCHEME, deriveKeyPair, getScheme, registerScheme, type KeyPair, type SignatureScheme } from "./signature.js";
export { checkCommittee, isLeaderRound, leaderOf, quorumThreshold, stakeOf, totalStake, validityThreshold } from "./committee.js";
export { checkHeaderFields, compareDigests, digestKey, encodeHeader, genesis, genesisCertificate, headerDigest, voteMessage } from "./header.js";
export { CONSENSUS_RULES } from "./rules.js";
export { REFERENCE_QUORUM, checkCertificate, checkHeader, checkVote, type QuorumRule } from "./validity.js";
export { Dag, type DagVertex } from "./dag.js";
export { orderDag } from "./order-dag.js";
export { Bullshark, REFERENCE_ORDERING, compareVertices, isLinked, leaderSupport, orderHistory, type CommittedSubDag, type OrderingRule } from "./ordering.js";
export {
  REFERENCE_RULES,
  canAdvance,
  initNode,
  stepNode,
  type Message,
  type NodeConfig,
  type NodeEvent,
  type Buffered,
  type NodeState,
  type Outbound,
  type ProtocolRules,
  type StepOutput,
} from "./node.js";
