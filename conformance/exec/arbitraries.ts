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
import { U64_MAX, asm, sortedEntries, type State } from "../../reference/exec/index.js";
import { hexArb, hostileBytes } from "../harness/arbitraries.js";
import type { JsonObject } from "../harness/operation.js";
import { account, call, contract, makeState, payment } from "./fixtures.js";

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

/** Operation name → arbitrary of its JSON input. */
export const EXEC_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  execute_block: fc.tuple(blockDrawArb(8), fc.nat(7), fc.boolean()).chain(([d, which, verify]) => {
    const b = buildBlock(d);
    if (b.txs.length === 0) return fc.constant(toInput(b, verify));
    const i = which % b.txs.length;
    return hexArb(hostileBytes(fc.constant(b.txs[i]!), 40)).map((h) => ({ ...toInput(b, verify), txs: b.txs.map((t, j) => (j === i ? h : toHex(t))) }));
  }),
  state_root: fc.array(fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 0n, max: 1n << 64n })), { maxLength: 6 }).map((es) => ({ state: es.map(([k, v]) => ({ key: toHex(k), value: v.toString() })) })),
  derive_key: fc.record({ kind: fc.constantFrom("balance", "nonce", "storage"), address: hexArb(fc.uint8Array({ minLength: 32, maxLength: 32 })), slot: fc.bigInt({ min: 0n, max: U64_MAX }).map(String) }),
};
