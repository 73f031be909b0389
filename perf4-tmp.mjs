import { rsEncode, leopard } from "/work/wt/leopard/dist/reference/da/index.js";
import { ReedSolomonErasure } from "@digitaldefiance/reed-solomon-erasure.wasm";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const wasm = ReedSolomonErasure.fromBytes(readFileSync(require.resolve("@digitaldefiance/reed-solomon-erasure.wasm/wasm")));
for (const [k, m, size] of [[32, 32, 65536], [128, 128, 65536], [32,32,512]]) {
  const data = Array.from({ length: k }, () => new Uint8Array(size).map(() => Math.random() * 256 | 0));
  const buf = new Uint8Array(size * (k + m)); data.forEach((d, i) => buf.set(d, i * size));
  const t = { ours: [], wasm: [], leo: [] };
  const reps = size > 10000 ? (k > 64 ? 1 : 3) : 200;
  for (let r = 0; r < 7; r++) {
    let s = performance.now(); for (let i = 0; i < reps; i++) rsEncode(data, m); t.ours.push(performance.now() - s);
    s = performance.now(); for (let i = 0; i < reps; i++) wasm.encode(buf, k, m); t.wasm.push(performance.now() - s);
    s = performance.now(); for (let i = 0; i < reps; i++) leopard.encode(data, m); t.leo.push(performance.now() - s);
  }
  const med = (a) => Math.min(...a);
  console.log(k, m, size, "ours/wasm speed", (med(t.wasm) / med(t.ours)).toFixed(2), "leo/ours speed", (med(t.ours) / med(t.leo)).toFixed(2), med(t.ours).toFixed(0), med(t.wasm).toFixed(0));
}
