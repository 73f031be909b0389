#!/usr/bin/env node
// An external consensus node for the harness (spec/consensus.md §External nodes), speaking the
// adapter protocol with suite "consensus-node". It runs the reference node, one state per node id.
//   node node.mjs            the reference rules: the harness must find nothing
//   node node.mjs --unsafe   deliberately unsafe: commits an anchor as soon as a certificate of the
//                            next round arrives, without counting its votes (support threshold 0
//                            instead of f + 1); the harness must catch it
//   node node.mjs --silent   takes no part: answers every step with no message, commit or timer;
//                            the harness must catch it (validity and liveness are not vacuous)
import { createInterface } from "node:readline";
import { REFERENCE_ORDERING, REFERENCE_RULES, getScheme, initNode, stepNode } from "../../dist/reference/consensus/index.js";
import { fromHex } from "../../dist/reference/common/hex.js";
import { eventFromJson, outputToJson } from "../../dist/conformance/consensus/sim/external.js";

const unsafe = process.argv.includes("--unsafe");
const silent = process.argv.includes("--silent");
const rules = unsafe ? { ...REFERENCE_RULES, ordering: { ...REFERENCE_ORDERING, support: () => 0 } } : REFERENCE_RULES;
const nodes = new Map();
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line);
  if (req.type === "hello") {
    out({ type: "hello", protocol: 1, implementation: { name: unsafe ? "unsafe-node" : silent ? "silent-node" : "reference-node", version: "0.1.0" }, capabilities: { "consensus-node": ["init", "step"] } });
    continue;
  }
  const { id, operation, input } = req;
  if (operation === "init") {
    const committee = { authorities: input.committee.authorities.map((a) => ({ stake: a.stake, publicKey: fromHex(a.publicKey) })) };
    const scheme = getScheme(input.committee.scheme);
    nodes.set(input.node, initNode({ committee, authority: input.authority, scheme, secretKey: fromHex(input.secretKey), gcDepth: input.gcDepth, rules }));
    out({ id, output: {} });
  } else if (operation === "step") {
    const state = nodes.get(input.node);
    if (!state) out({ id, error: { code: "INTERNAL", message: `unknown node ${input.node}` } });
    else if (silent) out({ id, output: { messages: [], commits: [], timers: [] } });
    else out({ id, output: outputToJson(stepNode(state, eventFromJson(input.event))) });
  } else out({ id, error: { code: "UNSUPPORTED", message: operation } });
}
