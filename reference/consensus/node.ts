/**
 * A validator as a pure state machine (spec/consensus.md §Node): `stepNode(state, event)` updates
 * the state and returns the messages to send, the sub-DAGs committed and the timers to set. There is
 * no clock and no randomness inside: time reaches the node only as `timeout` events, which the
 * environment delivers after a node asked for them with a timer. The state is owned by the caller and
 * updated in place, which is equivalent to returning a new state and keeps simulations fast.
 * @module
 */
import { isLeaderRound, leaderOf, stakeOf, validityThreshold } from "./committee.js";
import { MAX_HEADER_PARENTS, MAX_HEADER_PAYLOAD } from "./constants.js";
import { Dag, type DagVertex } from "./dag.js";
import { isSpecError } from "../common/errors.js";
import { compareDigests, digestKey, genesis, headerDigest, voteMessage } from "./header.js";
import { Bullshark, REFERENCE_ORDERING, leaderSupport, type CommittedSubDag, type OrderingRule } from "./ordering.js";
import type { SignatureScheme } from "./signature.js";
import type { Certificate, Committee, Digest, Header, Vote } from "./types.js";
import { REFERENCE_QUORUM, checkCertificate, checkHeader, checkVote, type QuorumRule } from "./validity.js";
import { checkHeaderFields } from "./header.js";

/** Everything the protocol fixes that the harness's mutants change. Implementations use {@link REFERENCE_RULES}. */
export interface ProtocolRules {
  quorum: QuorumRule;
  ordering: OrderingRule;
  /** Vote at most once per (author, round). Reference: true. */
  checkEquivocation: boolean;
}
export const REFERENCE_RULES: ProtocolRules = { quorum: REFERENCE_QUORUM, ordering: REFERENCE_ORDERING, checkEquivocation: true };

export type Message =
  | { type: "header"; header: Header }
  | { type: "vote"; vote: Vote }
  | { type: "certificate"; certificate: Certificate }
  /** Asks the receiver for the certificates of these digests (parents the sender misses). */
  | { type: "request"; digests: Digest[] };

export type NodeEvent =
  | { kind: "start" }
  | { kind: "message"; from: number; message: Message }
  | { kind: "timeout"; round: number }
  | { kind: "batch"; digest: Digest };

/** A message to one authority, or to every other authority (`"all"`). */
export interface Outbound {
  to: number | "all";
  message: Message;
}

export interface StepOutput {
  messages: Outbound[];
  commits: CommittedSubDag[];
  /** Rounds whose timeout the node asks to receive after the round timeout. */
  timers: number[];
}

export interface NodeConfig {
  committee: Committee;
  /** This node's authority index. */
  authority: number;
  scheme: SignatureScheme;
  secretKey: Uint8Array;
  gcDepth: number;
  rules?: ProtocolRules;
}

/** A certificate waiting for its parents. */
export interface Buffered {
  cert: Certificate;
  digest: Digest;
  missing: Set<string>;
}

export interface NodeState {
  readonly config: NodeConfig;
  readonly rules: ProtocolRules;
  started: boolean;
  /** The round of the node's latest header (0 before the first). */
  round: number;
  readonly dag: Dag;
  readonly bullshark: Bullshark;
  /** Certificates waiting for parents, by key; and parent key → waiting children. */
  readonly buffered: Map<string, Buffered>;
  readonly waiting: Map<string, Set<string>>;
  /** Headers waiting for parents before the node can vote. */
  readonly pendingHeaders: Map<string, Header>;
  /** "author:round" → key of the header voted for. */
  readonly voted: Map<string, string>;
  header: Header | undefined;
  headerKey: string;
  readonly votes: Map<number, Uint8Array>;
  certified: boolean;
  /** Batch digests not yet proposed. */
  batches: Digest[];
  readonly timedOut: Set<number>;
  /** Vertices already in the causal history of one of this node's headers (for weak links). */
  readonly linked: Set<string>;
  /** Vertices of round ≥ 1 not yet linked: the candidates for weak parents. */
  readonly unlinked: Map<string, DagVertex>;
  /** The latest certificate of this node's own. */
  ownCertificate: Certificate | undefined;
}

/** The initial state: genesis in the DAG, nothing proposed. */
export function initNode(config: NodeConfig): NodeState {
  if (!Number.isSafeInteger(config.gcDepth) || config.gcDepth < 2) throw new RangeError(`initNode: gcDepth must be an integer ≥ 2, got ${config.gcDepth}`);
  const rules = config.rules ?? REFERENCE_RULES;
  const dag = new Dag();
  for (const g of genesis(config.committee)) dag.insert(g, headerDigest(g.header));
  return {
    config,
    rules,
    started: false,
    round: 0,
    dag,
    bullshark: new Bullshark(config.committee, config.gcDepth, rules.ordering),
    buffered: new Map(),
    waiting: new Map(),
    pendingHeaders: new Map(),
    voted: new Map(),
    header: undefined,
    headerKey: "",
    votes: new Map(),
    certified: false,
    batches: [],
    timedOut: new Set(),
    linked: new Set(),
    unlinked: new Map(),
    ownCertificate: undefined,
  };
}

/** Processes one event. */
export function stepNode(s: NodeState, event: NodeEvent): StepOutput {
  const out: StepOutput = { messages: [], commits: [], timers: [] };
  switch (event.kind) {
    case "start":
      if (!s.started) {
        s.started = true;
        advance(s, out);
      }
      break;
    case "batch":
      if (!s.batches.some((b) => compareDigests(b, event.digest) === 0)) s.batches.push(event.digest); // given again: ignored (H5)
      break;
    case "timeout":
      onTimeout(s, event.round, out);
      break;
    case "message":
      onMessage(s, event.from, event.message, out);
      break;
  }
  return out;
}

function onMessage(s: NodeState, from: number, m: Message, out: StepOutput): void {
  switch (m.type) {
    case "header":
      if (m.header.author === from) onHeader(s, m.header, out);
      return;
    case "vote":
      onVote(s, m.vote, out);
      return;
    case "certificate":
      onCertificate(s, m.certificate, from, out);
      return;
    case "request":
      for (const d of m.digests.slice(0, MAX_HEADER_PARENTS)) {
        const v = s.dag.get(digestKey(d));
        if (v && v.ref.round > 0) out.messages.push({ to: from, message: { type: "certificate", certificate: v.certificate } });
      }
  }
}

/** Runs `f`, turning a typed rejection into `false` (an invalid message is ignored, never fatal). */
function valid(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isSpecError(e, "consensus")) return false;
    throw e;
  }
}

/** Votes for a header once its parents are known: rules H1–H10, then at most one vote per (author, round). */
function onHeader(s: NodeState, h: Header, out: StepOutput): void {
  const { committee, scheme, secretKey, authority, gcDepth } = s.config;
  if (!valid(() => checkHeaderFields(committee, h))) return;
  const digest = headerDigest(h);
  const key = digestKey(digest);
  const missing = h.parents.filter((p) => !s.dag.has(digestKey(p)));
  if (missing.length) {
    s.pendingHeaders.set(key, h);
    out.messages.push({ to: h.author, message: { type: "request", digests: missing } });
    return;
  }
  s.pendingHeaders.delete(key);
  if (!valid(() => checkHeader(committee, h, (d) => s.dag.get(digestKey(d))?.header, gcDepth, s.rules.quorum))) return;
  const slot = `${h.author}:${h.round}`;
  const prior = s.voted.get(slot);
  if (prior !== undefined && prior !== key && s.rules.checkEquivocation) return; // EQUIVOCATION: never vote twice
  if (prior === undefined) s.voted.set(slot, key);
  const vote: Vote = { headerDigest: digest, author: h.author, round: h.round, voter: authority, signature: scheme.sign(secretKey, voteMessage(digest)) };
  if (h.author === authority) onVote(s, vote, out);
  else out.messages.push({ to: h.author, message: { type: "vote", vote } });
}

/** Collects votes for the node's own header; at quorum stake, forms and broadcasts the certificate. */
function onVote(s: NodeState, v: Vote, out: StepOutput): void {
  const { committee, scheme } = s.config;
  if (!s.header || s.certified || digestKey(v.headerDigest) !== s.headerKey || s.votes.has(v.voter)) return;
  if (!valid(() => checkVote(committee, scheme, v, s.header!))) return;
  s.votes.set(v.voter, v.signature);
  if (stakeOf(committee, s.votes.keys()) < s.rules.quorum.quorum(committee)) return;
  const signers = [...s.votes.keys()].sort((a, b) => a - b);
  const certificate: Certificate = { header: s.header, signers, signature: scheme.aggregate(signers.map((i) => s.votes.get(i)!)) };
  s.certified = true;
  s.ownCertificate = certificate;
  out.messages.push({ to: "all", message: { type: "certificate", certificate } });
  onCertificate(s, certificate, s.config.authority, out);
}

/** Checks a certificate (C1–C4), buffers it until its parents are in the DAG, then inserts it. */
function onCertificate(s: NodeState, cert: Certificate, from: number, out: StepOutput): void {
  const { committee, scheme } = s.config;
  let digest: Digest | undefined;
  if (!valid(() => (digest = checkCertificate(committee, scheme, cert, s.rules.quorum))) || !digest) return;
  const key = digestKey(digest);
  if (s.dag.has(key) || s.buffered.has(key)) return;
  const missing = new Set(cert.header.parents.map(digestKey).filter((p) => !s.dag.has(p)));
  if (missing.size) {
    s.buffered.set(key, { cert, digest, missing });
    for (const p of missing) {
      let w = s.waiting.get(p);
      if (!w) s.waiting.set(p, (w = new Set()));
      w.add(key);
    }
    const ask = [...missing].filter((p) => !s.buffered.has(p)).map((p) => cert.header.parents.find((d) => digestKey(d) === p)!);
    if (ask.length) out.messages.push({ to: from, message: { type: "request", digests: ask } });
    return;
  }
  insertCertificate(s, cert, digest, out);
}

/** Inserts a certificate whose parents are present (rules H6–H10), commits, releases waiting children, advances. */
function insertCertificate(s: NodeState, first: Certificate, firstDigest: Digest, out: StepOutput): void {
  const { committee, gcDepth } = s.config;
  const queue: [Certificate, Digest][] = [[first, firstDigest]];
  while (queue.length) {
    const [cert, digest] = queue.shift()!;
    const key = digestKey(digest);
    s.buffered.delete(key);
    const ok = valid(() => checkHeader(committee, cert.header, (d) => s.dag.get(digestKey(d))?.header, gcDepth, s.rules.quorum));
    if (ok) {
      const v = s.dag.insert(cert, digest);
      if (!s.linked.has(v.key) && s.dag.slot(v.ref.round, v.ref.author) === v) s.unlinked.set(v.key, v);
      out.commits.push(...s.bullshark.tryCommit(s.dag, cert.header.round));
      const pendingHeader = s.pendingHeaders.size ? [...s.pendingHeaders.values()].filter((h) => h.parents.some((p) => digestKey(p) === key)) : [];
      for (const h of pendingHeader) onHeader(s, h, out);
    }
    const children = s.waiting.get(key);
    s.waiting.delete(key);
    for (const c of children ?? []) {
      const b = s.buffered.get(c);
      if (!b) continue;
      b.missing.delete(key);
      if (!ok) s.buffered.delete(c); // a child of an invalid certificate can never be inserted
      else if (b.missing.size === 0) queue.push([b.cert, b.digest]);
    }
  }
  advance(s, out);
}

function onTimeout(s: NodeState, round: number, out: StepOutput): void {
  if (!s.started || round !== s.round) return;
  s.timedOut.add(round);
  // re-send what a lossy network may have dropped: the uncertified header, the latest own certificate
  if (s.header && !s.certified) out.messages.push({ to: "all", message: { type: "header", header: s.header } });
  if (s.ownCertificate) out.messages.push({ to: "all", message: { type: "certificate", certificate: s.ownCertificate } });
  out.timers.push(round);
  advance(s, out);
}

/**
 * The round-advance rule (§Round advance): from round r the node proposes r + 1 once the DAG holds
 * quorum stake of round-r certificates and either the round's timer expired or
 * - r even (a leader round): the leader's certificate of round r is in the DAG;
 * - r odd ≥ 3: round-r certificates voting for the leader of r − 1 reach the validity threshold, or
 *   those not voting for it reach quorum stake.
 */
export function canAdvance(s: NodeState): boolean {
  const { committee } = s.config;
  const r = s.round;
  const certs = s.dag.round(r);
  if (stakeOf(committee, certs.map((v) => v.ref.author)) < s.rules.quorum.quorum(committee)) return false;
  if (s.timedOut.has(r) || r < 2) return true;
  if (isLeaderRound(r)) return s.dag.slot(r, leaderOf(committee, r)) !== undefined;
  const leader = s.dag.slot(r - 1, leaderOf(committee, r - 1));
  if (leader && leaderSupport(committee, s.dag, leader) >= validityThreshold(committee)) return true;
  const against = certs.filter((v) => !leader || !v.parents.includes(leader.key)).map((v) => v.ref.author);
  return stakeOf(committee, against) >= s.rules.quorum.quorum(committee);
}

function advance(s: NodeState, out: StepOutput): void {
  while (s.started && canAdvance(s)) propose(s, s.round + 1, out);
}

/**
 * Proposes the header of round r: strong parents, every slot certificate of round r − 1; weak
 * parents, the certificates of rounds r − gcDepth … r − 2 not yet in the causal history of this
 * node's headers nor of the strong parents; payload, the pending batches (at most MAX_HEADER_PAYLOAD).
 */
function propose(s: NodeState, r: number, out: StepOutput): void {
  const { gcDepth } = s.config;
  const strong = s.dag.round(r - 1);
  markLinked(s, strong, r - gcDepth);
  const candidates = [...s.unlinked.values()].filter((v) => v.ref.round <= r - 2).sort((a, b) => b.ref.round - a.ref.round || a.ref.author - b.ref.author);
  const weak: DagVertex[] = [];
  for (const v of candidates) {
    if (v.ref.round < r - gcDepth) {
      s.unlinked.delete(v.key); // too old to link ever again
      continue;
    }
    if (s.linked.has(v.key) || weak.length + strong.length >= MAX_HEADER_PARENTS) continue;
    weak.push(v);
    markLinked(s, [v], r - gcDepth);
  }
  s.batches.sort(compareDigests);
  const payload = s.batches.splice(0, MAX_HEADER_PAYLOAD);
  const parents = [...strong, ...weak].map((v) => v.ref.digest).sort(compareDigests);
  const header: Header = { author: s.config.authority, round: r, payload, parents };
  s.round = r;
  s.header = header;
  s.headerKey = digestKey(headerDigest(header));
  s.votes.clear();
  s.certified = false;
  out.timers.push(r);
  out.messages.push({ to: "all", message: { type: "header", header } });
  onHeader(s, header, out);
}

/** Marks the causal histories of `from` (down to round `floor`) as linked. */
function markLinked(s: NodeState, from: readonly DagVertex[], floor: number): void {
  const stack = from.filter((v) => !s.linked.has(v.key));
  for (const v of stack) {
    s.linked.add(v.key);
    s.unlinked.delete(v.key);
  }
  while (stack.length) {
    const v = stack.pop()!;
    for (const p of v.parents) {
      if (s.linked.has(p)) continue;
      const pv = s.dag.get(p);
      if (!pv || pv.ref.round < floor) continue;
      s.linked.add(p);
      s.unlinked.delete(p);
      stack.push(pv);
    }
  }
}
