/**
 * Memoisation of the P-256 operations keys.ts takes from noble-curves: pure functions of their byte
 * arguments, outside the spec's own code. A round vector repeats them many times with the same keys
 * (every vector of one label draws the same keys, and each client signs, checks and agrees with
 * every neighbour), so without it the 143 round vectors spend about nine tenths of their time on the
 * same point multiplications, and a mutation run of the suite would take hours (issue 10 §1).
 * No answer depends on it: a hit returns what the call returned for the same bytes (a copy, so a
 * caller cannot alter the cached value). Bounded: a key is the SHA-256 of the length-prefixed
 * arguments (32 bytes, whatever the size of a signed message) and a value at most a point's
 * encoding, and the cache is emptied when it holds `max` entries.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { toHex } from "../common/hex.js";

const lengthPrefix = (n: number): Uint8Array => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

export function memoBytes<A extends readonly Uint8Array[], R extends Uint8Array | boolean>(f: (...args: A) => R, max = 1 << 15): (...args: A) => R {
  const cache = new Map<string, R>();
  const copy = (r: R): R => (r instanceof Uint8Array ? (r.slice() as R) : r);
  return (...args: A): R => {
    const h = sha256.create();
    for (const a of args) h.update(lengthPrefix(a.length)).update(a);
    const key = toHex(h.digest());
    const hit = cache.get(key);
    if (hit !== undefined) return copy(hit);
    const r = f(...args);
    if (cache.size >= max) cache.clear();
    cache.set(key, copy(r));
    return r;
  };
}
