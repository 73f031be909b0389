/**
 * Diagrams of the da structures, drawn from values the reference computes (spec/da.md
 * §Namespaced Merkle tree, §Extended data square): nothing in them is typed in but the inputs.
 * @module
 */
import { toHex } from "../../reference/common/hex.js";
import { extendSquare, hashNmtLeaf, hashNmtNode, maxNamespace, minNamespace, nmtProveNamespace } from "../../reference/da/index.js";
import { line, PALETTE, rect, svgDocument, text } from "../harness/svg.js";

const NS = 1;
const ns = (b: Uint8Array): number => b[0]!;

/** An NMT over eight leaves with namespaces 1,1,2,2,2,5,7,7: each node's [min, max] and hash prefix; the namespace-2 proof highlighted. */
export function nmtDiagram(): string {
  const namespaces = [1, 1, 2, 2, 2, 5, 7, 7];
  const leaves = namespaces.map((x, i) => Uint8Array.from([x, 0xa0 + i, 0x5e]));
  const levels: Uint8Array[][] = [leaves.map((l) => hashNmtLeaf(l, NS))];
  while (levels.at(-1)!.length > 1) {
    const below = levels.at(-1)!;
    levels.push(below.flatMap((_, i) => (i % 2 ? [] : [hashNmtNode(below[i]!, below[i + 1]!, NS)])));
  }
  const proof = nmtProveNamespace(leaves, NS, Uint8Array.of(2));
  const inProof = new Set(proof.nodes.map(toHex));
  const W = 960, top = 60, rowH = 90, boxW = 100, boxH = 40;
  const body: string[] = [];
  const at = (level: number, i: number) => {
    const count = levels[level]!.length;
    return { x: ((i + 0.5) * W) / count, y: top + (levels.length - 1 - level) * rowH };
  };
  levels.forEach((nodes, level) =>
    nodes.forEach((node, i) => {
      const { x, y } = at(level, i);
      if (level > 0) for (const c of [2 * i, 2 * i + 1]) { const ch = at(level - 1, c); body.push(line(x, y + boxH, ch.x, ch.y)); }
      const leafInRange = level === 0 && i >= proof.start && i < proof.end;
      const fill = inProof.has(toHex(node)) ? "#fde68a" : leafInRange ? "#bbf7d0" : "#f3f4f6";
      body.push(rect(x - boxW / 2, y, boxW, boxH, { fill, stroke: "#333333", rx: 4 }));
      body.push(text(x, y + 16, `[${ns(minNamespace(node, NS))}, ${ns(maxNamespace(node, NS))}]`, { "text-anchor": "middle", "font-weight": "bold" }));
      body.push(text(x, y + 32, `${toHex(node.subarray(2 * NS, 2 * NS + 4))}…`, { "text-anchor": "middle", "font-family": "monospace", "font-size": 11 }));
    }),
  );
  const legendY = top + levels.length * rowH;
  leaves.forEach((l, i) => body.push(text(at(0, i).x, legendY - 30, `leaf ns ${ns(l)}`, { "text-anchor": "middle", fill: PALETTE[ns(l) % PALETTE.length] === "#F0E442" ? "#8a7d00" : "#333333" })));
  body.push(rect(16, legendY, 14, 14, { fill: "#bbf7d0", stroke: "#333333" }), text(36, legendY + 12, `leaves of namespace 2, proven by the range [${proof.start}, ${proof.end})`));
  body.push(rect(380, legendY, 14, 14, { fill: "#fde68a", stroke: "#333333" }), text(400, legendY + 12, `the ${proof.nodes.length} proof nodes (siblings on the paths to the root)`));
  body.push(text(16, legendY + 36, "Each node: [min namespace, max namespace] of its leaves, then the first 4 bytes of its SHA-256 digest (hashNmtLeaf, hashNmtNode).", { fill: "#555555" }));
  return svgDocument(W, legendY + 52, "Namespaced Merkle tree: namespace ranges propagate to the root", body);
}

/** The extended square for k = 4: Q0 coloured by namespace, parity quadrants, the row and column roots' namespace ranges, the data root. */
export function squareDiagram(): string {
  const k = 4, cell = 64, x0 = 60, y0 = 50;
  const namespaces = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 5, 5];
  const shares = namespaces.map((x, i) => Uint8Array.from([x, i, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66]));
  const sq = extendSquare(shares, { shareSize: 8, namespaceSize: NS });
  const body: string[] = [];
  for (let r = 0; r < 2 * k; r++) {
    for (let c = 0; c < 2 * k; c++) {
      const original = r < k && c < k;
      const share = sq.cells[r * 2 * k + c]!;
      const fill = original ? PALETTE[(ns(share) - 1) % PALETTE.length]! : r < k || c < k ? "#d1d5db" : "#9ca3af";
      body.push(rect(x0 + c * cell, y0 + r * cell, cell, cell, { fill, stroke: "#ffffff", "stroke-width": 2 }));
      body.push(text(x0 + c * cell + cell / 2, y0 + r * cell + cell / 2 + 4, original ? `ns ${ns(share)}` : toHex(share.subarray(0, 2)), { "text-anchor": "middle", "font-size": original ? 12 : 10, "font-family": original ? undefined : "monospace" }));
    }
  }
  const q = (label: string, r: number, c: number) => {
    const cx = x0 + c * k * cell + (k * cell) / 2, cy = y0 + r * k * cell + (k * cell) / 2;
    return [rect(cx - 80, cy - 14, 160, 24, { fill: "#ffffff", opacity: 0.9, rx: 4 }), text(cx, cy + 4, label, { "text-anchor": "middle", "font-size": 14, "font-weight": "bold" })];
  };
  body.push(...q("Q0 original", 0, 0), ...q("Q1 row parity", 0, 1), ...q("Q2 column parity", 1, 0), ...q("Q3 parity of parity", 1, 1));
  body.push(rect(x0, y0, 2 * k * cell, 2 * k * cell, { fill: "none", stroke: "#111111", "stroke-width": 2 }), line(x0 + k * cell, y0, x0 + k * cell, y0 + 2 * k * cell, { stroke: "#111111", "stroke-width": 2 }), line(x0, y0 + k * cell, x0 + 2 * k * cell, y0 + k * cell, { stroke: "#111111", "stroke-width": 2 }));
  const name = (v: number) => (v === 255 ? "max" : String(v));
  const range = (root: Uint8Array) => `[${name(ns(minNamespace(root, NS)))}, ${name(ns(maxNamespace(root, NS)))}]`;
  const rx = x0 + 2 * k * cell + 16;
  sq.rowRoots.forEach((root, r) => body.push(text(rx, y0 + r * cell + cell / 2 + 4, `row ${r} ${range(root)}`)));
  const cy = y0 + 2 * k * cell + 18;
  sq.colRoots.forEach((root, c) => body.push(text(x0 + c * cell + cell / 2, cy, range(root), { "text-anchor": "middle", "font-size": 10 })));
  body.push(text(x0, cy + 22, "column roots ↑, row roots → : the [min, max] namespace of each NMT root; parity cells carry the parity namespace (max)", { fill: "#555555" }));
  body.push(text(x0, cy + 46, `data root = RFC 6962 Merkle root over the 2k row roots then the 2k column roots: ${toHex(sq.dataRoot).slice(0, 16)}…`, { "font-family": "monospace", "font-size": 11 }));
  return svgDocument(Math.max(rx + 140, 820), cy + 64, "Extended data square, k = 4: 16 original shares, 48 parity shares, 16 roots, one data root", body);
}
