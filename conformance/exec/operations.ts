/**
 * The exec suite's operations (spec/exec.md §Conformance operations): JSON ⇄ reference calls.
 * @module
 */
import { toHex } from "../../reference/common/hex.js";
import {
  EXEC_REASONS,
  balanceKey,
  checkPreState,
  computeStateRoot,
  executeBlock,
  nonceKey,
  sortedEntries,
  storageKey,
  type BlockResult,
  type State,
  type TxOutcome,
} from "../../reference/exec/index.js";
import {
  BadInput,
  DECIMAL_SCHEMA,
  HEX_SCHEMA,
  UINT_SCHEMA,
  getArray,
  getDecimal,
  getHex,
  getHexArray,
  getString,
  hex,
  hexOfSize,
  objectSchema,
  type Json,
  type JsonObject,
  type JsonSchema,
  type Operation,
} from "../harness/operation.js";

const SPEC = "spec/exec.md";

/** State JSON: a list of {key, value}. Input form permissive (any hex, any decimal) so rule S1 reaches the reference. */
const stateSchema = (strict: boolean): JsonSchema => ({ type: "array", items: objectSchema({ key: strict ? hexOfSize(32) : HEX_SCHEMA, value: DECIMAL_SCHEMA }) });

const outcomeSchema: JsonSchema = objectSchema({
  status: { enum: ["success", "abort", "out_of_gas", "invalid"] },
  reason: { anyOf: [{ enum: Object.keys(EXEC_REASONS) }, { type: "null" }] },
  abortCode: { anyOf: [DECIMAL_SCHEMA, { type: "null" }] },
  gasUsed: UINT_SCHEMA,
});

const eventSchema: JsonSchema = objectSchema({ tx: UINT_SCHEMA, contract: hexOfSize(32), value: DECIMAL_SCHEMA });

/** Reads a state list; entries keep their order (rule S1 is the reference's to check). */
export function stateEntriesFromJson(o: JsonObject, key: string): [Uint8Array, bigint][] {
  return getArray(o, key).map((e, i) => {
    if (typeof e !== "object" || e === null || Array.isArray(e)) throw new BadInput(`${key}[${i}]: expected an object`);
    return [getHex(e, "key"), getDecimal(e, "value")];
  });
}

export const stateToJson = (s: State): Json[] => sortedEntries(s).map(([key, value]) => ({ key, value: value.toString() }));

export const outcomeToJson = (o: TxOutcome): JsonObject => ({ status: o.status, reason: o.reason, abortCode: o.abortCode === null ? null : o.abortCode.toString(), gasUsed: o.gasUsed });

export function blockResultToJson(r: BlockResult): JsonObject {
  return {
    stateRoot: hex(computeStateRoot(r.postState)),
    gasUsed: r.gasUsed.toString(),
    outcomes: r.outcomes.map(outcomeToJson),
    events: r.events.map((e) => ({ tx: e.tx, contract: toHex(e.contract), value: e.value.toString() })),
    postState: stateToJson(r.postState),
  };
}

const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "exec", ...o });

export const EXEC_OPERATIONS: readonly Operation[] = [
  op({
    name: "execute_block",
    summary: "execute a block of encoded transactions sequentially over a pre-state: state root, outcomes, gas, events, post-state",
    specSection: `${SPEC}#block-execution`,
    input: objectSchema({ preState: stateSchema(false), txs: { type: "array", items: HEX_SCHEMA }, verifySignatures: { type: "boolean" } }),
    output: objectSchema({
      stateRoot: hexOfSize(32),
      gasUsed: DECIMAL_SCHEMA,
      outcomes: { type: "array", items: outcomeSchema },
      events: { type: "array", items: eventSchema },
      postState: stateSchema(true),
    }),
    run: (i) => {
      const pre = checkPreState(stateEntriesFromJson(i, "preState"));
      const verify = i["verifySignatures"];
      if (typeof verify !== "boolean") throw new BadInput("verifySignatures: expected a boolean");
      return blockResultToJson(executeBlock(pre, getHexArray(i, "txs"), { verifySignatures: verify }));
    },
  }),
  op({
    name: "state_root",
    summary: "the state commitment of a state given as sorted entries",
    specSection: `${SPEC}#state-commitment`,
    input: objectSchema({ state: stateSchema(false) }),
    output: objectSchema({ root: hexOfSize(32) }),
    run: (i) => ({ root: hex(computeStateRoot(checkPreState(stateEntriesFromJson(i, "state")))) }),
  }),
  op({
    name: "derive_key",
    summary: "the storage key of an account's balance or nonce, or of a contract's slot",
    specSection: `${SPEC}#state`,
    input: objectSchema({ kind: { enum: ["balance", "nonce", "storage"] }, address: hexOfSize(32), slot: DECIMAL_SCHEMA }),
    output: objectSchema({ key: hexOfSize(32) }),
    run: (i) => {
      const kind = getString(i, "kind", ["balance", "nonce", "storage"] as const);
      const address = getHex(i, "address");
      if (address.length !== 32) throw new BadInput("address: expected 32 bytes");
      const slot = getDecimal(i, "slot");
      if (slot >= 1n << 64n) throw new BadInput("slot: expected a u64");
      const key = kind === "balance" ? balanceKey(address) : kind === "nonce" ? nonceKey(address) : storageKey(address, slot);
      return { key: hex(key) };
    },
  }),
];
