/**
 * The consensus protocol as the simulation core runs it (spec/consensus.md §Simulation): every node
 * is the reference node (`initNode`/`stepNode`), wrapped by its Byzantine behaviour, and
 * {@link consensusOutputs} turns a step's output into the core's timers and sends. Nothing here
 * knows the invariants: checkers read the trace (invariants.ts).
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import {
  compareDigests,
  deriveKeyPair,
  digestKey,
  headerDigest,
  initNode,
  stakeOf,
  stepNode,
  voteMessage,
  type Certificate,
  type CommittedSubDag,
  type Committee,
  type Header,
  type Message,
  type NodeEvent,
  type SignatureScheme,
  type StepOutput,
} from "../../../reference/consensus/index.js";
import type { NodeId, Outputs } from "../../harness/sim/index.js";
import { rulesOf } from "./mutants.js";
import { SIM_KEY_LABEL, type NodeSpec, type Scenario } from "./scenario.js";

/** A node implementation as the simulator drives it: events in, outputs out. */
export interface NodeDriver {
  step(event: NodeEvent): StepOutput;
}
export interface AsyncNodeDriver {
  step(event: NodeEvent): Promise<StepOutput>;
}

export interface NodeContext {
  nodeId: number;
  committee: Committee;
  scheme: SignatureScheme;
  secretKey: Uint8Array;
  spec: NodeSpec;
  scenario: Scenario;
}

export function nodeContext(sc: Scenario, committee: Committee, scheme: SignatureScheme, nodeId: number): NodeContext {
  const spec = sc.nodes[nodeId]!;
  return { nodeId, committee, scheme, secretKey: deriveKeyPair(scheme, SIM_KEY_LABEL, spec.authority).secretKey, spec, scenario: sc };
}

/** One batch digest per node at start: SHA-256("pwo/consensus/sim-batch/" ‖ node id). */
export const batchOf = (id: number): Uint8Array => sha256(utf8ToBytes(`pwo/consensus/sim-batch/${id}`));

/** Where a node's messages go: "all" is every other node in id order; authority a is every node of a, in id order. */
export interface Routing {
  allBut: number[][];
  byAuthority: number[][];
}

export function routingOf(sc: Scenario): Routing {
  const ids = sc.nodes.map((_, id) => id);
  return { allBut: ids.map((id) => ids.filter((x) => x !== id)), byAuthority: sc.stakes.map((_, a) => ids.filter((id) => sc.nodes[id]!.authority === a)) };
}

/** A node's step output as the core's outputs: each timer fires after `timeout`; each message is one send; commits are observations. */
export function consensusOutputs(sc: Scenario, routing: Routing, node: NodeId, out: StepOutput): Outputs<NodeEvent, Message, CommittedSubDag> {
  return {
    timers: out.timers.map((round) => ({ after: sc.timeout, event: { kind: "timeout", round } })),
    sends: out.messages.map((m) => ({ to: m.to === "all" ? routing.allBut[node]! : (routing.byAuthority[m.to] ?? []), message: m.message })),
    observations: out.commits,
  };
}

export const shortKey = (d: Uint8Array): string => digestKey(d).slice(0, 8);
const vref = (round: number, author: number, d: Uint8Array) => `${round}/${author}#${shortKey(d)}`;

export function describeEvent(e: NodeEvent): string {
  switch (e.kind) {
    case "start":
      return "start";
    case "batch":
      return `batch ${shortKey(e.digest)}`;
    case "timeout":
      return `timeout of round ${e.round}`;
    case "message": {
      const m = e.message;
      const from = `from ${e.from}`;
      if (m.type === "header") return `header ${vref(m.header.round, m.header.author, headerDigest(m.header))} (${m.header.parents.length} parents) ${from}`;
      if (m.type === "vote") return `vote of ${m.vote.voter} for ${vref(m.vote.round, m.vote.author, m.vote.headerDigest)} ${from}`;
      if (m.type === "certificate") return `certificate ${vref(m.certificate.header.round, m.certificate.header.author, headerDigest(m.certificate.header))} signed by [${m.certificate.signers.join(",")}] ${from}`;
      return `request for ${m.digests.length} certificates ${from}`;
    }
  }
}

export const describeCommit = (c: CommittedSubDag) => `anchor ${vref(c.anchor.round, c.anchor.author, c.anchor.digest)} (+${c.vertices.length} vertices)`;

/** The node of one node id: the reference, wrapped by its Byzantine behaviour. */
export function referenceDriver(ctx: NodeContext): NodeDriver {
  const { spec, committee, scheme, secretKey, scenario } = ctx;
  const rules = spec.behaviour === "conflicting-votes" ? { ...rulesOf("reference"), checkEquivocation: false } : spec.behaviour === "honest" || spec.behaviour === "crash" ? rulesOf(scenario.rules) : rulesOf("reference");
  const state = initNode({ committee, authority: spec.authority, scheme, secretKey, gcDepth: scenario.gcDepth, rules });
  const honest: NodeDriver = { step: (e) => stepNode(state, e) };
  switch (spec.behaviour) {
    case "withhold-votes":
      return { step: (e) => ((o) => ({ ...o, messages: o.messages.filter((m) => m.message.type !== "vote") }))(honest.step(e)) };
    case "equivocate":
      return equivocator(ctx, honest);
    case "forge-certificates":
      return forger(ctx, honest);
    default:
      return honest;
  }
}

/**
 * Byzantine `equivocate`: every header it proposes goes out together with a second header of the same
 * round whose payload has one more digest; it collects votes for both and certifies any that reaches
 * quorum (an honest quorum never certifies both: §Security notes).
 */
function equivocator(ctx: NodeContext, honest: NodeDriver): NodeDriver {
  const { committee, scheme, secretKey, spec } = ctx;
  const twins = new Map<string, { header: Header; votes: Map<number, Uint8Array>; done: boolean }>();
  const quorum = rulesOf("reference").quorum.quorum(committee);
  return {
    step(e) {
      const out = honest.step(e);
      const extra: StepOutput["messages"] = [];
      if (e.kind === "message" && e.message.type === "vote") {
        const v = e.message.vote;
        const t = twins.get(digestKey(v.headerDigest));
        if (t && !t.done && !t.votes.has(v.voter) && scheme.verify(committee.authorities[v.voter]!.publicKey, voteMessage(v.headerDigest), v.signature)) {
          t.votes.set(v.voter, v.signature);
          if (stakeOf(committee, t.votes.keys()) >= quorum) {
            t.done = true;
            const signers = [...t.votes.keys()].sort((a, b) => a - b);
            extra.push({ to: "all", message: { type: "certificate", certificate: { header: t.header, signers, signature: scheme.aggregate(signers.map((s) => t.votes.get(s)!)) } } });
          }
        }
      }
      for (const m of out.messages) {
        if (m.message.type !== "header" || m.message.header.author !== spec.authority || m.to !== "all") continue;
        const h = m.message.header;
        const marker = sha256(utf8ToBytes(`pwo/consensus/equivocation/${h.round}`));
        const variant: Header = { ...h, payload: [...h.payload, marker].sort(compareDigests) };
        const d = headerDigest(variant);
        if (!twins.has(digestKey(d))) twins.set(digestKey(d), { header: variant, votes: new Map([[spec.authority, scheme.sign(secretKey, voteMessage(d))]]), done: false });
        extra.push({ to: "all", message: { type: "header", header: variant } });
      }
      return { ...out, messages: [...out.messages, ...extra] };
    },
  };
}

/** Byzantine `forge-certificates`: with each header, broadcasts a certificate of it with a bad aggregate signature and one signed by itself only. */
function forger(ctx: NodeContext, honest: NodeDriver): NodeDriver {
  const { committee, scheme, secretKey, spec } = ctx;
  return {
    step(e) {
      const out = honest.step(e);
      const extra: StepOutput["messages"] = [];
      for (const m of out.messages) {
        if (m.message.type !== "header" || m.message.header.author !== spec.authority || m.to !== "all") continue;
        const h = m.message.header;
        const all = committee.authorities.map((_, i) => i);
        const forged: Certificate = { header: h, signers: all, signature: new Uint8Array(scheme.aggregate([]).length) };
        const alone: Certificate = { header: h, signers: [spec.authority], signature: scheme.aggregate([scheme.sign(secretKey, voteMessage(headerDigest(h)))]) };
        extra.push({ to: "all", message: { type: "certificate", certificate: forged } }, { to: "all", message: { type: "certificate", certificate: alone } });
      }
      return { ...out, messages: [...extra, ...out.messages] };
    },
  };
}

