/**
 * The package works once installed (issue: README true for a user who only ran `npm i pwo-spec`):
 * the tarball is packed from the built tree, installed into a fresh project, and used there as a
 * user would: the `pwo` and `pwo-spec` commands, a conformance run through `pwo serve`, and an ESM
 * import of every entry of the `exports` map. Also: every component has an entry.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string; exports: Record<string, unknown>; files: string[] };
const entries = Object.keys(PKG.exports).filter((k) => !k.includes("*") && k !== "./package.json");

describe("package", () => {
  it("has an exports entry for every reference component, the harness and the arbitraries", () => {
    const components = readdirSync(join(ROOT, "reference")).filter((d) => existsSync(join(ROOT, "reference", d, "index.ts")));
    for (const c of components) expect(entries, c).toContain(`./${c}`);
    for (const e of [".", "./harness", "./arbitraries"]) expect(entries).toContain(e);
  });

  describe("packed, installed into a fresh project, used there", () => {
    const work = mkdtempSync(join(tmpdir(), "pwo-pack-"));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const project = join(work, "project");
    const bin = (name: string) => join(project, "node_modules", ".bin", name);
    let tarball = "";

    it("packs a tarball with the compiled code, vectors, spec and LICENSE and without tests", () => {
      // dist/ is already built by `npm test`; --ignore-scripts keeps prepack from building it twice
      const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" });
      const info = (JSON.parse(out) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>)[0]!;
      tarball = join(work, info.filename);
      const files = info.files.map((f) => f.path);
      for (const f of ["LICENSE", "README.md", "bin/pwo", "dist/conformance/cli/main.js", "vectors/manifest.json", "spec/codec.md", "dist/reference/da/index.d.ts"]) expect(files, f).toContain(f);
      expect(files.filter((f) => /\.test\.|\/testing\.|\.ci\/|^bench\//.test(f))).toEqual([]);
      expect(statSync(tarball).size).toBe(info.size);
    });

    it("installs into a fresh project and its commands work there", () => {
      execFileSync("mkdir", ["-p", project]);
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
      execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project, encoding: "utf8", stdio: "pipe" });
      for (const name of ["pwo", "pwo-spec"]) {
        const r = spawnSync(bin(name), ["--help"], { cwd: project, encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain(`pwo ${PKG.version}`);
      }
      const run = spawnSync(bin("pwo"), ["conform", "--impl", "pwo serve", "--suite", "codec", "--quiet"], { cwd: project, encoding: "utf8" });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/passed/);
    }, 240_000);

    it("imports every entry of the exports map as ESM", () => {
      const script = entries.map((e) => `{ const m = await import(${JSON.stringify(e === "." ? PKG.name : `${PKG.name}/${e.slice(2)}`)}); if (Object.keys(m).length === 0) throw new Error("empty entry ${e}"); }`).join("\n");
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
    }, 60_000);
  });
});
