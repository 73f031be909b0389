/**
 * Project Wycheproof's BLS vectors (C2SP/wycheproof, pinned in conformance/bls/external/wycheproof/)
 * against the reference. Every case must pass; an unknown group type or result kind is an error.
 */
import { readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { BASIC, POP, aggregateVerify, encodeG2, hashToG2, verify, type Ciphersuite } from "../../reference/bls/index.js";

const DIR = new URL("./external/wycheproof/", import.meta.url);

/** The pinned files: name → sha256 and case count (README.md in that directory says the same). */
const PINNED: Record<string, { sha256: string; cases: number }> = {
  "bls_sig_g2_pop_verify_test.json": { sha256: "2dfa383d22f22f2d5009cf6626fd9558998592ed3b72b9a4f4b08f64b505b44d", cases: 26 },
  "bls_sig_g2_basic_verify_test.json": { sha256: "f2792254b83b5563f56f4886d71fa416643a1ff07d52e131a324dceb6b0f36ea", cases: 88 },
  "bls_sig_g2_aggregate_verify_test.json": { sha256: "83c2a528087049084b817b95c4ce57851a7f151b58b9ae35de780dc7b252257c", cases: 19 },
  "bls_hash_to_g2_test.json": { sha256: "d090af2c4f06781a2158aa3482d94766097e2917302b2c7bbc18d06cc10382a9", cases: 34 },
};

interface Test {
  tcId: number;
  comment: string;
  result: string;
  msg?: string;
  sig?: string;
  pubkeys?: string[];
  messages?: string[];
  expected?: string;
}
interface Group {
  type: string;
  ciphersuite?: string;
  dst?: string;
  publicKey?: { pk: string };
  tests: Test[];
}

function suiteOf(id: string | undefined): Ciphersuite {
  const s = [POP, BASIC].find((c) => c.id === id);
  if (!s) throw new Error(`unknown ciphersuite ${id}`);
  return s;
}

function expectedVerdict(t: Test): boolean {
  if (t.result === "valid") return true;
  if (t.result === "invalid") return false;
  throw new Error(`tcId ${t.tcId}: unknown result kind ${t.result}`);
}

/** The reference's answer to one case: a verdict (verify families) or the hashed point (hash_to_g2). */
function run(g: Group, t: Test): boolean {
  switch (g.type) {
    case "BlsSigVerify":
      return verify(fromHex(g.publicKey!.pk), fromHex(t.msg!), fromHex(t.sig!), suiteOf(g.ciphersuite));
    case "BlsAggregateVerify":
      return aggregateVerify(t.pubkeys!.map((p) => fromHex(p)), t.messages!.map((m) => fromHex(m)), fromHex(t.sig!), suiteOf(g.ciphersuite));
    case "BlsHashToG2":
      return toHex(encodeG2(hashToG2(fromHex(t.msg!), g.dst!))) === t.expected;
    default:
      throw new Error(`unknown group type ${g.type}`);
  }
}

describe("Wycheproof BLS vectors (C2SP/wycheproof, pinned)", () => {
  for (const [name, pin] of Object.entries(PINNED)) {
    it(`${name}: the pinned bytes, every case as published`, () => {
      const bytes = readFileSync(new URL(name, DIR));
      expect(toHex(sha256(bytes)), `${name}: sha256 differs from the pin`).toBe(pin.sha256);
      const file = JSON.parse(bytes.toString("utf8")) as { numberOfTests: number; testGroups: Group[] };
      const tests = file.testGroups.flatMap((g) => g.tests.map((t) => [g, t] as const));
      expect(tests.length).toBe(file.numberOfTests);
      expect(tests.length).toBe(pin.cases);
      for (const [g, t] of tests) expect(run(g, t), `(${name}/${t.tcId}, ${t.result}): ${t.comment}`).toBe(expectedVerdict(t));
    });
  }
});
