import { extendCells, computeSquareRoots, leopard } from "/work/wt/leopard/dist/reference/da/index.js";
import { squareHashMessages } from "/work/wt/leopard/dist/bench/da.js";
import { sha256 } from "@noble/hashes/sha2.js";
const k = 128, p = { shareSize: 512, namespaceSize: 29 };
const shares = Array.from({ length: k * k }, (_, i) => { const s = new Uint8Array(512).map(() => Math.random() * 256 | 0); s.fill(0, 0, 29); s[28] = Math.floor(i * 200 / (k * k)); return s; });
const msgs = squareHashMessages(k, p);
const buf = new Uint8Array(2000);
const floor = () => { for (const { count, length } of msgs) { const m = buf.subarray(0, length); for (let i = 0; i < count; i++) sha256(m); } };
const cells = extendCells(shares, k, leopard);
const fs = { floor, ext: () => extendCells(shares, k, leopard), roots: () => computeSquareRoots(cells, k, 29) };
const t = { floor: [], ext: [], roots: [] };
for (let rep = 0; rep < 3; rep++) for (const [n, f] of Object.entries(fs)) { const s = performance.now(); f(); t[n].push(performance.now() - s); }
const med = (a) => a.sort((x, y) => x - y)[1];
console.log(Object.fromEntries(Object.entries(t).map(([n, a]) => [n, med(a).toFixed(0)])), "ext/floor", (med(t.ext) / med(t.floor)).toFixed(2), "roots/floor", (med(t.roots) / med(t.floor)).toFixed(2));
