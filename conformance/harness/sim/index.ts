/**
 * The simulation core (see README.md in this folder): a seeded discrete-event scheduler, a network
 * model as data, labelled random streams, pure protocol machines, and a trace that checkers observe.
 * @module
 */
export * from "./machine.js";
export * from "./network.js";
export * from "./scheduler.js";
export * from "./simulation.js";
export * from "./streams.js";
export * from "./trace.js";
