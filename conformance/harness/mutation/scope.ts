/**
 * What `npm run mutation -- <suite>` mutates, and how a run is split into shards.
 *
 * Scope: the code that decides an operation's answer, `reference/<suite>/**` minus tests and the
 * exclusions below (each with its reason, printed in every report). `common` is a scope but not a
 * suite: `reference/common/` (bytes, hex, errors, the RFC 6962 Merkle tree, the seeded RNG), which
 * every suite's answers pass through; the test that must kill its mutants is every suite's vectors. Message strings are ignored by
 * the `pwo-messages` ignorer (ignore-messages.ts), not here.
 *
 * The unit of the scope is a top-level statement of a file (a function, a constant, a class): every
 * mutant lies inside exactly one. A shard is a contiguous run of units in (file, position) order cut
 * so that each shard holds about 1/n of the scope's characters; the cut depends only on the source,
 * so `--shard 1/3`, `--shard 2/3` and `--shard 3/3` on any machine partition the same mutant set.
 * @module
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface Exclusion {
  /** A file or a folder (ending in `/`) under reference/. */
  path: string;
  /** Only these top-level declarations of the file; all of it when absent. */
  names?: readonly string[];
  reason: string;
}

/** The scope that is not a suite: reference/common/, tested by the vectors of every suite. */
export const COMMON = "common";

/** Per suite, the parts of reference/<suite>/ left out of the mutation scope. */
export const EXCLUSIONS: Record<string, readonly Exclusion[]> = {
  consensus: [
    {
      path: "reference/consensus/rules.ts",
      reason: "rule tables as data (the spec page's ordered lists): no answer reads them; conformance/harness/spec-pages.test.ts pins each to its page and to a vector per pair, and those vectors pin the order the reference checks in",
    },
  ],
  common: [
    {
      path: "reference/common/rules.ts",
      reason:
        "the rule-table type and its walkers (pairs, first broken rule, the spec-page rendering): no operation calls them; conformance/harness/spec-pages.test.ts pins the pages and the pairwise vectors to the tables",
    },
  ],
  shreds: [
    {
      path: "reference/shreds/rules.ts",
      reason:
        "the rule tables as data: no operation reads them (the checks in shred.ts, merkle.ts, recover.ts, deshred.ts, turbine.ts, shredder.ts and duplicate.ts carry the codes, and the pairwise vectors pin their order); conformance/harness/spec-pages.test.ts pins the tables to the spec page",
    },
  ],
  bls: [
    {
      path: "reference/bls/rules.ts",
      reason:
        "the rule tables as data (ids, codes, check texts): no operation reads them; conformance/harness/spec-pages.test.ts pins spec/bls.md to them and requires a vector per pair, and the vector generator fails when the reference's answer differs from a table's code",
    },
    {
      path: "reference/bls/certificate.ts",
      names: ["signCommit", "encodeSigners", "aggregateCertificate", "isValidCertificate"],
      reason:
        "the signer's side of certificates (a member's commit signature, the bitfield of a signer set, the certificate of members' signatures) and verify_certificate as a predicate: no operation calls them (verify_certificate and batch_verify_certificates only verify; the vector generator builds its certificates with them); a wrong one would make the generated certificates fail verification, and conformance/bls/properties.test.ts checks them (decodeSigners ∘ encodeSigners is the signer set, certificates from aggregateCertificate verify, isValidCertificate gives the single verdicts a batch's verdict must equal)",
    },
  ],
  model: [
    {
      path: "reference/model/calibrate.ts",
      reason: "calibration from bench JSON (`pwo model calibrate`, the report): no operation calls it, so no vector can reach it; conformance/model/model.test.ts checks it",
    },
    {
      path: "reference/model/signatures.ts",
      reason: "s_avg measured on the codec workload, for the report: no operation calls it; conformance/model/model.test.ts checks it against the codec benchmark's figures",
    },
    {
      path: "reference/model/corrections.ts",
      names: ["replicatedMachines", "replicatedTraffic", "sampleBytes", "lightNodeSamplingBps", "verificationsPerSec", "fecBandwidth", "daPublishedBps", "CORRECTIONS_OFF", "GBPS_R", "MBPS_R", "correctionRows", "toText"],
      reason: "the corrections table of the report (`pwo model report`): no operation calls these; the operations' own terms (daSquare, samplesForConfidenceExact, narwhalRound, turbineHops) are in scope; conformance/model/model.test.ts checks the table",
    },
    {
      path: "reference/model/model.ts",
      names: ["bandwidthSensitivity", "executionSensitivity"],
      reason: "the paper's §5 sensitivity figures, for the report: no operation calls them (evaluate_model's vectors carry the same parameter sets); conformance/model/model.test.ts checks them",
    },
    {
      path: "reference/model/rational.ts",
      names: ["toNumber", "fromNumber", "max", "min", "eq", "add"],
      reason: "rational helpers only the report and calibration use (doubles for charts, measured figures): no operation calls them; conformance/model/model.test.ts checks them",
    },
    {
      path: "reference/model/params.ts",
      names: ["EVALUATE_MODEL_RULES", "countRules", "DA_SAMPLING_RULES", "TURBINE_HOPS_RULES", "ONE_INPUT", "NARWHAL_ROUND_RULES"],
      reason: "rule tables as data (the spec page's ordered lists): no answer reads them; conformance/harness/spec-pages.test.ts pins each to its page and to a vector per pair, and those vectors pin the order the reference checks in",
    },
  ],
  codec: [
    {
      path: "reference/codec/rules.ts",
      reason: "rule tables as data (the spec page's ordered lists): no answer reads them; conformance/harness/spec-pages.test.ts pins each to its page and to a vector per pair, and those vectors pin the order the reference checks in",
    },
  ],
  exec: [
    {
      path: "reference/exec/blockstm/",
      reason: "Block-STM scheduling internals: the properties compare them against sequential execution; there are no Block-STM vectors by design",
    },
    {
      path: "reference/exec/rules.ts",
      reason:
        "the rule tables as data: the spec page renders them (conformance/harness/spec-pages.test.ts pins page = table) and the vector generator walks them; no operation reads them (the reference checks in the table's order by its own code, which the single-rule and pairwise vectors pin), so no answer depends on this file",
    },
    {
      path: "reference/exec/asm.ts",
      reason: "the assembler of the vector generator, tests, fuzzer and benchmark: no operation calls it (a program reaches execute_block as call-data bytes), so no answer depends on it; the vectors it built are fixed files",
    },
  ],
  secagg: [
    {
      path: "reference/secagg/provenance.ts",
      names: ["bitfield", "encodeRecord", "recordHash"],
      reason:
        "the writer's side of provenance: no operation calls them (verify_chain takes the participants bitfield as bytes and reads its bits itself, and hashes no record); the vector generator, conformance/secagg/fedavg.ts and the cli do, and fedavg.test.ts requires the chain it builds with bitfield to verify. The record encoding is pinned by nothing yet (an encode_record operation would pin it: a follow-up)",
    },
    {
      path: "reference/secagg/params.ts",
      names: ["secaggPlusDegree"],
      reason:
        "the SecAgg+ degree a deployment picks for n users: no operation calls it (every operation takes the degree as input, and checkParams checks it); conformance/secagg/fedavg.ts and bench/secagg.ts choose k with it, and conformance/secagg/properties.test.ts pins it to its definition (the smallest even k ≥ 3·log2 n, capped at n − 1)",
    },
    {
      path: "reference/secagg/rules.ts",
      reason: "rule tables as data (the spec page's ordered lists): no answer reads them; conformance/harness/spec-pages.test.ts pins each to its page and to a vector per pair, and those vectors pin the order the reference checks in",
    },
    {
      path: "reference/secagg/memo.ts",
      reason: "memoisation of noble-curves' P-256 calls by their byte arguments: a hit returns what the same call returned, so no answer depends on it; it makes the round vectors fast enough for a mutation run",
    },
  ],
  da: [
    {
      path: "reference/da/sampling.ts",
      names: ["createSample", "detectionProbability", "samplesForConfidence"],
      reason:
        "the sampler's side and the sampling formulas of spec/da.md §Sampling: no operation calls them (verify_sample takes the sample as input; the model suite counts samples with its own exact function); npm run vectors fails if a sample createSample builds does not verify, and conformance/da/properties.test.ts ('a sample verifies…', 'sampling formulas') pins them: the probability against the product in exact rationals, the argument ranges at their edges, the count as the least s reaching the confidence",
    },
    {
      path: "reference/da/fraud.ts",
      names: ["orthogonal", "createBadEncodingProof"],
      reason:
        "the prover's side of bad-encoding fraud proofs: no operation calls it (verify_fraud_proof takes the proof as input; the vector generator builds its proofs with it); conformance/da/properties.test.ts checks that the proofs it builds over badly extended squares verify and over correct squares are refused",
    },
    {
      path: "reference/da/square.ts",
      names: ["CELESTIA_SQUARE_PARAMS", "getAxis", "getOriginalShares"],
      reason:
        "helpers no operation calls: Celestia's parameters (every operation takes shareSize, namespaceSize and codec from its input; conformance/da/leopard.test.ts pins them to Celestia's published data roots), a row or column of a square and a square's original shares (used by the provers' side and the vector generator; conformance/da/properties.test.ts checks both against the cells they index)",
    },
    {
      path: "reference/da/rules.ts",
      reason: "rule tables as data (the spec page's ordered lists): no answer reads them; conformance/harness/spec-pages.test.ts pins each to its page and to a vector per pair, and those vectors pin the order the reference checks in",
    },
    {
      path: "reference/da/reed-solomon.ts",
      names: ["combineReadable", "bindReadable", "readableReedSolomon"],
      reason:
        "the readable Reed-Solomon form: no operation calls it; the differential test (conformance/da/properties.test.ts, 'the table-driven path equals the readable one') pins it to the table-driven path the operations use, which is in scope",
    },
    {
      path: "reference/da/leopard8.ts",
      names: ["readableKernel", "readableLeopard"],
      reason:
        "the readable Leopard kernel: no operation calls it; the differential test (conformance/da/leopard.test.ts, 'readable and fast agree') pins it to the table-driven kernel the operations use, which is in scope",
    },
    {
      path: "reference/da/square.ts",
      names: ["readableSquareRoots"],
      reason:
        "the readable square roots (one nmtRoot per axis): no operation calls it; the differential test (conformance/da/leopard.test.ts, 'the fast path equals the readable one') pins it to computeSquareRoots, which is in scope",
    },
  ],
};

/** One top-level statement of a file in scope: a Stryker mutate range. */
export interface Unit {
  file: string;
  name: string;
  /** 1-based lines, 0-based columns (Stryker's `file:line:col-line:col` syntax). */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  weight: number;
}

export const mutateRange = (u: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number }): string =>
  `${u.file}:${u.startLine}:${u.startColumn}-${u.endLine}:${u.endColumn}`;

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = `${dir}/${e}`;
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

function statementName(s: ts.Statement): string {
  if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) return s.name.text;
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.map((d) => d.name.getText()).join(",");
  return ts.SyntaxKind[s.kind];
}

/** Statements that hold no code a mutant could change. */
const codeless = (s: ts.Statement): boolean =>
  ts.isImportDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isExportDeclaration(s) || ts.isImportEqualsDeclaration(s);

/** The files of a suite's scope, sorted. */
export function scopeFiles(suite: string, root = "."): string[] {
  const dir = join(root, "reference", suite);
  const excluded = EXCLUSIONS[suite] ?? [];
  return listFiles(dir)
    .map((p) => p.slice(root === "." ? 0 : root.length + 1))
    .filter((p) => p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".d.ts"))
    .filter((p) => !excluded.some((x) => !x.names && (x.path.endsWith("/") ? p.startsWith(x.path) : p === x.path)));
}

/** Every unit of a suite's scope in (file, position) order. */
export function scopeUnits(suite: string, root = "."): Unit[] {
  const excluded = EXCLUSIONS[suite] ?? [];
  const units: Unit[] = [];
  for (const file of scopeFiles(suite, root)) {
    const text = readFileSync(join(root, file), "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const names = new Set(excluded.filter((x) => x.path === file).flatMap((x) => x.names ?? []));
    for (const s of sf.statements) {
      if (codeless(s)) continue;
      const name = statementName(s);
      if (name.split(",").some((n) => names.has(n))) continue;
      const start = sf.getLineAndCharacterOfPosition(s.getStart(sf));
      const end = sf.getLineAndCharacterOfPosition(s.getEnd());
      units.push({ file, name, startLine: start.line + 1, startColumn: start.character, endLine: end.line + 1, endColumn: end.character, weight: s.getEnd() - s.getStart(sf) });
    }
  }
  return units;
}

/** The units of shard `index` (1-based) of `count`: contiguous, cut by cumulative weight at the units' midpoints. */
export function shardUnits(units: readonly Unit[], index: number, count: number): Unit[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) throw new RangeError(`shard: expected i/n with 1 ≤ i ≤ n, got ${index}/${count}`);
  const total = units.reduce((s, u) => s + u.weight, 0);
  let before = 0;
  return units.filter((u) => {
    const shard = Math.min(count - 1, Math.floor(((before + u.weight / 2) * count) / total));
    before += u.weight;
    return shard === index - 1;
  });
}
