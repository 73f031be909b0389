/**
 * Storage keys and the state commitment: spec/exec.md §State and §State commitment.
 *
 *   balanceKey(a)          = SHA-256(0x01 ‖ a)
 *   nonceKey(a)            = SHA-256(0x02 ‖ a)
 *   storageKey(c, slot)    = SHA-256(0x03 ‖ c ‖ u64be(slot))
 *   stateRoot(S)           = MTH(key_0 ‖ u64be(v_0), …)   over the non-zero entries sorted by key
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { merkleRoot } from "../common/merkle.js";
import { toHex, fromHex } from "../common/hex.js";
import { KEY_SIZE, TAG_BALANCE, TAG_NONCE, TAG_STORAGE, U64_MAX } from "./constants.js";
import { fail } from "./errors.js";
import type { State } from "./types.js";

/** u64 as 8 big-endian bytes. */
export function u64be(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, false);
  return out;
}

function taggedKey(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const h = sha256.create().update(Uint8Array.of(tag));
  for (const p of parts) h.update(p);
  return h.digest();
}

/** The key of an account's balance. */
export const balanceKey = (account: Uint8Array): Uint8Array => taggedKey(TAG_BALANCE, account);
/** The key of an account's next nonce. */
export const nonceKey = (account: Uint8Array): Uint8Array => taggedKey(TAG_NONCE, account);
/** The key of a contract's storage slot. */
export const storageKey = (contract: Uint8Array, slot: bigint): Uint8Array => taggedKey(TAG_STORAGE, contract, u64be(slot));

/** Leaf of the state tree: key ‖ u64be(value), 40 bytes. */
export function stateLeaf(keyHex: string, value: bigint): Uint8Array {
  const leaf = new Uint8Array(KEY_SIZE + 8);
  leaf.set(fromHex(keyHex, "key"), 0);
  leaf.set(u64be(value), KEY_SIZE);
  return leaf;
}

/** Entries with a non-zero value, sorted by key (hex order = byte order for equal-length lower-case hex). */
export function sortedEntries(state: State): [string, bigint][] {
  return [...state].filter(([, v]) => v !== 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The state commitment: RFC 6962 MTH over the sorted leaves (§State commitment). */
export function computeStateRoot(state: State): Uint8Array {
  return merkleRoot(sortedEntries(state).map(([k, v]) => stateLeaf(k, v)));
}

/**
 * Checks a pre-state given as a list (rule S1): keys 32 bytes, strictly ascending, values non-zero
 * u64. Fails with INVALID_PRE_STATE.
 */
export function checkPreState(entries: readonly [Uint8Array, bigint][]): State {
  const state: State = new Map();
  let prev = "";
  entries.forEach(([key, value], i) => {
    if (!(key instanceof Uint8Array) || key.length !== KEY_SIZE) fail("INVALID_PRE_STATE", `entry ${i}: key of ${key?.length} bytes, expected ${KEY_SIZE}`);
    if (typeof value !== "bigint" || value <= 0n || value > U64_MAX) fail("INVALID_PRE_STATE", `entry ${i}: value ${value} is not a non-zero u64`);
    const h = toHex(key);
    if (i > 0 && !(prev < h)) fail("INVALID_PRE_STATE", `entry ${i}: key ${h} not above the previous ${prev}`);
    prev = h;
    state.set(h, value);
  });
  return state;
}
