/**
 * The consensus suite's operations (spec/consensus.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { SpecError } from "../../reference/common/errors.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import {
  MAX_COMMITTEE_SIZE,
  MAX_ROUND,
  MAX_SCHEDULE_SPAN,
  checkCertificate,
  checkCommittee,
  checkHeader,
  checkHeaderFields,
  digestKey,
  encodeHeader,
  genesis,
  getScheme,
  headerDigest,
  isLeaderRound,
  leaderOf,
  initNode,
  orderDag,
  stepNode,
  voteMessage,
  type Committee,
  type Header,
} from "../../reference/consensus/index.js";
import { MAX_SIM_EVENTS } from "../../reference/consensus/constants.js";
import { fail } from "../../reference/consensus/errors.js";
import { BadInput, HEX_SCHEMA, UINT_SCHEMA, getArray, getHex, getInt, getObject, getString, hex, hexOfSize, objectSchema, type Json, type JsonObject, type Operation } from "../harness/operation.js";
import {
  CERTIFICATE_SCHEMA,
  COMMITTEE_SCHEMA,
  HEADER_SCHEMA,
  SCENARIO_SCHEMA,
  EVENT_SCHEMA,
  GC_DEPTH_SCHEMA,
  NODE_CONFIG_PROPERTIES,
  STEP_OUTPUT_SCHEMA,
  VREF_SCHEMA,
  asObject,
  eventFromJson,
  outputToJson,
  certificateFromJson,
  headerFromJson,
  intArray,
  intList,
  scenarioFromJson,
  vrefToJson,
} from "./sim/json.js";
import { runScenario } from "./sim/run.js";
import type { Scenario } from "./sim/scenario.js";

const SPEC = "spec/consensus.md";

/** A committee of stakes only (ordering and schedules need no keys). */
function stakesCommittee(o: JsonObject): Committee {
  const stakes = getArray(o, "stakes");
  if (stakes.length > MAX_COMMITTEE_SIZE) fail("INVALID_COMMITTEE", `${stakes.length} authorities`);
  const c = { authorities: intArray(o, "stakes").map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  checkCommittee(c);
  return c;
}

function committeeFromJson(o: JsonObject) {
  const name = getString(o, "scheme");
  // the schema admits only this version's scheme names, so an unknown one is BAD_INPUT before this runs
  const scheme = getScheme(name);
  if (!scheme) throw new BadInput(`scheme: unknown signature scheme ${JSON.stringify(name)}`);
  const list = getArray(o, "authorities");
  if (list.length > MAX_COMMITTEE_SIZE) fail("INVALID_COMMITTEE", `${list.length} authorities`);
  const committee: Committee = { authorities: list.map((a, i) => ((x) => ({ stake: getInt(x, "stake"), publicKey: getHex(x, "publicKey") }))(asObject(a, `authorities[${i}]`))) };
  checkCommittee(committee);
  return { scheme, committee };
}

/** Most certificates one `order_dag` request may deliver (a schema bound, BAD_INPUT). */
const MAX_ORDER_DAG_CERTIFICATES = 100_000;

/** Most events one `node_exchange` request may script (a schema bound, BAD_INPUT). */
export const MAX_EXCHANGE_EVENTS = 256;

/**
 * The `node_exchange` answer (spec/consensus.md §External nodes): the reference node of `init`'s
 * configuration, stepped through `events` in order; one step answer per event, in the wire format.
 */
function nodeExchange(i: JsonObject): JsonObject {
  const init = getObject(i, "init");
  const { scheme, committee } = committeeFromJson(getObject(init, "committee"));
  const authority = getInt(init, "authority");
  if (authority >= committee.authorities.length) fail("UNKNOWN_AUTHORITY", `authority ${authority} of a committee of ${committee.authorities.length}`);
  const secretKey = getHex(init, "secretKey");
  try {
    scheme.sign(secretKey, voteMessage(new Uint8Array(32)));
  } catch (e) {
    // e.g. a bls12381-pop-v1 key of zero or not below r: the node could never vote; the input is malformed
    if (e instanceof SpecError) throw new BadInput(`secretKey: not a ${scheme.name} secret key (${e.code})`);
    throw e;
  }
  const node = initNode({ committee, authority, scheme, secretKey, gcDepth: getInt(init, "gcDepth") });
  const events = getArray(i, "events").map((e, k) => eventFromJson(asObject(e, `events[${k}]`)));
  return { steps: events.map((e) => outputToJson(stepNode(node, e))) };
}

/** The `simulate` answer: the verdict and, per node running correct code, its commit sequence. */
export function simulate(sc: Scenario): JsonObject {
  let r;
  try {
    r = runScenario(sc, { maxEvents: MAX_SIM_EVENTS });
  } catch (e) {
    if (e instanceof RangeError) throw new BadInput(e.message);
    throw e;
  }
  const commits = Object.entries(r.sequences).map(([node, seq]) => ({
    node: Number(node),
    length: seq.length,
    sequenceDigest: toHex(sha256(fromHex(seq.join("")))),
    sequence: seq.map((k) => k.slice(0, 16)),
  }));
  return {
    verdict: r.violation ? r.violation.invariant : "safe",
    violation: r.violation ? { invariant: r.violation.invariant, node: r.violation.node, time: r.violation.time } : null,
    commits,
  };
}

const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "consensus", ...o });

export const CONSENSUS_OPERATIONS: readonly Operation[] = [
  op({
    name: "leader_schedule",
    summary: "the leader of every even round in [fromRound, toRound] for a committee's stakes",
    specSection: `${SPEC}#leader-schedule`,
    input: objectSchema({ stakes: intList, fromRound: UINT_SCHEMA, toRound: UINT_SCHEMA }),
    output: objectSchema({ leaders: { type: "array", items: objectSchema({ round: UINT_SCHEMA, leader: UINT_SCHEMA }) } }),
    run: (i) => {
      const c = stakesCommittee(i);
      const from = getInt(i, "fromRound");
      const to = getInt(i, "toRound");
      if (to > MAX_ROUND || from > to) fail("INVALID_ROUND", `rounds ${from}..${to}`);
      if (to - from > MAX_SCHEDULE_SPAN) fail("TOO_MANY_ENTRIES", `a span of ${to - from} rounds, at most ${MAX_SCHEDULE_SPAN}`);
      const leaders: Json[] = [];
      for (let r = from; r <= to; r++) if (isLeaderRound(r)) leaders.push({ round: r, leader: leaderOf(c, r) });
      return { leaders };
    },
  }),
  op({
    name: "header_digest",
    summary: "the canonical encoding and digest of a header, after its structural rules",
    specSection: `${SPEC}#header-encoding`,
    input: objectSchema({ stakes: intList, header: HEADER_SCHEMA }),
    output: objectSchema({ encoding: HEX_SCHEMA, digest: hexOfSize(32) }),
    run: (i) => {
      const c = stakesCommittee(i);
      const h = headerFromJson(getObject(i, "header"));
      checkHeaderFields(c, h);
      return { encoding: hex(encodeHeader(h)), digest: hex(headerDigest(h)) };
    },
  }),
  op({
    name: "check_header",
    summary: "check a header against the certificates the checker has (rules H1–H10); answers its digest",
    specSection: `${SPEC}#headers`,
    input: objectSchema({ stakes: intList, gcDepth: GC_DEPTH_SCHEMA, header: HEADER_SCHEMA, known: { type: "array", items: HEADER_SCHEMA } }),
    output: objectSchema({ digest: hexOfSize(32) }),
    run: (i) => {
      const c = stakesCommittee(i);
      const known = new Map<string, Header>();
      for (const g of genesis(c)) known.set(digestKey(headerDigest(g.header)), g.header);
      for (const [k, h] of getArray(i, "known").entries()) {
        const header = headerFromJson(asObject(h, `known[${k}]`));
        known.set(digestKey(headerDigest(header)), header);
      }
      return { digest: hex(checkHeader(c, headerFromJson(getObject(i, "header")), (d) => known.get(digestKey(d)), getInt(i, "gcDepth"))) };
    },
  }),
  op({
    name: "check_certificate",
    summary: "check a certificate's header fields, signers and aggregate signature (rules C1–C4); answers its digest",
    specSection: `${SPEC}#certificates`,
    input: objectSchema({ committee: COMMITTEE_SCHEMA, certificate: CERTIFICATE_SCHEMA }),
    output: objectSchema({ digest: hexOfSize(32) }),
    run: (i) => {
      const { scheme, committee } = committeeFromJson(getObject(i, "committee"));
      return { digest: hex(checkCertificate(committee, scheme, certificateFromJson(getObject(i, "certificate")))) };
    },
  }),
  op({
    name: "order_dag",
    summary: "the Bullshark commit sequence of a DAG of certificates delivered in the given order",
    specSection: `${SPEC}#ordering`,
    input: objectSchema({ stakes: intList, gcDepth: GC_DEPTH_SCHEMA, certificates: { type: "array", maxItems: MAX_ORDER_DAG_CERTIFICATES, items: HEADER_SCHEMA } }),
    output: objectSchema({ anchors: { type: "array", items: VREF_SCHEMA }, sequence: { type: "array", items: VREF_SCHEMA } }),
    run: (i) => {
      const c = stakesCommittee(i);
      const list = getArray(i, "certificates");
      const commits = orderDag(c, getInt(i, "gcDepth"), list.map((h, k) => headerFromJson(asObject(h, `certificates[${k}]`))));
      return { anchors: commits.map((s) => vrefToJson(s.anchor)), sequence: commits.flatMap((s) => s.vertices.map(vrefToJson)) };
    },
  }),
  op({
    name: "node_exchange",
    summary: "a scripted consensus-node exchange: the reference node's answer to each event, after init",
    specSection: `${SPEC}#scripted-exchanges`,
    input: objectSchema({ init: objectSchema(NODE_CONFIG_PROPERTIES), events: { type: "array", maxItems: MAX_EXCHANGE_EVENTS, items: EVENT_SCHEMA } }),
    output: objectSchema({ steps: { type: "array", items: STEP_OUTPUT_SCHEMA } }),
    run: nodeExchange,
  }),
  op({
    name: "simulate",
    summary: "run a scenario in the deterministic simulator; the safety verdict and every correct node's commit sequence",
    specSection: `${SPEC}#simulation`,
    input: objectSchema({ scenario: SCENARIO_SCHEMA }),
    output: objectSchema({
      verdict: { enum: ["safe", "agreement", "integrity", "validity", "liveness"] },
      violation: { anyOf: [{ type: "null" }, objectSchema({ invariant: { type: "string" }, node: UINT_SCHEMA, time: UINT_SCHEMA })] },
      commits: { type: "array", items: objectSchema({ node: UINT_SCHEMA, length: UINT_SCHEMA, sequenceDigest: hexOfSize(32), sequence: { type: "array", items: { type: "string", pattern: "^[0-9a-f]{16}$" } } }) },
    }),
    run: (i) => simulate(scenarioFromJson(getObject(i, "scenario"))),
  }),
];

