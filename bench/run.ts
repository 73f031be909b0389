/**
 * The benchmark driver: `node dist/bench/run.js [suite...] [--min-ms N] [--json]`, usually through
 * `npm run bench -- <suite>`. Runs the named suites of bench/suites.ts (default: all), prints their
 * tables, and with `--json` ends with one JSON line of every figure. Writes no file.
 *
 * Exit status: 0 success; 2 usage error (unknown suite or option).
 * @module
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import type { BenchJson, BenchSuite } from "./harness.js";
import { BENCH_SUITES, getBenchSuite } from "./suites.js";

const DEFAULT_MIN_MS = 1000;

const USAGE = `usage: npm run bench -- [suite...] [--min-ms N] [--json]

  suite      a suite below (default: all of them)
  --min-ms   least timed milliseconds per measurement (default ${DEFAULT_MIN_MS})
  --json     end with one line of JSON holding every figure
  --help     this text

suites:
${BENCH_SUITES.map((s) => `  ${s.name.padEnd(9)}  ${s.summary}`).join("\n")}`;

class UsageError extends Error {}

interface BenchArgs {
  suites: BenchSuite[];
  minMs: number;
  json: boolean;
  help: boolean;
}

function resolveSuites(names: readonly string[]): BenchSuite[] {
  if (names.length === 0) return [...BENCH_SUITES];
  return names.map((n) => {
    const s = getBenchSuite(n);
    if (!s) throw new UsageError(`unknown bench suite ${JSON.stringify(n)}; known: ${BENCH_SUITES.map((k) => k.name).join(", ")}`);
    return s;
  });
}

function parseMinMs(v: string | undefined): number {
  if (v === undefined) return DEFAULT_MIN_MS;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--min-ms: expected an integer ≥ 1, got ${JSON.stringify(v)}`);
  return n;
}

function parseBenchArgs(argv: string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "min-ms": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  return { suites: resolveSuites(positionals), minMs: parseMinMs(values["min-ms"]), json: values.json === true, help: values.help === true };
}

/** The machine the figures come from; ratios to an anchor travel between machines, rates do not. */
function describeMachine(): { node: string; cpu: string; cores: number } {
  const c = cpus();
  return { node: process.version, cpu: c[0]?.model.trim() ?? "unknown", cores: c.length };
}

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const machine = describeMachine();
  const print = (text: string) => process.stdout.write(`${text}\n`);
  print(`pwo bench: node ${machine.node}, ${machine.cpu} × ${machine.cores}, ≥ ${args.minMs} ms timed per measurement\n`);
  const figures: Record<string, BenchJson> = {};
  for (const suite of args.suites) {
    print(`== ${suite.name}: ${suite.summary}\n`);
    const t0 = performance.now();
    figures[suite.name] = await suite.run({ minMs: args.minMs, print });
    print(`(${suite.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  if (args.json) print(JSON.stringify({ format: "pwo-bench/1", ...machine, minMs: args.minMs, suites: figures }));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
