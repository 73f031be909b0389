/**
 * The vector lint and the determinism checks: every file validates against its JSON Schema (unknown
 * fields rejected), tcIds are unique, declared counts equal actual counts, only registered flags and
 * reason codes appear, hex is lower-case, regeneration is byte-identical, and packing is reproducible.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SUITES } from "../suites.js";
import { type Manifest, verifyManifest, sha256Hex } from "./manifest.js";
import { packVectors, unpackVectors } from "./pack.js";
import type { VectorFile } from "./vectorfile.js";
import { pwo } from "./testing.js";

const DIR = "vectors";
const manifest = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as Manifest;
const vectorFiles = manifest.files.filter((f) => f.kind === "vectors");
const read = (p: string): unknown => JSON.parse(readFileSync(join(DIR, p), "utf8"));
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

/** Every string in a JSON value, with its path. */
function* strings(v: unknown, path = "$"): Generator<[string, string]> {
  if (typeof v === "string") yield [path, v];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], `${path}[${i}]`);
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) yield* strings(x, `${path}.${k}`);
}

describe("vector lint", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validatorFor = (file: VectorFile) => {
    const schema = read(file.schema) as { $id: string };
    return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  };

  it("the manifest verifies (sums, root, no unlisted file) and lists every suite's operations", () => {
    expect(() => verifyManifest(DIR)).not.toThrow();
    const listed = new Set(vectorFiles.map((f) => f.path));
    for (const s of SUITES) for (const op of s.operations) expect(listed.has(`${s.name}/${op.name}.json`), `${s.name}/${op.name}`).toBe(true);
  });

  for (const entry of vectorFiles) {
    it(`${entry.path}: schema, counts, tcIds, flags, reasons, hex`, () => {
      const file = read(entry.path) as VectorFile;
      const validate = validatorFor(file);
      expect(validate(file), `${entry.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(file.numberOfTests).toBe(file.tests.length);
      expect(entry.cases).toBe(file.tests.length);
      const ids = file.tests.map((t) => t.tcId);
      expect(new Set(ids).size, "unique tcIds").toBe(ids.length);
      const suite = SUITES.find((s) => s.name === file.suite)!;
      for (const t of file.tests) {
        for (const f of t.flags) {
          expect(file.flags[f], `${entry.path}#${t.tcId}: flag ${f} not in the header`).toBeDefined();
          expect(suite.flags[f], `${entry.path}#${t.tcId}: flag ${f} not registered by the suite`).toBeDefined();
        }
        if (t.result === "invalid") {
          expect(suite.reasons[t.error], `${entry.path}#${t.tcId}: reason ${t.error}`).toBeDefined();
          expect(file.reasons[t.error]).toBe(suite.reasons[t.error]);
        } else expect(t.result).toBe("valid");
      }
      // header registries list exactly what the cases use
      expect(Object.keys(file.flags).sort()).toEqual([...new Set(file.tests.flatMap((t) => t.flags))].sort());
      expect(Object.keys(file.reasons).sort()).toEqual([...new Set(file.tests.flatMap((t) => (t.result === "invalid" ? [t.error] : [])))].sort());
      for (const [path, s] of strings(file.tests)) {
        if (/^[0-9a-fA-F]+$/.test(s) && /[A-F]/.test(s) && !/[g-z]/i.test(s)) throw new Error(`${entry.path} ${path}: upper-case hex ${s.slice(0, 20)}`);
      }
    });
  }

  it("a schema rejects unknown fields, an unregistered reason code and a bad result", () => {
    const entry = vectorFiles[0]!;
    const file = read(entry.path) as VectorFile;
    const validate = validatorFor(file);
    expect(validate(file)).toBe(true);
    expect(validate({ ...file, extra: 1 })).toBe(false);
    const t = file.tests[0]!;
    expect(validate({ ...file, tests: [{ ...t, surprise: true }] })).toBe(false);
    expect(validate({ ...file, tests: [{ ...t, result: "acceptable" }] })).toBe(false);
    expect(validate({ ...file, tests: [{ tcId: 1, comment: "", flags: [], input: t.input, result: "invalid", error: "REJECTED_SOMEHOW" }] })).toBe(false);
  });
});

describe("determinism", () => {
  it("regenerating every vector file, schema and the manifest is byte-identical (pwo vectors check)", () => {
    // one whole regeneration (about 110 s for 2,886 cases on one idle core), in the CLI a user runs:
    // it compares every generated file, the manifest included, and the pinned root
    const r = pwo(["vectors", "check"], 590_000);
    expect(r.stdout).toMatch(/^vectors ok: \d+ files, \d+ cases, root [0-9a-f]{64}\n$/);
    expect(r.status).toBe(0);
  }, 600_000);

  it("the manifest's suite version is the package version", () => {
    expect(manifest.suiteVersion).toBe(version);
  });

  it("pack is reproducible with SHA256SUMS inside", () => {
    const a = packVectors(DIR);
    const b = packVectors(DIR);
    expect(sha256Hex(a.tgz)).toBe(sha256Hex(b.tgz));
    const tar = gunzipSync(a.tgz);
    expect(tar.subarray(0, 100).toString("latin1")).toMatch(/^pwo-vectors\/SHA256SUMS\0/);
    const sums = a.sums.trim().split("\n");
    expect(sums.length).toBe(manifest.files.length + 1); // + manifest.json
    expect(sha256Hex(a.sums.split("\n").filter((l) => !l.endsWith("  manifest.json")).join("\n"))).toBe(manifest.root);
    const dir = mkdtempSync(join(tmpdir(), "pwo-pack-"));
    const r = pwo(["vectors", "pack", "--out", join(dir, "v.tar.gz")]);
    expect(r.status).toBe(0);
    const tgz = readFileSync(join(dir, "v.tar.gz"));
    expect(tgz.length).toBeGreaterThan(1000);
    // the digest is printed and written beside the tarball, in sha256sum -c format
    expect(readFileSync(join(dir, "SHA256SUMS"), "utf8")).toBe(`${sha256Hex(tgz)}  v.tar.gz\n`);
    expect(r.stdout).toContain(`sha256 ${sha256Hex(tgz)}`);
    const inside = gunzipSync(tgz).toString("latin1");
    expect(inside).toMatch(/pwo-vectors-[0-9.]+\/LICENSE\0/);
    expect(inside).toContain("Apache License");
  });

  it("a packed tarball unpacks to the same vectors, and pwo conform runs from it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pwo-unpack-"));
    const { tgz } = packVectors(DIR, "v", new Map([["LICENSE", Buffer.from("license text")]]));
    expect(unpackVectors(tgz, join(dir, "out"))).toBe(manifest.files.length + 1);
    expect(verifyManifest(join(dir, "out")).root).toBe(manifest.root);
    writeFileSync(join(dir, "v.tgz"), tgz);
    const r = pwo(["conform", "--impl", "pwo serve", "--suite", "codec", "--quiet", "--vectors", join(dir, "v.tgz")]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("refuses a tampered tarball, a path escaping its folder and a non-tarball, before writing anything", () => {
    const dir = mkdtempSync(join(tmpdir(), "pwo-unpack-"));
    const tar = gunzipSync(packVectors(DIR, "v").tgz);
    const flipped = Buffer.from(tar);
    const at = flipped.indexOf(Buffer.from('"format"')); // inside the first file after SHA256SUMS
    flipped[at + 2]! ^= 1;
    expect(() => unpackVectors(gzipSync(flipped), join(dir, "a"))).toThrow(/fails its SHA256SUMS/);
    expect(existsSync(join(dir, "a"))).toBe(false);
    const escape = Buffer.from(tar);
    escape.write("v/../../etc/x\0", 0, "latin1"); // rename the first entry, then fix its checksum
    escape.write("        ", 148, "latin1");
    const sum = escape.subarray(0, 512).reduce((a, b) => a + b, 0);
    escape.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    expect(() => unpackVectors(gzipSync(escape), join(dir, "b"))).toThrow(/not a relative path/);
    expect(() => unpackVectors(Buffer.from("not gzip"), join(dir, "c"))).toThrow(/not a gzip tarball/);
    writeFileSync(join(dir, "bad.tgz"), "not gzip");
    const r = pwo(["conform", "--impl", "pwo serve", "--vectors", join(dir, "bad.tgz")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a gzip tarball/);
  });
});
