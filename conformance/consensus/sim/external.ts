/**
 * External nodes (spec/consensus.md §External nodes): an implementation speaking the adapter protocol
 * takes the place of one or all honest nodes of the simulated network, and is checked against the
 * same invariants. Requests are of suite `consensus-node`: `init` once per node id, then `step` per
 * event; the implementation keeps the state of every node id.
 * @module
 */
import { Implementation, type Fault } from "../../harness/client.js";
import { canonical, schemaViolation } from "../../harness/json.js";
import { BadInput, hex, type Json, type JsonObject } from "../../harness/operation.js";
import { CONSENSUS_NODE_SCHEMAS, STEP_OUTPUT_SCHEMA, committeeToJson, eventToJson, outputFromJson } from "./json.js";
import type { AsyncNodeDriver, NodeContext } from "./nodes.js";
import { honestNode } from "./scenario.js";

export const NODE_SUITE = "consensus-node";
/** The wire format's JSON forms live with the other JSON forms; re-exported for examples/consensus-node/. */
export { eventFromJson, eventToJson, messageFromJson, messageToJson, outputFromJson, outputToJson } from "./json.js";

/** Thrown when the external implementation fails the protocol (not a consensus violation). */
export class ExternalNodeError extends Error {
  override readonly name = "ExternalNodeError";
}

/** One running implementation serving every replaced node of a run (one state per node id). */
export class ExternalNodes {
  private id = 0;
  private constructor(private readonly impl: Implementation) {}

  static async start(command: string, timeoutMs = 10_000): Promise<ExternalNodes> {
    const impl = await Implementation.start({ command, timeoutMs, maxLine: 64 * 1024 * 1024 });
    if ("fault" in impl) throw new ExternalNodeError(`${command}: ${impl.fault}: ${impl.detail}`);
    const caps = impl.hello?.capabilities?.[NODE_SUITE] ?? [];
    if (!caps.includes("init") || !caps.includes("step")) throw new ExternalNodeError(`${command}: does not declare ${NODE_SUITE} init and step`);
    return new ExternalNodes(impl);
  }

  async call(operation: "init" | "step", input: JsonObject): Promise<JsonObject> {
    const a: Awaited<ReturnType<Implementation["request"]>> | Fault = await this.impl.request({ id: this.id++, suite: NODE_SUITE, operation, input });
    if ("fault" in a) throw new ExternalNodeError(`${operation}: ${a.fault}: ${a.detail}`);
    if ("error" in a) throw new ExternalNodeError(`${operation}: answered error ${a.error.code}: ${a.error.message ?? ""}`);
    return a.output;
  }

  /** The driver of one node id: `init` on first use, then one `step` per event. */
  driver(ctx: NodeContext, run: number): AsyncNodeDriver {
    const node = `${run}/${ctx.nodeId}`;
    let ready: Promise<unknown> | undefined;
    return {
      step: async (e) => {
        ready ??= this.call("init", { node, committee: committeeToJson(ctx.scheme.name, ctx.committee), authority: ctx.spec.authority, secretKey: hex(ctx.secretKey), gcDepth: ctx.scenario.gcDepth });
        await ready;
        try {
          return outputFromJson(await this.call("step", { node, event: eventToJson(e) }));
        } catch (err) {
          if (err instanceof BadInput) throw new ExternalNodeError(`step answer: ${err.message}`);
          throw err;
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.impl.close();
  }
}

/**
 * Plays one scripted exchange (a `node_exchange` vector, spec/consensus.md §Scripted exchanges)
 * against the implementation: `init` as node `<prefix>/<tcId>`, then one `step` per event, each
 * answer checked against the step schema and compared with the expected one. The first difference,
 * or null.
 */
export async function playExchange(ext: ExternalNodes, node: string, input: JsonObject, expected: readonly Json[]): Promise<string | null> {
  const init = input.init as JsonObject;
  const events = input.events as Json[];
  const got = await ext.call("init", { node, ...init });
  const initBad = schemaViolation(CONSENSUS_NODE_SCHEMAS["consensus-node.init-output"]!.schema, got, "init output");
  if (initBad) return initBad;
  for (const [k, event] of events.entries()) {
    const answer = await ext.call("step", { node, event });
    const bad = schemaViolation(STEP_OUTPUT_SCHEMA, answer, `step ${k} output`);
    if (bad) return bad;
    if (canonical(answer) !== canonical(expected[k]!)) return `step ${k} (${(event as JsonObject).kind}): answered ${canonical(answer).slice(0, 300)}, expected ${canonical(expected[k]!).slice(0, 300)}`;
  }
  return null;
}

/** Which honest nodes an external implementation replaces: the first honest one, or all. */
export function replaces(ctx: NodeContext, mode: "one" | "all"): boolean {
  const honest = ctx.scenario.nodes.map((_, id) => id).filter((id) => honestNode(ctx.scenario, id));
  return mode === "all" ? honest.includes(ctx.nodeId) : honest[0] === ctx.nodeId;
}
