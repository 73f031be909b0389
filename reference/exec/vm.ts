/**
 * The transaction VM: spec/exec.md §Transaction processing and §Instruction set.
 *
 * A transaction is a generator that **yields the storage keys it reads** and receives their values;
 * it never sees the state otherwise. The sequential executor answers from a map, Block-STM from its
 * multi-version memory: one VM, so both run exactly the same semantics. Writes stay in the
 * transaction until it ends and come back in its {@link TxEffect}.
 * @module
 */
import { decodeTx, type Call, type Transaction } from "../codec/index.js";
import { isSpecError } from "../common/errors.js";
import { toHex } from "../common/hex.js";
import { G_TRANSFER, G_TX, MAX_STACK, MAX_TX_GAS, MAX_TX_KEYS, U64_MAX } from "./constants.js";
import type { ExecReason } from "./errors.js";
import { verifyZip215 } from "./signature.js";
import { balanceKey, nonceKey, storageKey } from "./state.js";
import type { TxEffect, TxOutcome } from "./types.js";

/** A computation that reads storage: yields a key, is resumed with its value. */
export type Access<T> = Generator<Uint8Array, T, bigint>;

/** Opcodes (§Instruction set). */
export const OP = {
  STOP: 0x00, PUSH: 0x01, POP: 0x02, DUP: 0x03, SWAP: 0x04,
  ADD: 0x10, SUB: 0x11, MUL: 0x12, DIV: 0x13, MOD: 0x14,
  EQ: 0x15, LT: 0x16, GT: 0x17, ISZERO: 0x18, AND: 0x19, OR: 0x1a, XOR: 0x1b,
  SLOAD: 0x20, SSTORE: 0x21,
  JUMP: 0x30, JUMPI: 0x31,
  LOG: 0x40, ABORT: 0x41,
  CALLER: 0x50, VALUE: 0x51,
} as const;

/** opcode → [gas, immediate bytes, operands popped]. */
export const INSTRUCTIONS: ReadonlyMap<number, readonly [gas: number, imm: number, pops: number]> = new Map([
  [OP.STOP, [0, 0, 0]], [OP.PUSH, [1, 8, 0]], [OP.POP, [1, 0, 1]], [OP.DUP, [1, 1, 0]], [OP.SWAP, [1, 1, 0]],
  [OP.ADD, [3, 0, 2]], [OP.SUB, [3, 0, 2]], [OP.MUL, [5, 0, 2]], [OP.DIV, [5, 0, 2]], [OP.MOD, [5, 0, 2]],
  [OP.EQ, [3, 0, 2]], [OP.LT, [3, 0, 2]], [OP.GT, [3, 0, 2]], [OP.ISZERO, [3, 0, 1]],
  [OP.AND, [3, 0, 2]], [OP.OR, [3, 0, 2]], [OP.XOR, [3, 0, 2]],
  [OP.SLOAD, [100, 0, 1]], [OP.SSTORE, [200, 0, 2]],
  [OP.JUMP, [8, 2, 0]], [OP.JUMPI, [10, 2, 1]],
  [OP.LOG, [50, 0, 1]], [OP.ABORT, [1, 0, 1]],
  [OP.CALLER, [2, 0, 0]], [OP.VALUE, [2, 0, 0]],
]);

/** A body that ended early: abort (with a reason) or out of gas. */
class Halt {
  constructor(
    readonly status: "abort" | "out_of_gas",
    readonly reason: ExecReason | null,
    readonly abortCode: bigint | null = null,
  ) {}
}
const abort = (reason: ExecReason, abortCode: bigint | null = null): never => {
  throw new Halt("abort", reason, abortCode);
};

interface Entry {
  key: Uint8Array;
  value: bigint;
}

/**
 * A transaction's view of storage (§Transaction processing, "view"): the first read of each key
 * goes to storage and is remembered; writes stay local, in two layers (fee phase, body) so that a
 * failed body is undone; at most MAX_TX_KEYS distinct keys.
 */
class TxView {
  private readonly read = new Map<string, bigint>();
  private readonly outer = new Map<string, Entry>();
  private body = new Map<string, Entry>();
  private readonly touched = new Set<string>();

  private touch(h: string): void {
    if (this.touched.has(h)) return;
    if (this.touched.size >= MAX_TX_KEYS) abort("KEY_LIMIT");
    this.touched.add(h);
  }

  *load(key: Uint8Array): Access<bigint> {
    const h = toHex(key);
    const w = this.body.get(h) ?? this.outer.get(h);
    if (w) return w.value;
    const r = this.read.get(h);
    if (r !== undefined) return r;
    this.touch(h);
    const v = yield key;
    this.read.set(h, v);
    return v;
  }

  store(key: Uint8Array, value: bigint, inBody: boolean): void {
    const h = toHex(key);
    this.touch(h);
    (inBody ? this.body : this.outer).set(h, { key, value });
  }

  /** Ends the body: keep its writes (success) or drop them. */
  endBody(keep: boolean): void {
    if (keep) for (const [h, e] of this.body) this.outer.set(h, e);
    this.body = new Map();
  }

  writes(): [Uint8Array, bigint][] {
    return [...this.outer.values()].map((e) => [e.key, e.value]);
  }
}

/** Gas meter of a body: `limit` = fee − G_TX. */
class Meter {
  used = 0;
  constructor(readonly limit: number) {}
  charge(gas: number): void {
    if (this.used + gas > this.limit) {
      this.used = this.limit;
      throw new Halt("out_of_gas", null);
    }
    this.used += gas;
  }
}

const invalid = (reason: ExecReason): TxEffect => ({ outcome: { status: "invalid", reason, abortCode: null, gasUsed: 0 }, writes: [], events: [] });

/** Moves `amount` from `from` to `to` (§Transfers): INSUFFICIENT_BALANCE, BALANCE_OVERFLOW. */
function* transfer(view: TxView, from: Uint8Array, to: Uint8Array, amount: bigint): Access<void> {
  const kFrom = balanceKey(from);
  const bFrom = yield* view.load(kFrom);
  if (bFrom < amount) abort("INSUFFICIENT_BALANCE");
  view.store(kFrom, bFrom - amount, true);
  const kTo = balanceKey(to);
  const bTo = yield* view.load(kTo);
  if (bTo + amount > U64_MAX) abort("BALANCE_OVERFLOW");
  view.store(kTo, bTo + amount, true);
}

const checkedU64 = (x: bigint): bigint => (x < 0n || x > U64_MAX ? abort("ARITHMETIC_OVERFLOW") : x);
const bool = (b: boolean): bigint => (b ? 1n : 0n);

/** b OP a, where a was on top (§Instruction set, binary operations). */
function binary(op: number, b: bigint, a: bigint): bigint {
  switch (op) {
    case OP.ADD: return checkedU64(b + a);
    case OP.SUB: return checkedU64(b - a);
    case OP.MUL: return checkedU64(b * a);
    case OP.DIV: return a === 0n ? abort("DIVISION_BY_ZERO") : b / a;
    case OP.MOD: return a === 0n ? abort("DIVISION_BY_ZERO") : b % a;
    case OP.EQ: return bool(b === a);
    case OP.LT: return bool(b < a);
    case OP.GT: return bool(b > a);
    case OP.AND: return b & a;
    case OP.OR: return b | a;
    default: return b ^ a; // XOR
  }
}

/** Runs a program (the call data) to its end (§Instruction set). Throws {@link Halt} on abort/out of gas. */
function* runProgram(view: TxView, meter: Meter, tx: Call, events: TxEffect["events"]): Access<void> {
  const code = tx.calldata;
  const stack: bigint[] = [];
  const pop = (): bigint => stack.pop() as bigint;
  const push = (v: bigint): void => {
    if (stack.length >= MAX_STACK) abort("STACK_OVERFLOW");
    stack.push(v);
  };
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc] as number;
    const info = INSTRUCTIONS.get(op);
    if (info === undefined) return abort("INVALID_OPCODE");
    const [gas, imm, pops] = info;
    meter.charge(gas);
    if (pc + 1 + imm > code.length) abort("TRUNCATED_PROGRAM");
    if (stack.length < pops) abort("STACK_UNDERFLOW");
    let next = pc + 1 + imm;
    const immU = (): number => (imm === 1 ? (code[pc + 1] as number) : ((code[pc + 1] as number) << 8) | (code[pc + 2] as number));
    switch (op) {
      case OP.STOP:
        return;
      case OP.PUSH:
        push(new DataView(code.buffer, code.byteOffset + pc + 1, 8).getBigUint64(0, false));
        break;
      case OP.POP:
        pop();
        break;
      case OP.DUP: {
        const i = immU();
        if (i >= stack.length) abort("STACK_UNDERFLOW");
        push(stack[stack.length - 1 - i] as bigint);
        break;
      }
      case OP.SWAP: {
        const i = immU();
        if (i >= stack.length) abort("STACK_UNDERFLOW");
        const top = stack.length - 1;
        [stack[top], stack[top - i]] = [stack[top - i] as bigint, stack[top] as bigint];
        break;
      }
      case OP.ISZERO:
        push(bool(pop() === 0n));
        break;
      case OP.SLOAD:
        push(yield* view.load(storageKey(tx.contract, pop())));
        break;
      case OP.SSTORE: {
        const slot = pop();
        const value = pop();
        view.store(storageKey(tx.contract, slot), value, true);
        break;
      }
      case OP.JUMP:
      case OP.JUMPI: {
        const target = immU();
        const taken = op === OP.JUMP || pop() !== 0n;
        if (taken) {
          if (target > code.length) abort("INVALID_JUMP");
          next = target;
        }
        break;
      }
      case OP.LOG:
        events.push({ contract: tx.contract, value: pop() });
        break;
      case OP.ABORT:
        return abort("ABORTED", pop());
      case OP.CALLER:
        push(new DataView(tx.sender.buffer, tx.sender.byteOffset, 8).getBigUint64(0, false));
        break;
      case OP.VALUE:
        push(tx.value);
        break;
      default: {
        const a = pop();
        const b = pop();
        push(binary(op, b, a));
      }
    }
    pc = next;
  }
}

/** The signed message of a single-mode transaction: its encoding without the final 64 signature bytes. */
export function signingMessage(encoded: Uint8Array): Uint8Array {
  return encoded.subarray(0, encoded.length - 64);
}

/** Rule V4 for a single-mode transaction: Ed25519 with the ZIP-215 rules, the sender's address as the key A. */
export function verifyTxSignature(tx: Transaction, encoded: Uint8Array): boolean {
  if (tx.signature === null) return true;
  return verifyZip215(tx.signature, signingMessage(encoded), tx.sender);
}

/** The stateless part of processing (rules V1–V4): the decoded transaction or its invalid effect. */
export function checkTxStateless(encoded: Uint8Array, verify: ((tx: Transaction) => boolean) | null): Transaction | TxEffect {
  let tx: Transaction;
  try {
    tx = decodeTx(encoded);
  } catch (e) {
    if (isSpecError(e, "codec")) return invalid("MALFORMED_TX");
    throw e;
  }
  if (tx.fee > BigInt(MAX_TX_GAS)) return invalid("GAS_LIMIT_TOO_HIGH");
  if (tx.fee < BigInt(G_TX)) return invalid("FEE_TOO_LOW");
  if (verify !== null && tx.sigMode === "single" && !verify(tx)) return invalid("BAD_SIGNATURE");
  return tx;
}

/**
 * Processes one transaction (§Transaction processing): rules V1–V6, then the fee phase, the body
 * under the gas meter, and the refund. `verify` decides rule V4 (null: signatures not checked).
 */
export function* processTx(encoded: Uint8Array, verify: ((tx: Transaction) => boolean) | null): Access<TxEffect> {
  const checked = checkTxStateless(encoded, verify);
  if (!("kind" in checked)) return checked;
  const tx = checked;
  const view = new TxView();
  const kNonce = nonceKey(tx.sender);
  const kBalance = balanceKey(tx.sender);
  const nonce = yield* view.load(kNonce);
  if (tx.nonce !== nonce || nonce === U64_MAX) return invalid("BAD_NONCE");
  const balance = yield* view.load(kBalance);
  if (balance < tx.fee) return invalid("INSUFFICIENT_FEE_BALANCE");
  // fee phase: the nonce advances and the whole fee is reserved whatever the body does
  view.store(kNonce, nonce + 1n, false);
  view.store(kBalance, balance - tx.fee, false);
  const meter = new Meter(Number(tx.fee) - G_TX);
  const events: TxEffect["events"] = [];
  let outcome: TxOutcome;
  try {
    if (tx.kind === "payment") {
      meter.charge(G_TRANSFER);
      yield* transfer(view, tx.sender, tx.recipient, tx.amount);
    } else {
      if (tx.value > 0n) {
        meter.charge(G_TRANSFER);
        yield* transfer(view, tx.sender, tx.contract, tx.value);
      }
      yield* runProgram(view, meter, tx, events);
    }
    view.endBody(true);
    outcome = { status: "success", reason: null, abortCode: null, gasUsed: G_TX + meter.used };
  } catch (e) {
    if (!(e instanceof Halt)) throw e;
    view.endBody(false);
    events.length = 0;
    outcome = { status: e.status, reason: e.reason, abortCode: e.abortCode, gasUsed: G_TX + meter.used };
  }
  // refund the unused part of the fee (cannot overflow: the sender's balance is at most `balance` again)
  const after = yield* view.load(kBalance);
  view.store(kBalance, after + tx.fee - BigInt(outcome.gasUsed), false);
  return { outcome, writes: view.writes(), events };
}
