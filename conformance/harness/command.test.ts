/**
 * The command registry (conformance/harness/command.ts): every suite's command is reachable and listed
 * by `pwo --help`, and the main CLI names no component.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SUITES } from "../suites.js";
import { pwo, REPO } from "./testing.js";

describe("command registry", () => {
  it("pwo --help lists every suite's command with its summary; pwo <suite> --help prints its usage", () => {
    const help = pwo(["--help"]);
    expect(help.status).toBe(0);
    const withCommand = SUITES.filter((s) => s.command);
    expect(withCommand.length).toBeGreaterThan(0);
    for (const s of withCommand) {
      expect(help.stdout, s.name).toMatch(new RegExp(`^  ${s.name} +${s.command!.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
      const usage = pwo([s.name, "--help"]);
      expect(usage.status, s.name).toBe(0);
      expect(usage.stdout.trim(), s.name).toBe(s.command!.usage.trim());
    }
  });
  it("the main CLI imports no component and dispatches on no suite name (help-text examples aside)", () => {
    const main = readFileSync(`${REPO}conformance/cli/main.ts`, "utf8");
    for (const s of SUITES) {
      expect(main, s.name).not.toMatch(new RegExp(`from "\\.\\./${s.name}/`));
      expect(main, s.name).not.toMatch(new RegExp(`(===|case) ["'\`]${s.name}["'\`]|^\\s*"?${s.name}"?: \\{`, "m"));
    }
  });
});
