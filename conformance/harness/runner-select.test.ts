/**
 * Runner ergonomics (issue 16): selecting operations and cases, running a subset of the vectors,
 * failures with their input and answers, the transcript, --declared-only, and the JSON Schema of
 * report.json. Each test runs `pwo conform` as a user does, on the cheap codec suite.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { type Manifest, sha256Hex, sha256sums } from "./manifest.js";
import { globMatcher } from "./runner.js";
import { pwo } from "./testing.js";
import type { VectorFile } from "./vectorfile.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pwo-select-"));
const PYTHON = "python3 examples/python-adapter/adapter.py";
const BROKEN = "python3 examples/python-adapter/broken_adapter.py";

interface Report {
  passed: boolean;
  pin: { matched: boolean; subset?: boolean };
  selection: { selected: number; of: number } | null;
  undeclared: string[];
  files: { file: string; declared: number; selected: number; passed: number; failed: number; skipped: number }[];
  cases: { key: string; status: string; kind?: string; input?: string; expected?: string; actual?: string }[];
}

function conform(args: string[]): { status: number | null; out: string; err: string; report: Report | undefined } {
  const file = join(tmp(), "r.json");
  const r = pwo(["conform", "--report-json", file, ...args]);
  let report: Report | undefined;
  try {
    report = JSON.parse(readFileSync(file, "utf8")) as Report;
  } catch {
    report = undefined;
  }
  return { status: r.status, out: r.stdout, err: r.stderr, report };
}

const manifest = (dir = "vectors"): Manifest => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
const vectorFile = (path: string): VectorFile => JSON.parse(readFileSync(join("vectors", path), "utf8")) as VectorFile;
const codecFiles = () => manifest().files.filter((f) => f.suite === "codec" && f.kind === "vectors");

/** A vectors directory holding only the codec suite, with its own manifest (a subset of the pinned one). */
function codecSubset(): string {
  const dir = tmp();
  cpSync("vectors/codec", join(dir, "codec"), { recursive: true });
  mkdirSync(join(dir, "schemas"));
  cpSync("vectors/schemas/codec", join(dir, "schemas/codec"), { recursive: true });
  const m = manifest();
  m.files = m.files.filter((f) => f.suite === "codec");
  writeManifest(dir, m);
  return dir;
}

function writeManifest(dir: string, m: Manifest): void {
  m.totalCases = m.files.reduce((n, f) => n + f.cases, 0);
  m.root = sha256Hex(sha256sums(m.files));
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(m, null, 2)}\n`);
}

/** The broken adapter's run, shared by the tests that read its failures. */
let brokenRun: ReturnType<typeof conform> | undefined;
const broken = () => (brokenRun ??= conform(["--impl", BROKEN, "--suite", "codec"]));

describe("pwo conform: selection", () => {
  it("globMatcher: * spans any characters (/ and # too), ? one, the rest literal, whole key", () => {
    const m = globMatcher("codec/*#1?");
    expect(m("codec/decode_tx.json#12")).toBe(true);
    expect(m("codec/decode_tx.json#1")).toBe(false);
    expect(m("codec/decode_tx.json#123")).toBe(false);
    expect(m("da/rs_encode.json#12")).toBe(false);
    expect(globMatcher("codec/decode_tx.json#1")("codec/decode_txXjson#1")).toBe(false); // "." is literal
    expect(globMatcher("*")("bls/sign.json#3")).toBe(true);
    expect(globMatcher("codec/*_tx.json#*")("codec/decode_tx.json#3")).toBe(true);
    expect(globMatcher("*a*b")("xaxbxb")).toBe(true); // the star backtracks to a later "b"
    expect(globMatcher("*a*b")("xaxbxa")).toBe(false);
    expect(globMatcher(`${"*a".repeat(40)}x`)("a".repeat(80))).toBe(false); // no exponential backtracking
  });

  it("--operation (suite/op or op) runs exactly those files, each fully accounted", () => {
    const { status, report } = conform(["--impl", "pwo serve", "--operation", "codec/decode_tx", "--operation", "encode_varint", "--quiet"]);
    expect(status).toBe(0);
    expect(report!.files.map((f) => f.file).sort()).toEqual(["codec/decode_tx.json", "codec/encode_varint.json"]);
    for (const f of report!.files) expect([f.selected, f.passed]).toEqual([f.declared, f.declared]);
    expect(report!.selection!.selected).toBe(report!.cases.length);
    expect(report!.selection!.of).toBe(manifest().totalCases);
  });

  it("--case and --filter run the named and matching cases; accounts count the selected cases against the manifest's", () => {
    const one = conform(["--impl", "pwo serve", "--case", "codec/decode_tx.json#12", "--case", "codec/decode_varint.json#3", "--quiet"]);
    expect(one.status).toBe(0);
    expect(one.report!.cases.map((c) => c.key).sort()).toEqual(["codec/decode_tx.json#12", "codec/decode_varint.json#3"]);
    const tx = one.report!.files.find((f) => f.file === "codec/decode_tx.json")!;
    expect([tx.declared, tx.selected, tx.passed]).toEqual([vectorFile("codec/decode_tx.json").numberOfTests, 1, 1]);

    const glob = conform(["--impl", "pwo serve", "--suite", "codec", "--filter", "codec/*#1?", "--quiet"]);
    expect(glob.status).toBe(0);
    const want = codecFiles().flatMap((f) => vectorFile(f.path).tests.filter((t) => t.tcId >= 10 && t.tcId <= 19).map((t) => `${f.path}#${t.tcId}`));
    expect(glob.report!.cases.map((c) => c.key).sort()).toEqual(want.sort());
  });

  it("a selector matching nothing is a setup error (status 2) naming what exists, never a pass of zero cases", () => {
    const cases: [string[], RegExp][] = [
      [["--operation", "codec/decode_nothing"], /unknown operation "codec\/decode_nothing"; the selected suites have .*codec\/decode_tx/],
      [["--case", "codec/decode_tx.json#9999"], /has no tcId 9999; its tcIds are 1…\d+/],
      [["--case", "codec/nothing.json#1"], /no vector file "codec\/nothing.json"; the selected suites have .*codec\/decode_tx.json/],
      [["--filter", "codec/zz*"], /--filter "codec\/zz\*" matches no case key/],
      [["--operation", "encode_tx", "--case", "codec/decode_tx.json#1"], /keeps no case/],
    ];
    for (const [args, message] of cases) {
      const r = conform(["--impl", "pwo serve", "--suite", "codec", ...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.report).toBeUndefined();
    }
  });

  it("a selection does not narrow the integrity check: a tampered file outside it still stops the run", () => {
    const dir = tmp();
    cpSync("vectors", dir, { recursive: true });
    const path = join(dir, "da/rs_encode.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"tcId": 1,', '"tcId": 1, '));
    const r = conform(["--impl", "pwo serve", "--vectors", dir, "--case", "codec/decode_tx.json#1"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("da/rs_encode.json: sha256");
  });
});

describe("pwo conform: a --vectors subset", () => {
  it("runs a directory holding only some pinned files, without --allow-unpinned, reported as a pinned subset", () => {
    const r = conform(["--impl", "pwo serve", "--vectors", codecSubset()]);
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain("a subset of the pinned vectors");
    expect(r.report!.pin).toMatchObject({ matched: false, subset: true });
    expect(r.report!.cases.length).toBe(codecFiles().reduce((n, f) => n + f.cases, 0));
  });

  it("refuses a subset whose file differs from the pinned one, even with a manifest recomputed to match", () => {
    const dir = codecSubset();
    const path = join(dir, "codec/decode_tx.json");
    const text = readFileSync(path, "utf8").replace(/"comment": "[^"]*"/, '"comment": "edited"');
    writeFileSync(path, text);
    const m = manifest(dir);
    m.files.find((f) => f.path === "codec/decode_tx.json")!.sha256 = sha256Hex(text);
    writeManifest(dir, m);
    const r = conform(["--impl", "pwo serve", "--vectors", dir, "--quiet"]);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/nor a subset of them \(codec\/decode_tx.json: sha256 [0-9a-f]{64} is not the pinned/);
    const anyway = conform(["--impl", "pwo serve", "--vectors", dir, "--quiet", "--allow-unpinned"]);
    expect(anyway.status).toBe(0);
    expect(anyway.report!.pin).toMatchObject({ matched: false, subset: false });
  });
});

describe("pwo conform: failures, transcript, --declared-only", () => {
  it("a failed case carries its input, the expected and the actual answer, in report.json and the text report", () => {
    const { status, report } = broken();
    expect(status).toBe(1);
    const failed = report!.cases.filter((c) => c.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    const varint = failed.find((c) => c.key.startsWith("codec/decode_varint.json#"))!;
    const tcId = Number(varint.key.split("#")[1]);
    const t = vectorFile("codec/decode_varint.json").tests.find((x) => x.tcId === tcId) as { input: unknown; error: string };
    expect(varint.input).toBe(JSON.stringify(t.input));
    expect(varint.expected).toBe(JSON.stringify({ error: t.error }));
    expect(JSON.parse(varint.actual!)).toHaveProperty("output");
    for (const c of failed) for (const s of [c.input, c.expected, c.actual]) expect(s!.length).toBeLessThanOrEqual(230);
    for (const c of report!.cases.filter((c) => c.status !== "failed")) expect(c.input ?? c.expected ?? c.actual).toBeUndefined();
    const first = failed[0]!;
    expect(broken().out).toContain(`✗ ${first.key} [${first.kind}]`);
    expect(broken().out).toContain(`      input:    ${first.input}\n      expected: ${first.expected}\n      actual:   ${first.actual}\n`);
  });

  it("--transcript records the hello and every request with its answer, timestamped, replayable by hand", () => {
    const file = join(tmp(), "t.jsonl");
    const r = pwo(["conform", "--impl", "pwo serve", "--operation", "codec/decode_varint", "--transcript", file, "--quiet"]);
    expect(r.status).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { t: number; event: string; line?: string; key?: string });
    const requests = lines.filter((l) => l.event === "request");
    const answers = lines.filter((l) => l.event === "answer");
    const file0 = vectorFile("codec/decode_varint.json");
    expect(requests.length).toBe(file0.numberOfTests + 1); // the hello, then one per case
    expect(answers.length).toBe(requests.length);
    expect(JSON.parse(requests[0]!.line!)).toMatchObject({ type: "hello" });
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.t).toBeGreaterThanOrEqual(lines[i - 1]!.t);
    for (const t of file0.tests) {
      const req = requests.find((q) => q.key === `codec/decode_varint.json#${t.tcId}`)!;
      expect(JSON.parse(req.line!)).toMatchObject({ suite: "codec", operation: "decode_varint", input: t.input });
    }
  });

  it("--declared-only hides undeclared suites, files and operations from tables and totals; without it they collapse", () => {
    const undeclared = codecFiles().map((f) => f.path.replace(/\.json$/, "")).filter((op) => !["codec/decode_varint", "codec/encode_varint", "codec/decode_tx", "codec/encode_tx", "codec/decode_block", "codec/encode_block"].includes(op));
    const plain = pwo(["conform", "--impl", PYTHON, "--suite", "codec", "--suite", "da"]).stdout;
    expect(plain).toContain(`(${undeclared.length} file(s) entirely skipped)`);
    expect(plain).toMatch(/suite da: \d+ file\(s\), \d+ cases, all skipped/);
    expect(plain).not.toContain("codec/compress.json");
    const hidden = pwo(["conform", "--impl", PYTHON, "--suite", "codec", "--suite", "da", "--declared-only"]);
    expect(hidden.status).toBe(0);
    expect(hidden.stdout).not.toContain("suite da");
    expect(hidden.stdout).not.toContain("entirely skipped");
    expect(hidden.stdout).toMatch(new RegExp(`\\d+ operation\\(s\\) not declared \\(hidden: --declared-only\\): .*${undeclared[0]}`));
    expect(hidden.stdout).toMatch(/PASS: (\d+) passed, 0 failed, 0 skipped of \1 cases of declared operations \(\d+ cases of \d+ undeclared/);
  });
});

describe("report.json schema (docs/conform-report.schema.json)", () => {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }) // strictRequired: the if/then names properties defined beside it;
  const validate = ajv.compile(JSON.parse(readFileSync("docs/conform-report.schema.json", "utf8")) as object);

  it("accepts the reports of a passing and of a failing run, and rejects a report missing a field", () => {
    const pass = conform(["--impl", "pwo serve", "--suite", "codec", "--quiet"]);
    expect(pass.status).toBe(0);
    for (const r of [pass.report, broken().report]) expect(validate(r), ajv.errorsText(validate.errors)).toBe(true);
    const { cases, ...rest } = broken().report!;
    expect(validate(rest)).toBe(false);
    const failed = cases.find((c) => c.status === "failed")!;
    expect(validate({ ...broken().report!, cases: [{ ...failed, status: "passed" }] })).toBe(false); // input/expected/actual only on failures
  });
});
