/**
 * The discrete-event scheduler of the simulation core.
 *
 * **Order of events (normative: vectors depend on it).** Events are delivered in ascending time;
 * events of equal time in the order they were scheduled (first scheduled, first delivered). The
 * scheduling order is itself fixed by the core: the initial events in the order the caller gives
 * them, then, for every step, the step's timers in output order, then its sends in output order,
 * each send's destinations in the order listed (see `Simulation.absorb` in simulation.ts). No other
 * tie-break exists, so a run is a function of its inputs alone.
 * @module
 */

/** Simulated time: any finite number ≥ 0; protocols in this project use integer time units. */
export type Time = number;
/** A node of the simulated network: its index in the simulation's node list. */
export type NodeId = number;

/** One scheduled delivery: `event` to `node` at `time`; `seq` is the scheduling order. */
export interface Scheduled<E> {
  time: Time;
  seq: number;
  node: NodeId;
  event: E;
}

const before = <E>(a: Scheduled<E>, b: Scheduled<E>): boolean => a.time < b.time || (a.time === b.time && a.seq < b.seq);

/** A binary min-heap on (time, seq): O(log n) per schedule and per pop. */
export class Scheduler<E> {
  private readonly heap: Scheduled<E>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `event` for `node` at `time`; throws a RangeError on a time that is not finite and ≥ 0. */
  schedule(time: Time, node: NodeId, event: E): void {
    if (!(time >= 0 && Number.isFinite(time))) throw new RangeError(`schedule: time must be finite and ≥ 0, got ${time}`);
    const h = this.heap;
    h.push({ time, seq: this.seq++, node, event });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The earliest event (ties: the first scheduled), without removing it. */
  peek(): Scheduled<E> | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest event (ties: the first scheduled). */
  pop(): Scheduled<E> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
