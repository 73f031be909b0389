/**
 * The consensus suite's vector cases. Inputs are built here from labelled seeds; every expected
 * answer is computed by the reference (conformance/harness/vectorfile.ts), and `expect` only states
 * the author's intent.
 * @module
 */
import { isSpecError } from "../../reference/common/errors.js";
import { toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import {
  BLS_SCHEME,
  MAX_COMMITTEE_SIZE,
  MAX_HEADER_PARENTS,
  MAX_HEADER_PAYLOAD,
  MAX_ROUND,
  MAX_TOTAL_STAKE,
  MAX_SCHEDULE_SPAN,
  SIM_HASH_SCHEME,
  compareDigests,
  deriveKeyPair,
  genesisCertificate,
  headerDigest,
  initNode,
  leaderOf,
  stepNode,
  voteMessage,
  orderDag,
  type Certificate,
  type Committee,
  type Header,
  type Message,
  type NodeEvent,
  type SignatureScheme,
  type Vote,
} from "../../reference/consensus/index.js";
import type { JsonObject } from "../harness/operation.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { randomDag, shuffled } from "./sim/dags.js";
import { certificateToJson, committeeToJson, eventToJson, headerFromJson, headerToJson, SCENARIO_LIMITS, scenarioToJson } from "./sim/json.js";
import { rulesOf, type RulesName } from "./sim/mutants.js";
import { referenceDriver, type NodeContext, type NodeDriver } from "./sim/nodes.js";
import { runScenario } from "./sim/run.js";
import { SIM_KEY_LABEL, scenarioCommittee, type Scenario } from "./sim/scenario.js";
import { COUNTEREXAMPLES, STANDARD_SCENARIOS } from "./scenarios.js";
import { parentQuorumCases, ruleCases, supportBoundaryCases } from "./rulecases.js";
import { DAG_COUNTEREXAMPLES, type Counterexample as NetworkCounterexample, type DagCounterexample } from "./counterexamples.js";

export const CONSENSUS_FLAGS: Record<string, string> = {
  Boundary: "a limit or edge of a range (single authority, round 0, first leader round)",
  CostLimit: "a request beyond a cost cap of the spec (MAX_SIM_EVENTS): answered with its code, without doing the work",
  Weighted: "a committee with unequal stakes",
  RandomDag: "a random DAG with slow authorities and missing leaders, Sui-style",
  DeliveryOrder: "the same DAG delivered in another order; the sequence must not change",
  GarbageCollection: "a garbage-collection depth small enough to drop vertices from histories",
  Structure: "a header or certificate field out of range, mis-sized or not canonically ordered",
  Parents: "a parent rule: unknown, wrong round, duplicate author, too little stake, not genesis",
  Signature: "a signer set or aggregate signature rule",
  Equivocation: "two different certificates for one author and round",
  Honest: "a scenario with every validator honest",
  Byzantine: "a scenario with Byzantine validators (up to f)",
  Twins: "two machines sharing one validator key",
  Partition: "a network partition that heals",
  Asynchrony: "lost and delayed messages before GST",
  Crash: "a validator that crashes",
  Bls: "a committee under bls12381-pop-v1 (the bls component's BLS12-381 signatures)",
  Mutant: "nodes run a mutant of the reference; the verdict is the violation the harness found, or safe with the mutant's commit sequences",
  RuleOrder: "a case of the rule tables (reference/consensus/rules.ts): one rule broken, or none",
  PairwiseRules: "two rules broken at once: the earlier one in the table gives the answer",
  NodeExchange: "a scripted consensus-node exchange: the events one node receives and the reference node's answer to each",
  Counterexample: "a counterexample found by the campaign, shrunk, with its seed and provenance in the comment",
};

const valid = (comment: string, input: JsonObject, flags: string[] = []): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: JsonObject, flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });

function scheduleCases(rng: Rng): CaseSpec[] {
  const out: CaseSpec[] = [
    valid("4 equal stakes, rounds 0..20: round-robin", { stakes: [1, 1, 1, 1], fromRound: 0, toRound: 20 }, ["Boundary"]),
    valid("single authority", { stakes: [5], fromRound: 1, toRound: 9 }, ["Boundary"]),
    valid("stakes 1, 2, 3, 4: leaders in proportion, evenly spread", { stakes: [1, 2, 3, 4], fromRound: 2, toRound: 42 }, ["Weighted"]),
    valid("one whale among ten", { stakes: [100, 1, 1, 1, 1, 1, 1, 1, 1, 1], fromRound: 2, toRound: 60 }, ["Weighted"]),
    valid("100 equal stakes, rounds 190..410 (wraps around)", { stakes: new Array(100).fill(7), fromRound: 190, toRound: 410 }, []),
  ];
  for (let i = 0; i < 3; i++) {
    const stakes = Array.from({ length: rng.between(4, 12) }, () => rng.between(1, 1000));
    const from = rng.between(0, 5000);
    out.push(valid(`random stakes #${i}`, { stakes, fromRound: from, toRound: from + rng.between(10, 80) }, ["Weighted"]));
  }
  out.push(
    invalid("empty committee", "INVALID_COMMITTEE", { stakes: [], fromRound: 0, toRound: 4 }, ["Boundary"]),
    invalid("a stake of zero", "INVALID_COMMITTEE", { stakes: [1, 0, 1, 1], fromRound: 0, toRound: 4 }, ["Boundary"]),
    invalid("fromRound above toRound", "INVALID_ROUND", { stakes: [1, 1, 1, 1], fromRound: 10, toRound: 8 }, ["Boundary"]),
    invalid("a span above MAX_SCHEDULE_SPAN", "TOO_MANY_ENTRIES", { stakes: [1, 1, 1, 1], fromRound: 0, toRound: MAX_SCHEDULE_SPAN + 1 }, ["Boundary"]),
    valid("fromRound = toRound, an even round: the range is inclusive, one entry", { stakes: [1, 1, 1, 1], fromRound: 8, toRound: 8 }, ["Boundary"]),
    valid("fromRound = toRound, an odd round: no entry", { stakes: [1, 1, 1, 1], fromRound: 7, toRound: 7 }, ["Boundary"]),
    valid("rounds 0..1: no leader round (the first is 2)", { stakes: [1, 1, 1, 1], fromRound: 0, toRound: 1 }, ["Boundary"]),
    valid("a span of exactly MAX_SCHEDULE_SPAN (toRound − fromRound, so MAX_SCHEDULE_SPAN + 1 rounds)", { stakes: [3, 1, 2], fromRound: 1, toRound: 1 + MAX_SCHEDULE_SPAN }, ["Boundary", "Weighted"]),
    valid("toRound = MAX_ROUND", { stakes: [1, 1, 1, 1], fromRound: MAX_ROUND - 5, toRound: MAX_ROUND }, ["Boundary"]),
    invalid("toRound = MAX_ROUND + 1", "INVALID_ROUND", { stakes: [1, 1, 1, 1], fromRound: MAX_ROUND - 5, toRound: MAX_ROUND + 1 }, ["Boundary"]),
    invalid("a range both inverted and too long: INVALID_ROUND is checked first", "INVALID_ROUND", { stakes: [1, 1, 1, 1], fromRound: MAX_SCHEDULE_SPAN + 5, toRound: 2 }, ["Boundary"]),
    invalid("an empty committee and an inverted range: the committee is checked first", "INVALID_COMMITTEE", { stakes: [], fromRound: 10, toRound: 8 }, ["Boundary"]),
    valid("total stake exactly MAX_TOTAL_STAKE", { stakes: [MAX_TOTAL_STAKE - 3, 1, 1, 1], fromRound: 2, toRound: 12 }, ["Boundary", "Weighted"]),
    invalid("total stake MAX_TOTAL_STAKE + 1", "INVALID_COMMITTEE", { stakes: [MAX_TOTAL_STAKE - 2, 1, 1, 1], fromRound: 2, toRound: 12 }, ["Boundary", "Weighted"]),
    valid("MAX_COMMITTEE_SIZE authorities", { stakes: new Array(MAX_COMMITTEE_SIZE).fill(1), fromRound: 2040, toRound: 2060 }, ["Boundary"]),
    invalid("MAX_COMMITTEE_SIZE + 1 authorities", "INVALID_COMMITTEE", { stakes: new Array(MAX_COMMITTEE_SIZE + 1).fill(1), fromRound: 2, toRound: 4 }, ["Boundary"]),
  );
  return out;
}

const d32 = (rng: Rng) => rng.bytes(32);
const sorted = (ds: Uint8Array[]) => [...ds].sort(compareDigests);

/** Certificates of a short all-honest simulation (4 equal stakes, sim-hash-v1), by round. */
function simulatedCertificates(): Certificate[] {
  const seen = new Map<string, Certificate>();
  const sc: Scenario = { ...STANDARD_SCENARIOS.honest4.scenario, until: 60 };
  runScenario(sc, {
    driver: (ctx) => {
      const inner = referenceDriver(ctx);
      return {
        step: (e) => {
          const out = inner.step(e);
          for (const m of out.messages) if (m.message.type === "certificate") seen.set(toHex(headerDigest(m.message.certificate.header)), m.message.certificate);
          return out;
        },
      };
    },
  });
  return [...seen.values()].sort((a, b) => a.header.round - b.header.round || a.header.author - b.header.author);
}

function simCommittee(n: number): Committee {
  return { authorities: Array.from({ length: n }, (_, i) => ({ stake: 1, publicKey: deriveKeyPair(SIM_HASH_SCHEME, "sim", i).publicKey })) };
}

function headerDigestCases(rng: Rng): CaseSpec[] {
  const stakes = [1, 1, 1, 1];
  const h = (header: Header) => ({ stakes, header: headerToJson(header) });
  const parents = sorted([d32(rng), d32(rng), d32(rng)]);
  const base: Header = { author: 2, round: 7, payload: sorted([d32(rng), d32(rng)]), parents };
  return [
    valid("a header with two batches and three parents", h(base)),
    valid("empty payload", h({ ...base, payload: [] }), ["Boundary"]),
    valid("round 2^32 − 1, author n − 1", h({ ...base, round: 2 ** 32 - 1, author: 3 }), ["Boundary"]),
    valid("MAX_HEADER_PAYLOAD batches", h({ ...base, payload: sorted(Array.from({ length: MAX_HEADER_PAYLOAD }, () => d32(rng))) }), ["Boundary"]),
    invalid("author n", "UNKNOWN_AUTHORITY", h({ ...base, author: 4 }), ["Structure"]),
    invalid("round 0 (genesis only)", "INVALID_ROUND", h({ ...base, round: 0 }), ["Structure"]),
    invalid("round 2^32", "INVALID_ROUND", h({ ...base, round: 2 ** 32 }), ["Structure"]),
    invalid("a 31-byte parent", "INVALID_DIGEST", h({ ...base, parents: [parents[0]!.subarray(0, 31), parents[1]!] }), ["Structure"]),
    invalid("parents descending", "NON_CANONICAL_ORDER", h({ ...base, parents: [...parents].reverse() }), ["Structure"]),
    invalid("a repeated batch digest", "NON_CANONICAL_ORDER", h({ ...base, payload: [base.payload[0]!, base.payload[0]!] }), ["Structure"]),
    invalid("MAX_HEADER_PAYLOAD + 1 batches", "TOO_MANY_ENTRIES", h({ ...base, payload: Array.from({ length: MAX_HEADER_PAYLOAD + 1 }, () => base.payload[0]!) }), ["Structure"]),
  ];
}

function checkHeaderCases(certs: Certificate[]): CaseSpec[] {
  const stakes = [1, 1, 1, 1];
  const headers = certs.map((c) => c.header);
  const round = (r: number) => headers.filter((h) => h.round === r);
  const target = headers.find((h) => h.round === 4 && h.parents.length >= 3)!;
  const known = headers.filter((h) => h.round < 4);
  const input = (header: Header, k: Header[] = known, gcDepth = 50) => ({ stakes, gcDepth, header: headerToJson(header), known: k.map(headerToJson) });
  const r3 = round(3);
  const quorumOf = (list: Header[], k: number) => sorted(list.slice(0, k).map(headerDigest));
  const twin: Header = { ...r3[0]!, payload: sorted([...r3[0]!.payload, new Uint8Array(32).fill(7)]) };
  const fakeGenesis: Header = { author: 1, round: 0, payload: [new Uint8Array(32).fill(1)], parents: [] };
  const g = [0, 1, 2, 3].map((a) => headerDigest(genesisCertificate(a).header));
  const parentedGenesis: Header = { author: 1, round: 0, payload: [], parents: [g[0]!] };
  const outsider: Header = { ...r3[0]!, author: 4 };
  return [
    valid("a round-4 header of a simulated run with all its parents known", input(target)),
    valid("round 1 on three genesis parents", input({ author: 0, round: 1, payload: [], parents: sorted(g.slice(0, 3)) }, []), ["Boundary"]),
    valid("a weak parent two rounds back", input({ author: 1, round: 4, payload: [], parents: sorted([...quorumOf(r3, 3), headerDigest(round(2)[0]!)]) })),
    invalid("a parent nobody has", "UNKNOWN_PARENT", input(target, known.filter((h) => headerDigest(h).toString() !== target.parents[0]!.toString())), ["Parents"]),
    invalid("only two parents of the previous round (quorum is 3)", "INSUFFICIENT_PARENTS", input({ ...target, parents: quorumOf(r3, 2) }), ["Parents"]),
    invalid("two previous-round parents by one author", "DUPLICATE_PARENT_AUTHOR", input({ ...target, parents: sorted([...quorumOf(r3, 3), headerDigest(twin)]) }, [...known, twin]), ["Parents", "Equivocation"]),
    invalid("a parent of the header's own round", "INVALID_PARENT_ROUND", input({ ...round(3)[0]!, author: 3, parents: sorted([...round(3)[0]!.parents, headerDigest(round(3)[1]!)]) }), ["Parents"]),
    invalid("a weak parent deeper than gcDepth", "INVALID_PARENT_ROUND", input({ author: 1, round: 4, payload: [], parents: sorted([...quorumOf(r3, 3), headerDigest(round(1)[0]!)]) }, known, 2), ["Parents", "GarbageCollection"]),
    invalid("a round-1 header on a round-0 header that is not genesis", "MISSING_GENESIS_PARENTS", input({ author: 0, round: 1, payload: [], parents: sorted([g[0]!, g[2]!, g[3]!, headerDigest(fakeGenesis)]) }, [fakeGenesis]), ["Parents"]),
    invalid("structural rules come first: author n", "UNKNOWN_AUTHORITY", input({ ...target, author: 4 }), ["Structure"]),
    valid("a weak parent exactly gcDepth rounds below (round 4, gcDepth 2, a round-2 parent): H7's lower bound is inclusive", input({ author: 1, round: 4, payload: [], parents: sorted([...quorumOf(r3, 3), headerDigest(round(2)[0]!)]) }, known, 2), ["Parents", "GarbageCollection", "Boundary"]),
    invalid("a round-1 header on a round-0 header with no payload but a parent: not genesis", "MISSING_GENESIS_PARENTS", input({ author: 0, round: 1, payload: [], parents: sorted([g[0]!, g[2]!, g[3]!, headerDigest(parentedGenesis)]) }, [parentedGenesis]), ["Parents"]),
    invalid("a known previous-round parent by author n (known headers are taken as given): it adds no stake, so two committee parents are not a quorum", "INSUFFICIENT_PARENTS", input({ ...target, parents: sorted([...quorumOf(r3, 2), headerDigest(outsider)]) }, [...known, outsider]), ["Parents"]),
  ];
}

function checkCertificateCases(certs: Certificate[]): CaseSpec[] {
  const committee = committeeToJson(SIM_HASH_SCHEME.name, simCommittee(4));
  const input = (c: Certificate, com: JsonObject = committee) => ({ committee: com, certificate: certificateToJson(c) });
  const c5 = certs.find((c) => c.header.round === 5)!;
  const c1 = certs.find((c) => c.header.round === 1)!;
  const sk = (i: number) => deriveKeyPair(SIM_HASH_SCHEME, "sim", i).secretKey;
  const signWith = (h: Header, signers: number[]): Certificate => ({ header: h, signers, signature: SIM_HASH_SCHEME.aggregate(signers.map((s) => SIM_HASH_SCHEME.sign(sk(s), voteMessage(headerDigest(h))))) });
  const blsKeys = [0, 1, 2, 3].map((i) => deriveKeyPair(BLS_SCHEME, "sim", i));
  const blsCommittee = committeeToJson(BLS_SCHEME.name, { authorities: blsKeys.map((k) => ({ stake: 1, publicKey: k.publicKey })) });
  const blsSigned = (h: Header, signers: number[]): Certificate => ({ header: h, signers, signature: BLS_SCHEME.aggregate(signers.map((s) => BLS_SCHEME.sign(blsKeys[s]!.secretKey, voteMessage(headerDigest(h))))) });
  const weighted = committeeToJson(SIM_HASH_SCHEME.name, { authorities: simCommittee(4).authorities.map((a, i) => ({ ...a, stake: [7, 1, 1, 1][i]! })) });
  return [
    valid("a round-5 certificate of a simulated run", input(c5)),
    valid("a round-1 certificate", input(c1), ["Boundary"]),
    valid("genesis of authority 2", input(genesisCertificate(2)), ["Boundary"]),
    valid("all four signers", input(signWith(c5.header, [0, 1, 2, 3])), ["Signature"]),
    valid("weighted: the whale alone is a quorum (7 of 10 ≥ ⌊20/3⌋ + 1)", input(signWith(c5.header, [0]), weighted), ["Weighted", "Signature"]),
    invalid("two signers of four (quorum is 3)", "INSUFFICIENT_STAKE", input(signWith(c5.header, [1, 2])), ["Signature"]),
    invalid("weighted: three small signers are not a quorum", "INSUFFICIENT_STAKE", input(signWith(c5.header, [1, 2, 3]), weighted), ["Weighted", "Signature"]),
    invalid("signers not ascending", "NON_CANONICAL_ORDER", input({ ...signWith(c5.header, [0, 1, 2]), signers: [0, 2, 1] }), ["Signature"]),
    invalid("a repeated signer", "NON_CANONICAL_ORDER", input({ ...signWith(c5.header, [0, 1, 2]), signers: [0, 1, 1] }), ["Signature"]),
    invalid("signer 4 of 4", "UNKNOWN_AUTHORITY", input({ ...signWith(c5.header, [0, 1, 2]), signers: [0, 1, 4] }), ["Signature"]),
    invalid("the aggregate of another header", "INVALID_SIGNATURE", input({ ...c5, signature: c1.signature }), ["Signature"]),
    invalid("an all-zero aggregate", "INVALID_SIGNATURE", input({ ...c5, signature: new Uint8Array(32) }), ["Signature"]),
    // the aggregate compares bytes after lengths (reference/common/bytes.ts bytesEqual): a longer input matching on every computed byte must fail
    invalid("the correct aggregate with one byte appended (33 bytes)", "INVALID_SIGNATURE", input({ ...c5, signature: Uint8Array.of(...c5.signature, 0) }), ["Signature", "Boundary"]),
    invalid("the correct aggregate without its last byte (31 bytes)", "INVALID_SIGNATURE", input({ ...c5, signature: c5.signature.subarray(0, 31) }), ["Signature", "Boundary"]),
    invalid("signers claimed but one did not sign", "INVALID_SIGNATURE", input({ ...signWith(c5.header, [0, 1, 2]), signers: [0, 1, 3] }), ["Signature"]),
    invalid("a round-0 certificate with a payload", "INVALID_GENESIS", input({ ...genesisCertificate(1), header: { ...genesisCertificate(1).header, payload: [new Uint8Array(32)] } }), ["Boundary"]),
    valid("bls12381-pop-v1: the round-5 header certified by three BLS votes (FastAggregateVerify)", input(blsSigned(c5.header, [0, 2, 3]), blsCommittee), ["Signature", "Bls"]),
    invalid("bls12381-pop-v1: the aggregate of signers 0, 1, 2 claimed for 0, 1, 3", "INVALID_SIGNATURE", input({ ...blsSigned(c5.header, [0, 1, 2]), signers: [0, 1, 3] }, blsCommittee), ["Signature", "Bls"]),
    invalid("bls12381-pop-v1: 96 zero bytes are not a G2 point", "INVALID_SIGNATURE", input({ ...blsSigned(c5.header, [0, 1, 2]), signature: new Uint8Array(96) }, blsCommittee), ["Signature", "Bls"]),
    invalid("genesis with a signer", "INVALID_GENESIS", input({ ...genesisCertificate(1), signers: [1] }), ["Boundary"]),
    invalid("genesis with a one-byte signature", "INVALID_GENESIS", input({ ...genesisCertificate(1), signature: new Uint8Array(1) }), ["Boundary"]),
    invalid("a round-0 certificate with a parent", "INVALID_GENESIS", input({ ...genesisCertificate(1), header: { ...genesisCertificate(1).header, parents: [headerDigest(genesisCertificate(0).header)] } }), ["Boundary"]),
    invalid("structural rules come first: a 33-byte batch digest", "INVALID_DIGEST", input({ ...c5, header: { ...c5.header, payload: [new Uint8Array(33)] } }), ["Structure"]),
    ...thresholdCases(certs, signWith),
  ];
}

/**
 * The quorum threshold pinned where the usual formulas disagree: with total stake S ≡ 0 or 2 (mod 3),
 * ⌊2S/3⌋ + 1 (the rule), ⌈2S/3⌉ and "2f + 1" with f = ⌊(S − 1)/3⌋ give different quorums (with
 * S ≡ 1 they coincide, which is every other committee of these vectors). Each committee gets a
 * certificate of exactly the quorum (valid) and one of each smaller wrong quorum (INSUFFICIENT_STAKE).
 */
function thresholdCases(certs: Certificate[], signWith: (h: Header, signers: number[]) => Certificate): CaseSpec[] {
  const out: CaseSpec[] = [];
  const committees: { stakes: number[]; exact: number[]; wrong: { signers: number[]; formula: string }[] }[] = [
    { stakes: [1, 1, 1], exact: [0, 1, 2], wrong: [{ signers: [0, 1], formula: "⌈2S/3⌉ = 2" }, { signers: [0], formula: "2f + 1 = 1" }] },
    { stakes: [3, 1, 1, 1], exact: [0, 1, 2], wrong: [{ signers: [0, 1], formula: "⌈2S/3⌉ = 4" }, { signers: [1, 2, 3], formula: "2f + 1 = 3" }] },
    { stakes: [1, 1, 1, 1, 1], exact: [0, 1, 2, 3], wrong: [{ signers: [0, 1, 2], formula: "2f + 1 = 3" }] },
    { stakes: [5, 1, 1, 1], exact: [0, 1], wrong: [{ signers: [0], formula: "2f + 1 = 5" }] },
  ];
  for (const { stakes, exact, wrong } of committees) {
    const total = stakes.reduce((a, b) => a + b, 0);
    const q = Math.floor((2 * total) / 3) + 1;
    const cert = certs.find((c) => c.header.round === 5 && c.header.author < stakes.length)!;
    const committee = committeeToJson(SIM_HASH_SCHEME.name, { authorities: stakes.map((stake, i) => ({ stake, publicKey: deriveKeyPair(SIM_HASH_SCHEME, "sim", i).publicKey })) });
    const input = (signers: number[]) => ({ committee, certificate: certificateToJson(signWith(cert.header, signers)) });
    const stakeOf = (signers: number[]) => signers.reduce((a, i) => a + stakes[i]!, 0);
    const name = `stakes [${stakes.join(", ")}] (S = ${total} ≡ ${total % 3} mod 3, quorum ⌊2S/3⌋ + 1 = ${q})`;
    if (stakeOf(exact) !== q) throw new Error(`threshold case ${name}: signers ${exact} hold ${stakeOf(exact)}, not the quorum`);
    out.push(valid(`${name}: signers holding exactly the quorum`, input(exact), ["Weighted", "Signature", "Boundary"]));
    for (const w of wrong) {
      if (stakeOf(w.signers) >= q) throw new Error(`threshold case ${name}: ${w.formula} is not below the quorum`);
      out.push(invalid(`${name}: signers holding ${stakeOf(w.signers)}, a quorum only under ${w.formula}`, "INSUFFICIENT_STAKE", input(w.signers), ["Weighted", "Signature", "Boundary"]));
    }
  }
  return out;
}

function orderDagCases(seed: string): CaseSpec[] {
  const out: CaseSpec[] = [];
  const dagCase = (label: string, stakes: number[], rounds: number, slow: number, extra: number, gcDepth: number, orders: number, flags: string[]) => {
    const rng = new Rng(`${seed}/${label}`);
    const dag = randomDag({ stakes, rounds, slowPercent: slow, extraParentPercent: extra }, rng);
    out.push(valid(`${label}: ${dag.length} certificates in round order`, { stakes, gcDepth, certificates: dag.map(headerToJson) }, ["RandomDag", ...flags]));
    for (let k = 0; k < orders; k++) out.push(valid(`${label}: delivery order #${k + 1}`, { stakes, gcDepth, certificates: shuffled(dag, rng).map(headerToJson) }, ["RandomDag", "DeliveryOrder", ...flags]));
    return dag;
  };
  dagCase("4 equal, full DAG", [1, 1, 1, 1], 12, 0, 100, 50, 1, []);
  dagCase("4 equal, quorum parents only", [1, 1, 1, 1], 16, 0, 0, 50, 2, []);
  const slow = dagCase("4 equal, slow authorities", [1, 1, 1, 1], 20, 25, 30, 50, 2, []);
  dagCase("7 equal, slow authorities", new Array(7).fill(1), 20, 20, 40, 50, 2, []);
  dagCase("weighted 1..5", [1, 2, 3, 4, 5], 20, 15, 40, 50, 2, ["Weighted"]);
  dagCase("10 equal", new Array(10).fill(1), 12, 10, 20, 50, 1, []);
  dagCase("4 equal, gcDepth 2", [1, 1, 1, 1], 24, 30, 20, 2, 1, ["GarbageCollection"]);
  out.push(valid("genesis only: nothing to order", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [] }, ["Boundary"]));
  const first = slow.filter((h) => h.round <= 3);
  out.push(valid("rounds 1–3 only: the round-2 leader may commit, nothing else", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: first.map(headerToJson) }, ["Boundary"]));
  const r2 = slow.find((h) => h.round === 2)!;
  const eq: Header = { ...r2, payload: [new Uint8Array(32).fill(9)] };
  out.push(invalid("a second certificate for one slot", "EQUIVOCATION", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...slow.filter((h) => h.round <= 2), eq].map(headerToJson) }, ["Equivocation"]));
  const r3 = slow.find((h) => h.round === 3)!;
  out.push(invalid("a certificate with a single parent", "INSUFFICIENT_PARENTS", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...slow.filter((h) => h.round <= 2), { ...r3, parents: [r3.parents[0]!] }].map(headerToJson) }, ["Parents"]));
  // the contract of order_dag (spec §Conformance operations): when checks run, errors abort, duplicates, release order
  // rounds 1–8, then round 9: delivering round 9 commits the round-8 anchor (and the earlier ones it reaches)
  const r4 = slow.filter((h) => h.round === 9);
  const rest = slow.filter((h) => h.round < 9);
  out.push(valid("a certificate delivered twice: the second delivery changes nothing", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...rest, rest[rest.length - 1]!, ...r4].map(headerToJson) }, ["DeliveryOrder"]));
  out.push(valid("round-9 certificates delivered before rounds 1–8: buffered, then released once their parents are in", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...r4, ...rest].map(headerToJson) }, ["DeliveryOrder"]));
  const orphan: Header = { ...r4[0]!, parents: [new Uint8Array(32).fill(7), ...r4[0]!.parents.slice(1)].sort(compareDigests) };
  out.push(valid("a certificate whose parent never arrives stays buffered and unordered: no error", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...rest, orphan].map(headerToJson) }, ["Parents"]));
  const weakChild: Header = { ...r4[0]!, parents: [r4[0]!.parents[0]!] };
  out.push(invalid("a buffered certificate's parent rules run at its release: INSUFFICIENT_PARENTS once its parents are in", "INSUFFICIENT_PARENTS", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [weakChild, ...rest].map(headerToJson) }, ["Parents", "DeliveryOrder"]));
  out.push(invalid("structural rules run at arrival: a malformed certificate after a buffered one that never releases aborts the whole answer", "INVALID_DIGEST", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...rest, orphan, { ...r4[1]!, payload: [new Uint8Array(31)] }].map(headerToJson) }, ["Structure"]));
  out.push(invalid("an error aborts: a later valid delivery does not recover the answer", "INSUFFICIENT_PARENTS", { stakes: [1, 1, 1, 1], gcDepth: 50, certificates: [...rest, weakChild, ...r4.slice(1)].map(headerToJson) }, ["Parents"]));
  for (const c of DAG_COUNTEREXAMPLES) {
    const k = killingDelivery(c);
    out.push(valid(`counterexample against ${c.rules}, ${k.label}: ${c.provenance}`, { stakes: c.stakes, gcDepth: c.gcDepth, certificates: k.certificates.map(headerToJson) }, ["RandomDag", "DeliveryOrder", "Counterexample"]));
  }
  return out;
}

/**
 * The release order of `order_dag` (spec §Conformance operations: of the releasable buffered
 * certificates, the earliest delivered first, chosen again after each insertion), pinned through the
 * abort on the first failing check: only the certificate released first among those that fail
 * decides the code. Four equal stakes; round-1 certificates of authors 1–3 and a round-2 certificate
 * `R` of author 2 are in, then certificates that all wait for the round-1 certificate `P` of author
 * 0 alone, then `P`: its arrival releases them all at once.
 * - Fans: `j` copies of one valid certificate, then one breaking H7 (a parent of its own round,
 *   `R`: INVALID_PARENT_ROUND), then certificates breaking H9 (INSUFFICIENT_PARENTS); the answer is
 *   INVALID_PARENT_ROUND whatever `j`, and a release order other than arrival order answers
 *   INSUFFICIENT_PARENTS.
 * - Two levels: `P` releases a valid certificate whose insertion releases more, delivered in between.
 * - A release that releases an earlier delivery: a valid `Q` (waiting for `P`) and a later
 *   H9-breaking certificate are released by `P`; inserting `Q` releases a round-3 certificate
 *   delivered before `Q` that breaks H7 (a genesis parent, gcDepth 2), which must come next.
 */
function releaseOrderCases(): CaseSpec[] {
  const stakes = [1, 1, 1, 1];
  const g = [0, 1, 2, 3].map((a) => headerDigest(genesisCertificate(a).header));
  const byte = (b: number) => [new Uint8Array(32).fill(b)];
  const r1 = [0, 1, 2, 3].map((a): Header => ({ author: a, round: 1, payload: byte(0x10 + a), parents: sorted(g) }));
  const d = (h: Header) => headerDigest(h);
  const P = r1[0]!;
  const R: Header = { author: 2, round: 2, payload: byte(0x22), parents: sorted([d(r1[1]!), d(r1[2]!), d(r1[3]!)]) };
  const V: Header = { author: 1, round: 2, payload: byte(0x21), parents: sorted([d(P), d(r1[2]!), d(r1[3]!)]) };
  const X: Header = { author: 3, round: 2, payload: byte(0x23), parents: sorted([d(P), d(r1[1]!), d(r1[2]!), d(R)]) };
  const R0: Header = { author: 0, round: 2, payload: byte(0x20), parents: sorted([d(r1[1]!), d(r1[2]!), d(r1[3]!)]) };
  const Y = (i: number): Header => ({ author: i % 4, round: 2, payload: byte(0x40 + i), parents: sorted([d(P), d(r1[1]!)]) });
  const before = [r1[1]!, r1[2]!, r1[3]!, R];
  const out: CaseSpec[] = [];
  const k = 12;
  for (let j = 0; j < k - 1; j++) {
    const waiting = [...Array<Header>(j).fill(V), X, ...Array.from({ length: k - 1 - j }, (_, i) => Y(i))];
    out.push(invalid(`release order, a fan of ${k} certificates waiting for one parent: ${j} copies of a valid one, then one breaking H7, then ${k - 1 - j} breaking H9; released in arrival order, the H7 one fails first`, "INVALID_PARENT_ROUND", { stakes, gcDepth: 50, certificates: [...before, ...waiting, P].map(headerToJson) }, ["DeliveryOrder", "Parents"]));
  }
  const W: Header = { author: 2, round: 3, payload: byte(0x32), parents: sorted([d(V), d(R), d(R0), g[0]!]) };
  // a second level: V's release releases copies of a valid round-3 certificate and an H9-breaking one,
  // all delivered around P's other children; arrival order interleaves the two levels
  const V3: Header = { author: 1, round: 3, payload: byte(0x31), parents: sorted([d(V), d(R), d(R0)]) };
  const Y3: Header = { author: 3, round: 3, payload: byte(0x33), parents: sorted([d(V), d(R)]) };
  const twoLevels = [V3, V, V3, V, V3, X, Y(0), Y3, Y(1), Y(2), Y(3)];
  out.push(invalid("release order over two levels: P releases a valid certificate, whose insertion releases certificates delivered before and after P's other children; the one breaking H7 (the 6th delivered) is released before every H9-breaking one", "INVALID_PARENT_ROUND", { stakes, gcDepth: 50, certificates: [...before, R0, ...twoLevels, P].map(headerToJson) }, ["DeliveryOrder", "Parents"]));
  out.push(invalid("release order: inserting a released certificate releases one delivered before it, which comes before a later delivery released earlier (INVALID_PARENT_ROUND, a genesis parent of a round-3 certificate under gcDepth 2, before INSUFFICIENT_PARENTS)", "INVALID_PARENT_ROUND", { stakes, gcDepth: 2, certificates: [...before, R0, W, V, Y(0), P].map(headerToJson) }, ["DeliveryOrder", "Parents", "GarbageCollection"]));
  return out;
}

/** The answer of `order_dag` under some rules, as a comparable string (the sequence, or the error code). */
function orderAnswer(stakes: number[], gcDepth: number, headers: readonly Header[], rules: RulesName): string {
  const committee = { authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  try {
    return orderDag(committee, gcDepth, headers, rulesOf(rules)).flatMap((s) => s.vertices.map((v) => toHex(v.digest))).join(",");
  } catch (e) {
    if (isSpecError(e, "consensus")) return `error ${e.code}`;
    throw e;
  }
}

/**
 * The delivery of a DAG counterexample that its mutant answers differently from the reference, so
 * the vector catches the mutant it came from (a campaign violation is the mutant disagreeing with
 * itself across two orders, which need not be a disagreement with the reference on either). Tried
 * in order: the delivery found, the same certificates in round order, the whole DAG in round order,
 * the whole delivery. Generation fails when none catches the mutant.
 */
function killingDelivery(c: DagCounterexample): { label: string; certificates: Header[] } {
  const order = c.order.map(headerFromJson);
  const byRound = (hs: Header[]) => [...hs].sort((a, b) => a.round - b.round || a.author - b.author);
  const prefix = order.slice(0, c.delivered);
  const candidates = [
    { label: `the ${c.delivered} certificates delivered first`, certificates: prefix },
    { label: `the ${c.delivered} certificates delivered first, in round order`, certificates: byRound(prefix) },
    { label: "the whole DAG in round order", certificates: byRound(order) },
    { label: "the whole delivery", certificates: order },
  ];
  const found = candidates.find((k) => orderAnswer(c.stakes, c.gcDepth, k.certificates, c.rules) !== orderAnswer(c.stakes, c.gcDepth, k.certificates, "reference"));
  if (!found) throw new Error(`order_dag counterexample against ${c.rules} (${c.provenance}): the mutant agrees with the reference on every delivery tried`);
  return found;
}

/** A promoted network counterexample must still be a violation under its mutant and safe under the reference. */
function checkNetworkCounterexample(c: NetworkCounterexample): void {
  if (!runScenario(c.scenario).violation) throw new Error(`simulate counterexample against ${c.rules} (${c.provenance}): no longer a violation under its mutant`);
  if (runScenario({ ...c.scenario, rules: "reference" }).violation) throw new Error(`simulate counterexample against ${c.rules} (${c.provenance}): a violation under the reference too`);
}

function simulateCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const [name, s] of Object.entries(STANDARD_SCENARIOS)) out.push(valid(`${name}: ${s.comment}`, { scenario: scenarioToJson(s.scenario) }, s.flags));
  for (const c of COUNTEREXAMPLES) {
    checkNetworkCounterexample(c);
    out.push(valid(`${c.rules}: ${c.provenance}`, { scenario: scenarioToJson(c.scenario) }, ["Mutant", "Counterexample"]));
  }
  // the ordering rule's switch commitEarlierAnchors, which only simulate can turn off (order_dag
  // always runs the reference rules): a run where an anchor commits only through a later one
  const skip: Scenario = { ...STANDARD_SCENARIOS.honest4.scenario, rules: "skip-earlier-anchors", gst: 60, until: 60, slow: [1], slowBy: 5 };
  if (JSON.stringify(runScenario(skip).sequences) === JSON.stringify(runScenario({ ...skip, rules: "reference" }).sequences)) throw new Error("simulate under skip-earlier-anchors: the answer is the reference rules' (no anchor committed through a later one)");
  out.push(
    valid(
      "rules skip-earlier-anchors, safe but ordering otherwise: validator 1 (leader of round 4) slow by 5 until GST = the horizon t = 60, so the round-4 anchor has under f + 1 votes when round 5 is inserted; the round-6 anchor links to it, and node 0 commits the round-6 anchor alone, the round-4 one inside its history (13 vertices), where the reference rules commit the round-4 anchor first (6 + 7 vertices). Pins that these rules turn the chain walk off: a node that walks it whatever its rules fails here",
      { scenario: scenarioToJson(skip) },
      ["Mutant", "Asynchrony"],
    ),
  );
  const n = SCENARIO_LIMITS.nodes;
  const busiest = { stakes: Array<number>(n).fill(1), nodes: Array.from({ length: n }, (_, a) => ({ authority: a, behaviour: "honest" })), rules: "reference", gst: 0, delta: 1, timeout: 2, until: SCENARIO_LIMITS.until, gcDepth: 50, partitions: [], delays: [1], slow: [], slowBy: 0 };
  out.push(invalid(`${n} nodes, one-tick delays, the longest horizon: more than MAX_SIM_EVENTS events (answered after MAX_SIM_EVENTS, not after the horizon)`, "EVENT_LIMIT", { scenario: busiest }, ["CostLimit"]));
  return out;
}

/** The events node `nodeId` of a simulated run is delivered, in order, the first `limit` of them. */
function eventsOf(sc: Scenario, nodeId: number, limit: number, scheme: SignatureScheme = SIM_HASH_SCHEME): NodeEvent[] {
  const events: NodeEvent[] = [];
  const record = (ctx: NodeContext): NodeDriver | undefined => {
    if (ctx.nodeId !== nodeId) return undefined;
    const inner = referenceDriver(ctx);
    return { step: (e) => (events.length < limit && events.push(e), inner.step(e)) };
  };
  runScenario(sc, { scheme, driver: record });
  return events;
}

/**
 * Scripted `consensus-node` exchanges (spec/consensus.md §Scripted exchanges): the events one node
 * of a simulated run receives, as they came, then the same run with hostile messages put in; the
 * answers are the reference node's, stepped through the events by the operation.
 */
function nodeExchangeCases(): CaseSpec[] {
  const sc = STANDARD_SCENARIOS.honest4.scenario;
  const initOf = (scheme: SignatureScheme, authority: number): JsonObject => ({
    committee: committeeToJson(scheme.name, scenarioCommittee(sc, scheme)),
    authority,
    secretKey: toHex(deriveKeyPair(scheme, SIM_KEY_LABEL, authority).secretKey),
    gcDepth: sc.gcDepth,
  });
  const input = (scheme: SignatureScheme, authority: number, events: NodeEvent[]) => ({ init: initOf(scheme, authority), events: events.map(eventToJson) });
  const events = eventsOf(sc, 0, 64);
  const out: CaseSpec[] = [valid("node 0 of four honest validators: its first 64 events (batch, start, headers, votes, certificates, timeouts); it proposes, votes, certifies and commits the first anchors", input(SIM_HASH_SCHEME, 0, events), ["NodeExchange", "Honest"])];

  // hostile messages put into the first events of the same run; each is ignored or answered as §Node says
  const sk = (a: number) => deriveKeyPair(SIM_HASH_SCHEME, SIM_KEY_LABEL, a).secretKey;
  const msg = (from: number, message: Message): NodeEvent => ({ kind: "message", from, message });
  const byOf = (m: Message): number | undefined => (m.type === "header" ? m.header.author : m.type === "certificate" ? m.certificate.header.author : m.type === "vote" ? m.vote.voter : undefined);
  const isMsg = (e: NodeEvent, type: Message["type"], author: number): boolean => e.kind === "message" && e.message.type === type && byOf(e.message) === author;
  const at = (type: Message["type"], author: number) => {
    const k = events.findIndex((e) => isMsg(e, type, author));
    if (k < 0) throw new Error(`node_exchange: no ${type} of ${author} among the recorded events`);
    return k;
  };
  const headerOf = (e: NodeEvent) => (e as { message: { header: Header } }).message.header;
  const certOf = (e: NodeEvent) => (e as { message: { certificate: Certificate } }).message.certificate;
  const h1 = headerOf(events[at("header", 1)]!);
  const vote2 = events[at("vote", 2)]!;
  const c1 = certOf(events[at("certificate", 1)]!);
  const unknown = new Uint8Array(32).fill(0xee);
  const orphanHeader: Header = { author: 3, round: c1.header.round + 1, payload: [], parents: sorted([unknown, headerDigest(c1.header)]) };
  const orphan: Certificate = { header: orphanHeader, signers: [0, 1, 2], signature: SIM_HASH_SCHEME.aggregate([0, 1, 2].map((a) => SIM_HASH_SCHEME.sign(sk(a), voteMessage(headerDigest(orphanHeader))))) };
  const hostile: [number, NodeEvent, string][] = [
    [at("header", 1), msg(2, { type: "header", header: h1 }), "authority 1's header sent by authority 2 (not its author): ignored"],
    [at("header", 1) + 1, msg(1, { type: "header", header: { ...h1, payload: sorted([...h1.payload, new Uint8Array(32).fill(0x5a)]) } }), "a second header of authority 1 for the same round: no second vote (EQUIVOCATION)"],
    [at("header", 1) + 1, msg(1, { type: "header", header: h1 }), "the same header again: voted for again (votes are idempotent)"],
    [at("vote", 2) + 1, vote2, "a vote delivered twice: counted once"],
    [at("vote", 2), msg(3, { type: "vote", vote: { ...(vote2 as { message: { vote: Vote } }).message.vote, voter: 3, signature: new Uint8Array(32).fill(3) } }), "a vote of authority 3 with a wrong signature: ignored"],
    [at("certificate", 1) + 1, msg(2, { type: "request", digests: [headerDigest(c1.header), unknown] }), "a request for a certificate the node has and one it does not: the one it has is sent"],
    [at("certificate", 1) + 1, msg(2, { type: "certificate", certificate: orphan }), "a well-signed certificate with a parent nobody has: buffered, the parent requested from the sender"],
    [at("certificate", 1) + 1, { kind: "timeout", round: 1 }, "a timeout of round 1, which the node has left: nothing"],
    [at("certificate", 1) + 2, { kind: "timeout", round: 2 }, "a timeout of its current round 2: the uncertified header re-sent, the timer re-armed"],
    [at("certificate", 1) + 1, { kind: "timeout", round: 40 }, "a timeout of a round the node is not in: nothing"],
    [2, { kind: "batch", digest: new Uint8Array(32).fill(0x42) }, "a batch after start: proposed in the node's next header"],
  ];
  const mixed = events.slice(0, at("certificate", 1) + 12);
  for (const [k, e] of [...hostile].sort((a, b) => b[0] - a[0])) mixed.splice(k, 0, e);
  out.push(valid(`node 0, the same run's first events with hostile ones put in: ${hostile.map((h) => h[2]).join("; ")}`, input(SIM_HASH_SCHEME, 0, mixed), ["NodeExchange", "Equivocation", "Signature", "Parents"]));

  // bls12381-pop-v1: the secret key is I2OSP(sk, 32); the node's votes and certificate carry BLS signatures
  // 8 events (3 votes signed, 2 votes and 2 certificates verified): BLS costs about 0.1 s a pairing here, and every vector run replays them
  const bls = eventsOf({ ...sc, until: 12 }, 1, 8, BLS_SCHEME);
  out.push(valid("bls12381-pop-v1: node 1 of four honest validators, its first 8 events (up to its first certificate): its votes and certificate are BLS signatures under its I2OSP-encoded secret key", input(BLS_SCHEME, 1, bls), ["NodeExchange", "Honest", "Bls"]));
  // the operation's own checks (§Scripted exchanges): K1, then authority < n, then a secret key the scheme can sign with
  // (BAD_INPUT, like a batch digest of other than 32 bytes: adapter answers, which `pwo hostile` covers, not vector expectations)
  const start: NodeEvent[] = [{ kind: "start" }];
  const empty = { ...initOf(SIM_HASH_SCHEME, 0), committee: committeeToJson(SIM_HASH_SCHEME.name, { authorities: [] }) };
  out.push(
    invalid("authority 4 of a committee of four (the smallest id out of range)", "UNKNOWN_AUTHORITY", input(SIM_HASH_SCHEME, 4, start), ["NodeExchange", "Boundary"]),
    invalid("an empty committee (K1)", "INVALID_COMMITTEE", { init: empty, events: start.map(eventToJson) }, ["NodeExchange", "PairwiseRules"]),
    invalid("an empty committee and authority 1, which it does not hold: K1 answers first", "INVALID_COMMITTEE", { init: { ...empty, authority: 1 }, events: start.map(eventToJson) }, ["NodeExchange", "PairwiseRules"]),
    invalid("an unknown authority and a secret key that cannot sign: UNKNOWN_AUTHORITY answers first", "UNKNOWN_AUTHORITY", { init: { ...initOf(BLS_SCHEME, 4), secretKey: "00".repeat(32) }, events: start.map(eventToJson) }, ["NodeExchange", "Bls", "PairwiseRules"]),
  );
  out.push(...nodeRuleExchangeCases(events, (events) => input(SIM_HASH_SCHEME, 0, events)));
  out.push(...craftedDagExchangeCases());
  return out;
}

/** A sim-hash-v1 certificate of `h` signed by `signers` (anyone can compute one: the scheme is a stand-in). */
function simSigned(h: Header, signers: readonly number[], label = SIM_KEY_LABEL): Certificate {
  const sk = (a: number) => deriveKeyPair(SIM_HASH_SCHEME, label, a).secretKey;
  return { header: h, signers: [...signers], signature: SIM_HASH_SCHEME.aggregate(signers.map((a) => SIM_HASH_SCHEME.sign(sk(a), voteMessage(headerDigest(h))))) };
}

/**
 * The rules of §Node one at a time, put into node 0's recorded `honest4` events where the reference
 * ignores them or keeps them aside (so the rest of the run, and the recorded votes for node 0's own
 * headers, stay as they were): votes breaking V1 (voter n) and V2 (a wrong author, a wrong round)
 * each alone, by a voter whose genuine vote would come too late to make the quorum; requests for a
 * genesis digest; headers breaking H4 or H9; certificates whose parent breaks H9, a child waiting on
 * an invalid and a valid parent, a child waiting only on a buffered parent (nothing to request), a
 * second certificate for a filled slot. Then the batch order of proposals.
 */
function nodeRuleExchangeCases(events: NodeEvent[], input: (events: NodeEvent[]) => JsonObject): CaseSpec[] {
  const sc = STANDARD_SCENARIOS.honest4.scenario;
  const committee = scenarioCommittee(sc);
  const sk = (a: number) => deriveKeyPair(SIM_HASH_SCHEME, SIM_KEY_LABEL, a).secretKey;
  const msg = (from: number, message: Message): NodeEvent => ({ kind: "message", from, message });
  // node 0's own headers, and the step that proposed each, replaying the recorded events
  const node = initNode({ committee, authority: 0, scheme: SIM_HASH_SCHEME, secretKey: sk(0), gcDepth: sc.gcDepth });
  const own = new Map<number, { header: Header; step: number }>();
  for (const [k, e] of events.entries()) {
    for (const m of stepNode(node, e).messages) if (m.message.type === "header" && m.message.header.author === 0 && !own.has(m.message.header.round)) own.set(m.message.header.round, { header: m.message.header, step: k });
  }
  const voters = (r: number) => events.flatMap((e) => (e.kind === "message" && e.message.type === "vote" && e.message.vote.author === 0 && e.message.vote.round === r ? [e.message.vote.voter] : []));
  const ownVote = (r: number, voter: number, fields: Partial<Vote>): NodeEvent => {
    const d = headerDigest(own.get(r)!.header);
    return msg(voter, { type: "vote", vote: { headerDigest: d, author: 0, round: r, voter, signature: SIM_HASH_SCHEME.sign(sk(voter), voteMessage(d)), ...fields } });
  };
  for (const r of [1, 2]) if (!own.has(r) || voters(r).length < 3) throw new Error(`node_exchange: node 0's round-${r} header or its votes are not among the recorded events`);
  const certAt = (author: number, round: number) => {
    const k = events.findIndex((e) => e.kind === "message" && e.message.type === "certificate" && e.message.certificate.header.author === author && e.message.certificate.header.round === round);
    if (k < 0) throw new Error(`node_exchange: no certificate of (${round}, ${author}) among the recorded events`);
    return { k, cert: (events[k] as { message: { certificate: Certificate } }).message.certificate };
  };
  const g = (a: number) => headerDigest(genesisCertificate(a).header);
  const { k: kc1, cert: c1 } = certAt(1, 1);
  const unknown = new Uint8Array(32).fill(0xed);
  const badParents = simSigned({ author: 3, round: 1, payload: [new Uint8Array(32).fill(0x33)], parents: [g(0)] }, [0, 1, 2]);
  const child = simSigned({ author: 2, round: 2, payload: [new Uint8Array(32).fill(0x22)], parents: sorted([headerDigest(badParents.header), headerDigest(c1.header)]) }, [0, 1, 2]);
  const sibling = simSigned({ ...child.header, payload: [new Uint8Array(32).fill(0x23)] }, [0, 1, 2]);
  const orphan = simSigned({ author: 3, round: 2, payload: [], parents: sorted([unknown, headerDigest(c1.header)]) }, [0, 1, 2]);
  const orphanChild = simSigned({ author: 1, round: 3, payload: [], parents: [headerDigest(orphan.header)] }, [0, 1, 2]);
  const twin = simSigned({ ...c1.header, payload: sorted([...c1.header.payload, new Uint8Array(32).fill(0x77)]) }, [0, 1, 2]);
  const start = events.findIndex((e) => e.kind === "start");
  const filler = new Rng("pwo/consensus/vectors/node_exchange/request");
  const hostile: [number, NodeEvent, string][] = [
    [start + 1, ownVote(1, 4, { signature: new Uint8Array(32).fill(4) }), "a vote of voter n = 4 for the node's round-1 header: ignored (V1)"],
    [start + 1, ownVote(1, voters(1)[1]!, { author: 1 }), `a vote of ${voters(1)[1]} for the node's round-1 header, well signed, naming author 1: ignored (V2), so the quorum waits for the genuine votes`],
    [own.get(2)!.step + 1, ownVote(2, voters(2)[1]!, { round: 1 }), `a vote of ${voters(2)[1]} for the node's round-2 header, well signed, naming round 1: ignored (V2)`],
    [start + 1, msg(2, { type: "request", digests: [g(2), g(0)] }), "a request for two genesis digests: nothing is sent (genesis is never sent)"],
    [start + 1, msg(2, { type: "header", header: { author: 2, round: 1, payload: [new Uint8Array(31)], parents: [unknown] } }), "a header of authority 2 with a 31-byte batch digest and an unknown parent: ignored before its parents are requested (H4)"],
    [start + 1, msg(3, { type: "header", header: { author: 3, round: 1, payload: [], parents: [g(0)] } }), "a round-1 header of authority 3 on one genesis parent: no vote (H9), and no vote recorded for its slot"],
    [kc1, msg(2, { type: "certificate", certificate: child }), "a round-2 certificate whose parents are a certificate breaking H9 (not yet sent) and authority 1's round-1 certificate (not yet arrived): buffered, both requested"],
    [kc1, msg(2, { type: "certificate", certificate: sibling }), "a second such certificate (another payload): buffered, both parents requested"],
    [kc1, msg(3, { type: "certificate", certificate: badParents }), "the well-signed round-1 certificate of authority 3 on one genesis parent: not inserted (H9), and both buffered children dropped"],
    [kc1, msg(2, { type: "certificate", certificate: sibling }), "the second child again, before authority 1's certificate arrives: buffered again, both parents requested again"],
    [kc1 + 1, msg(1, { type: "certificate", certificate: twin }), "a second well-signed certificate for authority 1's round-1 slot: a vertex of the DAG, but not the slot's, never a weak parent"],
    [kc1 + 1, msg(3, { type: "certificate", certificate: orphan }), "a round-2 certificate with a parent nobody has: buffered, the parent requested"],
    [kc1 + 1, msg(1, { type: "certificate", certificate: orphanChild }), "a round-3 certificate whose only parent is that buffered certificate: buffered, nothing requested"],
    [kc1 + 1, msg(2, { type: "request", digests: [...Array.from({ length: MAX_HEADER_PARENTS }, () => filler.bytes(32)), headerDigest(c1.header)] }), `a request for ${MAX_HEADER_PARENTS} unknown digests, then authority 1's round-1 certificate: only the first MAX_HEADER_PARENTS digests of a request are looked at, nothing is sent`],
  ];
  const mixed = [...events];
  // put in from the last position down, so earlier positions stay valid; equal positions keep the list's order
  for (const [k, e] of hostile.map((h, i) => [h[0], h[1], i] as const).sort((a, b) => b[0] - a[0] || b[2] - a[2])) mixed.splice(k, 0, e);
  const a = new Uint8Array(32).fill(0x80);
  const b = new Uint8Array(32).fill(0x10);
  const batches: NodeEvent[] = [a, b, a, new Uint8Array(32).fill(0x7f), b].map((digest) => ({ kind: "batch", digest }));
  return [
    valid(`node 0, the honest4 events with rule-breaking ones put in: ${hostile.map((h) => h[2]).join("; ")}`, input(mixed), ["NodeExchange", "Signature", "Parents", "Equivocation"]),
    valid("batches delivered unsorted before start, two of them twice: the node proposes each digest once, in byte order (a pending digest given again is ignored)", input([...batches, { kind: "start" }]), ["NodeExchange", "Structure"]),
  ];
}

/**
 * A node fed a DAG of well-signed certificates (sim-hash-v1 lets the generator sign for anyone):
 * a seeded DAG with slow authorities delivered out of order, with timeouts of the node's round now
 * and then, under gcDepth 2 (the smallest accepted) and 4, so weak parents, their order and their
 * garbage collection decide the node's headers; and the round-advance boundary of an odd round whose
 * certificates give the previous leader exactly V votes.
 */
function craftedDagExchangeCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const sk = (a: number) => deriveKeyPair(SIM_HASH_SCHEME, SIM_KEY_LABEL, a).secretKey;
  const initJson = (c: Committee, gcDepth: number): JsonObject => ({ committee: committeeToJson(SIM_HASH_SCHEME.name, c), authority: 0, secretKey: toHex(sk(0)), gcDepth });
  const keyed = (stakes: number[]): Committee => ({ authorities: stakes.map((stake, i) => ({ stake, publicKey: deriveKeyPair(SIM_HASH_SCHEME, SIM_KEY_LABEL, i).publicKey })) });
  for (const [gcDepth, rounds] of [[2, 10], [4, 14]] as const) {
    const rng = new Rng(`pwo/consensus/vectors/node_exchange/dag/${gcDepth}`);
    const stakes = [1, 1, 1, 1, 1];
    const c = keyed(stakes);
    const dag = randomDag({ stakes, rounds, slowPercent: 35, extraParentPercent: 25 }, rng);
    const delivery = shuffled(dag, rng);
    const node = initNode({ committee: c, authority: 0, scheme: SIM_HASH_SCHEME, secretKey: sk(0), gcDepth });
    const events: NodeEvent[] = [{ kind: "start" }];
    stepNode(node, events[0]!);
    for (const [k, h] of delivery.entries()) {
      const e: NodeEvent = { kind: "message", from: h.author === 0 ? 1 : h.author, message: { type: "certificate", certificate: simSigned(h, [1, 2, 3, 4]) } };
      events.push(e);
      stepNode(node, e);
      if (k % 4 === 3) {
        const t: NodeEvent = { kind: "timeout", round: node.round };
        events.push(t);
        stepNode(node, t);
      }
    }
    out.push(valid(`gcDepth ${gcDepth}: node 0 of five is sent a seeded ${rounds}-round DAG (slow authorities, extra parents), out of order, with a timeout of its current round after every fourth certificate: its headers' strong and weak parents`, { init: initJson(c, gcDepth), events: events.map(eventToJson) }, ["NodeExchange", "GarbageCollection", "DeliveryOrder", "RandomDag"]));
  }
  // weak parents: five equal stakes (Q = 4); authors 0–3 build rounds 1–3 on each other only, and the
  // slow author 4's round-1 and round-2 certificates (the second on the first) arrive while node 0 is in round 3
  for (const gcDepth of [50, 2]) {
    const c5 = keyed([1, 1, 1, 1, 1]);
    let prev5 = [0, 1, 2, 3, 4].map((a) => genesisCertificate(a).header);
    const rounds: Header[][] = [];
    for (let round = 1; round <= 3; round++) {
      prev5 = [0, 1, 2, 3].map((a) => ({ author: a, round, payload: [new Uint8Array(32).fill(16 * round + a)], parents: sorted(prev5.map(headerDigest)) }));
      rounds.push(prev5);
    }
    const x1: Header = { author: 4, round: 1, payload: [new Uint8Array(32).fill(0x41)], parents: sorted([0, 1, 2, 3, 4].map((a) => headerDigest(genesisCertificate(a).header))) };
    const x2: Header = { author: 4, round: 2, payload: [new Uint8Array(32).fill(0x42)], parents: sorted([...rounds[0]!, x1].map(headerDigest)) };
    const sent = (h: Header): NodeEvent => ({ kind: "message", from: h.author === 0 ? 1 : h.author, message: { type: "certificate", certificate: simSigned(h, [1, 2, 3, 4]) } });
    const evs: NodeEvent[] = [{ kind: "start" }, ...rounds[0]!.map(sent), ...rounds[1]!.map(sent), sent(x1), sent(x2), ...rounds[2]!.map(sent)];
    const what = gcDepth === 2 ? "gcDepth 2: the round-2 one is a weak parent of the node's round-4 header (round 4 − gcDepth, the lowest kept), the round-1 one is too old and dropped" : "its round-4 header takes the round-2 one as a weak parent (weak parents are taken from the highest round down), which links the round-1 one: one weak parent, not two";
    out.push(valid(`weak parents: node 0 of five, authors 0–3 build rounds 1–3 on each other only; the slow author 4's round-1 and round-2 certificates arrive while the node is in round 3; ${what}`, { init: initJson(c5, gcDepth), events: evs.map(eventToJson) }, ["NodeExchange", "Boundary", ...(gcDepth === 2 ? ["GarbageCollection"] : [])]));
  }
  // six equal stakes (Q = 5, V = 2): round 3 has five certificates, two linking the round-2 leader
  const stakes = [1, 1, 1, 1, 1, 1];
  const c = keyed(stakes);
  const leader = leaderOf(c, 2);
  let prev = stakes.map((_, a) => genesisCertificate(a).header);
  const dag: Header[] = [];
  for (let round = 1; round <= 2; round++) {
    prev = stakes.map((_, a) => ({ author: a, round, payload: [new Uint8Array(32).fill(16 * round + a)], parents: sorted(prev.map(headerDigest)) }));
    dag.push(...prev);
  }
  const withLeader = sorted(prev.filter((h) => h.author !== 5).map(headerDigest));
  const without = sorted(prev.filter((h) => h.author !== leader).map(headerDigest));
  const round3 = [1, 2, 3, 4, 5].map((a, i) => ({ author: a, round: 3, payload: [] as Uint8Array[], parents: i < 2 ? withLeader : without }));
  const events: NodeEvent[] = [{ kind: "start" }, ...[...dag, ...round3].map((h): NodeEvent => ({ kind: "message", from: h.author === 0 ? 1 : h.author, message: { type: "certificate", certificate: simSigned(h, [1, 2, 3, 4, 5]) } }))];
  out.push(valid(`round advance at V exactly: six equal stakes (Q = 5, V = 2), node 0 is the round-2 leader; the DAG's certificates, its own included, come from the others, then five round-3 certificates, two of them linking it: the node proposes round 4 (two votes reach V, the three against do not reach Q)`, { init: initJson(c, 50), events: events.map(eventToJson) }, ["NodeExchange", "Boundary"]));
  return out;
}

/** Every operation's cases, each from its own labelled seed. */
export function consensusCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  const certs = simulatedCertificates();
  const s = (name: string) => `pwo/consensus/vectors/${name}`;
  return {
    leader_schedule: { seed: s("leader_schedule"), cases: [...scheduleCases(new Rng(s("leader_schedule"))), ...ruleCases("leader_schedule")] },
    header_digest: { seed: s("header_digest"), cases: [...headerDigestCases(new Rng(s("header_digest"))), ...ruleCases("header_digest")] },
    check_header: { seed: s("check_header"), cases: [...checkHeaderCases(certs), ...parentQuorumCases(), ...ruleCases("check_header")] },
    check_certificate: { seed: s("check_certificate"), cases: [...checkCertificateCases(certs), ...ruleCases("check_certificate")] },
    order_dag: { seed: s("order_dag"), cases: [...orderDagCases(s("order_dag")), ...releaseOrderCases(), ...supportBoundaryCases(), ...ruleCases("order_dag")] },
    node_exchange: { seed: s("node_exchange"), cases: nodeExchangeCases() },
    simulate: { seed: s("simulate"), cases: simulateCases() },
  };
}
