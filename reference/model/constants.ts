/**
 * The model's parameters (seed paper §3, §4.6) with their units and the paper's base values, and the
 * bounds every parameter set is checked against (spec/model.md §Parameters).
 * @module
 */

/** Every parameter of the paper's model, in the order the spec lists (and checks) them. */
export const PARAMETER_NAMES = ["T_target", "s_avg", "shards", "t_per_core", "cores_per_machine", "B_tx", "shards_subscribed"] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

export interface ParameterInfo {
  unit: string;
  /** Counts are integers (rule M5); the others any positive rational. */
  integer: boolean;
  /** The paper's base value, as the paper prints it. */
  paper: string;
  /** Where the paper states it. */
  source: string;
  meaning: string;
}

export const PARAMETERS: Readonly<Record<ParameterName, ParameterInfo>> = {
  T_target: { unit: "tx/s", integer: false, paper: "100000000", source: "§3, §4.1 step 1", meaning: "target global throughput" },
  s_avg: { unit: "B/tx", integer: false, paper: "80", source: "§3, §4.1 step 2", meaning: "average compressed transaction size" },
  shards: { unit: "shards", integer: true, paper: "1000", source: "§3, §4.2 step 1", meaning: "independent ordered partitions (sequencer shards)" },
  t_per_core: { unit: "tx/s/core", integer: false, paper: "5000", source: "§3, §4.3 step 1", meaning: "execution capacity of one core (Block-STM baseline)" },
  cores_per_machine: { unit: "cores", integer: true, paper: "128", source: "§3, §4.3 step 2", meaning: "cores of one sequencer/validator machine" },
  B_tx: { unit: "tx/block", integer: true, paper: "1000", source: "§4.6", meaning: "transactions batched per shard block" },
  shards_subscribed: { unit: "shards", integer: true, paper: "1", source: "§4.6", meaning: "shards whose blocks one node verifies (the paper's per-shard figure is for 1)" },
};

/** Parameter values as their exact texts (decimal or n/d): the operations' input. */
export type ParameterTexts = Record<ParameterName, string>;

/** The paper's base assumptions (§3). */
export const PAPER_PARAMETERS: Readonly<ParameterTexts> = Object.fromEntries(PARAMETER_NAMES.map((p) => [p, PARAMETERS[p].paper])) as ParameterTexts;

/** Largest accepted value of any parameter (rule M2): 10^12. */
export const MAX_PARAMETER = 10n ** 12n;
/** Longest accepted parameter text (rule M1): bounds every numerator and denominator before parsing. */
export const MAX_PARAMETER_CHARS = 40;

/** Bits per byte (§4.1 step 4). */
export const BITS_PER_BYTE = 8n;
/** 1 Gbps and 1 Mbps in bit/s (decimal SI prefixes, as the paper's 64,000,000,000 bits/sec = 64 Gbps). */
export const GBPS = 10n ** 9n;
export const MBPS = 10n ** 6n;
/** Significant digits of the paper's "≈" figures (spec/model.md §Rounding): 409.6 → 410, 1.0191 → 1.02. */
export const APPROX_DIGITS = 3;
