/**
 * consensus vectors driven by the rule tables (reference/consensus/rules.ts): each pair of rules
 * broken at once (pairwiseCases), expecting the earlier rule's code, and the quorum boundaries of
 * H9 where ⌊2S/3⌋ + 1, ⌈2S/3⌉ and "2f + 1" disagree. Each builder starts from a valid input and
 * applies one change per rule it is asked to break; a change may break a rule later in the table as
 * well (say so in its comment), never an earlier one, so the expected code is the table's first
 * among the pair. The vector generator checks every expectation against the reference.
 * @module
 */
import { toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import type { Rule } from "../../reference/common/rules.js";
import {
  CONSENSUS_RULES,
  MAX_ROUND,
  MAX_SCHEDULE_SPAN,
  SIM_HASH_SCHEME,
  compareDigests,
  deriveKeyPair,
  genesisCertificate,
  headerDigest,
  leaderOf,
  voteMessage,
  orderDag,
  type Header,
} from "../../reference/consensus/index.js";
import { MAX_HEADER_PAYLOAD } from "../../reference/consensus/constants.js";
import { pairwiseCases } from "../harness/rules.js";
import type { JsonObject } from "../harness/operation.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { headerToJson } from "./sim/json.js";

const table = (op: string) => CONSENSUS_RULES.find((t) => t.operation === op)!;
const rng = (label: string) => new Rng(`pwo/consensus/vectors/rules/${label}`);
const sorted = (ds: Uint8Array[]) => [...ds].sort(compareDigests);
/** K1: a fifth authority of stake 0 (the total, and so every threshold, is unchanged). */
const stakesOf = (broken: ReadonlySet<string>) => (broken.has("K1") ? [1, 1, 1, 1, 0] : [1, 1, 1, 1]);
/**
 * H3: MAX_HEADER_PAYLOAD + 1 empty payload entries (they also break H4 and H5, which come after H3,
 * so the expected code is unchanged, and the vector stays small).
 */
const tooMany = () => Array.from({ length: MAX_HEADER_PAYLOAD + 1 }, () => new Uint8Array(0));

/** The payload after the structural changes H3 (too many), H4 (a 31-byte digest), H5 (descending). */
function payloadOf(broken: ReadonlySet<string>, r: Rng): Uint8Array[] {
  if (broken.has("H3")) return tooMany();
  let p = sorted([r.bytes(32), r.bytes(32)]);
  if (broken.has("H4")) p = [p[0]!.subarray(0, 31), p[1]!];
  if (broken.has("H5")) p = [...p].reverse();
  return p;
}

/** leader_schedule: K1 a zero stake, L1 `toRound = MAX_ROUND + 1`, L2 a span of MAX_SCHEDULE_SPAN + 1 (or more). */
function scheduleInput(broken: ReadonlySet<string>): JsonObject {
  const stakes = broken.has("K1") ? [1, 0, 1, 1] : [1, 1, 1, 1];
  if (broken.has("L1") && broken.has("L2")) return { stakes, fromRound: 0, toRound: MAX_ROUND + 1 };
  if (broken.has("L1")) return { stakes, fromRound: MAX_ROUND - 4, toRound: MAX_ROUND + 1 };
  if (broken.has("L2")) return { stakes, fromRound: 0, toRound: MAX_SCHEDULE_SPAN + 1 };
  return { stakes, fromRound: 0, toRound: 8 };
}

/**
 * check_header (and header_digest, with `known` dropped): a header of round R by author 0 on the
 * round R − 1 headers of authors 0, 1, 2 (stake 3 = Q of 4), known headers of rounds R − 3 … R − 1
 * by every author, gcDepth 50. R = 10, or MAX_ROUND + 1 for H2, or 1 for H10 (parents genesis).
 * H1 author n; H6 a parent nobody has; H7 a known parent of round R; H8 a second round R − 1
 * parent by author 1; H9 only the parents of authors 0 and 1; H10 the parent of author 0 replaced by
 * a round-0 header with a payload.
 */
function headerInput(broken: ReadonlySet<string>, withKnown = true): JsonObject {
  const r = rng("check_header");
  const stakes = stakesOf(broken);
  const R = broken.has("H2") ? MAX_ROUND + 1 : broken.has("H10") ? 1 : 10;
  const known: Header[] = [];
  const at = (round: number): Header[] => {
    if (round === 0) return [0, 1, 2, 3].map((a) => genesisCertificate(a).header);
    const hs = [0, 1, 2, 3].map((a) => ({ author: a, round, payload: [r.bytes(32)], parents: [] }));
    known.push(...hs);
    return hs;
  };
  for (let k = Math.max(0, R - 3); k < R - 1; k++) at(k);
  const prev = at(R - 1);
  let parents: Header[] = broken.has("H9") ? [prev[0]!, prev[1]!] : [prev[0]!, prev[1]!, prev[2]!];
  if (broken.has("H10")) {
    const fake: Header = { author: 0, round: 0, payload: [r.bytes(32)], parents: [] };
    known.push(fake);
    parents = [fake, ...parents.slice(1)];
  }
  if (broken.has("H8")) {
    const twin: Header = { author: 1, round: R - 1, payload: [r.bytes(32)], parents: [] };
    known.push(twin);
    parents.push(twin);
  }
  if (broken.has("H7")) {
    const same: Header = { author: 3, round: R, payload: [r.bytes(32)], parents: [] };
    known.push(same);
    parents.push(same);
  }
  const parentDigests = parents.map(headerDigest);
  if (broken.has("H6")) parentDigests.push(r.bytes(32));
  const header: Header = { author: broken.has("H1") ? stakes.length : 0, round: R, payload: payloadOf(broken, r), parents: sorted(parentDigests) };
  return withKnown ? { stakes, gcDepth: 50, header: headerToJson(header), known: known.map(headerToJson) } : { stakes, header: headerToJson(header) };
}

/**
 * check_certificate: the round-5 header of author 0 (random payload and parents) signed by all four
 * authorities under sim-hash-v1. H1–H5 change the header as for check_header (H2: round 2^32);
 * C1 round 0 with a payload; C3 signers 0 and 1 only; C2c the first two signers swapped; C2b the last
 * signer replaced by n; C2a the last signer repeated until there are n + 1 (which breaks C2c too); C4 an
 * all-zero aggregate. The aggregate is the listed signers' votes in listed order.
 */
function certificateInput(broken: ReadonlySet<string>): JsonObject {
  const r = rng("check_certificate");
  const stakes = stakesOf(broken);
  const n = stakes.length;
  const keys = Array.from({ length: n + 1 }, (_, i) => deriveKeyPair(SIM_HASH_SCHEME, "sim", i));
  const committee = { scheme: SIM_HASH_SCHEME.name, authorities: stakes.map((stake, i) => ({ stake, publicKey: toHex(keys[i]!.publicKey) })) };
  const round = broken.has("H2") ? MAX_ROUND + 1 : broken.has("C1") ? 0 : 5;
  const header: Header = {
    author: broken.has("H1") ? n : 0,
    round,
    payload: broken.has("C1") && !["H3", "H4", "H5"].some((x) => broken.has(x)) ? [r.bytes(32)] : payloadOf(broken, r),
    parents: round === 0 ? [] : sorted([r.bytes(32), r.bytes(32), r.bytes(32)]),
  };
  let signers = broken.has("C3") ? [0, 1] : [0, 1, 2, 3];
  if (broken.has("C2c")) signers = [signers[1]!, signers[0]!, ...signers.slice(2)];
  if (broken.has("C2b")) signers[signers.length - 1] = n;
  if (broken.has("C2a")) while (signers.length <= n) signers.push(signers[signers.length - 1]!);
  if (round === 0 && !broken.has("C2a") && !broken.has("C2b") && !broken.has("C2c") && !broken.has("C3") && !broken.has("C4")) signers = [];
  const m = voteMessage(headerDigest(header));
  let signature = signers.length ? SIM_HASH_SCHEME.aggregate(signers.map((s) => SIM_HASH_SCHEME.sign(keys[s]!.secretKey, m))) : new Uint8Array(0);
  if (broken.has("C4")) signature = new Uint8Array(32);
  return { committee, certificate: { header: headerToJson(header), signers, signature: toHex(signature) } };
}

/**
 * order_dag: rounds 1–3 of four authorities (every header on all of the previous round), then X,
 * a round-4 header of author 0 on the round-3 headers of authors 0, 1, 2. H1 author n; H2 round 0
 * (which also breaks H7, H9 and E1, later rules); H3–H5 as for check_header; H7 X also takes as a
 * parent Y, a valid round-4 header of author 3 delivered before it; H9 only the parents of authors
 * 0 and 1; E1 a valid round-4 header of author 0 with another payload delivered before X.
 */
function dagInput(broken: ReadonlySet<string>): JsonObject {
  const r = rng("order_dag");
  const stakes = stakesOf(broken);
  const dag: Header[] = [];
  let prev = [0, 1, 2, 3].map((a) => genesisCertificate(a).header);
  for (let round = 1; round <= 3; round++) {
    prev = [0, 1, 2, 3].map((a) => ({ author: a, round, payload: [r.bytes(32)], parents: sorted(prev.map(headerDigest)) }));
    dag.push(...prev);
  }
  const quorum = sorted(prev.slice(0, 3).map(headerDigest));
  const y: Header = { author: 3, round: 4, payload: [], parents: quorum };
  const other: Header = { author: 0, round: 4, payload: [r.bytes(32)], parents: quorum };
  const parents = broken.has("H9") ? sorted(prev.slice(0, 2).map(headerDigest)) : quorum;
  const x: Header = {
    author: broken.has("H1") ? stakes.length : 0,
    round: broken.has("H2") ? 0 : 4,
    payload: payloadOf(broken, r),
    parents: broken.has("H7") ? sorted([...parents, headerDigest(y)]) : parents,
  };
  const delivery = [...dag, ...(broken.has("H7") ? [y] : []), ...(broken.has("E1") ? [other] : []), x];
  return { stakes, gcDepth: 50, certificates: delivery.map(headerToJson) };
}

const BUILDERS: Record<string, (b: ReadonlySet<string>) => JsonObject> = {
  leader_schedule: scheduleInput,
  header_digest: (b) => headerInput(b, false),
  check_header: (b) => headerInput(b),
  check_certificate: certificateInput,
  order_dag: dagInput,
};

/** Each rule of an operation's table broken alone, then each pair at once. */
export function ruleCases(operation: string, flags: string[] = []): CaseSpec[] {
  const t = table(operation);
  const build = BUILDERS[operation]!;
  const alone = t.rules.map((rule: Rule) => ({ comment: `breaks ${rule.id} alone: ${rule.code}`, flags: ["RuleOrder", ...flags], input: build(new Set([rule.id])), expect: rule.code }));
  const pairs = pairwiseCases(t, (a, b) => build(new Set([a.id, b.id])), "RuleOrder").map((c) => ({ ...c, flags: ["RuleOrder", "PairwiseRules", ...flags] }));
  const none = { comment: `the rule cases' base input, no rule broken`, flags: ["RuleOrder"], input: build(new Set()), expect: "valid" };
  return [none, ...alone, ...pairs];
}

/**
 * H9 at the quorum boundary where the formulas disagree: for each committee, a header whose
 * previous-round parents hold exactly Q = ⌊2S/3⌋ + 1 (valid) and one holding less, a quorum only
 * under the wrong formula named (INSUFFICIENT_PARENTS).
 */
export function parentQuorumCases(): CaseSpec[] {
  const r = rng("parent-quorum");
  const committees: { stakes: number[]; exact: number[]; wrong: { parents: number[]; formula: string }[] }[] = [
    { stakes: [1, 1, 1], exact: [0, 1, 2], wrong: [{ parents: [0, 1], formula: "⌈2S/3⌉ = 2" }] },
    { stakes: [3, 1, 1, 1], exact: [0, 1, 2], wrong: [{ parents: [0, 1], formula: "⌈2S/3⌉ = 4" }, { parents: [1, 2, 3], formula: "2f + 1 = 3" }] },
    { stakes: [1, 1, 1, 1, 1], exact: [0, 1, 2, 3], wrong: [{ parents: [0, 1, 2], formula: "2f + 1 = 3" }] },
    { stakes: [5, 1, 1, 1], exact: [0, 1], wrong: [{ parents: [0], formula: "2f + 1 = 5" }] },
    { stakes: [2, 1, 1], exact: [0, 1], wrong: [{ parents: [1, 2], formula: "⌈2S/3⌉ = 2 (S = 4 ≡ 1: every formula says 3; the pair holds 2)" }] },
  ];
  const out: CaseSpec[] = [];
  for (const { stakes, exact, wrong } of committees) {
    const S = stakes.reduce((a, b) => a + b, 0);
    const q = Math.floor((2 * S) / 3) + 1;
    const prev = stakes.map((_, a) => ({ author: a, round: 6, payload: [r.bytes(32)], parents: [] as Uint8Array[] }));
    const input = (ps: number[]) => ({ stakes, gcDepth: 50, header: headerToJson({ author: 0, round: 7, payload: [], parents: sorted(ps.map((a) => headerDigest(prev[a]!))) }), known: prev.map(headerToJson) });
    const stake = (ps: number[]) => ps.reduce((a, i) => a + stakes[i]!, 0);
    const name = `H9 boundary, stakes [${stakes.join(", ")}] (S = ${S} ≡ ${S % 3} mod 3, Q = ⌊2S/3⌋ + 1 = ${q})`;
    if (stake(exact) !== q) throw new Error(`${name}: parents hold ${stake(exact)}, not Q`);
    out.push({ comment: `${name}: previous-round parents holding exactly Q`, flags: ["Boundary", "Weighted", "Parents"], input: input(exact), expect: "valid" });
    for (const w of wrong) {
      if (stake(w.parents) >= q) throw new Error(`${name}: ${w.formula} is not below Q`);
      out.push({ comment: `${name}: parents holding ${stake(w.parents)}, a quorum only under ${w.formula}`, flags: ["Boundary", "Weighted", "Parents"], input: input(w.parents), expect: "INSUFFICIENT_PARENTS" });
    }
  }
  return out;
}

/**
 * The commit rule's support threshold V = ⌈S/3⌉ at its boundary (spec §Ordering): rounds 1 and 2
 * of n equal stakes, then round-3 headers on a quorum of round 2, `supporters` of them having the
 * round-2 leader as a parent (delivered last). The anchor commits directly exactly when the
 * supporters' stake reaches V: with S = 6, V = 2 where ⌊S/3⌋ + 1 = 3; with S = 5, V = 2 where
 * ⌊S/3⌋ = 1. The generator checks the reference's anchors against that intent.
 */
export function supportBoundaryCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const [n, supporters] of [[6, 2], [6, 1], [5, 2], [5, 1], [3, 1]] as const) {
    const r = rng(`support/${n}/${supporters}`);
    const stakes = Array<number>(n).fill(1);
    const S = n;
    const q = Math.floor((2 * S) / 3) + 1;
    const v = Math.floor((S + 2) / 3);
    const committee = { authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
    const leader = leaderOf(committee, 2);
    let prev = stakes.map((_, a) => genesisCertificate(a).header);
    const dag: Header[] = [];
    for (let round = 1; round <= 2; round++) {
      prev = stakes.map((_, a) => ({ author: a, round, payload: [r.bytes(32)], parents: sorted(prev.map(headerDigest)) }));
      dag.push(...prev);
    }
    const withLeader = sorted(prev.slice(0, q).map(headerDigest));
    const others = prev.filter((h) => h.author !== leader);
    if (others.length < q) continue; // every quorum of round 2 holds the leader: support cannot be set
    const without = sorted(others.slice(0, q).map(headerDigest));
    const round3 = stakes.map((_, a) => ({ author: a, round: 3, payload: [] as Uint8Array[], parents: a < supporters ? withLeader : without }));
    const delivery = [...dag, ...round3.slice(supporters), ...round3.slice(0, supporters)];
    const anchors = orderDag(committee, 50, delivery).length;
    const commits = supporters >= v;
    if ((anchors > 0) !== commits) throw new Error(`support boundary n = ${n}, supporters ${supporters}: the reference ${anchors > 0 ? "commits" : "does not commit"}`);
    out.push({
      comment: `commit rule boundary, ${n} equal stakes (S ≡ ${S % 3} mod 3, V = ⌈S/3⌉ = ${v}): ${supporters} round-3 certificate(s) link the round-2 leader, so it ${commits ? "commits directly" : "does not commit"}`,
      flags: ["Boundary", "RandomDag"],
      input: { stakes, gcDepth: 50, certificates: delivery.map(headerToJson) },
      expect: "valid",
    });
  }
  return out;
}
