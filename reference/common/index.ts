/**
 * The shared machinery every component uses (`pwo-spec/common`): hex, the error model, the seeded
 * RNG, RFC 6962 Merkle trees, byte helpers and rule tables (spec/common.md).
 * @module
 */
export * from "./bytes.js";
export * from "./errors.js";
export * from "./hex.js";
export * from "./merkle.js";
export * from "./rng.js";
export * from "./rules.js";
