/**
 * The vitest configuration Stryker runs (conformance/harness/mutation/cli.ts). `PWO_MUTATION_TESTS`
 * lists the test files of the current phase: the vectors file, or the suite's property tests.
 */
import { defineConfig } from "vitest/config";

const tests = (process.env["PWO_MUTATION_TESTS"] ?? "conformance/harness/mutation/vectors.mutation.test.ts").split(",");

export default defineConfig({
  test: {
    include: tests,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
