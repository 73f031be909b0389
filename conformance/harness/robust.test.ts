/**
 * Issue 15's findings against the harness, one test each: `pwo serve` bounds every request (line,
 * depth, elements, quoted values, session order), and the runner cannot be talked around by a
 * tampered-and-rehashed vectors directory or by answers with duplicate keys.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUITES } from "../suites.js";
import { scanJson } from "./json.js";
import { MANIFEST, type Manifest, sha256Hex, sha256sums } from "./manifest.js";
import { LIMITS } from "./protocol.js";
import { boundedLines, makeAnswerer } from "./serve.js";
import { PWO, REPO, pwo } from "./testing.js";

const HELLO = JSON.stringify({ type: "hello", protocol: 1 });
const session = () => {
  const a = makeAnswerer(SUITES, "test");
  a(HELLO);
  return a;
};
const req = (id: number, suite: string, operation: string, input: unknown) => JSON.stringify({ id, suite, operation, input });
const codeOf = (r: unknown) => (r as { error?: { code: string } }).error?.code;
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

describe("scanJson", () => {
  it("finds a repeated key, also when written with escapes, at any depth", () => {
    expect(scanJson('{"a":1,"b":{"c":1,"c":2}}', { maxDepth: 64, maxItems: 10 })).toMatchObject({ ok: false, why: 'duplicate key "c"' });
    expect(scanJson('{"id":1,"\\u0069d":2}', { maxDepth: 64, maxItems: 10 })).toMatchObject({ ok: false, why: 'duplicate key "id"' });
    expect(scanJson('{"a":"{\\"a\\":1}","b":["a","a"]}', { maxDepth: 64, maxItems: 10 })).toMatchObject({ ok: true, items: 2 });
  });
  it("stops at the depth and element limits, and reads the top-level id without parsing", () => {
    expect(scanJson(`{"id":7,"x":${deep(100)}}`, { maxDepth: 64, maxItems: 10 })).toMatchObject({ ok: false, id: "7" });
    expect(scanJson('{"x":[[1,2],[],[{"a":[3]}]],"id":12}', { maxDepth: 64, maxItems: 100 })).toEqual({ ok: true, depth: 5, items: 7, id: "12" });
    expect(scanJson(`{"id":3,"x":[${"0,".repeat(20)}0]}`, { maxDepth: 64, maxItems: 20 })).toMatchObject({ ok: false, why: "more than 20 array elements", id: "3" });
  });
});

describe("pwo serve: bounded answers", () => {
  it("refuses requests before the hello, a second hello and a repeated id (docs/adapter-protocol.md §Session)", () => {
    const a = makeAnswerer(SUITES, "test");
    const r = req(1, "codec", "encode_varint", { value: "5" });
    expect(a(r)).toMatchObject({ id: 1, error: { code: "BAD_REQUEST" } });
    expect(a(HELLO)).toMatchObject({ type: "hello" });
    expect(a(HELLO)).toMatchObject({ error: { code: "BAD_REQUEST" } });
    expect(a(req(2, "codec", "encode_varint", { value: "5" }))).toEqual({ id: 2, output: { data: "05" } });
    expect(a(req(2, "codec", "encode_varint", { value: "6" }))).toMatchObject({ id: 2, error: { code: "BAD_REQUEST" } });
  });

  it("answers BAD_INPUT for what the schema forbids: unknown fields, wrong types, nested values", () => {
    const a = session();
    expect(codeOf(a(req(1, "codec", "encode_varint", { value: "5", extra: 1 })))).toBe("BAD_INPUT");
    expect(codeOf(a(req(2, "codec", "decode_varint", { data: "00", bits: 33 })))).toBe("BAD_INPUT");
    expect(codeOf(a(req(3, "codec", "decode_varint", { data: 5, bits: 32 })))).toBe("BAD_INPUT");
  });

  it("answers BAD_INPUT, not INTERNAL, to a number, decimal or enum field nested 5000 deep", () => {
    const a = session();
    const lines = [
      `{"id":1,"suite":"codec","operation":"encode_varint","input":{"value":${deep(5000)}}}`,
      `{"id":2,"suite":"codec","operation":"decode_varint","input":{"data":"00","bits":${deep(5000)}}}`,
      `{"id":3,"suite":"codec","operation":"workload","input":{"seed":"s","blocks":1,"txsPerBlock":1,"sigMode":${deep(5000)}}}`,
      `{"id":4,"suite":"codec","operation":"decode_varint","input":{"data":"00","bits":${deep(60)}}}`,
    ];
    for (const l of lines) expect(codeOf(a(l))).toBe("BAD_INPUT");
  });

  it("quotes at most a short prefix of an offending value", () => {
    const a = session();
    const big = "x".repeat(20 * 1024 * 1024);
    const answers = [a(req(1, "codec", "encode_varint", { value: big })), a(req(2, "codec", "decode_tx", { data: big })), a(req(3, "codec", "workload", { seed: "s", blocks: 1, txsPerBlock: 1, sigMode: big }))];
    for (const r of answers) {
      expect(codeOf(r)).toBe("BAD_INPUT");
      expect(JSON.stringify(r).length).toBeLessThan(LIMITS.maxMessage + 100);
    }
  });

  it("refuses more than LIMITS.maxItems array elements before decoding any (three million empty strings)", () => {
    const a = session();
    const line = `{"id":1,"suite":"bls","operation":"aggregate","input":{"signatures":[${'"",'.repeat(3_000_000)}""]}}`;
    expect(a(line)).toMatchObject({ id: 1, error: { code: "BAD_INPUT", message: `more than ${LIMITS.maxItems} array elements` } });
  });

  it("splits lines with a limit: a longer line is one null, then the stream goes on", async () => {
    async function* chunks() {
      yield Buffer.from("ab\ncdefghij");
      yield Buffer.from("klmn\nop");
      yield Buffer.from("\nq");
    }
    const got: (string | null)[] = [];
    for await (const l of boundedLines(chunks(), 5)) got.push(l);
    expect(got).toEqual(["ab", null, "op", "q"]);
  });

  it("answers a 20 MiB line with BAD_REQUEST instead of crashing, then serves the next request", () => {
    const input = `${HELLO}\n{"id":1,"input":"${"a".repeat(20 * 1024 * 1024)}"}\n${req(2, "codec", "encode_varint", { value: "300" })}\n`;
    const r = spawnSync(process.execPath, [PWO, "serve"], { cwd: REPO, input, encoding: "utf8", maxBuffer: 1 << 20 });
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id?: number; error?: { code: string; message: string } });
    expect(r.status).toBe(0);
    expect(lines.length).toBe(3);
    expect(lines[1]).toEqual({ error: { code: "BAD_REQUEST", message: `request line longer than ${LIMITS.maxRequestLine} bytes: discarded` } });
    expect(lines[2]).toEqual({ id: 2, output: { data: "ac02" } });
  });
});

/** A copy of the package's vectors with `tamper` applied to the codec suite, manifest recomputed so every sum agrees. */
function tampered(tamper: (dir: string, m: Manifest) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "pwo-tamper-"));
  cpSync(join(REPO, "vectors"), dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  tamper(dir, m);
  for (const f of m.files) {
    try {
      f.sha256 = sha256Hex(readFileSync(join(dir, f.path)));
    } catch {
      /* a path outside or missing: left as the tamperer wrote it */
    }
  }
  m.root = sha256Hex(sha256sums(m.files));
  m.totalCases = m.files.reduce((n, f) => n + f.cases, 0);
  writeFileSync(join(dir, MANIFEST), JSON.stringify(m));
  return dir;
}

/** Rewrites one vector file of the copy, keeping the manifest's count in step. */
function rewrite(dir: string, m: Manifest, path: string, edit: (v: { numberOfTests: number; tests: { tcId: number; result: string }[] }) => void): void {
  const v = JSON.parse(readFileSync(join(dir, path), "utf8"));
  edit(v);
  writeFileSync(join(dir, path), JSON.stringify(v));
  const e = m.files.find((f) => f.path === path)!;
  e.cases = v.tests.length;
}

const conformOn = (dir: string, extra: string[] = []) => pwo(["conform", "--impl", "pwo serve", "--suite", "codec", "--vectors", dir, "--quiet", ...extra]);

describe("pwo conform on a tampered, rehashed vectors directory", () => {
  const removeInvalid = (dir: string, m: Manifest) =>
    rewrite(dir, m, "codec/decode_tx.json", (v) => {
      v.tests = v.tests.filter((t) => t.result !== "invalid");
      v.numberOfTests = v.tests.length;
    });

  it("stops with status 2 when invalid cases were removed (the root is not the pinned one)", () => {
    const r = conformOn(tampered(removeInvalid));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not the expected [0-9a-f]{64}/);
  });

  it("runs it with --allow-unpinned and says UNPINNED; --expect-root pins another root", () => {
    const dir = tampered(removeInvalid);
    const r = conformOn(dir, ["--allow-unpinned"]);
    expect(r.status).toBe(0);
    const full = pwo(["conform", "--impl", "pwo serve", "--suite", "codec", "--vectors", dir, "--allow-unpinned"]);
    expect(full.stdout).toMatch(/UNPINNED \(--allow-unpinned\): manifest root [0-9a-f]{64} is not the expected/);
    const root = (JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest).root;
    expect(conformOn(dir, ["--expect-root", root]).status).toBe(0);
  });

  const stops: Record<string, [(dir: string, m: Manifest) => void, RegExp]> = {
    "a vector file relabelled as a schema (it would never run)": [(_d, m) => Object.assign(m.files.find((f) => f.path === "codec/decode_tx.json")!, { kind: "schema", cases: 0 }), /must be schemas\/codec/],
    "a vector file relabelled to another suite": [(_d, m) => Object.assign(m.files.find((f) => f.path === "codec/decode_tx.json")!, { suite: "bls" }), /must be bls\/<operation>\.json/],
    "a file listed twice": [(_d, m) => m.files.push({ ...m.files.find((f) => f.path === "codec/decode_tx.json")! }), /listed twice/],
    "a path outside the directory (../outside.json)": [
      (d, m) => {
        writeFileSync(join(d, "..", "outside.json"), "{}");
        m.files.push({ path: "../outside.json", sha256: sha256Hex("{}"), cases: 0, kind: "schema", suite: "codec" });
      },
      /"\.\.\/outside\.json": not a path inside the vectors directory/,
    ],
    "an absolute path (/etc/hostname)": [(_d, m) => m.files.push({ path: "/etc/hostname", sha256: "0".repeat(64), cases: 0, kind: "schema", suite: "codec" }), /not a path inside/],
    "a repeated tcId": [(d, m) => rewrite(d, m, "codec/decode_tx.json", (v) => void (v.tests[1]!.tcId = v.tests[0]!.tcId)), /tcId 1 appears twice/],
    "a header count that differs from the cases": [(d, m) => rewrite(d, m, "codec/decode_tx.json", (v) => void (v.numberOfTests += 1)), /header says/],
  };
  for (const [what, [tamper, message]] of Object.entries(stops)) {
    it(`stops with status 2, even with --allow-unpinned, on ${what}`, () => {
      const r = conformOn(tampered(tamper), ["--allow-unpinned"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    });
  }

  it("stops before running any case of a file of 1e6 cases whose counts disagree", () => {
    const t0 = Date.now();
    const r = conformOn(
      tampered((d, m) => {
        const path = "codec/encode_varint.json";
        const v = JSON.parse(readFileSync(join(d, path), "utf8"));
        v.tests = Array.from({ length: 1_000_000 }, (_, i) => ({ tcId: i + 1, input: {}, result: "invalid", error: "E" }));
        writeFileSync(join(d, path), JSON.stringify(v));
        m.files.find((f) => f.path === path)!.cases = 1_000_000; // numberOfTests left as it was
      }),
      ["--allow-unpinned"],
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/1000000 cases, header says \d+, manifest says 1000000; no case run/);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});

describe("pwo conform on answers with duplicate keys", () => {
  for (const mode of ["dup-output", "dup-error", "dup-id"]) {
    it(`${mode}: the answer is malformed, not read as JSON.parse reads it`, () => {
      const out = join(mkdtempSync(join(tmpdir(), "pwo-dup-")), "r.json");
      const r = pwo(["conform", "--impl", `node conformance/harness/testdata/misbehave.mjs ${mode} 3`, "--suite", "codec", "--quiet", "--report-json", out]);
      expect(r.status).toBe(1);
      const report = JSON.parse(readFileSync(out, "utf8")) as { cases: { status: string; kind?: string; details?: string[] }[] };
      const failed = report.cases.filter((c) => c.status === "failed");
      expect(failed.map((c) => c.kind)).toEqual(["malformed"]);
      expect(failed[0]!.details!.join(" ")).toMatch(/duplicate key/);
    });
  }
});
