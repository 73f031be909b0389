/**
 * An operation: one named function of a suite, callable through the adapter protocol with JSON in
 * and JSON out. The same definition serves `pwo serve`, vector generation (expected outputs are
 * whatever the reference's operation answers), the JSON Schemas and the differential fuzzer.
 * @module
 */
import { SpecError } from "../../reference/common/errors.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { quote, schemaViolation } from "./json.js";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
/** A JSON Schema (draft 2020-12) fragment. */
export type JsonSchema = { [k: string]: unknown };

export interface Operation {
  suite: string;
  name: string;
  /** One line: what the operation computes. */
  summary: string;
  /** Anchor of the spec section it implements, e.g. `spec/codec.md#transaction-encoding`. */
  specSection: string;
  input: JsonSchema;
  output: JsonSchema;
  /** Runs the reference. Protocol-invalid input throws a {@link SpecError}; malformed JSON a {@link BadInput}. */
  run(input: JsonObject): JsonObject;
}

/** Input that does not match the operation's schema: answered with the protocol code BAD_INPUT. */
export class BadInput extends Error {
  override readonly name = "BadInput";
}

/** What an operation answered: an output or a reason code (the adapter protocol's two answer forms). */
export type Outcome = { output: JsonObject } | { error: string };

/**
 * Runs an operation, mapping typed rejections to `{ error: code }`; anything else propagates. The
 * input is first checked against the operation's input schema: what the schema forbids (an unknown
 * field, a wrong type, a string not matching its pattern) is a {@link BadInput} before the reference
 * sees it (docs/adapter-protocol.md §BAD_INPUT). The caller bounds the input's depth (serve's scan).
 */
export function runOperation(op: Operation, input: JsonObject): Outcome {
  const violation = schemaViolation(op.input, input);
  if (violation !== null) throw new BadInput(violation);
  try {
    return { output: op.run(input) };
  } catch (e) {
    if (e instanceof SpecError && e.suite === op.suite) return { error: e.code };
    throw e;
  }
}

// ---- JSON field readers (inputs are checked, never trusted) ----

function field(o: JsonObject, key: string): Json {
  if (!(key in o)) throw new BadInput(`missing field "${key}"`);
  return o[key] as Json;
}

export function getHex(o: JsonObject, key: string): Uint8Array {
  try {
    return fromHex(field(o, key), key);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
}

export function getHexOrNull(o: JsonObject, key: string): Uint8Array | null {
  return field(o, key) === null ? null : getHex(o, key);
}

/** Longest decimal string an input may hold (docs/adapter-protocol.md §Limits): parsing stays cheap. */
export const MAX_DECIMAL_DIGITS = 4096;

/** A u64-style decimal string: digits only, no leading zeros, at most MAX_DECIMAL_DIGITS digits. Its range is the reference's to check. */
export function getDecimal(o: JsonObject, key: string): bigint {
  const v = field(o, key);
  if (typeof v !== "string" || !/^(0|[1-9][0-9]*)$/.test(v)) throw new BadInput(`${key}: expected a decimal string, got ${quote(v)}`);
  if (v.length > MAX_DECIMAL_DIGITS) throw new BadInput(`${key}: more than ${MAX_DECIMAL_DIGITS} digits`);
  return BigInt(v);
}

export function getInt(o: JsonObject, key: string): number {
  const v = field(o, key);
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw new BadInput(`${key}: expected a non-negative integer, got ${quote(v)}`);
  return v;
}

export function getString<T extends string>(o: JsonObject, key: string, allowed?: readonly T[]): T {
  const v = field(o, key);
  if (typeof v !== "string" || (allowed && !allowed.includes(v as T))) throw new BadInput(`${key}: expected ${allowed ? allowed.join(" | ") : "a string"}, got ${quote(v)}`);
  return v as T;
}

export function getObject(o: JsonObject, key: string): JsonObject {
  const v = field(o, key);
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new BadInput(`${key}: expected an object`);
  return v;
}

export function getArray(o: JsonObject, key: string): Json[] {
  const v = field(o, key);
  if (!Array.isArray(v)) throw new BadInput(`${key}: expected an array`);
  return v;
}

export function getHexArray(o: JsonObject, key: string): Uint8Array[] {
  return getArray(o, key).map((_, i, a) => getHex({ [`${key}[${i}]`]: a[i] as Json }, `${key}[${i}]`));
}

export const hex = toHex;

// ---- schema fragments ----

export const HEX_SCHEMA = { type: "string", pattern: "^([0-9a-f]{2})*$" } as const;
export const hexOfSize = (n: number): JsonSchema => ({ type: "string", pattern: `^[0-9a-f]{${2 * n}}$` });
export const DECIMAL_SCHEMA = { type: "string", pattern: "^(0|[1-9][0-9]*)$", maxLength: MAX_DECIMAL_DIGITS } as const;
export const UINT_SCHEMA = { type: "integer", minimum: 0 } as const;
export const objectSchema = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
