/**
 * One secure-aggregation session driven as a plain loop over the pure state machines
 * (spec/secagg.md §Running a session): every round, the clients' messages reach the server in
 * increasing sender order, the round's deadline passes, and the server's messages reach the clients.
 * Dropouts and a network adversary are parameters (`dropBefore`, `intercept`), so the same loop runs
 * the honest round, the scenario vectors and the federated round. The loop is one event order of the
 * simulation core's scheduler; it keeps no state of its own beyond the parties'.
 * @module
 */
import { SpecError } from "../common/errors.js";
import { clientStart, clientStep, type ClientState } from "./client.js";
import { newServer, serverDeadline, serverReceive, type ServerState } from "./server.js";
import type { SessionParams } from "./params.js";

/** Rounds 0..4: AdvertiseKeys, ShareKeys, MaskedInputCollection, ConsistencyCheck, Unmasking. */
export const ROUND_NAMES = ["AdvertiseKeys", "ShareKeys", "MaskedInputCollection", "ConsistencyCheck", "Unmasking"] as const;

/** A message in flight: from 0 (the server) or a user id, to 0 or a user id. */
export interface Envelope {
  round: number;
  from: number;
  to: number;
  bytes: Uint8Array;
}

/** One delivery and its outcome: the receiving party accepted it, or rejected it with a reason. */
export interface Step {
  round: number;
  /** "deliver" a message, or the round's "deadline" at the server. */
  kind: "deliver" | "deadline";
  from: number;
  to: number;
  bytes: Uint8Array | null;
  success: boolean;
  error?: string;
}

export interface SessionRun {
  steps: Step[];
  /** Σ x_u over U3 mod R, or null if the session aborted. */
  sum: Uint32Array | null;
  /** The reason the server aborted, or null. */
  abort: string | null;
  server: ServerState;
  clients: ClientState[];
}

export interface SessionOptions {
  /** id → the round before whose message the client drops out (it never sends again). */
  dropBefore?: ReadonlyMap<number, number>;
  /** The network adversary: each envelope becomes zero or more envelopes (tamper, drop, replay). */
  intercept?: (e: Envelope) => Envelope[];
}

const codeOf = (e: unknown): string => {
  if (e instanceof SpecError) return e.code;
  throw e;
};

/** Runs one session to its end or abort. Cost: the parties' own, O(n) extra per round. */
export function runSession(params: SessionParams, initial: readonly ClientState[], opts: SessionOptions = {}): SessionRun {
  const drop = opts.dropBefore ?? new Map<number, number>();
  const intercept = opts.intercept ?? ((e: Envelope) => [e]);
  const alive = (id: number, round: number) => (drop.get(id) ?? Infinity) > round;
  const clients = [...initial];
  let server = newServer(params);
  const steps: Step[] = [];
  let toServer: Envelope[] = [];
  for (const c of clients) {
    if (!alive(c.id, 0)) continue;
    const r = clientStart(c);
    clients[c.id - 1] = r.state;
    toServer.push({ round: 0, from: c.id, to: 0, bytes: r.out! });
  }
  for (let round = 0; round < ROUND_NAMES.length; round++) {
    for (const e of toServer.flatMap(intercept)) {
      try {
        server = serverReceive(server, e.from, e.bytes).state;
        steps.push({ round, kind: "deliver", from: e.from, to: 0, bytes: e.bytes, success: true });
      } catch (err) {
        steps.push({ round, kind: "deliver", from: e.from, to: 0, bytes: e.bytes, success: false, error: codeOf(err) });
      }
    }
    let out;
    try {
      const r = serverDeadline(server);
      server = r.state;
      out = r.out;
      steps.push({ round, kind: "deadline", from: 0, to: 0, bytes: null, success: true });
    } catch (err) {
      const code = codeOf(err);
      steps.push({ round, kind: "deadline", from: 0, to: 0, bytes: null, success: false, error: code });
      return { steps, sum: null, abort: code, server, clients };
    }
    if (round === ROUND_NAMES.length - 1) break;
    toServer = [];
    const next = round + 1;
    for (const e of out.map((o) => ({ round: next, from: 0, to: o.to, bytes: o.bytes })).flatMap(intercept)) {
      if (!alive(e.to, next)) continue;
      try {
        const r = clientStep(clients[e.to - 1]!, e.bytes);
        clients[e.to - 1] = r.state;
        steps.push({ round: next, kind: "deliver", from: 0, to: e.to, bytes: e.bytes, success: true });
        if (r.out) toServer.push({ round: next, from: e.to, to: 0, bytes: r.out });
      } catch (err) {
        steps.push({ round: next, kind: "deliver", from: 0, to: e.to, bytes: e.bytes, success: false, error: codeOf(err) });
      }
    }
  }
  return { steps, sum: server.sum, abort: null, server, clients };
}
