/**
 * The trace of a run: one {@link StepRecord} per event a node processed, in processing order. It is
 * the only thing checkers see ({@link Checker}): they observe records, never machines or the network,
 * and no machine can see a checker. A trace replays (the same inputs give the same outputs,
 * {@link replay}) and shrinks ({@link shrinkInputs}).
 * @module
 */
import type { Machine, Outputs } from "./machine.js";
import type { NodeId, Time } from "./scheduler.js";

/** Where one destination of a send went: its arrival time or "lost". */
export interface Routed {
  to: NodeId;
  /** The send's index on the whole network (the index scripts and draws are keyed by). */
  index: number;
  at: Time | "lost";
}

export interface StepRecord<E, M, O> {
  /** Position in the trace, from 0. */
  step: number;
  time: Time;
  node: NodeId;
  event: E;
  outputs: Outputs<E, M, O>;
  /** Per send of `outputs.sends` (same order), where each destination went. */
  routed: readonly (readonly Routed[])[];
}

/** An invariant checker: observes each record, then the end of the run; returns the first violation it sees. */
export interface Checker<E, M, O, V> {
  observe(r: StepRecord<E, M, O>): V | undefined;
  finish(time: Time): V | undefined;
}

/** One input of a run as a replay needs it: which node got which event at what time. */
export interface TraceInput<E> {
  time: Time;
  node: NodeId;
  event: E;
}

export const inputsOf = <E, M, O>(trace: readonly StepRecord<E, M, O>[]): TraceInput<E>[] => trace.map(({ time, node, event }) => ({ time, node, event }));

/**
 * Feeds `inputs` to fresh machines (one per node id below `nodes`), in order, without a network: the
 * outputs are recorded, not routed. Checkers observe every record; the first violation stops the
 * replay. Replaying a run's own inputs reproduces its outputs exactly (the machines are pure), which
 * is how a counterexample is re-checked without its scheduler.
 */
export function replay<S, E, M, O, V>(machine: Machine<S, E, M, O>, nodes: number, inputs: readonly TraceInput<E>[], checkers: readonly Checker<E, M, O, V>[] = []): { records: StepRecord<E, M, O>[]; violation: V | undefined } {
  const states = Array.from({ length: nodes }, (_, n) => machine.init(n));
  const records: StepRecord<E, M, O>[] = [];
  let last = 0;
  for (const [step, x] of inputs.entries()) {
    if (!(x.node >= 0 && x.node < nodes)) throw new RangeError(`replay: input ${step} is for node ${x.node}, not below ${nodes}`);
    const { state, ...outputs } = machine.step(states[x.node]!, x.event, { node: x.node, now: x.time });
    states[x.node] = state;
    const r: StepRecord<E, M, O> = { step, time: x.time, node: x.node, event: x.event, outputs, routed: [] };
    records.push(r);
    last = x.time;
    for (const c of checkers) {
      const v = c.observe(r);
      if (v !== undefined) return { records, violation: v };
    }
  }
  for (const c of checkers) {
    const v = c.finish(last);
    if (v !== undefined) return { records, violation: v };
  }
  return { records, violation: undefined };
}

/**
 * Shrinks a failing input sequence: removes chunks of inputs (halves, then quarters, down to single
 * inputs, as in Zeller's ddmin) while `fails` still holds of what remains, and returns a sequence from
 * which no single input can be removed. `fails` is called at most `budget` times.
 *
 * A removed message delivery is a lost message; a removed timer a timer that never fired. A message
 * kept is delivered as recorded even if the step that sent it was removed: the shrunk trace is a
 * schedule an adversary replaying recorded messages could produce.
 */
export function shrinkInputs<E>(inputs: readonly TraceInput<E>[], fails: (inputs: readonly TraceInput<E>[]) => boolean, budget = 10_000): TraceInput<E>[] {
  let cur = [...inputs];
  let calls = 0;
  for (let chunk = Math.max(1, cur.length >> 1); chunk >= 1; chunk = chunk === 1 ? 0 : Math.max(1, chunk >> 1)) {
    let removed = true;
    while (removed) {
      removed = false;
      for (let i = 0; i < cur.length && calls < budget; ) {
        const candidate = [...cur.slice(0, i), ...cur.slice(i + chunk)];
        calls++;
        if (candidate.length < cur.length && fails(candidate)) {
          cur = candidate;
          removed = true;
        } else i += chunk;
      }
    }
  }
  return cur;
}
