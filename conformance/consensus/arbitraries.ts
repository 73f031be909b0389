/**
 * fast-check arbitraries of consensus values and of every operation's input, for the property tests
 * and `pwo fuzz`. The campaign's search spaces (scenarios, random DAGs) are in sim/adversary.ts.
 * @module
 */
import fc from "fast-check";
import { SIM_HASH_SCHEME, deriveKeyPair, headerDigest, voteMessage } from "../../reference/consensus/index.js";
import { toHex } from "../../reference/common/hex.js";
import type { JsonObject } from "../harness/operation.js";
import { dagInputArb, digestArb, scenarioArb, stakesArb } from "./sim/adversary.js";
import { certificateToJson, committeeToJson, headerToJson, scenarioToJson } from "./sim/json.js";

export { dagInputArb, scenarioArb, type CampaignParams } from "./sim/adversary.js";

const headerArb = fc.record({ author: fc.nat(12), round: fc.oneof(fc.nat(20), fc.constant(2 ** 32 - 1), fc.constant(2 ** 32)), payload: fc.array(digestArb, { maxLength: 3 }), parents: fc.array(fc.oneof(digestArb, fc.uint8Array({ maxLength: 40 })), { maxLength: 5 }) });

const sk = (i: number) => deriveKeyPair(SIM_HASH_SCHEME, "sim", i);

export const CONSENSUS_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  leader_schedule: fc.record({ stakes: stakesArb, fromRound: fc.nat(10_000), span: fc.nat(200) }).map((r) => ({ stakes: r.stakes, fromRound: r.fromRound, toRound: r.fromRound + r.span })),
  header_digest: fc.record({ stakes: stakesArb, header: headerArb }).map((r) => ({ stakes: r.stakes, header: headerToJson(r.header) })),
  check_header: dagInputArb.chain((d) =>
    fc.record({ pick: fc.nat(), known: fc.nat() }).map((r) => {
      const header = d.dag.length ? d.dag[r.pick % d.dag.length]! : { author: 0, round: 1, payload: [], parents: [] };
      return { stakes: d.stakes, gcDepth: d.gcDepth, header: headerToJson(header), known: d.order.slice(0, r.known % (d.order.length + 1)).map(headerToJson) };
    }),
  ),
  check_certificate: fc.record({ header: headerArb, signers: fc.array(fc.nat(5), { maxLength: 6 }), tamper: fc.boolean() }).map((r) => {
    const n = 4;
    const committee = { authorities: Array.from({ length: n }, (_, i) => ({ stake: 1, publicKey: sk(i).publicKey })) };
    const h = { ...r.header, author: r.header.author % n };
    const sigs = r.signers.map((s) => (s < n ? SIM_HASH_SCHEME.sign(sk(s).secretKey, voteMessage(headerDigest(h))) : new Uint8Array(32)));
    const signature = r.tamper ? new Uint8Array(32) : SIM_HASH_SCHEME.aggregate(sigs);
    return { committee: committeeToJson(SIM_HASH_SCHEME.name, committee), certificate: certificateToJson({ header: h, signers: r.signers, signature }) };
  }),
  order_dag: dagInputArb.map((d) => ({ stakes: d.stakes, gcDepth: d.gcDepth, certificates: d.order.map(headerToJson) })),
  node_exchange: fc
    .record({
      authority: fc.nat(3),
      events: fc.array(
        fc.oneof(
          fc.constant({ kind: "start" }),
          digestArb.map((d) => ({ kind: "batch", digest: toHex(d) })),
          fc.nat(6).map((round) => ({ kind: "timeout", round })),
          fc.record({ from: fc.nat(4), header: headerArb }).map((r) => ({ kind: "message", from: r.from, message: { type: "header", header: headerToJson(r.header) } })),
          fc.record({ from: fc.nat(4), digests: fc.array(digestArb, { maxLength: 3 }) }).map((r) => ({ kind: "message", from: r.from, message: { type: "request", digests: r.digests.map(toHex) } })),
          fc.record({ from: fc.nat(4), digest: digestArb, author: fc.nat(4), round: fc.nat(6), signature: fc.uint8Array({ maxLength: 40 }) }).map((r) => ({ kind: "message", from: r.from, message: { type: "vote", vote: { headerDigest: toHex(r.digest), author: r.author, round: r.round, voter: r.from, signature: toHex(r.signature) } } })),
        ),
        { maxLength: 24 },
      ),
    })
    .map((r) => ({
      init: { committee: committeeToJson(SIM_HASH_SCHEME.name, { authorities: [0, 1, 2, 3].map((i) => ({ stake: 1, publicKey: sk(i).publicKey })) }), authority: r.authority, secretKey: toHex(sk(r.authority).secretKey), gcDepth: 50 },
      events: r.events,
    })),
  simulate: scenarioArb({ nodes: 4, byzantine: 1, rules: "reference" }).map((sc) => ({ scenario: scenarioToJson({ ...sc, until: Math.min(sc.until, 120) }) })),
};
