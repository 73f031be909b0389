/**
 * Every bench suite, in the order `npm run bench` runs them. Adding a component's benchmarks means
 * adding its BenchSuite here, as conformance/suites.ts does for conformance suites.
 * @module
 */
import { blsBench } from "./bls.js";
import { codecBench } from "./codec.js";
import { consensusBench } from "./consensus.js";
import { daBench } from "./da.js";
import { execBench } from "./exec.js";
import type { BenchSuite } from "./harness.js";
import { secaggBench } from "./secagg.js";
import { shredsBench } from "./shreds.js";

export const BENCH_SUITES: readonly BenchSuite[] = [codecBench, blsBench, daBench, execBench, consensusBench, shredsBench, secaggBench];

export function getBenchSuite(name: string): BenchSuite | undefined {
  return BENCH_SUITES.find((s) => s.name === name);
}
