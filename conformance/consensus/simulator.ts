/**
 * The deterministic network simulator of the consensus harness (spec/consensus.md §Simulation).
 *
 * A {@link Scenario} is the whole adversary, as data: the committee, the nodes and their behaviours
 * (honest, crash, Byzantine, twins), global stabilisation time (GST), partitions that heal, and the
 * delay of every message in send order (before GST a delay of 0 loses the message). Nothing else is
 * random, so a scenario replays identically and fast-check can shrink it to a minimal schedule.
 * Invariants are checked after every step by {@link Checker}.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import {
  SIM_HASH_SCHEME,
  compareDigests,
  deriveKeyPair,
  digestKey,
  headerDigest,
  initNode,
  stakeOf,
  stepNode,
  validityThreshold,
  voteMessage,
  type Certificate,
  type CommittedSubDag,
  type Committee,
  type Header,
  type Message,
  type NodeEvent,
  type SignatureScheme,
  type StepOutput,
} from "../../reference/consensus/index.js";
import { fail } from "../../reference/consensus/errors.js";
import { Checker, type Violation } from "./invariants.js";
import { rulesOf, type RulesName } from "./mutants.js";

export const BEHAVIOURS = ["honest", "crash", "equivocate", "withhold-votes", "conflicting-votes", "forge-certificates"] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface NodeSpec {
  authority: number;
  behaviour: Behaviour;
  /** For `crash`: the time from which the node processes nothing. */
  crashAt?: number;
}

/** Between `from` and `until`, messages between different groups (node ids) are held until `until`. */
export interface Partition {
  from: number;
  until: number;
  groups: number[][];
}

export interface Scenario {
  stakes: number[];
  /** Node ids are indices here. Two nodes with one authority are twins (one key, two machines). */
  nodes: NodeSpec[];
  /** The rules honest nodes run: the reference or a mutant. */
  rules: RulesName;
  gst: number;
  /** After GST every message arrives within delta time units. */
  delta: number;
  /** The round timeout, in time units. */
  timeout: number;
  /** The simulation stops at this time. */
  until: number;
  gcDepth: number;
  partitions: Partition[];
  /** Delay of the i-th message sent: delays[i mod |delays|] (1 if empty); see {@link messageDelay}. */
  delays: number[];
  /** Slow nodes: before GST, every message they send arrives `slowBy` time units later. */
  slow: number[];
  slowBy: number;
}

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

/** The key label of simulated committees: authority i's keys are deriveKeyPair(scheme, "sim", i). */
export const SIM_KEY_LABEL = "sim";

export function scenarioCommittee(sc: Scenario, scheme: SignatureScheme = SIM_HASH_SCHEME): Committee {
  return { authorities: sc.stakes.map((stake, i) => ({ stake, publicKey: deriveKeyPair(scheme, SIM_KEY_LABEL, i).publicKey })) };
}

/** Authorities that are not honest: any with a non-honest node or with twins. */
export function faultyAuthorities(sc: Scenario): Set<number> {
  const out = new Set<number>();
  const count = new Map<number, number>();
  for (const n of sc.nodes) count.set(n.authority, (count.get(n.authority) ?? 0) + 1);
  for (const n of sc.nodes) if (n.behaviour !== "honest" || count.get(n.authority)! > 1) out.add(n.authority);
  return out;
}

/** Node ids running honest code (crash nodes until they crash), whose commits the invariants check. */
export const correctCode = (sc: Scenario, id: number): boolean => {
  const n = sc.nodes[id]!;
  return (n.behaviour === "honest" || n.behaviour === "crash") && sc.nodes.filter((m) => m.authority === n.authority).length === 1;
};

/** Honest node ids: correct code, never crashing. Validity and liveness are promised to them. */
export const honestNode = (sc: Scenario, id: number): boolean => correctCode(sc, id) && sc.nodes[id]!.behaviour === "honest";

/** Throws a RangeError unless the scenario is well-formed and its faulty stake is at most f. */
export function checkScenario(sc: Scenario): void {
  const n = sc.stakes.length;
  if (n < 1 || sc.stakes.some((s) => !Number.isSafeInteger(s) || s < 1)) throw new RangeError("scenario: stakes must be integers ≥ 1");
  if (sc.nodes.some((x) => !Number.isSafeInteger(x.authority) || x.authority < 0 || x.authority >= n || !BEHAVIOURS.includes(x.behaviour))) throw new RangeError("scenario: a node has an unknown authority or behaviour");
  for (let a = 0; a < n; a++) if (!sc.nodes.some((x) => x.authority === a)) throw new RangeError(`scenario: authority ${a} has no node`);
  if (!(sc.delta >= 1 && sc.timeout >= 1 && sc.gcDepth >= 2 && sc.until >= 0 && sc.gst >= 0)) throw new RangeError("scenario: delta, timeout ≥ 1, gcDepth ≥ 2, gst, until ≥ 0");
  const committee = { authorities: sc.stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  const faulty = stakeOf(committee, faultyAuthorities(sc));
  if (faulty >= validityThreshold(committee)) throw new RangeError(`scenario: faulty stake ${faulty} exceeds f = ${validityThreshold(committee) - 1}`);
}

/**
 * The delay of the i-th message, sent at time t: v = delays[i mod |delays|] (1 if there are none).
 * Before GST, v = 0 loses the message and v ≥ 1 is the delay; from GST on, the delay is
 * 1 + (max(v, 1) − 1) mod delta, so never above delta.
 */
export function messageDelay(sc: Scenario, i: number, t: number): number | "lost" {
  const v = sc.delays.length ? sc.delays[i % sc.delays.length]! : 1;
  if (t < sc.gst) return v === 0 ? "lost" : v;
  return 1 + ((Math.max(v, 1) - 1) % sc.delta);
}

/** The time from which the network is synchronous and unpartitioned. */
export const syncTime = (sc: Scenario): number => Math.max(sc.gst, ...sc.partitions.map((p) => p.until));

interface Queued {
  time: number;
  seq: number;
  node: number;
  event: NodeEvent;
}

/** A binary min-heap on (time, seq). */
class EventQueue {
  private h: Queued[] = [];
  get size(): number {
    return this.h.length;
  }
  push(q: Queued): void {
    const h = this.h;
    h.push(q);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Queued | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
const before = (a: Queued, b: Queued) => a.time < b.time || (a.time === b.time && a.seq < b.seq);

export interface SimResult {
  violation: Violation | undefined;
  /** Commit sequence (vertex digests, hex) of every node id running correct code. */
  sequences: Record<number, string[]>;
  steps: number;
  messages: number;
  /** Vertices ordered, summed over correct nodes. */
  ordered: number;
  /** With `trace: true`: one readable line per step. */
  trace: string[];
}

export interface SimOptions {
  scheme?: SignatureScheme;
  /** Replaces the driver of some nodes (an external implementation); default: the reference. */
  driver?: (ctx: NodeContext) => NodeDriver | undefined;
  trace?: boolean;
  /** Stop at the first violation (default true). */
  stopOnViolation?: boolean;
  /** Most events delivered; one more pending is `EVENT_LIMIT` (the `simulate` operation passes MAX_SIM_EVENTS). Default: unbounded. */
  maxEvents?: number;
}

/** One batch digest per node at start: SHA-256("pwo/consensus/sim-batch/" ‖ node id). */
const batchOf = (id: number) => sha256(utf8ToBytes(`pwo/consensus/sim-batch/${id}`));

/**
 * The simulation core, driven by {@link runScenario} (in-process nodes) or {@link runScenarioAsync}
 * (external nodes through the adapter protocol): it hands out the next event and absorbs the node's
 * output.
 */
export class Simulation {
  readonly committee: Committee;
  readonly checker: Checker;
  private readonly queue = new EventQueue();
  private seq = 0;
  private sent = 0;
  now = 0;
  steps = 0;
  readonly trace: string[] = [];
  readonly sequences: Record<number, string[]> = {};
  ordered = 0;
  /** Targets of "all" from each node, and the nodes of each authority, in id order. */
  private readonly allBut: number[][];
  private readonly byAuthority: number[][];

  constructor(
    readonly sc: Scenario,
    readonly scheme: SignatureScheme,
    private readonly traceOn: boolean,
  ) {
    checkScenario(sc);
    this.committee = scenarioCommittee(sc, scheme);
    this.checker = new Checker(sc, this.committee, scheme);
    const ids = sc.nodes.map((_, id) => id);
    this.allBut = ids.map((id) => ids.filter((x) => x !== id));
    this.byAuthority = sc.stakes.map((_, a) => ids.filter((id) => sc.nodes[id]!.authority === a));
    sc.nodes.forEach((_, id) => {
      if (correctCode(sc, id)) this.sequences[id] = [];
      this.enqueue(0, id, { kind: "batch", digest: batchOf(id) });
      this.enqueue(0, id, { kind: "start" });
    });
  }

  context(nodeId: number): NodeContext {
    const spec = this.sc.nodes[nodeId]!;
    return { nodeId, committee: this.committee, scheme: this.scheme, secretKey: deriveKeyPair(this.scheme, SIM_KEY_LABEL, spec.authority).secretKey, spec, scenario: this.sc };
  }

  private enqueue(time: number, node: number, event: NodeEvent): void {
    this.queue.push({ time, seq: this.seq++, node, event });
  }

  /** The next event to deliver, or undefined when the run is over. Events to crashed nodes are dropped. */
  next(): { node: number; event: NodeEvent } | undefined {
    for (;;) {
      const q = this.queue.pop();
      if (!q || q.time > this.sc.until) return undefined;
      this.now = q.time;
      const spec = this.sc.nodes[q.node]!;
      if (spec.behaviour === "crash" && q.time >= (spec.crashAt ?? 0)) continue;
      return { node: q.node, event: q.event };
    }
  }

  /** Routes a node's output into the network and checks the invariants. */
  absorb(node: number, event: NodeEvent, out: StepOutput): Violation | undefined {
    this.steps++;
    const authority = this.sc.nodes[node]!.authority;
    if (this.traceOn) this.trace.push(`t=${this.now} node ${node}: ${describeEvent(event)}${out.commits.length ? ` → commits ${out.commits.map(describeCommit).join(", ")}` : ""}`);
    for (const t of out.timers) this.enqueue(this.now + this.sc.timeout, node, { kind: "timeout", round: t });
    for (const m of out.messages) {
      this.checker.onSend(node, m.message, this.now);
      for (const to of m.to === "all" ? this.allBut[node]! : (this.byAuthority[m.to] ?? [])) this.send(node, to, authority, m.message);
    }
    if (correctCode(this.sc, node)) {
      for (const c of out.commits) {
        this.sequences[node]!.push(...c.vertices.map((v) => digestKey(v.digest)));
        this.ordered += c.vertices.length;
      }
    }
    return this.checker.onStep(node, out.commits, this.now);
  }

  private send(fromNode: number, to: number, fromAuthority: number, message: Message): void {
    const i = this.sent++;
    const d = messageDelay(this.sc, i, this.now);
    if (d === "lost") return;
    let at = this.now + d + (this.now < this.sc.gst && this.sc.slow.includes(fromNode) ? this.sc.slowBy : 0);
    for (const p of this.sc.partitions) {
      if (this.now >= p.from && this.now < p.until && separated(p, fromNode, to)) at = Math.max(at, p.until + d);
    }
    this.enqueue(at, to, { kind: "message", from: fromAuthority, message });
  }

  result(violation: Violation | undefined): SimResult {
    return { violation, sequences: this.sequences, steps: this.steps, messages: this.sent, ordered: this.ordered, trace: this.trace };
  }
}

function separated(p: Partition, a: number, b: number): boolean {
  const ga = p.groups.findIndex((g) => g.includes(a));
  const gb = p.groups.findIndex((g) => g.includes(b));
  return ga !== gb;
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

const describeCommit = (c: CommittedSubDag) => `anchor ${vref(c.anchor.round, c.anchor.author, c.anchor.digest)} (+${c.vertices.length} vertices)`;

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

/** Runs a scenario with in-process nodes to its end or its first violation. */
export function runScenario(sc: Scenario, opts: SimOptions = {}): SimResult {
  const sim = new Simulation(sc, opts.scheme ?? SIM_HASH_SCHEME, opts.trace ?? false);
  const drivers = sc.nodes.map((_, id) => opts.driver?.(sim.context(id)) ?? referenceDriver(sim.context(id)));
  let violation: Violation | undefined;
  const maxEvents = opts.maxEvents ?? Number.POSITIVE_INFINITY;
  for (let e = sim.next(); e; e = sim.next()) {
    if (sim.steps >= maxEvents) fail("EVENT_LIMIT", `the scenario delivers more than ${maxEvents} events`);
    const v = sim.absorb(e.node, e.event, drivers[e.node]!.step(e.event));
    if (v && !violation) {
      violation = v;
      if (opts.stopOnViolation ?? true) break;
    }
  }
  return sim.result(violation ?? sim.checker.finish(sim.now));
}

/** As {@link runScenario}, with some nodes driven asynchronously (an external implementation). */
export async function runScenarioAsync(sc: Scenario, driver: (ctx: NodeContext) => AsyncNodeDriver | undefined, opts: Omit<SimOptions, "driver"> = {}): Promise<SimResult> {
  const sim = new Simulation(sc, opts.scheme ?? SIM_HASH_SCHEME, opts.trace ?? false);
  const drivers = sc.nodes.map((_, id): AsyncNodeDriver => {
    const ext = driver(sim.context(id));
    if (ext) return ext;
    const ref = referenceDriver(sim.context(id));
    return { step: async (e) => ref.step(e) };
  });
  let violation: Violation | undefined;
  for (let e = sim.next(); e; e = sim.next()) {
    const v = sim.absorb(e.node, e.event, await drivers[e.node]!.step(e.event));
    if (v) {
      violation = v;
      break;
    }
  }
  return sim.result(violation ?? sim.checker.finish(sim.now));
}
