/**
 * Pages of the documentation site generated from data (`npm run docs`): one browsable page per
 * suite's vectors (each operation's file as a table of its cases, with links to its spec section, its
 * schema and the raw file) and an index of every reason code (its meaning, the rules that answer it,
 * and the vector cases that exercise it; a code no vector exercises is marked). Written to
 * docs/generated/ (not committed), which typedoc.json lists among the project documents.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "./manifest.js";
import type { Suite } from "./suite.js";
import type { VectorFile } from "./vectorfile.js";

/** Where the generated pages go, relative to the repository root. */
export const GENERATED_DOCS = "docs/generated";

/** Text for a markdown table cell: one line, pipes escaped, long values cut. */
const cell = (s: string, max = 160): string => {
  const one = s.replace(/\s+/g, " ").replace(/\|/g, "\\|");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** The relative path from a generated page (docs/generated/<sub>/) back to the repository root. */
const UP = "../../../";

/** A spec section reference `spec/x.md#anchor` as a link from a generated page. */
const specLink = (section: string, up: string): string => {
  const [file, anchor] = section.split("#");
  return `[${section}](${up}${file}${anchor ? `#${anchor}` : ""})`;
};

function vectorPage(suite: Suite, files: readonly VectorFile[]): string {
  const lines = [
    "---",
    `title: vectors/${suite.name} — the ${suite.name} suite's test vectors`,
    "group: Vectors",
    "---",
    "",
    `# vectors/${suite.name}`,
    "",
    `Every vector file of the \`${suite.name}\` suite, case by case, as \`pwo conform\` runs them. Generated from \`vectors/${suite.name}/\`; the`,
    `spec is [spec/${suite.name}.md](${UP}spec/${suite.name}.md) and the reason codes are indexed in [reason codes](../reason-codes.md#${suite.name}).`,
    "",
    "| operation | cases | valid | invalid | spec section |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  for (const f of files) {
    const valid = f.tests.filter((t) => t.result === "valid").length;
    lines.push(`| [${f.operation}](#${f.operation}) | ${f.numberOfTests} | ${valid} | ${f.numberOfTests - valid} | ${specLink(f.specSection, UP)} |`);
  }
  for (const f of files) {
    lines.push(
      "",
      `## ${f.operation}`,
      "",
      `${f.summary}. Spec: ${specLink(f.specSection, UP)}. File: [vectors/${suite.name}/${f.operation}.json](${UP}vectors/${suite.name}/${f.operation}.json); schema: [vectors/${f.schema}](${UP}vectors/${f.schema}); seed \`${f.seed}\`${f.checkedAgainst.length ? `; also checked against ${f.checkedAgainst.join(", ")}` : ""}.`,
      "",
      "| tcId | comment | flags | result | reason |",
      "| ---: | --- | --- | --- | --- |",
    );
    for (const t of f.tests) lines.push(`| ${t.tcId} | ${cell(t.comment)} | ${t.flags.map((x) => `\`${x}\``).join(" ")} | ${t.result} | ${t.result === "invalid" ? `[\`${t.error}\`](../reason-codes.md#${t.error.toLowerCase()})` : ""} |`);
  }
  return `${lines.join("\n")}\n`;
}

function reasonIndex(suites: readonly Suite[], files: ReadonlyMap<string, readonly VectorFile[]>): string {
  const lines = [
    "---",
    "title: reason-codes — every code of every suite, its rules and its vectors",
    "group: Vectors",
    "---",
    "",
    "# Reason codes",
    "",
    "Every reason code of every suite's closed vocabulary, the rules that answer it (from the suites' rule",
    "tables, where an operation has one) and the vector cases that expect it. A code no vector exercises is",
    "marked **not exercised**: it is a gap of the suite.",
  ];
  for (const suite of suites) {
    lines.push("", `## ${suite.name}`, "");
    const rulesOf = new Map<string, string[]>();
    for (const t of suite.rules ?? []) for (const r of t.rules) rulesOf.set(r.code, [...(rulesOf.get(r.code) ?? []), `${t.operation} ${r.id}`]);
    for (const [code, meaning] of Object.entries(suite.reasons).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const cases = (files.get(suite.name) ?? []).flatMap((f) => f.tests.filter((t) => t.result === "invalid" && t.error === code).map((t) => ({ op: f.operation, tcId: t.tcId })));
      const shown = cases.slice(0, 8).map((c) => `[${c.op}#${c.tcId}](vectors/${suite.name}.md#${c.op})`).join(", ");
      lines.push(
        `### ${code}`,
        "",
        `${meaning}. Spec: [spec/${suite.name}.md](${UP.slice(3)}spec/${suite.name}.md#reason-codes). Rules: ${rulesOf.get(code)?.join(", ") ?? "see the spec's validity rules"}. Vectors: ${cases.length ? `${cases.length} (${shown}${cases.length > 8 ? ", …" : ""})` : "**not exercised**"}.`,
        "",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Every generated page, path (relative to the repository root) → content, from the vectors directory. */
export function generateDocPages(suites: readonly Suite[], vectorsDir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(vectorsDir, "manifest.json"), "utf8")) as Manifest;
  const files = new Map<string, VectorFile[]>();
  for (const e of manifest.files.filter((f) => f.kind === "vectors")) {
    const v = JSON.parse(readFileSync(join(vectorsDir, e.path), "utf8")) as VectorFile;
    files.set(v.suite, [...(files.get(v.suite) ?? []), v]);
  }
  const out = new Map<string, string>();
  for (const suite of suites) out.set(`${GENERATED_DOCS}/vectors/${suite.name}.md`, vectorPage(suite, files.get(suite.name) ?? []));
  out.set(`${GENERATED_DOCS}/reason-codes.md`, reasonIndex(suites, files));
  return out;
}
