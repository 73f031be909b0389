/**
 * The package's main entry (`pwo-spec`): every suite and the conformance machinery. Components are
 * their own entries (`pwo-spec/codec`, `pwo-spec/da`, …; package.json `exports`).
 * @module
 */
export { getSuite, SUITES } from "./suites.js";
export * from "./harness/index.js";
