import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["conformance/**/*.test.ts", "reference/**/*.test.ts", "examples/**/*.test.ts"],
    // mutation tests run only under `npm run mutation` (conformance/harness/mutation/)
    exclude: [...configDefaults.exclude, "**/*.mutation.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
