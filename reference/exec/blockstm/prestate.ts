/**
 * A pre-state's values by raw key, for {@link MVMemory}'s lookup when a key first enters the table.
 * The State map is keyed by hex, so looking a key up there costs a hex encoding and a string hash per
 * key and block; this index is built once per pre-state (a thread keeps it while the pre-state stays
 * the same) and answers from the key bytes: open addressing over the 32-byte keys, which are SHA-256
 * digests (the hash and probing of MVMemory's key table). Timing only.
 * @module
 */
import { fromHex } from "../../common/hex.js";
import { KEY_SIZE } from "../constants.js";
import type { State } from "../types.js";
import { homeSlot, keyInSlot } from "./memory.js";

export class PreStateIndex {
  private readonly mask: number;
  private readonly keys: Uint8Array;
  private readonly values: BigUint64Array;
  /** 1 where a slot holds a key. */
  private readonly used: Uint8Array;

  constructor(state: State) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(2, 2 * state.size)));
    this.mask = capacity - 1;
    this.keys = new Uint8Array(capacity * KEY_SIZE);
    this.values = new BigUint64Array(capacity);
    this.used = new Uint8Array(capacity);
    for (const [hex, value] of state) {
      const key = fromHex(hex, "pre-state key");
      let slot = homeSlot(key, this.mask);
      while (this.used[slot] === 1) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys.set(key, slot * KEY_SIZE);
      this.values[slot] = value;
    }
  }

  /** The pre-state value of `key` (a missing key reads 0). */
  get(key: Uint8Array): bigint {
    for (let slot = homeSlot(key, this.mask); this.used[slot] === 1; slot = (slot + 1) & this.mask) if (keyInSlot(this.keys, slot, key)) return this.values[slot]!;
    return 0n;
  }
}
