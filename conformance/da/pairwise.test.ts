/**
 * The pairwise vectors really break both rules (conformance/harness/rules.ts, BreakerPairs): for
 * every pair of every da table, each breaker alone on the pair's base answers its own rule's code,
 * and neither breaker undoes the other (the input breaking both differs from each breaker alone,
 * unless a breaker is the identity and its base breaks the rule). The reference gives every answer.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { rulePairs } from "../../reference/common/rules.js";
import { breakAlone, breakBoth, type BreakerPairs } from "../harness/rules.js";
import { runOperation, type JsonObject } from "../harness/operation.js";
import { DA_OPERATIONS } from "./operations.js";
import { withLeopardCases } from "./leopard-vectors.js";
import { daCases } from "./vectors.js";

const specs: BreakerPairs[] = [];
withLeopardCases(daCases((p) => specs.push(p)), (p) => specs.push(p));

const answer = (operation: string, input: JsonObject): string => {
  const out = runOperation(DA_OPERATIONS.find((o) => o.name === operation)!, input);
  return "error" in out ? out.error : "valid";
};

describe("da pairwise vectors break both of their rules", () => {
  it("every table with pairs hands its construction over", () => {
    expect(specs.map((p) => p.table.operation).sort()).toEqual(
      ["extend_square", "leopard_encode", "leopard_reconstruct", "nmt_prove_namespace", "nmt_prove_range", "nmt_root", "nmt_verify_namespace", "nmt_verify_range", "reconstruct_square", "rs_encode", "rs_reconstruct", "verify_fraud_proof", "verify_sample"],
    );
  });

  for (const p of specs) {
    it(`${p.table.operation}: each breaker alone on its pair's base answers its rule's code, and neither undoes the other`, () => {
      const problems: string[] = [];
      for (const [a, b] of rulePairs(p.table)) {
        const ids = [a.id, b.id];
        const base = p.base(ids);
        const alone = { a: breakAlone(p, a, ids), b: breakAlone(p, b, ids) };
        for (const [r, x] of [[a, alone.a], [b, alone.b]] as const) {
          const got = answer(p.table.operation, x);
          if (got !== r.code) problems.push(`(${a.id}, ${b.id}): ${r.id} alone answers ${got}, not ${r.code}`);
        }
        const both = breakBoth(p, a, b);
        if (!isDeepStrictEqual(alone.b, base) && isDeepStrictEqual(both, alone.a)) problems.push(`(${a.id}, ${b.id}): ${a.id}'s breaker undoes ${b.id}'s`);
        if (!isDeepStrictEqual(alone.a, base) && isDeepStrictEqual(both, alone.b)) problems.push(`(${a.id}, ${b.id}): ${b.id}'s breaker undoes ${a.id}'s`);
        if (answer(p.table.operation, both) !== a.code) problems.push(`(${a.id}, ${b.id}): both answer ${answer(p.table.operation, both)}, not ${a.code}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
