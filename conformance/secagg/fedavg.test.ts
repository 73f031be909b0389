/** The federated round (spec/secagg.md §Federated round): accuracy improves and the provenance chain verifies. */
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { decodeCheckpoint, encodeRecord, verifyBlob, verifyChain } from "../../reference/secagg/index.js";
import { runFedAvg } from "./fedavg.js";

describe("federated averaging over secure aggregation", () => {
  const run = runFedAvg({ label: "pwo/secagg/test/fedavg", clients: 6, rounds: 3, dropout: 0.15 });

  it("held-out accuracy improves over the rounds", () => {
    const accs = [run.initialAccuracy, ...run.rounds.map((r) => r.accuracy)];
    expect(accs[accs.length - 1]!).toBeGreaterThan(accs[0]! + 0.1);
    expect(accs[accs.length - 1]!).toBeGreaterThan(0.75);
  });

  it("the provenance chain verifies from the genesis hash against the DA proofs", () => {
    const head = verifyChain(run.genesis, run.rounds.map((r) => r.record), run.rounds.map((r) => r.proof));
    expect(head).toEqual(run.rounds[run.rounds.length - 1]!.record.modelAfter);
    expect(decodeCheckpoint(verifyBlob(run.rounds[1]!.proof)).round).toBe(2);
    expect(encodeRecord(run.rounds[0]!.record).length).toBeGreaterThan(128);
  });

  it("a tampered checkpoint share, a swapped record or a broken link is rejected", () => {
    const records = run.rounds.map((r) => r.record);
    const proofs = run.rounds.map((r) => r.proof);
    const tampered = proofs.map((p, i) => (i === 1 ? { ...p, rows: p.rows.map((row) => ({ ...row, shares: row.shares.map((s, c) => (c === 0 ? s.map((b, j) => (j === 40 ? b ^ 1 : b)) : s)) })) } : p));
    const swapped = [records[1]!, records[0]!, records[2]!];
    const broken = records.map((r, i) => (i === 2 ? { ...r, modelBefore: r.modelAfter } : r));
    for (const [rs, ps] of [[records, tampered], [swapped, proofs], [broken, proofs]] as const) {
      expect(() => verifyChain(run.genesis, rs, ps)).toThrow();
      try {
        verifyChain(run.genesis, rs, ps);
      } catch (e) {
        expect(isSpecError(e, "secagg")).toBe(true);
      }
    }
  });
});
