/**
 * Spec and code say the same thing: every suite's spec page has a "Reason codes" table listing exactly
 * the suite's closed vocabulary with the same meanings, and names every operation of the suite.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRuleTable, rulePairs, validateRuleTable } from "../../reference/common/rules.js";
import { SUITES } from "../suites.js";

/** Rows `| \`CODE\` | meaning |` of the table under the heading "### Reason codes". */
function reasonTable(markdown: string): Record<string, string> {
  const start = markdown.indexOf("### Reason codes");
  if (start < 0) return {};
  const rows: Record<string, string> = {};
  for (const line of markdown.slice(start).split("\n").slice(1)) {
    if (line.startsWith("#")) break;
    const m = /^\| `([A-Z0-9_]+)` \| (.+) \|$/.exec(line.trim());
    if (m) rows[m[1]!] = m[2]!;
  }
  return rows;
}

const plain = (s: string) => s.replace(/`/g, "").toLowerCase();

describe("spec pages agree with the reference", () => {
  for (const suite of SUITES) {
    it(`spec/${suite.name}.md lists exactly the ${suite.name} reason codes, with the same meanings`, () => {
      const md = readFileSync(`spec/${suite.name}.md`, "utf8");
      const table = reasonTable(md);
      expect(Object.keys(table).sort()).toEqual(Object.keys(suite.reasons).sort());
      for (const [code, meaning] of Object.entries(suite.reasons)) {
        // the spec may phrase with code spans and constants; the words must match
        expect(plain(table[code]!).replace(/[^a-z0-9 ]/g, ""), code).toBe(plain(meaning).replace(/[^a-z0-9 ]/g, ""));
      }
    });

    it(`spec/${suite.name}.md names every operation and the section each vector file cites exists`, () => {
      const md = readFileSync(`spec/${suite.name}.md`, "utf8");
      for (const op of suite.operations) {
        expect(md, op.name).toContain(`\`${op.name}\``);
        const [file, anchor] = op.specSection.split("#");
        const page = readFileSync(file!, "utf8");
        const headings = page.split("\n").filter((l) => l.startsWith("#")).map((l) => l.replace(/^#+\s*/, "").toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-"));
        expect(headings, `${op.specSection}`).toContain(anchor);
      }
    });
  }

  for (const suite of SUITES) {
    for (const table of suite.rules ?? []) {
      it(`spec/${suite.name}.md renders the rule table of ${table.operation} exactly as the data says`, () => {
        expect(validateRuleTable(table, suite.reasons)).toEqual([]);
        expect(table.suite).toBe(suite.name);
        expect(suite.operations.map((o) => o.name), table.operation).toContain(table.operation);
        const md = readFileSync(`spec/${suite.name}.md`, "utf8");
        expect(md, `spec/${suite.name}.md needs the block of ${table.operation}; run npm run spec:rules`).toContain(renderRuleTable(table));
      });

      it(`${suite.name}/${table.operation} has a vector breaking each pair of its rules at once`, () => {
        // the committed vector file (vectors.test.ts checks it equals a regeneration), not a regeneration per table
        const file = JSON.parse(readFileSync(`vectors/${suite.name}/${table.operation}.json`, "utf8")) as { tests: { comment: string }[] };
        const comments = file.tests.map((c) => c.comment);
        const missing = rulePairs(table).map(([a, b]) => `breaks ${a.id} and ${b.id} at once`).filter((p) => !comments.some((c) => c.startsWith(p)));
        expect(missing, "pairs with no vector (build one with pairwiseCases, or list the pair as exclusive)").toEqual([]);
      });
    }
  }
});
