/**
 * The adapter protocol, version 1 (docs/adapter-protocol.md): message types and their parsers.
 * Parsers never throw on bad input; they return a description of what is wrong.
 * @module
 */
import { quote, scanJson } from "./json.js";
import type { Json, JsonObject } from "./operation.js";

export const PROTOCOL_VERSION = 1;

/**
 * The protocol's limits (docs/adapter-protocol.md §Limits): what every implementation must accept,
 * and beyond which `pwo serve` answers without doing the work.
 */
export const LIMITS = {
  /** Longest request line, bytes (without its newline). Longer: BAD_REQUEST, the line discarded. */
  maxRequestLine: 16 * 1024 * 1024,
  /** Deepest nesting of arrays and objects in a line (the request object is level 1). Deeper: BAD_INPUT. */
  maxDepth: 64,
  /** Array elements in one request, over all arrays at every depth. More: BAD_INPUT. */
  maxItems: 131_072,
  /** Longest error message `pwo serve` writes, characters. */
  maxMessage: 300,
} as const;

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
export type Incoming =
  | { kind: "hello"; hello: Hello }
  | { kind: "request"; request: Request }
  | { kind: "invalid"; id: number | null; why: string }
  /** Beyond the depth or element limits: BAD_INPUT for this id. */
  | { kind: "too-large"; id: number; why: string };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Parses one line as a JSON object, refusing duplicate keys and nesting beyond {@link LIMITS} (a linear scan first). */
function parseJsonObject(line: string): JsonObject | string {
  const scan = scanJson(line, { maxDepth: LIMITS.maxDepth, maxItems: Number.MAX_SAFE_INTEGER });
  return scan.ok ? parseScanned(line) : scan.why;
}

/** JSON.parse of a line the scan admitted. */
function parseScanned(line: string): JsonObject | string {
  let v: Json;
  try {
    v = JSON.parse(line) as Json;
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  return isObject(v) ? v : "not a JSON object";
}

/**
 * Parses a line sent by the runner. A line with a repeated key is BAD_REQUEST; one nested too deep or
 * with too many array elements is BAD_INPUT for its id (read by the scan, the line is never parsed).
 */
export function parseIncoming(line: string): Incoming {
  const scan = scanJson(line, { maxDepth: LIMITS.maxDepth, maxItems: LIMITS.maxItems });
  if (!scan.ok) {
    const id = scan.id !== undefined && /^(0|[1-9][0-9]{0,15})$/.test(scan.id) && isId(Number(scan.id)) ? Number(scan.id) : null;
    return scan.why.startsWith("duplicate") || id === null ? { kind: "invalid", id, why: scan.why } : { kind: "too-large", id, why: scan.why };
  }
  const v = parseScanned(line);
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
  if (v.type !== "hello") return `expected {"type":"hello",…}, got ${quote(line)}`;
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

/** Parses a protocol-level refusal without an id (`{"error":{"code":…}}`), or undefined for any other line. */
export function parseIdlessError(line: string): { error: { code: string; message?: string } } | undefined {
  const v = parseJsonObject(line);
  if (typeof v === "string" || "id" in v || "output" in v) return undefined;
  const err = v.error;
  if (!isObject(err) || typeof err.code !== "string" || Object.keys(v).length !== 1) return undefined;
  return { error: typeof err.message === "string" ? { code: err.code, message: err.message } : { code: err.code } };
}
