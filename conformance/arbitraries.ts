/**
 * Every suite's fast-check arbitraries (`pwo-spec/arbitraries`), for property testers who reuse our
 * generators against their own implementation: one namespace per suite, plus the generic ones
 * (`hostileBytes`, `hexArb`, …) of the harness.
 * @module
 */
export * as bls from "./bls/arbitraries.js";
export * as codec from "./codec/arbitraries.js";
export * as consensus from "./consensus/arbitraries.js";
export * as da from "./da/arbitraries.js";
export * as exec from "./exec/arbitraries.js";
export * as model from "./model/arbitraries.js";
export * from "./harness/arbitraries.js";
