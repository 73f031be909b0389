/**
 * External nodes (spec/consensus.md §External nodes): an implementation speaking the adapter protocol
 * takes the place of one or all honest nodes of the simulated network, and is checked against the
 * same invariants. Requests are of suite `consensus-node`: `init` once per node id, then `step` per
 * event; the implementation keeps the state of every node id.
 * @module
 */
import { Implementation, type Fault } from "../../harness/client.js";
import { BadInput, getArray, getInt, getObject, getString, hex, type Json, type JsonObject } from "../../harness/operation.js";
import { fromHex } from "../../../reference/common/hex.js";
import { type CommittedSubDag, type Message, type NodeEvent, type Outbound, type StepOutput } from "../../../reference/consensus/index.js";
import { certificateFromJson, certificateToJson, committeeToJson, headerFromJson, headerToJson } from "./json.js";
import type { AsyncNodeDriver, NodeContext } from "./nodes.js";
import { honestNode } from "./scenario.js";

export const NODE_SUITE = "consensus-node";

export function messageToJson(m: Message): JsonObject {
  switch (m.type) {
    case "header":
      return { type: "header", header: headerToJson(m.header) };
    case "certificate":
      return { type: "certificate", certificate: certificateToJson(m.certificate) };
    case "vote":
      return { type: "vote", vote: { headerDigest: hex(m.vote.headerDigest), author: m.vote.author, round: m.vote.round, voter: m.vote.voter, signature: hex(m.vote.signature) } };
    case "request":
      return { type: "request", digests: m.digests.map(hex) };
  }
}

const asObj = (v: Json, what: string): JsonObject => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${what}: expected an object`);
  return v;
};
const hexOf = (v: Json, what: string): Uint8Array => {
  try {
    return fromHex(v, what);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
};

export function messageFromJson(o: JsonObject): Message {
  const type = getString(o, "type", ["header", "vote", "certificate", "request"] as const);
  if (type === "header") return { type, header: headerFromJson(getObject(o, "header")) };
  if (type === "certificate") return { type, certificate: certificateFromJson(getObject(o, "certificate")) };
  if (type === "request") return { type, digests: getArray(o, "digests").map((d, i) => hexOf(d, `digests[${i}]`)) };
  const v = getObject(o, "vote");
  return { type, vote: { headerDigest: hexOf(v.headerDigest as Json, "headerDigest"), author: getInt(v, "author"), round: getInt(v, "round"), voter: getInt(v, "voter"), signature: hexOf(v.signature as Json, "signature") } };
}

export function eventToJson(e: NodeEvent): JsonObject {
  switch (e.kind) {
    case "start":
      return { kind: "start" };
    case "batch":
      return { kind: "batch", digest: hex(e.digest) };
    case "timeout":
      return { kind: "timeout", round: e.round };
    case "message":
      return { kind: "message", from: e.from, message: messageToJson(e.message) };
  }
}

export function eventFromJson(o: JsonObject): NodeEvent {
  const kind = getString(o, "kind", ["start", "batch", "timeout", "message"] as const);
  if (kind === "start") return { kind };
  if (kind === "batch") return { kind, digest: hexOf(o.digest as Json, "digest") };
  if (kind === "timeout") return { kind, round: getInt(o, "round") };
  return { kind, from: getInt(o, "from"), message: messageFromJson(getObject(o, "message")) };
}

const vrefJson = (v: { round: number; author: number; digest: Uint8Array }): JsonObject => ({ round: v.round, author: v.author, digest: hex(v.digest) });
const vrefFrom = (x: Json, what: string) => {
  const o = asObj(x, what);
  return { round: getInt(o, "round"), author: getInt(o, "author"), digest: hexOf(o.digest as Json, `${what}.digest`) };
};

export function outputToJson(out: StepOutput): JsonObject {
  return {
    messages: out.messages.map((m) => ({ to: m.to, message: messageToJson(m.message) })),
    commits: out.commits.map((c) => ({ anchor: vrefJson(c.anchor), vertices: c.vertices.map(vrefJson) })),
    timers: out.timers,
  };
}

export function outputFromJson(o: JsonObject): StepOutput {
  const messages: Outbound[] = getArray(o, "messages").map((m, i) => {
    const x = asObj(m, `messages[${i}]`);
    const to = x.to === "all" ? "all" : getInt(x, "to");
    return { to, message: messageFromJson(getObject(x, "message")) };
  });
  const commits: CommittedSubDag[] = getArray(o, "commits").map((c, i) => {
    const x = asObj(c, `commits[${i}]`);
    return { anchor: vrefFrom(x.anchor as Json, `commits[${i}].anchor`), vertices: getArray(x, "vertices").map((v, j) => vrefFrom(v, `commits[${i}].vertices[${j}]`)) };
  });
  const timers = getArray(o, "timers").map((t) => getInt({ t }, "t"));
  return { messages, commits, timers };
}

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

/** Which honest nodes an external implementation replaces: the first honest one, or all. */
export function replaces(ctx: NodeContext, mode: "one" | "all"): boolean {
  const honest = ctx.scenario.nodes.map((_, id) => id).filter((id) => honestNode(ctx.scenario, id));
  return mode === "all" ? honest.includes(ctx.nodeId) : honest[0] === ctx.nodeId;
}
