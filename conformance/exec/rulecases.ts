/**
 * exec vectors driven by the rule table (reference/exec/rules.ts): each rule broken alone, each
 * pair at once (pairwiseCases), and the boundary of every range (largest accepted, smallest
 * rejected). For the transaction rules V1–V6 the operation's answer is a valid result whose
 * outcome carries the code; the builder checks the reference's outcome against the intent.
 * Also exported for `pwo fuzz`'s rule-breaking generator (conformance/exec/arbitraries.ts).
 * @module
 */
import { encodeTx, type Transaction } from "../../reference/codec/index.js";
import { isSpecError } from "../../reference/common/errors.js";
import { firstBroken, type Rule } from "../../reference/common/rules.js";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import { EXEC_RULES, G_TX, MAX_TX_GAS, U64_MAX, checkPreState, executeBlock, sortedEntries, type State } from "../../reference/exec/index.js";
import { pairwiseCases } from "../harness/rules.js";
import type { JsonObject } from "../harness/operation.js";
import type { CaseSpec } from "../harness/vectorfile.js";
import { account, keyPair, makeState, payment, signTx } from "./fixtures.js";

export const EXECUTE_BLOCK_RULES = EXEC_RULES.find((t) => t.operation === "execute_block")!;
const RICH = 1_000_000_000n;
const kp = keyPair(new Rng("pwo/exec/vectors/rules").bytes(32));

/** Transaction rules a generated input may break (S2 cannot be carried by a vector). */
export const BREAKABLE = ["S1", "S3", "V1", "V2", "V3", "V4", "V5", "V6"] as const;
export type Breakable = (typeof BREAKABLE)[number];

/**
 * One signed single-mode payment (verifySignatures = true) breaking exactly the rules in `broken`:
 * S1 an extra zero-valued pre-state entry, S3 51 more payments declaring MAX_TX_GAS each (from
 * another account; 5.1·10^7 > MAX_BLOCK_GAS whatever the first one declares), V1 a trailing byte, V2 fee 10^6 + 1, V3 fee 999,
 * V4 a flipped signature bit, V5 nonce 1 against a stored 0, V6 a balance one below the fee.
 */
export function ruleInput(broken: ReadonlySet<string>, amount = 1n): JsonObject {
  const fee = broken.has("V2") ? BigInt(MAX_TX_GAS + 1) : broken.has("V3") ? BigInt(G_TX - 1) : 10_000n;
  const tx: Transaction = payment({ sender: kp.address, recipient: account(1), amount, fee, nonce: broken.has("V5") ? 1n : 0n });
  let bytes = signTx(tx, kp.secret);
  if (broken.has("V4")) bytes[bytes.length - 1]! ^= 1;
  if (broken.has("V1")) bytes = Uint8Array.from([...bytes, 0]);
  const pre = makeState({ balances: [[kp.address, broken.has("V6") ? fee - 1n : RICH]] });
  const preState = sortedEntries(pre).map(([key, value]) => ({ key, value: value.toString() }));
  if (broken.has("S1")) preState.push({ key: "ff".repeat(32), value: "0" });
  const filler = broken.has("S3") ? Array.from({ length: 51 }, (_, i) => toHex(encodeTx(payment({ sender: account(77), recipient: account(1), amount: 0n, fee: BigInt(MAX_TX_GAS), nonce: BigInt(i) })))) : [];
  return { preState, txs: [toHex(bytes), ...filler], verifySignatures: true };
}

/** The reference's answer code for a rule input: INVALID_PRE_STATE, or the one transaction's reason (null if none). */
export function answeredCode(input: JsonObject): string | null {
  let pre: State;
  try {
    pre = checkPreState((input["preState"] as { key: string; value: string }[]).map((e) => [fromHex(e.key), BigInt(e.value)]));
  } catch {
    return "INVALID_PRE_STATE";
  }
  try {
    const r = executeBlock(pre, (input["txs"] as string[]).map((t) => fromHex(t)), { verifySignatures: input["verifySignatures"] as boolean });
    return r.outcomes[0]?.reason ?? null;
  } catch (e) {
    if (isSpecError(e, "exec")) return e.code;
    throw e;
  }
}

/** The case for `broken`, with the intent (the first broken rule's code) checked against the reference. */
function ruleCase(comment: string, broken: readonly string[]): CaseSpec {
  const input = ruleInput(new Set(broken));
  const want = firstBroken(EXECUTE_BLOCK_RULES, broken).code;
  const got = answeredCode(input);
  if (got !== want) throw new Error(`exec rule case "${comment}": meant ${want}, the reference answers ${got}`);
  return { comment, flags: ["Signature", "InvalidTx", "RuleOrder"], input, expect: want === "INVALID_PRE_STATE" || want === "BLOCK_GAS_LIMIT" ? want : "valid" };
}

/** Each rule alone and each pair at once. */
export function ruleCases(): CaseSpec[] {
  const single = BREAKABLE.map((id) => ruleCase(`breaks ${id} alone: ${firstBroken(EXECUTE_BLOCK_RULES, [id]).code}`, [id]));
  const pairs = pairwiseCases(EXECUTE_BLOCK_RULES, (a: Rule, b: Rule) => ({ a: a.id, b: b.id }), "RuleOrder").map((c) => {
    const { a, b } = c.input as { a: string; b: string };
    return { ...ruleCase(c.comment, [a, b]), flags: ["RuleOrder", "PairwiseRules", "Signature", "InvalidTx"] };
  });
  return [...single, ...pairs];
}

/** A payment (aggregate mode) from a fresh account with the given fee, nonce and pre-state. */
function boundaryPayment(comment: string, opts: { fee: bigint; nonce?: bigint; storedNonce?: bigint; balance: bigint }, flags: string[]): CaseSpec {
  const A = account(4242);
  const pre = makeState({ balances: [[A, opts.balance]], nonces: opts.storedNonce ? [[A, opts.storedNonce]] : [] });
  const tx = encodeTx(payment({ sender: A, recipient: account(1), amount: 0n, fee: opts.fee, nonce: opts.nonce ?? 0n }));
  return { comment, flags: ["Payment", "Boundary", ...flags], input: { preState: sortedEntries(pre).map(([key, value]) => ({ key, value: value.toString() })), txs: [toHex(tx)], verifySignatures: false }, expect: "valid" };
}

/** The boundaries of V2, V3, V5, V6 (the VM's ranges are in conformance/exec/vectors.ts). */
export function boundaryCases(): CaseSpec[] {
  return [
    boundaryPayment("V3 boundary: fee = G_TX exactly is valid (the body then has 0 gas: out of gas)", { fee: BigInt(G_TX), balance: RICH }, ["OutOfGas"]),
    boundaryPayment("V6 boundary: balance = fee exactly is accepted", { fee: 10_000n, balance: 10_000n }, []),
    boundaryPayment("V6 boundary: balance = fee − 1 is rejected", { fee: 10_000n, balance: 9_999n }, ["InvalidTx"]),
    boundaryPayment("V5 boundary: stored nonce 2^64 − 2, the largest that can advance", { fee: 10_000n, nonce: U64_MAX - 1n, storedNonce: U64_MAX - 1n, balance: RICH }, ["Limit"]),
    boundaryPayment("V5 boundary: nonce one below the stored nonce is rejected", { fee: 10_000n, nonce: 4n, storedNonce: 5n, balance: RICH }, ["InvalidTx"]),
    boundaryPayment("V2 boundary: fee = MAX_TX_GAS exactly with balance = fee", { fee: BigInt(MAX_TX_GAS), balance: BigInt(MAX_TX_GAS) }, ["Limit"]),
  ];
}
