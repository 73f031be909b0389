/**
 * Bounded JSON handling for the adapter protocol (docs/adapter-protocol.md §Limits): a linear scan
 * that measures a line before it is parsed (nesting depth, array elements, duplicate keys), a check
 * of a parsed value against the subset of JSON Schema the operations use, and short quotations of
 * hostile values for error messages. Nothing here recurses deeper than the depth the scan admitted.
 * @module
 */
import type { Json, JsonSchema } from "./operation.js";

/** What {@link scanJson} measured, or the first reason the text is refused. */
export type Scan =
  | { ok: true; depth: number; items: number; /** Raw text of the top-level `"id"` value, when present. */ id: string | undefined }
  | { ok: false; why: string; id: string | undefined };

export interface ScanLimits {
  maxDepth: number;
  /** Array elements in total, over all arrays at every depth. */
  maxItems: number;
}

interface Frame {
  array: boolean;
  /** Object: the keys seen; created lazily at the second key. */
  keys: Set<string> | undefined;
  first: string | undefined;
  /** Object: the next string is a key. Array: no element seen yet. */
  expectKey: boolean;
  empty: boolean;
}

/**
 * One pass over JSON text, O(length) time and O(depth + keys of the open objects) memory. Stops at the
 * first object key repeated (JSON.parse would silently keep the last value), at nesting deeper than
 * `maxDepth`, or at more than `maxItems` array elements. The text is assumed to be JSON; on text that
 * is not, the result is meaningless but the cost is still linear (parse it afterwards to find out).
 */
export function scanJson(text: string, limits: ScanLimits): Scan {
  const stack: Frame[] = [];
  let items = 0;
  let maxDepth = 0;
  let id: string | undefined;
  let topKey: string | undefined;
  let topValueStart = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, j);
        let key = raw;
        if (escaped) {
          try {
            key = JSON.parse(`"${raw}"`) as string;
          } catch {
            return { ok: false, why: "not JSON (a bad escape in a key)", id };
          }
        }
        if (top.first === undefined) top.first = key;
        else {
          top.keys ??= new Set([top.first]);
          if (top.keys.has(key)) return { ok: false, why: `duplicate key ${quote(key)}`, id };
          top.keys.add(key);
        }
        top.expectKey = false;
        if (stack.length === 1) topKey = key;
      } else if (top?.array && top.empty) {
        top.empty = false;
        items++;
      }
      i = j;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (top?.array && top.empty) {
        top.empty = false;
        items++;
      }
      stack.push({ array: c === 0x5b, keys: undefined, first: undefined, expectKey: c === 0x7b, empty: true });
      if (stack.length > maxDepth) maxDepth = stack.length;
      if (maxDepth > limits.maxDepth) return { ok: false, why: `nested deeper than ${limits.maxDepth} levels`, id };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      if (top?.array) items++;
      else if (top) top.expectKey = true;
      if (stack.length === 1 && topKey === "id" && topValueStart >= 0) id = text.slice(topValueStart, i).trim();
      topValueStart = -1;
    } else if (c === 0x3a /* : */) {
      if (stack.length === 1) topValueStart = i + 1;
    } else if (c > 0x20 && top?.array && top.empty) {
      top.empty = false;
      items++;
    }
    if (items > limits.maxItems) return { ok: false, why: `more than ${limits.maxItems} array elements`, id };
    if (stack.length === 0 && topKey === "id" && topValueStart >= 0 && id === undefined) {
      id = text.slice(topValueStart, i).trim();
      topValueStart = -1;
    }
  }
  return { ok: true, depth: maxDepth, items, id };
}

const QUOTE_CHARS = 40;

/** A short description of a value for an error message: never longer than about 60 characters. */
export function quote(v: unknown): string {
  if (typeof v === "string") return v.length > QUOTE_CHARS ? `${JSON.stringify(v.slice(0, QUOTE_CHARS))}… (${v.length} chars)` : JSON.stringify(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  const s = String(v);
  return s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS)}…` : s;
}

const typeOk = (t: string, v: Json): boolean => {
  switch (t) {
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "array":
      return Array.isArray(v);
    case "string":
      return typeof v === "string";
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "null":
      return v === null;
    default:
      return false;
  }
};

/** JSON equality in the schema sense (key order ignored), for `const`, `enum` and `uniqueItems`, and for comparing answers. */
export const canonical = (v: Json): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(",")}]` : typeof v === "object" && v !== null ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k] as Json)}`).join(",")}}` : JSON.stringify(v);

const regexCache = new Map<string, RegExp>();
/**
 * A schema pattern compiled for testing only: its groups made non-capturing (a test never reads a
 * capture, and V8 recurses per repetition of a capturing group: `^([0-9a-f]{2})*$` overflows the
 * stack on 8 MiB of hex).
 */
const regex = (p: string): RegExp => {
  let r = regexCache.get(p);
  if (!r) regexCache.set(p, (r = new RegExp(p.replace(/(?<!\\)\((?!\?)/g, "(?:"), "u")));
  return r;
};

/** Whether `v` matches the pattern; a regex engine limit counts as a mismatch, never a crash. */
function matches(p: string, v: string): boolean {
  try {
    return regex(p).test(v);
  } catch {
    return false;
  }
}

/**
 * The first way `v` breaks `schema` (a path and a short reason), or null. Covers the keywords the
 * operations' input schemas use: type, const, enum, pattern, minLength, maxLength, minimum, maximum,
 * properties, required, additionalProperties, items, minItems, maxItems, uniqueItems, oneOf, anyOf.
 * Recursion follows the value, whose depth the caller bounded with {@link scanJson}.
 */
export function schemaViolation(schema: JsonSchema, v: Json, path = "input"): string | null {
  const s = schema as Record<string, unknown>;
  if (typeof s.type === "string" && !typeOk(s.type, v)) return `${path}: expected ${s.type === "integer" ? "an integer" : `a${/^[ao]/.test(s.type) ? "n" : ""} ${s.type}`}, got ${quote(v)}`;
  if (Array.isArray(s.type) && !s.type.some((t) => typeOk(t as string, v))) return `${path}: expected one of ${s.type.join(", ")}, got ${quote(v)}`;
  if ("const" in s && canonical(s.const as Json) !== canonical(v)) return `${path}: expected ${quote(s.const)}, got ${quote(v)}`;
  if (Array.isArray(s.enum) && !s.enum.some((e) => canonical(e as Json) === canonical(v))) return `${path}: expected one of ${s.enum.map((e) => JSON.stringify(e)).join(" | ")}, got ${quote(v)}`;
  if (typeof v === "string") {
    if (typeof s.maxLength === "number" && v.length > s.maxLength) return `${path}: longer than ${s.maxLength} characters (${v.length})`;
    if (typeof s.minLength === "number" && v.length < s.minLength) return `${path}: shorter than ${s.minLength} characters`;
    if (typeof s.pattern === "string" && !matches(s.pattern, v)) return `${path}: ${quote(v)} does not match ${s.pattern}`;
  }
  if (typeof v === "number") {
    if (typeof s.minimum === "number" && v < s.minimum) return `${path}: ${quote(v)} is below ${s.minimum}`;
    if (typeof s.maximum === "number" && v > s.maximum) return `${path}: ${quote(v)} is above ${s.maximum}`;
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === "number" && v.length < s.minItems) return `${path}: fewer than ${s.minItems} items`;
    if (typeof s.maxItems === "number" && v.length > s.maxItems) return `${path}: more than ${s.maxItems} items`;
    if (s.items && typeof s.items === "object") {
      for (let i = 0; i < v.length; i++) {
        const e = schemaViolation(s.items as JsonSchema, v[i] as Json, `${path}[${i}]`);
        if (e) return e;
      }
    }
    if (s.uniqueItems === true) {
      const seen = new Set<string>();
      for (let i = 0; i < v.length; i++) {
        const k = canonical(v[i] as Json);
        if (seen.has(k)) return `${path}[${i}]: repeats an earlier item`;
        seen.add(k);
      }
    }
  }
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    if (Array.isArray(s.required)) for (const k of s.required as string[]) if (!(k in v)) return `${path}: missing field ${quote(k)}`;
    for (const [k, x] of Object.entries(v)) {
      const p = Object.hasOwn(props, k) ? props[k] : undefined;
      if (p) {
        const e = schemaViolation(p, x, `${path}.${k}`);
        if (e) return e;
      } else if (s.additionalProperties === false) return `${path}: unknown field ${quote(k)}`;
      else if (typeof s.additionalProperties === "object" && s.additionalProperties !== null) {
        const e = schemaViolation(s.additionalProperties as JsonSchema, x, `${path}.${k}`);
        if (e) return e;
      }
    }
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((a) => schemaViolation(a as JsonSchema, v, path) === null)) return `${path}: matches none of the allowed forms`;
  if (Array.isArray(s.oneOf)) {
    const matching = s.oneOf.filter((a) => schemaViolation(a as JsonSchema, v, path) === null).length;
    if (matching !== 1) return `${path}: matches ${matching} of the forms, exactly one is required`;
  }
  return null;
}
