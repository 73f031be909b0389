/**
 * The paper's throughput model, one function per step of seed paper §4 (spec/model.md §Model). All
 * arithmetic is exact; the only roundings are the paper's own, named: ⌈·⌉ for whole machines
 * (§4.4 "round up"), ⌊·⌋ for whole shards per machine (§4.4 "~6"), and three significant digits
 * for every "≈" (§4.5, §5).
 * @module
 */
import { APPROX_DIGITS, BITS_PER_BYTE, GBPS, MBPS, type ParameterTexts } from "./constants.js";
import { checkParameters, type Parameters } from "./params.js";
import { ceil, div, floor, mul, ratio, roundSignificant, toExact, type Rational } from "./rational.js";

const r = (x: bigint | number) => ratio(x);

/** §4.1 step 3: S_total = T_target · s_avg, bytes/s. */
export const computeSTotal = (tTarget: Rational, sAvg: Rational): Rational => mul(tTarget, sAvg);
/** §3, §4.1 step 4: B_global = S_total · 8, bit/s. */
export const computeBGlobal = (sTotal: Rational): Rational => mul(sTotal, r(BITS_PER_BYTE));
/** bit/s → Gbps (10^9 bit/s, as §4.1's "64,000,000,000 bits/sec = 64 Gbps"). */
export const toGbps = (bps: Rational): Rational => div(bps, r(GBPS));
/** Gbps → Mbps (§4.5's "0.4096 Gbps ≈ 410 Mbps"). */
export const gbpsToMbps = (gbps: Rational): Rational => mul(gbps, div(r(GBPS), r(MBPS)));
/** §4.2 step 2: T_shard = T_target / shards, tx/s per shard. */
export const computeTShard = (tTarget: Rational, shards: Rational): Rational => div(tTarget, shards);
/** §3, §4.3 step 3: E_machine = cores_per_machine · t_per_core, tx/s per machine. */
export const computeEMachine = (cores: Rational, tPerCore: Rational): Rational => mul(cores, tPerCore);
/** §4.4 step 1: machines_per_shard = T_shard / E_machine. */
export const computeMachinesPerShard = (tShard: Rational, eMachine: Rational): Rational => div(tShard, eMachine);
/** §4.4 step 1, the parenthesis: shards one machine can handle, E_machine / T_shard (6.4; "~6" is its floor). */
export const computeShardsPerMachine = (tShard: Rational, eMachine: Rational): Rational => div(eMachine, tShard);
/** §4.4 step 2: total_sequencer_machines = machines_per_shard · shards (exact: 156.25). */
export const computeTotalMachinesExact = (machinesPerShard: Rational, shards: Rational): Rational => mul(machinesPerShard, shards);
/** §4.4 step 2, "→ 157 machines (round up)": ⌈total_sequencer_machines⌉. */
export const wholeMachines = (exact: Rational): bigint => ceil(exact);
/** §4.5: BW_machine = B_global / machines, over the machine count the paper divides by (156.25 in §4.5, 157 in §5). */
export const computeBwMachine = (bGlobal: Rational, machines: Rational): Rational => div(bGlobal, machines);
/** §4.6: blocks_per_sec_shard = T_shard / B_tx. */
export const computeBlocksPerSecShard = (tShard: Rational, bTx: Rational): Rational => div(tShard, bTx);
/** §4.6: aggregate verifications per second per node = block rate × shards subscribed (one aggregate signature per block). */
export const computeAggregateVerifications = (blocksPerSec: Rational, subscribed: Rational): Rational => mul(blocksPerSec, subscribed);
/** The paper's "≈": three significant digits, half away from zero (spec/model.md §Rounding). */
export const approx = (x: Rational): string => roundSignificant(x, APPROX_DIGITS);

/** Every intermediate value of §4, exact. */
export interface ModelValues {
  S_total: Rational;
  B_global: Rational;
  B_global_gbps: Rational;
  T_shard: Rational;
  E_machine: Rational;
  machines_per_shard: Rational;
  shards_per_machine: Rational;
  total_machines_exact: Rational;
  BW_machine_gbps: Rational;
  BW_machine_mbps: Rational;
  blocks_per_sec_shard: Rational;
  aggregate_verifications_per_sec: Rational;
}

/** The roundings the paper prints (§4.4, §4.5). */
export interface ModelRounded {
  /** ⌊shards_per_machine⌋: "one machine could handle ~6 shards". */
  shards_per_machine_whole: bigint;
  /** ⌈total_machines_exact⌉: "157 machines (round up)". */
  total_machines: bigint;
  /** BW_machine in Mbps to 3 significant digits: "≈ 410 Mbps". */
  BW_machine_mbps_approx: string;
}

export interface ModelResult {
  values: ModelValues;
  rounded: ModelRounded;
}

/** §4.1–§4.6 on checked parameters. */
export function computeModel(p: Parameters): ModelResult {
  const S_total = computeSTotal(p.T_target, p.s_avg);
  const B_global = computeBGlobal(S_total);
  const T_shard = computeTShard(p.T_target, p.shards);
  const E_machine = computeEMachine(p.cores_per_machine, p.t_per_core);
  const machines_per_shard = computeMachinesPerShard(T_shard, E_machine);
  const total_machines_exact = computeTotalMachinesExact(machines_per_shard, p.shards);
  const BW_machine_gbps = toGbps(computeBwMachine(B_global, total_machines_exact));
  const BW_machine_mbps = gbpsToMbps(BW_machine_gbps);
  const blocks_per_sec_shard = computeBlocksPerSecShard(T_shard, p.B_tx);
  const values: ModelValues = {
    S_total,
    B_global,
    B_global_gbps: toGbps(B_global),
    T_shard,
    E_machine,
    machines_per_shard,
    shards_per_machine: computeShardsPerMachine(T_shard, E_machine),
    total_machines_exact,
    BW_machine_gbps,
    BW_machine_mbps,
    blocks_per_sec_shard,
    aggregate_verifications_per_sec: computeAggregateVerifications(blocks_per_sec_shard, p.shards_subscribed),
  };
  return {
    values,
    rounded: { shards_per_machine_whole: floor(values.shards_per_machine), total_machines: wholeMachines(total_machines_exact), BW_machine_mbps_approx: approx(BW_machine_mbps) },
  };
}

/** Checks the parameter texts (rules M1–M7) and evaluates the model. */
export const evaluateModel = (texts: Readonly<ParameterTexts>): ModelResult => computeModel(checkParameters(texts));

/** Every value and rounding as exact text (decimal when it terminates, else n/d): the vectors' output. */
export function modelResultToTexts(m: ModelResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.values)) out[k] = toExact(v);
  out.shards_per_machine_whole = m.rounded.shards_per_machine_whole.toString();
  out.total_machines = m.rounded.total_machines.toString();
  out.BW_machine_mbps_approx = m.rounded.BW_machine_mbps_approx;
  return out;
}

// ---- §5 sensitivity, as the paper computes it ----

/** §5 bandwidth sensitivity: B_global at a new s_avg, and per machine over the base case's whole machine count ("with the earlier 157 machines"). */
export function bandwidthSensitivity(base: Parameters, sAvg: Rational): { B_global_gbps: Rational; BW_machine_gbps: Rational; BW_machine_gbps_approx: string; over_exact_machines_gbps: Rational } {
  const baseResult = computeModel(base);
  const B_global_gbps = toGbps(computeBGlobal(computeSTotal(base.T_target, sAvg)));
  const BW_machine_gbps = div(B_global_gbps, r(baseResult.rounded.total_machines));
  return { B_global_gbps, BW_machine_gbps, BW_machine_gbps_approx: approx(BW_machine_gbps), over_exact_machines_gbps: div(B_global_gbps, baseResult.values.total_machines_exact) };
}

/**
 * §5 execution sensitivity. The paper's figure: "machines needed double → ~314", the base case's whole
 * machines (157) scaled by t_per_core's ratio (5000 / 2500 = 2). The model's own figure is
 * ⌈total_machines_exact⌉ at the new t_per_core (⌈312.5⌉ = 313): the paper rounds before doubling.
 */
export function executionSensitivity(base: Parameters, tPerCore: Rational): { E_machine: Rational; paper_machines: Rational; total_machines_exact: Rational; total_machines: bigint } {
  const baseResult = computeModel(base);
  const next = computeModel({ ...base, t_per_core: tPerCore });
  return {
    E_machine: next.values.E_machine,
    paper_machines: mul(r(baseResult.rounded.total_machines), div(base.t_per_core, tPerCore)),
    total_machines_exact: next.values.total_machines_exact,
    total_machines: next.rounded.total_machines,
  };
}
