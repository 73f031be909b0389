/**
 * `npm run docs` step 1: writes the generated documentation pages (conformance/harness/docpages.ts)
 * into docs/generated/, which typedoc then renders with the spec pages and the API.
 * @module
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { GENERATED_DOCS, generateDocPages } from "../harness/docpages.js";
import { SUITES } from "../suites.js";

rmSync(GENERATED_DOCS, { recursive: true, force: true });
const pages = generateDocPages(SUITES, "vectors");
for (const [path, content] of pages) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
process.stdout.write(`wrote ${pages.size} generated pages to ${GENERATED_DOCS}/\n`);
