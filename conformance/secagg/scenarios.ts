/**
 * The `round` operation: one session from a label, with dropouts and a network adversary, reported
 * as a list of steps after the CFRG VDAF test-vector format (draft-irtf-cfrg-vdaf, "operations"
 * with `success`): every delivery to a party and every round deadline at the server, each with its
 * message and whether the receiver accepted it (a rejected step carries the reason and changes no
 * state). spec/secagg.md §Conformance operations.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { SpecError } from "../../reference/common/errors.js";
import { fromHex } from "../../reference/common/hex.js";
import {
  SHAMIR_PRIME,
  TAG,
  ROUND_NAMES,
  clientStart,
  clientStep,
  decodeMessage,
  encodeMessage,
  neighbourGraph,
  newClient,
  runSession,
  type Addressed,
  type ClientOutput,
  type Envelope,
  type Message,
} from "../../reference/secagg/index.js";
import { fail } from "../../reference/secagg/errors.js";
import { BadInput, HEX_SCHEMA, UINT_SCHEMA, getArray, getHex, getInt, getString, hex, objectSchema, type Json, type JsonObject } from "../harness/operation.js";
import { fixture, paramsOf, signingKeyOf, type SessionShape } from "./fixtures.js";

/** Bounds of the operation (cost: at most 16² key agreements and 16 masks of 64 elements). */
export const SCENARIO_MAX_USERS = 16;
export const SCENARIO_MAX_LENGTH = 64;

export const ATTACKS = ["tamper", "replay", "replay_next_round", "both_shares", "wrong_share", "wrong_s_share", "inconsistent_survivors", "forge", "delay", "impersonate"] as const;

/**
 * The edits of a `forge` attack (spec/secagg.md §Conformance operations): each breaks one rule of
 * the client's or the server's table; several combine, applied in the order of FORGE_STAGES.
 */
export const EDITS = [
  "trailing_byte",
  "again",
  "late",
  "session",
  "sender",
  "bad_signature",
  "drop_self",
  "few_adverts",
  "few_neighbours",
  "bad_key",
  "bad_advert_signature",
  "foreign_sender",
  "few_senders",
  "bad_ciphertext",
  "reflect",
  "few_survivors",
  "add_survivor",
  "foreign_signer",
  "few_signers",
  "bad_consistency_signature",
  "dropped_survivor",
] as const;
export type Edit = (typeof EDITS)[number];
export type AttackKind = (typeof ATTACKS)[number];

export interface Attack {
  kind: AttackKind;
  round?: number;
  from?: number;
  to?: number;
  offset?: number;
  edits?: Edit[];
}

const ATTACK_SCHEMA = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      properties: { kind: { enum: [...ATTACKS] }, round: UINT_SCHEMA, from: UINT_SCHEMA, to: UINT_SCHEMA, offset: UINT_SCHEMA, edits: { type: "array", items: { enum: [...EDITS] } } },
      required: ["kind"],
      additionalProperties: false,
    },
  ],
};

export const SCENARIO_INPUT_SCHEMA = objectSchema({
  label: { type: "string" },
  n: UINT_SCHEMA,
  t: UINT_SCHEMA,
  bits: UINT_SCHEMA,
  length: UINT_SCHEMA,
  degree: UINT_SCHEMA,
  dropBefore: { type: "array", items: objectSchema({ id: UINT_SCHEMA, round: UINT_SCHEMA }) },
  attack: ATTACK_SCHEMA,
  messages: { enum: ["full", "digest"] },
});

const STEP = {
  type: "object",
  properties: {
    round: UINT_SCHEMA,
    roundName: { enum: [...ROUND_NAMES] },
    kind: { enum: ["deliver", "deadline"] },
    from: UINT_SCHEMA,
    to: UINT_SCHEMA,
    message: { anyOf: [HEX_SCHEMA, { type: "null" }] },
    messageSha256: { anyOf: [HEX_SCHEMA, { type: "null" }] },
    success: { type: "boolean" },
    error: { type: "string" },
  },
  required: ["round", "roundName", "kind", "from", "to", "success"],
  additionalProperties: false,
};

export const SCENARIO_OUTPUT_SCHEMA = objectSchema({
  operations: { type: "array", items: STEP },
  survivors: { type: "array", items: UINT_SCHEMA },
  sum: { anyOf: [{ type: "array", items: UINT_SCHEMA }, { type: "null" }] },
  abort: { anyOf: [{ type: "string" }, { type: "null" }] },
});

const flipLow = (b: Uint8Array, at: number): Uint8Array => {
  const c = b.slice();
  c[at]! ^= 0x01;
  return c;
};

/**
 * Removes entries of `list`, in the order of `priority` (entries it does not name are never removed),
 * while `more(list)` says the count is still too high. Used by the counting edits (few_*).
 */
function removeWhile<T>(list: T[], priority: (x: T) => number | null, more: (l: T[]) => boolean): T[] {
  const out = [...list];
  const order = out.map((x, i) => ({ i, p: priority(x) })).filter((e) => e.p !== null).sort((a, b) => a.p! - b.p! || b.i - a.i);
  const gone = new Set<number>();
  for (const e of order) {
    if (!more(out.filter((_, i) => !gone.has(i)))) break;
    gone.add(e.i);
  }
  return out.filter((_, i) => !gone.has(i));
}

const byId = <T extends { id: number }>(l: T[]): T[] => [...l].sort((a, b) => a.id - b.id);

/**
 * The `forge` adversary (spec §Conformance operations): the message of round `round` to `to` (a
 * server request, `to` ≥ 1) or from `from` to the server (`to` = 0) is edited. Stages: insertions,
 * removals (never v's own entry nor an inserted one; largest id first), corruptions, the session
 * id, the trailing byte, then the delivery (`again`, `late`).
 */
function forger(attack: Attack, shape: SessionShape, graph: readonly (readonly number[])[]): (e: Envelope) => Envelope[] {
  const edits = new Set(attack.edits ?? []);
  const dec = (b: Uint8Array) => decodeMessage(b, shape);
  const enc = (m: Message) => encodeMessage(m, shape);
  const { t } = shape;
  const sharesFrom = new Map<number, Addressed<Uint8Array>[]>();
  const u2 = new Set<number>();
  const survivorsShown = new Map<number, number[]>();
  const lateCopies: Envelope[] = [];
  const toServer = attack.to === 0;
  const target = (e: Envelope) => e.round === attack.round && (toServer ? e.to === 0 && e.from === attack.from : e.from === 0 && e.to === attack.to);

  /** The edits on a server request to client v (the client table, C1–C19). */
  const editRequest = (v: number, m: Message): Message => {
    const nb = new Set(graph[v - 1]!);
    switch (m.tag) {
      case TAG.SHARE_KEYS_REQUEST: {
        let adverts = m.adverts;
        if (edits.has("drop_self")) adverts = adverts.filter((a) => a.id !== v);
        if (edits.has("few_adverts")) adverts = removeWhile(adverts, (a) => (a.id === v ? null : nb.has(a.id) ? 1 : 0), (l) => l.length > t - 1);
        if (edits.has("few_neighbours")) adverts = removeWhile(adverts, (a) => (nb.has(a.id) ? 0 : null), (l) => l.filter((a) => nb.has(a.id)).length > t - 2);
        const ns = adverts.filter((a) => nb.has(a.id));
        adverts = adverts.map((a) => {
          let x = a;
          if (edits.has("bad_key") && a.id === ns[0]?.id) x = { ...x, cPk: Uint8Array.of(0x04, ...x.cPk.slice(1)) };
          if (edits.has("bad_advert_signature") && a.id === ns[ns.length - 1]?.id) x = { ...x, sig: flipLow(x.sig, x.sig.length - 1) };
          return x;
        });
        return { ...m, adverts };
      }
      case TAG.MASKED_INPUT_REQUEST: {
        let cts = m.ciphertexts.map((c) => ({ ...c, inserted: false }));
        if (edits.has("foreign_sender") && cts.length) {
          const u = Array.from({ length: shape.n }, (_, i) => i + 1).find((x) => x !== v && !nb.has(x));
          if (u !== undefined) cts = byId([...cts, { id: u, value: cts[0]!.value, inserted: true }]);
        }
        if (edits.has("few_senders")) cts = removeWhile(cts, (c) => (c.inserted || !nb.has(c.id) ? null : 0), (l) => l.length > t - 2);
        const first = cts.find((c) => !c.inserted && nb.has(c.id));
        cts = cts.map((c) => {
          if (c !== first) return c;
          let value = c.value;
          if (edits.has("reflect")) value = sharesFrom.get(v)?.find((x) => x.id === c.id)?.value ?? value;
          if (edits.has("bad_ciphertext")) value = flipLow(value, 12);
          return { ...c, value };
        });
        return { ...m, ciphertexts: cts.map(({ id, value }) => ({ id, value })) };
      }
      case TAG.CONSISTENCY_REQUEST: {
        let list = m.survivors.map((id) => ({ id, inserted: false }));
        if (edits.has("add_survivor")) {
          const w = [...nb].sort((a, b) => a - b).find((x) => !u2.has(x) && !m.survivors.includes(x));
          if (w !== undefined) list = byId([...list, { id: w, inserted: true }]);
        }
        if (edits.has("drop_self")) list = list.filter((x) => x.id !== v);
        if (edits.has("few_survivors")) list = removeWhile(list, (x) => (x.inserted || x.id === v ? null : 0), (l) => l.length > t - 1);
        survivorsShown.set(v, list.map((x) => x.id));
        return { ...m, survivors: list.map((x) => x.id) };
      }
      case TAG.UNMASKING_REQUEST: {
        const u3 = survivorsShown.get(v) ?? [];
        let sigs = m.signatures.map((s) => ({ ...s, inserted: false }));
        let dropped = m.dropped;
        if (edits.has("foreign_signer") && sigs.length) {
          const u = Array.from({ length: shape.n }, (_, i) => i + 1).find((x) => !u3.includes(x) && !sigs.some((s) => s.id === x));
          if (u !== undefined) sigs = byId([...sigs, { id: u, value: sigs[0]!.value, inserted: true }]);
        }
        if (edits.has("dropped_survivor")) {
          const u = u3.find((x) => x !== v && !dropped.includes(x));
          if (u !== undefined) dropped = [...dropped, u].sort((a, b) => a - b);
        }
        const local = (l: typeof sigs) => l.filter((s) => s.id === v || nb.has(s.id)).length;
        if (edits.has("few_signers")) sigs = removeWhile(sigs, (s) => (s.inserted || s.id === v || !nb.has(s.id) ? null : 0), (l) => local(l) > t - 1);
        const first = sigs.find((s) => !s.inserted && nb.has(s.id) && u3.includes(s.id));
        if (edits.has("bad_consistency_signature")) sigs = sigs.map((s) => (s === first ? { ...s, value: flipLow(s.value, s.value.length - 1) } : s));
        return { ...m, signatures: sigs.map(({ id, value }) => ({ id, value })), dropped };
      }
      default:
        return m;
    }
  };

  /** The edits on a client's message to the server (the server table, S1–S6). */
  const editResponse = (u: number, m: Message): Message => {
    let x = m;
    if (edits.has("sender") && "id" in x) x = { ...x, id: (u % shape.n) + 1 } as Message;
    if (edits.has("bad_signature") && "sig" in x) x = { ...x, sig: flipLow(x.sig, x.sig.length - 1) } as Message;
    return x;
  };

  return (e) => {
    if (e.round === 1 && e.to === 0) {
      u2.add(e.from);
      const m = dec(e.bytes);
      if (m.tag === TAG.SHARE_KEYS_RESPONSE) sharesFrom.set(e.from, m.ciphertexts);
    }
    if (e.round === 3 && e.from === 0 && !target(e)) survivorsShown.set(e.to, (dec(e.bytes) as Extract<Message, { tag: typeof TAG.CONSISTENCY_REQUEST }>).survivors);
    const released: Envelope[] = [];
    // late copies: in the next round, before the first message to the server (after `from`'s own with `again`)
    if (lateCopies.length && e.to === 0 && e.round === attack.round! + 1 && (!edits.has("again") || e.from === attack.from)) {
      const copies = lateCopies.splice(0).map((c) => ({ ...c, round: e.round }));
      if (edits.has("again")) return [e, ...copies];
      released.push(...copies);
    }
    if (!target(e)) return [...released, e];
    let m = dec(e.bytes);
    m = toServer ? editResponse(e.from, m) : editRequest(e.to, m);
    let bytes = enc(m);
    if (edits.has("session") && "session" in m) bytes = flipLow(bytes, 1);
    if (edits.has("trailing_byte")) bytes = Uint8Array.of(...bytes, 0x00);
    const forged = { ...e, bytes };
    if (edits.has("late")) {
      lateCopies.push(forged);
      return [...released, e];
    }
    return edits.has("again") ? [...released, e, forged] : [...released, forged];
  };
}

/** The network adversary of an attack (a stateful closure: it may remember what it saw). */
function adversary(attack: Attack | null, shape: SessionShape, graph: readonly (readonly number[])[]): (e: Envelope) => Envelope[] {
  if (!attack) return (e) => [e];
  if (attack.kind === "forge") return forger(attack, shape, graph);
  const dec = (b: Uint8Array) => decodeMessage(b, shape);
  const enc = (m: Message) => encodeMessage(m, shape);
  const held: Envelope[] = [];
  let signature: Uint8Array | null = null;
  return (e) => {
    const matches = (attack.round === undefined || attack.round === e.round) && (attack.from === undefined || attack.from === e.from) && (attack.to === undefined || attack.to === e.to);
    switch (attack.kind) {
      case "tamper": {
        if (!matches) return [e];
        const b = e.bytes.slice();
        const at = (attack.offset ?? 0) % b.length;
        b[at]! ^= 0x01;
        return [{ ...e, bytes: b }];
      }
      case "replay":
        return matches && e.to === 0 ? [e, e] : [e];
      case "replay_next_round": {
        if (e.to !== 0) return [e];
        if (matches) held.push(e);
        const replays = e.round === (attack.round ?? 0) + 1 ? held.splice(0).map((h) => ({ ...h, round: e.round })) : [];
        return [...replays, e];
      }
      case "both_shares": {
        if (e.from !== 0 || e.round !== 4 || !matches) return [e];
        const m = dec(e.bytes) as Extract<Message, { tag: typeof TAG.UNMASKING_REQUEST }>;
        const victim = m.signatures.map((s) => s.id).find((id) => id !== e.to)!;
        return [{ ...e, bytes: enc({ ...m, dropped: [...m.dropped, victim].sort((a, b) => a - b) }) }];
      }
      case "wrong_share":
      case "wrong_s_share": {
        if (e.to !== 0 || e.round !== 4 || !matches) return [e];
        const m = dec(e.bytes) as Extract<Message, { tag: typeof TAG.UNMASKING_RESPONSE }>;
        const key = attack.kind === "wrong_share" ? "bShares" : "sShares";
        const list = m[key];
        if (!list.length) return [e];
        const share = list[0]!.value.slice();
        const dv = new DataView(share.buffer);
        dv.setUint32(0, (dv.getUint32(0) + 1) % SHAMIR_PRIME);
        return [{ ...e, bytes: enc({ ...m, [key]: [{ id: list[0]!.id, value: share }, ...list.slice(1)] }) }];
      }
      case "forge":
        return [e];
      case "delay": {
        // held until the next client message of the same round, then delivered right after it
        if (e.to !== 0) return [e];
        const due = held.splice(0).filter((h) => h.round === e.round);
        if (matches) return (held.push(e), due);
        return [e, ...due];
      }
      case "impersonate": {
        // `to` names the user sent as, not a recipient
        if (e.to !== 0 || e.round !== attack.round || e.from !== attack.from) return [e];
        const m = dec(e.bytes);
        return [e, { ...e, from: attack.to!, bytes: enc({ ...m, id: attack.to! } as Message) }];
      }
      case "inconsistent_survivors": {
        const victim = attack.to!;
        if (e.round === 3 && e.from === 0 && e.to === victim) {
          const m = dec(e.bytes) as Extract<Message, { tag: typeof TAG.CONSISTENCY_REQUEST }>;
          const omit = [...m.survivors].reverse().find((id) => id !== victim)!;
          return [{ ...e, bytes: enc({ ...m, survivors: m.survivors.filter((id) => id !== omit) }) }];
        }
        if (e.round === 3 && e.to === 0 && e.from === victim) {
          signature = (dec(e.bytes) as Extract<Message, { tag: typeof TAG.CONSISTENCY_RESPONSE }>).sig;
          return [e];
        }
        if (e.round === 4 && e.from === 0 && e.to !== victim && signature) {
          const m = dec(e.bytes) as Extract<Message, { tag: typeof TAG.UNMASKING_REQUEST }>;
          const signatures = [...m.signatures.filter((s) => s.id !== victim), { id: victim, value: signature }].sort((a, b) => a.id - b.id);
          return [{ ...e, bytes: enc({ ...m, signatures }) }];
        }
        return [e];
      }
    }
  };
}

function getAttack(i: JsonObject): Attack | null {
  const a = i["attack"];
  if (a === null) return null;
  if (typeof a !== "object" || Array.isArray(a) || a === undefined) throw new BadInput("attack: expected an object or null");
  const kind = getString(a, "kind", ATTACKS);
  const opt = (k: string) => (k in a ? getInt(a, k) : undefined);
  const edits = "edits" in a ? getArray(a, "edits").map((x, i) => getString({ x }, "x", EDITS) ?? fail("PARAMETER_OUT_OF_RANGE", `edits[${i}]`)) : undefined;
  if (kind === "forge" && (opt("round") === undefined || opt("to") === undefined || (opt("to") === 0 && opt("from") === undefined)))
    fail("PARAMETER_OUT_OF_RANGE", "a forge attack names its round, its recipient `to` (0: the server) and, towards the server, its sender `from`");
  if (kind === "delay" && opt("from") === undefined) fail("PARAMETER_OUT_OF_RANGE", "a delay attack names the sender `from` whose message is held");
  if (kind === "impersonate" && (opt("round") === undefined || opt("from") === undefined || !(opt("to")! >= 1 && opt("to")! <= getInt(i, "n"))))
    fail("PARAMETER_OUT_OF_RANGE", "an impersonate attack names its round, the sender `from` it copies and the user `to` (1..n) it sends as");
  return { kind, round: opt("round"), from: opt("from"), to: opt("to"), offset: opt("offset"), ...(edits ? { edits } : {}) };
}

/** The session shape of a `round` or `client_steps` input, within the operations' bounds. */
function shapeOf(i: JsonObject): SessionShape {
  const shape: SessionShape = { n: getInt(i, "n"), t: getInt(i, "t"), bits: getInt(i, "bits"), length: getInt(i, "length"), degree: getInt(i, "degree") };
  if (shape.n > SCENARIO_MAX_USERS || shape.length > SCENARIO_MAX_LENGTH) fail("PARAMETER_OUT_OF_RANGE", `the operation runs at most ${SCENARIO_MAX_USERS} users and ${SCENARIO_MAX_LENGTH} elements`);
  return shape;
}

/** Runs the `round` operation (spec §Conformance operations). */
export function runScenario(i: JsonObject): JsonObject {
  const shape = shapeOf(i);
  const dropBefore = new Map<number, number>();
  for (const [k, d] of getArray(i, "dropBefore").entries()) {
    if (typeof d !== "object" || d === null || Array.isArray(d)) throw new BadInput(`dropBefore[${k}]: expected an object`);
    dropBefore.set(getInt(d, "id"), getInt(d, "round"));
  }
  const attack = getAttack(i);
  const full = getString(i, "messages", ["full", "digest"] as const) === "full";
  const f = fixture(getString(i, "label"), shape);
  const run = runSession(f.params, f.clients, { dropBefore, intercept: adversary(attack, shape, neighbourGraph(f.params)) });
  const operations: Json[] = run.steps.map((s) => ({
    round: s.round,
    roundName: ROUND_NAMES[s.round]!,
    kind: s.kind,
    from: s.from,
    to: s.to,
    ...(full ? { message: s.bytes ? hex(s.bytes) : null } : { messageSha256: s.bytes ? hex(sha256(s.bytes)) : null }),
    success: s.success,
    ...(s.error ? { error: s.error } : {}),
  }));
  return { operations, survivors: [...run.server.survivors], sum: run.sum ? [...run.sum] : null, abort: run.abort };
}

const SHAPE_SCHEMA = { label: { type: "string" }, n: UINT_SCHEMA, t: UINT_SCHEMA, bits: UINT_SCHEMA, length: UINT_SCHEMA, degree: UINT_SCHEMA };

export const CLIENT_STEPS_INPUT_SCHEMA = objectSchema({
  ...SHAPE_SCHEMA,
  id: UINT_SCHEMA,
  seed: HEX_SCHEMA,
  input: { type: "array", items: UINT_SCHEMA },
  events: { type: "array", items: { anyOf: [{ enum: ["start"] }, HEX_SCHEMA] } },
});

export const CLIENT_STEPS_OUTPUT_SCHEMA = objectSchema({
  steps: {
    type: "array",
    items: {
      type: "object",
      properties: { success: { type: "boolean" }, message: { anyOf: [HEX_SCHEMA, { type: "null" }] }, error: { type: "string" } },
      required: ["success", "message"],
      additionalProperties: false,
    },
  },
});

/**
 * Runs the `client_steps` operation (spec §Conformance operations): one client of the session of
 * `label` (its parameters as in `round`) with the given id, seed and input, driven through `events`
 * (`start`, or a server message in hex). A rejected event reports its code and leaves the client as
 * it was, so the events after it see the same client.
 */
export function runClientSteps(i: JsonObject): JsonObject {
  const shape = shapeOf(i);
  const label = getString(i, "label");
  const id = getInt(i, "id");
  const input = getArray(i, "input").map((v) => getInt({ v }, "v"));
  let st = newClient(paramsOf(label, shape), id, getHex(i, "seed"), signingKeyOf(label, id), input);
  const steps = getArray(i, "events").map((e): Json => {
    try {
      const r: ClientOutput = e === "start" ? clientStart(st) : clientStep(st, fromHex(e as string));
      st = r.state;
      return { success: true, message: r.out ? hex(r.out) : null };
    } catch (err) {
      if (err instanceof SpecError && err.suite === "secagg") return { success: false, message: null, error: err.code };
      throw err;
    }
  });
  return { steps };
}
