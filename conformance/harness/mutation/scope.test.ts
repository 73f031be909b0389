/** The mutation scope's partition into shards, and the message-string ignorer (npm run mutation). */
import { describe, expect, it } from "vitest";
import { SUITES } from "../../suites.js";
import { labelParameters, messageIgnoreReason } from "./ignore-messages.js";
import { mutateRange, scopeFiles, scopeUnits, shardUnits } from "./scope.js";

describe("mutation scope", () => {
  for (const suite of SUITES) {
    it(`${suite.name}: --shard i/n partitions the units, for n = 1..5`, () => {
      const units = scopeUnits(suite.name);
      const all = units.map(mutateRange);
      expect(all.length).toBeGreaterThan(0);
      for (let n = 1; n <= 5; n++) {
        const parts = Array.from({ length: n }, (_, i) => shardUnits(units, i + 1, n).map(mutateRange));
        expect(parts.flat().sort()).toEqual([...all].sort());
        expect(new Set(parts.flat()).size).toBe(all.length);
      }
    });
  }

  it("leaves out exec's Block-STM internals and test files", () => {
    expect(scopeFiles("exec").some((f) => f.startsWith("reference/exec/blockstm/"))).toBe(false);
    expect(SUITES.flatMap((s) => scopeFiles(s.name)).some((f) => f.endsWith(".test.ts"))).toBe(false);
    expect(() => shardUnits(scopeUnits("codec"), 4, 3)).toThrow(RangeError);
  });
});

describe("message-string ignorer", () => {
  const call = (callee: { type: string; name?: string; property?: { type: string; name?: string } }, key: number, type = "StringLiteral") => ({ node: { type }, key, listKey: "arguments", parentPath: { node: { type: "CallExpression", callee }, key: null, parentPath: null } });
  it("ignores fail's message and a what label, never fail's code", () => {
    expect(messageIgnoreReason(call({ type: "Identifier", name: "fail" }, 1, "TemplateLiteral"))).toBeDefined();
    expect(messageIgnoreReason(call({ type: "Identifier", name: "fail" }, 0))).toBeUndefined();
    // the byte reader's `this.fail(code, message)` is the same helper, passed in
    expect(messageIgnoreReason(call({ type: "MemberExpression", property: { type: "Identifier", name: "fail" } }, 1, "TemplateLiteral"))).toBeDefined();
    expect(messageIgnoreReason(call({ type: "MemberExpression", property: { type: "Identifier", name: "fail" } }, 0))).toBeUndefined();
    expect(messageIgnoreReason(call({ type: "MemberExpression", property: { type: "Identifier", name: "bytes" } }, 1))).toBeDefined();
    expect(messageIgnoreReason(call({ type: "Identifier", name: "checkU64" }, 0))).toBeUndefined();
    expect(labelParameters().get("checkU64")).toEqual(new Set([1]));
  });
});
