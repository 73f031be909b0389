/**
 * Calibration (spec/model.md §Calibration): measured figures replace the paper's assumptions, and
 * the machine count becomes the largest over the resources a machine has (cores executing, cores
 * verifying certificates, cores extending DA squares, cores encoding shreds, the NIC). The resource
 * needing the most machines binds first; every other one has headroom.
 *
 * The figures are read from the JSON line of `npm run bench -- --json` (format `pwo-bench/1`) or
 * the same shape from another implementation (conformance/model/bench.schema.json).
 * @module
 */
import { DEFAULT_SHARE_SIZE } from "../da/index.js";
import { GBPS } from "./constants.js";
import { daSquare } from "./corrections.js";
import { computeModel } from "./model.js";
import type { Parameters } from "./params.js";
import { ceil, cmp, div, fromNumber, mul, ratio, type Rational } from "./rational.js";

const r = (x: bigint | number) => ratio(x);
const MiB = 1n << 20n;

/** One measured figure and where in the bench JSON it was read. */
export interface Measured {
  value: Rational;
  source: string;
}

/** Figures a calibration can use; the absent ones keep the paper's assumption or drop the resource. */
export interface Measurements {
  machine?: string;
  /** tx/s per core, exec (required). */
  t_per_core: Measured;
  /** tx/s per core with per-transaction Ed25519 verification, exec (optional). */
  t_per_core_ed25519?: Measured;
  /** Compressed bytes/tx per signature mode, codec (required). */
  s_avg_aggregate: Measured;
  s_avg_single?: Measured;
  /** Commit certificates verified per second on one core, by committee size n, bls. */
  certificates_per_sec?: { n: number; value: Rational; source: string }[];
  /** Extended square + data root, original MiB/s on one core, by square width k, da. */
  da_square_MiBs?: { k: number; value: Rational; source: string }[];
  /** Reed-Solomon encode, data MiB/s on one core, da. */
  rs_MiBs?: Measured;
  /** NMT roots of an extended square, original MiB/s on one core, by square width k, da. */
  nmt_MiBs?: { k: number; value: Rational; source: string }[];
  /** Shred encoding (FEC), data MiB/s on one core, shreds (optional, `suites.shreds.encodeMiBs`). */
  shreds_MiBs?: Measured;
  /** Secure aggregation, ms per client per round, secagg (optional, `suites.secagg.msPerClient`; reported, not a machine resource here). */
  secagg_ms_per_client?: Measured;
}

/** A calibration input that does not have the shape of bench.schema.json. */
export class CalibrationInputError extends Error {
  override readonly name = "CalibrationInputError";
}

type J = unknown;
const obj = (v: J): Record<string, J> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, J>) : undefined);
function at(root: J, path: readonly (string | number)[]): J {
  let v: J = root;
  for (const k of path) v = typeof k === "number" ? (Array.isArray(v) ? v[k] : undefined) : obj(v)?.[k];
  return v;
}
function positive(root: J, path: readonly (string | number)[]): Measured | undefined {
  const v = at(root, path);
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw new CalibrationInputError(`${path.join(".")}: expected a positive number, got ${JSON.stringify(v)}`);
  return { value: fromNumber(v), source: path.join(".") };
}
const required = (m: Measured | undefined, what: string): Measured => {
  if (!m) throw new CalibrationInputError(`missing ${what}`);
  return m;
};

/** The highest tpsPerCore among the executors of one exec workload (the per-core capacity that workload shows). */
function bestPerCore(bench: J, workload: string): Measured | undefined {
  const fig = obj(at(bench, ["suites", "exec", "figures", workload]));
  if (!fig) return undefined;
  let best: Measured | undefined;
  for (const name of Object.keys(fig).sort()) {
    if (obj(fig[name])?.tpsPerCore === undefined) continue;
    const m = positive(bench, ["suites", "exec", "figures", workload, name, "tpsPerCore"])!;
    if (!best || cmp(m.value, best.value) > 0) best = m;
  }
  return best;
}

/**
 * Reads the figures the model uses from a bench JSON (spec/model.md §Calibration input):
 * t_per_core = the highest `tpsPerCore` of `suites.exec.figures.independent` (payments without
 * conflicts, signatures aggregated, as the paper's t_per_core); s_avg = `suites.codec.bytesPerTx.<mode>.ours`;
 * certificates/s = `suites.bls.sizes[].ours.perSec`; DA = `suites.da.square.k<K>` per square width k.
 */
export function readMeasurements(bench: J): Measurements {
  if (at(bench, ["format"]) !== "pwo-bench/1") throw new CalibrationInputError(`format: expected "pwo-bench/1", got ${JSON.stringify(at(bench, ["format"]))}`);
  const m: Measurements = {
    t_per_core: required(bestPerCore(bench, "independent"), "suites.exec.figures.independent.<executor>.tpsPerCore"),
    s_avg_aggregate: required(positive(bench, ["suites", "codec", "bytesPerTx", "aggregate", "ours"]), "suites.codec.bytesPerTx.aggregate.ours"),
  };
  const cpu = at(bench, ["cpu"]);
  const cores = at(bench, ["cores"]);
  if (typeof cpu === "string") m.machine = `${cpu}${typeof cores === "number" ? ` × ${cores}` : ""}`;
  const opt = <K extends keyof Measurements>(k: K, v: Measurements[K] | undefined) => {
    if (v !== undefined) m[k] = v;
  };
  opt("t_per_core_ed25519", bestPerCore(bench, "independent+ed25519"));
  opt("s_avg_single", positive(bench, ["suites", "codec", "bytesPerTx", "single", "ours"]));
  const sizes = at(bench, ["suites", "bls", "sizes"]);
  if (Array.isArray(sizes)) {
    m.certificates_per_sec = sizes.map((_, i) => {
      const n = at(sizes, [i, "n"]);
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) throw new CalibrationInputError(`suites.bls.sizes.${i}.n: expected a positive integer`);
      const v = required(positive(bench, ["suites", "bls", "sizes", i, "ours", "perSec"]), `suites.bls.sizes.${i}.ours.perSec`);
      return { n, ...v };
    });
  }
  const square = obj(at(bench, ["suites", "da", "square"]));
  if (square) {
    const ks = Object.keys(square).filter((k) => /^k[1-9][0-9]{0,3}$/.test(k)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    const rates = (field: string) =>
      ks.flatMap((kKey) => {
        const k = Number(kKey.slice(1));
        const bytes = BigInt(k * k * DEFAULT_SHARE_SIZE);
        const ms = positive(bench, ["suites", "da", "square", kKey, field]);
        return ms ? [{ k, value: div(ratio(bytes * 1000n, MiB), ms.value), source: `${ms.source} (k² · ${DEFAULT_SHARE_SIZE} B per square)` }] : [];
      });
    if (ks.length > 0) {
      m.da_square_MiBs = rates("msExtendSquare");
      m.nmt_MiBs = rates("msRootsOnly");
    }
  }
  const rs = obj(at(bench, ["suites", "da", "reedSolomon"]));
  if (rs) {
    const key = Object.keys(rs).sort()[0];
    if (key) opt("rs_MiBs", positive(bench, ["suites", "da", "reedSolomon", key, "oursMiBs"]));
  }
  opt("shreds_MiBs", positive(bench, ["suites", "shreds", "encodeMiBs"]));
  opt("secagg_ms_per_client", positive(bench, ["suites", "secagg", "msPerClient"]));
  return m;
}

/** Deployment figures a calibration needs beyond the paper's parameters. */
export interface Deployment {
  /** Machines re-executing each shard (replication); the paper's model is 1. */
  committee: bigint;
  /** NIC capacity of one machine, Gbps (the paper: "modern datacenter NICs (10–100 Gbps)"). */
  nicGbps: Rational;
  /** Shred FEC expansion (propagation); 1 = off. */
  fec: Rational;
}

export const PAPER_DEPLOYMENT: Deployment = { committee: 1n, nicGbps: r(10), fec: r(1) };

/** One resource: what the deployment demands of it in total, what one machine supplies, and the machines that implies. */
export interface ResourceRow {
  resource: "execution" | "network" | "certificates" | "da-extend" | "shreds";
  unit: string;
  demand: Rational;
  perMachine: Rational;
  machines: bigint;
  source: string;
}

export interface Capacity {
  rows: ResourceRow[];
  /** The largest machine count over the resources. */
  machines: bigint;
  /** The resource that needs it (the first in row order on ties). */
  binding: ResourceRow["resource"];
  /** Per resource: supply at `machines` over demand (≥ 1; 1 for the binding one up to rounding). */
  headroom: Record<string, Rational>;
}

/** The figure of `xs` measured at the size nearest `at` (ties: the larger size), by `size(x)`. */
export function nearest<T>(xs: readonly T[] | undefined, at: bigint, size: (x: T) => number): T | undefined {
  let best: T | undefined;
  const d = (v: number) => (BigInt(v) > at ? BigInt(v) - at : at - BigInt(v));
  for (const x of xs ?? []) if (best === undefined || d(size(x)) < d(size(best)) || (d(size(x)) === d(size(best)) && size(x) > size(best))) best = x;
  return best;
}

/**
 * Machines per resource for parameters p (t_per_core and s_avg already chosen) and deployment d.
 * Execution: T_target · c tx/s over cores · t_per_core. Network: B_global · c · fec over the NIC.
 * Certificates: blocks/s · shards · c over cores · certificates/s (measured at the committee size
 * nearest c). DA extend: S_total bytes/s (each shard block extended once, by its producer) over
 * cores · square MiB/s (measured at the square width nearest the block's). Shreds: S_total over
 * cores · shred MiB/s.
 */
export function computeCapacity(p: Parameters, d: Deployment, m?: Measurements): Capacity {
  const base = computeModel(p);
  const c = r(d.committee);
  const rows: ResourceRow[] = [];
  const row = (resource: ResourceRow["resource"], unit: string, demand: Rational, perMachine: Rational, source: string) =>
    rows.push({ resource, unit, demand, perMachine, machines: ceil(div(demand, perMachine)), source });
  row("execution", "tx/s", mul(p.T_target, c), base.values.E_machine, "cores_per_machine · t_per_core");
  row("network", "bit/s", mul(mul(base.values.B_global, c), d.fec), mul(d.nicGbps, r(GBPS)), "NIC");
  if (m) {
    const cert = nearest(m.certificates_per_sec, d.committee, (x) => x.n);
    if (cert) row("certificates", "cert/s", mul(mul(base.values.blocks_per_sec_shard, p.shards), c), mul(p.cores_per_machine, cert.value), `${cert.source} (n = ${cert.n})`);
    const k = daSquare(mul(p.B_tx, p.s_avg)).k;
    const sq = nearest(m.da_square_MiBs, BigInt(k), (x) => x.k);
    if (sq) row("da-extend", "B/s", base.values.S_total, mul(mul(p.cores_per_machine, sq.value), r(MiB)), `${sq.source}, measured k = ${sq.k} nearest the block's k = ${k}`);
    if (m.shreds_MiBs) row("shreds", "B/s", base.values.S_total, mul(mul(p.cores_per_machine, m.shreds_MiBs.value), r(MiB)), m.shreds_MiBs.source);
  }
  let bindingRow = rows[0]!;
  for (const x of rows) if (x.machines > bindingRow.machines) bindingRow = x;
  const machines = bindingRow.machines;
  const headroom = Object.fromEntries(rows.map((x) => [x.resource, div(mul(r(machines), x.perMachine), x.demand)]));
  return { rows, machines, binding: bindingRow.resource, headroom };
}

/** p with the measured t_per_core and s_avg (of the signature mode) in place of the paper's. */
export function calibratedParameters(p: Parameters, m: Measurements, mode: "aggregate" | "single" = "aggregate"): Parameters {
  const sAvg = mode === "single" ? m.s_avg_single : m.s_avg_aggregate;
  const tPerCore = mode === "single" ? (m.t_per_core_ed25519 ?? m.t_per_core) : m.t_per_core;
  if (!sAvg) throw new CalibrationInputError(`no s_avg measured for signature mode ${mode}`);
  return { ...p, s_avg: sAvg.value, t_per_core: tPerCore.value };
}

/** DA expansion of a shard block (B_tx · s_avg bytes) as spec/da.md's square makes it. */
export const daExpansion = (p: Parameters): Rational => daSquare(mul(p.B_tx, p.s_avg)).expansion;


