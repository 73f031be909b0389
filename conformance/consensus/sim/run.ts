/**
 * Running a consensus scenario on the simulation core (spec/consensus.md §Simulation): the nodes of
 * nodes.ts as the core's machines, the scenario's network (scenario.ts), and two observers of the
 * trace — the commit sequences of nodes running correct code, then the invariants (invariants.ts).
 * @module
 */
import { SIM_HASH_SCHEME, digestKey, type CommittedSubDag, type Message, type NodeEvent, type SignatureScheme } from "../../../reference/consensus/index.js";
import { fail } from "../../../reference/consensus/errors.js";
import { Simulation, type Checker, type StepRecord } from "../../harness/sim/index.js";
import { InvariantChecker, type Violation } from "./invariants.js";
import { batchOf, consensusOutputs, describeCommit, describeEvent, nodeContext, referenceDriver, routingOf, type AsyncNodeDriver, type NodeContext, type NodeDriver } from "./nodes.js";
import { checkScenario, correctCode, scenarioCommittee, scenarioNetwork, type Scenario } from "./scenario.js";

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

type Record_ = StepRecord<NodeEvent, Message, CommittedSubDag>;

/** Observes the trace for the result: commit sequences of nodes running correct code, and readable lines. */
class Sequences implements Checker<NodeEvent, Message, CommittedSubDag, Violation> {
  readonly sequences: Record<number, string[]> = {};
  readonly lines: string[] = [];
  ordered = 0;
  constructor(
    private readonly sc: Scenario,
    private readonly lined: boolean,
  ) {
    sc.nodes.forEach((_, id) => {
      if (correctCode(sc, id)) this.sequences[id] = [];
    });
  }
  observe(r: Record_): undefined {
    const commits = r.outputs.observations ?? [];
    if (this.lined) this.lines.push(`t=${r.time} node ${r.node}: ${describeEvent(r.event)}${commits.length ? ` → commits ${commits.map(describeCommit).join(", ")}` : ""}`);
    const seq = this.sequences[r.node];
    if (seq) {
      for (const c of commits) {
        seq.push(...c.vertices.map((v) => digestKey(v.digest)));
        this.ordered += c.vertices.length;
      }
    }
    return undefined;
  }
  finish(): undefined {
    return undefined;
  }
}

/**
 * The core simulation of a scenario, with its initial events scheduled: per node in id order, its
 * batch then `start`, at time 0. Observers in order: the commit log, then the invariants.
 */
function setUp(sc: Scenario, scheme: SignatureScheme, trace: boolean) {
  const seqs = new Sequences(sc, trace);
  checkScenario(sc);
  const committee = scenarioCommittee(sc, scheme);
  const network = scenarioNetwork(sc);
  const invariants = new InvariantChecker(sc, committee, scheme);
  const routing = routingOf(sc);
  const context = (id: number) => nodeContext(sc, committee, scheme, id);
  const sim = new Simulation<NodeEvent, Message, CommittedSubDag, Violation>(
    { nodes: sc.nodes.length, network, seed: "pwo/consensus/sim", until: sc.until, receive: (from, message) => ({ kind: "message", from: sc.nodes[from]!.authority, message }) },
    [seqs, invariants],
  );
  sc.nodes.forEach((_, id) => {
    sim.schedule(0, id, { kind: "batch", digest: batchOf(id) });
    sim.schedule(0, id, { kind: "start" });
  });
  const result = (r: { violation: Violation | undefined; steps: number; sent: number }): SimResult => ({ violation: r.violation, sequences: seqs.sequences, steps: r.steps, messages: r.sent, ordered: seqs.ordered, trace: seqs.lines });
  return { sim, routing, context, result };
}

/** Runs a scenario with in-process nodes to its end or its first violation. */
export function runScenario(sc: Scenario, opts: SimOptions = {}): SimResult {
  const { scheme = SIM_HASH_SCHEME, trace = false, stopOnViolation = true, driver, maxEvents = Number.POSITIVE_INFINITY } = opts;
  const { sim, routing, context, result } = setUp(sc, scheme, trace);
  let events = 0;
  const r = sim.run<NodeDriver>(
    {
      init: (id) => driver?.(context(id)) ?? referenceDriver(context(id)),
      step: (d, event, { node }) => {
        if (events++ >= maxEvents) fail("EVENT_LIMIT", `the scenario delivers more than ${maxEvents} events`);
        return { state: d, ...consensusOutputs(sc, routing, node, d.step(event)) };
      },
    },
    stopOnViolation,
  );
  return result(r);
}

/** As {@link runScenario}, with some nodes driven asynchronously (an external implementation). */
export async function runScenarioAsync(sc: Scenario, driver: (ctx: NodeContext) => AsyncNodeDriver | undefined, opts: Omit<SimOptions, "driver"> = {}): Promise<SimResult> {
  const { scheme = SIM_HASH_SCHEME, trace = false } = opts;
  const { sim, routing, context, result } = setUp(sc, scheme, trace);
  const r = await sim.runAsync<AsyncNodeDriver>({
    init: (id) => {
      const ext = driver(context(id));
      if (ext) return ext;
      const ref = referenceDriver(context(id));
      return { step: async (e) => ref.step(e) };
    },
    step: async (d, event, { node }) => ({ state: d, ...consensusOutputs(sc, routing, node, await d.step(event)) }),
  });
  return result(r);
}
