/**
 * Published Ed25519 edge cases (conformance/exec/external/README.md) against the reference's ZIP-215
 * verifier (spec/exec.md rule V4): the "Taming the many EdDSAs" set with ed25519-zebra's verdicts,
 * and ed25519-zebra's 196 small-order (A, R) combinations.
 */
import { readFileSync } from "node:fs";
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { decodePointZip215, verifyZip215 } from "../../reference/exec/index.js";
import { TORSION_ENCODINGS, nonCanonicalEncodings, sig } from "./ed25519.js";

const SPECCHECK = new URL("./external/ed25519-speccheck/cases.json", import.meta.url);
const SPECCHECK_SHA256 = "08e47a36d9aead288664930505584f353fff113ab854f2800db1e4f5b3540450";
/** The README's Zebra row: case i is accepted under ZIP-215. */
const ZIP215_VERDICTS = [true, true, true, true, true, true, false, false, false, true, true, true];

describe("Taming the many EdDSAs (novifinancial/ed25519-speccheck, pinned)", () => {
  const bytes = readFileSync(SPECCHECK);
  const cases = JSON.parse(bytes.toString("utf8")) as { message: string; pub_key: string; signature: string }[];
  it("the pinned bytes", () => {
    expect(toHex(sha256(bytes))).toBe(SPECCHECK_SHA256);
    expect(cases.length).toBe(ZIP215_VERDICTS.length);
  });
  cases.forEach((c, i) => {
    it(`case ${i}: ${ZIP215_VERDICTS[i] ? "accepted" : "rejected"} under ZIP-215`, () => {
      expect(verifyZip215(fromHex(c.signature), fromHex(c.message), fromHex(c.pub_key))).toBe(ZIP215_VERDICTS[i]);
    });
  });
});

describe("ed25519-zebra small-order combinations (rebuilt by its construction)", () => {
  const nc = nonCanonicalEncodings();
  it("26 non-canonical encodings, none canonical, the first 6 of small order", () => {
    expect(nc.length).toBe(26);
    for (const e of nc) expect(toHex(decodePointZip215(e)!.toBytes())).not.toBe(toHex(e));
    expect(nc.map((e) => decodePointZip215(e)!.isSmallOrder())).toEqual(nc.map((_, i) => i < 6));
  });
  const encodings = [...TORSION_ENCODINGS, ...nc.slice(0, 6)];
  it("196 (A, R) pairs with S = 0, all accepted", () => {
    const msg = new TextEncoder().encode("Zcash");
    let accepted = 0;
    for (const a of encodings) for (const r of encodings) if (verifyZip215(sig(r, 0n), msg, a)) accepted++;
    expect(encodings.length ** 2).toBe(196);
    expect(accepted).toBe(196);
  });
  it("strict RFC 8032 (noble, zip215: false) rejects all 196: the set tells the two apart", () => {
    const msg = new TextEncoder().encode("Zcash");
    let strict = 0;
    for (const a of encodings) for (const r of encodings) if (ed25519.verify(sig(r, 0n), msg, a, { zip215: false })) strict++;
    expect(strict).toBe(0);
  });
});
