/**
 * The network model of the simulation core, as data: per-link delay and loss, global stabilisation
 * time (GST), partitions that heal at a given time, and crashes with optional restarts. Routing a
 * message is one pure function of the model, the send's index and the clock ({@link route}), so a run
 * depends on nothing but its model, its machines and its seed.
 *
 * The model is partial synchrony (Dwork, Lynch, Stockmeyer 1988): before GST a link may lose or
 * delay a message arbitrarily; from GST on, nothing is lost and every delay is at most `delta`.
 * Without `gst`, the network never stabilises and the link's loss and delay apply throughout (the
 * model of a lossy broadcast tree, for example).
 * @module
 */
import type { NodeId, Time } from "./scheduler.js";
import type { Streams } from "./streams.js";

/**
 * A link's delay, in time units:
 * - a number: that constant;
 * - `{ min, max }`: uniform in [min, max], integers, drawn from the stream `"network/delay"`;
 * - `{ script }`: the i-th message sent on the whole network (all links, send order) gets
 *   `script[i mod |script|]`; before GST a scripted 0 loses the message. A script makes the whole
 *   schedule explicit data, which is what a shrinker needs.
 */
export type Delay = number | { min: number; max: number } | { script: readonly number[] };

export interface Link {
  delay: Delay;
  /** Probability in [0, 1] that a message is lost, before GST (always without GST); stream `"network/loss"`. */
  loss?: number;
  /** Added to every delay before GST: a slow sender or a congested link. */
  slowBy?: number;
}

/** A link override: every field of `Link` it sets replaces the default for messages from `from` to `to` (either absent: any). */
export interface LinkOverride extends Partial<Link> {
  from?: NodeId;
  to?: NodeId;
}

/**
 * Between `from` (inclusive) and `until` (exclusive), a message sent between nodes of different
 * groups is held and arrives at `until` + its delay at the earliest (the partition heals at `until`).
 * Nodes listed in no group form one group together.
 */
export interface Partition {
  from: Time;
  until: Time;
  groups: readonly (readonly NodeId[])[];
}

/** From `at` (inclusive) the node receives nothing; from `restartAt` on it receives again (its `restart` event first, if the simulation has one). */
export interface Crash {
  node: NodeId;
  at: Time;
  restartAt?: Time;
}

export interface NetworkModel {
  /** Global stabilisation time; absent: never. */
  gst?: Time;
  /** Bound on every delay from GST on (required with `gst`): a delay v becomes 1 + (max(v, 1) − 1) mod delta. */
  delta?: Time;
  /** Every link's behaviour, unless overridden. */
  link: Link;
  /** Overrides, applied in order (later ones win field by field). */
  links?: readonly LinkOverride[];
  partitions?: readonly Partition[];
  crashes?: readonly Crash[];
}

/** Throws a RangeError naming the field unless the model is well-formed. */
export function checkNetwork(m: NetworkModel): void {
  const nonNeg = (v: number | undefined, what: string) => {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new RangeError(`network: ${what} must be finite and ≥ 0, got ${v}`);
  };
  nonNeg(m.gst, "gst");
  if (m.gst !== undefined && !(Number.isInteger(m.delta) && m.delta! >= 1)) throw new RangeError(`network: delta must be an integer ≥ 1 with gst, got ${m.delta}`);
  for (const l of [m.link, ...(m.links ?? [])]) {
    if (l.loss !== undefined && !(l.loss >= 0 && l.loss <= 1)) throw new RangeError(`network: loss must be in [0, 1], got ${l.loss}`);
    nonNeg(l.slowBy, "slowBy");
    const d = l.delay;
    if (d === undefined) continue;
    if (typeof d === "number") nonNeg(d, "delay");
    else if ("script" in d) d.script.forEach((v, i) => nonNeg(v, `delay.script[${i}]`));
    else if (!(Number.isInteger(d.min) && Number.isInteger(d.max) && 0 <= d.min && d.min <= d.max)) throw new RangeError(`network: delay range must be integers 0 ≤ min ≤ max, got [${d.min}, ${d.max}]`);
  }
  for (const p of m.partitions ?? []) if (!(p.from <= p.until)) throw new RangeError(`network: a partition must have from ≤ until, got [${p.from}, ${p.until})`);
  for (const c of m.crashes ?? []) if (c.restartAt !== undefined && !(c.restartAt > c.at)) throw new RangeError(`network: node ${c.node} restarts at ${c.restartAt}, not after its crash at ${c.at}`);
}

/** The link from `from` to `to`: the default with every matching override applied in order. */
export function linkOf(m: NetworkModel, from: NodeId, to: NodeId): Link {
  let l = m.link;
  for (const o of m.links ?? []) {
    if ((o.from === undefined || o.from === from) && (o.to === undefined || o.to === to)) {
      const { from: _f, to: _t, ...fields } = o;
      l = { ...l, ...fields };
    }
  }
  return l;
}

const groupOf = (p: Partition, n: NodeId): number => p.groups.findIndex((g) => g.includes(n));

/** Whether `a` and `b` are on different sides of the partition. */
export const separated = (p: Partition, a: NodeId, b: NodeId): boolean => groupOf(p, a) !== groupOf(p, b);

/**
 * The arrival time of the `index`-th message sent on the network, from `from` to `to` at `now`, or
 * "lost". In order: the link's delay v (its script, constant or draw); before GST (always without
 * GST) loss (a scripted 0, or a draw below `loss`), then the delay is v + slowBy; from GST on it is
 * 1 + (max(v, 1) − 1) mod delta. Then every partition active at `now` that separates the two nodes
 * holds the message until its `until` + v' (v' the delay before slowBy).
 *
 * Draws: `"network/delay"` only for a range delay, `"network/loss"` only when 0 < loss < 1, so a model
 * without randomness consumes none.
 */
export function route(m: NetworkModel, streams: Streams, index: number, from: NodeId, to: NodeId, now: Time): Time | "lost" {
  const link = m.links?.length ? linkOf(m, from, to) : m.link;
  const d = link.delay;
  const v = typeof d === "number" ? d : "script" in d ? (d.script.length ? d.script[index % d.script.length]! : 1) : streams.stream("network/delay").between(d.min, d.max);
  let base: number;
  let at: number;
  if (m.gst === undefined || now < m.gst) {
    if (typeof d === "object" && "script" in d && v === 0) return "lost";
    const loss = link.loss ?? 0;
    if (loss >= 1 || (loss > 0 && streams.stream("network/loss").float() < loss)) return "lost";
    base = v;
    at = now + v + (link.slowBy ?? 0);
  } else {
    base = 1 + ((Math.max(v, 1) - 1) % m.delta!);
    at = now + base;
  }
  for (const p of m.partitions ?? []) if (now >= p.from && now < p.until && separated(p, from, to)) at = Math.max(at, p.until + base);
  return at;
}

/** Whether `node` is down at `time` (crashed and not yet restarted). */
export function isDown(m: NetworkModel, node: NodeId, time: Time): boolean {
  for (const c of m.crashes ?? []) if (c.node === node && time >= c.at && (c.restartAt === undefined || time < c.restartAt)) return true;
  return false;
}

/** The time from which the network is synchronous and unpartitioned (Infinity without GST). */
export const syncTime = (m: NetworkModel): Time => (m.gst === undefined ? Infinity : Math.max(m.gst, ...(m.partitions ?? []).map((p) => p.until)));
