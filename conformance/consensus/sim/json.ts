/**
 * The JSON forms of consensus values (spec/consensus.md §Conformance operations): headers,
 * certificates, vertex references, committees and scenarios. The operations, the external-node wire
 * format and the campaign traces all use these.
 * @module
 */
import { fromHex } from "../../../reference/common/hex.js";
import {
  type Certificate,
  type CommittedSubDag,
  type Committee,
  type Header,
  type Message,
  type NodeEvent,
  type Outbound,
  type StepOutput,
  type VertexRef,
} from "../../../reference/consensus/index.js";
import {
  BadInput,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getHex,
  getInt,
  getObject,
  getString,
  hex,
  hexOfSize,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
} from "../../harness/operation.js";
import { MUTANT_NAMES, type RulesName } from "./mutants.js";
import { BEHAVIOURS, type Scenario } from "./scenario.js";

export const hexList = { type: "array", items: HEX_SCHEMA } as const;
export const intList = { type: "array", items: UINT_SCHEMA } as const;

export const HEADER_SCHEMA = objectSchema({ author: UINT_SCHEMA, round: UINT_SCHEMA, payload: hexList, parents: hexList });
export const CERTIFICATE_SCHEMA = objectSchema({ header: HEADER_SCHEMA, signers: intList, signature: HEX_SCHEMA });
/** A committee with keys; `scheme` names one of this version's schemes (any other name is BAD_INPUT). */
export const COMMITTEE_SCHEMA = objectSchema({ scheme: { enum: ["sim-hash-v1", "bls12381-pop-v1"] }, authorities: { type: "array", items: objectSchema({ stake: UINT_SCHEMA, publicKey: HEX_SCHEMA }) } });
export const VREF_SCHEMA = objectSchema({ round: UINT_SCHEMA, author: UINT_SCHEMA, digest: hexOfSize(32) });
/** gcDepth ≥ 2 is a schema bound: BAD_INPUT before any rule. */
export const GC_DEPTH_SCHEMA = { type: "integer", minimum: 2 } as const;

// ---- the consensus-node wire format (spec/consensus.md §Wire format) ----

const kindOf = (kind: string, rest: Record<string, JsonSchema> = {}) => objectSchema({ kind: { const: kind }, ...rest });
const typeOf = (type: string, rest: Record<string, JsonSchema>) => objectSchema({ type: { const: type }, ...rest });
export const VOTE_SCHEMA = objectSchema({ headerDigest: HEX_SCHEMA, author: UINT_SCHEMA, round: UINT_SCHEMA, voter: UINT_SCHEMA, signature: HEX_SCHEMA });
/** A message between nodes: header, vote, certificate or request (digests hex; sizes are the node's rules, not the schema's). */
export const MESSAGE_SCHEMA = {
  oneOf: [typeOf("header", { header: HEADER_SCHEMA }), typeOf("vote", { vote: VOTE_SCHEMA }), typeOf("certificate", { certificate: CERTIFICATE_SCHEMA }), typeOf("request", { digests: hexList })],
} as const;
/** An event for a node; `from` is the sender's authority. */
export const EVENT_SCHEMA = {
  oneOf: [kindOf("start"), kindOf("batch", { digest: hexOfSize(32) }), kindOf("timeout", { round: UINT_SCHEMA }), kindOf("message", { from: UINT_SCHEMA, message: MESSAGE_SCHEMA })],
} as const;
/** A step's answer: messages in send order (`to` an authority or "all"), commits in commit order, timer rounds. */
export const STEP_OUTPUT_SCHEMA = objectSchema({
  messages: { type: "array", items: objectSchema({ to: { anyOf: [UINT_SCHEMA, { const: "all" }] }, message: MESSAGE_SCHEMA }) },
  commits: { type: "array", items: objectSchema({ anchor: VREF_SCHEMA, vertices: { type: "array", items: VREF_SCHEMA } }) },
  timers: intList,
});
/** `init` without its `node` id: the node's configuration. */
export const NODE_CONFIG_PROPERTIES = { committee: COMMITTEE_SCHEMA, authority: UINT_SCHEMA, secretKey: HEX_SCHEMA, gcDepth: GC_DEPTH_SCHEMA } as const;
const NODE_ID_SCHEMA = { type: "string" } as const;

/** The JSON Schemas of the `consensus-node` requests' inputs and answers' outputs, by file name (vectors/schemas/consensus/<name>.schema.json). */
export const CONSENSUS_NODE_SCHEMAS: Record<string, { title: string; schema: JsonSchema }> = {
  "consensus-node.init-input": { title: "consensus-node/init: the request's input", schema: objectSchema({ node: NODE_ID_SCHEMA, ...NODE_CONFIG_PROPERTIES }) },
  "consensus-node.init-output": { title: "consensus-node/init: the answer's output", schema: objectSchema({}) },
  "consensus-node.step-input": { title: "consensus-node/step: the request's input", schema: objectSchema({ node: NODE_ID_SCHEMA, event: EVENT_SCHEMA }) },
  "consensus-node.step-output": { title: "consensus-node/step: the answer's output", schema: STEP_OUTPUT_SCHEMA },
};

export const asObject = (v: Json, what: string): JsonObject => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${what}: expected an object`);
  return v;
};
export const intArray = (o: JsonObject, key: string): number[] => getArray(o, key).map((_, i, a) => getInt({ [`${key}[${i}]`]: a[i] as Json }, `${key}[${i}]`));
export const hexArray = (o: JsonObject, key: string): Uint8Array[] => getArray(o, key).map((_, i, a) => getHex({ [`${key}[${i}]`]: a[i] as Json }, `${key}[${i}]`));

export const headerToJson = (h: Header): JsonObject => ({ author: h.author, round: h.round, payload: h.payload.map(hex), parents: h.parents.map(hex) });
export const headerFromJson = (o: JsonObject): Header => ({ author: getInt(o, "author"), round: getInt(o, "round"), payload: hexArray(o, "payload"), parents: hexArray(o, "parents") });
export const certificateToJson = (c: Certificate): JsonObject => ({ header: headerToJson(c.header), signers: [...c.signers], signature: hex(c.signature) });
export const certificateFromJson = (o: JsonObject): Certificate => ({ header: headerFromJson(getObject(o, "header")), signers: intArray(o, "signers"), signature: getHex(o, "signature") });
export const vrefToJson = (v: VertexRef): JsonObject => ({ round: v.round, author: v.author, digest: hex(v.digest) });

export function committeeToJson(scheme: string, c: Committee): JsonObject {
  return { scheme, authorities: c.authorities.map((a) => ({ stake: a.stake, publicKey: hex(a.publicKey) })) };
}
export const SCENARIO_SCHEMA = objectSchema({
  stakes: intList,
  nodes: { type: "array", items: objectSchema({ authority: UINT_SCHEMA, behaviour: { enum: [...BEHAVIOURS] }, crashAt: UINT_SCHEMA }, ["authority", "behaviour"]) },
  rules: { enum: ["reference", ...MUTANT_NAMES] },
  gst: UINT_SCHEMA,
  delta: UINT_SCHEMA,
  timeout: UINT_SCHEMA,
  until: UINT_SCHEMA,
  gcDepth: UINT_SCHEMA,
  partitions: { type: "array", items: objectSchema({ from: UINT_SCHEMA, until: UINT_SCHEMA, groups: { type: "array", items: intList } }) },
  delays: intList,
  slow: intList,
  slowBy: UINT_SCHEMA,
});

/** Scenario limits of the `simulate` operation, so a request stays small. */
export const SCENARIO_LIMITS = { nodes: 32, until: 5000, delays: 10_000, partitions: 16 } as const;

export function scenarioFromJson(o: JsonObject): Scenario {
  const nodes = getArray(o, "nodes").map((n, i) => {
    const x = asObject(n, `nodes[${i}]`);
    return { authority: getInt(x, "authority"), behaviour: getString(x, "behaviour", BEHAVIOURS), ...("crashAt" in x ? { crashAt: getInt(x, "crashAt") } : {}) };
  });
  const sc: Scenario = {
    stakes: intArray(o, "stakes"),
    nodes,
    rules: getString<RulesName>(o, "rules", ["reference", ...MUTANT_NAMES]),
    gst: getInt(o, "gst"),
    delta: getInt(o, "delta"),
    timeout: getInt(o, "timeout"),
    until: getInt(o, "until"),
    gcDepth: getInt(o, "gcDepth"),
    partitions: getArray(o, "partitions").map((p, i) => {
      const x = asObject(p, `partitions[${i}]`);
      return { from: getInt(x, "from"), until: getInt(x, "until"), groups: getArray(x, "groups").map((g, j) => intArray({ [`groups[${j}]`]: g }, `groups[${j}]`)) };
    }),
    delays: intArray(o, "delays"),
    slow: intArray(o, "slow"),
    slowBy: getInt(o, "slowBy"),
  };
  if (sc.nodes.length > SCENARIO_LIMITS.nodes || sc.stakes.length > SCENARIO_LIMITS.nodes || sc.until > SCENARIO_LIMITS.until || sc.delays.length > SCENARIO_LIMITS.delays || sc.partitions.length > SCENARIO_LIMITS.partitions) {
    throw new BadInput(`scenario beyond the limits ${JSON.stringify(SCENARIO_LIMITS)}`);
  }
  return sc;
}

export function scenarioToJson(sc: Scenario): JsonObject {
  return {
    stakes: sc.stakes,
    nodes: sc.nodes.map((n) => ({ authority: n.authority, behaviour: n.behaviour, ...(n.crashAt === undefined ? {} : { crashAt: n.crashAt }) })),
    rules: sc.rules,
    gst: sc.gst,
    delta: sc.delta,
    timeout: sc.timeout,
    until: sc.until,
    gcDepth: sc.gcDepth,
    partitions: sc.partitions.map((p) => ({ from: p.from, until: p.until, groups: p.groups.map((g) => [...g]) })),
    delays: sc.delays,
    slow: sc.slow,
    slowBy: sc.slowBy,
  };
}

// ---- the wire format's JSON forms (messages, events, step answers) ----

export function messageToJson(m: Message): JsonObject {
  switch (m.type) {
    case "header":
      return { type: "header", header: headerToJson(m.header) };
    case "certificate":
      return { type: "certificate", certificate: certificateToJson(m.certificate) };
    case "vote":
      return { type: "vote", vote: { headerDigest: hex(m.vote.headerDigest), author: m.vote.author, round: m.vote.round, voter: m.vote.voter, signature: hex(m.vote.signature) } };
    case "request":
      return { type: "request", digests: m.digests.map(hex) };
  }
}

const hexOf = (v: Json, what: string): Uint8Array => {
  try {
    return fromHex(v, what);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
};

export function messageFromJson(o: JsonObject): Message {
  const type = getString(o, "type", ["header", "vote", "certificate", "request"] as const);
  if (type === "header") return { type, header: headerFromJson(getObject(o, "header")) };
  if (type === "certificate") return { type, certificate: certificateFromJson(getObject(o, "certificate")) };
  if (type === "request") return { type, digests: getArray(o, "digests").map((d, i) => hexOf(d, `digests[${i}]`)) };
  const v = getObject(o, "vote");
  return { type, vote: { headerDigest: hexOf(v.headerDigest as Json, "headerDigest"), author: getInt(v, "author"), round: getInt(v, "round"), voter: getInt(v, "voter"), signature: hexOf(v.signature as Json, "signature") } };
}

export function eventToJson(e: NodeEvent): JsonObject {
  switch (e.kind) {
    case "start":
      return { kind: "start" };
    case "batch":
      return { kind: "batch", digest: hex(e.digest) };
    case "timeout":
      return { kind: "timeout", round: e.round };
    case "message":
      return { kind: "message", from: e.from, message: messageToJson(e.message) };
  }
}

export function eventFromJson(o: JsonObject): NodeEvent {
  const kind = getString(o, "kind", ["start", "batch", "timeout", "message"] as const);
  if (kind === "start") return { kind };
  if (kind === "batch") return { kind, digest: hexOf(o.digest as Json, "digest") };
  if (kind === "timeout") return { kind, round: getInt(o, "round") };
  return { kind, from: getInt(o, "from"), message: messageFromJson(getObject(o, "message")) };
}

const vrefJson = (v: { round: number; author: number; digest: Uint8Array }): JsonObject => ({ round: v.round, author: v.author, digest: hex(v.digest) });
const vrefFrom = (x: Json, what: string) => {
  const o = asObject(x, what);
  return { round: getInt(o, "round"), author: getInt(o, "author"), digest: hexOf(o.digest as Json, `${what}.digest`) };
};

export function outputToJson(out: StepOutput): JsonObject {
  return {
    messages: out.messages.map((m) => ({ to: m.to, message: messageToJson(m.message) })),
    commits: out.commits.map((c) => ({ anchor: vrefJson(c.anchor), vertices: c.vertices.map(vrefJson) })),
    timers: out.timers,
  };
}

export function outputFromJson(o: JsonObject): StepOutput {
  const messages: Outbound[] = getArray(o, "messages").map((m, i) => {
    const x = asObject(m, `messages[${i}]`);
    const to = x.to === "all" ? "all" : getInt(x, "to");
    return { to, message: messageFromJson(getObject(x, "message")) };
  });
  const commits: CommittedSubDag[] = getArray(o, "commits").map((c, i) => {
    const x = asObject(c, `commits[${i}]`);
    return { anchor: vrefFrom(x.anchor as Json, `commits[${i}].anchor`), vertices: getArray(x, "vertices").map((v, j) => vrefFrom(v, `commits[${i}].vertices[${j}]`)) };
  });
  const timers = getArray(o, "timers").map((t) => getInt({ t }, "t"));
  return { messages, commits, timers };
}
