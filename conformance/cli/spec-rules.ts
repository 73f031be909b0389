/**
 * `npm run spec:rules`: rewrites the generated rule blocks of every spec page from the suites' rule
 * tables (reference/common/rules.ts). The spec-pages test fails until the pages match the data.
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderRuleBlocks } from "../harness/rules.js";
import { SUITES } from "../suites.js";

for (const suite of SUITES) {
  if (!suite.rules?.length) continue;
  const file = `spec/${suite.name}.md`;
  const before = readFileSync(file, "utf8");
  const after = renderRuleBlocks(before, suite.rules);
  if (after !== before) writeFileSync(file, after);
  process.stdout.write(`${file}: ${suite.rules.length} rule tables${after === before ? "" : " (rewritten)"}\n`);
}
