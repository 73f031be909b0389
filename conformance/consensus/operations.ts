/**
 * The consensus suite's operations (spec/consensus.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import {
  Bullshark,
  Dag,
  REFERENCE_RULES,
  type ProtocolRules,
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
  type Certificate,
  type CommittedSubDag,
  type Committee,
  type Header,
  type VertexRef,
} from "../../reference/consensus/index.js";
import { MAX_SIM_EVENTS } from "../../reference/consensus/constants.js";
import { fail } from "../../reference/consensus/errors.js";
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
  type Operation,
} from "../harness/operation.js";
import { MUTANT_NAMES, type RulesName } from "./mutants.js";
import { BEHAVIOURS, runScenario, type Scenario } from "./simulator.js";

const SPEC = "spec/consensus.md";

// ---- JSON forms ----

const hexList = { type: "array", items: HEX_SCHEMA } as const;
const intList = { type: "array", items: UINT_SCHEMA } as const;

export const HEADER_SCHEMA = objectSchema({ author: UINT_SCHEMA, round: UINT_SCHEMA, payload: hexList, parents: hexList });
export const CERTIFICATE_SCHEMA = objectSchema({ header: HEADER_SCHEMA, signers: intList, signature: HEX_SCHEMA });
const COMMITTEE_SCHEMA = objectSchema({ scheme: { type: "string" }, authorities: { type: "array", items: objectSchema({ stake: UINT_SCHEMA, publicKey: HEX_SCHEMA }) } });
const VREF_SCHEMA = objectSchema({ round: UINT_SCHEMA, author: UINT_SCHEMA, digest: hexOfSize(32) });

const asObject = (v: Json, what: string): JsonObject => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${what}: expected an object`);
  return v;
};
const intArray = (o: JsonObject, key: string): number[] => getArray(o, key).map((_, i, a) => getInt({ [`${key}[${i}]`]: a[i] as Json }, `${key}[${i}]`));
const hexArray = (o: JsonObject, key: string): Uint8Array[] => getArray(o, key).map((_, i, a) => getHex({ [`${key}[${i}]`]: a[i] as Json }, `${key}[${i}]`));

export const headerToJson = (h: Header): JsonObject => ({ author: h.author, round: h.round, payload: h.payload.map(hex), parents: h.parents.map(hex) });
export const headerFromJson = (o: JsonObject): Header => ({ author: getInt(o, "author"), round: getInt(o, "round"), payload: hexArray(o, "payload"), parents: hexArray(o, "parents") });
export const certificateToJson = (c: Certificate): JsonObject => ({ header: headerToJson(c.header), signers: [...c.signers], signature: hex(c.signature) });
export const certificateFromJson = (o: JsonObject): Certificate => ({ header: headerFromJson(getObject(o, "header")), signers: intArray(o, "signers"), signature: getHex(o, "signature") });
export const vrefToJson = (v: VertexRef): JsonObject => ({ round: v.round, author: v.author, digest: hex(v.digest) });

/** A committee of stakes only (ordering and schedules need no keys). */
function stakesCommittee(o: JsonObject): Committee {
  const stakes = getArray(o, "stakes");
  if (stakes.length > MAX_COMMITTEE_SIZE) fail("INVALID_COMMITTEE", `${stakes.length} authorities`);
  const c = { authorities: intArray(o, "stakes").map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  checkCommittee(c);
  return c;
}

export function committeeToJson(scheme: string, c: Committee): JsonObject {
  return { scheme, authorities: c.authorities.map((a) => ({ stake: a.stake, publicKey: hex(a.publicKey) })) };
}
function committeeFromJson(o: JsonObject) {
  const name = getString(o, "scheme");
  const scheme = getScheme(name);
  if (!scheme) throw new BadInput(`scheme: unknown signature scheme ${JSON.stringify(name)}`);
  const list = getArray(o, "authorities");
  if (list.length > MAX_COMMITTEE_SIZE) fail("INVALID_COMMITTEE", `${list.length} authorities`);
  const committee: Committee = { authorities: list.map((a, i) => ((x) => ({ stake: getInt(x, "stake"), publicKey: getHex(x, "publicKey") }))(asObject(a, `authorities[${i}]`))) };
  checkCommittee(committee);
  return { scheme, committee };
}

function gcDepthOf(o: JsonObject): number {
  const d = getInt(o, "gcDepth");
  if (d < 2) throw new BadInput(`gcDepth: expected an integer ≥ 2, got ${d}`);
  return d;
}

/** A binary min-heap of arrival indices: the buffered certificate released first is the earliest delivered. */
class ArrivalHeap {
  private readonly h: number[] = [];
  get size(): number {
    return this.h.length;
  }
  push(x: number): void {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): number {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Orders a DAG delivered in the given order (spec §Ordering): each certificate is checked (H1–H10,
 * a second certificate for an occupied slot is EQUIVOCATION), buffered until its parents are in, then
 * inserted and the commit rule run. Of the buffered certificates whose parents are all in, the
 * earliest delivered is inserted first, and the choice is made again after each insertion.
 * Certificates whose parents never arrive stay unordered.
 *
 * Cost: O(P log n) for n certificates with P parents in total: each buffered certificate counts its
 * missing parents, each insertion releases the certificates waiting on it (no rescan of the buffer).
 */
export function orderDag(committee: Committee, gcDepth: number, headers: readonly Header[], rules: ProtocolRules = REFERENCE_RULES): CommittedSubDag[] {
  const dag = new Dag();
  for (const g of genesis(committee)) dag.insert(g, headerDigest(g.header));
  const bullshark = new Bullshark(committee, gcDepth, rules.ordering);
  const commits: CommittedSubDag[] = [];
  const ready = new ArrivalHeap();
  const missingCount: number[] = [];
  /** Parent digest key → arrival indices of the buffered certificates still missing it. */
  const waitingOn = new Map<string, number[]>();
  const insert = (h: Header): string => {
    const digest = checkHeader(committee, h, (d) => dag.get(digestKey(d))?.header, gcDepth, rules.quorum);
    const slot = dag.slot(h.round, h.author);
    if (slot && slot.key !== digestKey(digest)) fail("EQUIVOCATION", `a second certificate for author ${h.author} round ${h.round}`);
    dag.insert({ header: h, signers: [], signature: new Uint8Array(0) }, digest);
    commits.push(...bullshark.tryCommit(dag, h.round));
    return digestKey(digest);
  };
  for (const [k, h] of headers.entries()) {
    checkHeaderFields(committee, h);
    const missing = new Set(h.parents.map(digestKey).filter((p) => !dag.has(p)));
    missingCount[k] = missing.size;
    if (missing.size === 0) ready.push(k);
    for (const p of missing) {
      const list = waitingOn.get(p);
      if (list) list.push(k);
      else waitingOn.set(p, [k]);
    }
    while (ready.size > 0) {
      const key = insert(headers[ready.pop()]!);
      const released = waitingOn.get(key);
      if (!released) continue;
      waitingOn.delete(key);
      for (const w of released) if (--missingCount[w]! === 0) ready.push(w);
    }
  }
  return commits;
}

// ---- scenarios ----

const SCENARIO_SCHEMA = objectSchema({
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
    input: objectSchema({ stakes: intList, gcDepth: UINT_SCHEMA, header: HEADER_SCHEMA, known: { type: "array", items: HEADER_SCHEMA } }),
    output: objectSchema({ digest: hexOfSize(32) }),
    run: (i) => {
      const c = stakesCommittee(i);
      const known = new Map<string, Header>();
      for (const g of genesis(c)) known.set(digestKey(headerDigest(g.header)), g.header);
      for (const [k, h] of getArray(i, "known").entries()) {
        const header = headerFromJson(asObject(h, `known[${k}]`));
        known.set(digestKey(headerDigest(header)), header);
      }
      return { digest: hex(checkHeader(c, headerFromJson(getObject(i, "header")), (d) => known.get(digestKey(d)), gcDepthOf(i))) };
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
    input: objectSchema({ stakes: intList, gcDepth: UINT_SCHEMA, certificates: { type: "array", items: HEADER_SCHEMA } }),
    output: objectSchema({ anchors: { type: "array", items: VREF_SCHEMA }, sequence: { type: "array", items: VREF_SCHEMA } }),
    run: (i) => {
      const c = stakesCommittee(i);
      const list = getArray(i, "certificates");
      if (list.length > 100_000) throw new BadInput("certificates: at most 100000");
      const commits = orderDag(c, gcDepthOf(i), list.map((h, k) => headerFromJson(asObject(h, `certificates[${k}]`))));
      return { anchors: commits.map((s) => vrefToJson(s.anchor)), sequence: commits.flatMap((s) => s.vertices.map(vrefToJson)) };
    },
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

