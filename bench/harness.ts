/**
 * The benchmark machinery shared by every bench suite: the suite contract, one timing loop, and the
 * number formats of the printed tables (STYLE habit 14: one line per operation, the anchor measured
 * in the same run, ratios printed). Nothing here knows a component's name; suites register in
 * bench/suites.ts.
 * @module
 */

/** What a suite is given: the timing budget and where to print. */
export interface BenchContext {
  /** Least time, in ms, of the timed batches of each case ({@link measureInterleaved}). */
  minMs: number;
  /** Prints one block of human-readable output (tables, legends). */
  print(text: string): void;
}

/** A JSON value, as the `--json` line carries it. */
export type BenchJson = number | string | boolean | null | BenchJson[] | { [key: string]: BenchJson };

export interface BenchSuite {
  /** The component name, as in spec/, reference/, conformance/ and vectors/. */
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Runs every benchmark of the suite, prints its tables, and returns its figures for `--json`. */
  run(ctx: BenchContext): Promise<BenchJson> | BenchJson;
}

/** One thing to time: each call of `fn` processes `items` work items (default 1). */
export interface BenchCase {
  name: string;
  fn: () => unknown;
  items?: number;
}

export interface MeasureOptions {
  /** Least total time, in ms, of each case's timed batches. */
  minMs: number;
  /** Least number of timed batches per case, so that their median means something. Default 5. */
  minBatches?: number;
}

export interface Measurement {
  name: string;
  /** Median over the timed batches of items per second. */
  perSec: number;
  /** Median absolute deviation of the batch rates over their median: how noisy the figure is. */
  spread: number;
  batches: number;
  callsPerBatch: number;
}

/** Every result of a timed call lands here, so that no call is dead code to the optimiser. */
export let sink: unknown;

/** Batches aim at a tenth of the budget, so a measurement has about ten of them. */
const BATCHES_PER_BUDGET = 10;

function timeCalls(fn: () => unknown, calls: number): number {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) sink = fn();
  return performance.now() - t0;
}

/** Warm-up: at least two calls and a fifth of the budget; returns the mean ms per call seen. */
function warmUp(fn: () => unknown, minMs: number): number {
  let calls = 0;
  let ms = 0;
  while (calls < 2 || ms < minMs / 5) {
    ms += timeCalls(fn, 1);
    calls++;
  }
  return ms / calls;
}

/** The q-quantile (0 ≤ q ≤ 1) of `xs` by the nearest-rank method; NaN for no values. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? NaN;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A case being timed: its batch size and the rates of the batches timed so far. */
interface Timer {
  c: BenchCase;
  callsPerBatch: number;
  rates: number[];
  elapsedMs: number;
}

function startTimer(c: BenchCase, minMs: number): Timer {
  const msPerCall = warmUp(c.fn, minMs);
  return { c, callsPerBatch: Math.max(1, Math.floor(minMs / BATCHES_PER_BUDGET / msPerCall)), rates: [], elapsedMs: 0 };
}

function timeBatch(t: Timer): void {
  const ms = timeCalls(t.c.fn, t.callsPerBatch);
  t.elapsedMs += ms;
  t.rates.push((t.callsPerBatch * (t.c.items ?? 1) * 1000) / ms);
}

/** The median of batch rates and their spread ({@link Measurement}'s `perSec` and `spread`). */
export function summarizeRates(rates: readonly number[]): { perSec: number; spread: number } {
  const perSec = median(rates);
  return { perSec, spread: median(rates.map((r) => Math.abs(r - perSec))) / perSec };
}

function summarize(t: Timer): Measurement {
  return { name: t.c.name, ...summarizeRates(t.rates), batches: t.rates.length, callsPerBatch: t.callsPerBatch };
}

/**
 * Times several cases interleaved: each is warmed up and its batches sized to about a tenth of
 * `minMs`; then rounds time one batch of every case in turn, until each has had `minMs` of batches
 * and at least `minBatches`. A drift in the machine's speed (a neighbour's burst, a GC of another
 * case's garbage) so falls on every case alike, and ratios between them keep their meaning. A rate
 * is the median of the case's batch rates, which a stray pause moves less than the mean.
 */
export function measureInterleaved(cases: readonly BenchCase[], opts: MeasureOptions): Measurement[] {
  const { minMs, minBatches = 5 } = opts;
  if (!(minMs > 0)) throw new RangeError(`measure: minMs must be > 0, got ${minMs}`);
  const timers = cases.map((c) => startTimer(c, minMs));
  const isDone = (t: Timer) => t.elapsedMs >= minMs && t.rates.length >= minBatches;
  while (!timers.every(isDone)) for (const t of timers) if (!isDone(t)) timeBatch(t);
  return timers.map(summarize);
}

/** Times one function alone: {@link measureInterleaved} of a single case. */
export function measure(name: string, fn: () => unknown, opts: MeasureOptions & { items?: number }): Measurement {
  return measureInterleaved([{ name, fn, items: opts.items }], opts)[0]!;
}

// ---- number formats of the tables ----

/** 1234567.8 → "1,234,568". */
export const formatInt = (x: number): string => Math.round(x).toLocaleString("en-US");

/** A ratio with two decimals and a times sign: 0.4712 → "0.47×". */
export const formatRatio = (x: number): string => `${x.toFixed(2)}×`;

/** A fraction as a percentage: 0.034 → "3.4%". */
export const formatPercent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Rounds for the JSON line: figures keep `digits` significant digits. */
export const roundSig = (x: number, digits = 4): number => Number(x.toPrecision(digits));
