/**
 * Exact comparison of JSON values, with readable differences: the path of each difference and, for
 * long strings such as hex, the first differing offset and the bytes around it.
 * @module
 */
import type { Json } from "./operation.js";

export const MAX_DIFFERENCES = 5;

const show = (v: Json | undefined): string => {
  if (v === undefined) return "(absent)";
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

function describeStrings(path: string, expected: string, got: string): string {
  if (expected.length + got.length < 120) return `${path}: expected ${show(expected)}, got ${show(got)}`;
  let i = 0;
  while (i < expected.length && i < got.length && expected[i] === got[i]) i++;
  const from = Math.max(0, i - 8);
  const at = /^[0-9a-f]*$/.test(expected) && /^[0-9a-f]*$/.test(got) ? ` (byte ${Math.floor(i / 2)})` : "";
  return `${path}: first difference at character ${i}${at} of ${expected.length} vs ${got.length}: expected …${expected.slice(from, i + 16)}…, got …${got.slice(from, i + 16)}…`;
}

/** Up to `max` differences between `expected` and `got`, or [] when they are equal. */
export function jsonDifferences(expected: Json | undefined, got: Json | undefined, path = "$", max = MAX_DIFFERENCES): string[] {
  const out: string[] = [];
  const walk = (e: Json | undefined, g: Json | undefined, p: string): void => {
    if (out.length >= max) return;
    if (typeof e === "string" && typeof g === "string") {
      if (e !== g) out.push(describeStrings(p, e, g));
      return;
    }
    if (Array.isArray(e) && Array.isArray(g)) {
      if (e.length !== g.length) out.push(`${p}: expected ${e.length} elements, got ${g.length}`);
      for (let i = 0; i < Math.min(e.length, g.length); i++) walk(e[i], g[i], `${p}[${i}]`);
      return;
    }
    const isObj = (v: unknown): v is { [k: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);
    if (isObj(e) && isObj(g)) {
      for (const k of Object.keys(e)) walk(e[k], g[k], `${p}.${k}`);
      for (const k of Object.keys(g)) if (!(k in e)) out.push(`${p}.${k}: unexpected field ${show(g[k])}`);
      return;
    }
    if (e !== g) out.push(`${p}: expected ${show(e)}, got ${show(g)}`);
  };
  walk(expected, got, path);
  return out.slice(0, max);
}
