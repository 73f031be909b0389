/**
 * The `round` operation: one session from a label, with dropouts and a network adversary, reported
 * as a list of steps after the CFRG VDAF test-vector format (draft-irtf-cfrg-vdaf, "operations"
 * with `success`): every delivery to a party and every round deadline at the server, each with its
 * message and whether the receiver accepted it (a rejected step carries the reason and changes no
 * state). spec/secagg.md §Conformance operations.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { SHAMIR_PRIME, TAG, ROUND_NAMES, decodeMessage, encodeMessage, runSession, type Envelope, type Message } from "../../reference/secagg/index.js";
import { fail } from "../../reference/secagg/errors.js";
import { BadInput, HEX_SCHEMA, UINT_SCHEMA, getArray, getInt, getString, hex, objectSchema, type Json, type JsonObject } from "../harness/operation.js";
import { fixture, type SessionShape } from "./fixtures.js";

/** Bounds of the operation (cost: at most 16² key agreements and 16 masks of 64 elements). */
export const SCENARIO_MAX_USERS = 16;
export const SCENARIO_MAX_LENGTH = 64;

export const ATTACKS = ["tamper", "replay", "replay_next_round", "both_shares", "wrong_share", "inconsistent_survivors"] as const;
export type AttackKind = (typeof ATTACKS)[number];

export interface Attack {
  kind: AttackKind;
  round?: number;
  from?: number;
  to?: number;
  offset?: number;
}

const ATTACK_SCHEMA = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      properties: { kind: { enum: [...ATTACKS] }, round: UINT_SCHEMA, from: UINT_SCHEMA, to: UINT_SCHEMA, offset: UINT_SCHEMA },
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

/** The network adversary of an attack (a stateful closure: it may remember what it saw). */
function adversary(attack: Attack | null, shape: SessionShape): (e: Envelope) => Envelope[] {
  if (!attack) return (e) => [e];
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
      case "wrong_share": {
        if (e.to !== 0 || e.round !== 4 || !matches) return [e];
        const m = dec(e.bytes) as Extract<Message, { tag: typeof TAG.UNMASKING_RESPONSE }>;
        const share = m.bShares[0]!.value.slice();
        const dv = new DataView(share.buffer);
        dv.setUint32(0, (dv.getUint32(0) + 1) % SHAMIR_PRIME);
        return [{ ...e, bytes: enc({ ...m, bShares: [{ id: m.bShares[0]!.id, value: share }, ...m.bShares.slice(1)] }) }];
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
  return { kind, round: opt("round"), from: opt("from"), to: opt("to"), offset: opt("offset") };
}

/** Runs the `round` operation (spec §Conformance operations). */
export function runScenario(i: JsonObject): JsonObject {
  const shape: SessionShape = { n: getInt(i, "n"), t: getInt(i, "t"), bits: getInt(i, "bits"), length: getInt(i, "length"), degree: getInt(i, "degree") };
  if (shape.n > SCENARIO_MAX_USERS || shape.length > SCENARIO_MAX_LENGTH) fail("PARAMETER_OUT_OF_RANGE", `the round operation runs at most ${SCENARIO_MAX_USERS} users and ${SCENARIO_MAX_LENGTH} elements`);
  const dropBefore = new Map<number, number>();
  for (const [k, d] of getArray(i, "dropBefore").entries()) {
    if (typeof d !== "object" || d === null || Array.isArray(d)) throw new BadInput(`dropBefore[${k}]: expected an object`);
    dropBefore.set(getInt(d, "id"), getInt(d, "round"));
  }
  const attack = getAttack(i);
  const full = getString(i, "messages", ["full", "digest"] as const) === "full";
  const f = fixture(getString(i, "label"), shape);
  const run = runSession(f.params, f.clients, { dropBefore, intercept: adversary(attack, shape) });
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
