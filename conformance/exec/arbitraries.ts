/**
 * fast-check arbitraries of exec blocks (pre-state + encoded transactions) for the property tests,
 * the Block-STM interleaving campaigns and `pwo fuzz --suite exec`. Blocks come in shapes that
 * stress a parallel executor: all-conflicting, chains, read-your-own-write, aborting, out of gas,
 * data-dependent keys, invalid and malformed transactions.
 * @module
 */
import fc from "fast-check";
import { encodeTx, type Transaction } from "../../reference/codec/index.js";
import { toHex } from "../../reference/common/hex.js";
import { G_TX, INSTRUCTIONS, MAX_STACK, MAX_TX_GAS, MAX_TX_KEYS, U64_MAX, asm, sortedEntries, type State } from "../../reference/exec/index.js";
import { hexArb, hostileBytes } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { account, call, contract, keyPair, makeState, payment, signTx } from "./fixtures.js";
import { BREAKABLE, ruleInput } from "./rulecases.js";
import { signatureClasses, type SignatureClass } from "./signatures.js";

/** Program templates, indexed by a drawn number; `a`, `b` are small parameters. */
const PROGRAMS: ((a: number, b: number) => Uint8Array)[] = [
  // counter in slot a
  (a) => asm().push(a).op("SLOAD").push(1).op("ADD").dup(0).op("LOG").push(a).op("SSTORE").bytes(),
  // data-dependent key: slot (SLOAD a mod 3) gets b
  (a, b) => asm().push(b).push(a).op("SLOAD").push(3).op("MOD").op("SSTORE").bytes(),
  // read own write: write a to slot b, read it back, store it + 1 in slot b + 1
  (a, b) => asm().push(a).push(b).op("SSTORE").push(b).op("SLOAD").push(1).op("ADD").push(b + 1).op("SSTORE").bytes(),
  // abort when slot a is odd, else bump it
  (a) => asm().push(a).op("SLOAD").push(2).op("MOD").jump("odd", true).push(a).op("SLOAD").push(1).op("ADD").push(a).op("SSTORE").jump("end").label("odd").push(a).op("ABORT").label("end").bytes(),
  // loop until out of gas, writing on the way
  (a) => asm().push(a).push(a).op("SSTORE").label("l").jump("l").bytes(),
  // overflow: slot a + 2^64 − 1
  (a) => asm().push(a).op("SLOAD").push(U64_MAX).op("ADD").push(a).op("SSTORE").bytes(),
  // copy slot a to slot b, then delete slot a
  (a, b) => asm().push(a).op("SLOAD").push(b).op("SSTORE").push(0).push(a).op("SSTORE").bytes(),
  // random bytes are programs too
  (a, b) => Uint8Array.of(a * 17 + b, b * 31 + a, 0x21, a),
];

export type TxDraw =
  | { t: "pay"; from: number; to: number; amount: bigint; nonceDelta: number; fee: bigint }
  | { t: "call"; from: number; to: number; program: number; a: number; b: number; value: bigint; nonceDelta: number; fee: bigint }
  | { t: "junk"; bytes: Uint8Array };

export interface BlockDraw {
  accounts: number;
  balances: readonly bigint[];
  slots: readonly (readonly [number, number, bigint])[];
  txs: readonly TxDraw[];
}

const feeArb = fc.oneof({ weight: 6, arbitrary: fc.constant(20_000n) }, { weight: 1, arbitrary: fc.bigInt({ min: 900n, max: 2_500n }) });
const nonceDeltaArb = fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) });

const txDrawArb = (accounts: number): fc.Arbitrary<TxDraw> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant("pay" as const), from: fc.nat(accounts - 1), to: fc.nat(accounts), amount: fc.oneof(fc.bigInt({ min: 0n, max: 50_000n }), fc.constant(U64_MAX)), nonceDelta: nonceDeltaArb, fee: feeArb }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant("call" as const), from: fc.nat(accounts - 1), to: fc.nat(1), program: fc.nat(PROGRAMS.length - 1), a: fc.nat(3), b: fc.nat(3), value: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 30_000n })), nonceDelta: nonceDeltaArb, fee: feeArb }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("junk" as const), bytes: fc.uint8Array({ maxLength: 12 }) }) },
  );

/** Random blocks over a few accounts (so that transactions collide), at most `maxTxs` transactions. */
export const blockDrawArb = (maxTxs = 10): fc.Arbitrary<BlockDraw> =>
  fc.integer({ min: 1, max: 4 }).chain((accounts) =>
    fc.record({
      accounts: fc.constant(accounts),
      balances: fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 100_000n }), fc.constant(10_000_000n), fc.constant(U64_MAX - 10n)), { minLength: accounts, maxLength: accounts }),
      slots: fc.array(fc.tuple(fc.nat(1), fc.nat(5), fc.bigInt({ min: 1n, max: 9n })), { maxLength: 4 }),
      txs: fc.array(txDrawArb(accounts), { maxLength: maxTxs }),
    }),
  );

/** Blocks of one stressing shape: every transaction a counter increment on one slot, or one sender's nonce chain. */
export const shapedBlockArb = (maxTxs = 10): fc.Arbitrary<BlockDraw> =>
  fc.oneof<fc.Arbitrary<BlockDraw>[]>(
    fc.record({ accounts: fc.constant(3), balances: fc.constant([10_000_000n, 10_000_000n, 10_000_000n]), slots: fc.constant([]), txs: fc.array(fc.record({ t: fc.constant("call" as const), from: fc.nat(2), to: fc.constant(0), program: fc.constant(0), a: fc.constant(0), b: fc.constant(0), value: fc.constant(0n), nonceDelta: fc.constant(0), fee: fc.constant(20_000n) }), { minLength: 2, maxLength: maxTxs }) }),
    fc.record({ accounts: fc.constant(2), balances: fc.constant([10_000_000n, 5n]), slots: fc.constant([]), txs: fc.array(fc.record({ t: fc.constant("pay" as const), from: fc.constant(0), to: fc.nat(2), amount: fc.bigInt({ min: 0n, max: 1000n }), nonceDelta: fc.constant(0), fee: fc.constant(20_000n) }), { minLength: 2, maxLength: maxTxs }) }),
  );

/** The pre-state and encoded transactions a draw stands for; nonces follow each sender's count (± a delta). */
export function buildBlock(d: BlockDraw): { preState: State; txs: Uint8Array[] } {
  const preState = makeState({
    balances: d.balances.map((b, i) => [account(i), b] as [Uint8Array, bigint]),
    storage: d.slots.map(([c, s, v]) => [contract(c), BigInt(s), v] as [Uint8Array, bigint, bigint]),
  });
  const next = new Array(d.accounts).fill(0);
  const txs = d.txs.map((t): Uint8Array => {
    if (t.t === "junk") return t.bytes;
    const nonce = BigInt(Math.max(0, next[t.from] + t.nonceDelta));
    next[t.from]++;
    const tx: Transaction =
      t.t === "pay"
        ? payment({ sender: account(t.from), recipient: account(t.to), amount: t.amount, nonce, fee: t.fee })
        : call({ sender: account(t.from), contract: contract(t.to), code: PROGRAMS[t.program]!(t.a, t.b), value: t.value, nonce, fee: t.fee });
    return encodeTx(tx);
  });
  return { preState, txs };
}

const toInput = ({ preState, txs }: { preState: State; txs: Uint8Array[] }, verifySignatures = false): JsonObject => ({
  preState: sortedEntries(preState).map(([key, value]) => ({ key, value: value.toString() })),
  txs: txs.map(toHex),
  verifySignatures,
});

/** The boundary values of the VM's and V2–V6's ranges, drawn often (spec/exec.md §Constants). */
const FEE_EDGES = [BigInt(G_TX - 1), BigInt(G_TX), BigInt(G_TX + 1), 1_500n, 10_000n, BigInt(MAX_TX_GAS), BigInt(MAX_TX_GAS + 1)];
const WORD_EDGES = [0n, 1n, 2n, (1n << 32n) - 1n, 1n << 32n, (1n << 32n) + 1n, U64_MAX - 1n, U64_MAX];

/** One instruction (any opcode of the table, an unassigned byte, or a truncated tail), its operands at the edges. */
const instructionArb: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...WORD_EDGES), fc.bigInt({ min: 0n, max: 20n })).map((v) => [...asm().push(v).bytes()]) },
  { weight: 6, arbitrary: fc.constantFrom(...[...INSTRUCTIONS].filter(([, [, imm]]) => imm === 0).map(([op]) => op)).map((op) => [op]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(0x03, 0x04), fc.oneof(fc.nat(3), fc.constantFrom(MAX_STACK - 1, MAX_STACK, 255))).map(([op, i]) => [op, i]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(0x30, 0x31), fc.oneof(fc.nat(40), fc.constantFrom(0xffff))).map(([op, t]) => [op, t >> 8, t & 0xff]) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).filter((b) => !INSTRUCTIONS.has(b)).map((b) => [b]) },
);

/** A random program: 0–24 instructions, sometimes cut at a random byte (a truncated immediate). */
const randomProgramArb: fc.Arbitrary<Uint8Array> = fc.tuple(fc.array(instructionArb, { maxLength: 24 }), fc.option(fc.nat(8))).map(([ins, cut]) => {
  const bytes = ins.flat();
  return Uint8Array.from(cut === null ? bytes : bytes.slice(0, Math.max(0, bytes.length - cut)));
});

/** Programs at the VM's limits: n words on the stack (MAX_STACK ± 1), n distinct slots written (MAX_TX_KEYS − 2 ± 1). */
const limitProgramArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.integer({ min: MAX_STACK - 1, max: MAX_STACK + 1 }).map((n) => {
    const a = asm().push(1);
    for (let i = 1; i < n; i++) a.dup(0);
    return a.bytes();
  }),
  fc.integer({ min: MAX_TX_KEYS - 3, max: MAX_TX_KEYS - 1 }).map((n) => {
    const a = asm();
    for (let i = 0; i < n; i++) a.push(1).push(i).op("SSTORE");
    return a.bytes();
  }),
);

const programArb: fc.Arbitrary<Uint8Array> = fc.oneof({ weight: 5, arbitrary: randomProgramArb }, { weight: 1, arbitrary: limitProgramArb });

/** A block of 1–3 calls running random programs (every opcode reachable), fees and values at the edges. */
const programBlockArb: fc.Arbitrary<JsonObject> = fc
  .array(fc.record({ code: programArb, fee: fc.oneof(fc.constantFrom(...FEE_EDGES), fc.bigInt({ min: 1_000n, max: 3_000n })), value: fc.oneof(fc.constant(0n), fc.constantFrom(1n, 999_999_999n, 1_000_000_000n)) }), { minLength: 1, maxLength: 3 })
  .map((cs) => toInput({ preState: makeState({ balances: [[account(0), 1_000_000_000n]], storage: [[contract(0), 1n, 5n]] }), txs: cs.map((c, i) => encodeTx(call({ sender: account(0), contract: contract(0), code: c.code, fee: c.fee, value: c.value, nonce: BigInt(i) }))) }));

let classes: SignatureClass[] | null = null;
/** Signed single-mode transactions: ZIP-215's edge classes, fresh honest signatures, and either with bytes mutated. */
const signedBlockArb: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.nat(1_000).map((i) => {
    classes ??= signatureClasses();
    const c = classes[i % classes.length]!;
    return { tx: c.tx, pk: c.pk };
  }),
  fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 0n, max: 5_000n }), fc.constantFrom(...FEE_EDGES)).map(([secret, amount, fee]) => {
    const kp = keyPair(secret);
    return { tx: signTx(payment({ sender: kp.address, recipient: account(1), amount, fee }), kp.secret), pk: kp.address };
  }),
).chain(({ tx, pk }) =>
  fc.tuple(fc.option(hostileBytes(fc.constant(tx), 20), { freq: 3 }), fc.boolean(), fc.constantFrom(0n, 9_999n, 10_000n, 1_000_000_000n)).map(([mutated, verify, balance]) =>
    toInput({ preState: makeState({ balances: [[pk, balance]] }), txs: [mutated ?? tx] }, verify || mutated === null),
  ),
);

/** Inputs that break one or two rules of execute_block's table at once (reference/exec/rules.ts). */
const ruleBreakingArb: fc.Arbitrary<JsonObject> = fc.uniqueArray(fc.constantFrom(...BREAKABLE), { minLength: 1, maxLength: 2 }).map((broken) => ruleInput(new Set(broken)));

/** Operation name → arbitrary of its JSON input. */
export const EXEC_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  execute_block: fc.oneof(
    { weight: 3, arbitrary: fc.tuple(blockDrawArb(8), fc.nat(7), fc.boolean()).chain(([d, which, verify]) => {
      const b = buildBlock(d);
      if (b.txs.length === 0) return fc.constant(toInput(b, verify));
      const i = which % b.txs.length;
      return hexArb(hostileBytes(fc.constant(b.txs[i]!), 40)).map((h) => ({ ...toInput(b, verify), txs: b.txs.map((t, j) => (j === i ? h : toHex(t))) }));
    }) },
    { weight: 3, arbitrary: programBlockArb },
    { weight: 2, arbitrary: signedBlockArb },
    { weight: 2, arbitrary: ruleBreakingArb },
  ),
  state_root: fc.array(fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 0n, max: 1n << 64n })), { maxLength: 6 }).map((es) => ({ state: es.map(([k, v]) => ({ key: toHex(k), value: v.toString() })) })),
  derive_key: fc.record({ kind: fc.constantFrom("balance", "nonce", "storage"), address: hexArb(fc.uint8Array({ minLength: 32, maxLength: 32 })), slot: fc.bigInt({ min: 0n, max: U64_MAX }).map(String) }),
};
