#!/usr/bin/env node
// A deliberately misbehaving implementation for the runner's own tests: the reference answerer,
// except that at request id N (or every request, for "lie") it does what MODE says.
//   node misbehave.mjs MODE [N]
// MODE: crash | hang | malformed | wrong-id | huge | extra-line | lie | bad-hello | old-protocol | no-caps | silent-exit
//       | dup-output | dup-error | dup-id (the right answer behind a repeated key: JSON.parse keeps the last)
import { createInterface } from "node:readline";
import { makeAnswerer } from "../../../dist/conformance/harness/serve.js";
import { SUITES } from "../../../dist/conformance/suites.js";

const [mode, nArg] = process.argv.slice(2);
const n = Number(nArg ?? 3);
const answer = makeAnswerer(SUITES, "misbehaving");
const out = (o) => process.stdout.write(typeof o === "string" ? o : `${JSON.stringify(o)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line);
  if (req.type === "hello") {
    if (mode === "bad-hello") out("hello there\n");
    else if (mode === "silent-exit") process.exit(0);
    else if (mode === "old-protocol") out({ ...answer(line), protocol: 0 });
    else if (mode === "no-caps") out({ ...answer(line), capabilities: {} });
    else out(answer(line));
    continue;
  }
  const a = answer(line);
  if (mode === "lie" && "output" in a) {
    // claims success with a wrong output on every valid case, and accepts every invalid one
    out({ id: a.id, output: { ...a.output, lied: true } });
    continue;
  }
  if (mode === "lie") {
    out({ id: a.id, output: {} });
    continue;
  }
  if (req.id !== n) {
    out(a);
    continue;
  }
  switch (mode) {
    case "crash":
      process.stderr.write("misbehave: crashing on purpose\n");
      process.exit(3);
    case "hang":
      await new Promise(() => {});
      break;
    case "malformed":
      out("{this is not json\n");
      break;
    case "wrong-id":
      out({ ...a, id: a.id + 1000 });
      break;
    case "huge":
      out(`{"id":${a.id},"output":{"data":"${"ab".repeat(2 * 1024 * 1024)}"}}\n`);
      break;
    case "dup-output":
      out("output" in a ? `{"id":${a.id},"output":{"wrong":true},"output":${JSON.stringify(a.output)}}\n` : `{"id":${a.id},"output":{},"error":${JSON.stringify(a.error)}}\n`);
      break;
    case "dup-error":
      out(`{"id":${a.id},"error":{"code":"WRONG"},"error":${JSON.stringify(a.error ?? { code: "WRONG_TOO" })}}\n`);
      break;
    case "dup-id":
      out(`{"id":${a.id + 1000},${JSON.stringify(a).slice(1)}\n`);
      break;
    case "extra-line":
      out(a);
      out(a);
      break;
    default:
      out(a);
  }
}
