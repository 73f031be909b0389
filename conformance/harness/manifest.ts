/**
 * The vectors directory as a whole: generation of every file, the manifest of sha256 sums, and its
 * verification (docs/vectors.md §Manifest).
 *
 *   manifest.root = SHA-256 of SHA256SUMS, the text "‹sha256›  ‹path›\n" per file, sorted by path,
 *   over every vector file and schema (the manifest itself excluded).
 * @module
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Suite } from "./suite.js";
import { buildVectorFile, schemaPath, serializeJson, vectorFileSchema, vectorPath } from "./vectorfile.js";

export const MANIFEST = "manifest.json";
export const SHA256SUMS = "SHA256SUMS";

export interface ManifestEntry {
  path: string;
  sha256: string;
  /** Test cases in a vector file; 0 for a schema. */
  cases: number;
  kind: "vectors" | "schema";
  suite: string;
}

export interface Manifest {
  format: "pwo-manifest/1";
  /** The package version the vectors belong to. */
  suiteVersion: string;
  root: string;
  totalCases: number;
  files: ManifestEntry[];
}

export const sha256Hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

export const sha256sums = (files: readonly Pick<ManifestEntry, "path" | "sha256">[]): string =>
  [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.sha256}  ${f.path}\n`).join("");

/** Every file of the vectors directory, path → content, manifest included; pure and deterministic. */
export function generateVectorTree(suites: readonly Suite[], suiteVersion: string): Map<string, string> {
  const out = new Map<string, string>();
  const entries: ManifestEntry[] = [];
  for (const suite of suites) {
    const cases = suite.cases();
    for (const op of suite.operations) {
      const spec = cases[op.name];
      if (!spec) throw new Error(`${suite.name}/${op.name}: the suite defines no cases for this operation`);
      const file = buildVectorFile(suite, op, spec.seed, spec.cases);
      const content = serializeJson(file);
      const schema = serializeJson(vectorFileSchema(op, suite.reasons));
      out.set(vectorPath(suite.name, op.name), content);
      out.set(schemaPath(op), schema);
      entries.push({ path: vectorPath(suite.name, op.name), sha256: sha256Hex(content), cases: file.numberOfTests, kind: "vectors", suite: suite.name });
      entries.push({ path: schemaPath(op), sha256: sha256Hex(schema), cases: 0, kind: "schema", suite: suite.name });
    }
    const extra = Object.keys(cases).filter((n) => !suite.operations.some((o) => o.name === n));
    if (extra.length) throw new Error(`${suite.name}: cases for unknown operations ${extra.join(", ")}`);
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifest: Manifest = {
    format: "pwo-manifest/1",
    suiteVersion,
    root: sha256Hex(sha256sums(entries)),
    totalCases: entries.reduce((n, e) => n + e.cases, 0),
    files: entries,
  };
  out.set(MANIFEST, serializeJson(manifest));
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function writeVectorTree(dir: string, tree: Map<string, string>): void {
  for (const [path, content] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Every regular file below `dir`, as sorted '/'-separated relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/**
 * Reads and verifies a vectors directory: the manifest parses, every listed file exists with its
 * sha256, no file is unlisted, and the root is the hash of the sums. Returns the manifest or throws
 * a {@link ManifestError} listing every problem.
 */
export function verifyManifest(dir: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch (e) {
    throw new ManifestError(`${join(dir, MANIFEST)}: cannot read the manifest: ${(e as Error).message}`);
  }
  if (manifest.format !== "pwo-manifest/1" || !Array.isArray(manifest.files)) throw new ManifestError(`${join(dir, MANIFEST)}: not a pwo-manifest/1 file`);
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    let content: Buffer;
    try {
      content = readFileSync(join(dir, f.path));
    } catch {
      problems.push(`${f.path}: listed in the manifest but missing`);
      continue;
    }
    const got = sha256Hex(content);
    if (got !== f.sha256) problems.push(`${f.path}: sha256 ${got} differs from the manifest's ${f.sha256}`);
  }
  for (const p of listFiles(dir)) if (p !== MANIFEST && p !== SHA256SUMS && !listed.has(p)) problems.push(`${p}: present but not in the manifest`);
  const root = sha256Hex(sha256sums(manifest.files));
  if (root !== manifest.root) problems.push(`manifest root ${manifest.root} differs from the hash of the listed sums ${root}`);
  const total = manifest.files.reduce((n, f) => n + f.cases, 0);
  if (total !== manifest.totalCases) problems.push(`manifest totalCases ${manifest.totalCases} differs from the sum over files ${total}`);
  if (problems.length) throw new ManifestError(`vectors in ${dir} fail verification:\n  ${problems.join("\n  ")}`);
  return manifest;
}
