/**
 * `npm run mutation:docs`: prints the committed mutation scores (`conformance/<suite>/mutation.json`,
 * written by `npm run mutation -- <suite>`) into docs/conformance.md, between the
 * `<!-- mutation-scores -->` markers, and into the header of each spec page, as the line after the
 * version paragraph that starts with `> Mutation score`. A suite never measured says so.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SUITES } from "../../suites.js";
import type { Counts } from "./cli.js";
import { COMMON } from "./scope.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

interface Summary {
  suite: string;
  counts: Counts;
  seconds: number;
  scope: { excluded: { path: string; names?: string[]; reason: string }[] };
  /** How the figures were obtained when not by one plain whole run (a phase skipped, a file taken out). */
  note?: string;
}

export function readSummary(suite: string, root = ROOT): Summary | undefined {
  const p = join(root, "conformance", suite, "mutation.json");
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Summary) : undefined;
}

/** K/M: mutants the vectors kill, of the in-scope mutants not listed as equivalent. */
export function headerLine(suite: string, s: Summary | undefined): string {
  if (!s) return `> Mutation score (vectors only): not measured yet — \`npm run mutation -- ${suite}\``;
  const c = { ...s.counts, outOfReach: s.counts.outOfReach ?? 0 };
  return `> Mutation score (vectors only): ${c.killedByVectors}/${c.mutants - c.equivalent - c.outOfReach} killed, ${c.equivalent} equivalent, ${c.outOfReach} out of reach of a vector — \`npm run mutation -- ${suite}\``;
}

export function scoreTable(root = ROOT): string {
  const lines = [
    "| suite | mutants | killed by vectors | killed by properties only | survived | equivalent | out of reach | score (vectors) | run time |",
    "| ----- | ------: | ----------------: | ------------------------: | -------: | ---------: | -----------: | --------------: | -------: |",
  ];
  const notes: string[] = [];
  for (const suite of [...SUITES, { name: COMMON }]) {
    const s = readSummary(suite.name, root);
    if (!s) {
      lines.push(`| ${suite.name} | — | — | — | — | — | — | not measured | — |`);
      continue;
    }
    const c = { ...s.counts, outOfReach: s.counts.outOfReach ?? 0 };
    const denom = c.mutants - c.equivalent - c.outOfReach;
    const pct = denom ? ((100 * c.killedByVectors) / denom).toFixed(1) : "100.0";
    lines.push(`| ${suite.name} | ${c.mutants} | ${c.killedByVectors} | ${c.killedByPropertiesOnly} | ${c.survived} | ${c.equivalent} | ${c.outOfReach} | ${c.killedByVectors}/${denom} (${pct} %) | ${s.seconds} s |`);
    if (s.note) notes.push(`- ${suite.name}: ${s.note}.`);
    for (const x of s.scope.excluded) notes.push(`- ${suite.name}: excluded \`${x.path}\`${x.names ? ` (${x.names.map((n) => `\`${n}\``).join(", ")})` : ""}: ${x.reason}.`);
  }
  return [...lines, "", ...notes].join("\n").trimEnd();
}

const BEGIN = "<!-- mutation-scores -->";
const END = "<!-- /mutation-scores -->";

function main(): void {
  const docPath = join(ROOT, "docs", "conformance.md");
  const doc = readFileSync(docPath, "utf8");
  const block = `${BEGIN}\n${scoreTable()}\n${END}`;
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  if (i < 0 || j < i) throw new Error(`docs/conformance.md: no ${BEGIN} … ${END} block`);
  writeFileSync(docPath, doc.slice(0, i) + block + doc.slice(j + END.length));
  for (const suite of [...SUITES, { name: COMMON }]) {
    const page = join(ROOT, "spec", `${suite.name}.md`);
    if (!existsSync(page)) continue;
    const lines = readFileSync(page, "utf8").split("\n");
    const line = headerLine(suite.name, readSummary(suite.name));
    const at = lines.findIndex((l) => l.startsWith("> Mutation score"));
    if (at >= 0) lines[at] = line;
    else {
      const v = lines.findIndex((l) => l.startsWith("**Version"));
      if (v < 0) throw new Error(`spec/${suite.name}.md: no **Version** paragraph to put the score under`);
      let end = v;
      while (end + 1 < lines.length && lines[end + 1]!.trim() !== "") end++;
      lines.splice(end + 1, 0, "", line);
    }
    writeFileSync(page, lines.join("\n"));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
