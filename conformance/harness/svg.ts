/**
 * The one SVG writer of the diagrams (structures drawn from the reference's own values, rendered
 * at build time and committed, see conformance/cli/diagrams.ts): elements as strings, coordinates
 * rounded to 0.1 so output is byte-identical across runs.
 * @module
 */

/** Text escaped for an SVG text node or attribute. */
export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** SVG attributes; undefined ones are left out. */
export type Attrs = Record<string, string | number | undefined>;
const attrs = (a: Attrs): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? n(v) : esc(v!)}"`)
    .join("");

export const rect = (x: number, y: number, w: number, h: number, a: Attrs = {}): string => `<rect${attrs({ x, y, width: w, height: h, ...a })}/>`;
export const line = (x1: number, y1: number, x2: number, y2: number, a: Attrs = {}): string => `<line${attrs({ x1, y1, x2, y2, stroke: "#555555", ...a })}/>`;
export const circle = (cx: number, cy: number, r: number, a: Attrs = {}): string => `<circle${attrs({ cx, cy, r, ...a })}/>`;
export const text = (x: number, y: number, s: string, a: Attrs = {}): string => `<text${attrs({ x, y, ...a })}>${esc(s)}</text>`;

/** A standalone SVG document: white background, a title line, then the body. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    rect(0, 0, width, height, { fill: "#ffffff" }),
    text(16, 24, title, { "font-size": 15, "font-weight": "bold" }),
    ...body,
    "</svg>",
  ].join("\n")}\n`;
}

/** A fixed palette, indexed by a small integer (namespaces, validators): colour-blind-safe Okabe–Ito. */
export const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"] as const;
