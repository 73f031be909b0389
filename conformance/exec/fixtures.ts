/**
 * Builders shared by the exec vectors, arbitraries, tests and benchmark: accounts, pre-states,
 * payments, calls and signed transactions. Not normative.
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { encodeTx, type Transaction } from "../../reference/codec/index.js";
import { toHex } from "../../reference/common/hex.js";
import { balanceKey, computeStateRoot, nonceKey, signingMessage, storageKey, type BlockResult, type State } from "../../reference/exec/index.js";

/** Account i of a fixture: SHA-256("pwo/exec/account/" + i). */
export const account = (i: number): Uint8Array => sha256(utf8ToBytes(`pwo/exec/account/${i}`));
/** Contract i of a fixture. */
export const contract = (i: number): Uint8Array => sha256(utf8ToBytes(`pwo/exec/contract/${i}`));

export interface StateSpec {
  balances?: [Uint8Array, bigint][];
  nonces?: [Uint8Array, bigint][];
  storage?: [Uint8Array, bigint, bigint][];
}

/** A state from balances, nonces and contract slots (zero values left out). */
export function makeState(s: StateSpec): State {
  const st: State = new Map();
  const put = (k: Uint8Array, v: bigint) => (v === 0n ? st.delete(toHex(k)) : st.set(toHex(k), v));
  for (const [a, v] of s.balances ?? []) put(balanceKey(a), v);
  for (const [a, v] of s.nonces ?? []) put(nonceKey(a), v);
  for (const [c, slot, v] of s.storage ?? []) put(storageKey(c, slot), v);
  return st;
}

export interface TxSpec {
  sender: Uint8Array;
  nonce?: bigint;
  fee?: bigint;
}

export const payment = (t: TxSpec & { recipient: Uint8Array; amount: bigint }): Transaction => ({
  kind: "payment",
  sigMode: "aggregate",
  sender: t.sender,
  nonce: t.nonce ?? 0n,
  fee: t.fee ?? 10_000n,
  recipient: t.recipient,
  amount: t.amount,
  signature: null,
});

export const call = (t: TxSpec & { contract: Uint8Array; value?: bigint; code: Uint8Array }): Transaction => ({
  kind: "call",
  sigMode: "aggregate",
  sender: t.sender,
  nonce: t.nonce ?? 0n,
  fee: t.fee ?? 100_000n,
  contract: t.contract,
  value: t.value ?? 0n,
  calldata: t.code,
  signature: null,
});

/** An Ed25519 key pair from a 32-byte secret. */
export function keyPair(secret: Uint8Array): { secret: Uint8Array; address: Uint8Array } {
  return { secret, address: ed25519.getPublicKey(secret) };
}

/** Encodes `tx` in single mode, signed by `secret` over its signing message (spec/exec.md rule V4). */
export function signTx(tx: Transaction, secret: Uint8Array): Uint8Array {
  const unsigned = encodeTx({ ...tx, sigMode: "single", signature: new Uint8Array(64) });
  const sig = ed25519.sign(signingMessage(unsigned), secret);
  const out = unsigned.slice();
  out.set(sig, out.length - 64);
  return out;
}

/** A result in a form `toEqual` compares exactly and fast-check prints readably. */
export const resultView = (r: BlockResult) => ({
  root: toHex(computeStateRoot(r.postState)),
  outcomes: r.outcomes,
  events: r.events.map((e) => [e.tx, toHex(e.contract), e.value]),
  gasUsed: r.gasUsed,
});
