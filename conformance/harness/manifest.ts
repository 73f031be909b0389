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
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Suite } from "./suite.js";
import { buildVectorFile, protocolSchema, schemaPath, serializeJson, vectorFileSchema, vectorPath } from "./vectorfile.js";

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
    for (const [name, { title, schema }] of Object.entries(suite.protocolSchemas ?? {})) {
      const path = `schemas/${suite.name}/${name}.schema.json`;
      const content = serializeJson(protocolSchema(path, title, schema));
      out.set(path, content);
      entries.push({ path, sha256: sha256Hex(content), cases: 0, kind: "schema", suite: suite.name });
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

/** Largest file the verifier reads, bytes: a manifest entry cannot make it read without bound. */
export const MAX_VECTOR_FILE = 64 * 1024 * 1024;

/**
 * A manifest path the verifier will open: '/'-separated lower-case segments of [a-z0-9_.-], none
 * empty, none "." or "..", so it resolves inside the vectors directory (checked again after resolving).
 */
export function safeManifestPath(dir: string, path: unknown): string | null {
  if (typeof path !== "string" || !/^[a-z0-9_][a-z0-9_.-]*(\/[a-z0-9_][a-z0-9_.-]*)*$/.test(path)) return null;
  if (path.split("/").some((seg) => seg === "." || seg === "..")) return null;
  const root = resolve(dir);
  const full = resolve(root, path);
  return full.startsWith(root + sep) ? full : null;
}

/**
 * Reads and verifies a vectors directory: the manifest parses; every entry is well formed (a safe
 * path inside the directory, a kind, an integer count, 0 for a schema; a vector file at
 * `<suite>/<op>.json` of its own suite, a schema under `schemas/<suite>/`), listed once; every listed
 * file exists with its sha256; no file is unlisted; and the root is the hash of the sums. Returns the
 * manifest or throws a {@link ManifestError} listing every problem. Whether the root is the one the
 * package ships is the caller's check ({@link pinnedRoot}).
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
    const shown = typeof f?.path === "string" ? JSON.stringify(f.path.slice(0, 80)) : "an entry without a path";
    const full = safeManifestPath(dir, f?.path);
    if (full === null) {
      problems.push(`${shown}: not a path inside the vectors directory; not read`);
      continue;
    }
    if (listed.has(f.path)) {
      problems.push(`${f.path}: listed twice in the manifest`);
      continue;
    }
    listed.add(f.path);
    if (!Number.isSafeInteger(f.cases) || f.cases < 0) problems.push(`${f.path}: cases ${JSON.stringify(f.cases)} is not a non-negative integer`);
    if (typeof f.suite !== "string" || !/^[a-z0-9_-]+$/.test(f.suite)) problems.push(`${f.path}: suite ${JSON.stringify(f.suite)} is not a suite name`);
    if (f.kind === "vectors") {
      if (!(f.path.startsWith(`${f.suite}/`) && f.path.split("/").length === 2 && f.path.endsWith(".json"))) problems.push(`${f.path}: a vector file of suite ${f.suite} must be ${f.suite}/<operation>.json`);
    } else if (f.kind === "schema") {
      if (!(f.path.startsWith(`schemas/${f.suite}/`) && f.path.endsWith(".schema.json"))) problems.push(`${f.path}: a schema of suite ${f.suite} must be schemas/${f.suite}/<operation>.schema.json`);
      if (f.cases !== 0) problems.push(`${f.path}: a schema declares ${f.cases} cases`);
    } else problems.push(`${f.path}: kind ${JSON.stringify(f.kind)} is neither "vectors" nor "schema"`);
    let content: Buffer;
    try {
      const size = statSync(full).size;
      if (size > MAX_VECTOR_FILE) {
        problems.push(`${f.path}: ${size} bytes, more than ${MAX_VECTOR_FILE}; not read`);
        continue;
      }
      content = readFileSync(full);
    } catch {
      problems.push(`${f.path}: listed in the manifest but missing`);
      continue;
    }
    const got = sha256Hex(content);
    if (got !== f.sha256) problems.push(`${f.path}: sha256 ${got} differs from the manifest's ${f.sha256}`);
  }
  for (const f of manifest.files) {
    if (f?.kind === "vectors" && typeof f.path === "string" && listed.has(f.path)) {
      const schema = `schemas/${f.path.replace(/\.json$/, ".schema.json")}`;
      if (!listed.has(schema)) problems.push(`${f.path}: its schema ${schema} is not listed`);
    }
  }
  for (const p of listFiles(dir)) if (p !== MANIFEST && p !== SHA256SUMS && !listed.has(p)) problems.push(`${p}: present but not in the manifest`);
  const root = sha256Hex(sha256sums(manifest.files));
  if (root !== manifest.root) problems.push(`manifest root ${manifest.root} differs from the hash of the listed sums ${root}`);
  const total = manifest.files.reduce((n, f) => n + f.cases, 0);
  if (total !== manifest.totalCases) problems.push(`manifest totalCases ${manifest.totalCases} differs from the sum over files ${total}`);
  if (problems.length) throw new ManifestError(`vectors in ${dir} fail verification:\n  ${problems.join("\n  ")}`);
  return manifest;
}

/** Where the package records the root of the vectors it ships (written by `pwo vectors generate`). */
export const PINNED_ROOT_FILE = "conformance/pinned-root.json";

export interface PinnedRoot {
  suiteVersion: string;
  root: string;
}

export const pinnedRootJson = (m: Pick<Manifest, "suiteVersion" | "root">): string => serializeJson({ suiteVersion: m.suiteVersion, root: m.root });

/** The root the package ships, read from `<packageRoot>/conformance/pinned-root.json`; undefined when absent or unreadable. */
export function pinnedRoot(packageRoot: string): PinnedRoot | undefined {
  try {
    const v = JSON.parse(readFileSync(join(packageRoot, PINNED_ROOT_FILE), "utf8")) as PinnedRoot;
    return typeof v.root === "string" && /^[0-9a-f]{64}$/.test(v.root) && typeof v.suiteVersion === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}
