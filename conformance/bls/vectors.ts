/**
 * The bls suite's vector cases: the classes of Ethereum's BLS test suite (sign, verify, aggregate,
 * fast_aggregate_verify, aggregate_verify, batch_verify, deserialization of G1/G2 with every invalid
 * class) plus commit certificates. Inputs are built here from labelled seeds; every expected answer
 * is computed by the reference (conformance/harness/vectorfile.ts), and `expect` states only intent.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import {
  BASIC,
  BLS_RULES,
  G1,
  G2,
  P,
  POP,
  R,
  aggregate,
  commitMessage,
  decodeG1,
  decodeG2,
  encodeG1,
  encodeSigners,
  keyGen,
  popProve,
  sign,
  signCommit,
  skToPk,
  type Certificate,
  type Commit,
  type MemberInput,
} from "../../reference/bls/index.js";
import { MAX_AGGREGATE_SIZE, MAX_BATCH_SIZE, MAX_COMMITTEE_SIZE } from "../../reference/bls/constants.js";
import { i2osp } from "../../reference/bls/keys.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { pairwiseCases } from "../harness/rules.js";
import { T1, T2, compressG1, compressG2 } from "./torsion.js";
import type { JsonObject } from "../harness/operation.js";
import { certificateToJson, commitToJson, memberToJson } from "./operations.js";

/** Every flag a bls case may carry, with one line each. */
export const BLS_FLAGS: Record<string, string> = {
  Valid: "a well-formed input that the operation accepts",
  Boundary: "a value at the edge of its range (smallest or largest key, empty or long message, one member)",
  Basic: "uses the basic ciphersuite BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_",
  WrongLength: "an encoding one byte short, one byte long, or of another form's length",
  WrongFlags: "the compression, infinity or sign flag bits are wrong",
  Infinity: "the point at infinity (the identity), canonical or not",
  CoordinateOutOfRange: "an x coordinate (or Fp2 half) that is not below p",
  NotOnCurve: "an x coordinate with no point of the curve",
  NotInSubgroup: "a point on the curve outside the prime-order subgroup",
  Tampered: "a valid signature or proof altered (negated, bit flipped, or another's)",
  WrongMessage: "the signature is of another message",
  WrongKey: "the signature is by another key, or keys are missing or extra",
  WrongDst: "the signature was made under another domain separation tag",
  EmptyList: "an empty list of keys, messages or signatures",
  CostLimit: "one item above a cost cap (MAX_AGGREGATE_SIZE, MAX_BATCH_SIZE, MAX_COMMITTEE_SIZE): rejected before any item is decoded",
  LengthMismatch: "lists of different lengths",
  ZeroAggregate: "keys or signatures that sum to the identity",
  RepeatedMessage: "the same message signed twice in one aggregate",
  ZeroKey: "a secret key of zero or not below r",
  ShortIkm: "key material below 32 bytes",
  RfcVector: "an input of RFC 9380 Appendix J.10.1 (expected outputs there; the reference computes them here)",
  SwappedSignatures: "two items' signatures exchanged: the plain sum is unchanged, the random combination is not",
  Committee: "the committee fails admission",
  RogueKey: "a rogue key (g^a − PK_victim) registered without knowing its secret",
  Bitfield: "a malformed signer bitfield",
  Stake: "the signers' stake at or below 2/3 of the total",
  Overflow: "a value too large for its field",
  WrongCommit: "the certificate signs another commit (chain, shard, height, round or digest)",
  Batch: "a batch with one bad item among good ones",
  RuleOrder: "an input breaking two checks at once: the earlier one in the check order answers",
  PairwiseRules: "generated from the rule table: breaks one pair of rules at once",
  Torsion: "a valid key or signature plus a cofactor-torsion component: on the curve, outside the subgroup (tells a missing subgroup check from a failed pairing)",
};

const hex = toHex;
const utf8 = (s: string) => new TextEncoder().encode(s);
const valid = (comment: string, input: JsonObject, flags: string[] = ["Valid"]): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: JsonObject, flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });

// ---- special encodings ----

const G1_INFINITY = Uint8Array.from([0xc0, ...new Array(47).fill(0)]);
const G2_INFINITY = Uint8Array.from([0xc0, ...new Array(95).fill(0)]);
const withByte = (b: Uint8Array, at: number, f: (x: number) => number): Uint8Array => {
  const c = b.slice();
  c[at] = f(c[at]!);
  return c;
};
const flipLastBit = (b: Uint8Array) => withByte(b, b.length - 1, (x) => x ^ 1);
const flipSign = (b: Uint8Array) => withByte(b, 0, (x) => x ^ 0x20);
/** A compressed encoding with the x coordinate (or Fp2 halves) given and the flags set as asked. */
function compressedX(halves: bigint[], flags = 0x80): Uint8Array {
  const out = new Uint8Array(48 * halves.length);
  halves.forEach((h, k) => out.set(i2osp(h, 48), 48 * k));
  out[0]! |= flags;
  return out;
}

const specialPoints = new Map<string, Uint8Array>();
/** {@link searchSpecialPoint}, computed once per kind. */
function specialPoint(group: "G1" | "G2", want: "offCurve" | "offSubgroup"): Uint8Array {
  const key = `${group}/${want}`;
  let p = specialPoints.get(key);
  if (!p) specialPoints.set(key, (p = searchSpecialPoint(group, want)));
  return p;
}

/** Searches small x for a compressed G1/G2 encoding that is off the curve, or on it but outside the subgroup. */
function searchSpecialPoint(group: "G1" | "G2", want: "offCurve" | "offSubgroup"): Uint8Array {
  const Fp = bls12_381.fields.Fp;
  const Fp2 = bls12_381.fields.Fp2;
  for (let x = 1n; x < 1000n; x++) {
    const enc = group === "G1" ? compressedX([x]) : compressedX([0n, x]); // G2: x = x + 0·u
    let onCurve: boolean;
    let point: { isTorsionFree(): boolean } | null = null;
    if (group === "G1") {
      const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 4n);
      const y = safeSqrt(Fp, rhs);
      onCurve = y !== null && Fp.eql(Fp.sqr(y), rhs);
      if (onCurve) point = G1.fromAffine({ x, y: y! });
    } else {
      const X = Fp2.fromBigTuple([x, 0n]);
      const rhs = Fp2.add(Fp2.mul(Fp2.sqr(X), X), Fp2.fromBigTuple([4n, 4n]));
      const y = safeSqrt(Fp2, rhs);
      onCurve = y !== null && Fp2.eql(Fp2.sqr(y), rhs);
      if (onCurve) point = G2.fromAffine({ x: X, y: y! });
    }
    if (want === "offCurve" && !onCurve) return enc;
    // sign flag 0 names one of the two roots; if (x, y) is outside the subgroup so is (x, −y)
    if (want === "offSubgroup" && onCurve && !point!.isTorsionFree()) return enc;
  }
  throw new Error(`no ${want} ${group} point with small x`);
}
function safeSqrt<T>(F: { sqrt(a: T): T }, a: T): T | null {
  try {
    return F.sqrt(a);
  } catch {
    return null;
  }
}

// ---- keys, messages, signatures under fixed seeds ----

interface Signer {
  sk: Uint8Array;
  pk: Uint8Array;
}
function signers(rng: Rng, n: number): Signer[] {
  return Array.from({ length: n }, () => {
    const sk = keyGen(rng.bytes(32));
    return { sk, pk: skToPk(sk) };
  });
}

const SK_ONE = i2osp(1n, 32);
const SK_MAX = i2osp(R - 1n, 32);

function keyGenCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (let k = 0; k < 3; k++) out.push(valid(`random 32-byte IKM #${k + 1}, empty key_info`, { ikm: hex(rng.bytes(32)), keyInfo: "" }));
  out.push(valid("all-zero 32-byte IKM", { ikm: hex(new Uint8Array(32)), keyInfo: "" }, ["Valid", "Boundary"]));
  out.push(valid("64-byte IKM with key_info", { ikm: hex(rng.bytes(64)), keyInfo: hex(utf8("pwo validator 7")) }));
  out.push(valid("32-byte IKM with a 100-byte key_info", { ikm: hex(rng.bytes(32)), keyInfo: hex(rng.bytes(100)) }));
  out.push(invalid("IKM of 31 bytes", "IKM_TOO_SHORT", { ikm: hex(rng.bytes(31)), keyInfo: "" }, ["ShortIkm"]));
  out.push(invalid("empty IKM", "IKM_TOO_SHORT", { ikm: "", keyInfo: "" }, ["ShortIkm"]));
  return out;
}

function skToPkCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = signers(rng, 3).map((s, k) => valid(`KeyGen key #${k + 1}`, { sk: hex(s.sk) }));
  out.push(valid("SK = 1: the generator P1", { sk: hex(SK_ONE) }, ["Valid", "Boundary"]));
  out.push(valid("SK = r − 1: −P1", { sk: hex(SK_MAX) }, ["Valid", "Boundary"]));
  out.push(invalid("SK = 0", "INVALID_SECRET_KEY", { sk: hex(new Uint8Array(32)) }, ["ZeroKey"]));
  out.push(invalid("SK = r", "INVALID_SECRET_KEY", { sk: hex(i2osp(R, 32)) }, ["ZeroKey"]));
  out.push(invalid("SK = 2^256 − 1", "INVALID_SECRET_KEY", { sk: "ff".repeat(32) }, ["ZeroKey"]));
  out.push(invalid("SK of 31 bytes", "INVALID_LENGTH", { sk: hex(rng.bytes(31)) }, ["WrongLength"]));
  out.push(invalid("SK of 33 bytes", "INVALID_LENGTH", { sk: `00${hex(SK_ONE)}` }, ["WrongLength"]));
  return out;
}

/** Invalid G1 encodings with their intended decoding code: the shared table of key_validate, decode_g1, verify. */
function badG1(pk: Uint8Array): [string, string, Uint8Array, string[]][] {
  return [
    ["47 bytes", "INVALID_LENGTH", pk.subarray(0, 47), ["WrongLength"]],
    ["49 bytes", "INVALID_LENGTH", Uint8Array.from([...pk, 0]), ["WrongLength"]],
    ["the uncompressed form (96 bytes)", "INVALID_LENGTH", G1.BASE.toBytes(false), ["WrongLength"]],
    ["empty", "INVALID_LENGTH", new Uint8Array(0), ["WrongLength"]],
    ["compression flag cleared", "NOT_COMPRESSED", withByte(pk, 0, (x) => x & 0x7f), ["WrongFlags"]],
    ["48 zero bytes", "NOT_COMPRESSED", new Uint8Array(48), ["WrongFlags", "Infinity"]],
    ["infinity flag on a non-zero x", "INVALID_INFINITY_ENCODING", withByte(pk, 0, (x) => x | 0x40), ["WrongFlags", "Infinity"]],
    ["infinity with the sign flag", "INVALID_INFINITY_ENCODING", withByte(G1_INFINITY, 0, (x) => x | 0x20), ["WrongFlags", "Infinity"]],
    ["infinity with a non-zero last byte", "INVALID_INFINITY_ENCODING", withByte(G1_INFINITY, 47, () => 1), ["Infinity"]],
    ["x = p", "COORDINATE_OUT_OF_RANGE", compressedX([P]), ["CoordinateOutOfRange"]],
    ["x = 2^381 − 1", "COORDINATE_OUT_OF_RANGE", compressedX([(1n << 381n) - 1n]), ["CoordinateOutOfRange"]],
    ["x = p + 1 with the sign flag", "COORDINATE_OUT_OF_RANGE", compressedX([P + 1n], 0xa0), ["CoordinateOutOfRange"]],
    ["x with no point on E1", "NOT_ON_CURVE", specialPoint("G1", "offCurve"), ["NotOnCurve"]],
    ["(0, 2): on E1, order 3, outside the subgroup", "NOT_IN_SUBGROUP", compressedX([0n]), ["NotInSubgroup"]],
    ["on E1 outside the subgroup, small x", "NOT_IN_SUBGROUP", specialPoint("G1", "offSubgroup"), ["NotInSubgroup"]],
    ["the valid key plus a cofactor-torsion point (on E1, outside the subgroup)", "NOT_IN_SUBGROUP", compressG1(decodeG1(pk).add(T1)), ["NotInSubgroup", "Torsion"]],
  ];
}

function badG2(sig: Uint8Array): [string, string, Uint8Array, string[]][] {
  return [
    ["95 bytes", "INVALID_LENGTH", sig.subarray(0, 95), ["WrongLength"]],
    ["97 bytes", "INVALID_LENGTH", Uint8Array.from([...sig, 0]), ["WrongLength"]],
    ["the uncompressed form (192 bytes)", "INVALID_LENGTH", G2.BASE.toBytes(false), ["WrongLength"]],
    ["a G1 point (48 bytes)", "INVALID_LENGTH", G1.BASE.toBytes(true), ["WrongLength"]],
    ["compression flag cleared", "NOT_COMPRESSED", withByte(sig, 0, (x) => x & 0x7f), ["WrongFlags"]],
    ["96 zero bytes", "NOT_COMPRESSED", new Uint8Array(96), ["WrongFlags", "Infinity"]],
    ["infinity flag on a non-zero x", "INVALID_INFINITY_ENCODING", withByte(sig, 0, (x) => x | 0x40), ["WrongFlags", "Infinity"]],
    ["infinity with the sign flag", "INVALID_INFINITY_ENCODING", withByte(G2_INFINITY, 0, (x) => x | 0x20), ["WrongFlags", "Infinity"]],
    ["infinity with a non-zero byte in x.c0", "INVALID_INFINITY_ENCODING", withByte(G2_INFINITY, 95, () => 1), ["Infinity"]],
    ["x.c1 = p", "COORDINATE_OUT_OF_RANGE", compressedX([P, 1n]), ["CoordinateOutOfRange"]],
    ["x.c0 = p", "COORDINATE_OUT_OF_RANGE", compressedX([1n, P]), ["CoordinateOutOfRange"]],
    ["x.c1 = 2^381 − 1", "COORDINATE_OUT_OF_RANGE", compressedX([(1n << 381n) - 1n, 0n]), ["CoordinateOutOfRange"]],
    ["x with no point on E2", "NOT_ON_CURVE", specialPoint("G2", "offCurve"), ["NotOnCurve"]],
    ["on E2 outside the subgroup, small x", "NOT_IN_SUBGROUP", specialPoint("G2", "offSubgroup"), ["NotInSubgroup"]],
    ["the valid signature plus a cofactor-torsion point (on E2, outside the subgroup)", "NOT_IN_SUBGROUP", compressG2(decodeG2(sig).add(T2)), ["NotInSubgroup", "Torsion"]],
  ];
}

/**
 * An encoding breaking the E-rules in `broken` (decode_g1 / decode_g2's table, E1–E7). The x comes
 * from the off-curve point (E5), else the off-subgroup point (E7), else a valid point; E4 adds p to
 * it (x = p when the point is valid, so the 381 bits hold it); E3 sets the infinity flag on that
 * non-zero x; E2 clears the compression flag; E1 appends a byte.
 */
function pointEncoding(group: "G1" | "G2", validEnc: Uint8Array, broken: ReadonlySet<string>): Uint8Array {
  const xOf = (enc: Uint8Array): bigint => {
    const c = enc.slice(group === "G1" ? 0 : 48, group === "G1" ? 48 : 96);
    if (group === "G1") c[0]! &= 0x1f;
    return BigInt(`0x${hex(c)}`);
  };
  const base = broken.has("E5") ? specialPoint(group, "offCurve") : broken.has("E7") ? specialPoint(group, "offSubgroup") : validEnc;
  let enc: Uint8Array = base.slice();
  if (broken.has("E4")) {
    const flags = base[0]! & 0xe0;
    if (group === "G1") enc = compressedX([base === validEnc ? P : xOf(base) + P], flags);
    else enc = base === validEnc ? compressedX([P, xOf(validEnc)], flags) : compressedX([0n, xOf(base) + P], flags); // G2: c1 = p, or c0 + p (the special points have c1 = 0)
  }
  if (broken.has("E3")) enc[0]! |= 0x40;
  if (broken.has("E2")) enc[0]! &= 0x7f;
  if (broken.has("E1")) enc = Uint8Array.from([...enc, 0]);
  return enc;
}

/** decode_g1 / decode_g2's rule table walked (E1–E7): each rule alone and each pair at once. */
function pointRuleCases(group: "G1" | "G2", validEnc: Uint8Array): CaseSpec[] {
  const table = BLS_RULES.find((t) => t.operation === (group === "G1" ? "decode_g1" : "decode_g2"))!;
  const build = (broken: ReadonlySet<string>): JsonObject => ({ data: hex(pointEncoding(group, validEnc, broken)) });
  const single = table.rules.map((r) => invalid(`breaks ${r.id} alone: ${r.code}`, r.code, build(new Set([r.id])), ["RuleOrder"]));
  const pairs = pairwiseCases(table, (a, b) => build(new Set([a.id, b.id])), "RuleOrder").map((p) => ({ ...p, flags: ["RuleOrder", "PairwiseRules"] }));
  return [...single, ...pairs];
}

function decodeG1Cases(rng: Rng): CaseSpec[] {
  const [a] = signers(rng, 1);
  const out: CaseSpec[] = [
    valid("a KeyGen public key", { data: hex(a!.pk) }),
    valid("its negation (sign flag flipped)", { data: hex(flipSign(a!.pk)) }),
    valid("the generator P1", { data: hex(G1.BASE.toBytes(true)) }, ["Valid", "Boundary"]),
    valid("the identity, canonical 0xc0 ‖ 0…0", { data: hex(G1_INFINITY) }, ["Valid", "Infinity"]),
  ];
  for (const [c, code, b, f] of badG1(a!.pk)) out.push(invalid(c, code, { data: hex(b) }, f));
  out.push(...pointRuleCases("G1", a!.pk));
  return out;
}

function decodeG2Cases(rng: Rng): CaseSpec[] {
  const [a] = signers(rng, 1);
  const sig = sign(a!.sk, utf8("decode_g2"));
  const out: CaseSpec[] = [
    valid("a signature", { data: hex(sig) }),
    valid("its negation (sign flag flipped)", { data: hex(flipSign(sig)) }),
    valid("the generator P2", { data: hex(G2.BASE.toBytes(true)) }, ["Valid", "Boundary"]),
    valid("the identity, canonical 0xc0 ‖ 0…0", { data: hex(G2_INFINITY) }, ["Valid", "Infinity"]),
  ];
  for (const [c, code, b, f] of badG2(sig)) out.push(invalid(c, code, { data: hex(b) }, f));
  out.push(...pointRuleCases("G2", sig));
  return out;
}

function keyValidateCases(rng: Rng): CaseSpec[] {
  const [a] = signers(rng, 1);
  const out: CaseSpec[] = [
    valid("a KeyGen public key: true", { pk: hex(a!.pk) }),
    valid("the generator P1: true", { pk: hex(G1.BASE.toBytes(true)) }, ["Valid", "Boundary"]),
    valid("the identity: false", { pk: hex(G1_INFINITY) }, ["Infinity"]),
  ];
  for (const [c, , b, f] of badG1(a!.pk)) out.push(valid(`${c}: false`, { pk: hex(b) }, f));
  return out;
}

const MESSAGES = (rng: Rng): [string, Uint8Array, string[]][] => [
  ["32-byte message", rng.bytes(32), ["Valid"]],
  ["empty message", new Uint8Array(0), ["Valid", "Boundary"]],
  ["1-byte message", Uint8Array.of(0xab), ["Valid", "Boundary"]],
  ["1024-byte message", rng.bytes(1024), ["Valid", "Boundary"]],
];

function signCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng, 2);
  const out: CaseSpec[] = [];
  for (const [c, m, f] of MESSAGES(rng)) out.push(valid(`POP: ${c}`, { sk: hex(ss[0]!.sk), message: hex(m), ciphersuite: POP.id }, f));
  out.push(valid("POP: SK = 1", { sk: hex(SK_ONE), message: hex(utf8("abc")), ciphersuite: POP.id }, ["Valid", "Boundary"]));
  out.push(valid("POP: SK = r − 1", { sk: hex(SK_MAX), message: hex(utf8("abc")), ciphersuite: POP.id }, ["Valid", "Boundary"]));
  out.push(valid("basic: 32-byte message", { sk: hex(ss[1]!.sk), message: hex(rng.bytes(32)), ciphersuite: BASIC.id }, ["Valid", "Basic"]));
  out.push(valid("basic: empty message", { sk: hex(ss[1]!.sk), message: "", ciphersuite: BASIC.id }, ["Valid", "Basic", "Boundary"]));
  out.push(invalid("SK = 0", "INVALID_SECRET_KEY", { sk: hex(new Uint8Array(32)), message: "00", ciphersuite: POP.id }, ["ZeroKey"]));
  out.push(invalid("SK = r", "INVALID_SECRET_KEY", { sk: hex(i2osp(R, 32)), message: "00", ciphersuite: POP.id }, ["ZeroKey"]));
  out.push(invalid("SK of 31 bytes", "INVALID_LENGTH", { sk: hex(ss[0]!.sk.subarray(1)), message: "00", ciphersuite: POP.id }, ["WrongLength"]));
  return out;
}

function verifyCases(rng: Rng): CaseSpec[] {
  const [a, b] = signers(rng, 2);
  const m = rng.bytes(32);
  const sig = sign(a!.sk, m);
  const v = (comment: string, pk: Uint8Array, msg: Uint8Array, s: Uint8Array, flags: string[], suite = POP.id) => valid(comment, { pk: hex(pk), message: hex(msg), signature: hex(s), ciphersuite: suite }, flags);
  const out: CaseSpec[] = [];
  for (const [c, msg, f] of MESSAGES(rng)) out.push(v(`POP, ${c}: true`, a!.pk, msg, sign(a!.sk, msg), f));
  const bm = rng.bytes(32);
  out.push(v("basic, 32-byte message: true", b!.pk, bm, sign(b!.sk, bm, BASIC), ["Valid", "Basic"], BASIC.id));
  out.push(v("basic signature checked under POP: false", b!.pk, bm, sign(b!.sk, bm, BASIC), ["WrongDst"]));
  out.push(v("POP signature checked under basic: false", a!.pk, m, sig, ["WrongDst", "Basic"], BASIC.id));
  out.push(v("proof of possession used as a signature of the key bytes: false", a!.pk, a!.pk, popProve(a!.sk), ["WrongDst"]));
  out.push(v("another message: false", a!.pk, rng.bytes(32), sig, ["WrongMessage"]));
  out.push(v("message with one bit flipped: false", a!.pk, flipLastBit(m), sig, ["WrongMessage"]));
  out.push(v("another key: false", b!.pk, m, sig, ["WrongKey"]));
  out.push(v("negated signature (sign flag flipped): false", a!.pk, m, flipSign(sig), ["Tampered"]));
  out.push(v("signature with its last bit flipped: false", a!.pk, m, flipLastBit(sig), ["Tampered"]));
  out.push(v("identity signature: false", a!.pk, m, G2_INFINITY, ["Infinity"]));
  out.push(v("identity public key and identity signature: false", G1_INFINITY, m, G2_INFINITY, ["Infinity"]));
  for (const [c, , bad, f] of badG1(a!.pk)) out.push(v(`public key ${c}: false`, bad, m, sig, f));
  for (const [c, , bad, f] of badG2(sig)) out.push(v(`signature ${c}: false`, a!.pk, m, bad, f));
  return out;
}

function aggregateCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng, 5);
  const m = rng.bytes(32);
  const sigs = ss.map((s) => sign(s.sk, m));
  const a = (comment: string, list: Uint8Array[], flags: string[]) => valid(comment, { signatures: list.map(hex) }, flags);
  const bad = (comment: string, code: string, list: Uint8Array[], flags: string[]) => invalid(comment, code, { signatures: list.map(hex) }, flags);
  return [
    a("one signature: itself", sigs.slice(0, 1), ["Valid", "Boundary"]),
    a("two signatures", sigs.slice(0, 2), ["Valid"]),
    a("five signatures", sigs, ["Valid"]),
    a("five signatures in another order (same sum)", [...sigs].reverse(), ["Valid"]),
    a("a signature and the identity", [sigs[0]!, G2_INFINITY], ["Valid", "Infinity"]),
    a("a signature and its negation: the identity", [sigs[0]!, flipSign(sigs[0]!)], ["ZeroAggregate"]),
    bad("empty list", "EMPTY_AGGREGATE", [], ["EmptyList"]),
    bad("exactly MAX_AGGREGATE_SIZE signatures pass K7; the first is 95 bytes", "INVALID_LENGTH", [sigs[0]!.subarray(0, 95), ...Array<Uint8Array>(MAX_AGGREGATE_SIZE - 1).fill(sigs[0]!)], ["CostLimit", "Boundary", "WrongLength"]),
    bad("MAX_AGGREGATE_SIZE + 1 signatures, the last one not a point (the count is checked first)", "AGGREGATE_TOO_LARGE", [...Array<Uint8Array>(MAX_AGGREGATE_SIZE).fill(sigs[0]!), new Uint8Array(95)], ["CostLimit"]),
    ...badG2(sigs[1]!).map(([c, code, b, f]) => bad(`second signature: ${c}`, code, [sigs[0]!, b], f)),
  ];
}

function fastAggregateVerifyCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng, 5);
  const m = rng.bytes(32);
  const pks = ss.map((s) => s.pk);
  const sig = aggregate(ss.map((s) => sign(s.sk, m)));
  const f = (comment: string, keys: Uint8Array[], msg: Uint8Array, s: Uint8Array, flags: string[]) => valid(comment, { pks: keys.map(hex), message: hex(msg), signature: hex(s) }, flags);
  const single = sign(ss[0]!.sk, m);
  return [
    f("one signer: true", pks.slice(0, 1), m, single, ["Valid", "Boundary"]),
    f("three signers: true", pks.slice(0, 3), m, aggregate(ss.slice(0, 3).map((s) => sign(s.sk, m))), ["Valid"]),
    f("five signers: true", pks, m, sig, ["Valid"]),
    f("five signers, keys in another order: true", [...pks].reverse(), m, sig, ["Valid"]),
    f("empty message, two signers: true", pks.slice(0, 2), new Uint8Array(0), aggregate(ss.slice(0, 2).map((s) => sign(s.sk, new Uint8Array(0)))), ["Valid", "Boundary"]),
    f("a key missing: false", pks.slice(0, 4), m, sig, ["WrongKey"]),
    f("an extra key: false", [...pks, signers(rng, 1)[0]!.pk], m, sig, ["WrongKey"]),
    f("a key repeated in place of another: false", [pks[0]!, pks[0]!, pks[2]!, pks[3]!, pks[4]!], m, sig, ["WrongKey"]),
    f("another message: false", pks, rng.bytes(32), sig, ["WrongMessage"]),
    f("negated aggregate: false", pks, m, flipSign(sig), ["Tampered"]),
    f("empty key list, identity signature: false", [], m, G2_INFINITY, ["EmptyList", "Infinity"]),
    f("empty key list, a valid signature: false", [], m, single, ["EmptyList"]),
    f("an identity key among valid ones: false", [...pks, G1_INFINITY], m, sig, ["Infinity"]),
    f("a key and its negation with the identity signature: false", [pks[0]!, flipSign(pks[0]!)], m, G2_INFINITY, ["ZeroAggregate", "Infinity"]),
    f("a key and its negation with a valid (non-identity) signature: false", [pks[0]!, flipSign(pks[0]!)], m, single, ["ZeroAggregate"]),
    f("a key outside the subgroup: false", [...pks.slice(0, 4), compressedX([0n])], m, sig, ["NotInSubgroup"]),
    f("one key plus a cofactor-torsion point: false", [...pks.slice(0, 4), compressG1(decodeG1(pks[4]!).add(T1))], m, sig, ["NotInSubgroup", "Torsion"]),
    f("the aggregate plus a cofactor-torsion point: false", pks, m, compressG2(decodeG2(sig).add(T2)), ["NotInSubgroup", "Torsion"]),
    f("signature outside the subgroup: false", pks, m, specialPoint("G2", "offSubgroup"), ["NotInSubgroup"]),
    f("signature of 95 bytes: false", pks, m, sig.subarray(0, 95), ["WrongLength"]),
    f("exactly MAX_AGGREGATE_SIZE keys pass K7 (not raised); the first is the identity: false", [G1_INFINITY, ...Array<Uint8Array>(MAX_AGGREGATE_SIZE - 1).fill(pks[0]!)], m, sig, ["CostLimit", "Boundary", "Infinity"]),
    invalid("MAX_AGGREGATE_SIZE + 1 keys, the last one not a point: raised, not false", "AGGREGATE_TOO_LARGE", { pks: [...Array<Uint8Array>(MAX_AGGREGATE_SIZE).fill(pks[0]!), new Uint8Array(47)].map(hex), message: hex(m), signature: hex(sig) }, ["CostLimit"]),
  ];
}

function aggregateVerifyCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng, 3);
  const ms = ss.map(() => rng.bytes(32));
  const pks = ss.map((s) => s.pk);
  const agg = (suite = POP, msgs = ms) => aggregate(ss.map((s, i) => sign(s.sk, msgs[i]!, suite)));
  const sig = agg();
  const v = (comment: string, keys: Uint8Array[], msgs: Uint8Array[], s: Uint8Array, flags: string[], suite = POP.id) => valid(comment, { pks: keys.map(hex), messages: msgs.map(hex), signature: hex(s), ciphersuite: suite }, flags);
  const rep = [ms[0]!, ms[0]!, ms[2]!];
  return [
    v("POP, three keys, three messages: true", pks, ms, sig, ["Valid"]),
    v("POP, one key: true", pks.slice(0, 1), ms.slice(0, 1), sign(ss[0]!.sk, ms[0]!), ["Valid", "Boundary"]),
    v("POP, pairs in another order: true", [...pks].reverse(), [...ms].reverse(), sig, ["Valid"]),
    v("POP, a repeated message is allowed: true", pks, rep, agg(POP, rep), ["Valid", "RepeatedMessage"]),
    v("basic, distinct messages: true", pks, ms, agg(BASIC), ["Valid", "Basic"], BASIC.id),
    v("basic, a repeated message: false", pks, rep, agg(BASIC, rep), ["Basic", "RepeatedMessage"], BASIC.id),
    v("messages paired with the wrong keys: false", pks, [ms[1]!, ms[0]!, ms[2]!], sig, ["WrongMessage"]),
    v("a pair missing: false", pks.slice(0, 2), ms.slice(0, 2), sig, ["WrongKey"]),
    v("more keys than messages: false", pks, ms.slice(0, 2), sig, ["LengthMismatch"]),
    v("empty lists, identity signature: false", [], [], G2_INFINITY, ["EmptyList", "Infinity"]),
    v("negated aggregate: false", pks, ms, flipSign(sig), ["Tampered"]),
    v("an identity key: false", [pks[0]!, pks[1]!, G1_INFINITY], ms, sig, ["Infinity"]),
    v("signature outside the subgroup: false", pks, ms, specialPoint("G2", "offSubgroup"), ["NotInSubgroup"]),
    v("exactly MAX_BATCH_SIZE keys and messages pass K6 (not raised); the first key is the identity: false", [G1_INFINITY, ...Array<Uint8Array>(MAX_BATCH_SIZE - 1).fill(pks[0]!)], Array<Uint8Array>(MAX_BATCH_SIZE).fill(ms[0]!), sig, ["CostLimit", "Boundary", "Infinity"]),
    v("MAX_BATCH_SIZE keys and MAX_BATCH_SIZE − 1 messages pass K6: false", Array<Uint8Array>(MAX_BATCH_SIZE).fill(pks[0]!), Array<Uint8Array>(MAX_BATCH_SIZE - 1).fill(ms[0]!), sig, ["CostLimit", "Boundary", "LengthMismatch"]),
    invalid("MAX_BATCH_SIZE + 1 pairs, messages all equal under the basic scheme: raised before distinctness or decoding", "BATCH_TOO_LARGE", { pks: Array<string>(MAX_BATCH_SIZE + 1).fill(hex(pks[0]!)), messages: Array<string>(MAX_BATCH_SIZE + 1).fill(hex(ms[0]!)), signature: hex(sig), ciphersuite: BASIC.id }, ["CostLimit", "Basic"]),
    // G1 bounds the keys on their own: with one message the unequal lengths (G3, false) must not answer first
    invalid("MAX_BATCH_SIZE + 1 keys and one message: raised (G1 counts the keys alone), not the length mismatch's false", "BATCH_TOO_LARGE", { pks: Array<string>(MAX_BATCH_SIZE + 1).fill(hex(pks[0]!)), messages: [hex(ms[0]!)], signature: hex(sig), ciphersuite: POP.id }, ["CostLimit", "LengthMismatch"]),
  ];
}

function popProveCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = signers(rng, 2).map((s, k) => valid(`KeyGen key #${k + 1}`, { sk: hex(s.sk) }));
  out.push(valid("SK = 1", { sk: hex(SK_ONE) }, ["Valid", "Boundary"]));
  out.push(invalid("SK = 0", "INVALID_SECRET_KEY", { sk: hex(new Uint8Array(32)) }, ["ZeroKey"]));
  out.push(invalid("SK of 33 bytes", "INVALID_LENGTH", { sk: `01${hex(SK_ONE)}` }, ["WrongLength"]));
  return out;
}

function popVerifyCases(rng: Rng): CaseSpec[] {
  const [a, b] = signers(rng, 2);
  const proof = popProve(a!.sk);
  const v = (comment: string, pk: Uint8Array, p: Uint8Array, flags: string[]) => valid(comment, { pk: hex(pk), proof: hex(p) }, flags);
  return [
    v("a key's own proof: true", a!.pk, proof, ["Valid"]),
    v("SK = 1's proof for P1: true", skToPk(SK_ONE), popProve(SK_ONE), ["Valid", "Boundary"]),
    v("another key's proof: false", b!.pk, proof, ["WrongKey"]),
    v("a signature of the key bytes under the signing DST: false", a!.pk, sign(a!.sk, a!.pk), ["WrongDst"]),
    v("negated proof: false", a!.pk, flipSign(proof), ["Tampered"]),
    v("identity proof: false", a!.pk, G2_INFINITY, ["Infinity"]),
    v("identity key and identity proof: false", G1_INFINITY, G2_INFINITY, ["Infinity"]),
    v("key outside the subgroup: false", compressedX([0n]), proof, ["NotInSubgroup"]),
    v("proof of 95 bytes: false", a!.pk, proof.subarray(0, 95), ["WrongLength"]),
  ];
}

function batchVerifyCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng, 4);
  const ms = ss.map(() => rng.bytes(32));
  const pks = ss.map((s) => s.pk);
  const sigs = ss.map((s, i) => sign(s.sk, ms[i]!));
  const v = (comment: string, keys: Uint8Array[], msgs: Uint8Array[], s: Uint8Array[], flags: string[]) => valid(comment, { pks: keys.map(hex), messages: msgs.map(hex), signatures: s.map(hex) }, flags);
  const replace = <T>(xs: T[], i: number, x: T) => xs.map((y, j) => (j === i ? x : y));
  return [
    v("four valid triples: true", pks, ms, sigs, ["Valid"]),
    v("one triple: true", pks.slice(0, 1), ms.slice(0, 1), sigs.slice(0, 1), ["Valid", "Boundary"]),
    v("the same key and message twice: true", [pks[0]!, pks[0]!], [ms[0]!, ms[0]!], [sigs[0]!, sigs[0]!], ["Valid", "Boundary"]),
    v("one signature of another message: false", pks, ms, replace(sigs, 2, sign(ss[2]!.sk, rng.bytes(32))), ["Batch", "WrongMessage"]),
    v("one negated signature: false", pks, ms, replace(sigs, 3, flipSign(sigs[3]!)), ["Batch", "Tampered"]),
    v("two signatures swapped (their sum unchanged): false", pks, ms, [sigs[1]!, sigs[0]!, sigs[2]!, sigs[3]!], ["Batch", "SwappedSignatures"]),
    v("one identity signature: false", pks, ms, replace(sigs, 0, G2_INFINITY), ["Batch", "Infinity"]),
    v("one key outside the subgroup: false", replace(pks, 1, compressedX([0n])), ms, sigs, ["Batch", "NotInSubgroup"]),
    v("empty lists: false", [], [], [], ["EmptyList"]),
    v("fewer signatures than keys: false", pks, ms, sigs.slice(0, 3), ["LengthMismatch"]),
    v("fewer messages than keys: false", pks, ms.slice(0, 3), sigs, ["LengthMismatch"]),
    v("one message more than keys and signatures (the first four triples valid): false", pks, [...ms, rng.bytes(32)], sigs, ["LengthMismatch"]),
    v("exactly MAX_BATCH_SIZE keys pass K6 (not raised); one message fewer: false", padTo(pks, MAX_BATCH_SIZE, pks[0]!), padTo(ms, MAX_BATCH_SIZE - 1, ms[0]!), padTo(sigs, MAX_BATCH_SIZE, sigs[0]!), ["LengthMismatch", "CostLimit", "Boundary"]),
    invalid("MAX_BATCH_SIZE + 1 triples, the last key not a point", "BATCH_TOO_LARGE", { pks: [...Array<string>(MAX_BATCH_SIZE).fill(hex(pks[0]!)), "00"], messages: Array<string>(MAX_BATCH_SIZE + 1).fill(hex(ms[0]!)), signatures: Array<string>(MAX_BATCH_SIZE + 1).fill(hex(sigs[0]!)) }, ["CostLimit"]),
  ];
}

/** RFC 9380 Appendix J.10.1: the inputs of the BLS12381G2_XMD:SHA-256_SSWU_RO_ test vectors. */
const RFC9380_DST = "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_";
function hashToG2Cases(): CaseSpec[] {
  const msgs = ["", "abc", "abcdef0123456789", `q128_${"q".repeat(128)}`, `a512_${"a".repeat(512)}`];
  const out = msgs.map((m) => valid(`RFC 9380 J.10.1 msg "${m.length > 20 ? `${m.slice(0, 12)}…` : m}"`, { message: hex(utf8(m)), dst: hex(utf8(RFC9380_DST)) }, ["Valid", "RfcVector"]));
  out.push(valid("POP signing DST, message \"abc\"", { message: hex(utf8("abc")), dst: hex(utf8(POP.id)) }));
  out.push(valid("POP proof DST, message \"abc\"", { message: hex(utf8("abc")), dst: hex(utf8(POP.popDst!)) }));
  out.push(valid("basic DST, empty message", { message: "", dst: hex(utf8(BASIC.id)) }, ["Valid", "Basic"]));
  out.push(valid("a 300-byte DST (hashed to 32 bytes, RFC 9380 §5.3.3)", { message: hex(utf8("abc")), dst: hex(new Uint8Array(300).fill(0x41)) }, ["Valid", "Boundary"]));
  return out;
}

// ---- commit certificates ----

const COMMIT: Commit = { chainId: 7n, shard: 3n, height: 1000n, round: 0n, blockDigest: new Uint8Array(32).fill(0xbd) };

function commitMessageCases(rng: Rng): CaseSpec[] {
  const c = (comment: string, commit: Commit, flags: string[] = ["Valid"]) => valid(comment, { commit: commitToJson(commit) }, flags);
  const bad = (comment: string, commit: JsonObject, flags: string[]) => invalid(comment, "FIELD_OUT_OF_RANGE", { commit }, flags);
  const j = commitToJson(COMMIT);
  const U64_MAX = (1n << 64n) - 1n;
  return [
    c("a commit", COMMIT),
    c("a commit with a random digest", { ...COMMIT, blockDigest: rng.bytes(32) }),
    c("all fields zero", { chainId: 0n, shard: 0n, height: 0n, round: 0n, blockDigest: new Uint8Array(32) }, ["Valid", "Boundary"]),
    c("all fields at their maximum", { chainId: U64_MAX, shard: 0xffffffffn, height: U64_MAX, round: 0xffffffffn, blockDigest: new Uint8Array(32).fill(0xff) }, ["Valid", "Boundary"]),
    bad("chainId 2^64", { ...j, chainId: (1n << 64n).toString() }, ["Overflow"]),
    bad("shard 2^32", { ...j, shard: 2 ** 32 }, ["Overflow"]),
    bad("height 2^64", { ...j, height: (1n << 64n).toString() }, ["Overflow"]),
    bad("round 2^32", { ...j, round: 2 ** 32 }, ["Overflow"]),
    bad("digest of 31 bytes", { ...j, blockDigest: hex(COMMIT.blockDigest.subarray(1)) }, ["WrongLength"]),
    bad("digest of 33 bytes", { ...j, blockDigest: `${hex(COMMIT.blockDigest)}00` }, ["WrongLength"]),
  ];
}

/** `stakes.length` candidate members under one seed: their secret keys and wire members (keys, stakes, proofs). */
export function sampleCommittee(rng: Rng, stakes: bigint[]): { sks: Uint8Array[]; members: MemberInput[] } {
  const sks = stakes.map(() => keyGen(rng.bytes(32)));
  const members = sks.map((sk, i) => ({ publicKey: skToPk(sk), stake: stakes[i]!, proofOfPossession: popProve(sk) }));
  return { sks, members };
}

/** Members' commit signatures, each computed once per (key, commit) across all cases. */
const signatureCache = new Map<string, Uint8Array>();
function cachedSignCommit(sk: Uint8Array, commit: Commit): Uint8Array {
  const key = `${hex(sk)}/${hex(commitMessage(commit))}`;
  let sig = signatureCache.get(key);
  if (!sig) signatureCache.set(key, (sig = signCommit(sk, commit)));
  return sig;
}

/** The certificate of `commit` signed by the members at `indices`: their aggregate signature and bitfield. */
export function certify(c: { sks: Uint8Array[] }, commit: Commit, indices: number[]): Certificate {
  return { signature: aggregate(indices.map((i) => cachedSignCommit(c.sks[i]!, commit))), signers: encodeSigners(c.sks.length, indices) };
}

function verifyCertificateCases(rng: Rng): CaseSpec[] {
  const four = sampleCommittee(rng.fork("four"), [100n, 100n, 100n, 100n]);
  const three = sampleCommittee(rng.fork("three"), [2n, 2n, 2n]);
  const nine = sampleCommittee(rng.fork("nine"), [10n, 10n, 10n, 10n, 10n, 10n, 10n, 10n, 100n]);
  const one = sampleCommittee(rng.fork("one"), [1n]);
  const input = (members: MemberInput[], commit: Commit | JsonObject, cert: Certificate) => ({
    committee: members.map(memberToJson),
    commit: "blockDigest" in commit && commit.blockDigest instanceof Uint8Array ? commitToJson(commit as Commit) : (commit as JsonObject),
    certificate: certificateToJson(cert),
  });
  const cert4 = certify(four, COMMIT, [0, 1, 2, 3]);
  const cert3 = certify(four, COMMIT, [0, 1, 3]);
  const ok = (comment: string, members: MemberInput[], commit: Commit, cert: Certificate, flags: string[] = ["Valid"]) => valid(comment, input(members, commit, cert), flags);
  const bad = (comment: string, code: string, members: MemberInput[], commit: Commit | JsonObject, cert: Certificate, flags: string[]) => invalid(comment, code, input(members, commit, cert), flags);
  const m4 = four.members;
  const [rogueSk] = [keyGen(rng.bytes(32))];
  // rogue key: PK_rogue = a·P1 − PK_victim; its registrant knows a, not PK_rogue's secret
  const rogueKey = encodeG1(G1.BASE.multiply(BigInt(`0x${hex(rogueSk)}`) % R).subtract(G1.fromBytes(m4[0]!.publicKey)));
  const withMember = (i: number, patch: Partial<MemberInput>) => m4.map((m, j) => (j === i ? { ...m, ...patch } : m));
  // keys sk and r − sk: each has a valid proof of possession, their sum is the identity
  const zeroSk = keyGen(rng.bytes(32));
  const negSk = i2osp((R - BigInt(`0x${hex(zeroSk)}`)) % R, 32);
  const thirdSk = keyGen(rng.bytes(32));
  const zeroSum = { sks: [zeroSk, negSk, thirdSk], members: [zeroSk, negSk, thirdSk].map((sk, i) => ({ publicKey: skToPk(sk), stake: i < 2 ? 100n : 10n, proofOfPossession: popProve(sk) })) };
  return [
    ok("4 equal members, all sign", m4, COMMIT, cert4),
    ok("4 equal members, 3 sign (300 of 400 > 2/3)", m4, COMMIT, cert3),
    ok("1 member signs alone", one.members, COMMIT, certify(one, COMMIT, [0]), ["Valid", "Boundary"]),
    ok("9 members (2-byte bitfield), the heavy one and 4 others sign (140 of 180)", nine.members, COMMIT, certify(nine, COMMIT, [1, 3, 5, 7, 8]), ["Valid", "Boundary"]),
    bad("4 equal members, 2 sign (exactly 1/2)", "INSUFFICIENT_STAKE", m4, COMMIT, certify(four, COMMIT, [0, 1]), ["Stake"]),
    bad("3 equal members, 2 sign (exactly 2/3)", "INSUFFICIENT_STAKE", three.members, COMMIT, certify(three, COMMIT, [0, 2]), ["Stake", "Boundary"]),
    bad("9 members, the 8 light ones sign (80 of 180)", "INSUFFICIENT_STAKE", nine.members, COMMIT, certify(nine, COMMIT, [0, 1, 2, 3, 4, 5, 6, 7]), ["Stake"]),
    bad("empty signer set with the identity signature", "INSUFFICIENT_STAKE", m4, COMMIT, { signature: G2_INFINITY, signers: new Uint8Array(1) }, ["Stake", "Infinity"]),
    bad("bitfield of 2 bytes for 4 members", "BITFIELD_LENGTH_MISMATCH", m4, COMMIT, { ...cert4, signers: Uint8Array.of(0x0f, 0x00) }, ["Bitfield"]),
    bad("bitfield of 0 bytes for 4 members", "BITFIELD_LENGTH_MISMATCH", m4, COMMIT, { ...cert4, signers: new Uint8Array(0) }, ["Bitfield"]),
    bad("padding bit 4 set (4 members)", "NON_CANONICAL_BITFIELD", m4, COMMIT, { ...cert4, signers: Uint8Array.of(0x1f) }, ["Bitfield"]),
    bad("padding bit 7 set (4 members)", "NON_CANONICAL_BITFIELD", m4, COMMIT, { ...cert4, signers: Uint8Array.of(0x8f) }, ["Bitfield"]),
    bad("padding bit 15 set (9 members)", "NON_CANONICAL_BITFIELD", nine.members, COMMIT, { ...certify(nine, COMMIT, [0, 8]), signers: Uint8Array.of(0x01, 0x81) }, ["Bitfield"]),
    bad("bitfield names a member who did not sign", "SIGNATURE_MISMATCH", m4, COMMIT, { ...cert3, signers: encodeSigners(4, [0, 1, 2, 3]) }, ["Bitfield", "WrongKey"]),
    bad("bitfield omits a member who signed", "SIGNATURE_MISMATCH", m4, COMMIT, { ...cert4, signers: encodeSigners(4, [0, 1, 2]) }, ["Bitfield", "WrongKey"]),
    bad("signed for another height", "SIGNATURE_MISMATCH", m4, { ...COMMIT, height: 1001n }, cert4, ["WrongCommit"]),
    bad("signed for another round", "SIGNATURE_MISMATCH", m4, { ...COMMIT, round: 1n }, cert4, ["WrongCommit"]),
    bad("signed for another chain", "SIGNATURE_MISMATCH", m4, { ...COMMIT, chainId: 8n }, cert4, ["WrongCommit"]),
    bad("signed for another shard", "SIGNATURE_MISMATCH", m4, { ...COMMIT, shard: 4n }, cert4, ["WrongCommit"]),
    bad("signed for another block digest", "SIGNATURE_MISMATCH", m4, { ...COMMIT, blockDigest: flipLastBit(COMMIT.blockDigest) }, cert4, ["WrongCommit"]),
    bad("negated signature", "SIGNATURE_MISMATCH", m4, COMMIT, { ...cert4, signature: flipSign(cert4.signature) }, ["Tampered"]),
    bad("the signers' raw signature of the block digest (no domain separation)", "SIGNATURE_MISMATCH", m4, COMMIT, { ...cert4, signature: aggregate(four.sks.map((sk) => sign(sk, COMMIT.blockDigest))) }, ["WrongMessage"]),
    bad("identity signature", "IDENTITY_POINT", m4, COMMIT, { ...cert4, signature: G2_INFINITY }, ["Infinity"]),
    bad("signature outside the subgroup", "NOT_IN_SUBGROUP", m4, COMMIT, { ...cert4, signature: specialPoint("G2", "offSubgroup") }, ["NotInSubgroup"]),
    bad("signature of 95 bytes", "INVALID_LENGTH", m4, COMMIT, { ...cert4, signature: cert4.signature.subarray(0, 95) }, ["WrongLength"]),
    bad("commit height 2^64", "FIELD_OUT_OF_RANGE", m4, { ...commitToJson(COMMIT), height: (1n << 64n).toString() }, cert4, ["Overflow"]),
    bad("empty committee", "EMPTY_COMMITTEE", [], COMMIT, cert4, ["Committee", "EmptyList"]),
    bad("a member without a valid proof (another member's)", "INVALID_PROOF_OF_POSSESSION", withMember(2, { proofOfPossession: m4[1]!.proofOfPossession }), COMMIT, cert4, ["Committee"]),
    // M7 over proofs that do not decode (E1–E7 or the identity): the answer is M7's code, not the decoding code
    bad("a member's proof of 95 bytes: M7, not INVALID_LENGTH", "INVALID_PROOF_OF_POSSESSION", withMember(1, { proofOfPossession: m4[1]!.proofOfPossession.subarray(0, 95) }), COMMIT, cert4, ["Committee", "WrongLength"]),
    bad("a member's proof is the identity: M7, not IDENTITY_POINT", "INVALID_PROOF_OF_POSSESSION", withMember(2, { proofOfPossession: G2_INFINITY }), COMMIT, cert4, ["Committee", "Infinity"]),
    bad("a rogue key registered with the victim's proof", "INVALID_PROOF_OF_POSSESSION", [...m4, { publicKey: rogueKey, stake: 1000n, proofOfPossession: m4[0]!.proofOfPossession }], COMMIT, cert4, ["Committee", "RogueKey"]),
    bad("a rogue key registered with a proof under its registrant's key", "INVALID_PROOF_OF_POSSESSION", [...m4, { publicKey: rogueKey, stake: 1000n, proofOfPossession: popProve(rogueSk) }], COMMIT, cert4, ["Committee", "RogueKey"]),
    bad("a member's key repeated", "DUPLICATE_PUBLIC_KEY", [...m4.slice(0, 3), m4[0]!], COMMIT, cert4, ["Committee"]),
    bad("a member with zero stake", "ZERO_STAKE", withMember(1, { stake: 0n }), COMMIT, cert4, ["Committee", "Stake"]),
    bad("a member with stake 2^64", "STAKE_OVERFLOW", withMember(1, { stake: 1n << 64n }), COMMIT, cert4, ["Committee", "Overflow"]),
    bad("total stake 2^64 − 1 + 300", "STAKE_OVERFLOW", withMember(3, { stake: (1n << 64n) - 1n }), COMMIT, cert4, ["Committee", "Overflow"]),
    bad("a member with the identity key", "IDENTITY_POINT", withMember(3, { publicKey: G1_INFINITY }), COMMIT, cert4, ["Committee", "Infinity"]),
    bad("a member with a key outside the subgroup", "NOT_IN_SUBGROUP", withMember(3, { publicKey: compressedX([0n]) }), COMMIT, cert4, ["Committee", "NotInSubgroup"]),
    bad("a member's valid key plus a cofactor-torsion point", "NOT_IN_SUBGROUP", withMember(3, { publicKey: compressG1(decodeG1(m4[3]!.publicKey).add(T1)) }), COMMIT, cert4, ["Committee", "NotInSubgroup", "Torsion"]),
    bad("the valid aggregate signature plus a cofactor-torsion point (C5 before C6)", "NOT_IN_SUBGROUP", m4, COMMIT, { ...cert4, signature: compressG2(decodeG2(cert4.signature).add(T2)) }, ["NotInSubgroup", "Torsion"]),
    bad("two colluding members with keys sk and r − sk (summing to the identity) sign with one member's signature: C6", "SIGNATURE_MISMATCH", zeroSum.members, COMMIT, { signature: cachedSignCommit(zeroSum.sks[0]!, COMMIT), signers: encodeSigners(3, [0, 1]) }, ["ZeroAggregate", "WrongKey"]),
    bad("keys summing to the identity with a third signer's signature: C6", "SIGNATURE_MISMATCH", zeroSum.members, COMMIT, { signature: cachedSignCommit(zeroSum.sks[2]!, COMMIT), signers: encodeSigners(3, [0, 1]) }, ["ZeroAggregate", "WrongKey"]),
    bad("MAX_COMMITTEE_SIZE + 1 members, the same key each time (M2 before M3 and M5)", "COMMITTEE_TOO_LARGE", Array<MemberInput>(MAX_COMMITTEE_SIZE + 1).fill(m4[0]!), COMMIT, cert4, ["Committee", "CostLimit"]),
  ];
}

/** 126 further members (stake 1 each, valid keys and proofs), computed once: they take a committee past MAX_COMMITTEE_SIZE or to it. */
let fillerMembers: MemberInput[] | undefined;
function fillers(): MemberInput[] {
  return (fillerMembers ??= sampleCommittee(new Rng("pwo/bls/vectors/committee-fillers/v1"), Array<bigint>(MAX_COMMITTEE_SIZE - 2).fill(1n)).members);
}

/**
 * The committee half of the certificate tables (M1–M7): three members of stake 100, each rule
 * with one break, breaks composing (member 1 for M3 and M7, member 2 for M4 and M5, member 0 for
 * M6; M2 appends 126 distinct valid members of stake 1, so the three still hold a supermajority).
 */
function committeeFor(c: { members: MemberInput[] }, broken: ReadonlySet<string>): MemberInput[] {
  let members: MemberInput[] = c.members.map((m) => ({ ...m }));
  if (broken.has("M5")) members[2] = { ...members[0]! };
  if (broken.has("M3")) members[1] = { ...members[1]!, publicKey: G1_INFINITY };
  if (broken.has("M7")) members[1] = { ...members[1]!, proofOfPossession: c.members[0]!.proofOfPossession };
  if (broken.has("M4")) members[2] = { ...members[2]!, stake: 0n };
  if (broken.has("M6")) members[0] = { ...members[0]!, stake: (1n << 64n) - 1n };
  if (broken.has("M2")) members = [...members, ...fillers()];
  if (broken.has("M1")) members = [];
  return members;
}

/** The certificate half (C1–C6) over an n-member committee whose members 0–2 are `c`'s: all three sign `commit`. */
function certificateFor(c: { sks: Uint8Array[] }, n: number, commit: Commit, broken: ReadonlySet<string>): JsonObject {
  const other = { ...commit, height: commit.height + 1n };
  const commitJson = broken.has("C1") ? { ...commitToJson(commit), height: (1n << 64n).toString() } : commitToJson(commit);
  const bits = encodeSigners(n, broken.has("C4") ? [0] : [0, 1, 2]);
  if (broken.has("C3")) bits[n >> 3]! |= 1 << (n & 7); // the first padding bit (n is not a multiple of 8)
  const signers = broken.has("C2") ? Uint8Array.from([...bits, 0]) : bits;
  let signature = certify(c, broken.has("C6") ? other : commit, [0, 1, 2]).signature;
  if (broken.has("C5")) signature = plusT2(signature);
  return { commit: commitJson, certificate: certificateToJson({ signature, signers }) };
}

/**
 * verify_certificate's rule table walked (reference/bls/rules.ts): each rule alone, each pair at
 * once, over {@link committeeFor} and {@link certificateFor}.
 */
function certificateRuleCases(rng: Rng): CaseSpec[] {
  const c = sampleCommittee(rng.fork("rules"), [100n, 100n, 100n]);
  const build = (broken: ReadonlySet<string>): JsonObject => {
    const members = committeeFor(c, broken);
    return { committee: members.map(memberToJson), ...certificateFor(c, members.length || 3, COMMIT, broken) };
  };
  const odd = sampleCommittee(rng.fork("c4"), [100n, 100n, 101n]);
  const oddInput = (idx: number[]) => ({ committee: odd.members.map(memberToJson), commit: commitToJson(COMMIT), certificate: certificateToJson(certify(odd, COMMIT, idx)) });
  // stakes summing to exactly 2^64 − 1 (the largest total admitted) and 2^64 (the smallest refused)
  const U64_MAX = (1n << 64n) - 1n;
  const heavy = (total: bigint) => ({ ...build(new Set()), committee: c.members.map((m, i) => ({ ...m, stake: i === 0 ? total - 200n : 100n })).map(memberToJson) });
  const cap = [...c.members, ...fillers().slice(0, MAX_COMMITTEE_SIZE - 3)];
  const interleaved = [
    invalid("M4 is member by member: member 0's stake 2^64 comes before member 2's zero stake, so STAKE_OVERFLOW", "STAKE_OVERFLOW", { ...build(new Set()), committee: [{ ...c.members[0]!, stake: 1n << 64n }, c.members[1]!, { ...c.members[2]!, stake: 0n }].map(memberToJson) }, ["RuleOrder", "Stake", "Overflow"]),
    valid("C4 boundary: 201 of 301 signed, the smallest supermajority (3·201 = 603 > 602)", oddInput([0, 2]), ["Valid", "Stake", "Boundary"]),
    invalid("C4 boundary: 200 of 301 signed, the largest rejected (600 ≤ 602)", "INSUFFICIENT_STAKE", oddInput([0, 1]), ["Stake", "Boundary"]),
    valid("M6 boundary: total stake exactly 2^64 − 1 is admitted (member 0 holds 2^64 − 201, all sign)", heavy(U64_MAX), ["Valid", "Stake", "Boundary"]),
    invalid("M6 boundary: total stake exactly 2^64 is refused", "STAKE_OVERFLOW", heavy(1n << 64n), ["Committee", "Overflow", "Boundary"]),
    valid("M4 boundary: a member with stake 2^64 − 1 alone (the largest stake)", { committee: [{ ...c.members[0]!, stake: U64_MAX }].map(memberToJson), commit: commitToJson(COMMIT), certificate: certificateToJson(certify({ sks: c.sks.slice(0, 1) }, COMMIT, [0])) }, ["Valid", "Stake", "Boundary"]),
    invalid("M2 boundary: exactly MAX_COMMITTEE_SIZE members pass M2; member 0's identity key then fails M3", "IDENTITY_POINT", { ...build(new Set()), committee: [{ ...cap[0]!, publicKey: G1_INFINITY }, ...cap.slice(1)].map(memberToJson) }, ["Committee", "CostLimit", "Boundary", "Infinity"]),
    valid("M2 boundary: a valid committee of exactly MAX_COMMITTEE_SIZE members (3 of stake 100 sign, 125 of stake 1 do not)", { committee: cap.map(memberToJson), ...certificateFor(c, MAX_COMMITTEE_SIZE, COMMIT, new Set()) }, ["Valid", "CostLimit", "Boundary"]),
  ];
  return [...tableCases("verify_certificate", build), ...interleaved];
}

/**
 * batch_verify_certificates' rule table walked: the committee as in {@link certificateRuleCases}; two
 * certificates, the first broken by the C-rules, the second valid (of COMMIT one height up); X1
 * repeats the second to MAX_BATCH_SIZE + 1 certificates.
 */
function batchCertificateRuleCases(rng: Rng): CaseSpec[] {
  const c = sampleCommittee(rng.fork("rules"), [100n, 100n, 100n]);
  const second = { ...COMMIT, height: COMMIT.height + 2n };
  return tableCases("batch_verify_certificates", (broken) => {
    const members = committeeFor(c, broken);
    const n = members.length || 3;
    const good = certificateFor(c, n, second, new Set());
    let items = [certificateFor(c, n, COMMIT, broken), good];
    if (broken.has("X1")) items = padTo(items, MAX_BATCH_SIZE + 1, good);
    return { committee: members.map(memberToJson), items };
  });
}

function batchVerifyCertificatesCases(rng: Rng): CaseSpec[] {
  const four = sampleCommittee(rng.fork("four"), [100n, 100n, 100n, 100n]);
  const commits: Commit[] = [0, 1, 2, 3].map((k) => ({ ...COMMIT, height: COMMIT.height + BigInt(k), blockDigest: rng.bytes(32) }));
  const certs = commits.map((c, k) => certify(four, c, k % 2 ? [0, 1, 2, 3] : [1, 2, 3]));
  const item = (commit: Commit, cert: Certificate) => ({ commit: commitToJson(commit), certificate: certificateToJson(cert) });
  const b = (comment: string, items: JsonObject[], flags: string[]) => valid(comment, { committee: four.members.map(memberToJson), items }, flags);
  const good = commits.map((c, k) => item(c, certs[k]!));
  const replace = (i: number, x: JsonObject) => good.map((y, j) => (j === i ? x : y));
  // two certificates with the same signer set, signatures exchanged: Σ S_i is unchanged
  const sameSigners = [commits[0]!, commits[2]!].map((c) => certify(four, c, [1, 2, 3]));
  return [
    b("four valid certificates: true", good, ["Valid"]),
    b("one certificate: true", good.slice(0, 1), ["Valid", "Boundary"]),
    b("empty batch: true (nothing certified)", [], ["Valid", "EmptyList"]),
    b("one certificate of another digest: false", replace(2, item({ ...commits[2]!, blockDigest: flipLastBit(commits[2]!.blockDigest) }, certs[2]!)), ["Batch", "WrongCommit"]),
    b("one certificate with 2 of 4 signers: false", replace(1, item(commits[1]!, certify(four, commits[1]!, [0, 3]))), ["Batch", "Stake"]),
    b("one certificate with a padding bit set: false", replace(3, item(commits[3]!, { ...certs[3]!, signers: Uint8Array.of(0x2f) })), ["Batch", "Bitfield"]),
    b("one negated signature: false", replace(0, item(commits[0]!, { ...certs[0]!, signature: flipSign(certs[0]!.signature) })), ["Batch", "Tampered"]),
    b("two signatures swapped between certificates: false", [item(commits[0]!, { ...sameSigners[0]!, signature: sameSigners[1]!.signature }), item(commits[2]!, { ...sameSigners[1]!, signature: sameSigners[0]!.signature })], ["Batch", "SwappedSignatures"]),
    b("one identity signature: false", replace(1, item(commits[1]!, { ...certs[1]!, signature: G2_INFINITY })), ["Batch", "Infinity"]),
    b("one signature plus a cofactor-torsion point: false", replace(2, item(commits[2]!, { ...certs[2]!, signature: compressG2(decodeG2(certs[2]!.signature).add(T2)) })), ["Batch", "NotInSubgroup", "Torsion"]),
    b("exactly MAX_BATCH_SIZE certificates pass K6 (not raised); the first has a padding bit set: false", [item(commits[3]!, { ...certs[3]!, signers: Uint8Array.of(0x2f) }), ...Array<JsonObject>(MAX_BATCH_SIZE - 1).fill(good[0]!)], ["Batch", "CostLimit", "Boundary", "Bitfield"]),
    invalid("MAX_BATCH_SIZE + 1 certificates", "BATCH_TOO_LARGE", { committee: four.members.map(memberToJson), items: Array<JsonObject>(MAX_BATCH_SIZE + 1).fill(good[0]!) }, ["Batch", "CostLimit"]),
    ...zeroSumBatchCases(rng.fork("zeroSum")),
  ];
}

/**
 * batch_verify_certificates over a committee with keys sk and r − sk (each with its valid proof): a
 * certificate whose signers' keys sum to the identity answers false however it is signed (its C6
 * cannot hold for a non-identity signature), alone or next to a valid certificate of all three.
 */
function zeroSumBatchCases(rng: Rng): CaseSpec[] {
  const zeroSk = keyGen(rng.bytes(32));
  const sks = [zeroSk, i2osp(R - BigInt(`0x${hex(zeroSk)}`), 32), keyGen(rng.bytes(32))];
  const members = sks.map((sk, i) => ({ publicKey: skToPk(sk), stake: i < 2 ? 100n : 10n, proofOfPossession: popProve(sk) }));
  const c = { sks, members };
  const all = { commit: commitToJson(COMMIT), certificate: certificateToJson(certify(c, COMMIT, [0, 1, 2])) };
  const zero = (signer: number) => ({ commit: commitToJson(COMMIT), certificate: certificateToJson({ signature: cachedSignCommit(sks[signer]!, COMMIT), signers: encodeSigners(3, [0, 1]) }) });
  const b = (comment: string, items: JsonObject[], flags: string[]) => valid(comment, { committee: members.map(memberToJson), items }, flags);
  return [
    b("keys sk and r − sk and a third: the certificate of all three (its keys sum to the third's): true", [all], ["Valid", "ZeroAggregate"]),
    b("signers sk and r − sk (their keys sum to the identity) with one member's signature: false", [zero(0)], ["Batch", "ZeroAggregate", "WrongKey"]),
    b("a valid certificate, then one whose signers' keys sum to the identity, with the third's signature: false", [all, zero(2)], ["Batch", "ZeroAggregate", "WrongKey"]),
  ];
}

// ---- rule tables walked (reference/bls/rules.ts): each pair of rules broken at once ----

const ruleTable = (operation: string) => BLS_RULES.find((t) => t.operation === operation)!;
/** The pairwise cases of an operation's table, from `build(broken rule ids)`. */
function tablePairs(operation: string, build: (broken: ReadonlySet<string>) => JsonObject): CaseSpec[] {
  return pairwiseCases(ruleTable(operation), (a, b) => build(new Set([a.id, b.id])), "RuleOrder").map((p) => ({ ...p, flags: ["RuleOrder", "PairwiseRules"] }));
}
/** Each rule of the table broken alone (the intent is the rule's answer: its code, or `false`, an output). */
function tableSingles(operation: string, build: (broken: ReadonlySet<string>) => JsonObject, skip: readonly string[] = []): CaseSpec[] {
  return ruleTable(operation)
    .rules.filter((r) => !skip.includes(r.id))
    .map((r) => ({ comment: `breaks ${r.id} alone: ${r.answersFalse ? `false (${r.code})` : r.code}`, flags: ["RuleOrder"], input: build(new Set([r.id])), expect: r.answersFalse ? "valid" : r.code }));
}
const tableCases = (operation: string, build: (broken: ReadonlySet<string>) => JsonObject, skip: readonly string[] = []): CaseSpec[] => [...tableSingles(operation, build, skip), ...tablePairs(operation, build)];
/** `list` grown to `n` items by repeating `filler` in front (a cap broken by one item). */
const padTo = <T>(list: readonly T[], n: number, filler: T): T[] => [...Array<T>(Math.max(0, n - list.length)).fill(filler), ...list];
const plusT1 = (pk: Uint8Array) => compressG1(decodeG1(pk).add(T1));
const plusT2 = (sig: Uint8Array) => compressG2(decodeG2(sig).add(T2));
const negG1 = (pk: Uint8Array) => compressG1(decodeG1(pk).negate());

/** K2–K3 of sk_to_pk, sign and pop_prove: 31 bytes (K2), the zero key (K3), 31 zero bytes (both). */
function secretKeyRuleCases(operation: string, rng: Rng, extra: JsonObject = {}): CaseSpec[] {
  const [s] = signers(rng.fork("rules"), 1);
  return tableCases(operation, (b) => {
    let sk: Uint8Array = b.has("K3") ? new Uint8Array(32) : s!.sk;
    if (b.has("K2")) sk = sk.subarray(1);
    return { sk: hex(sk), ...extra };
  });
}

/** key_validate's table: decode_g1's E-rules, then K4 (not the identity), each answering false. */
function keyValidateRuleCases(rng: Rng): CaseSpec[] {
  const [a] = signers(rng.fork("rules"), 1);
  return tableCases("key_validate", (b) => {
    if (!b.has("K4")) return { pk: hex(pointEncoding("G1", a!.pk, b)) };
    let enc: Uint8Array = G1_INFINITY.slice(); // K4: the identity, whose x the E4–E7 checks never see
    if (b.has("E2")) enc[0]! &= 0x7f;
    if (b.has("E1")) enc = Uint8Array.from([...enc, 0]);
    return { pk: hex(enc) };
  });
}

/** verify / pop_verify: V1 the key plus torsion, V2 the signature plus torsion, V3 a signature of something else. */
function verifyRuleCases(rng: Rng): CaseSpec[] {
  const [a] = signers(rng.fork("rules"), 1);
  const m = rng.fork("rules/m").bytes(32);
  return tableCases("verify", (b) => {
    let sig = sign(a!.sk, b.has("V3") ? flipLastBit(m) : m);
    if (b.has("V2")) sig = plusT2(sig);
    return { pk: hex(b.has("V1") ? plusT1(a!.pk) : a!.pk), message: hex(m), signature: hex(sig), ciphersuite: POP.id };
  });
}

function popVerifyRuleCases(rng: Rng): CaseSpec[] {
  const [a, other] = signers(rng.fork("rules"), 2);
  return tableCases("pop_verify", (b) => {
    let proof = popProve((b.has("V3") ? other! : a!).sk);
    if (b.has("V2")) proof = plusT2(proof);
    return { pk: hex(b.has("V1") ? plusT1(a!.pk) : a!.pk), proof: hex(proof) };
  });
}

/** aggregate: A1 empty, A2 MAX_AGGREGATE_SIZE + 1 signatures, A3 the last signature plus torsion. */
function aggregateRuleCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng.fork("rules"), 2);
  const m = rng.fork("rules/m").bytes(32);
  const sigs = ss.map((s) => sign(s.sk, m));
  const build = (b: ReadonlySet<string>): JsonObject => {
    if (b.has("A1")) return { signatures: [] };
    let list = b.has("A3") ? [sigs[0]!, plusT2(sigs[1]!)] : sigs;
    if (b.has("A2")) list = padTo(list, MAX_AGGREGATE_SIZE + 1, sigs[0]!);
    return { signatures: list.map(hex) };
  };
  // A2 alone would repeat the existing at-the-cap-plus-one case; A1 alone is "empty list"
  return tableCases("aggregate", build, ["A1", "A2"]);
}

/** `count` valid keys summing to the identity: pairs (K, −K), and a triple (K, K′, −(K + K′)) when `count` is odd. */
function zeroSumFiller(pks: readonly Uint8Array[], count: number): Uint8Array[] {
  const triple = count % 2 ? [pks[1]!, pks[2]!, encodeG1(decodeG1(pks[1]!).add(decodeG1(pks[2]!)).negate())] : [];
  const pairs = (count - triple.length) / 2;
  return [...triple, ...Array.from({ length: pairs }, () => [pks[1]!, negG1(pks[1]!)]).flat()];
}

/**
 * fast_aggregate_verify: F1 MAX_AGGREGATE_SIZE + 1 keys, F2 no key (its sum is the identity, so F4
 * and F6 break with it), F3 a key plus torsion, F4 a key and its negation (with F3: both plus
 * torsion, still summing to the identity), F5 the signature plus torsion, F6 a signature of another message.
 */
function fastAggregateVerifyRuleCases(rng: Rng): CaseSpec[] {
  const ss = signers(rng.fork("rules"), 3);
  const m = rng.fork("rules/m").bytes(32);
  const pks = ss.map((s) => s.pk);
  return tableCases(
    "fast_aggregate_verify",
    (b) => {
      let keys: Uint8Array[];
      if (b.has("F2")) keys = [];
      else if (b.has("F4")) keys = b.has("F3") ? [plusT1(pks[0]!), compressG1(decodeG1(pks[0]!).add(T1).negate())] : [pks[0]!, negG1(pks[0]!)];
      else keys = b.has("F3") ? [pks[0]!, pks[1]!, plusT1(pks[2]!)] : pks;
      let sig = aggregate(ss.map((s) => sign(s.sk, b.has("F6") ? flipLastBit(m) : m)));
      if (b.has("F5")) sig = plusT2(sig);
      if (b.has("F1")) keys = [...zeroSumFiller(pks, MAX_AGGREGATE_SIZE + 1 - keys.length), ...keys];
      return { pks: keys.map(hex), message: hex(m), signature: hex(sig) };
    },
    ["F1"],
  );
}

/**
 * aggregate_verify: G1 129 pairs (with G2: 129 messages and no key), G2 no key, G3 one message more
 * than keys, G4 a repeated message in the basic scheme, G5 the signature plus torsion, G6 a key plus
 * torsion, G7 the aggregate of other messages' signatures. Breaking G2 together with G4 breaks G3 too.
 */
function aggregateVerifyRuleCases(rng: Rng): CaseSpec[] {
  const r = rng.fork("rules");
  const ss = signers(r, 3);
  const ms = ss.map(() => r.bytes(32));
  const extra = r.bytes(32);
  return tableCases("aggregate_verify", (b) => {
    const suite = b.has("G4") ? BASIC : POP;
    const msgs = b.has("G4") ? [ms[0]!, ms[0]!, ms[2]!] : ms;
    let sig = aggregate(ss.map((s, i) => sign(s.sk, b.has("G7") ? flipLastBit(msgs[i]!) : msgs[i]!, suite)));
    if (b.has("G5")) sig = plusT2(sig);
    let keys = ss.map((s, i) => (b.has("G6") && i === 2 ? plusT1(s.pk) : s.pk));
    let messages = b.has("G3") ? [...msgs, extra] : msgs;
    if (b.has("G2")) {
      keys = [];
      if (!b.has("G3") && !b.has("G4")) messages = [];
    }
    if (b.has("G1")) {
      keys = keys.length ? padTo(keys, MAX_BATCH_SIZE + 1, ss[0]!.pk) : keys;
      messages = padTo(messages, keys.length ? keys.length + (b.has("G3") ? 1 : 0) : MAX_BATCH_SIZE + 1, ms[1]!);
    }
    return { pks: keys.map(hex), messages: messages.map(hex), signature: hex(sig), ciphersuite: suite.id };
  });
}

/** batch_verify: B1 129 triples, B2 no triple, B3 one signature fewer, B4 item 1's signature plus torsion, B5 item 2 signed another message. */
function batchVerifyRuleCases(rng: Rng): CaseSpec[] {
  const r = rng.fork("rules");
  const ss = signers(r, 3);
  const ms = ss.map(() => r.bytes(32));
  return tableCases("batch_verify", (b) => {
    let pks = ss.map((s) => s.pk);
    let msgs = ms;
    let sigs = ss.map((s, i) => sign(s.sk, b.has("B5") && i === 2 ? flipLastBit(ms[i]!) : ms[i]!));
    if (b.has("B4")) sigs[1] = plusT2(sigs[1]!);
    if (b.has("B2")) [pks, msgs, sigs] = [[], [], b.has("B3") ? sigs.slice(0, 1) : []];
    else if (b.has("B3")) sigs = sigs.slice(0, -1);
    if (b.has("B1")) [pks, msgs, sigs] = [padTo(pks, MAX_BATCH_SIZE + 1, pks[0]!), padTo(msgs, MAX_BATCH_SIZE + 1, ms[0]!), padTo(sigs, MAX_BATCH_SIZE + (b.has("B3") ? 0 : 1), sigs[0]!)];
    return { pks: pks.map(hex), messages: msgs.map(hex), signatures: sigs.map(hex) };
  });
}

/** commit_message: each field one past its range (C1.1–C1.4) or a 31-byte digest (C1.5); every answer is FIELD_OUT_OF_RANGE. */
function commitMessageRuleCases(): CaseSpec[] {
  return tableCases("commit_message", (b) => {
    const j: JsonObject = { ...commitToJson(COMMIT) };
    if (b.has("C1.1")) j["chainId"] = (1n << 64n).toString();
    if (b.has("C1.2")) j["shard"] = 2 ** 32;
    if (b.has("C1.3")) j["height"] = (1n << 64n).toString();
    if (b.has("C1.4")) j["round"] = 2 ** 32;
    if (b.has("C1.5")) j["blockDigest"] = hex(COMMIT.blockDigest.subarray(1));
    return { commit: j };
  });
}

/** Every operation's cases, each under its own labelled seed. */
export function blsCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  const make = (name: string, f: (rng: Rng) => CaseSpec[]) => {
    const seed = `pwo/bls/vectors/${name}/v1`;
    return [name, { seed, cases: f(new Rng(seed)) }] as const;
  };
  return Object.fromEntries([
    make("key_gen", keyGenCases),
    make("sk_to_pk", (rng) => [...skToPkCases(rng), ...secretKeyRuleCases("sk_to_pk", rng)]),
    make("key_validate", (rng) => [...keyValidateCases(rng), ...keyValidateRuleCases(rng)]),
    make("decode_g1", decodeG1Cases),
    make("decode_g2", decodeG2Cases),
    make("hash_to_g2", hashToG2Cases),
    make("sign", (rng) => [...signCases(rng), ...secretKeyRuleCases("sign", rng, { message: "00", ciphersuite: POP.id })]),
    make("verify", (rng) => [...verifyCases(rng), ...verifyRuleCases(rng)]),
    make("aggregate", (rng) => [...aggregateCases(rng), ...aggregateRuleCases(rng)]),
    make("fast_aggregate_verify", (rng) => [...fastAggregateVerifyCases(rng), ...fastAggregateVerifyRuleCases(rng)]),
    make("aggregate_verify", (rng) => [...aggregateVerifyCases(rng), ...aggregateVerifyRuleCases(rng)]),
    make("pop_prove", (rng) => [...popProveCases(rng), ...secretKeyRuleCases("pop_prove", rng)]),
    make("pop_verify", (rng) => [...popVerifyCases(rng), ...popVerifyRuleCases(rng)]),
    make("batch_verify", (rng) => [...batchVerifyCases(rng), ...batchVerifyRuleCases(rng)]),
    make("commit_message", (rng) => [...commitMessageCases(rng), ...commitMessageRuleCases()]),
    make("verify_certificate", (rng) => [...verifyCertificateCases(rng), ...certificateRuleCases(rng)]),
    make("batch_verify_certificates", (rng) => [...batchVerifyCertificatesCases(rng), ...batchCertificateRuleCases(rng)]),
  ]);
}
