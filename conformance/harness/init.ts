/**
 * `pwo init --lang rust|python|c|node`: writes a skeleton adapter that passes the handshake and
 * declares no operation, the first step of docs/conformance.md's walk-through. The templates are the
 * files under examples/skeletons/<lang>/ (shipped in the package); the Rust one also gets the JSON
 * module of examples/rust-adapter. Existing files are never overwritten.
 * @module
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export const INIT_LANGUAGES = ["rust", "python", "c", "node"] as const;
export type InitLanguage = (typeof INIT_LANGUAGES)[number];

/** How to build and check each skeleton, printed after it is written (paths relative to its folder). */
export const INIT_NEXT: Record<InitLanguage, { build?: string; impl: string }> = {
  rust: { build: "cargo build --release", impl: "./target/release/my-implementation-adapter" },
  python: { impl: "python3 adapter.py" },
  c: { build: "cc -O2 -std=c99 -o adapter adapter.c", impl: "./adapter" },
  node: { impl: "node adapter.mjs" },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Copies the skeleton of `lang` into `out`; returns the written paths, or throws if any exists. */
export function writeSkeleton(packageRoot: string, lang: InitLanguage, out: string): string[] {
  const template = join(packageRoot, "examples", "skeletons", lang);
  const plan = filesUnder(template).map((src) => [src, join(out, relative(template, src))] as const);
  if (lang === "rust") plan.push([join(packageRoot, "examples", "rust-adapter", "src", "json.rs"), join(out, "src", "json.rs")]);
  const taken = plan.filter(([, dst]) => existsSync(dst)).map(([, dst]) => dst);
  if (taken.length) throw new Error(`refusing to overwrite ${taken.join(", ")}`);
  for (const [src, dst] of plan) {
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(src, dst);
  }
  return plan.map(([, dst]) => dst).sort();
}
