/**
 * What an exec input exercises: the opcodes its calls' programs contain (a linear sweep that steps
 * over immediates, so a jump into an immediate is not followed), and whether it carries single-mode
 * signatures. Used by `pwo fuzz`'s coverage line and by the opcode-coverage test of the vectors.
 * @module
 */
import { decodeTx } from "../../reference/codec/index.js";
import { fromHex } from "../../reference/common/hex.js";
import { INSTRUCTIONS, OP } from "../../reference/exec/index.js";
import type { JsonObject } from "../harness/operation.js";

const NAME = new Map<number, string>(Object.entries(OP).map(([k, v]) => [v, k]));

/** Every opcode's label, `opcode:<NAME>`, in opcode order. */
export const OPCODE_LABELS: readonly string[] = [...INSTRUCTIONS.keys()].sort((a, b) => a - b).map((op) => `opcode:${NAME.get(op)}`);

/** The opcodes of a program, by a linear sweep (an unassigned byte ends the sweep, as it ends execution). */
export function programOpcodes(code: Uint8Array): number[] {
  const out: number[] = [];
  for (let pc = 0; pc < code.length; ) {
    const info = INSTRUCTIONS.get(code[pc]!);
    if (info === undefined) break;
    out.push(code[pc]!);
    pc += 1 + info[1];
  }
  return out;
}

/** Labels of an execute_block input: `opcode:<NAME>` for each opcode present, `sig:single` if any single-mode transaction. */
export function executeBlockLabels(input: JsonObject): string[] {
  const txs = input["txs"];
  if (!Array.isArray(txs)) return [];
  const out = new Set<string>();
  for (const t of txs) {
    if (typeof t !== "string") continue;
    try {
      const tx = decodeTx(fromHex(t));
      if (tx.sigMode === "single") out.add("sig:single");
      if (tx.kind === "call") for (const op of programOpcodes(tx.calldata)) out.add(`opcode:${NAME.get(op)}`);
    } catch {
      out.add("tx:malformed");
    }
  }
  return [...out];
}
