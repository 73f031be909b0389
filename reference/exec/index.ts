/**
 * `exec`: a deterministic transaction VM over keyed storage, sequential block execution (the
 * definition) and Block-STM parallel execution (deterministic and worker-thread modes).
 * Normative text: spec/exec.md.
 * @module
 */
export * from "./constants.js";
export { EXEC_REASONS, type ExecReason } from "./errors.js";
export { EXEC_RULES } from "./rules.js";
export type * from "./types.js";
export { balanceKey, nonceKey, storageKey, computeStateRoot, stateLeaf, sortedEntries, checkPreState, u64be } from "./state.js";
export { processTx, checkTxStateless, verifyTxSignature, signingMessage, OP, INSTRUCTIONS, type Access } from "./vm.js";
export { verifyZip215, decodePointZip215, ED25519_L } from "./signature.js";
export { executeBlock, runAgainst, applyWrites, assembleResult, checkBlockSize } from "./sequential.js";
export { executeBlockStmDeterministic, type DeterministicOptions, type BlockStmStats } from "./blockstm/deterministic.js";
export { BlockStmPool } from "./blockstm/parallel.js";
export { DEFAULT_FALLBACK, type BlockStmOptions, type FallbackPolicy } from "./blockstm/setup.js";
export { MVMemory, ReadKind, type MemoryBuffers } from "./blockstm/memory.js";
export { Scheduler, TaskKind } from "./blockstm/scheduler.js";
export { Asm, asm, type Mnemonic } from "./asm.js";
