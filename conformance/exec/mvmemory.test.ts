/**
 * Model-based test of Block-STM's multi-version memory (reference/exec/blockstm/memory.ts) against a
 * plain model of the paper's Algorithm 2: per key, a map txn_idx → (incarnation, value) | ESTIMATE;
 * read(key, j) = the entry of the highest txn below j, else storage. Commands are the paper's
 * operations (record, convert_writes_to_estimates, read, validate_read_set); the model and the real
 * memory are compared after every read and validation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateMemory, MVMemory, ReadKind, STORAGE_VERSION } from "../../reference/exec/blockstm/memory.js";
import { props } from "../harness/testing.js";

const N = 6; // transactions
const KEYS = 5;
const keyBytes = (k: number) => new Uint8Array(32).fill(k + 1);

type Version = { txn: number; inc: number; value: bigint } | "ESTIMATE";
interface Model {
  data: Map<number, Map<number, Version>>;
  written: Map<number, number[]>;
  readSets: Map<number, [key: number, txn: number, inc: number][]>;
  incarnation: number[];
}
interface Real {
  mem: MVMemory;
  slot: number[];
}

type Read = { kind: "dep"; blocking: number } | { kind: "ok"; txn: number; inc: number; value: bigint };

function modelRead(m: Model, key: number, j: number): Read {
  const versions = m.data.get(key) ?? new Map();
  const below = [...versions.keys()].filter((t) => t < j).sort((a, b) => b - a);
  if (below.length === 0) return { kind: "ok", txn: STORAGE_VERSION, inc: 0, value: BigInt(key) * 100n };
  const v = versions.get(below[0]!)!;
  return v === "ESTIMATE" ? { kind: "dep", blocking: below[0]! } : { kind: "ok", txn: v.txn, inc: v.inc, value: v.value };
}

function realRead(r: Real, key: number, j: number): Read {
  const kind = r.mem.read(r.slot[key]!, j);
  return kind === ReadKind.DEPENDENCY ? { kind: "dep", blocking: r.mem.blocking } : { kind: "ok", txn: r.mem.readTxn, inc: r.mem.readIncarnation, value: r.mem.readValue };
}

class RecordCmd implements fc.Command<Model, Real> {
  constructor(readonly txn: number, readonly readKeys: number[], readonly writes: [number, bigint][]) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const inc = ++m.incarnation[this.txn]!;
    // reads see the current versions (as an execution would), then the writes are recorded
    const reads = this.readKeys.flatMap((k) => {
      const v = modelRead(m, k, this.txn);
      return v.kind === "ok" ? [[k, v.txn, v.inc] as [number, number, number]] : [];
    });
    const writes = new Map(this.writes);
    const versions = (k: number) => m.data.get(k) ?? m.data.set(k, new Map()).get(k)!;
    for (const k of m.written.get(this.txn) ?? []) if (!writes.has(k)) versions(k).delete(this.txn);
    const wroteNewModel = [...writes.keys()].some((k) => !(m.written.get(this.txn) ?? []).includes(k));
    for (const [k, v] of writes) versions(k).set(this.txn, { txn: this.txn, inc, value: v });
    m.written.set(this.txn, [...writes.keys()]);
    m.readSets.set(this.txn, reads);
    const wroteNew = r.mem.record(this.txn, inc, reads.flatMap(([k, t, i]) => [r.slot[k]!, t, i]), [...writes.keys()].map((k) => r.slot[k]!), [...writes.values()]);
    expect(wroteNew).toBe(wroteNewModel);
  }
  toString = () => `record(${this.txn}, reads ${this.readKeys}, writes ${this.writes.map(([k, v]) => `${k}=${v}`)})`;
}

class EstimateCmd implements fc.Command<Model, Real> {
  constructor(readonly txn: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    for (const k of m.written.get(this.txn) ?? []) m.data.get(k)!.set(this.txn, "ESTIMATE");
    r.mem.convertWritesToEstimates(this.txn);
  }
  toString = () => `estimates(${this.txn})`;
}

class ReadCmd implements fc.Command<Model, Real> {
  constructor(readonly key: number, readonly txn: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    expect(realRead(r, this.key, this.txn)).toEqual(modelRead(m, this.key, this.txn));
  }
  toString = () => `read(${this.key}, ${this.txn})`;
}

class ValidateCmd implements fc.Command<Model, Real> {
  constructor(readonly txn: number) {}
  check = (m: Readonly<Model>) => m.readSets.has(this.txn);
  run(m: Model, r: Real): void {
    const want = m.readSets.get(this.txn)!.every(([k, t, i]) => {
      const v = modelRead(m, k, this.txn);
      return v.kind === "ok" && v.txn === t && v.inc === i;
    });
    expect(r.mem.validateReadSet(this.txn)).toBe(want);
  }
  toString = () => `validate(${this.txn})`;
}

const txn = fc.nat(N - 1);
const key = fc.nat(KEYS - 1);
const commands = [
  fc.tuple(txn, fc.uniqueArray(key, { maxLength: 3 }), fc.uniqueArray(key, { maxLength: 3 }), fc.bigInt({ min: 0n, max: 9n })).map(([t, rk, wk, v]) => new RecordCmd(t, rk, wk.map((k, i) => [k, v + BigInt(i)]))),
  txn.map((t) => new EstimateCmd(t)),
  fc.tuple(key, fc.nat(N)).map(([k, t]) => new ReadCmd(k, t)),
  txn.map((t) => new ValidateCmd(t)),
];

describe("MVMemory (model-based, Algorithm 2)", () => {
  it("agrees with the model on every read, record and validation", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        const mem = new MVMemory(allocateMemory(N, KEYS, false));
        const slot = Array.from({ length: KEYS }, (_, k) => mem.keyIndex(keyBytes(k)));
        slot.forEach((_, k) => mem.setBase(keyBytes(k), BigInt(k) * 100n));
        const model: Model = { data: new Map(), written: new Map(), readSets: new Map(), incarnation: new Array(N).fill(-1) };
        fc.modelRun(() => ({ model, real: { mem, slot } }), cmds);
      }),
      props(300),
    );
  });
});
