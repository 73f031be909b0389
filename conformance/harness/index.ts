/**
 * The conformance machinery as a library (`pwo-spec/harness`): the runner and its reports, the
 * reference server, vector files and manifests, the suite and operation contracts, rule-table walks
 * and the command registry. What `pwo conform`, `pwo serve` and `pwo vectors` use, for programs
 * that drive them from code.
 * @module
 */
export * from "./command.js";
export * from "./manifest.js";
export * from "./operation.js";
export * from "./report.js";
export * from "./rules.js";
export * from "./runner.js";
export * from "./serve.js";
export type * from "./suite.js";
export * from "./vectorfile.js";
