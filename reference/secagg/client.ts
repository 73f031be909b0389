/**
 * The client as a pure state machine (spec/secagg.md §Client): `clientStart(state)` sends the key
 * advertisement; `clientStep(state, message)` answers each server request with the next round's
 * message or rejects it with a typed reason, leaving the state unchanged. All of a client's
 * randomness comes from its 32-byte seed through one AES-256-CTR stream, so a client's messages are
 * a function of (parameters, id, seed, signing key, input, the messages it receives).
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesEqual } from "../common/bytes.js";
import { DOMAIN, SECRET_SIZE, SHARE_PLAINTEXT_SIZE, SHARE_SIZE, TAG } from "./constants.js";
import { Drbg } from "./drbg.js";
import { fail } from "./errors.js";
import { agreeKey, checkPublicKey, drawSecretKey, open, publicKeyOf, seal, sign, verifySignature } from "./keys.js";
import { advertBody, decodeMessage, encodeMessage, survivorsBody, type KeyAdvert, type Message } from "./messages.js";
import { checkParams, encodeParams, neighbourGraph, type SessionParams } from "./params.js";
import { addMaskInPlace, prgExpand } from "./prg.js";
import { shamirSplit } from "./shamir.js";

export type ClientPhase = "init" | "advertised" | "shared" | "masked" | "signed" | "done";

/** Shares a client holds of one user's secrets (its own shares of its own secrets included). */
export interface HeldShares {
  s: Uint8Array;
  b: Uint8Array;
}

export interface ClientState {
  readonly phase: ClientPhase;
  readonly params: SessionParams;
  readonly id: number;
  readonly neighbours: readonly number[];
  readonly signingKey: Uint8Array;
  readonly input: Uint32Array;
  readonly cSk: Uint8Array;
  readonly sSk: Uint8Array;
  readonly b: Uint8Array;
  /** The 32-byte seed all of this client's randomness derives from. */
  readonly seed: Uint8Array;
  /** Round 1 on: the advertised keys of U1 and the session id. */
  readonly keys?: ReadonlyMap<number, KeyAdvert>;
  readonly session?: Uint8Array;
  /** Round 2 on: user id → the shares this client holds of that user (U2 ∩ N[u] only). */
  readonly held?: ReadonlyMap<number, HeldShares>;
  /** Round 1 on: the AES-GCM key agreed with each neighbour in U1 (x-coordinate of c_sk·c_pk_v). */
  readonly channelKeys?: ReadonlyMap<number, Uint8Array>;
  /** Round 3 on: the survivor list it signed. */
  readonly survivors?: readonly number[];
}

/** The session id: SHA-256(domain ‖ encoded parameters ‖ the ShareKeysRequest bytes). */
export function sessionIdOf(params: SessionParams, shareKeysRequest: Uint8Array): Uint8Array {
  return sha256(new Uint8Array([...new TextEncoder().encode(DOMAIN.SESSION), ...encodeParams(params), ...shareKeysRequest]));
}

/** Deterministic share nonce: u32 from ‖ u32 to ‖ u32 0 (each key encrypts once per direction). */
export function shareNonce(from: number, to: number): Uint8Array {
  const n = new Uint8Array(12);
  const dv = new DataView(n.buffer);
  dv.setUint32(0, from);
  dv.setUint32(4, to);
  return n;
}

/** The client's stream for one purpose: AES-256-CTR keyed by SHA-256(domain ‖ u8 purpose ‖ seed). */
export function clientStream(seed: Uint8Array, purpose: 0 | 1): Drbg {
  return new Drbg(sha256(new Uint8Array([...new TextEncoder().encode(DOMAIN.CLIENT_DRBG), purpose, ...seed])));
}

/**
 * A fresh client (spec §The protocol, table `client_steps` N1–N4: parameters, id in 1..n, a 32-byte
 * seed, L inputs below 2^ℓ). Stream 0 draws c_sk, s_sk, then b (32 bytes); stream 1 draws the Shamir
 * coefficients of s_sk, then of b, in round 1 (so a step is a function of its inputs).
 */
export function newClient(params: SessionParams, id: number, seed: Uint8Array, signingKey: Uint8Array, input: readonly number[] | Uint32Array): ClientState {
  checkParams(params);
  if (!Number.isInteger(id) || id < 1 || id > params.n) fail("PARAMETER_OUT_OF_RANGE", `client id ${id}; expected 1..${params.n}`);
  if (seed.length !== 32) fail("PARAMETER_OUT_OF_RANGE", `a client seed of ${seed.length} bytes; expected 32`);
  if (input.length !== params.length || input.some((v) => v >= 2 ** params.bits)) fail("VALUE_OUT_OF_RANGE", `input must be ${params.length} elements below 2^${params.bits}`);
  const drbg = clientStream(seed, 0);
  const cSk = drawSecretKey(drbg);
  const sSk = drawSecretKey(drbg);
  const b = drbg.read(SECRET_SIZE);
  const neighbours = neighbourGraph(params)[id - 1]!;
  return { phase: "init", params, id, neighbours, signingKey, input: Uint32Array.from(input), cSk, sSk, b, seed: seed.slice() };
}

export interface ClientOutput {
  state: ClientState;
  /** The message to the server, or null. */
  out: Uint8Array | null;
}

/** Round 0, AdvertiseKeys: (c_pk, s_pk) signed with the long-term key. */
export function clientStart(st: ClientState): ClientOutput {
  if (st.phase !== "init") fail("UNEXPECTED_MESSAGE", `client ${st.id} already advertised`);
  const cPk = publicKeyOf(st.cSk);
  const sPk = publicKeyOf(st.sSk);
  const sig = sign(st.signingKey, advertBody(DOMAIN.ADVERTISE, { id: st.id, cPk, sPk }));
  return { state: { ...st, phase: "advertised" }, out: encodeMessage({ tag: TAG.ADVERTISE_KEYS, id: st.id, cPk, sPk, sig }) };
}

const EXPECTED: Record<ClientPhase, number | null> = {
  init: null,
  advertised: TAG.SHARE_KEYS_REQUEST,
  shared: TAG.MASKED_INPUT_REQUEST,
  masked: TAG.CONSISTENCY_REQUEST,
  signed: TAG.UNMASKING_REQUEST,
  done: null,
};

/**
 * One server message in, the client's answer out. Checks, in order (spec §Client rules): the
 * message decodes; its tag is the one the current phase waits for; its session id is this
 * session's; then the round's own rules.
 */
export function clientStep(st: ClientState, bytes: Uint8Array): ClientOutput {
  const m = decodeMessage(bytes, st.params);
  if (m.tag !== EXPECTED[st.phase]) fail("UNEXPECTED_MESSAGE", `client ${st.id} in phase ${st.phase} got tag ${m.tag}`);
  if ("session" in m && !bytesEqual(m.session, st.session!)) fail("SESSION_MISMATCH", "the message carries another session's id");
  switch (m.tag) {
    case TAG.SHARE_KEYS_REQUEST:
      return onShareKeys(st, m, bytes);
    case TAG.MASKED_INPUT_REQUEST:
      return onMaskedInput(st, m);
    case TAG.CONSISTENCY_REQUEST:
      return onConsistency(st, m);
    case TAG.UNMASKING_REQUEST:
      return onUnmasking(st, m);
    default:
      return fail("UNEXPECTED_MESSAGE", `tag ${m.tag} is not a server request`);
  }
}

type Of<T extends number> = Extract<Message, { tag: T }>;

/** Round 1, ShareKeys: check U1, split s_sk and b over N[u] ∩ U1, encrypt each share to its holder. */
function onShareKeys(st: ClientState, m: Of<typeof TAG.SHARE_KEYS_REQUEST>, bytes: Uint8Array): ClientOutput {
  const { params, id } = st;
  const keys = new Map(m.adverts.map((a) => [a.id, a]));
  if (keys.size < params.t) fail("BELOW_THRESHOLD", `${keys.size} users advertised keys; threshold ${params.t}`);
  const mine = keys.get(id);
  if (!mine || !bytesEqual(mine.cPk, publicKeyOf(st.cSk)) || !bytesEqual(mine.sPk, publicKeyOf(st.sSk))) fail("UNEXPECTED_MESSAGE", "the request does not carry this client's own keys");
  // Only neighbours' keys are used, so only theirs are checked (all of U1 on the complete graph).
  const neighbourAdverts = m.adverts.filter((a) => st.neighbours.includes(a.id));
  for (const a of neighbourAdverts) {
    checkPublicKey(a.cPk);
    checkPublicKey(a.sPk);
  }
  for (const a of neighbourAdverts) if (!verifySignature(params.signingKeys[a.id - 1]!, advertBody(DOMAIN.ADVERTISE, a), a.sig)) fail("INVALID_SIGNATURE", `user ${a.id}'s key advertisement`);
  const holders = [...neighbourAdverts.map((a) => a.id), id].sort((a, b) => a - b);
  if (holders.length < params.t) fail("BELOW_THRESHOLD", `${holders.length} share holders in N[${id}] ∩ U1; threshold ${params.t}`);
  const session = sessionIdOf(params, bytes);
  const coefficients = clientStream(st.seed, 1);
  const sShares = shamirSplit(st.sSk, params.t, holders, coefficients);
  const bShares = shamirSplit(st.b, params.t, holders, coefficients);
  const held = new Map<number, HeldShares>();
  const channelKeys = new Map<number, Uint8Array>();
  const ciphertexts: { id: number; value: Uint8Array }[] = [];
  holders.forEach((v, i) => {
    if (v === id) {
      held.set(id, { s: sShares[i]!.data, b: bShares[i]!.data });
      return;
    }
    const pt = new Uint8Array(SHARE_PLAINTEXT_SIZE);
    const dv = new DataView(pt.buffer);
    dv.setUint32(0, id);
    dv.setUint32(4, v);
    pt.set(sShares[i]!.data, 8);
    pt.set(bShares[i]!.data, 8 + SHARE_SIZE);
    const key = agreeKey(st.cSk, keys.get(v)!.cPk);
    channelKeys.set(v, key);
    ciphertexts.push({ id: v, value: seal(key, shareNonce(id, v), pt) });
  });
  const out = encodeMessage({ tag: TAG.SHARE_KEYS_RESPONSE, session, id, ciphertexts });
  return { state: { ...st, phase: "shared", keys, session, held, channelKeys }, out };
}

/** Round 2, MaskedInputCollection: decrypt the shares held, then y = x + PRG(b) + Σ± PRG(s_uv) mod R. */
function onMaskedInput(st: ClientState, m: Of<typeof TAG.MASKED_INPUT_REQUEST>): ClientOutput {
  const { params, id } = st;
  const keys = st.keys!;
  for (const c of m.ciphertexts) if (!st.channelKeys!.has(c.id)) fail("UNEXPECTED_MESSAGE", `a share from user ${c.id}, not a neighbour in U1`);
  if (m.ciphertexts.length + 1 < params.t) fail("BELOW_THRESHOLD", `${m.ciphertexts.length + 1} users of N[${id}] in U2; threshold ${params.t}`);
  const held = new Map(st.held!);
  for (const c of m.ciphertexts) {
    const pt = open(st.channelKeys!.get(c.id)!, c.value);
    if (pt.length !== SHARE_PLAINTEXT_SIZE) fail("AEAD_FAILURE", "a share plaintext of the wrong length");
    const dv = new DataView(pt.buffer, pt.byteOffset);
    if (dv.getUint32(0) !== c.id || dv.getUint32(4) !== id) fail("SHARE_ADDRESS_MISMATCH", `a share in ${c.id}'s envelope names ${dv.getUint32(0)} → ${dv.getUint32(4)}`);
    held.set(c.id, { s: pt.slice(8, 8 + SHARE_SIZE), b: pt.slice(8 + SHARE_SIZE) });
  }
  const y = st.input.slice();
  addMaskInPlace(y, prgExpand(st.b, st.session!, params.bits, params.length), 1, params.bits);
  for (const c of m.ciphertexts) {
    const s = agreeKey(st.sSk, keys.get(c.id)!.sPk);
    addMaskInPlace(y, prgExpand(s, st.session!, params.bits, params.length), c.id > id ? 1 : -1, params.bits);
  }
  const out = encodeMessage({ tag: TAG.MASKED_INPUT_RESPONSE, session: st.session!, id, y }, params);
  return { state: { ...st, phase: "masked", held }, out };
}

/** Round 3, ConsistencyCheck: sign U3 after checking it against what this client saw. */
function onConsistency(st: ClientState, m: Of<typeof TAG.CONSISTENCY_REQUEST>): ClientOutput {
  const { params, id } = st;
  if (m.survivors.length < params.t) fail("BELOW_THRESHOLD", `${m.survivors.length} survivors; threshold ${params.t}`);
  if (!m.survivors.includes(id)) fail("UNEXPECTED_MESSAGE", `survivor list without client ${id}`);
  for (const u of m.survivors) if (st.neighbours.includes(u) && !st.held!.has(u)) fail("INCONSISTENT_SURVIVORS", `neighbour ${u} survived round 2 without sending this client shares in round 1`);
  const sig = sign(st.signingKey, survivorsBody(DOMAIN.CONSISTENCY, st.session!, m.survivors));
  const out = encodeMessage({ tag: TAG.CONSISTENCY_RESPONSE, session: st.session!, id, sig });
  return { state: { ...st, phase: "signed", survivors: m.survivors }, out };
}

/**
 * Round 4, Unmasking: after checking U4's signatures over this client's own U3, reveal b shares of
 * survivors and s shares of dropped users, and refuse a request naming a survivor as dropped: a
 * user's b and s shares together unmask its input (Bonawitz et al. §4, the double-masking argument).
 */
function onUnmasking(st: ClientState, m: Of<typeof TAG.UNMASKING_REQUEST>): ClientOutput {
  const { params, id } = st;
  const u3 = st.survivors!;
  for (const s of m.signatures) if (!u3.includes(s.id)) fail("INCONSISTENT_SURVIVORS", `user ${s.id} signed but is not in the survivor list`);
  // The signatures of N[v] are checked (all of U4 on the complete graph): at least t of them.
  const local = m.signatures.filter((s) => s.id === id || st.neighbours.includes(s.id));
  if (local.length < params.t) fail("BELOW_THRESHOLD", `${local.length} consistency signatures from N[${id}]; threshold ${params.t}`);
  const body = survivorsBody(DOMAIN.CONSISTENCY, st.session!, u3);
  for (const s of local) if (!verifySignature(params.signingKeys[s.id - 1]!, body, s.value)) fail("INCONSISTENT_SURVIVORS", `user ${s.id}'s signature is not over this client's survivor list`);
  for (const u of m.dropped) if (u3.includes(u)) fail("BOTH_SHARES_REQUESTED", `user ${u} is a survivor (its b share is revealed) and is named as dropped`);
  const held = st.held!;
  const bShares = u3.filter((u) => held.has(u)).map((u) => ({ id: u, value: held.get(u)!.b }));
  const sShares = m.dropped.filter((u) => u !== id && held.has(u)).map((u) => ({ id: u, value: held.get(u)!.s }));
  const out = encodeMessage({ tag: TAG.UNMASKING_RESPONSE, session: st.session!, id, bShares, sShares });
  return { state: { ...st, phase: "done" }, out };
}

