/** The `pwo` command line: help on every subcommand, clear errors and status 2 for bad arguments. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pwo } from "../harness/testing.js";
import { SUITES } from "../suites.js";

describe("pwo CLI", () => {
  it("lists its commands", () => {
    const r = pwo(["--help"]);
    expect(r.status).toBe(0);
    for (const c of ["conform", "serve", "vectors", "fuzz"]) expect(r.stdout).toContain(c);
  });

  it("lists every suite's own command, which the main CLI does not name (command registry)", () => {
    const r = pwo(["--help"]);
    const main = readFileSync("conformance/cli/main.ts", "utf8");
    for (const s of SUITES.filter((x) => x.command)) {
      expect(r.stdout, s.name).toMatch(new RegExp(`^  ${s.name} +${s.command!.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
      expect(pwo([s.name, "--help"]).stdout).toContain(`pwo ${s.name}`);
      expect(main, `main.ts names ${s.name}`).not.toMatch(new RegExp(`["'/]${s.name}["'/]`));
    }
  });

  for (const c of ["conform", "serve", "vectors", "fuzz"]) {
    it(`${c} --help prints its usage`, () => {
      const r = pwo([c, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`pwo ${c}`));
    });
  }

  it("rejects an unknown command, an unknown action and unknown options with status 2", () => {
    expect(pwo(["frobnicate"]).status).toBe(2);
    expect(pwo(["frobnicate"]).stderr).toMatch(/unknown command "frobnicate"/);
    const v = pwo(["vectors", "shuffle"]);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/unknown action "shuffle"/);
    expect(pwo(["fuzz", "--impl", "pwo serve"]).stderr).toMatch(/--suite needs a value/);
    expect(pwo(["serve", "--port", "1"]).status).toBe(2);
  });

  it("fuzzes the reference against itself without a difference", () => {
    const r = pwo(["fuzz", "--impl", "pwo serve", "--suite", "codec", "--runs", "40"]);
    expect(r.stdout).toMatch(/no difference/);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/no difference/g)?.length).toBe(9);
  });
});
