/**
 * The simulation core's run loop: a {@link Scheduler}, a {@link NetworkModel}, labelled random
 * {@link Streams}, machines stepping on events, and checkers observing the trace.
 *
 * One step: pop the earliest event (scheduler order); skip it if its node is down
 * ({@link isDown}); step the node's machine; schedule its timers (`now + after`), then route each of
 * its sends to each destination in order ({@link route}, one network send index per destination,
 * lost ones included); append the step's {@link StepRecord} to the trace; let every checker observe
 * it, in the order given. The run ends when no event is left at or before `until`, or (by default) at
 * the first violation; then every checker's `finish` runs if none was found.
 * @module
 */
import type { AsyncMachine, Machine, Outputs } from "./machine.js";
import { checkNetwork, isDown, route, type NetworkModel } from "./network.js";
import { Scheduler, type NodeId, type Time } from "./scheduler.js";
import { Streams } from "./streams.js";
import type { Checker, Routed, StepRecord } from "./trace.js";

export interface SimulationConfig<E, M> {
  /** Node ids are 0 … nodes − 1. */
  nodes: number;
  network: NetworkModel;
  /** The label of the run's random streams ({@link Streams}). */
  seed: string;
  /** No event later than this time is delivered. */
  until: Time;
  /** The event a delivered message becomes at its destination. */
  receive(from: NodeId, message: M): E;
  /** The event a node gets when it restarts after a crash (none: it just receives again). */
  restart?: (node: NodeId) => E;
  /** Keep every step record in `trace` (checkers see them either way). */
  record?: boolean;
}

export interface RunResult<E, M, O, V> {
  violation: V | undefined;
  /** Steps taken (events processed). */
  steps: number;
  /** Network sends (one per destination), lost ones included. */
  sent: number;
  /** The time of the last event processed. */
  now: Time;
  /** The step records, with `record: true`. */
  trace: StepRecord<E, M, O>[];
}

export class Simulation<E, M, O, V> {
  readonly streams: Streams;
  readonly trace: StepRecord<E, M, O>[] = [];
  private readonly scheduler = new Scheduler<E>();
  now: Time = 0;
  steps = 0;
  sent = 0;

  constructor(
    readonly config: SimulationConfig<E, M>,
    private readonly checkers: readonly Checker<E, M, O, V>[],
  ) {
    if (!(Number.isSafeInteger(config.nodes) && config.nodes >= 1)) throw new RangeError(`simulation: nodes must be an integer ≥ 1, got ${config.nodes}`);
    checkNetwork(config.network);
    this.streams = new Streams(config.seed);
    // Restarts are scheduled first, so a node's restart precedes every other event of its time.
    if (config.restart) for (const c of config.network.crashes ?? []) if (c.restartAt !== undefined) this.schedule(c.restartAt, c.node, config.restart(c.node));
  }

  /** Schedules an event (the initial ones: before the run). */
  schedule(time: Time, node: NodeId, event: E): void {
    if (!(Number.isInteger(node) && node >= 0 && node < this.config.nodes)) throw new RangeError(`simulation: no node ${node} among ${this.config.nodes}`);
    this.scheduler.schedule(time, node, event);
  }

  /** The next event to process, or undefined when the run is over; events to a node that is down are dropped. */
  next(): { node: NodeId; event: E } | undefined {
    for (;;) {
      const q = this.scheduler.pop();
      if (!q || q.time > this.config.until) return undefined;
      this.now = q.time;
      if (isDown(this.config.network, q.node, q.time)) continue;
      return { node: q.node, event: q.event };
    }
  }

  /** Acts on a step's outputs (timers, then sends), records the step and returns the first violation a checker reports. */
  absorb(node: NodeId, event: E, outputs: Outputs<E, M, O>): V | undefined {
    const now = this.now;
    for (const t of outputs.timers ?? []) this.scheduler.schedule(now + t.after, node, t.event);
    const routed: Routed[][] = [];
    for (const s of outputs.sends ?? []) {
      const r: Routed[] = [];
      for (const to of s.to) {
        const index = this.sent++;
        const at = route(this.config.network, this.streams, index, node, to, now);
        r.push({ to, index, at });
        if (at !== "lost") this.scheduler.schedule(at, to, this.config.receive(node, s.message));
      }
      routed.push(r);
    }
    const record: StepRecord<E, M, O> = { step: this.steps++, time: now, node, event, outputs, routed };
    if (this.config.record) this.trace.push(record);
    for (const c of this.checkers) {
      const v = c.observe(record);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Ends the run: every checker's `finish`, unless a violation was already found. */
  result(violation: V | undefined): RunResult<E, M, O, V> {
    if (violation === undefined) {
      for (const c of this.checkers) {
        violation = c.finish(this.now);
        if (violation !== undefined) break;
      }
    }
    return { violation, steps: this.steps, sent: this.sent, now: this.now, trace: this.trace };
  }

  /** Runs in-process machines (one `init` per node id) to the end, or to the first violation unless `stopOnViolation` is false. */
  run<S>(machine: Machine<S, E, M, O>, stopOnViolation = true): RunResult<E, M, O, V> {
    const states = Array.from({ length: this.config.nodes }, (_, n) => machine.init(n));
    let violation: V | undefined;
    for (let e = this.next(); e; e = this.next()) {
      const { state, ...outputs } = machine.step(states[e.node]!, e.event, { node: e.node, now: this.now });
      states[e.node] = state;
      const v = this.absorb(e.node, e.event, outputs);
      if (v !== undefined && violation === undefined) {
        violation = v;
        if (stopOnViolation) break;
      }
    }
    return this.result(violation);
  }

  /** As {@link run}, with machines answering asynchronously (nodes in another process); stops at the first violation. */
  async runAsync<S>(machine: AsyncMachine<S, E, M, O>): Promise<RunResult<E, M, O, V>> {
    const states = Array.from({ length: this.config.nodes }, (_, n) => machine.init(n));
    for (let e = this.next(); e; e = this.next()) {
      const { state, ...outputs } = await machine.step(states[e.node]!, e.event, { node: e.node, now: this.now });
      states[e.node] = state;
      const v = this.absorb(e.node, e.event, outputs);
      if (v !== undefined) return this.result(v);
    }
    return this.result(undefined);
  }
}
