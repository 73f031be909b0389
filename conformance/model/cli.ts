/**
 * `pwo model [--calibrate FILE] [--set name=value]... [--json]` (spec/model.md §Report): the paper's
 * figures as the paper rounds them, the corrections side by side, and, with --calibrate, the
 * machines and headroom that a bench JSON's measured figures imply.
 * @module
 */
import { readFileSync } from "node:fs";
import { isSpecError } from "../../reference/common/errors.js";
import { CalibrationInputError, PARAMETER_NAMES, PARAMETERS, readMeasurements } from "../../reference/model/index.js";
import { UsageError, type Command } from "../harness/command.js";
import { applySets, buildReport, defaultReportInput, renderText, reportJson, SETTINGS } from "./report.js";

const USAGE = `pwo model [--calibrate FILE] [--set name=value]... [--json]

  Prints the seed paper's throughput model (§4–§5) as the paper rounds it, next to the paper's
  printed figures, then every correction term side by side with the figure it corrects.

  --calibrate FILE  a bench JSON (the last line of \`npm run bench -- --json\`, format pwo-bench/1,
                    or the same shape from another implementation: conformance/model/bench.schema.json);
                    prints machines, headroom and the binding resource the measured figures imply
  --set name=value  overrides a parameter or setting (decimal or n/d), repeatable
  --json            the report as JSON (exact values as decimal or n/d text)

parameters (paper §3):
${PARAMETER_NAMES.map((k) => `  ${k.padEnd(18)} ${PARAMETERS[k].paper.padStart(10)} ${PARAMETERS[k].unit.padEnd(10)} ${PARAMETERS[k].meaning}`).join("\n")}
settings (corrections, calibration):
${Object.entries(SETTINGS).map(([k, v]) => `  ${k.padEnd(18)} ${v.text.padStart(10)}            ${v.meaning}`).join("\n")}`;

export const modelCommand: Command = {
  summary: "the seed paper's throughput model, reproduced, corrected and calibrated by measurements",
  usage: USAGE,
  options: { calibrate: { type: "string" }, set: { type: "string", multiple: true }, json: { type: "boolean" } },
  async run(values) {
    let input = defaultReportInput();
    try {
      input = applySets(input, (values.set as string[] | undefined) ?? []);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (values.calibrate !== undefined) {
      const file = String(values.calibrate);
      let json: unknown;
      try {
        const text = readFileSync(file, "utf8").trim().split("\n").pop() ?? "";
        json = JSON.parse(text);
      } catch (e) {
        throw new UsageError(`--calibrate ${file}: ${(e as Error).message}`);
      }
      try {
        input.measurements = readMeasurements(json);
      } catch (e) {
        if (e instanceof CalibrationInputError) throw new UsageError(`--calibrate ${file}: ${e.message}`);
        throw e;
      }
    }
    let report;
    try {
      report = buildReport(input);
    } catch (e) {
      if (isSpecError(e, "model") || e instanceof RangeError) throw new UsageError((e as Error).message);
      throw e;
    }
    process.stdout.write(values.json === true ? `${JSON.stringify(reportJson(report), null, 2)}\n` : renderText(report));
    return 0;
  },
};
