/**
 * The exec suite's vector cases. Inputs are built here; every expected answer is computed by the
 * reference (conformance/harness/vectorfile.ts), and `expect` only states the author's intent.
 * @module
 */
import { encodeTx, type Transaction } from "../../reference/codec/index.js";
import { toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import { G_TRANSFER, G_TX, INSTRUCTIONS, MAX_BLOCK_GAS, MAX_STACK, MAX_TX_GAS, MAX_TX_KEYS, OP, U64_MAX, asm, sortedEntries, type State } from "../../reference/exec/index.js";
import { boundaryCases, ruleCases } from "./rulecases.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { account, call, contract, keyPair, makeState, payment, signTx } from "./fixtures.js";
import { signatureClasses } from "./signatures.js";

export const EXEC_FLAGS: Record<string, string> = {
  Payment: "payments (transfers) only",
  Call: "contract calls running a program",
  Arithmetic: "an arithmetic edge: overflow, underflow, division by zero",
  OutOfGas: "a transaction runs out of gas",
  Abort: "a transaction aborts (explicitly or by a VM fault); its body is undone, its fee charged",
  InvalidTx: "a transaction is invalid: not applied, no fee",
  MissingKey: "reads of keys absent from the state (they read 0)",
  ReadOwnWrite: "a transaction reads a key it wrote",
  Events: "LOG events, kept only for successful bodies",
  Signature: "Ed25519 signatures checked (verifySignatures = true)",
  LowContention: "a block whose transactions touch disjoint keys",
  HighContention: "a block whose transactions all touch the same keys",
  Chain: "a block of transactions each depending on the previous",
  Limit: "a VM or block limit: stack depth, key count, gas limit, the block gas limit",
  Boundary: "the largest accepted or the smallest rejected value of a range",
  InvalidState: "an invalid pre-state (rejects the whole input)",
  Empty: "an empty block or state",
  RuleOrder: "an input breaking two checks at once: the earlier one in the check order answers",
  PairwiseRules: "generated from the rule table: breaks one pair of rules at once",
  Opcode: "generated from the instruction table: one opcode's gas, operands or immediate",
};

const valid = (comment: string, input: CaseSpec["input"], flags: string[]): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, code: string, input: CaseSpec["input"], flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });

const stateJson = (s: State) => sortedEntries(s).map(([key, value]) => ({ key, value: value.toString() }));
const block = (pre: State, txs: (Transaction | Uint8Array)[], verifySignatures = false) => ({
  preState: stateJson(pre),
  txs: txs.map((t) => toHex(t instanceof Uint8Array ? t : encodeTx(t))),
  verifySignatures,
});

const A = account(0);
const B = account(1);
const C = contract(0);
const RICH = 1_000_000_000n;
const base = makeState({ balances: [[A, RICH], [B, RICH]] });
/** A call by A to C running `code`. */
const run = (code: Uint8Array, extra: Partial<Parameters<typeof call>[0]> = {}) => call({ sender: A, contract: C, code, ...extra });

function instructionCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const prog = (comment: string, code: Uint8Array, flags: string[], extra: Partial<Parameters<typeof call>[0]> = {}, pre: State = base) =>
    out.push(valid(comment, block(pre, [run(code, extra)]), ["Call", ...flags]));
  prog("ADD at the u64 limit: 2^64−1 + 0 succeeds", asm().push(U64_MAX).push(0).op("ADD").push(1).op("SSTORE").bytes(), ["Arithmetic"]);
  prog("ADD overflow: 2^64−1 + 1 traps", asm().push(U64_MAX).push(1).op("ADD").bytes(), ["Arithmetic", "Abort"]);
  prog("SUB underflow: 0 − 1 traps", asm().push(0).push(1).op("SUB").bytes(), ["Arithmetic", "Abort"]);
  prog("SUB operand order: 5 − 3 = 2 stored in slot 0", asm().push(5).push(3).op("SUB").push(0).op("SSTORE").bytes(), ["Arithmetic"]);
  prog("MUL overflow: 2^32 · 2^32 traps", asm().push(1n << 32n).push(1n << 32n).op("MUL").bytes(), ["Arithmetic", "Abort"]);
  prog("DIV by zero traps", asm().push(7).push(0).op("DIV").bytes(), ["Arithmetic", "Abort"]);
  prog("MOD by zero traps", asm().push(7).push(0).op("MOD").bytes(), ["Arithmetic", "Abort"]);
  prog("DIV and MOD floor: 7/2 → slot 0, 7 mod 2 → slot 1", asm().push(7).push(2).op("DIV").push(0).op("SSTORE").push(7).push(2).op("MOD").push(1).op("SSTORE").bytes(), ["Arithmetic"]);
  prog("comparisons and bit operations stored in slots 0..6", (() => {
    const a = asm();
    const pairs: [bigint, bigint, "EQ" | "LT" | "GT" | "AND" | "OR" | "XOR"][] = [[3n, 3n, "EQ"], [2n, 3n, "LT"], [2n, 3n, "GT"], [12n, 10n, "AND"], [12n, 10n, "OR"], [12n, 10n, "XOR"]];
    pairs.forEach(([x, y, o], i) => a.push(x).push(y).op(o).push(i).op("SSTORE"));
    return a.push(0).op("ISZERO").push(6).op("SSTORE").bytes();
  })(), []);
  prog("comparisons both ways, each result + 1 stored (so a 0 result is visible): EQ 3,4; LT 3,3; LT 4,3; GT 3,3; GT 4,3; ISZERO 5 → slots 10..15", (() => {
    const a = asm();
    const cases: [bigint, bigint, "EQ" | "LT" | "GT"][] = [[3n, 4n, "EQ"], [3n, 3n, "LT"], [4n, 3n, "LT"], [3n, 3n, "GT"], [4n, 3n, "GT"]];
    cases.forEach(([b, x, o], i) => a.push(b).push(x).op(o).push(1).op("ADD").push(10 + i).op("SSTORE"));
    return a.push(5).op("ISZERO").push(1).op("ADD").push(15).op("SSTORE").bytes();
  })(), ["Boundary"]);
  // ISZERO's neighbour in the dispatch is SLOAD: with slot 0 holding 7, ISZERO 0 (→ 1) and a load of slot 0 (→ 7) differ
  prog("ISZERO 0 → 1 stored in slot 1, with slot 0 holding 7 (an ISZERO that fell through to SLOAD would store 7)", asm().push(7).push(0).op("SSTORE").push(0).op("ISZERO").push(1).op("SSTORE").bytes(), []);
  prog("DUP and SWAP: stores 1 → slot 2, 2 → slot 1", asm().push(1).push(2).dup(1).swap(1).op("POP").push(2).op("SSTORE").push(1).op("SSTORE").bytes(), []);
  prog("POP on an empty stack", asm().op("POP").bytes(), ["Abort"]);
  prog("DUP beyond the stack", asm().push(1).dup(1).bytes(), ["Abort"]);
  prog(`${MAX_STACK + 1} pushes overflow the stack`, (() => {
    const a = asm();
    for (let i = 0; i <= MAX_STACK; i++) a.push(i);
    return a.bytes();
  })(), ["Abort", "Limit"]);
  prog("an unassigned opcode 0xff", asm().push(1).raw(0xff).bytes(), ["Abort"]);
  prog("PUSH with 3 of its 8 immediate bytes", asm().raw(0x01, 0, 0, 1).bytes(), ["Abort"]);
  prog("JUMP beyond the end", asm().jump(500).bytes(), ["Abort"]);
  prog("JUMP exactly to the end of the program (target = length) stops: success, the SSTORE skipped", asm().jump("end").push(1).push(1).op("SSTORE").label("end").bytes(), ["Boundary"]);
  prog("JUMP to length + 1, the smallest invalid target", asm().jump(23).push(1).push(1).op("SSTORE").bytes(), ["Abort", "Boundary"]);
  prog("JUMPI taken to exactly the end stops", asm().push(1).jump("end", true).push(1).push(1).op("SSTORE").label("end").bytes(), ["Boundary"]);
  prog("JUMPI taken to length + 1 aborts", asm().push(1).jump(32, true).push(1).push(1).op("SSTORE").bytes(), ["Abort", "Boundary"]);
  prog("JUMPI not taken: its invalid target is never checked", asm().push(0).jump(0xffff, true).push(3).push(1).op("SSTORE").bytes(), ["Boundary"]);
  prog("JUMP into a PUSH immediate: runs the bytes there (0x10 ADD of 2 + 2, stored)", asm().push(2).push(2).jump(29).raw(0x01, 0, 0, 0, 0, 0, 0, 0, 0x10).push(0).op("SSTORE").bytes(), []);
  prog("JUMP with one of its two immediate bytes", asm().raw(0x30, 0).bytes(), ["Abort", "Boundary"]);
  prog("JUMPI with no immediate on an empty stack: TRUNCATED_PROGRAM comes before STACK_UNDERFLOW", asm().raw(0x31).bytes(), ["Abort", "RuleOrder"]);
  prog("PUSH with 7 of its 8 immediate bytes (the smallest truncation)", asm().raw(0x01, 0, 0, 0, 0, 0, 0, 1).bytes(), ["Abort", "Boundary"]);
  prog("STOP ends the body: the SSTORE after it does not run", asm().push(1).push(1).op("STOP").op("SSTORE").bytes(), []);
  prog("MUL at the u64 limit: (2^32 + 1)(2^32 − 1) = 2^64 − 1 stored", asm().push((1n << 32n) + 1n).push((1n << 32n) - 1n).op("MUL").push(0).op("SSTORE").bytes(), ["Arithmetic", "Boundary"]);
  prog("SUB to exactly 0: 7 − 7 (stores 0, i.e. nothing)", asm().push(7).push(7).op("SUB").push(0).op("SSTORE").bytes(), ["Arithmetic", "Boundary"]);
  prog(`exactly ${MAX_STACK} pushes: the full stack is accepted`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_STACK; i++) a.push(i);
    return a.bytes();
  })(), ["Limit", "Boundary"]);
  prog(`DUP 0 on a full stack (${MAX_STACK} words) overflows`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_STACK; i++) a.push(i);
    return a.dup(0).bytes();
  })(), ["Abort", "Limit", "Boundary"]);
  prog(`SWAP ${MAX_STACK - 1} on a full stack exchanges the top with the bottom word (then POP, store the new top)`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_STACK; i++) a.push(i + 1);
    return a.swap(MAX_STACK - 1).op("POP").push(0).op("SSTORE").bytes();
  })(), ["Limit", "Boundary"]);
  prog(`SWAP ${MAX_STACK} on a full stack underflows (i = depth)`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_STACK; i++) a.push(i + 1);
    return a.swap(MAX_STACK).bytes();
  })(), ["Abort", "Limit", "Boundary"]);
  prog("DUP 2 with three words copies the bottom one (stored)", asm().push(7).push(8).push(9).dup(2).push(0).op("SSTORE").bytes(), ["Boundary"]);
  prog("SWAP 1 with one word on the stack underflows", asm().push(1).swap(1).bytes(), ["Abort", "Boundary"]);
  prog("SWAP 0 is a no-op", asm().push(5).swap(0).push(0).op("SSTORE").bytes(), ["Boundary"]);
  prog("an infinite loop with fee MAX_TX_GAS: out of gas at exactly 10^6", asm().label("top").jump("top").bytes(), ["OutOfGas", "Limit", "Boundary"], { fee: BigInt(MAX_TX_GAS) });
  prog("JUMPI not taken on 0, taken on 1", asm().push(0).jump("skip", true).push(11).push(0).op("SSTORE").push(1).jump("end", true).push(22).push(1).op("SSTORE").label("end").label("skip").bytes(), []);
  prog("ABORT with code 42", asm().push(9).push(0).op("SSTORE").push(42).op("ABORT").bytes(), ["Abort"]);
  prog("empty program: success, no writes but the fee", new Uint8Array(0), []);
  prog("SLOAD of a missing slot reads 0; stores 0 + 1", asm().push(7).op("SLOAD").push(1).op("ADD").push(7).op("SSTORE").bytes(), ["MissingKey"]);
  prog("SSTORE then SLOAD the same slot (read own write)", asm().push(5).push(3).op("SSTORE").push(3).op("SLOAD").push(1).op("ADD").push(4).op("SSTORE").bytes(), ["ReadOwnWrite"]);
  prog("SSTORE 0 deletes a pre-state slot", asm().push(0).push(1).op("SSTORE").bytes(), [], {}, makeState({ balances: [[A, RICH]], storage: [[C, 1n, 77n]] }));
  prog("an infinite loop runs out of gas (fee charged in full)", asm().label("top").jump("top").bytes(), ["OutOfGas"], { fee: 5_000n });
  prog("out of gas on the last SSTORE", asm().push(1).push(1).op("SSTORE").bytes(), ["OutOfGas"], { fee: BigInt(G_TX + 1 + 1 + 199) });
  prog("exactly enough gas for the SSTORE", asm().push(1).push(1).op("SSTORE").bytes(), [], { fee: BigInt(G_TX + 1 + 1 + 200) });
  prog(`${MAX_TX_KEYS} storage keys in one transaction exceed MAX_TX_KEYS with nonce and balance`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_TX_KEYS; i++) a.push(1).push(i).op("SSTORE");
    return a.bytes();
  })(), ["Abort", "Limit"]);
  prog(`${MAX_TX_KEYS - 2} storage keys: exactly MAX_TX_KEYS with nonce and balance`, (() => {
    const a = asm();
    for (let i = 0; i < MAX_TX_KEYS - 2; i++) a.push(1).push(i).op("SSTORE");
    return a.bytes();
  })(), ["Limit"]);
  prog("LOG two events, CALLER and VALUE", asm().op("CALLER").op("LOG").op("VALUE").op("LOG").bytes(), ["Events"], { value: 1234n });
  prog("LOG then ABORT: the event is dropped", asm().push(1).op("LOG").push(0).op("ABORT").bytes(), ["Events", "Abort"]);
  prog("call value above the balance aborts before the program", asm().push(1).push(1).op("SSTORE").bytes(), ["Abort"], { value: RICH });
  prog("call value transferred to the contract, then the program", asm().op("VALUE").push(0).op("SSTORE").bytes(), [], { value: 5_000n });
  out.push(...opcodeCases());
  return out;
}

/**
 * Per-opcode vectors from the instruction table (spec/exec.md §Instruction set, steps 1–6): for each
 * opcode that pops, too few operands (STACK_UNDERFLOW) and, with gas one short, out of gas first
 * (step 3 before step 5); for each opcode with an immediate, the immediate cut off
 * (TRUNCATED_PROGRAM) and out of gas first; every unassigned byte (INVALID_OPCODE, no gas).
 */
function opcodeCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const name = (op: number) => Object.entries(OP).find(([, v]) => v === op)![0];
  for (const [op, [gas, imm, pops]] of [...INSTRUCTIONS].sort((x, y) => x[0] - y[0])) {
    if (pops > 0) {
      const code = asm();
      for (let i = 0; i < pops - 1; i++) code.push(1);
      code.raw(op, ...new Array<number>(imm).fill(0));
      const before = (pops - 1) * 1;
      out.push(valid(`${name(op)} with ${pops - 1} operand(s): STACK_UNDERFLOW`, block(base, [run(code.bytes(), { fee: BigInt(G_TX + before + gas) })]), ["Call", "Abort", "Opcode"]));
      if (gas > 0) out.push(valid(`${name(op)} with ${pops - 1} operand(s) and 1 gas short: out of gas before the stack check`, block(base, [run(code.bytes(), { fee: BigInt(G_TX + before + gas - 1) })]), ["Call", "OutOfGas", "Opcode", "RuleOrder"]));
    }
    if (imm > 0) {
      const code = Uint8Array.of(op, ...new Array<number>(imm - 1).fill(0));
      out.push(valid(`${name(op)} with ${imm - 1} of its ${imm} immediate byte(s): TRUNCATED_PROGRAM`, block(base, [run(code, { fee: BigInt(G_TX + gas) })]), ["Call", "Abort", "Opcode", "Boundary"]));
      out.push(valid(`${name(op)} truncated and 1 gas short: out of gas before the truncation check`, block(base, [run(code, { fee: BigInt(G_TX + gas - 1) })]), ["Call", "OutOfGas", "Opcode", "RuleOrder"]));
    }
  }
  const unassigned = Array.from({ length: 256 }, (_, b) => b).filter((b) => !INSTRUCTIONS.has(b));
  out.push(valid(`each of the ${unassigned.length} unassigned bytes as a one-byte program: INVALID_OPCODE, no gas beyond G_TX`, block(base, unassigned.map((b, i) => run(Uint8Array.of(b), { nonce: BigInt(i), fee: BigInt(G_TX) }))), ["Call", "Abort", "Opcode"]));
  return out;
}

function paymentCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const one = (comment: string, pre: State, txs: (Transaction | Uint8Array)[], flags: string[]) => out.push(valid(comment, block(pre, txs), ["Payment", ...flags]));
  one("empty block: the pre-state's root", base, [], ["Empty"]);
  one("empty block over an empty state", new Map(), [], ["Empty"]);
  one("one payment to a new account", base, [payment({ sender: A, recipient: account(9), amount: 1_000n })], ["MissingKey"]);
  one("payment of the whole balance after the fee (aborts: the fee is reserved first)", base, [payment({ sender: A, recipient: B, amount: RICH })], ["Abort"]);
  one("payment of balance − fee exactly", base, [payment({ sender: A, recipient: B, amount: RICH - 10_000n })], []);
  one("payment into a balance of 2^64 − 2 reaching exactly 2^64 − 1 (the largest accepted)", makeState({ balances: [[A, RICH], [B, U64_MAX - 1n]] }), [payment({ sender: A, recipient: B, amount: 1n })], ["Boundary"]);
  one("payment into a balance at 2^64 − 1 overflows", makeState({ balances: [[A, RICH], [B, U64_MAX]] }), [payment({ sender: A, recipient: B, amount: 1n })], ["Abort"]);
  one("payment to oneself (reads its own write)", base, [payment({ sender: A, recipient: A, amount: 500n })], ["ReadOwnWrite"]);
  one("zero-amount payment", base, [payment({ sender: A, recipient: B, amount: 0n })], []);
  one("fee one short of G_TX + G_TRANSFER: out of gas, fee charged", base, [payment({ sender: A, recipient: B, amount: 1n, fee: BigInt(G_TX + G_TRANSFER - 1) })], ["OutOfGas"]);
  one("fee exactly G_TX + G_TRANSFER", base, [payment({ sender: A, recipient: B, amount: 1n, fee: BigInt(G_TX + G_TRANSFER) })], []);
  return out;
}

function invalidTxCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const one = (comment: string, pre: State, txs: (Transaction | Uint8Array)[], flags: string[], verify = false) => out.push(valid(comment, block(pre, txs, verify), ["InvalidTx", ...flags]));
  const p = payment({ sender: A, recipient: B, amount: 1n });
  const enc = encodeTx(p);
  one("bytes that are not a transaction", base, [Uint8Array.of(0x01, 0x00)], []);
  one("a transaction with a trailing byte", base, [Uint8Array.from([...enc, 0])], []);
  one("an unknown version byte", base, [Uint8Array.from([0x02, ...enc.subarray(1)])], []);
  one(`fee above MAX_TX_GAS`, base, [payment({ sender: A, recipient: B, amount: 1n, fee: BigInt(MAX_TX_GAS + 1) })], ["Limit"]);
  one("fee exactly MAX_TX_GAS", base, [payment({ sender: A, recipient: B, amount: 1n, fee: BigInt(MAX_TX_GAS) })], ["Limit"]);
  one("fee below G_TX", base, [payment({ sender: A, recipient: B, amount: 1n, fee: BigInt(G_TX - 1) })], []);
  one("nonce ahead of the state", base, [payment({ sender: A, recipient: B, amount: 1n, nonce: 1n })], []);
  one("nonce replayed: the same transaction twice", base, [p, p], []);
  one("stored nonce 2^64 − 1 cannot advance", makeState({ balances: [[A, RICH]], nonces: [[A, U64_MAX]] }), [payment({ sender: A, recipient: B, amount: 1n, nonce: U64_MAX })], ["Limit"]);
  one("balance below the fee", makeState({ balances: [[A, 9_999n]] }), [p], []);
  one("sender without any state (balance 0, nonce 0)", base, [payment({ sender: account(7), recipient: B, amount: 0n })], ["MissingKey"]);
  one("an invalid transaction between two valid ones changes nothing", base, [p, payment({ sender: A, recipient: B, amount: 1n, nonce: 5n }), payment({ sender: A, recipient: B, amount: 2n, nonce: 1n })], []);
  // signatures (rule V4)
  const rng = new Rng("pwo/exec/vectors/signatures");
  const kp = keyPair(rng.bytes(32));
  const pre = makeState({ balances: [[kp.address, RICH]] });
  const signed = signTx(payment({ sender: kp.address, recipient: B, amount: 7n }), kp.secret);
  const tampered = signed.slice();
  tampered[tampered.length - 1]! ^= 1;
  const otherKey = signTx(payment({ sender: kp.address, recipient: B, amount: 7n }), rng.bytes(32));
  one("a correctly signed payment, signatures checked", pre, [signed], ["Signature"], true);
  one("a signature with one bit flipped", pre, [tampered], ["Signature"], true);
  one("signed with another key than the sender's", pre, [otherKey], ["Signature"], true);
  one("the tampered signature is not checked when verifySignatures is false", pre, [tampered], ["Signature"], false);
  one("aggregate-mode transactions are not checked here (the block aggregate covers them)", base, [p], ["Signature"], true);
  return out;
}

/** Rule V4's ZIP-215 classes (conformance/exec/signatures.ts), one signed single-mode payment each. */
function signatureCases(): CaseSpec[] {
  return signatureClasses().map((c) => {
    const pre = makeState({ balances: [[c.pk, RICH]] });
    const split = c.splits.length > 0 ? ` [splits ZIP-215 from: ${c.splits.join(", ")}]` : "";
    return valid(`V4 ${c.comment}${split}`, block(pre, [c.tx], true), ["Signature", "InvalidTx"].slice(0, c.accepted ? 1 : 2));
  });
}

function contentionCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  const n = 12;
  const senders = Array.from({ length: n }, (_, i) => account(100 + i));
  const pre = makeState({ balances: senders.map((s) => [s, RICH] as [Uint8Array, bigint]) });
  out.push(valid(`${n} payments between disjoint accounts`, block(pre, senders.map((s, i) => payment({ sender: s, recipient: account(200 + i), amount: BigInt(1 + i) }))), ["Payment", "LowContention"]));
  out.push(valid(`${n} payments to one hot account`, block(pre, senders.map((s, i) => payment({ sender: s, recipient: A, amount: BigInt(1 + i) }))), ["Payment", "HighContention"]));
  const wide = 100;
  out.push(valid(`${wide} payments from one sender to ${wide} new accounts: a post-state of ${wide + 3} entries, created in hash-random order, must come out sorted by key`, block(base, Array.from({ length: wide }, (_, i) => payment({ sender: A, nonce: BigInt(i), recipient: account(500 + i), amount: 1n }))), ["Payment", "Chain", "MissingKey"]));
  out.push(valid(`${n} payments from one sender (a nonce chain), each to the next account`, block(base, Array.from({ length: n }, (_, i) => payment({ sender: A, nonce: BigInt(i), recipient: account(300 + i), amount: 10n }))), ["Payment", "Chain"]));
  const chainPre = makeState({ balances: [[senders[0]!, 100_000n], ...senders.slice(1).map((s) => [s, 10_000n] as [Uint8Array, bigint])] });
  out.push(valid("a money chain: each payment spends what the previous one delivered", block(chainPre, senders.slice(0, -1).map((s, i) => payment({ sender: s, recipient: senders[i + 1]!, amount: 40_000n }))), ["Payment", "Chain"]));
  const counter = asm().push(0).op("SLOAD").push(1).op("ADD").dup(0).op("LOG").push(0).op("SSTORE").bytes();
  out.push(valid(`${n} calls incrementing one counter (all conflicting), each logging the new value`, block(pre, senders.map((s) => call({ sender: s, contract: C, code: counter }))), ["Call", "HighContention", "Events"]));
  const own = asm().op("CALLER").op("SLOAD").push(1).op("ADD").op("CALLER").op("SSTORE").bytes();
  out.push(valid(`${n} calls each incrementing the caller's own slot`, block(pre, senders.map((s) => call({ sender: s, contract: C, code: own }))), ["Call", "LowContention"]));
  const mixed = senders.map((s, i) =>
    i % 4 === 0 ? call({ sender: s, contract: C, code: asm().push(i).op("ABORT").bytes() }) : i % 4 === 1 ? call({ sender: s, contract: C, code: asm().label("l").jump("l").bytes(), fee: 3_000n }) : i % 4 === 2 ? payment({ sender: s, recipient: A, amount: 5n }) : call({ sender: s, contract: C, code: counter }),
  );
  out.push(valid("mixed: aborts, out-of-gas loops, hot payments and counter increments", block(pre, mixed), ["Call", "Payment", "HighContention", "Abort", "OutOfGas"]));
  return out;
}

function preStateCases(): CaseSpec[] {
  const k = (i: number) => toHex(new Uint8Array(32).fill(i));
  const mk = (state: { key: string; value: string }[]) => ({ preState: state, txs: [], verifySignatures: false });
  return [
    invalid("keys out of order", "INVALID_PRE_STATE", mk([{ key: k(2), value: "1" }, { key: k(1), value: "1" }]), ["InvalidState"]),
    invalid("a key twice", "INVALID_PRE_STATE", mk([{ key: k(1), value: "1" }, { key: k(1), value: "2" }]), ["InvalidState"]),
    invalid("a zero value", "INVALID_PRE_STATE", mk([{ key: k(1), value: "0" }]), ["InvalidState"]),
    invalid("a value of 2^64", "INVALID_PRE_STATE", mk([{ key: k(1), value: (1n << 64n).toString() }]), ["InvalidState"]),
    invalid("a 31-byte key", "INVALID_PRE_STATE", mk([{ key: toHex(new Uint8Array(31)), value: "1" }]), ["InvalidState"]),
  ];
}

function stateRootCases(): CaseSpec[] {
  const rng = new Rng("pwo/exec/vectors/state_root");
  const entries = Array.from({ length: 7 }, () => ({ key: toHex(rng.bytes(32)), value: BigInt(rng.nextU32()) + 1n })).sort((a, b) => (a.key < b.key ? -1 : 1));
  const st = (es: typeof entries) => ({ state: es.map((e) => ({ key: e.key, value: e.value.toString() })) });
  const out: CaseSpec[] = [valid("empty state: SHA-256 of nothing", st([]), ["Empty"])];
  for (const n of [1, 2, 3, 7]) out.push(valid(`${n} entries`, st(entries.slice(0, n)), []));
  out.push(valid("u64 maximum value", { state: [{ key: entries[0]!.key, value: U64_MAX.toString() }] }, []));
  out.push(invalid("descending keys", "INVALID_PRE_STATE", st([entries[1]!, entries[0]!]), ["InvalidState"]));
  return out;
}

function deriveKeyCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const [i, a] of [A, new Uint8Array(32)].entries()) {
    out.push(valid(`balance key of address ${i}`, { kind: "balance", address: toHex(a), slot: "0" }, []));
    out.push(valid(`nonce key of address ${i}`, { kind: "nonce", address: toHex(a), slot: "0" }, []));
    for (const slot of [0n, 1n, U64_MAX]) out.push(valid(`storage key of contract ${i}, slot ${slot}`, { kind: "storage", address: toHex(a), slot: slot.toString() }, []));
  }
  return out;
}

/** Operation name → seed label and cases. */
/** Rule S3 at its boundary: declared gas (fees of decodable transactions with fee ≤ MAX_TX_GAS) against MAX_BLOCK_GAS. */
function blockGasCases(): CaseSpec[] {
  const full = MAX_BLOCK_GAS / MAX_TX_GAS;
  const calls = (n: number) => Array.from({ length: n }, (_, i) => run(new Uint8Array(0), { nonce: BigInt(i), fee: BigInt(MAX_TX_GAS) }));
  const extra = (fee: bigint) => run(new Uint8Array(0), { nonce: BigInt(full), fee });
  return [
    valid(`${full} empty calls declaring MAX_TX_GAS each: exactly MAX_BLOCK_GAS`, block(base, calls(full)), ["Limit", "Boundary"]),
    invalid("MAX_BLOCK_GAS + 1: one more transaction with fee 1 (invalid by V3, still declared)", "BLOCK_GAS_LIMIT", block(base, [...calls(full), extra(1n)]), ["Limit", "Boundary"]),
    valid("MAX_BLOCK_GAS and a transaction with fee MAX_TX_GAS + 1 (rejected by V2, never runs, not declared)", block(base, [...calls(full), extra(BigInt(MAX_TX_GAS) + 1n)]), ["Limit", "Boundary"]),
    valid("MAX_BLOCK_GAS and bytes that are not a transaction (not declared)", block(base, [...calls(full), Uint8Array.of(0xff)]), ["Limit", "Boundary"]),
  ];
}

export function execCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  return {
    execute_block: { seed: "pwo/exec/vectors/execute_block", cases: [...paymentCases(), ...instructionCases(), ...invalidTxCases(), ...signatureCases(), ...ruleCases(), ...boundaryCases(), ...contentionCases(), ...preStateCases(), ...blockGasCases()] },
    state_root: { seed: "pwo/exec/vectors/state_root", cases: stateRootCases() },
    derive_key: { seed: "pwo/exec/vectors/derive_key", cases: deriveKeyCases() },
  };
}
