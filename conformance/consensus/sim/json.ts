/**
 * The JSON forms of consensus values (spec/consensus.md §Conformance operations): headers,
 * certificates, vertex references, committees and scenarios. The operations, the external-node wire
 * format and the campaign traces all use these.
 * @module
 */
import {
  type Certificate,
  type Committee,
  type Header,
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

