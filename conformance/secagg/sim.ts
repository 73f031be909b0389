/**
 * A secure-aggregation session on the simulation core (conformance/harness/sim/): node 0 is the
 * server, nodes 1..n the clients, each the pure machine of reference/secagg wrapped as a sim
 * `Machine`. Round deadlines are server timers every `roundTime`; dropouts are the core's crashes (a
 * client crashed at the start of round r's window never answers round r again); link delays come
 * from the network model and its labelled streams, so messages reach the server in a seeded order.
 * A checker collects the parties' observations: every rejected message with its reason, and the
 * server's sum or abort.
 * @module
 */
import { SpecError } from "../../reference/common/errors.js";
import { clientStart, clientStep, newServer, serverDeadline, serverReceive, type ClientState, type ServerState, type SessionParams } from "../../reference/secagg/index.js";
import { Simulation, type Checker, type Machine, type NetworkModel, type Stepped } from "../harness/sim/index.js";

type Event = { kind: "start" } | { kind: "deadline" } | { kind: "deliver"; from: number; bytes: Uint8Array };
type State = { role: "server"; s: ServerState; over: boolean } | { role: "client"; c: ClientState };
export type Observation =
  | { kind: "rejected"; node: number; from: number; code: string }
  | { kind: "done"; sum: Uint32Array; survivors: number[]; participants: number[]; session: Uint8Array }
  | { kind: "abort"; code: string; participants: number[]; session: Uint8Array | null };

export interface SimSessionOptions {
  /** id → the round (0..4) at whose window start the client crashes. */
  dropBefore?: ReadonlyMap<number, number>;
  /** Time units per round window (default 100); link delays are drawn in 1..roundTime/4. */
  roundTime?: number;
  seed: string;
}

export interface SimSessionResult {
  sum: Uint32Array | null;
  abort: string | null;
  survivors: number[];
  participants: number[];
  session: Uint8Array | null;
  rejected: Extract<Observation, { kind: "rejected" }>[];
  steps: number;
}

const codeOf = (e: unknown): string => {
  if (e instanceof SpecError) return e.code;
  throw e;
};

/** The session as a sim machine over `clients` (their states at start). */
function machine(params: SessionParams, clients: readonly ClientState[], roundTime: number): Machine<State, Event, Uint8Array, Observation> {
  return {
    init: (node) => (node === 0 ? { role: "server", s: newServer(params), over: false } : { role: "client", c: clients[node - 1]! }),
    step(state, event, { node }): Stepped<State, Event, Uint8Array, Observation> {
      if (state.role === "client") {
        try {
          const r = event.kind === "start" ? clientStart(state.c) : event.kind === "deliver" ? clientStep(state.c, event.bytes) : null;
          if (!r) return { state };
          return { state: { role: "client", c: r.state }, sends: r.out ? [{ to: [0], message: r.out }] : [] };
        } catch (e) {
          return { state, observations: [{ kind: "rejected", node, from: event.kind === "deliver" ? event.from : node, code: codeOf(e) }] };
        }
      }
      if (state.over) return { state };
      if (event.kind === "start") return { state, timers: [{ after: roundTime, event: { kind: "deadline" } }] };
      if (event.kind === "deliver") {
        try {
          return { state: { ...state, s: serverReceive(state.s, event.from, event.bytes).state } };
        } catch (e) {
          return { state, observations: [{ kind: "rejected", node: 0, from: event.from, code: codeOf(e) }] };
        }
      }
      const participants = [...state.s.adverts.keys()].sort((a, b) => a - b);
      try {
        const r = serverDeadline(state.s);
        const sends = r.out.map((o) => ({ to: [o.to], message: o.bytes }));
        if (r.state.phase === "done") {
          return { state: { role: "server", s: r.state, over: true }, observations: [{ kind: "done", sum: r.state.sum!, survivors: [...r.state.survivors], participants, session: r.state.session! }] };
        }
        return { state: { ...state, s: r.state }, sends, timers: [{ after: roundTime, event: { kind: "deadline" } }] };
      } catch (e) {
        return { state: { ...state, over: true }, observations: [{ kind: "abort", code: codeOf(e), participants, session: state.s.session }] };
      }
    },
  };
}

/** Runs one session on the simulation core. */
export function runSessionOnSim(params: SessionParams, clients: readonly ClientState[], o: SimSessionOptions): SimSessionResult {
  const roundTime = o.roundTime ?? 100;
  const network: NetworkModel = {
    link: { delay: { min: 1, max: Math.max(1, Math.floor(roundTime / 4)) } },
    crashes: [...(o.dropBefore ?? new Map()).entries()].map(([node, round]) => ({ node, at: round === 0 ? 0 : round * roundTime })),
  };
  const seen: Observation[] = [];
  const collector: Checker<Event, Uint8Array, Observation, never> = {
    observe: (r) => {
      seen.push(...(r.outputs.observations ?? []));
      return undefined;
    },
    finish: () => undefined,
  };
  const sim = new Simulation<Event, Uint8Array, Observation, never>(
    { nodes: params.n + 1, network, seed: o.seed, until: 6 * roundTime, receive: (from, bytes) => ({ kind: "deliver", from, bytes }) },
    [collector],
  );
  sim.schedule(0, 0, { kind: "start" });
  for (let id = 1; id <= params.n; id++) sim.schedule(0, id, { kind: "start" });
  const res = sim.run(machine(params, clients, roundTime));
  const end = seen.find((x) => x.kind === "done" || x.kind === "abort") as Exclude<Observation, { kind: "rejected" }> | undefined;
  const rejected = seen.filter((x): x is Extract<Observation, { kind: "rejected" }> => x.kind === "rejected");
  if (!end) throw new Error("secagg sim: the session neither finished nor aborted before `until`");
  return end.kind === "done"
    ? { sum: end.sum, abort: null, survivors: end.survivors, participants: end.participants, session: end.session, rejected, steps: res.steps }
    : { sum: null, abort: end.code, survivors: [], participants: end.participants, session: end.session, rejected, steps: res.steps };
}
