/**
 * The `pwo` command line. Each subcommand parses its own options strictly (an unknown or malformed
 * option is an error with the usage, exit status 2) and answers `--help`.
 *
 * Exit status: 0 success; 1 the checked implementation failed (or vectors differ); 2 usage or setup error.
 * @module
 */
import { appendFileSync, closeSync, mkdirSync, openSync, writeSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateVectorTree, MANIFEST, type Manifest, PINNED_ROOT_FILE, pinnedRoot, pinnedRootJson, verifyManifest, writeVectorTree } from "../harness/manifest.js";
import { openVectors, PACK_EXTRAS, packVectors } from "../harness/pack.js";
import { sha256Hex } from "../harness/manifest.js";
import { githubAnnotations, githubStepSummary, jsonReport, junitReport, progressReporter, textReport } from "../harness/report.js";
import { runConformance, runPassed, SetupError } from "../harness/runner.js";
import { serve } from "../harness/serve.js";
import { checkVectorTree } from "../harness/regenerate.js";
import { runFuzz } from "../harness/fuzz.js";
import { hostileJson, hostilePassed, hostileText, runHostile } from "../harness/hostile.js";
import { INIT_LANGUAGES, INIT_NEXT, type InitLanguage, writeSkeleton } from "../harness/init.js";
import { SUITES } from "../suites.js";
import { int, str, UsageError, type Command } from "../harness/command.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string };
const DEFAULT_VECTORS = resolve(ROOT, "vectors");

const writeOut = (file: string, content: string | Uint8Array) => {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, content);
};

/** The generic commands; each suite may add its own (Suite.command), named after the suite. */
const GENERIC: Record<string, Command> = {
  conform: {
    summary: "run the conformance vectors against an implementation through the adapter protocol",
    usage: `pwo conform --impl "<command>" [--suite S]... [--operation OP]... [--case FILE#TCID]... [--filter GLOB]...
             [--vectors DIR] [--report-json FILE] [--junit FILE] [--transcript FILE]
             [--timeout MS] [--max-line BYTES] [--max-restarts N] [--strict] [--declared-only] [--quiet]
             [--expect-root ROOT] [--allow-unpinned]

  --impl          shell command starting the implementation (e.g. "pwo serve", "python3 adapter.py")
  --suite         run only this suite (repeatable); default: every suite in the manifest
  --operation     run only this operation, suite/op or op (repeatable)
  --case          run only this case, <suite>/<op>.json#<tcId>, e.g. codec/decode_tx.json#12 (repeatable)
  --filter        run only the cases whose key <suite>/<op>.json#<tcId> matches this glob (repeatable;
                  * any characters, ? one character), e.g. 'codec/*#1?'
                  (a selector matching nothing is an error, status 2; the manifest is verified in full)
  --transcript    write every request and answer line here (JSONL, ms since the start), for replay
  --declared-only hide the suites, files and operations the implementation does not declare from the
                  tables and totals (one line lists them)
  --vectors       vectors directory, or a tarball made by pwo vectors pack (default: the package's own)
  --report-json   write the JSON report here
  --junit         write a JUnit XML report here
  --timeout       per-case deadline in ms (default 10000)
  --max-line      longest accepted answer line in bytes (default 67108864)
  --max-restarts  restarts of a crashed or hung implementation before giving up (default 20)
  --strict        count skipped cases (unsupported operations) as failures
                  (under GITHUB_ACTIONS=true: ::error annotations per failed case, and a step summary
                  appended to $GITHUB_STEP_SUMMARY)
  --quiet         print only the summary line
  --expect-root   the manifest root the vectors must have (default: the root this package ships,
                  ${PINNED_ROOT_FILE}); a mismatch stops with status 2
  --allow-unpinned  run vectors whose root differs; the report says UNPINNED`,
    options: {
      impl: { type: "string" },
      suite: { type: "string", multiple: true },
      vectors: { type: "string" },
      "report-json": { type: "string" },
      junit: { type: "string" },
      timeout: { type: "string" },
      "max-line": { type: "string" },
      "max-restarts": { type: "string" },
      strict: { type: "boolean" },
      quiet: { type: "boolean" },
      "expect-root": { type: "string" },
      "allow-unpinned": { type: "boolean" },
      operation: { type: "string", multiple: true },
      case: { type: "string", multiple: true },
      filter: { type: "string", multiple: true },
      transcript: { type: "string" },
      "declared-only": { type: "boolean" },
    },
    async run(v) {
      const expectRoot = v["expect-root"] === undefined ? pinnedRoot(ROOT)?.root : str(v["expect-root"], "expect-root");
      if (expectRoot !== undefined && !/^[0-9a-f]{64}$/.test(expectRoot)) throw new UsageError(`--expect-root: expected 64 lower-case hex digits, got ${JSON.stringify(expectRoot.slice(0, 80))}`);
      const progress = progressReporter(process.stderr);
      let opened: ReturnType<typeof openVectors>;
      try {
        opened = openVectors(typeof v.vectors === "string" ? v.vectors : DEFAULT_VECTORS);
      } catch (e) {
        throw new SetupError((e as Error).message);
      }
      const vectorsDir = opened.dir;
      let result: Awaited<ReturnType<typeof runConformance>>;
      // the package's own manifest, whose sums hash to the pinned root: a --vectors subset is checked file by file against it
      let pinnedManifest: Manifest | undefined;
      try {
        pinnedManifest = JSON.parse(readFileSync(join(DEFAULT_VECTORS, MANIFEST), "utf8")) as Manifest;
      } catch {
        pinnedManifest = undefined;
      }
      let transcript: number | undefined;
      if (typeof v.transcript === "string") {
        mkdirSync(dirname(resolve(v.transcript)), { recursive: true });
        transcript = openSync(v.transcript, "w");
      }
      const fd = transcript;
      try {
        result = await runConformance({
          impl: str(v.impl, "impl"),
          vectorsDir,
          suites: (v.suite as string[] | undefined) ?? [],
          timeoutMs: int(v.timeout, "timeout", 10_000),
          maxLine: int(v["max-line"], "max-line", 64 * 1024 * 1024),
          maxRestarts: int(v["max-restarts"], "max-restarts", 20, 0),
          expectRoot,
          allowUnpinned: v["allow-unpinned"] === true,
          pinnedManifest,
          operations: (v.operation as string[] | undefined) ?? [],
          cases: (v.case as string[] | undefined) ?? [],
          filters: (v.filter as string[] | undefined) ?? [],
          onTranscript: fd === undefined ? undefined : (e) => writeSync(fd, `${JSON.stringify({ ...e, t: Math.round(e.t * 1000) / 1000 })}\n`),
          onCase: v.quiet ? undefined : progress.onCase,
        });
      } finally {
        opened.close();
        if (transcript !== undefined) closeSync(transcript);
      }
      progress.end();
      if (v.strict) {
        for (const c of result.cases) if (c.status === "skipped") Object.assign(c, { status: "failed", kind: "unavailable" });
      }
      const text = textReport(result, { declaredOnly: v["declared-only"] === true });
      process.stdout.write(`${v.quiet ? text.split("\n").at(-1) : text}\n`);
      if (typeof v["report-json"] === "string") writeOut(v["report-json"], jsonReport(result));
      if (typeof v.junit === "string") writeOut(v.junit, junitReport(result));
      if (process.env.GITHUB_ACTIONS === "true") {
        // workflow commands on stdout annotate the failing vector files; the summary goes to the job page
        process.stdout.write(githubAnnotations(result));
        if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubStepSummary(result, { declaredOnly: v["declared-only"] === true }));
      }
      return runPassed(result) ? 0 : 1;
    },
  },
  serve: {
    summary: "serve the reference implementation over the adapter protocol on stdin/stdout",
    usage: "pwo serve\n\n  Reads one JSON request per line on stdin, answers one JSON line each on stdout (docs/adapter-protocol.md).",
    options: {},
    async run() {
      await serve(SUITES, PACKAGE.version);
      return 0;
    },
  },
  vectors: {
    summary: "generate, check or pack the test vectors",
    usage: `pwo vectors generate [--out DIR]    regenerate every vector file, schema and the manifest
pwo vectors check [--dir DIR]       verify the manifest and that regeneration is byte-identical
pwo vectors pack [--dir DIR] [--out FILE]   reproducible .tar.gz with SHA256SUMS (default pwo-vectors-<version>.tar.gz)`,
    options: { out: { type: "string" }, dir: { type: "string" } },
    async run(v, pos) {
      const action = pos[0];
      const dir = resolve(typeof v.dir === "string" ? v.dir : DEFAULT_VECTORS);
      if (action === "generate") {
        const out = resolve(typeof v.out === "string" ? v.out : DEFAULT_VECTORS);
        const tree = generateVectorTree(SUITES, PACKAGE.version);
        writeVectorTree(out, tree);
        process.stdout.write(`wrote ${tree.size} files to ${out}\n`);
        if (out === DEFAULT_VECTORS) {
          writeOut(resolve(ROOT, PINNED_ROOT_FILE), pinnedRootJson(JSON.parse(tree.get(MANIFEST) as string) as Manifest));
          process.stdout.write(`pinned the manifest root in ${PINNED_ROOT_FILE}\n`);
        }
        return 0;
      }
      if (action === "check") {
        const tree = generateVectorTree(SUITES, PACKAGE.version);
        const problems = checkVectorTree(dir, tree);
        if (dir === DEFAULT_VECTORS) {
          const generated = JSON.parse(tree.get(MANIFEST) as string) as Manifest;
          if (pinnedRoot(ROOT)?.root !== generated.root) problems.push(`${PINNED_ROOT_FILE}: does not pin the generated manifest root ${generated.root} (run \`npm run vectors\`)`);
        }
        if (problems.length === 0) {
          const m = verifyManifest(dir);
          process.stdout.write(`vectors ok: ${m.files.length} files, ${m.totalCases} cases, root ${m.root}\n`);
          return 0;
        }
        process.stdout.write(`vectors differ from a fresh regeneration:\n  ${problems.join("\n  ")}\n`);
        return 1;
      }
      if (action === "pack") {
        verifyManifest(dir);
        const out = typeof v.out === "string" ? v.out : `pwo-vectors-${PACKAGE.version}.tar.gz`;
        const extras = new Map(PACK_EXTRAS.map((name) => [name, readFileSync(resolve(ROOT, name))] as const));
        const { tgz, files } = packVectors(dir, `pwo-vectors-${PACKAGE.version}`, extras);
        writeOut(out, tgz);
        // SHA256SUMS beside the tarball (sha256sum -c format), so a release can be pinned by its digest
        const digest = sha256Hex(tgz);
        const sumsFile = resolve(dirname(resolve(out)), "SHA256SUMS");
        writeOut(sumsFile, `${digest}  ${basename(out)}\n`);
        process.stdout.write(`wrote ${out}: ${files} files, ${tgz.length} bytes\nsha256 ${digest}  ${basename(out)} (written to ${sumsFile})\n`);
        return 0;
      }
      throw new UsageError(action === undefined ? "pwo vectors needs an action: generate, check or pack" : `unknown action "${action}"`);
    },
  },
  init: {
    summary: "write a skeleton adapter (rust, python, c or node) that passes the handshake",
    usage: `pwo init --lang rust|python|c|node [--out DIR]

  Writes a skeleton adapter that speaks the adapter protocol, passes the handshake and declares no
  operation yet, into DIR (default pwo-adapter-<lang>); existing files are never overwritten. Then add
  operations one at a time and run pwo conform --impl "<command>" --suite <suite> after each.`,
    options: { lang: { type: "string" }, out: { type: "string" } },
    async run(v) {
      const lang = str(v.lang, "lang") as InitLanguage;
      if (!INIT_LANGUAGES.includes(lang)) throw new UsageError(`--lang: expected one of ${INIT_LANGUAGES.join(", ")}, got ${JSON.stringify(lang)}`);
      const out = resolve(typeof v.out === "string" ? v.out : `pwo-adapter-${lang}`);
      let written: string[];
      try {
        written = writeSkeleton(ROOT, lang, out);
      } catch (e) {
        throw new SetupError((e as Error).message);
      }
      const next = INIT_NEXT[lang];
      process.stdout.write(`wrote ${written.length} files to ${out}:\n${written.map((w) => `  ${w}`).join("\n")}\n\nnext:\n  cd ${out}\n${next.build ? `  ${next.build}\n` : ""}  npx pwo-spec conform --impl "${next.impl}" --suite codec   # the handshake passes; no case is checked until you declare an operation\n`);
      return 0;
    },
  },
  fuzz: {
    summary: "differential fuzzing: random inputs to an implementation and to the reference",
    usage: `pwo fuzz --impl "<command>" --suite S [--operation OP]... [--runs N] [--seed N] [--timeout MS]

  Generates inputs with fast-check for each operation of suite S the implementation declares, sends
  each to the implementation and to the reference, and on the first mismatch shrinks it to a minimal
  input and prints it as a ready-to-commit vector case. Exit status 1 on a mismatch.

  --runs     inputs per operation (default 200)
  --seed     fast-check seed (default: a fixed seed, printed)`,
    options: { impl: { type: "string" }, suite: { type: "string" }, operation: { type: "string", multiple: true }, runs: { type: "string" }, seed: { type: "string" }, timeout: { type: "string" } },
    async run(v) {
      const seed = v.seed === undefined ? 20261124 : int(v.seed, "seed", 0, -(2 ** 31));
      const ok = await runFuzz({
        suites: SUITES,
        impl: str(v.impl, "impl"),
        suite: str(v.suite, "suite"),
        operations: (v.operation as string[] | undefined) ?? [],
        runs: int(v.runs, "runs", 200),
        seed,
        timeoutMs: int(v.timeout, "timeout", 10_000),
        log: (s: string) => process.stdout.write(`${s}\n`),
      });
      return ok ? 0 : 1;
    },
  },
};

GENERIC.hostile = {
  summary: "the hostile-input campaign: bounded, typed answers to hostile requests for every operation",
  usage: `pwo hostile --impl "<command>" [--suite S]... [--full] [--bound MS] [--timeout MS] [--rss-limit MIB]
            [--vectors DIR] [--report-json FILE] [--quiet]

  Sends, for every operation the implementation declares, requests of the classes wrong-type,
  unknown-field, missing-field, deep-nesting (BAD_INPUT required), huge-line and one array beyond the
  element limit, and with --full also huge-count, huge-size, huge-number and at-cap (any typed answer), built from
  the operations' schemas and vectors. Reports each request's answer kind, time and the
  implementation's peak RSS. Exit status 1 on a crash, hang, malformed answer, INTERNAL, unknown or
  missing code, an answer slower than --bound, or a peak RSS above --rss-limit.

  --full        the full campaign (default under PWO_DEEP=1); otherwise one request per class and operation
  --bound       slowest acceptable answer in ms (default 10000)
  --timeout     no answer after this many ms is a hang (default 60000)
  --rss-limit   highest acceptable peak RSS of the implementation in MiB (default 512)`,
  options: {
    impl: { type: "string" },
    suite: { type: "string", multiple: true },
    full: { type: "boolean" },
    bound: { type: "string" },
    timeout: { type: "string" },
    "rss-limit": { type: "string" },
    vectors: { type: "string" },
    "report-json": { type: "string" },
    quiet: { type: "boolean" },
  },
  async run(v) {
    const report = await runHostile({
      suites: SUITES,
      impl: str(v.impl, "impl"),
      vectorsDir: resolve(typeof v.vectors === "string" ? v.vectors : DEFAULT_VECTORS),
      only: (v.suite as string[] | undefined) ?? [],
      full: v.full === true || process.env.PWO_DEEP === "1",
      boundMs: int(v.bound, "bound", 10_000),
      timeoutMs: int(v.timeout, "timeout", 60_000),
      rssLimitMiB: int(v["rss-limit"], "rss-limit", 512),
      log: v.quiet ? undefined : (s: string) => process.stderr.write(`${s}\n`),
    });
    const text = hostileText(report);
    process.stdout.write(`${v.quiet ? text.split("\n").slice(-3).join("\n") : text}\n`);
    if (typeof v["report-json"] === "string") writeOut(v["report-json"], hostileJson(report));
    return hostilePassed(report) ? 0 : 1;
  },
};

const COMMANDS: Record<string, Command> = { ...GENERIC };
for (const suite of SUITES) {
  if (!suite.command) continue;
  if (COMMANDS[suite.name]) throw new Error(`suite ${suite.name}: its command name is taken`);
  COMMANDS[suite.name] = suite.command;
}

function mainUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `pwo ${PACKAGE.version}: the pwo-spec conformance suite

usage: pwo <command> [options]    (pwo <command> --help for a command's options)

${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`).join("\n")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${mainUsage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    process.stdout.write(`${PACKAGE.version}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`pwo: unknown command "${name}"\n\n${mainUsage()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: cmd.options, allowPositionals: name === "vectors" || cmd.positionals === true, strict: true });
    return await cmd.run(values, positionals);
  } catch (e) {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (usage) {
      process.stderr.write(`pwo ${name}: ${(e as Error).message}\n\nusage:\n${cmd.usage}\n`);
      return 2;
    }
    if (e instanceof SetupError || (e as Error).name === "ManifestError") {
      process.stderr.write(`pwo ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
