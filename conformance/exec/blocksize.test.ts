/**
 * Rule S2 (spec/exec.md §Validity rules): at most MAX_BLOCK_TXS transactions. No vector can carry a
 * block of 2^20 + 1 transactions (conformance/exec/equivalent-mutants.json lists S2's mutants as out
 * of reach), so this test pins the boundary against the reference directly: the largest accepted
 * count and the smallest rejected one. The transactions are one shared payment with fee MAX_TX_GAS + 1: it decodes, declares no gas
 * (rule S3) and is invalid by V2, so the block is cheap.
 */
import { describe, expect, it } from "vitest";
import { MAX_BLOCK_TXS, encodeTx } from "../../reference/codec/index.js";
import { isSpecError } from "../../reference/common/errors.js";
import { MAX_TX_GAS, executeBlock } from "../../reference/exec/index.js";
import { account, payment } from "./fixtures.js";

/** Decodes (cheaply, no exception) but declares no gas and never runs: fee MAX_TX_GAS + 1 (rule V2). */
const junk = encodeTx(payment({ sender: account(0), recipient: account(1), amount: 0n, fee: BigInt(MAX_TX_GAS) + 1n }));

describe("exec rule S2 at its boundary", () => {
  it("(exec/S2, invalid): MAX_BLOCK_TXS + 1 transactions reject the block with TOO_MANY_TXS", () => {
    let code = "(accepted)";
    try {
      executeBlock(new Map(), new Array<Uint8Array>(MAX_BLOCK_TXS + 1).fill(junk));
    } catch (e) {
      code = isSpecError(e, "exec") ? e.code : String(e);
    }
    expect(code).toBe("TOO_MANY_TXS");
  });
  it("(exec/S2, valid): exactly MAX_BLOCK_TXS transactions are accepted (each GAS_LIMIT_TOO_HIGH)", () => {
    const r = executeBlock(new Map(), new Array<Uint8Array>(MAX_BLOCK_TXS).fill(junk));
    expect(r.outcomes.length).toBe(MAX_BLOCK_TXS);
    expect(r.outcomes[MAX_BLOCK_TXS - 1]!.reason).toBe("GAS_LIMIT_TOO_HIGH");
  }, 300_000);
});
