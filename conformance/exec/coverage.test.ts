/**
 * The exec vectors cover the instruction table: every opcode appears in some vector's program, and
 * every opcode that pops or has an immediate has its underflow / truncation vector (opcodeCases).
 * Also pins the fuzzer's coverage helpers on known inputs.
 */
import { describe, expect, it } from "vitest";
import { INSTRUCTIONS, OP, asm } from "../../reference/exec/index.js";
import { answerCodes } from "../harness/fuzz.js";
import { OPCODE_LABELS, executeBlockLabels, programOpcodes } from "./coverage.js";
import { execCases } from "./vectors.js";

const NAME = new Map<number, string>(Object.entries(OP).map(([k, v]) => [v, k]));

describe("exec vectors: opcode coverage", () => {
  const cases = execCases().execute_block!.cases;
  it("every opcode of the instruction table appears in a vector program", () => {
    const hit = new Set(cases.flatMap((c) => executeBlockLabels(c.input)));
    expect(OPCODE_LABELS.length).toBe(INSTRUCTIONS.size);
    expect(OPCODE_LABELS.filter((l) => !hit.has(l))).toEqual([]);
    expect(hit.has("sig:single")).toBe(true);
  });
  it("every opcode that pops has an underflow vector, every opcode with an immediate a truncation vector", () => {
    const comments = cases.map((c) => c.comment);
    for (const [op, [, imm, pops]] of INSTRUCTIONS) {
      if (pops > 0) expect(comments, NAME.get(op)).toContain(`${NAME.get(op)} with ${pops - 1} operand(s): STACK_UNDERFLOW`);
      if (imm > 0) expect(comments, NAME.get(op)).toContain(`${NAME.get(op)} with ${imm - 1} of its ${imm} immediate byte(s): TRUNCATED_PROGRAM`);
    }
  });
  it("the sweep steps over immediates and stops at an unassigned byte", () => {
    expect(programOpcodes(asm().push(0x10).op("ADD").raw(0xff, 0x10).bytes())).toEqual([OP.PUSH, OP.ADD]);
  });
  it("answerCodes reads error codes, nested reasons and boolean verdicts", () => {
    expect(answerCodes({ error: "BAD_INPUT" })).toEqual(["BAD_INPUT"]);
    expect(answerCodes({ output: { outcomes: [{ reason: "ABORTED" }, { reason: null }], valid: false } })).toEqual(["ABORTED", "valid=false"]);
  });
});
