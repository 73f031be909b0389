/**
 * The server as a pure state machine (spec/secagg.md §Server). Two events: a client's message
 * (`serverReceive`) and the end of the current round (`serverDeadline`, the timeout after which
 * users not heard from count as dropped). Each returns the next state and the messages to send, or
 * rejects with a typed reason and leaves the state as it was; a round that ends with fewer than t
 * users rejects with BELOW_THRESHOLD, which aborts the session.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { DOMAIN, SECRET_SIZE, TAG } from "./constants.js";
import { sessionIdOf } from "./client.js";
import { fail } from "./errors.js";
import { agreeKey, checkPublicKey, publicKeyOf, verifySignature } from "./keys.js";
import { advertBody, decodeMessage, encodeMessage, survivorsBody, type KeyAdvert, type Message } from "./messages.js";
import { checkParams, neighbourGraph, type SessionParams } from "./params.js";
import { addMaskInPlace, prgExpand } from "./prg.js";
import { shamirReconstruct } from "./shamir.js";

export type ServerPhase = "advertise" | "shareKeys" | "maskedInput" | "consistency" | "unmasking" | "done";

export interface ServerState {
  readonly phase: ServerPhase;
  readonly params: SessionParams;
  readonly graph: readonly (readonly number[])[];
  readonly session: Uint8Array | null;
  /** U1: advertised keys. */
  readonly adverts: ReadonlyMap<number, KeyAdvert>;
  /** U2: each sender's ciphertexts, by recipient. */
  readonly shares: ReadonlyMap<number, ReadonlyMap<number, Uint8Array>>;
  /** U3: masked inputs. */
  readonly masked: ReadonlyMap<number, Uint32Array>;
  /** The survivor list sent in the consistency round (sorted U3). */
  readonly survivors: readonly number[];
  /** U4: consistency signatures. */
  readonly signatures: ReadonlyMap<number, Uint8Array>;
  /** U2 \ U3, sent in the unmasking request. */
  readonly dropped: readonly number[];
  /** U5: each responder's b shares and s shares, by the user they are shares of. */
  readonly unmasking: ReadonlyMap<number, { b: ReadonlyMap<number, Uint8Array>; s: ReadonlyMap<number, Uint8Array> }>;
  /** When done: Σ_{u ∈ U3} x_u mod R. */
  readonly sum: Uint32Array | null;
}

/** One message to one client. */
export interface Outgoing {
  to: number;
  bytes: Uint8Array;
}

export interface ServerOutput {
  state: ServerState;
  out: Outgoing[];
}

export function newServer(params: SessionParams): ServerState {
  checkParams(params);
  return {
    phase: "advertise",
    params,
    graph: neighbourGraph(params),
    session: null,
    adverts: new Map(),
    shares: new Map(),
    masked: new Map(),
    survivors: [],
    signatures: new Map(),
    dropped: [],
    unmasking: new Map(),
    sum: null,
  };
}

const EXPECTED: Record<ServerPhase, number | null> = {
  advertise: TAG.ADVERTISE_KEYS,
  shareKeys: TAG.SHARE_KEYS_RESPONSE,
  maskedInput: TAG.MASKED_INPUT_RESPONSE,
  consistency: TAG.CONSISTENCY_RESPONSE,
  unmasking: TAG.UNMASKING_RESPONSE,
  done: null,
};

/** The users the current round expects to hear from (the previous round's set). */
function expectedSenders(st: ServerState): ReadonlySet<number> | null {
  switch (st.phase) {
    case "advertise":
      return null;
    case "shareKeys":
      return new Set(st.adverts.keys());
    case "maskedInput":
      return new Set(st.shares.keys());
    case "consistency":
      return new Set(st.survivors);
    case "unmasking":
      return new Set(st.signatures.keys());
    case "done":
      return new Set();
  }
}

function received(st: ServerState): ReadonlyMap<number, unknown> {
  return { advertise: st.adverts, shareKeys: st.shares, maskedInput: st.masked, consistency: st.signatures, unmasking: st.unmasking, done: new Map() }[st.phase];
}

/** N[u] = N(u) ∪ {u}, ascending. */
const closed = (st: ServerState, u: number): number[] => [...st.graph[u - 1]!, u].sort((a, b) => a - b);

/**
 * A client's message arrives from user `from` (the authenticated channel's sender). Checks, in order
 * (spec §Server rules): S1 decodes; S2 its tag is the current round's; S3 its session id; S4 its
 * sender is `from` and in the previous round's set; S5 first message of `from` this round; S6 the
 * round's own checks.
 */
export function serverReceive(st: ServerState, from: number, bytes: Uint8Array): ServerOutput {
  const { params } = st;
  const m = decodeMessage(bytes, params);
  if (m.tag !== EXPECTED[st.phase]) fail("UNEXPECTED_MESSAGE", `server in round ${st.phase} got tag ${m.tag}`);
  if ("session" in m && !bytesEqual(m.session, st.session!)) fail("SESSION_MISMATCH", "the message carries another session's id");
  const sender = (m as { id: number }).id;
  const expected = expectedSenders(st);
  if (sender !== from || (expected && !expected.has(sender))) fail("UNEXPECTED_MESSAGE", `a message from ${sender} on ${from}'s channel, or from a user outside the round's set`);
  if (received(st).has(sender)) fail("DUPLICATE_MESSAGE", `a second ${st.phase} message from user ${sender}`);
  switch (m.tag) {
    case TAG.ADVERTISE_KEYS: {
      checkPublicKey(m.cPk);
      checkPublicKey(m.sPk);
      if (!verifySignature(params.signingKeys[m.id - 1]!, advertBody(DOMAIN.ADVERTISE, m), m.sig)) fail("INVALID_SIGNATURE", `user ${m.id}'s key advertisement`);
      return { state: { ...st, adverts: new Map(st.adverts).set(m.id, { id: m.id, cPk: m.cPk, sPk: m.sPk, sig: m.sig }) }, out: [] };
    }
    case TAG.SHARE_KEYS_RESPONSE: {
      const want = closed(st, m.id).filter((v) => v !== m.id && st.adverts.has(v));
      const got = m.ciphertexts.map((c) => c.id);
      if (want.length !== got.length || want.some((v, i) => got[i] !== v)) fail("UNEXPECTED_MESSAGE", `user ${m.id}'s shares are not addressed to exactly N(${m.id}) ∩ U1`);
      return { state: { ...st, shares: new Map(st.shares).set(m.id, new Map(m.ciphertexts.map((c) => [c.id, c.value]))) }, out: [] };
    }
    case TAG.MASKED_INPUT_RESPONSE:
      return { state: { ...st, masked: new Map(st.masked).set(m.id, m.y) }, out: [] };
    case TAG.CONSISTENCY_RESPONSE: {
      if (!verifySignature(params.signingKeys[m.id - 1]!, survivorsBody(DOMAIN.CONSISTENCY, st.session!, st.survivors), m.sig)) fail("INVALID_SIGNATURE", `user ${m.id}'s consistency signature`);
      return { state: { ...st, signatures: new Map(st.signatures).set(m.id, m.sig) }, out: [] };
    }
    case TAG.UNMASKING_RESPONSE: {
      const survivors = new Set(st.survivors);
      const wantB = closed(st, m.id).filter((u) => survivors.has(u));
      const wantS = st.graph[m.id - 1]!.filter((u) => st.dropped.includes(u) && st.shares.get(u)?.has(m.id));
      const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => b[i] === x);
      if (!same(wantB, m.bShares.map((s) => s.id)) || !same(wantS, m.sShares.map((s) => s.id))) fail("UNEXPECTED_MESSAGE", `user ${m.id} revealed shares of other users than N[${m.id}] ∩ U3 and N(${m.id}) ∩ D`);
      const entry = { b: new Map(m.bShares.map((s) => [s.id, s.value])), s: new Map(m.sShares.map((s) => [s.id, s.value])) };
      return { state: { ...st, unmasking: new Map(st.unmasking).set(m.id, entry) }, out: [] };
    }
    default:
      return fail("UNEXPECTED_MESSAGE", "not a client message");
  }
}

function atLeastT(st: ServerState, count: number, what: string): void {
  if (count < st.params.t) fail("BELOW_THRESHOLD", `${count} ${what}; threshold ${st.params.t}`);
}

type Of<T extends number> = Extract<Message, { tag: T }>;

/** The current round ends: move on with whoever answered, or abort below t. */
export function serverDeadline(st: ServerState): ServerOutput {
  const { params } = st;
  switch (st.phase) {
    case "advertise": {
      atLeastT(st, st.adverts.size, "users advertised keys");
      const adverts = [...st.adverts.values()].sort((a, b) => a.id - b.id);
      const bytes = encodeMessage({ tag: TAG.SHARE_KEYS_REQUEST, adverts } satisfies Of<typeof TAG.SHARE_KEYS_REQUEST>);
      const session = sessionIdOf(params, bytes);
      return { state: { ...st, phase: "shareKeys", session }, out: adverts.map((a) => ({ to: a.id, bytes })) };
    }
    case "shareKeys": {
      atLeastT(st, st.shares.size, "users shared keys");
      const senders = [...st.shares.keys()].sort((a, b) => a - b);
      const out = senders.map((v) => {
        const ciphertexts = senders.filter((u) => u !== v && st.shares.get(u)!.has(v)).map((u) => ({ id: u, value: st.shares.get(u)!.get(v)! }));
        return { to: v, bytes: encodeMessage({ tag: TAG.MASKED_INPUT_REQUEST, session: st.session!, ciphertexts }) };
      });
      return { state: { ...st, phase: "maskedInput" }, out };
    }
    case "maskedInput": {
      atLeastT(st, st.masked.size, "masked inputs");
      const survivors = [...st.masked.keys()].sort((a, b) => a - b);
      const bytes = encodeMessage({ tag: TAG.CONSISTENCY_REQUEST, session: st.session!, survivors });
      return { state: { ...st, phase: "consistency", survivors }, out: survivors.map((to) => ({ to, bytes })) };
    }
    case "consistency": {
      atLeastT(st, st.signatures.size, "consistency signatures");
      const signers = [...st.signatures.keys()].sort((a, b) => a - b);
      const survivors = new Set(st.survivors);
      const dropped = [...st.shares.keys()].filter((u) => !survivors.has(u)).sort((a, b) => a - b);
      const signatures = signers.map((id) => ({ id, value: st.signatures.get(id)! }));
      const bytes = encodeMessage({ tag: TAG.UNMASKING_REQUEST, session: st.session!, signatures, dropped });
      return { state: { ...st, phase: "unmasking", dropped }, out: signers.map((to) => ({ to, bytes })) };
    }
    case "unmasking": {
      atLeastT(st, st.unmasking.size, "unmasking responses");
      return { state: { ...st, phase: "done", sum: unmask(st) }, out: [] };
    }
    case "done":
      return fail("UNEXPECTED_MESSAGE", "the session is over");
  }
}

/** The shares of `of`'s secret (`kind`) that responders revealed, in increasing holder order. */
function collect(st: ServerState, of: number, kind: "b" | "s"): { x: number; data: Uint8Array }[] {
  const holders = [...st.unmasking.keys()].sort((a, b) => a - b);
  const out: { x: number; data: Uint8Array }[] = [];
  for (const w of holders) {
    const d = st.unmasking.get(w)![kind].get(of);
    if (d) out.push({ x: w, data: d });
  }
  return out;
}

/**
 * Unmasking (spec §Server, Unmasking): z = Σ_{u∈U3} y_u − Σ_{u∈U3} PRG(b_u) ∓ the pairwise masks
 * survivors shared with dropped users, each b_u and s_sk_u reconstructed from ≥ t shares, every
 * surplus share checked, every s_sk checked against its advertised public key.
 */
function unmask(st: ServerState): Uint32Array {
  const { params } = st;
  const { bits, length, t } = params;
  const z = new Uint32Array(length);
  for (const u of st.survivors) addMaskInPlace(z, st.masked.get(u)!, 1, bits);
  for (const u of st.survivors) {
    const shares = collect(st, u, "b");
    if (shares.length < t) fail("BELOW_THRESHOLD", `${shares.length} shares of b_${u}; threshold ${t}`);
    const b = shamirReconstruct(shares, t, SECRET_SIZE);
    addMaskInPlace(z, prgExpand(b, st.session!, bits, length), -1, bits);
  }
  const survivors = new Set(st.survivors);
  for (const u of st.dropped) {
    const shares = collect(st, u, "s");
    if (shares.length < t) fail("BELOW_THRESHOLD", `${shares.length} shares of s_sk_${u}; threshold ${t}`);
    const sSk = shamirReconstruct(shares, t, SECRET_SIZE);
    if (!bytesEqual(publicKeyOf(sSk), st.adverts.get(u)!.sPk)) fail("KEY_MISMATCH", `the reconstructed s_sk of user ${u} does not match its advertised s_pk`);
    for (const v of st.graph[u - 1]!) {
      if (!survivors.has(v) || !st.shares.get(u)!.has(v)) continue;
      const s = agreeKey(sSk, st.adverts.get(v)!.sPk);
      addMaskInPlace(z, prgExpand(s, st.session!, bits, length), u > v ? -1 : 1, bits);
    }
  }
  return z;
}
