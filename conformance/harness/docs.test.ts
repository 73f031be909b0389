/** `npm run docs` keeps working: typedoc converts the reference, the harness and the spec pages without errors. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO } from "./testing.js";

describe("documentation site", () => {
  it("typedoc validates the project, spec pages included, with no error", () => {
    const r = spawnSync(process.execPath, ["node_modules/typedoc/bin/typedoc", "--emit", "none", "--logLevel", "Warn"], { cwd: REPO, encoding: "utf8", timeout: 120_000 });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status, out).toBe(0);
    expect(out).not.toMatch(/\[error\]/);
    expect(out).not.toMatch(/Failed to resolve link/);
  });
});
