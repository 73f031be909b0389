/**
 * The adapter protocol, version 1 (docs/adapter-protocol.md): message types and their parsers.
 * Parsers never throw on bad input; they return a description of what is wrong.
 * @module
 */
import type { Json, JsonObject } from "./operation.js";

export const PROTOCOL_VERSION = 1;

/** Codes the protocol itself defines, beside each suite's reason codes. */
export const PROTOCOL_CODES = {
  BAD_INPUT: "the input does not match the operation's schema",
  UNSUPPORTED: "the implementation does not support this suite or operation",
  INTERNAL: "the implementation failed for a reason of its own",
} as const;

export interface Hello {
  type: "hello";
  protocol: number;
}
export interface HelloAnswer extends Hello {
  implementation: { name: string; version: string };
  /** Suite → operations supported. */
  capabilities: Record<string, string[]>;
}
export interface Request {
  id: number;
  suite: string;
  operation: string;
  input: JsonObject;
}
export type Answer = { id: number; output: JsonObject } | { id: number; error: { code: string; message?: string } };

/** Incoming lines an implementation (`pwo serve`) can receive. */
export type Incoming = { kind: "hello"; hello: Hello } | { kind: "request"; request: Request } | { kind: "invalid"; id: number | null; why: string };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

function parseJsonObject(line: string): JsonObject | string {
  let v: Json;
  try {
    v = JSON.parse(line) as Json;
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  return isObject(v) ? v : "not a JSON object";
}

/** Parses a line sent by the runner. */
export function parseIncoming(line: string): Incoming {
  const v = parseJsonObject(line);
  if (typeof v === "string") return { kind: "invalid", id: null, why: v };
  if (v.type === "hello") return typeof v.protocol === "number" ? { kind: "hello", hello: { type: "hello", protocol: v.protocol } } : { kind: "invalid", id: null, why: "hello without a protocol number" };
  const id = isId(v.id) ? v.id : null;
  if (id === null) return { kind: "invalid", id: null, why: "request without a non-negative integer id" };
  if (typeof v.suite !== "string" || typeof v.operation !== "string" || !isObject(v.input)) return { kind: "invalid", id, why: "request needs string suite, string operation and object input" };
  return { kind: "request", request: { id, suite: v.suite, operation: v.operation, input: v.input } };
}

/** Parses the implementation's hello answer. */
export function parseHelloAnswer(line: string): HelloAnswer | string {
  const v = parseJsonObject(line);
  if (typeof v === "string") return v;
  if (v.type !== "hello") return `expected {"type":"hello",…}, got ${line.slice(0, 200)}`;
  if (v.protocol !== PROTOCOL_VERSION) return `implementation speaks protocol ${JSON.stringify(v.protocol)}, the runner speaks ${PROTOCOL_VERSION}`;
  const impl = v.implementation;
  if (!isObject(impl) || typeof impl.name !== "string" || typeof impl.version !== "string") return "hello answer needs implementation.name and implementation.version strings";
  const caps = v.capabilities;
  if (!isObject(caps)) return "hello answer needs a capabilities object";
  const capabilities: Record<string, string[]> = {};
  for (const [suite, ops] of Object.entries(caps)) {
    if (!Array.isArray(ops) || !ops.every((o) => typeof o === "string")) return `capabilities.${suite} must be an array of operation names`;
    capabilities[suite] = ops as string[];
  }
  return { type: "hello", protocol: PROTOCOL_VERSION, implementation: { name: impl.name, version: impl.version }, capabilities };
}

/** Parses an answer line; `expectedId` is checked by the caller. */
export function parseAnswer(line: string): Answer | string {
  const v = parseJsonObject(line);
  if (typeof v === "string") return v;
  if (!isId(v.id)) return "answer without a non-negative integer id";
  const hasOutput = "output" in v;
  const hasError = "error" in v;
  if (hasOutput === hasError) return "answer must carry exactly one of output and error";
  if (hasOutput) return isObject(v.output) ? { id: v.id, output: v.output } : "output must be a JSON object";
  const err = v.error;
  if (!isObject(err) || typeof err.code !== "string") return "error must be an object with a string code";
  return { id: v.id, error: typeof err.message === "string" ? { code: err.code, message: err.message } : { code: err.code } };
}
