/**
 * `pwo serve`: the reference implementation speaking the adapter protocol on stdin/stdout, exactly as
 * a third-party implementation would. `pwo conform` runs it by default, so the reference is checked
 * through the same path as everyone else.
 * @module
 */
import { createInterface } from "node:readline";
import { match } from "ts-pattern";
import { BadInput, type Operation, runOperation } from "./operation.js";
import { type Answer, type HelloAnswer, type Incoming, PROTOCOL_VERSION, parseIncoming } from "./protocol.js";
import type { Suite } from "./suite.js";

export const REFERENCE_NAME = "pwo-spec reference";

type Reply = HelloAnswer | Answer | { error: { code: string; message: string } };

/** The reference's answerer: one incoming line → its answer (pure apart from the reference's own work). */
export function makeAnswerer(suites: readonly Suite[], version: string): (line: string) => Reply {
  const ops = new Map<string, Operation>(suites.flatMap((s) => s.operations.map((o) => [`${s.name}/${o.name}`, o] as const)));
  return (line) => match<Incoming>(parseIncoming(line))
    .with({ kind: "hello" }, () => ({
      type: "hello" as const,
      protocol: PROTOCOL_VERSION,
      implementation: { name: REFERENCE_NAME, version },
      capabilities: Object.fromEntries(suites.map((s) => [s.name, s.operations.map((o) => o.name)])),
    }))
    .with({ kind: "invalid" }, ({ id, why }) => (id === null ? { error: { code: "BAD_REQUEST", message: why } } : { id, error: { code: "BAD_REQUEST", message: why } }))
    .with({ kind: "request" }, ({ request }): Answer => {
      const op = ops.get(`${request.suite}/${request.operation}`);
      if (!op) return { id: request.id, error: { code: "UNSUPPORTED", message: `${request.suite}/${request.operation}` } };
      try {
        const outcome = runOperation(op, request.input);
        return "output" in outcome ? { id: request.id, output: outcome.output } : { id: request.id, error: { code: outcome.error } };
      } catch (e) {
        const code = e instanceof BadInput ? "BAD_INPUT" : "INTERNAL";
        return { id: request.id, error: { code, message: (e as Error).message } };
      }
    })
    .exhaustive();
}

/** Serves until stdin closes. Output is written with back-pressure, one line per answer. */
export async function serve(suites: readonly Suite[], version: string): Promise<void> {
  const answer = makeAnswerer(suites, version);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    const out = `${JSON.stringify(answer(line))}\n`;
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once("drain", r));
  }
}
