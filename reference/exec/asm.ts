/**
 * A small assembler for the VM's programs (spec/exec.md §Instruction set), used by the vectors, the
 * tests and the benchmark. Not normative: any byte string is a program.
 * @module
 */
import { OP } from "./vm.js";
import { u64be } from "./state.js";

export type Mnemonic = keyof typeof OP;

export class Asm {
  private readonly code: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: [at: number, label: string][] = [];

  op(...names: Mnemonic[]): this {
    for (const n of names) this.code.push(OP[n]);
    return this;
  }
  push(v: bigint | number): this {
    this.code.push(OP.PUSH, ...u64be(BigInt(v)));
    return this;
  }
  dup(i: number): this {
    this.code.push(OP.DUP, i);
    return this;
  }
  swap(i: number): this {
    this.code.push(OP.SWAP, i);
    return this;
  }
  /** JUMP or JUMPI to a label, or to a raw target. */
  jump(target: string | number, conditional = false): this {
    this.code.push(conditional ? OP.JUMPI : OP.JUMP);
    if (typeof target === "number") this.code.push(target >> 8, target & 0xff);
    else {
      this.fixups.push([this.code.length, target]);
      this.code.push(0, 0);
    }
    return this;
  }
  label(name: string): this {
    this.labels.set(name, this.code.length);
    return this;
  }
  raw(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  bytes(): Uint8Array {
    for (const [at, label] of this.fixups) {
      const t = this.labels.get(label);
      if (t === undefined) throw new RangeError(`asm: unknown label ${label}`);
      this.code[at] = t >> 8;
      this.code[at + 1] = t & 0xff;
    }
    return Uint8Array.from(this.code);
  }
}

export const asm = (): Asm => new Asm();
