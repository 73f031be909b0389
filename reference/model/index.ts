/**
 * The seed paper's throughput model (spec/model.md): parameters, the §4–§5 steps in exact
 * arithmetic, the corrections the paper leaves out, and calibration from measured figures.
 * @module
 */
export * from "./rational.js";
export * from "./constants.js";
export { MODEL_REASONS, type ModelReason } from "./errors.js";
export * from "./params.js";
export * from "./model.js";
export * from "./corrections.js";
export * from "./calibrate.js";
export * from "./signatures.js";
