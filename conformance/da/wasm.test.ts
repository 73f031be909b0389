/**
 * Differential test against an independent build of the same codec: the Rust crate
 * reed-solomon-erasure (galois_8) compiled to WASM, @digitaldefiance/reed-solomon-erasure.wasm.
 * Parity must be byte-identical for random shapes up to 256 shards and for every valid rs_encode
 * vector; the invalid shard counts must be refused by it too.
 * Its own `reconstruct` misbehaves for some erasure patterns, so reconstruction is checked against
 * the original data rather than against it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ReedSolomonErasure } from "@digitaldefiance/reed-solomon-erasure.wasm";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../reference/common/hex.js";
import { Rng } from "../../reference/common/rng.js";
import { rsEncode, rsReconstruct } from "../../reference/da/index.js";
import { DEEP } from "../harness/testing.js";

const require = createRequire(import.meta.url);
/** The package's Node entry reads its .wasm with `__dirname`, which ESM lacks: load the bytes ourselves. */
export function loadWasmCodec(): ReedSolomonErasure {
  return ReedSolomonErasure.fromBytes(readFileSync(require.resolve("@digitaldefiance/reed-solomon-erasure.wasm/wasm")));
}

/** The WASM codec's parity for `data`, through its contiguous-buffer API. */
export function wasmParity(rs: ReedSolomonErasure, data: readonly Uint8Array[], m: number): Uint8Array[] {
  const size = data[0]!.length;
  const buf = new Uint8Array(size * (data.length + m));
  data.forEach((d, i) => buf.set(d, i * size));
  const code = rs.encode(buf, data.length, m);
  if (code !== ReedSolomonErasure.RESULT_OK) throw new Error(`wasm encode ${data.length}+${m}: result ${code}`);
  return Array.from({ length: m }, (_, i) => buf.slice((data.length + i) * size, (data.length + i + 1) * size));
}

describe("reed-solomon-erasure (WASM) agrees", () => {
  const rs = loadWasmCodec();

  it("on random shapes up to 256 shards in total, and our reconstruction returns the data", () => {
    const rng = new Rng("pwo/da/test/wasm-differential");
    const shapes: [number, number][] = [[1, 1], [1, 255], [255, 1], [128, 128], [32, 32], [200, 56]];
    for (let t = 0; t < (DEEP ? 2000 : 24); t++) {
      const k = rng.between(1, 255);
      shapes.push([k, rng.between(1, 256 - k)]);
    }
    for (const [k, m] of shapes) {
      const size = rng.between(1, 64);
      const data = Array.from({ length: k }, () => rng.bytes(size));
      const ours = rsEncode(data, m);
      expect(ours.map(toHex), `${k}+${m} × ${size}`).toEqual(wasmParity(rs, data, m).map(toHex));
      // withhold m random shards; our reconstruction must give back the originals
      const all: (Uint8Array | undefined)[] = [...data, ...ours];
      for (let i = 0; i < m; i++) all[rng.below(k + m)] = undefined;
      expect(rsReconstruct(all, k).slice(0, k).map(toHex), `${k}+${m} reconstruct`).toEqual(data.map(toHex));
    }
  });

  it("on every case of vectors/da/rs_encode.json its API can express", () => {
    const file = JSON.parse(readFileSync("vectors/da/rs_encode.json", "utf8")) as { tests: { tcId: number; result: string; error?: string; input: { data: string[]; parityCount: number }; output?: { parity: string[] } }[] };
    let checked = 0;
    for (const t of file.tests) {
      const data = t.input.data.map((h) => fromHex(h));
      const at = `rs_encode.json#${t.tcId}`;
      if (t.result === "valid") {
        expect(wasmParity(rs, data, t.input.parityCount).map(toHex), at).toEqual(t.output!.parity);
      } else if (t.error === "SHARD_COUNT_OUT_OF_RANGE") {
        // the count rules are the crate's too (TooFewDataShards, TooFewParityShards, TooManyShards);
        // this build traps ("unreachable", a Rust panic) instead of returning its documented error
        // code, so either counts as a refusal, on a fresh instance since a trapped one is unusable
        const size = data[0]?.length ?? 1;
        let refused: boolean;
        try {
          refused = loadWasmCodec().encode(new Uint8Array(size * (data.length + t.input.parityCount)), data.length, t.input.parityCount) !== ReedSolomonErasure.RESULT_OK;
        } catch (e) {
          refused = e instanceof Error && e.name === "RuntimeError"; // WebAssembly.RuntimeError
        }
        expect(refused, at).toBe(true);
      } else {
        // SIZE_MISMATCH: shards of unequal or zero size cannot be written into its one contiguous
        // buffer of equal slots, so these cases are not expressible through this API
        expect(t.error, at).toBe("SIZE_MISMATCH");
        continue;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
