/**
 * Properties of the codec reference (spec/codec.md): round trips both ways, canonicality, typed
 * errors only on hostile bytes, compression round trips, bounded decompression and state.
 * Fixed seed and modest runs here; PWO_DEEP=1 runs a hundred times more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteWriter } from "../../reference/common/bytes.js";
import { isSpecError } from "../../reference/common/errors.js";
import { toHex } from "../../reference/common/hex.js";
import {
  compressBlock,
  compressBlocks,
  decodeBlock,
  decodeTx,
  decompressFrame,
  decompressFrames,
  encodeBlock,
  encodeTx,
  generateWorkload,
  MAX_BLOCK_SIZE,
  newStreamState,
  decimalCode,
  decimalDecode,
  zigzag,
  unzigzag,
} from "../../reference/codec/index.js";
import { codecReader } from "../../reference/codec/tx.js";
import { applyMutation, hostileBytes, mutationArb, u64Arb } from "../harness/arbitraries.js";
import { props } from "../harness/testing.js";
import { blockArb, streamArb, txArb } from "./arbitraries.js";

/** Runs `f`; returns its value, or undefined when it threw a codec SpecError; rethrows anything else. */
function typed<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isSpecError(e, "codec")) return undefined;
    throw e;
  }
}

describe("codec round trips", () => {
  it("decodeTx ∘ encodeTx = id", () => {
    fc.assert(fc.property(txArb, (tx) => {
          expect(decodeTx(encodeTx(tx))).toEqual(tx);
        }), props(300));
  });

  it("decodeBlock ∘ encodeBlock = id", () => {
    fc.assert(fc.property(blockArb, (b) => {
          expect(decodeBlock(encodeBlock(b))).toEqual(b);
        }), props(150));
  });

  it("encodeTx ∘ decodeTx = id on every accepted input, and rejections are typed", () => {
    fc.assert(
      fc.property(hostileBytes(txArb.map(encodeTx)), (bytes) => {
        const tx = typed(() => decodeTx(bytes));
        if (tx) expect(toHex(encodeTx(tx))).toBe(toHex(bytes));
      }),
      props(1000),
    );
  });

  it("encodeBlock ∘ decodeBlock = id on every accepted input, and rejections are typed", () => {
    fc.assert(
      fc.property(hostileBytes(blockArb.map(encodeBlock), 400), (bytes) => {
        const b = typed(() => decodeBlock(bytes));
        if (b) expect(toHex(encodeBlock(b))).toBe(toHex(bytes));
      }),
      props(500),
    );
  });

  it("varints: canonical decoding inverts encoding, and every accepted encoding is the canonical one", () => {
    fc.assert(
      fc.property(u64Arb, fc.array(mutationArb, { maxLength: 2 }), (v, ms) => {
        const enc = new ByteWriter().varint(v).finish();
        const r = codecReader(enc);
        expect(r.varint(64, "v")).toBe(v);
        const mutated = ms.reduce(applyMutation, enc);
        const got = typed(() => {
          const m = codecReader(mutated);
          const x = m.varint(64, "v");
          m.end("v");
          return x;
        });
        if (got !== undefined) expect(toHex(new ByteWriter().varint(got).finish())).toBe(toHex(mutated));
      }),
      props(1000),
    );
  });

  it("value codings: zigzag and decimal coding are bijections on their domains", () => {
    fc.assert(
      fc.property(u64Arb, fc.bigInt({ min: -(1n << 64n), max: 1n << 64n }), (x, d) => {
        expect(decimalDecode(decimalCode(x), "x")).toBe(x);
        expect(unzigzag(zigzag(d))).toBe(d);
      }),
      props(500),
    );
  });
});

describe("codec streaming compression", () => {
  it("decompress(compress(blocks)) = the canonical encodings, for every window", () => {
    fc.assert(
      fc.property(streamArb, ({ blocks, windowLog }) => {
        const frames = compressBlocks(blocks, windowLog);
        expect(decompressFrames(frames).map(toHex)).toEqual(blocks.map((b) => toHex(encodeBlock(b))));
      }),
      props(150),
    );
  });

  it("compress(decompress(frames)) = frames on every accepted mutated stream (one encoding per value)", () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), ({ blocks, windowLog }, which, ms) => {
        const frames = compressBlocks(blocks, windowLog);
        if (frames.length === 0) return;
        const i = which % frames.length;
        const mutated = frames.map((f, j) => (j === i ? ms.reduce(applyMutation, f) : f));
        const out = typed(() => decompressFrames(mutated));
        if (out) expect(compressBlocks(out.map(decodeBlock), windowLog).map(toHex)).toEqual(mutated.map(toHex));
      }),
      props(400),
    );
  });

  it("decompression never yields a block above the decoder's limit", () => {
    fc.assert(
      fc.property(streamArb, fc.nat(2000), ({ blocks, windowLog }, limit) => {
        const frames = compressBlocks(blocks, windowLog);
        const out = typed(() => decompressFrames(frames, limit));
        if (out) for (const b of out) expect(b.length).toBeLessThanOrEqual(limit);
        else expect(blocks.some((b) => encodeBlock(b).length > limit)).toBe(true);
      }),
      props(150),
    );
  });

  it("a compression bomb (a tiny frame declaring 64 MiB) is refused without building it", () => {
    const [block] = generateWorkload({ seed: "bomb", blocks: 1, txsPerBlock: 3, sigMode: "aggregate" });
    const frame = compressBlocks([block!])[0]!;
    // version ‖ windowLog ‖ declared size (rewritten to MAX_BLOCK_SIZE) ‖ the rest
    const sizeLen = new ByteWriter().varint(encodeBlock(block!).length).length;
    const bomb = new ByteWriter().u8(1).u8(16).varint(MAX_BLOCK_SIZE).bytes(frame.subarray(2 + sizeLen)).finish();
    const before = process.memoryUsage().heapUsed;
    expect(() => decompressFrames([bomb])).toThrow(/SIZE_MISMATCH/);
    expect(() => decompressFrames([bomb], 1 << 20)).toThrow(/SIZE_LIMIT_EXCEEDED/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 << 20);
  });

  it("the stream state never holds more accounts than its window", () => {
    const blocks = generateWorkload({ seed: "window", blocks: 4, txsPerBlock: 200, sigMode: "aggregate" });
    const s = newStreamState();
    for (const b of blocks) {
      compressBlock(s, b, 6);
      expect(s.last.size).toBeLessThanOrEqual(64);
      expect(s.nextNonce.size).toBeLessThanOrEqual(64);
    }
    const d = newStreamState();
    for (const f of compressBlocks(blocks, 6)) decompressFrame(d, f);
    expect(d.last).toEqual(s.last);
  });

  it("compresses the standard workload below its plain encoding", () => {
    for (const sigMode of ["single", "aggregate"] as const) {
      const blocks = generateWorkload({ seed: "std", blocks: 3, txsPerBlock: 300, sigMode });
      const plain = blocks.reduce((n, b) => n + encodeBlock(b).length, 0);
      const packed = compressBlocks(blocks).reduce((n, f) => n + f.length, 0);
      expect(packed).toBeLessThan(plain);
    }
  });
});

describe("codec hostile-input table", () => {
  const decoders: Record<string, (b: Uint8Array) => unknown> = {
    decodeTx,
    decodeBlock,
    decompressFrame: (b) => decompressFrame(newStreamState(), b),
  };
  const table: Record<string, Uint8Array> = {
    empty: new Uint8Array(0),
    "one byte": Uint8Array.of(1),
    "all 0xff": new Uint8Array(64).fill(0xff),
    "huge length prefix": Uint8Array.from([1, 1, 0, ...new Array(32).fill(0), 0, 0, ...new Array(32).fill(0), 0, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    "huge count": Uint8Array.from([1, 0, 0, ...new Array(64).fill(0), 0xff, 0xff, 0xff, 0xff, 0x0f]),
    "overlong everything": new Uint8Array(40).fill(0x80),
  };
  for (const [name, decode] of Object.entries(decoders)) {
    for (const [what, bytes] of Object.entries(table)) {
      it(`${name} rejects ${what} with a typed error`, () => {
        let thrown: unknown;
        try {
          decode(bytes);
        } catch (e) {
          thrown = e;
        }
        expect(isSpecError(thrown, "codec"), String(thrown)).toBe(true);
      });
    }
  }
});
