/**
 * The model's report (spec/model.md §Report): the paper's figures as the paper rounds them, the
 * corrections side by side, and a calibration from measured figures. One data structure, printed as
 * text by `pwo model` or as JSON by `pwo model --json`.
 * @module
 */
import {

  bandwidthSensitivity,
  calibratedParameters,
  checkParameters,
  checkRanges,
  computeCapacity,
  computeModel,
  correctionRows,
  div,
  mul,
  ratio,
  executionSensitivity,

  PAPER_DEPLOYMENT,
  PAPER_PARAMETERS,
  PARAMETER_NAMES,
  parseRational,

  readParameter,
  roundSignificant,
  toDecimal,
  toExact,
  workloadBytesPerTx,
  type Capacity,
  type CorrectionSettings,
  type Deployment,
  type Measurements,
  type ParameterTexts,
  type Rational,
} from "../../reference/model/index.js";
import { DEFAULT_NAMESPACE_SIZE, DEFAULT_SHARE_SIZE } from "../../reference/da/index.js";
import { table } from "../harness/report.js";

/**
 * What the paper prints for each figure of the base case (typed in from the paper's text, with the
 * section), to print next to the model's rounding. Only meaningful at the paper's parameters.
 */
export const PAPER_PRINTED: readonly { key: string; section: string; printed: string }[] = [
  { key: "S_total", section: "§4.1", printed: "8,000,000,000 bytes/sec" },
  { key: "B_global_gbps", section: "§4.1", printed: "64 Gbps" },
  { key: "T_shard", section: "§4.2", printed: "100,000 TPS per shard" },
  { key: "E_machine", section: "§4.3", printed: "640,000 TPS per machine" },
  { key: "machines_per_shard", section: "§4.4", printed: "0.15625 machines per shard" },
  { key: "shards_per_machine_whole", section: "§4.4", printed: "~6 shards" },
  { key: "total_machines_exact", section: "§4.4", printed: "156.25" },
  { key: "total_machines", section: "§4.4", printed: "157 machines (round up)" },
  { key: "BW_machine_gbps", section: "§4.5", printed: "0.4096 Gbps" },
  { key: "BW_machine_mbps_approx", section: "§4.5", printed: "≈ 410 Mbps" },
  { key: "blocks_per_sec_shard", section: "§4.6", printed: "100 blocks/sec" },
  { key: "aggregate_verifications_per_sec", section: "§4.6", printed: "100 verify ops/sec per node per shard" },
  { key: "sens_B_global_gbps", section: "§5", printed: "160 Gbps (s_avg = 200)" },
  { key: "sens_BW_machine_gbps_approx", section: "§5", printed: "≈ 1.02 Gbps" },
  { key: "sens_E_machine", section: "§5", printed: "320k (t_per_core = 2500)" },
  { key: "sens_paper_machines", section: "§5", printed: "~314 machines" },
];

/** The settings `--set` may change beyond the paper's parameters, with the values the report shows. */
export const SETTINGS = {
  committee: { text: "4", meaning: "machines executing each shard (3f+1 with f = 1)" },
  da_replication: { text: "1", meaning: "full copies of each extended square the DA layer keeps" },
  confidence: { text: "0.99", meaning: "detection probability a light node's sampling targets" },
  validators: { text: "100", meaning: "validators of the Narwhal/Bullshark DAG" },
  fanout: { text: "200", meaning: "Turbine fanout" },
  fec: { text: "2", meaning: "FEC expansion of shreds (data + coding)" },
  nic_gbps: { text: "10", meaning: "NIC capacity of one machine, Gbps (paper §4.5: 10–100 Gbps)" },
  sens_s_avg: { text: "200", meaning: "§5 bandwidth sensitivity: the larger s_avg" },
  sens_t_per_core: { text: "2500", meaning: "§5 execution sensitivity: the lower t_per_core" },
} as const;
export type SettingName = keyof typeof SETTINGS;
const INTEGER_SETTINGS = new Set<string>(["committee", "da_replication", "validators", "fanout"]);

export interface ReportInput {
  parameters: ParameterTexts;
  settings: Record<SettingName, string>;
  measurements?: Measurements;
}

export const defaultReportInput = (): ReportInput => ({
  parameters: { ...PAPER_PARAMETERS },
  settings: Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.text])) as Record<SettingName, string>,
});

/** Applies `name=value` overrides; a name neither a parameter nor a setting is a usage error (thrown as RangeError). */
export function applySets(input: ReportInput, sets: readonly string[]): ReportInput {
  const out: ReportInput = { ...input, parameters: { ...input.parameters }, settings: { ...input.settings } };
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new RangeError(`--set ${JSON.stringify(s)}: expected name=value`);
    const name = s.slice(0, eq);
    const value = s.slice(eq + 1);
    if ((PARAMETER_NAMES as readonly string[]).includes(name)) out.parameters[name as keyof ParameterTexts] = value;
    else if (name in SETTINGS) out.settings[name as SettingName] = value;
    else throw new RangeError(`--set ${name}: not a parameter (${PARAMETER_NAMES.join(", ")}) or setting (${Object.keys(SETTINGS).join(", ")})`);
  }
  return out;
}

/** The report as data: every figure an exact rational (or a whole number), with its rounding. */
export interface Report {
  parameters: ParameterTexts;
  settings: Record<SettingName, string>;
  atPaperParameters: boolean;
  paper: { key: string; section: string; quantity: string; unit: string; exact: Rational; rounded: string; printed?: string }[];
  corrections: ReturnType<typeof correctionRows>;
  calibration?: { measurements: Measurements; paper: Capacity; measured: Capacity; correctedPaper: Capacity; corrected: Capacity; deployment: Deployment; correctedDeployment: Deployment };
}

let signatureCache: { single: Rational; aggregate: Rational } | undefined;
/** s_avg of the codec workload per signature mode (computed once per process: ~2 s). */
export function codecSignatureSizes(): { single: Rational; aggregate: Rational } {
  signatureCache ??= { single: workloadBytesPerTx("single"), aggregate: workloadBytesPerTx("aggregate") };
  return signatureCache;
}

export function buildReport(input: ReportInput): Report {
  const p = checkParameters(input.parameters);
  const set: Record<string, Rational> = {};
  for (const [k, v] of Object.entries(input.settings)) set[k] = readParameter(k, v);
  checkRanges(set, Object.keys(SETTINGS), INTEGER_SETTINGS);
  if (!(set.confidence!.n < set.confidence!.d)) throw new RangeError("confidence must be < 1");
  const m = computeModel(p);
  const v = m.values;
  const bs = bandwidthSensitivity(p, set.sens_s_avg!);
  const es = executionSensitivity(p, set.sens_t_per_core!);
  const printed = new Map(PAPER_PRINTED.map((x) => [x.key, x.printed]));
  const atPaper = PARAMETER_NAMES.every((k) => toExact(parseRational(input.parameters[k])!) === PAPER_PARAMETERS[k]) && input.settings.sens_s_avg === "200" && input.settings.sens_t_per_core === "2500";
  const dec = (x: Rational) => toDecimal(x) ?? `≈ ${roundSignificant(x, 6)}`;
  const rows: Report["paper"] = [];
  const add = (key: string, section: string, quantity: string, unit: string, exact: Rational, rounded: string) => rows.push({ key, section, quantity, unit, exact, rounded, ...(atPaper && printed.has(key) ? { printed: printed.get(key)! } : {}) });
  add("S_total", "§4.1", "S_total = T_target · s_avg", "B/s", v.S_total, dec(v.S_total));
  add("B_global_gbps", "§4.1", "B_global = S_total · 8", "Gbps", v.B_global_gbps, dec(v.B_global_gbps));
  add("T_shard", "§4.2", "T_shard = T_target / shards", "tx/s", v.T_shard, dec(v.T_shard));
  add("E_machine", "§4.3", "E_machine = cores · t_per_core", "tx/s", v.E_machine, dec(v.E_machine));
  add("machines_per_shard", "§4.4", "machines_per_shard = T_shard / E_machine", "machines", v.machines_per_shard, dec(v.machines_per_shard));
  add("shards_per_machine_whole", "§4.4", "shards per machine, ⌊E_machine / T_shard⌋", "shards", v.shards_per_machine, m.rounded.shards_per_machine_whole.toString());
  add("total_machines_exact", "§4.4", "machines_per_shard · shards", "machines", v.total_machines_exact, dec(v.total_machines_exact));
  add("total_machines", "§4.4", "⌈machines_per_shard · shards⌉", "machines", v.total_machines_exact, m.rounded.total_machines.toString());
  add("BW_machine_gbps", "§4.5", "BW_machine = B_global / (machines_per_shard · shards)", "Gbps", v.BW_machine_gbps, dec(v.BW_machine_gbps));
  add("BW_machine_mbps_approx", "§4.5", "BW_machine, ≈ 3 significant digits", "Mbps", v.BW_machine_mbps, m.rounded.BW_machine_mbps_approx);
  add("blocks_per_sec_shard", "§4.6", "blocks_per_sec_shard = T_shard / B_tx", "blocks/s", v.blocks_per_sec_shard, dec(v.blocks_per_sec_shard));
  add("aggregate_verifications_per_sec", "§4.6", "aggregate verifications = blocks/s · shards_subscribed", "verify/s", v.aggregate_verifications_per_sec, dec(v.aggregate_verifications_per_sec));
  add("sens_B_global_gbps", "§5", `B_global at s_avg = ${input.settings.sens_s_avg}`, "Gbps", bs.B_global_gbps, dec(bs.B_global_gbps));
  add("sens_BW_machine_gbps_approx", "§5", `… per machine over the earlier ${m.rounded.total_machines} machines, ≈`, "Gbps", bs.BW_machine_gbps, bs.BW_machine_gbps_approx);
  add("sens_E_machine", "§5", `E_machine at t_per_core = ${input.settings.sens_t_per_core}`, "tx/s", es.E_machine, dec(es.E_machine));
  add("sens_paper_machines", "§5", `paper: ${m.rounded.total_machines} machines × t_per_core ratio ("double")`, "machines", es.paper_machines, dec(es.paper_machines));
  add("sens_total_machines", "§5", "model: ⌈T_target / E_machine⌉ at the lower t_per_core", "machines", es.total_machines_exact, es.total_machines.toString());
  const sig = codecSignatureSizes();
  const settings: CorrectionSettings = {
    committee: set.committee!.n,
    daReplication: set.da_replication!.n,
    shareSize: DEFAULT_SHARE_SIZE,
    namespaceSize: DEFAULT_NAMESPACE_SIZE,
    confidence: set.confidence!,
    validators: set.validators!.n,
    fanout: set.fanout!.n,
    fec: set.fec!,
    sAvgSingle: sig.single,
    sAvgAggregate: sig.aggregate,
  };
  const report: Report = { parameters: input.parameters, settings: input.settings, atPaperParameters: atPaper, paper: rows, corrections: correctionRows(p, settings) };
  if (input.measurements) {
    const deployment: Deployment = { ...PAPER_DEPLOYMENT, nicGbps: set.nic_gbps! };
    const correctedDeployment: Deployment = { committee: settings.committee, nicGbps: set.nic_gbps!, fec: settings.fec };
    const cp = calibratedParameters(p, input.measurements);
    report.calibration = {
      measurements: input.measurements,
      deployment,
      correctedDeployment,
      paper: computeCapacity(p, deployment),
      measured: computeCapacity(cp, deployment, input.measurements),
      correctedPaper: computeCapacity(p, correctedDeployment),
      corrected: computeCapacity(cp, correctedDeployment, input.measurements),
    };
  }
  return report;
}

// ---- printing ----

/** A figure for a table: its exact decimal when short, else ≈ 4 significant digits. */
export function show(x: Rational | null): string {
  if (x === null) return "—";
  const d = toDecimal(x);
  if (d !== null && d.length <= 14) return group(d);
  return `≈ ${group(roundSignificant(x, 4))}`;
}
/** 8000000000 → 8,000,000,000 (digits before the point). */
const group = (d: string): string => {
  const [i, f] = d.split(".");
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${f ? `.${f}` : ""}`;
};

export function renderText(r: Report): string {
  const out: string[] = [];
  out.push(`pwo model: the seed paper's throughput model (§3–§5), exact arithmetic (spec/model.md)`);
  out.push(`parameters: ${PARAMETER_NAMES.map((k) => `${k} = ${r.parameters[k]}`).join(", ")}${r.atPaperParameters ? " (the paper's base case)" : ""}\n`);
  out.push("The paper's model, as the paper rounds (⌈·⌉ machines, ⌊·⌋ shards per machine, ≈ = 3 significant digits):\n");
  out.push(
    table(
      ["§", "quantity", "unit", "exact", "as the paper rounds", ...(r.atPaperParameters ? ["the paper prints"] : [])],
      r.paper.map((x) => [x.section, x.quantity, x.unit, toExact(x.exact).length <= 16 ? toExact(x.exact) : `≈ ${roundSignificant(x.exact, 8)}`, group(x.rounded), ...(r.atPaperParameters ? [x.printed ?? "(not printed)"] : [])]),
    ),
  );
  out.push("\nNote: §5 doubles the rounded 157 (→ 314); the exact machine count at 2500 tx/s/core is 312.5 → 313. §4.5 divides by 156.25, §5 by 157.\n");
  out.push(`Corrections (spec/model.md §Corrections), at ${Object.entries(r.settings).filter(([k]) => !k.startsWith("sens_") && k !== "nic_gbps").map(([k, v]) => `${k} = ${v}`).join(", ")}:\n`);
  out.push(table(["term", "quantity", "unit", "paper", "corrected", "source"], r.corrections.map((c) => [c.term, c.quantity, c.unit, show(c.paper), show(c.corrected), c.source])));
  if (r.calibration) out.push("", renderCalibration(r.calibration));
  return `${out.join("\n")}\n`;
}

function renderCalibration(c: NonNullable<Report["calibration"]>): string {
  const m = c.measurements;
  const out: string[] = [];
  out.push(`Calibration from measured figures${m.machine ? ` (${m.machine})` : ""} (spec/model.md §Calibration):\n`);
  const meas: [string, string, string][] = [
    ["t_per_core", show(m.t_per_core.value), m.t_per_core.source],
    ...(m.t_per_core_ed25519 ? [["t_per_core, per-tx Ed25519", show(m.t_per_core_ed25519.value), m.t_per_core_ed25519.source] as [string, string, string]] : []),
    ["s_avg, aggregate", show(m.s_avg_aggregate.value), m.s_avg_aggregate.source],
    ...(m.s_avg_single ? [["s_avg, per-tx Ed25519", show(m.s_avg_single.value), m.s_avg_single.source] as [string, string, string]] : []),
    ...(m.certificates_per_sec ?? []).map((x) => [`certificates/s/core, n = ${x.n}`, show(x.value), x.source] as [string, string, string]),
    ...(m.da_square_MiBs ?? []).map((x) => [`extended square MiB/s/core, k = ${x.k}`, show(x.value), x.source] as [string, string, string]),
    ...(m.nmt_MiBs ?? []).map((x) => [`NMT roots MiB/s/core, k = ${x.k}`, show(x.value), x.source] as [string, string, string]),
    ...(m.rs_MiBs ? [["Reed-Solomon MiB/s/core", show(m.rs_MiBs.value), m.rs_MiBs.source] as [string, string, string]] : []),
    ...(m.shreds_MiBs ? [["shreds MiB/s/core", show(m.shreds_MiBs.value), m.shreds_MiBs.source] as [string, string, string]] : []),
    ...(m.secagg_ms_per_client ? [["secagg ms/client", show(m.secagg_ms_per_client.value), m.secagg_ms_per_client.source] as [string, string, string]] : []),
  ];
  out.push(table(["measured", "value", "read from"], meas));
  const block = (title: string, paper: Capacity, measured: Capacity) => {
    out.push(`\n${title}`);
    const rows = measured.rows.map((x) => {
      const p = paper.rows.find((y) => y.resource === x.resource);
      return [x.resource, p ? p.machines.toString() : "—", p ? show(paper.headroom[x.resource] ?? null) : "—", x.machines.toString(), show(measured.headroom[x.resource] ?? null), x.source];
    });
    out.push(table(["resource", "machines (paper)", "headroom (paper)", "machines (measured)", "headroom (measured)", "per-machine capacity"], rows));
    out.push(`machines: paper ${paper.machines} (${paper.binding} binds), measured ${measured.machines} (${measured.binding} binds first)`);
    const perMachine = (cap: Capacity) => {
      const net = cap.rows.find((x) => x.resource === "network")!;
      return show(div(net.demand, mul(ratio(cap.machines), ratio(10n ** 9n))));
    };
    out.push(`per-machine ingress at that many machines: paper ${perMachine(paper)} Gbps, measured ${perMachine(measured)} Gbps (NIC ${show(c.deployment.nicGbps)} Gbps)`);
  };
  block(`Deployment as the paper's: committee 1, FEC ×1, NIC ${show(c.deployment.nicGbps)} Gbps`, c.paper, c.measured);
  block(`Corrected deployment: committee ${c.correctedDeployment.committee}, FEC ×${show(c.correctedDeployment.fec)}, NIC ${show(c.correctedDeployment.nicGbps)} Gbps`, c.correctedPaper, c.corrected);
  return out.join("\n");
}

/** The report as JSON: rationals as exact text. */
export function reportJson(r: Report): unknown {
  const ex = (x: Rational | null) => (x === null ? null : toExact(x));
  const cap = (c: Capacity) => ({
    machines: c.machines.toString(),
    binding: c.binding,
    rows: c.rows.map((x) => ({ resource: x.resource, unit: x.unit, demand: ex(x.demand), perMachine: ex(x.perMachine), machines: x.machines.toString(), headroom: ex(c.headroom[x.resource]!), source: x.source })),
  });
  return {
    format: "pwo-model/1",
    parameters: r.parameters,
    settings: r.settings,
    paper: r.paper.map((x) => ({ key: x.key, section: x.section, quantity: x.quantity, unit: x.unit, exact: ex(x.exact), rounded: x.rounded, ...(x.printed ? { printed: x.printed } : {}) })),
    corrections: r.corrections.map((c) => ({ term: c.term, quantity: c.quantity, unit: c.unit, paper: ex(c.paper), corrected: ex(c.corrected), source: c.source })),
    ...(r.calibration
      ? { calibration: { paper: cap(r.calibration.paper), measured: cap(r.calibration.measured), correctedPaper: cap(r.calibration.correctedPaper), corrected: cap(r.calibration.corrected) } }
      : {}),
  };
}


