#!/usr/bin/env node
// A skeleton adapter for pwo-spec (docs/adapter-protocol.md, protocol 1), written by `pwo init`.
// It passes the handshake and declares no operation yet. To implement one: add its name under its
// suite in CAPABILITIES and a case in run(); `pwo conform --impl "node adapter.mjs"` checks its vectors.
import { createInterface } from "node:readline";

const NAME = "my-implementation";
const VERSION = "0.0.1";
const CAPABILITIES = {}; // e.g. { codec: ["decode_varint"] }

/** Returns { output } or { error: { code, message } } for one request. */
function run(suite, operation, input) {
  return { error: { code: "BAD_INPUT", message: `${suite}/${operation} is not implemented` } };
}

function answer(line) {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch (e) {
    return { id: null, error: { code: "BAD_INPUT", message: `request is not JSON: ${e.message}`.slice(0, 200) } };
  }
  if (typeof msg !== "object" || msg === null || Array.isArray(msg)) return { id: null, error: { code: "BAD_INPUT", message: "a request must be a JSON object" } };
  if (msg.type === "hello") return { type: "hello", protocol: 1, implementation: { name: NAME, version: VERSION }, capabilities: CAPABILITIES };
  return { id: msg.id ?? null, ...run(msg.suite, msg.operation, msg.input) };
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() !== "") process.stdout.write(`${JSON.stringify(answer(line))}\n`);
}
