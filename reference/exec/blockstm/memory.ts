/**
 * Block-STM's multi-version memory (Gelashvili et al. 2022, §3 and Algorithm 2 "MVMemory"), laid out
 * in typed arrays so the same code runs on one thread (deterministic mode, plain ArrayBuffers) and on
 * worker_threads (parallel mode, SharedArrayBuffers; every shared word is accessed with Atomics).
 *
 * - **Key table**: open addressing over 32-byte keys (they are SHA-256 digests, so their first four
 *   bytes are a fine hash). Each slot holds the key, its pre-state value, a spin lock and the head of
 *   its version list.
 * - **Versions**: per key, a list sorted by transaction index (descending) of entries
 *   (txn_idx, incarnation, flag, value); flag is VALUE, ESTIMATE or REMOVED. An entry is created the
 *   first time a transaction writes the key and reused by its later incarnations.
 * - **Per transaction**: the last read set and the last written locations, as immutable regions of an
 *   append-only arena published with one atomic store (a validator never sees half a set).
 *
 * Capacities are fixed when the buffers are made: exceeding one is an implementation limit of this
 * engine (a RangeError), never a different result.
 * @module
 */
import { KEY_SIZE } from "../constants.js";

const EMPTY = 0;
const CLAIMED = 1;
const READY = 2;

export const FLAG_VALUE = 0;
export const FLAG_ESTIMATE = 1;
export const FLAG_REMOVED = 2;

/** Version read from storage (no transaction below wrote the key). */
export const STORAGE_VERSION = -1;

export interface MemoryBuffers {
  n: number;
  keyCapacity: number;
  entryCapacity: number;
  arenaCapacity: number;
  keyBytes: ArrayBufferLike;
  keyState: ArrayBufferLike;
  keyBase: ArrayBufferLike;
  keyLock: ArrayBufferLike;
  keyHead: ArrayBufferLike;
  /** The slots in the order they were claimed (counters[2] of them): the snapshot visits only these. */
  keyLog: ArrayBufferLike;
  entryInts: ArrayBufferLike;
  entryValue: ArrayBufferLike;
  counters: ArrayBufferLike;
  txRegions: ArrayBufferLike;
  arena: ArrayBufferLike;
}

const pow2AtLeast = (x: number): number => 2 ** Math.ceil(Math.log2(Math.max(2, x)));

/**
 * Sizes for a block of `n` transactions over `preKeys` pre-state keys. `scale` = 1 fits blocks whose
 * transactions touch a few keys each (payments touch 3); a run that exhausts a capacity fails with
 * a RangeError and the caller retries with a larger scale (see {@link CAPACITY_SCALES}).
 */
export function memoryCapacities(n: number, preKeys: number, scale = 1): { keyCapacity: number; entryCapacity: number; arenaCapacity: number } {
  return {
    keyCapacity: pow2AtLeast(2 * (preKeys + 8 * scale * n) + 1024),
    entryCapacity: 8 * scale * n + 1024,
    arenaCapacity: 64 * scale * n + 65_536,
  };
}

/** The scales a run is tried with, in order, until its buffers suffice. */
export const CAPACITY_SCALES = [1, 8, 64] as const;

/** True for the error a run raises when it exhausts a capacity (then retried at a larger scale). */
export const isCapacityError = (e: unknown): boolean => e instanceof RangeError && e.message.startsWith("MVMemory:");

/** Allocates the buffers; `shared` selects SharedArrayBuffer (parallel mode) or ArrayBuffer. */
export function allocateMemory(n: number, preKeys: number, shared: boolean, scale = 1): MemoryBuffers {
  const { keyCapacity, entryCapacity, arenaCapacity } = memoryCapacities(n, preKeys, scale);
  const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    n,
    keyCapacity,
    entryCapacity,
    arenaCapacity,
    keyBytes: buf(keyCapacity * KEY_SIZE),
    keyState: buf(keyCapacity * 4),
    keyBase: buf(keyCapacity * 8),
    keyLock: buf(keyCapacity * 4),
    keyHead: buf(keyCapacity * 4),
    keyLog: buf(keyCapacity * 4),
    entryInts: buf(entryCapacity * 4 * 4),
    entryValue: buf(entryCapacity * 8),
    counters: buf(3 * 4),
    txRegions: buf(n * 2 * 4),
    arena: buf(arenaCapacity * 4),
  };
}

/**
 * Makes the buffers of a finished run (every worker stopped, no lock held) as good as new for another
 * block of the same size: only the slots the key log lists are cleared, so a reused table costs
 * neither a fresh allocation nor its page faults. The other words are written before they are read.
 */
export function resetMemory(b: MemoryBuffers): void {
  const counters = new Int32Array(b.counters);
  const log = new Int32Array(b.keyLog);
  const state = new Int32Array(b.keyState);
  const head = new Int32Array(b.keyHead);
  for (let i = 0; i < counters[2]!; i++) {
    state[log[i]!] = EMPTY;
    head[log[i]!] = 0;
  }
  counters.fill(0);
  new Int32Array(b.txRegions).fill(0);
}

/**
 * The first slot to probe for a 32-byte key in an open-addressing table of `mask + 1` slots: keys
 * are SHA-256 digests, so their first four bytes are a fine hash.
 */
export const homeSlot = (key: Uint8Array, mask: number): number => ((key[0]! | (key[1]! << 8) | (key[2]! << 16) | (key[3]! << 24)) >>> 0) & mask;

/** True when slot `slot` of a table of 32-byte keys holds `key`. */
export function keyInSlot(table: Uint8Array, slot: number, key: Uint8Array): boolean {
  const at = slot * KEY_SIZE;
  for (let i = 0; i < KEY_SIZE; i++) if (table[at + i] !== key[i]) return false;
  return true;
}

/** The outcome of {@link MVMemory.read}, written into fields to spare an allocation per read. */
export enum ReadKind {
  OK = 0,
  /** An ESTIMATE of transaction `blocking` was found: a dependency. */
  DEPENDENCY = 1,
}

/** Spins until `lock[i]` is taken. Critical sections here never yield, so a holder always finishes. */
function lock(a: Int32Array, i: number): void {
  while (Atomics.compareExchange(a, i, 0, 1) !== 0) {
    /* spin: the holder is another thread in the middle of a short critical section */
  }
}
const unlock = (a: Int32Array, i: number): void => void Atomics.store(a, i, 0);

export class MVMemory {
  readonly n: number;
  private readonly keyMask: number;
  private readonly keyBytes: Uint8Array;
  private readonly keyState: Int32Array;
  private readonly keyBase: BigUint64Array;
  private readonly keyLock: Int32Array;
  private readonly keyHead: Int32Array;
  private readonly keyLog: Int32Array;
  /** entry e: [4e] txn_idx, [4e+1] incarnation, [4e+2] flag, [4e+3] next (0 = end). Entry 0 is unused. */
  private readonly entry: Int32Array;
  private readonly entryValue: BigUint64Array;
  /** [0] next free entry, [1] next free arena word, [2] keys claimed (length of keyLog). */
  private readonly counters: Int32Array;
  /** txn t: [2t] offset of its last read set, [2t+1] offset of its last written locations (0 = none). */
  private readonly txRegions: Int32Array;
  private readonly arena: Int32Array;

  /** Fields of the last {@link read}. */
  readKind: ReadKind = ReadKind.OK;
  readTxn = STORAGE_VERSION;
  readIncarnation = 0;
  readValue = 0n;
  blocking = -1;

  /**
   * `base(key)` is the pre-state value of a key, looked up when the key first enters the table (by
   * whichever thread touches it first; every thread has the same pre-state, so they agree).
   */
  constructor(
    readonly buffers: MemoryBuffers,
    private readonly base: (key: Uint8Array) => bigint = () => 0n,
  ) {
    this.n = buffers.n;
    this.keyMask = buffers.keyCapacity - 1;
    this.keyBytes = new Uint8Array(buffers.keyBytes);
    this.keyState = new Int32Array(buffers.keyState);
    this.keyBase = new BigUint64Array(buffers.keyBase);
    this.keyLock = new Int32Array(buffers.keyLock);
    this.keyHead = new Int32Array(buffers.keyHead);
    this.keyLog = new Int32Array(buffers.keyLog);
    this.entry = new Int32Array(buffers.entryInts);
    this.entryValue = new BigUint64Array(buffers.entryValue);
    this.counters = new Int32Array(buffers.counters);
    this.txRegions = new Int32Array(buffers.txRegions);
    this.arena = new Int32Array(buffers.arena);
  }

  // ---- key table ----

  /** The slot of `key`, inserting it (pre-state value 0) if absent. */
  keyIndex(key: Uint8Array): number {
    let slot = homeSlot(key, this.keyMask);
    for (let probes = 0; probes <= this.keyMask; probes++) {
      let s = Atomics.load(this.keyState, slot);
      if (s === EMPTY && Atomics.compareExchange(this.keyState, slot, EMPTY, CLAIMED) === EMPTY) {
        this.keyBytes.set(key, slot * KEY_SIZE);
        Atomics.store(this.keyBase, slot, this.base(key));
        Atomics.store(this.keyLog, Atomics.add(this.counters, 2, 1), slot);
        Atomics.store(this.keyState, slot, READY);
        return slot;
      }
      while ((s = Atomics.load(this.keyState, slot)) === CLAIMED) {
        /* another thread is writing this slot's key */
      }
      if (keyInSlot(this.keyBytes, slot, key)) return slot;
      slot = (slot + 1) & this.keyMask;
    }
    throw new RangeError(`MVMemory: key table full (${this.keyMask + 1} keys)`);
  }

  /** Sets a key's pre-state value directly (tests; the executors use the `base` lookup instead). */
  setBase(key: Uint8Array, value: bigint): void {
    Atomics.store(this.keyBase, this.keyIndex(key), value);
  }

  // ---- version lists (Algorithm 2) ----

  /** The entry of (key, txn), or 0; with `create`, made and linked in order if absent. Call under the key's lock. */
  private findEntry(k: number, txn: number, create: boolean): number {
    let prev = 0;
    let e = this.keyHead[k]!;
    while (e !== 0 && this.entry[4 * e]! > txn) {
      prev = e;
      e = this.entry[4 * e + 3]!;
    }
    if (e !== 0 && this.entry[4 * e] === txn) return e;
    if (!create) return 0;
    const fresh = Atomics.add(this.counters, 0, 1) + 1;
    if (fresh >= this.buffers.entryCapacity) throw new RangeError(`MVMemory: version entries exhausted (${this.buffers.entryCapacity})`);
    this.entry[4 * fresh] = txn;
    this.entry[4 * fresh + 3] = e;
    if (prev === 0) this.keyHead[k] = fresh;
    else this.entry[4 * prev + 3] = fresh;
    return fresh;
  }

  private writeEntry(k: number, txn: number, incarnation: number, value: bigint): void {
    lock(this.keyLock, k);
    const e = this.findEntry(k, txn, true);
    this.entry[4 * e + 1] = incarnation;
    this.entry[4 * e + 2] = FLAG_VALUE;
    this.entryValue[e] = value;
    unlock(this.keyLock, k);
  }

  private flagEntry(k: number, txn: number, flag: number): void {
    lock(this.keyLock, k);
    const e = this.findEntry(k, txn, false);
    if (e !== 0) this.entry[4 * e + 2] = flag;
    unlock(this.keyLock, k);
  }

  /**
   * read(location, txn_idx): the entry of the highest transaction below `txn` that wrote `k`. Sets
   * {@link readKind}: OK with (readTxn, readIncarnation, readValue), readTxn = STORAGE_VERSION for the
   * pre-state; or DEPENDENCY on an ESTIMATE, with {@link blocking}.
   */
  read(k: number, txn: number): ReadKind {
    lock(this.keyLock, k);
    let e = this.keyHead[k]!;
    while (e !== 0 && (this.entry[4 * e]! >= txn || this.entry[4 * e + 2] === FLAG_REMOVED)) e = this.entry[4 * e + 3]!;
    if (e === 0) {
      this.readKind = ReadKind.OK;
      this.readTxn = STORAGE_VERSION;
      this.readIncarnation = 0;
      this.readValue = Atomics.load(this.keyBase, k);
    } else if (this.entry[4 * e + 2] === FLAG_ESTIMATE) {
      this.readKind = ReadKind.DEPENDENCY;
      this.blocking = this.entry[4 * e]!;
    } else {
      this.readKind = ReadKind.OK;
      this.readTxn = this.entry[4 * e]!;
      this.readIncarnation = this.entry[4 * e + 1]!;
      this.readValue = this.entryValue[e]!;
    }
    unlock(this.keyLock, k);
    return this.readKind;
  }

  // ---- per-transaction regions ----

  private allocate(words: number): number {
    const at = Atomics.add(this.counters, 1, words) + 1; // word 0 of the arena is never used, so 0 means "none"
    if (at + words > this.buffers.arenaCapacity) throw new RangeError(`MVMemory: arena exhausted (${this.buffers.arenaCapacity} words)`);
    return at;
  }

  private region(txn: number, which: 0 | 1): Int32Array | null {
    const at = Atomics.load(this.txRegions, 2 * txn + which);
    if (at === 0) return null;
    return this.arena.subarray(at + 1, at + 1 + this.arena[at]!);
  }

  /**
   * record(version, read_set, write_set): applies the writes, marks locations no longer written as
   * REMOVED, publishes both sets; returns wrote_new_location. `reads` is flat (key, txn, incarnation)
   * triples; `writes` parallel arrays of key slots and values.
   */
  record(txn: number, incarnation: number, reads: readonly number[], writeKeys: readonly number[], writeValues: readonly bigint[]): boolean {
    for (let i = 0; i < writeKeys.length; i++) this.writeEntry(writeKeys[i]!, txn, incarnation, writeValues[i]!);
    // write sets are a few keys: linear scans, no allocation (the first incarnation has no previous set)
    const prev = this.region(txn, 1);
    let wroteNew = writeKeys.length > 0;
    if (prev !== null) {
      for (let i = 0; i < prev.length; i++) if (!writeKeys.includes(prev[i]!)) this.flagEntry(prev[i]!, txn, FLAG_REMOVED);
      wroteNew = false;
      for (let i = 0; i < writeKeys.length && !wroteNew; i++) wroteNew = !prev.includes(writeKeys[i]!);
    }
    const w = this.allocate(1 + writeKeys.length);
    this.arena[w] = writeKeys.length;
    this.arena.set(writeKeys, w + 1);
    const r = this.allocate(1 + reads.length);
    this.arena[r] = reads.length;
    this.arena.set(reads, r + 1);
    Atomics.store(this.txRegions, 2 * txn + 1, w);
    Atomics.store(this.txRegions, 2 * txn, r);
    return wroteNew;
  }

  /** convert_writes_to_estimates(txn_idx). */
  convertWritesToEstimates(txn: number): void {
    for (const k of this.region(txn, 1) ?? []) this.flagEntry(k, txn, FLAG_ESTIMATE);
  }

  /** validate_read_set(txn_idx): every read would still see the same version. */
  validateReadSet(txn: number): boolean {
    const reads = this.region(txn, 0);
    if (reads === null) return false;
    for (let i = 0; i < reads.length; i += 3) {
      if (this.read(reads[i]!, txn) !== ReadKind.OK) return false;
      if (this.readTxn !== reads[i + 1] || this.readIncarnation !== reads[i + 2]) return false;
    }
    return true;
  }

  /**
   * snapshot(): the value after the whole block of every key some transaction wrote, as (key bytes,
   * value), 0 meaning deleted. Keys no transaction wrote keep their pre-state value.
   */
  snapshot(): [Uint8Array, bigint][] {
    const out: [Uint8Array, bigint][] = [];
    this.forEachWritten(this.n, (k, value) => out.push([this.keyBytes.slice(k * KEY_SIZE, (k + 1) * KEY_SIZE), value]));
    return out;
  }

  /**
   * For every key some transaction below `upTo` wrote (visiting only the claimed slots, in claim
   * order): `f(slot, value)` with its value after transactions 0..upTo−1. Call when no worker runs.
   */
  forEachWritten(upTo: number, f: (slot: number, value: bigint) => void): void {
    const claimed = Atomics.load(this.counters, 2);
    for (let i = 0; i < claimed; i++) {
      const k = Atomics.load(this.keyLog, i);
      if (Atomics.load(this.keyHead, k) === 0) continue;
      // only VALUE entries of transactions below upTo count: read() on the last one would stop at an ESTIMATE
      let e = this.keyHead[k]!;
      while (e !== 0 && (this.entry[4 * e]! >= upTo || this.entry[4 * e + 2] === FLAG_REMOVED)) e = this.entry[4 * e + 3]!;
      if (e === 0) continue;
      if (this.entry[4 * e + 2] === FLAG_ESTIMATE) throw new Error(`MVMemory: snapshot below ${upTo} meets an ESTIMATE of transaction ${this.entry[4 * e]}`);
      f(k, this.entryValue[e]!);
    }
  }

  /** A slot's key as lower-case hex (the State map's key). */
  keyHex(k: number): string {
    return (this.keyHexView ??= Buffer.from(this.keyBytes.buffer, this.keyBytes.byteOffset, this.keyBytes.byteLength)).toString("hex", k * KEY_SIZE, (k + 1) * KEY_SIZE);
  }
  private keyHexView: Buffer | undefined;
}
