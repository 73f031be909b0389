/**
 * fast-check arbitraries of the model's inputs: well-formed parameter sets most of the time, hostile
 * texts (non-finite, negative, huge, non-integer counts) the rest, for the property tests and `pwo fuzz`.
 * @module
 */
import fc from "fast-check";
import { MAX_PARAMETER, PARAMETER_NAMES, PARAMETERS } from "../../reference/model/index.js";
import type { JsonObject } from "../harness/operation.js";

const decimal = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.nat(6)).map(([n, places]) => {
  const s = n.toString().padStart(places + 1, "0");
  const text = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  return text.replace(/^0+(?=\d)/, "");
});
const fraction = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([n, d]) => `${n}/${d}`);
const hostile = fc.oneof(
  fc.constantFrom("NaN", "Infinity", "-1", "0", "-0", "1e9", "1.5", "", " 1", (MAX_PARAMETER + 1n).toString(), "1/0"),
  fc.string({ maxLength: 45 }),
);

/** One parameter text: a count for counts, else a decimal or fraction; hostile one time in eight. */
const parameterText = (integer: boolean) => fc.oneof({ weight: 7, arbitrary: integer ? fc.integer({ min: 1, max: 5000 }).map(String) : fc.oneof(decimal, fraction) }, { weight: 1, arbitrary: hostile });

export const parametersArb: fc.Arbitrary<JsonObject> = fc.record(Object.fromEntries(PARAMETER_NAMES.map((p) => [p, parameterText(PARAMETERS[p].integer)])) as Record<string, fc.Arbitrary<string>>);

export const MODEL_INPUTS: Record<string, fc.Arbitrary<JsonObject>> = {
  evaluate_model: parametersArb,
  narwhal_round: fc.record({ validators: fc.oneof(fc.integer({ min: 1, max: 5000 }).map(String), hostile) }),
  turbine_hops: fc.record({ validators: fc.oneof(fc.integer({ min: 1, max: 10 ** 9 }).map(String), hostile), fanout: fc.oneof(fc.integer({ min: 1, max: 400 }).map(String), hostile) }),
  da_sampling: fc.record({ block_bytes: fc.oneof(decimal, hostile), confidence: fc.oneof(fc.constantFrom("0", "0.5", "0.9", "0.99", "0.999999"), hostile) }),
};
