/**
 * `pwo init`: each skeleton adapter is written, built with its toolchain, and passes the handshake of
 * `pwo conform` (declaring nothing, it is then refused with "no case was checked", status 1 — never a
 * handshake failure, status 2). A toolchain missing on the machine is said, and its case is skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INIT_LANGUAGES, INIT_NEXT } from "./init.js";
import { pwo } from "./testing.js";

const has = (cmd: string) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0;
const TOOL: Record<string, string> = { rust: "cargo", python: "python3", c: "cc", node: process.execPath };

describe("pwo init", () => {
  for (const lang of INIT_LANGUAGES) {
    const available = has(TOOL[lang]!);
    if (!available) console.log(`pwo init --lang ${lang}: skipped, ${TOOL[lang]} is not installed`);
    it.skipIf(!available)(`--lang ${lang}: the skeleton builds and passes the handshake`, () => {
      const dir = join(mkdtempSync(join(tmpdir(), "pwo-init-")), lang);
      const w = pwo(["init", "--lang", lang, "--out", dir]);
      expect(w.status, w.stderr).toBe(0);
      expect(w.stdout).toContain("next:");
      const build = INIT_NEXT[lang].build;
      if (build) {
        const [cmd, ...args] = build.split(" ");
        execFileSync(cmd!, lang === "rust" ? [...args, "--offline", "--quiet"] : args, { cwd: dir, stdio: "pipe" });
      }
      const report = join(dir, "r.json");
      const r = pwo(["conform", "--impl", `cd ${dir} && ${INIT_NEXT[lang].impl}`, "--suite", "codec", "--quiet", "--report-json", report]);
      expect(r.status, r.stdout + r.stderr).toBe(1);
      const json = JSON.parse(readFileSync(report, "utf8")) as { problems: string[]; implementation: { name: string } };
      expect(json.implementation.name).toBe("my-implementation");
      expect(json.problems.join("\n")).toMatch(/no case was checked/);
      const again = pwo(["init", "--lang", lang, "--out", dir]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/refusing to overwrite/);
    }, 300_000);
  }

  it("rejects an unknown language with the list of known ones", () => {
    const r = pwo(["init", "--lang", "cobol"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected one of rust, python, c, node/);
  });
});
