/**
 * The nine protocol messages, byte for byte (spec/secagg.md §Message encodings). Integers are
 * big-endian u32 unless noted; every list is sorted by strictly increasing user id; a message is a
 * tag byte followed by its fields and nothing else. Any decoding failure is MALFORMED_MESSAGE.
 * @module
 */
import { ByteReader } from "../common/bytes.js";
import { PUBLIC_KEY_SIZE, SESSION_ID_SIZE, SHARE_CIPHERTEXT_SIZE, SHARE_SIZE, SIGNATURE_SIZE, TAG } from "./constants.js";
import { fail } from "./errors.js";

export interface KeyAdvert {
  id: number;
  cPk: Uint8Array;
  sPk: Uint8Array;
  sig: Uint8Array;
}
export interface Addressed<T> {
  id: number;
  value: T;
}

export type Message =
  | ({ tag: typeof TAG.ADVERTISE_KEYS } & KeyAdvert)
  | { tag: typeof TAG.SHARE_KEYS_REQUEST; adverts: KeyAdvert[] }
  | { tag: typeof TAG.SHARE_KEYS_RESPONSE; session: Uint8Array; id: number; ciphertexts: Addressed<Uint8Array>[] }
  | { tag: typeof TAG.MASKED_INPUT_REQUEST; session: Uint8Array; ciphertexts: Addressed<Uint8Array>[] }
  | { tag: typeof TAG.MASKED_INPUT_RESPONSE; session: Uint8Array; id: number; y: Uint32Array }
  | { tag: typeof TAG.CONSISTENCY_REQUEST; session: Uint8Array; survivors: number[] }
  | { tag: typeof TAG.CONSISTENCY_RESPONSE; session: Uint8Array; id: number; sig: Uint8Array }
  | { tag: typeof TAG.UNMASKING_REQUEST; session: Uint8Array; signatures: Addressed<Uint8Array>[]; dropped: number[] }
  | { tag: typeof TAG.UNMASKING_RESPONSE; session: Uint8Array; id: number; bShares: Addressed<Uint8Array>[]; sShares: Addressed<Uint8Array>[] };

/** The shape a decoder needs from the session: user count, bit width and vector length. */
export interface Shape {
  n: number;
  bits: number;
  length: number;
}

class W {
  parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v);
    return this;
  }
  u32(v: number): this {
    this.parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    return this;
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  list<T>(items: readonly T[], each: (w: this, x: T) => void): this {
    this.u32(items.length);
    for (const x of items) each(this, x);
    return this;
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const bytesPerElement = (bits: number): number => Math.ceil(bits / 8);

/** Encodes a message (spec §Message encodings). */
export function encodeMessage(m: Message, shape?: Pick<Shape, "bits">): Uint8Array {
  const w = new W().u8(m.tag);
  const addressed = (x: Addressed<Uint8Array>[]) => w.list(x, (w, a) => w.u32(a.id).bytes(a.value));
  switch (m.tag) {
    case TAG.ADVERTISE_KEYS:
      return w.u32(m.id).bytes(m.cPk).bytes(m.sPk).bytes(m.sig).finish();
    case TAG.SHARE_KEYS_REQUEST:
      return w.list(m.adverts, (w, a) => w.u32(a.id).bytes(a.cPk).bytes(a.sPk).bytes(a.sig)).finish();
    case TAG.SHARE_KEYS_RESPONSE:
      w.bytes(m.session).u32(m.id);
      addressed(m.ciphertexts);
      return w.finish();
    case TAG.MASKED_INPUT_REQUEST:
      w.bytes(m.session);
      addressed(m.ciphertexts);
      return w.finish();
    case TAG.MASKED_INPUT_RESPONSE: {
      if (!shape) throw new RangeError("encodeMessage: a masked input needs the bit width");
      w.bytes(m.session).u32(m.id);
      const per = bytesPerElement(shape.bits);
      const out = new Uint8Array(w.parts.length + per * m.y.length);
      out.set(w.parts);
      let p = w.parts.length;
      for (const v of m.y) for (let j = per - 1; j >= 0; j--) out[p++] = Math.floor(v / 2 ** (8 * j)) & 0xff;
      return out;
    }
    case TAG.CONSISTENCY_REQUEST:
      return w.bytes(m.session).list(m.survivors, (w, id) => w.u32(id)).finish();
    case TAG.CONSISTENCY_RESPONSE:
      return w.bytes(m.session).u32(m.id).bytes(m.sig).finish();
    case TAG.UNMASKING_REQUEST:
      w.bytes(m.session);
      addressed(m.signatures);
      return w.list(m.dropped, (w, id) => w.u32(id)).finish();
    case TAG.UNMASKING_RESPONSE:
      w.bytes(m.session).u32(m.id);
      addressed(m.bShares);
      addressed(m.sShares);
      return w.finish();
  }
}

/** The signed content of a key advertisement: domain ‖ u32 id ‖ c_pk ‖ s_pk. */
export function advertBody(domain: string, a: Pick<KeyAdvert, "id" | "cPk" | "sPk">): Uint8Array {
  return new W().bytes(new TextEncoder().encode(domain)).u32(a.id).bytes(a.cPk).bytes(a.sPk).finish();
}

/** The signed content of a consistency response: domain ‖ session ‖ u32 count ‖ ids. */
export function survivorsBody(domain: string, session: Uint8Array, survivors: readonly number[]): Uint8Array {
  return new W().bytes(new TextEncoder().encode(domain)).bytes(session).list(survivors, (w, id) => w.u32(id)).finish();
}

/** Decodes one message; checks framing, ids in 1..n, strictly increasing lists and exact lengths. */
export function decodeMessage(bytes: Uint8Array, shape: Shape): Message {
  const r = new ByteReader(bytes, (_code, msg) => fail("MALFORMED_MESSAGE", msg));
  const u32 = (what: string): number => {
    const b = r.bytes(4, what);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  };
  const id = (what: string): number => {
    const v = u32(what);
    if (v < 1 || v > shape.n) fail("MALFORMED_MESSAGE", `${what}: user id ${v} outside 1..${shape.n}`);
    return v;
  };
  const copy = (n: number, what: string) => r.bytes(n, what).slice();
  /** A list: the count is bounded by n (and by the bytes left) before any element is read. */
  const list = <T>(what: string, each: () => T & { id: number }): (T & { id: number })[] => {
    const count = u32(`${what} count`);
    if (count > shape.n) fail("MALFORMED_MESSAGE", `${what}: ${count} entries for ${shape.n} users`);
    const out: (T & { id: number })[] = [];
    for (let i = 0; i < count; i++) {
      const e = each();
      if (i > 0 && e.id <= out[i - 1]!.id) fail("MALFORMED_MESSAGE", `${what}: ids not strictly increasing at entry ${i}`);
      out.push(e);
    }
    return out;
  };
  const ids = (what: string) => list(what, () => ({ id: id(what) })).map((e) => e.id);
  const addressed = (what: string, size: number) => list(what, () => ({ id: id(what), value: copy(size, what) }));
  const advert = (): KeyAdvert => ({ id: id("advert id"), cPk: copy(PUBLIC_KEY_SIZE, "c_pk"), sPk: copy(PUBLIC_KEY_SIZE, "s_pk"), sig: copy(SIGNATURE_SIZE, "signature") });
  const tag = r.u8("tag");
  let m: Message;
  switch (tag) {
    case TAG.ADVERTISE_KEYS:
      m = { tag, ...advert() };
      break;
    case TAG.SHARE_KEYS_REQUEST:
      m = { tag, adverts: list("adverts", advert) };
      break;
    case TAG.SHARE_KEYS_RESPONSE:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), id: id("sender"), ciphertexts: addressed("ciphertexts", SHARE_CIPHERTEXT_SIZE) };
      break;
    case TAG.MASKED_INPUT_REQUEST:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), ciphertexts: addressed("ciphertexts", SHARE_CIPHERTEXT_SIZE) };
      break;
    case TAG.MASKED_INPUT_RESPONSE: {
      const session = copy(SESSION_ID_SIZE, "session");
      const sender = id("sender");
      const per = bytesPerElement(shape.bits);
      const raw = r.bytes(per * shape.length, "masked input");
      const y = new Uint32Array(shape.length);
      for (let i = 0, p = 0; i < shape.length; i++) {
        let v = 0;
        for (let j = 0; j < per; j++) v = v * 256 + raw[p++]!;
        if (v >= 2 ** shape.bits) fail("VALUE_OUT_OF_RANGE", `masked element ${i} = ${v} is not below 2^${shape.bits}`);
        y[i] = v;
      }
      m = { tag, session, id: sender, y };
      break;
    }
    case TAG.CONSISTENCY_REQUEST:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), survivors: ids("survivors") };
      break;
    case TAG.CONSISTENCY_RESPONSE:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), id: id("sender"), sig: copy(SIGNATURE_SIZE, "signature") };
      break;
    case TAG.UNMASKING_REQUEST:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), signatures: addressed("signatures", SIGNATURE_SIZE), dropped: ids("dropped") };
      break;
    case TAG.UNMASKING_RESPONSE:
      m = { tag, session: copy(SESSION_ID_SIZE, "session"), id: id("sender"), bShares: addressed("b shares", SHARE_SIZE), sShares: addressed("s shares", SHARE_SIZE) };
      break;
    default:
      return fail("MALFORMED_MESSAGE", `unknown tag 0x${tag.toString(16).padStart(2, "0")}`);
  }
  r.end("message");
  return m;
}
