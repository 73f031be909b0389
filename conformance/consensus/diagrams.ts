/**
 * The Narwhal DAG and its Bullshark order, drawn from the reference (spec/consensus.md §Ordering):
 * a seeded random DAG of four validators over nine rounds, ordered by `orderDag`. Each certificate is
 * placed by (round, author) with edges to its parents; leader slots are outlined, committed anchors
 * filled, and every certificate carries its position in the total order, coloured by the commit
 * (anchor) that ordered it.
 * @module
 */
import { Rng } from "../../reference/common/rng.js";
import { digestKey, headerDigest, isLeaderRound, leaderOf, orderDag, type Committee } from "../../reference/consensus/index.js";
import { circle, line, PALETTE, rect, svgDocument, text } from "../harness/svg.js";
import { randomDag } from "./sim/dags.js";

export function narwhalDiagram(): string {
  const stakes = [1, 1, 1, 1];
  const committee: Committee = { authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  const headers = randomDag({ stakes, rounds: 9, slowPercent: 15, extraParentPercent: 30, avoidLeaderPercent: 30 }, new Rng("pwo/consensus/diagrams/narwhal/v1"));
  const commits = orderDag(committee, 50, headers);
  const position = new Map<string, { index: number; commit: number }>();
  let index = 0;
  commits.forEach((c, i) => c.vertices.forEach((v) => position.set(digestKey(v.digest), { index: ++index, commit: i })));
  const anchors = new Set(commits.map((c) => digestKey(c.anchor.digest)));
  const rounds = Math.max(...headers.map((h) => h.round));
  const x0 = 90, y0 = 70, dx = 96, dy = 80, r = 17;
  const at = (round: number, author: number) => ({ x: x0 + (round - 1) * dx, y: y0 + author * dy });
  const byDigest = new Map(headers.map((h) => [digestKey(headerDigest(h)), h]));
  const body: string[] = [];
  for (let a = 0; a < stakes.length; a++) body.push(text(16, at(1, a).y + 4, `validator ${a}`, { "font-size": 11 }));
  for (let round = 1; round <= rounds; round++) {
    body.push(text(at(round, 0).x, y0 - 30, `round ${round}`, { "text-anchor": "middle", "font-size": 11 }));
    if (isLeaderRound(round)) {
      const l = at(round, leaderOf(committee, round));
      body.push(rect(l.x - r - 6, l.y - r - 6, 2 * r + 12, 2 * r + 12, { fill: "none", stroke: "#111111", "stroke-dasharray": "4 3", rx: 6 }));
    }
  }
  for (const h of headers) {
    const p = at(h.round, h.author);
    for (const d of h.parents) {
      const parent = byDigest.get(digestKey(d));
      if (!parent) continue; // genesis
      const q = at(parent.round, parent.author);
      body.push(line(q.x + r, q.y, p.x - r, p.y, { stroke: "#9ca3af" }));
    }
  }
  for (const h of headers) {
    const key = digestKey(headerDigest(h));
    const p = at(h.round, h.author);
    const pos = position.get(key);
    const fill = pos ? PALETTE[pos.commit % PALETTE.length]! : "#ffffff";
    body.push(circle(p.x, p.y, r, { fill, stroke: anchors.has(key) ? "#111111" : "#6b7280", "stroke-width": anchors.has(key) ? 3 : 1 }));
    body.push(text(p.x, p.y + 4, pos ? String(pos.index) : "·", { "text-anchor": "middle", "font-weight": anchors.has(key) ? "bold" : "normal" }));
  }
  const ly = y0 + stakes.length * dy;
  body.push(text(16, ly, `${headers.length} certificates, ${commits.length} commits, ${index} ordered. A number is the certificate's position in the total order; its colour, the anchor that ordered it.`, { fill: "#333333" }));
  body.push(text(16, ly + 20, "Dashed squares: leader slots (even rounds, leaderOf); thick circles: committed anchors; white: not yet ordered (no later anchor reaches it).", { fill: "#333333" }));
  return svgDocument(Math.max(x0 + rounds * dx, 900), ly + 40, "Narwhal DAG and its Bullshark order (4 validators, seeded random DAG)", body);
}
