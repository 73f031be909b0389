/**
 * The bls suite's operations (spec/bls.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import {
  BASIC,
  CIPHERSUITES,
  POP,
  aggregate,
  aggregateVerify,
  batchVerify,
  batchVerifyCertificates,
  commitMessage,
  decodeG1,
  decodeG2,
  encodeG2,
  encodeUncompressed,
  fastAggregateVerify,
  hashToG2,
  keyGen,
  keyValidate,
  makeCommittee,
  popProve,
  popVerify,
  sign,
  skToPk,
  verify,
  verifyCertificate,
  type Certificate,
  type Ciphersuite,
  type Commit,
  type Committee,
  type MemberInput,
} from "../../reference/bls/index.js";
import {
  BadInput,
  DECIMAL_SCHEMA,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getDecimal,
  getHex,
  getHexArray,
  getInt,
  getObject,
  getString,
  hex,
  hexOfSize,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
  type Operation,
} from "../harness/operation.js";

const SPEC = "spec/bls.md";
const CIPHERSUITE_IDS = CIPHERSUITES.map((c) => c.id);
const ciphersuiteSchema: JsonSchema = { enum: CIPHERSUITE_IDS };
const hexList: JsonSchema = { type: "array", items: HEX_SCHEMA };
const VALID_SCHEMA = objectSchema({ valid: { type: "boolean" } });

function getCiphersuite(o: JsonObject): Ciphersuite {
  const id = getString(o, "ciphersuite", CIPHERSUITE_IDS);
  return id === POP.id ? POP : BASIC;
}

function asObject(v: Json, what: string): JsonObject {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${what}: expected an object`);
  return v;
}

// ---- JSON forms of committees, commits and certificates ----

export const memberSchema = objectSchema({ publicKey: HEX_SCHEMA, stake: DECIMAL_SCHEMA, proofOfPossession: HEX_SCHEMA });
export const commitSchema = objectSchema({ chainId: DECIMAL_SCHEMA, shard: UINT_SCHEMA, height: DECIMAL_SCHEMA, round: UINT_SCHEMA, blockDigest: HEX_SCHEMA });
export const certificateSchema = objectSchema({ signature: HEX_SCHEMA, signers: HEX_SCHEMA });

export const memberToJson = (m: MemberInput): JsonObject => ({ publicKey: hex(m.publicKey), stake: m.stake.toString(), proofOfPossession: hex(m.proofOfPossession) });
export const memberFromJson = (o: JsonObject): MemberInput => ({ publicKey: getHex(o, "publicKey"), stake: getDecimal(o, "stake"), proofOfPossession: getHex(o, "proofOfPossession") });

export const commitToJson = (c: Commit): JsonObject => ({ chainId: c.chainId.toString(), shard: Number(c.shard), height: c.height.toString(), round: Number(c.round), blockDigest: hex(c.blockDigest) });
export const commitFromJson = (o: JsonObject): Commit => ({
  chainId: getDecimal(o, "chainId"),
  shard: BigInt(getInt(o, "shard")),
  height: getDecimal(o, "height"),
  round: BigInt(getInt(o, "round")),
  blockDigest: getHex(o, "blockDigest"),
});

export const certificateToJson = (c: Certificate): JsonObject => ({ signature: hex(c.signature), signers: hex(c.signers) });
export const certificateFromJson = (o: JsonObject): Certificate => ({ signature: getHex(o, "signature"), signers: getHex(o, "signers") });

/**
 * Admitted committees by their exact JSON, so that a server answering many certificate requests over
 * one committee checks its proofs of possession once (as a node does once per epoch). Only
 * successful admissions are kept; at most {@link COMMITTEE_CACHE_SIZE}, oldest evicted first.
 */
const committeeCache = new Map<string, Committee>();
const COMMITTEE_CACHE_SIZE = 32;
/**
 * Off in a mutation run (conformance/harness/mutation/): every mutant must admit its committees
 * itself, or a committee admitted before the mutant was switched on would hide it.
 */
const CACHE_COMMITTEES = process.env["PWO_MUTATION_SUITE"] === undefined;

function committeeFromJson(i: JsonObject): Committee {
  const members = getArray(i, "committee");
  const key = JSON.stringify(members);
  const hit = CACHE_COMMITTEES ? committeeCache.get(key) : undefined;
  if (hit) return hit;
  const committee = makeCommittee(members.map((m, k) => memberFromJson(asObject(m, `committee[${k}]`))));
  if (committeeCache.size >= COMMITTEE_CACHE_SIZE) committeeCache.delete(committeeCache.keys().next().value!);
  committeeCache.set(key, committee);
  return committee;
}

const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "bls", ...o });

export const BLS_OPERATIONS: readonly Operation[] = [
  op({
    name: "key_gen",
    summary: "KeyGen(IKM, key_info): the secret key derived from key material by HKDF-SHA-256",
    specSection: `${SPEC}#keys`,
    input: objectSchema({ ikm: HEX_SCHEMA, keyInfo: HEX_SCHEMA }),
    output: objectSchema({ sk: hexOfSize(32) }),
    run: (i) => ({ sk: hex(keyGen(getHex(i, "ikm"), getHex(i, "keyInfo"))) }),
  }),
  op({
    name: "sk_to_pk",
    summary: "SkToPk(SK): the compressed G1 public key of a secret key",
    specSection: `${SPEC}#keys`,
    input: objectSchema({ sk: HEX_SCHEMA }),
    output: objectSchema({ pk: hexOfSize(48) }),
    run: (i) => ({ pk: hex(skToPk(getHex(i, "sk"))) }),
  }),
  op({
    name: "key_validate",
    summary: "KeyValidate(PK): the key decodes, is in the subgroup and is not the identity",
    specSection: `${SPEC}#keys`,
    input: objectSchema({ pk: HEX_SCHEMA }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: keyValidate(getHex(i, "pk")) }),
  }),
  op({
    name: "decode_g1",
    summary: "decode a compressed G1 point (subgroup-checked) and answer its uncompressed encoding",
    specSection: `${SPEC}#point-encodings`,
    input: objectSchema({ data: HEX_SCHEMA }),
    output: objectSchema({ uncompressed: hexOfSize(96) }),
    run: (i) => ({ uncompressed: hex(encodeUncompressed(decodeG1(getHex(i, "data")))) }),
  }),
  op({
    name: "decode_g2",
    summary: "decode a compressed G2 point (subgroup-checked) and answer its uncompressed encoding",
    specSection: `${SPEC}#point-encodings`,
    input: objectSchema({ data: HEX_SCHEMA }),
    output: objectSchema({ uncompressed: hexOfSize(192) }),
    run: (i) => ({ uncompressed: hex(encodeUncompressed(decodeG2(getHex(i, "data")))) }),
  }),
  op({
    name: "hash_to_g2",
    summary: "hash_to_curve of RFC 9380 (BLS12381G2_XMD:SHA-256_SSWU_RO_) with a given DST, compressed",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ message: HEX_SCHEMA, dst: HEX_SCHEMA }),
    output: objectSchema({ point: hexOfSize(96) }),
    run: (i) => {
      const dst = getHex(i, "dst");
      if (dst.length === 0) throw new BadInput("dst: RFC 9380 §3.1 requires a non-empty tag");
      return { point: hex(encodeG2(hashToG2(getHex(i, "message"), dst))) };
    },
  }),
  op({
    name: "sign",
    summary: "Sign(SK, message) in the given ciphersuite",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ sk: HEX_SCHEMA, message: HEX_SCHEMA, ciphersuite: ciphersuiteSchema }),
    output: objectSchema({ signature: hexOfSize(96) }),
    run: (i) => ({ signature: hex(sign(getHex(i, "sk"), getHex(i, "message"), getCiphersuite(i))) }),
  }),
  op({
    name: "verify",
    summary: "Verify(PK, message, signature) in the given ciphersuite; false on any invalid input",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ pk: HEX_SCHEMA, message: HEX_SCHEMA, signature: HEX_SCHEMA, ciphersuite: ciphersuiteSchema }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: verify(getHex(i, "pk"), getHex(i, "message"), getHex(i, "signature"), getCiphersuite(i)) }),
  }),
  op({
    name: "aggregate",
    summary: "Aggregate(signatures): the sum of subgroup-checked G2 signatures",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ signatures: hexList }),
    output: objectSchema({ signature: hexOfSize(96) }),
    run: (i) => ({ signature: hex(aggregate(getHexArray(i, "signatures"))) }),
  }),
  op({
    name: "fast_aggregate_verify",
    summary: "FastAggregateVerify(PKs, message, signature) in the POP ciphersuite; false on any invalid input",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ pks: hexList, message: HEX_SCHEMA, signature: HEX_SCHEMA }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: fastAggregateVerify(getHexArray(i, "pks"), getHex(i, "message"), getHex(i, "signature")) }),
  }),
  op({
    name: "aggregate_verify",
    summary: "AggregateVerify(PKs, messages, signature) in the given ciphersuite; false on any invalid input",
    specSection: `${SPEC}#signatures`,
    input: objectSchema({ pks: hexList, messages: hexList, signature: HEX_SCHEMA, ciphersuite: ciphersuiteSchema }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: aggregateVerify(getHexArray(i, "pks"), getHexArray(i, "messages"), getHex(i, "signature"), getCiphersuite(i)) }),
  }),
  op({
    name: "pop_prove",
    summary: "PopProve(SK): the proof of possession of SK's public key",
    specSection: `${SPEC}#proofs-of-possession`,
    input: objectSchema({ sk: HEX_SCHEMA }),
    output: objectSchema({ proof: hexOfSize(96) }),
    run: (i) => ({ proof: hex(popProve(getHex(i, "sk"))) }),
  }),
  op({
    name: "pop_verify",
    summary: "PopVerify(PK, proof); false on any invalid input",
    specSection: `${SPEC}#proofs-of-possession`,
    input: objectSchema({ pk: HEX_SCHEMA, proof: HEX_SCHEMA }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: popVerify(getHex(i, "pk"), getHex(i, "proof")) }),
  }),
  op({
    name: "batch_verify",
    summary: "verify n (PK, message, signature) triples at once by random linear combination; false unless all verify",
    specSection: `${SPEC}#batch-verification`,
    input: objectSchema({ pks: hexList, messages: hexList, signatures: hexList }),
    output: VALID_SCHEMA,
    run: (i) => ({ valid: batchVerify(getHexArray(i, "pks"), getHexArray(i, "messages"), getHexArray(i, "signatures")) }),
  }),
  op({
    name: "commit_message",
    summary: "the domain-separated message a committee signs for a commit",
    specSection: `${SPEC}#commit-messages`,
    input: objectSchema({ commit: commitSchema }),
    output: objectSchema({ message: hexOfSize(73) }),
    run: (i) => ({ message: hex(commitMessage(commitFromJson(getObject(i, "commit")))) }),
  }),
  op({
    name: "verify_certificate",
    summary: "admit a committee, then verify a commit certificate against it; answers the signers and their stake",
    specSection: `${SPEC}#certificates`,
    input: objectSchema({ committee: { type: "array", items: memberSchema }, commit: commitSchema, certificate: certificateSchema }),
    output: objectSchema({ signers: { type: "array", items: UINT_SCHEMA }, signedStake: DECIMAL_SCHEMA }),
    run: (i) => {
      const committee = committeeFromJson(i);
      const v = verifyCertificate(committee, commitFromJson(getObject(i, "commit")), certificateFromJson(getObject(i, "certificate")));
      return { signers: v.signers, signedStake: v.signedStake.toString() };
    },
  }),
  op({
    name: "batch_verify_certificates",
    summary: "admit a committee, then verify many certificates against it at once; true iff all are valid",
    specSection: `${SPEC}#batch-verification`,
    input: objectSchema({ committee: { type: "array", items: memberSchema }, items: { type: "array", items: objectSchema({ commit: commitSchema, certificate: certificateSchema }) } }),
    output: VALID_SCHEMA,
    run: (i) => {
      const committee = committeeFromJson(i);
      const items = getArray(i, "items").map((it, k) => {
        const o = asObject(it, `items[${k}]`);
        return { committee, commit: commitFromJson(getObject(o, "commit")), certificate: certificateFromJson(getObject(o, "certificate")) };
      });
      return { valid: batchVerifyCertificates(items) };
    },
  }),
];
