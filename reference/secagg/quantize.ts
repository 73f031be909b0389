/**
 * Quantization of float updates into Z_R (spec/secagg.md §Quantization). A value is clipped to
 * [−c, c], mapped affinely onto [0, m] with m = floor((R − 1) / N) levels (so N clients' sum stays
 * below R: the overflow bound N·m ≤ R − 1), and rounded stochastically — up with probability equal
 * to its fractional part — using {@link Rng} floats of a labelled stream, so the rounding is unbiased
 * and two implementations given the label produce the same elements. Every step is one IEEE-754
 * double operation in the order written.
 * @module
 */
import { Rng } from "../common/rng.js";
import { MAX_BITS, MAX_LENGTH, MAX_USERS, MIN_BITS } from "./constants.js";
import { fail } from "./errors.js";

export interface QuantizeParams {
  /** The clip bound c > 0. */
  clip: number;
  /** ℓ, with R = 2^ℓ. */
  bits: number;
  /** N, the most clients whose elements are summed. */
  clients: number;
}

/** m = floor((2^ℓ − 1) / N): the largest level (table `quantize`, rules Q1–Q4). */
export function quantizeLevels(p: QuantizeParams): number {
  if (!Number.isInteger(p.bits) || p.bits < MIN_BITS || p.bits > MAX_BITS) fail("PARAMETER_OUT_OF_RANGE", `bit width ${p.bits}; expected ${MIN_BITS}..${MAX_BITS}`);
  if (!Number.isInteger(p.clients) || p.clients < 1 || p.clients > MAX_USERS) fail("PARAMETER_OUT_OF_RANGE", `client bound ${p.clients}; expected 1..${MAX_USERS}`);
  if (!Number.isFinite(p.clip) || !(p.clip > 0) || p.clip > 2 ** 32) fail("PARAMETER_OUT_OF_RANGE", `clip ${p.clip}; expected 0 < c ≤ 2^32`);
  const m = Math.floor((2 ** p.bits - 1) / p.clients);
  if (m < 1) fail("OVERFLOW_BOUND", `${p.clients} clients leave no level below 2^${p.bits}`);
  return m;
}

/** The quantized vector of `values` with rounding stream `new Rng("pwo/secagg/quantize/" + label)`. */
export function quantize(values: readonly number[], p: QuantizeParams, label: string): Uint32Array {
  const m = quantizeLevels(p);
  if (values.length < 1 || values.length > MAX_LENGTH) fail("PARAMETER_OUT_OF_RANGE", `length ${values.length}; expected 1..${MAX_LENGTH}`);
  const rng = new Rng(`pwo/secagg/quantize/${label}`);
  const out = new Uint32Array(values.length);
  values.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`quantize: element ${i} is not finite`); // API misuse: JSON carries no such number
    const clipped = Math.min(p.clip, Math.max(-p.clip, x));
    const v = ((clipped + p.clip) / (2 * p.clip)) * m;
    const lo = Math.floor(v);
    const up = rng.float() < v - lo ? 1 : 0; // one draw per element, always
    out[i] = Math.min(m, lo + up);
  });
  return out;
}

/**
 * The float sum of `count` clients' values from the sum of their quantized vectors:
 * S·(2c/m) − count·c per element (an unbiased estimate of the clipped sum).
 */
export function dequantizeSum(sum: ArrayLike<number>, p: QuantizeParams, count: number): number[] {
  const m = quantizeLevels(p);
  if (!Number.isInteger(count) || count < 1 || count > p.clients) fail("PARAMETER_OUT_OF_RANGE", `count ${count}; expected 1..${p.clients}`);
  const out: number[] = [];
  for (let i = 0; i < sum.length; i++) {
    const s = sum[i]!;
    if (!Number.isInteger(s) || s < 0 || s > count * m) fail("VALUE_OUT_OF_RANGE", `element ${i} = ${s} exceeds count · m = ${count * m}`);
    out.push(s * ((2 * p.clip) / m) - count * p.clip);
  }
  return out;
}
