/**
 * `pwo serve`: the reference implementation speaking the adapter protocol on stdin/stdout, exactly as
 * a third-party implementation would. `pwo conform` runs it by default, so the reference is checked
 * through the same path as everyone else.
 *
 * Bounded (docs/adapter-protocol.md §Limits): a line longer than {@link LIMITS}.maxRequestLine is
 * answered BAD_REQUEST and discarded as it streams in, never buffered whole; every message is cut to
 * LIMITS.maxMessage characters.
 * @module
 */
import { match } from "ts-pattern";
import { BadInput, type Operation, runOperation } from "./operation.js";
import { type Answer, type HelloAnswer, type Incoming, LIMITS, PROTOCOL_VERSION, parseIncoming } from "./protocol.js";
import type { Suite } from "./suite.js";

export const REFERENCE_NAME = "pwo-spec reference";

type Reply = HelloAnswer | Answer | { error: { code: string; message: string } };

const cut = (m: string): string => (m.length > LIMITS.maxMessage ? `${m.slice(0, LIMITS.maxMessage - 1)}…` : m);

/**
 * The reference's answerer for one session: each incoming line → its answer. The session is the
 * state machine of docs/adapter-protocol.md §Session: before the hello only a hello is answered
 * (anything else BAD_REQUEST), a second hello is BAD_REQUEST, and a request reusing an id of the
 * session is BAD_REQUEST without being run.
 */
export function makeAnswerer(suites: readonly Suite[], version: string): (line: string) => Reply {
  const ops = new Map<string, Operation>(suites.flatMap((s) => s.operations.map((o) => [`${s.name}/${o.name}`, o] as const)));
  let greeted = false;
  const used = new Set<number>();
  const refuse = (id: number | null, why: string): Reply => (id === null ? { error: { code: "BAD_REQUEST", message: cut(why) } } : { id, error: { code: "BAD_REQUEST", message: cut(why) } });
  return (line) => match<Incoming>(parseIncoming(line))
    .with({ kind: "hello" }, (): Reply => {
      if (greeted) return refuse(null, "a second hello in one session");
      greeted = true;
      return {
        type: "hello" as const,
        protocol: PROTOCOL_VERSION,
        implementation: { name: REFERENCE_NAME, version },
        capabilities: Object.fromEntries(suites.map((s) => [s.name, s.operations.map((o) => o.name)])),
      };
    })
    .with({ kind: "invalid" }, ({ id, why }) => refuse(id, why))
    .with({ kind: "too-large" }, ({ id, why }): Reply => {
      if (!greeted) return refuse(id, "no hello yet: the first line of a session must be the hello");
      if (used.has(id)) return refuse(id, `id ${id} was already used in this session`);
      used.add(id);
      return { id, error: { code: "BAD_INPUT", message: cut(why) } };
    })
    .with({ kind: "request" }, ({ request }): Reply => {
      if (!greeted) return refuse(request.id, "no hello yet: the first line of a session must be the hello");
      if (used.has(request.id)) return refuse(request.id, `id ${request.id} was already used in this session`);
      used.add(request.id);
      const op = ops.get(`${request.suite}/${request.operation}`);
      if (!op) return { id: request.id, error: { code: "UNSUPPORTED", message: cut(`${request.suite}/${request.operation}`) } };
      try {
        const outcome = runOperation(op, request.input);
        return "output" in outcome ? { id: request.id, output: outcome.output } : { id: request.id, error: { code: outcome.error } };
      } catch (e) {
        const code = e instanceof BadInput ? "BAD_INPUT" : "INTERNAL";
        return { id: request.id, error: { code, message: cut(String((e as Error).message)) } };
      }
    })
    .exhaustive();
}

/**
 * Splits a byte stream into lines of at most `maxLine` bytes. A longer line is reported once, as
 * `null`, and its bytes are dropped up to its newline: memory stays O(maxLine) whatever arrives.
 */
export async function* boundedLines(input: AsyncIterable<Buffer>, maxLine: number): AsyncGenerator<string | null> {
  let parts: Buffer[] = [];
  let held = 0;
  let skipping = false;
  for await (const chunk of input) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!skipping) {
        if (held + (end - start) > maxLine) {
          skipping = true;
          parts = [];
          held = 0;
          yield null;
        } else {
          parts.push(chunk.subarray(start, end));
          held += end - start;
        }
      }
      if (nl === -1) break;
      if (!skipping) yield Buffer.concat(parts).toString("utf8");
      parts = [];
      held = 0;
      skipping = false;
      start = nl + 1;
    }
  }
  if (!skipping && held > 0) yield Buffer.concat(parts).toString("utf8");
}

/** Serves until stdin closes. Output is written with back-pressure, one line per answer. */
export async function serve(suites: readonly Suite[], version: string): Promise<void> {
  const answer = makeAnswerer(suites, version);
  const write = async (reply: Reply): Promise<void> => {
    if (!process.stdout.write(`${JSON.stringify(reply)}\n`)) await new Promise((r) => process.stdout.once("drain", r));
  };
  for await (const line of boundedLines(process.stdin, LIMITS.maxRequestLine)) {
    if (line === null) await write({ error: { code: "BAD_REQUEST", message: `request line longer than ${LIMITS.maxRequestLine} bytes: discarded` } });
    else if (line.trim() !== "") await write(answer(line.endsWith("\r") ? line.slice(0, -1) : line));
  }
}
