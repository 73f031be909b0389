/**
 * The shared helpers: RFC 6962 Merkle roots against Certificate Transparency's published tree heads,
 * strict hex, the seeded RNG's determinism and ranges, canonical LEB128.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { props } from "../../conformance/harness/testing.js";
import { ByteReader, ByteWriter } from "./bytes.js";
import { SpecError } from "./errors.js";
import { fromHex, isHex, toHex } from "./hex.js";
import { merkleRoot } from "./merkle.js";
import { Rng } from "./rng.js";

/**
 * External vectors: the reference tree heads of google/certificate-transparency,
 * cpp/merkletree/merkle_tree_test.cc (kSHA256Roots over kInputs), for trees of 1..8 leaves, plus
 * the empty tree, SHA-256(""). RFC 6962 §2.1.
 */
const CT_INPUTS = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("merkle (RFC 6962)", () => {
  it("matches Certificate Transparency's published roots for 0..8 leaves", () => {
    const leaves = CT_INPUTS.map((h) => fromHex(h));
    for (let n = 0; n <= leaves.length; n++) expect(toHex(merkleRoot(leaves.slice(0, n))), `${n} leaves`).toBe(CT_ROOTS[n]);
  });
});

describe("hex", () => {
  it("round-trips bytes and rejects every non-canonical spelling", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(fromHex(toHex(b))).toEqual(b);
      }),
      props(200),
    );
    for (const bad of ["0", "0A", "zz", " 00", "00 ", null, 7]) {
      expect(isHex(bad)).toBe(false);
      expect(() => fromHex(bad, "field")).toThrow(TypeError);
    }
    expect(() => fromHex("ABCD", "sender")).toThrow(/sender: expected lower-case hex/);
  });
});

describe("Rng", () => {
  it("is a pure function of its label, and labels are independent", () => {
    const a = new Rng("x");
    const b = new Rng("x");
    const c = new Rng("y");
    const seqA = Array.from({ length: 50 }, () => a.nextU32());
    expect(Array.from({ length: 50 }, () => b.nextU32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.nextU32())).not.toEqual(seqA);
    expect(new Rng("x").fork("child").label).toBe("x/child");
  });

  it("draws stay in range and cover it", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (label, n) => {
        const r = new Rng(label);
        const seen = new Set<number>();
        for (let i = 0; i < 200; i++) {
          const x = r.below(n);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(n);
          seen.add(x);
          const f = r.float();
          expect(f >= 0 && f < 1).toBe(true);
        }
        if (n <= 10) expect(seen.size).toBe(n);
      }),
      props(100),
    );
    expect(() => new Rng("x").below(0)).toThrow(RangeError);
    expect(new Rng("x").bytes(7).length).toBe(7);
  });
});

describe("LEB128", () => {
  const fail = (code: string, message: string): never => {
    throw new SpecError("test", code, message);
  };
  it("reads what it writes and rejects overlong forms", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => {
        const r = new ByteReader(new ByteWriter().varint(v).finish(), fail);
        expect(r.varint(64, "v")).toBe(v);
        r.end("v");
      }),
      props(300),
    );
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x00), fail).varint(64, "v")).toThrow(/NON_CANONICAL_VARINT/);
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x10), fail).varint(32, "v")).toThrow(/VARINT_OVERFLOW/);
    expect(() => new ByteReader(new Uint8Array(0), fail).bytes(1, "b")).toThrow(/UNEXPECTED_EOF/);
  });
});
