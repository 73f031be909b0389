/** The model's closed vocabulary of reason codes (spec/model.md §Reason codes). */
import { errorFactory } from "../common/errors.js";

export const MODEL_REASONS = {
  NOT_A_NUMBER: "a parameter is not a finite number written as a decimal or n/d of at most MAX_PARAMETER_CHARS characters",
  PARAMETER_TOO_LARGE: "a parameter exceeds MAX_PARAMETER",
  NEGATIVE_PARAMETER: "a parameter is negative",
  ZERO_PARAMETER: "a parameter is zero",
  NOT_AN_INTEGER: "a count parameter (shards, cores, transactions per block, shards subscribed, committee or validator count) is not an integer",
  SHARDS_EXCEED_TARGET: "more shards than transactions per second: a shard would carry less than one transaction per second",
  SUBSCRIBED_EXCEED_SHARDS: "a node subscribes to more shards than there are",
  CONFIDENCE_NOT_BELOW_ONE: "a target detection probability of 1 or more, which no finite number of samples reaches",
} as const;

export type ModelReason = keyof typeof MODEL_REASONS;

export const fail = errorFactory("model", MODEL_REASONS);
