/**
 * Test-only helpers (excluded from the build): running `pwo` as a user would, and the fixed-seed
 * configuration of property tests.
 *
 * Property tests run with a fixed seed and a modest number of runs; `PWO_DEEP=1` multiplies the runs
 * by 100 for campaigns, `PWO_SEED=n` replays another seed. fast-check's failure message carries the
 * seed, the path and the shrunk counterexample.
 * @module
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const PWO = fileURLToPath(new URL("../../bin/pwo", import.meta.url));

export interface PwoRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pwo ...args` synchronously from the repository root. */
export function pwo(args: string[], timeoutMs = 300_000): PwoRun {
  const r = spawnSync(process.execPath, [PWO, ...args], { cwd: REPO, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const DEEP = process.env.PWO_DEEP === "1";
export const SEED = process.env.PWO_SEED === undefined ? 20261124 : Number(process.env.PWO_SEED);

/** fast-check parameters: fixed seed, `runs` (×100 under PWO_DEEP=1). */
export function props(runs: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: DEEP ? runs * 100 : runs, verbose: 1 };
}
