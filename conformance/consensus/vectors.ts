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
  MAX_HEADER_PAYLOAD,
  MAX_ROUND,
  MAX_TOTAL_STAKE,
  MAX_SCHEDULE_SPAN,
  SIM_HASH_SCHEME,
  compareDigests,
  deriveKeyPair,
  genesisCertificate,
  headerDigest,
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
  Mutant: "nodes run a mutant of the reference; the verdict is the violation the harness found",
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
    order_dag: { seed: s("order_dag"), cases: [...orderDagCases(s("order_dag")), ...supportBoundaryCases(), ...ruleCases("order_dag")] },
    node_exchange: { seed: s("node_exchange"), cases: nodeExchangeCases() },
    simulate: { seed: s("simulate"), cases: simulateCases() },
  };
}
