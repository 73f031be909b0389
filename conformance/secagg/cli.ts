/**
 * `pwo secagg round`: the federated-averaging run of conformance/secagg/fedavg.ts from the command
 * line, with a progress line per round, the held-out accuracy and the verified provenance chain.
 * @module
 */
import { toHex } from "../../reference/common/hex.js";
import { recordHash, verifyChain } from "../../reference/secagg/index.js";
import { int, num, str, UsageError, type Command } from "../harness/command.js";
import { runFedAvg } from "./fedavg.js";

export const secaggCommand: Command = {
  positionals: true,
  summary: "a federated-averaging run over secure aggregation, with its DA-backed provenance chain",
  usage: `pwo secagg round [--clients N] [--dropout P] [--rounds R] [--label L]

  round    N clients train logistic regression locally on a seeded data set; each round their updates
           are quantized and securely aggregated (complete graph up to 16 clients, SecAgg+ above), the
           server averages the survivors' updates, publishes the checkpoint in a da square and appends
           a provenance record. Prints accuracy per round and the chain, then verifies it against the
           DA proofs (exit status 1 if it does not verify).

  --clients  clients (default 8, at least 3)
  --dropout  probability a client drops out of a round, 0..0.9 (default 0.1)
  --rounds   rounds (default 5)
  --label    seed label (default pwo/secagg/round/v1)`,
  options: { clients: { type: "string" }, dropout: { type: "string" }, rounds: { type: "string" }, label: { type: "string" } },
  async run(values, positionals) {
    if (positionals[0] !== "round" || positionals.length !== 1) throw new UsageError("expected: pwo secagg round [options]");
    const clients = int(values.clients, "clients", 8, 3);
    const rounds = int(values.rounds, "rounds", 5);
    const dropout = num(values.dropout, "dropout", 0.1, 0, 0.9);
    const label = values.label === undefined ? "pwo/secagg/round/v1" : str(values.label, "label");
    const out = (l: string) => process.stdout.write(`${l}\n`);
    out(`pwo secagg round --clients ${clients} --dropout ${dropout} --rounds ${rounds} --label ${label}`);
    const t0 = performance.now();
    const run = runFedAvg({ label, clients, rounds, dropout, onProgress: (l) => out(`  ${l} (${((performance.now() - t0) / 1000).toFixed(1)} s)`) });
    out("provenance chain (round, model before → after, survivors, session, data root, record hash):");
    for (const r of run.rounds) {
      const rec = r.record;
      out(`  ${rec.round}  ${toHex(rec.modelBefore).slice(0, 16)} → ${toHex(rec.modelAfter).slice(0, 16)}  [${rec.survivors.join(",")}]  ${toHex(rec.sessionId).slice(0, 16)}  ${toHex(rec.dataRoot).slice(0, 16)}  ${toHex(recordHash(rec)).slice(0, 16)}`);
    }
    try {
      const head = verifyChain(run.genesis, run.rounds.map((r) => r.record), run.rounds.map((r) => r.proof));
      out(`chain verified against ${run.rounds.length} DA inclusion proofs: head ${toHex(head).slice(0, 16)}; accuracy ${run.initialAccuracy.toFixed(3)} → ${run.rounds[run.rounds.length - 1]?.accuracy.toFixed(3)}`);
      return 0;
    } catch (e) {
      out(`chain does NOT verify: ${(e as Error).message}`);
      return 1;
    }
  },
};
