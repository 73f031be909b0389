/**
 * How a protocol plugs into the simulation core: a node is a state machine
 * `(state, event) → (state, outputs)`. The core owns time, the network and the order of events; the
 * machine owns nothing but its state. Outputs are data the core acts on:
 *
 * - `timers`: an event the core delivers back to the same node `after` time units;
 * - `sends`: a message to a list of nodes, routed by the network model (delayed, lost, held by a
 *   partition) and delivered as the event `receive(from, message)`;
 * - `observations`: protocol facts the core does not interpret (a commit, a decoded block, an
 *   aggregate), written to the trace for the checkers.
 *
 * A machine may update its state in place and return the same object (the consensus reference node
 * does): the core never reads a state after passing it to `step`, and gives each node its own.
 * @module
 */
import type { NodeId, Time } from "./scheduler.js";

export interface Timer<E> {
  after: Time;
  event: E;
}

export interface Send<M> {
  /** Destinations in delivery-scheduling order; an empty list sends nothing but is still observed. */
  to: readonly NodeId[];
  message: M;
}

/** A step's outputs, acted on in this order: timers, then sends (each in list order). */
export interface Outputs<E, M, O> {
  timers?: readonly Timer<E>[];
  sends?: readonly Send<M>[];
  observations?: readonly O[];
}

export interface Stepped<S, E, M, O> extends Outputs<E, M, O> {
  state: S;
}

/** What a machine may know of the run when it steps: the clock and its own id. */
export interface StepContext {
  node: NodeId;
  now: Time;
}

/** A protocol node, pure: `step(state, event) → (state, outputs)`. */
export interface Machine<S, E, M, O> {
  init(node: NodeId): S;
  step(state: S, event: E, ctx: StepContext): Stepped<S, E, M, O>;
}

/** The same, answering asynchronously: a node in another process (the adapter protocol). */
export interface AsyncMachine<S, E, M, O> {
  init(node: NodeId): S;
  step(state: S, event: E, ctx: StepContext): Promise<Stepped<S, E, M, O>>;
}
