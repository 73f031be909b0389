/**
 * The model's sensitivity charts (spec/model.md §Charts) as SVG, written by a small hand-made SVG
 * writer run in Node: no browser, no rendering dependency, byte-identical on every run (fixed
 * number formats, no timestamps, no randomness). `npm run model:charts` writes them to docs/model/;
 * conformance/model/charts.test.ts regenerates them and compares bytes.
 * @module
 */
import {
  checkParameters,
  computeCapacity,
  computeModel,
  calibratedParameters,
  daPublishedBps,
  daSquare,
  mul,
  PAPER_PARAMETERS,
  ratio,
  readMeasurements,
  replicatedMachines,
  toNumber,
  type Measurements,
  type ParameterTexts,
  type Rational,
} from "../../reference/model/index.js";

export interface Series {
  name: string;
  color: string;
  points: readonly (readonly [number, number])[];
  /** Draw markers at the points (for measured or published figures) instead of a line. */
  markers?: boolean;
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  series: readonly Series[];
  /** Text labels at data coordinates. */
  notes?: readonly { x: number; y: number; text: string }[];
}

const W = 720;
const H = 440;
const M = { left: 80, right: 200, top: 40, bottom: 56 };
const f = (x: number): string => (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, "");
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** "Nice" tick values covering [lo, hi]: powers of ten on a log axis, 1-2-5 steps otherwise. */
function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
    return out;
  }
  const span = hi - lo;
  const raw = span / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((s) => s * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const label = (v: number): string => (v >= 1e6 ? `${f(v / 1e6)}M` : v >= 1e4 ? `${f(v / 1e3)}k` : f(v));

/** Renders a chart as a standalone SVG document. */
export function renderSvg(c: ChartSpec): string {
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = c.series.flatMap((s) => s.points.map((p) => p[1]));
  const pad = (lo: number, hi: number, log: boolean): [number, number] => (log ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))] : [Math.min(0, lo), hi * 1.05]);
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs), c.xLog === true);
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys), c.yLog === true);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const tx = (x: number) => M.left + (c.xLog ? (Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0)) : (x - x0) / (x1 - x0)) * pw;
  const ty = (y: number) => M.top + ph - (c.yLog ? (Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) : (y - y0) / (y1 - y0)) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(c.title)}</text>`);
  for (const t of ticks(x0, x1, c.xLog === true)) {
    out.push(`<line x1="${f(tx(t))}" y1="${M.top}" x2="${f(tx(t))}" y2="${M.top + ph}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${f(tx(t))}" y="${M.top + ph + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  for (const t of ticks(y0, y1, c.yLog === true)) {
    out.push(`<line x1="${M.left}" y1="${f(ty(t))}" x2="${M.left + pw}" y2="${f(ty(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${M.left - 6}" y="${f(ty(t) + 4)}" text-anchor="end">${label(t)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle">${esc(c.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`);
  c.series.forEach((s, i) => {
    if (s.markers) for (const [x, y] of s.points) out.push(`<circle cx="${f(tx(x))}" cy="${f(ty(y))}" r="5" fill="${s.color}"/>`);
    else out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""} points="${s.points.map(([x, y]) => `${f(tx(x))},${f(ty(y))}`).join(" ")}"/>`);
    const ly = M.top + 10 + i * 20;
    out.push(s.markers ? `<circle cx="${M.left + pw + 22}" cy="${ly}" r="5" fill="${s.color}"/>` : `<line x1="${M.left + pw + 12}" y1="${ly}" x2="${M.left + pw + 32}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    out.push(`<text x="${M.left + pw + 38}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  // a note right of the plot's middle is anchored at its end, so it stays inside the plot and off the legend
  for (const n of c.notes ?? []) {
    const right = tx(n.x) > M.left + pw / 2;
    out.push(`<text x="${f(tx(n.x) + (right ? -8 : 8))}" y="${f(ty(n.y) - 8)}" font-size="11"${right ? ' text-anchor="end"' : ""}>${esc(n.text)}</text>`);
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

const paper = (): ParameterTexts => ({ ...PAPER_PARAMETERS });
const num = (x: Rational | bigint): number => (typeof x === "bigint" ? Number(x) : toNumber(x));

/** Machines (⌈·⌉) against t_per_core, log–log: the paper's committee of 1 and a committee of 4; the paper's and this machine's points. */
export function machinesVsTPerCore(m: Measurements): ChartSpec {
  const grid = [250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000];
  const at = (t: number, c: bigint) => {
    const r = computeModel(checkParameters({ ...paper(), t_per_core: String(t) }));
    return num(replicatedMachines(r.values.total_machines_exact, c));
  };
  const tm = num(m.t_per_core.value);
  return {
    title: "Machines vs t_per_core (T_target = 1e8 tx/s, 128 cores)",
    xLabel: "t_per_core (tx/s per core, log)",
    yLabel: "machines (⌈·⌉, log)",
    xLog: true,
    yLog: true,
    series: [
      { name: "committee 1 (paper)", color: "#1f77b4", points: grid.map((t) => [t, at(t, 1n)] as const) },
      { name: "committee 4", color: "#d62728", dashed: true, points: grid.map((t) => [t, at(t, 4n)] as const) },
      { name: "paper §4.4, §5", color: "#2ca02c", markers: true, points: [[5000, 157], [2500, 314]] },
      { name: "measured (exec bench)", color: "#ff7f0e", markers: true, points: [[tm, at(tm, 1n)]] },
    ],
    notes: [
      { x: 5000, y: 157, text: "157" },
      { x: 2500, y: 314, text: "~314 (313 exact)" },
      { x: tm, y: at(tm, 1n), text: `${Math.round(tm)} tx/s/core → ${at(tm, 1n)}` },
    ],
  };
}

/** B_global and the DA-published traffic (extended square, padding and roots) against s_avg. */
export function bandwidthVsSAvg(m: Measurements): ChartSpec {
  const grid = Array.from({ length: 39 }, (_, i) => 20 + i * 10);
  const at = (s: number) => {
    const p = checkParameters({ ...paper(), s_avg: String(s) });
    const v = computeModel(p).values;
    return { global: num(v.B_global_gbps), da: num(mul(daPublishedBps(v.B_global, daSquare(mul(p.B_tx, p.s_avg)).expansion, 1n), ratio(1, 10 ** 9))) };
  };
  const measured = [m.s_avg_aggregate.value, ...(m.s_avg_single ? [m.s_avg_single.value] : [])].map(num);
  return {
    title: "Global bandwidth vs s_avg (1e8 tx/s, 1000 tx/block)",
    xLabel: "s_avg (bytes per transaction)",
    yLabel: "Gbps",
    series: [
      { name: "B_global (paper)", color: "#1f77b4", points: grid.map((s) => [s, at(s).global] as const) },
      { name: "DA-published (da square)", color: "#9467bd", points: grid.map((s) => [s, at(s).da] as const) },
      { name: "paper: 80 B, 200 B", color: "#2ca02c", markers: true, points: [[80, 64], [200, 160]] },
      { name: "codec: aggregate, Ed25519", color: "#ff7f0e", markers: true, points: measured.map((s) => [s, at(s).global] as const) },
    ],
    notes: [
      { x: 80, y: 64, text: "64 Gbps" },
      { x: 200, y: 160, text: "160 Gbps" },
    ],
  };
}

/** Machines each resource needs against the committee size, from measured figures; the top line binds. */
export function bindingVsCommittee(m: Measurements): ChartSpec {
  const committees = Array.from({ length: 10 }, (_, i) => i + 1);
  const p = calibratedParameters(checkParameters(paper()), m);
  const caps = committees.map((c) => computeCapacity(p, { committee: BigInt(c), nicGbps: ratio(10), fec: ratio(2) }, m));
  const colors: Record<string, string> = { execution: "#1f77b4", network: "#2ca02c", certificates: "#d62728", "da-extend": "#9467bd", shreds: "#8c564b" };
  const names = caps[0]!.rows.map((r) => r.resource);
  return {
    title: "Machines per resource vs committee size (measured, FEC ×2, 10 Gbps NIC)",
    xLabel: "committee size (machines executing each shard)",
    yLabel: "machines",
    series: names.map((n) => ({ name: n, color: colors[n] ?? "#000000", points: caps.map((cap, i) => [committees[i]!, num(cap.rows.find((r) => r.resource === n)!.machines)] as const) })),
    notes: [{ x: 10, y: num(caps[9]!.machines), text: `${caps[9]!.binding} binds` }],
  };
}

/** The chart files, name → SVG text, from a bench JSON. */
export function renderCharts(bench: unknown): Record<string, string> {
  const m = readMeasurements(bench);
  return {
    "machines-vs-t-per-core.svg": renderSvg(machinesVsTPerCore(m)),
    "bandwidth-vs-s-avg.svg": renderSvg(bandwidthVsSAvg(m)),
    "binding-vs-committee.svg": renderSvg(bindingVsCommittee(m)),
  };
}

/** The bench JSON the committed charts are drawn from: this repository's own run, kept as test data. */
export const CHART_BENCH = "conformance/model/testdata/bench-this-machine.json";
export const CHART_DIR = "docs/model";
