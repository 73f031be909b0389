/**
 * The model suite beyond its vectors: the report reproduces what the paper prints, the signature
 * sizes come from the codec workload, the exact sampling count agrees with da's, calibration reads
 * the bench JSON schema, the charts regenerate byte for byte, and hostile parameter sets only ever
 * answer typed codes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSpecError } from "../../reference/common/errors.js";
import { samplesForConfidence } from "../../reference/da/index.js";
import {
  CalibrationInputError,
  checkParameters,
  computeCapacity,
  daSquare,
  evaluateModel,
  PAPER_PARAMETERS,
  parseRational,
  ratio,
  readMeasurements,
  roundSignificant,
  samplesForConfidenceExact,
  toExact,
  turbineHops,
  narwhalRound,
  type ParameterTexts,
} from "../../reference/model/index.js";
import { props, pwo, REPO } from "../harness/testing.js";
import { MODEL_INPUTS } from "./arbitraries.js";
import { CHART_BENCH, CHART_DIR, renderCharts } from "./charts.js";
import { applySets, buildReport, codecSignatureSizes, defaultReportInput, PAPER_PRINTED, renderText } from "./report.js";

const bench = JSON.parse(readFileSync(join(REPO, CHART_BENCH), "utf8"));

describe("pwo model report", () => {
  const report = buildReport(defaultReportInput());

  it("at the paper's parameters, every row the paper prints shows the paper's digits", () => {
    expect(report.atPaperParameters).toBe(true);
    const printed = report.paper.filter((r) => r.printed !== undefined);
    expect(printed.map((r) => r.key).sort()).toEqual(PAPER_PRINTED.map((p) => p.key).sort());
    for (const r of printed) {
      const [int, frac] = r.rounded.split(".");
      const grouped = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
      const digits = r.key === "sens_E_machine" ? "320k" : grouped;
      expect(r.printed, r.key).toContain(digits);
    }
  });

  it("prints the paper's column only at the paper's parameters", () => {
    const other = buildReport(applySets(defaultReportInput(), ["s_avg=100"]));
    expect(other.atPaperParameters).toBe(false);
    expect(other.paper.every((r) => r.printed === undefined)).toBe(true);
    expect(renderText(other)).not.toContain("the paper prints");
  });

  it("rejects an unknown --set name and a malformed one", () => {
    expect(() => applySets(defaultReportInput(), ["nope=1"])).toThrow(RangeError);
    expect(() => applySets(defaultReportInput(), ["s_avg"])).toThrow(RangeError);
  });

  it("takes s_avg from the codec workload: 101.8 and 37.87 B/tx (the codec benchmark's figures)", () => {
    const s = codecSignatureSizes();
    expect(roundSignificant(s.single, 4)).toBe("101.8");
    expect(roundSignificant(s.aggregate, 4)).toBe("37.87");
  });
});

describe("correction terms", () => {
  it("the paper's shard block is a k = 16 square, expansion 530080/80000", () => {
    const sq = daSquare(ratio(80_000));
    expect(sq.k).toBe(16);
    expect(toExact(sq.expansion)).toBe("6.626");
  });

  it("the exact sample count agrees with da's samplesForConfidence", () => {
    for (const k of [1, 2, 4, 16, 64, 128]) {
      for (const c of ["0.5", "0.9", "0.99", "0.999"]) expect(samplesForConfidenceExact(k, parseRational(c)!), `k=${k} c=${c}`).toBe(samplesForConfidence(k, Number(c)));
    }
  });

  it("Turbine hops and Narwhal message counts at their edges", () => {
    expect([1n, 2n, 201n, 202n, 40201n, 40202n].map((n) => turbineHops(n, 200n))).toEqual([1, 2, 2, 3, 3, 4]);
    const r = narwhalRound(4n, false);
    expect([r.quorum, r.messages, r.certificateSignatureBytes]).toEqual([3n, 36n, 192n]);
    expect(narwhalRound(4n, true).certificateSignatureBytes).toBe(97n);
  });
});

describe("calibration", () => {
  it("this machine's bench JSON satisfies the calibration schema", () => {
    const schema = JSON.parse(readFileSync(join(REPO, "conformance/model/bench.schema.json"), "utf8"));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(bench), JSON.stringify(validate.errors)).toBe(true);
  });

  it("reads every figure the model uses, and the machine count is the largest over the resources", () => {
    const m = readMeasurements(bench);
    expect(m.t_per_core.source).toMatch(/^suites\.exec\.figures\.independent\./);
    expect(m.s_avg_single && m.certificates_per_sec && m.da_square_MiBs).toBeTruthy();
    const cap = computeCapacity(checkParameters(PAPER_PARAMETERS), { committee: 4n, nicGbps: ratio(10), fec: ratio(2) }, m);
    const most = cap.rows.reduce((a, b) => (b.machines > a.machines ? b : a));
    expect(cap.machines).toBe(most.machines);
    expect(cap.binding).toBe(most.resource);
    for (const r of cap.rows) expect(toExact(cap.headroom[r.resource]!).startsWith("-")).toBe(false);
  });

  it("names what is missing or malformed", () => {
    expect(() => readMeasurements({ format: "other" })).toThrow(CalibrationInputError);
    const noCodec = { ...bench, suites: { ...bench.suites, codec: undefined } };
    expect(() => readMeasurements(noCodec)).toThrow(/bytesPerTx/);
    const bad = structuredClone(bench);
    bad.suites.bls.sizes[0].ours.perSec = -1;
    expect(() => readMeasurements(bad)).toThrow(/positive number/);
  });
});

describe("charts", () => {
  it("regenerate byte for byte (npm run model:charts)", () => {
    for (const [name, svg] of Object.entries(renderCharts(bench))) expect(svg, `${CHART_DIR}/${name}: run npm run model:charts`).toBe(readFileSync(join(REPO, CHART_DIR, name), "utf8"));
  });
});

describe("evaluate_model on hostile parameter sets", () => {
  it("answers an output or a typed model code, never another exception", () => {
    fc.assert(
      fc.property(MODEL_INPUTS.evaluate_model!, (input) => {
        try {
          const r = evaluateModel(input as unknown as ParameterTexts);
          // ⌈·⌉ and ⌊·⌋ bracket their exact values
          expect(r.rounded.total_machines * r.values.total_machines_exact.d >= r.values.total_machines_exact.n).toBe(true);
          expect(r.rounded.shards_per_machine_whole * r.values.shards_per_machine.d <= r.values.shards_per_machine.n).toBe(true);
        } catch (e) {
          if (!isSpecError(e, "model")) throw e;
        }
      }),
      props(300),
    );
  });
});

describe("pwo model (the CLI, from dist/)", () => {
  it("prints the paper's figures, the corrections and a calibration; --json carries the same exact values", () => {
    const text = pwo(["model", "--calibrate", CHART_BENCH]);
    expect(text.status, text.stderr).toBe(0);
    for (const s of ["157 machines (round up)", "≈ 410 Mbps", "~314 machines", "Corrections", "binds first"]) expect(text.stdout).toContain(s);
    const json = pwo(["model", "--json", "--set", "t_per_core=2500"]);
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { paper: { key: string; rounded: string }[] };
    expect(out.paper.find((r) => r.key === "total_machines")?.rounded).toBe("313");
  });

  it("answers a bad --set or a bad calibration file with status 2", () => {
    expect(pwo(["model", "--set", "cores_per_machine=0"]).status).toBe(2);
    expect(pwo(["model", "--set", "nope=1"]).status).toBe(2);
    expect(pwo(["model", "--calibrate", "package.json"]).status).toBe(2);
  });
});
