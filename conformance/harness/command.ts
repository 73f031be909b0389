/**
 * The command registry's one contract. The main CLI (`conformance/cli/main.ts`) owns the generic
 * commands (conform, serve, vectors, fuzz); every other command comes from a suite's `command`
 * (conformance/harness/suite.ts), so `pwo <suite> <action>` reaches a component the main CLI never
 * names. Each command parses its own options strictly and answers `--help` with its usage.
 *
 * Exit status of `run`: 0 success; 1 the checked thing failed; 2 usage or setup error.
 * @module
 */
import type { ParseArgsConfig } from "node:util";

/** Wrong command-line usage: printed with the command's usage, exit status 2. */
export class UsageError extends Error {}

export interface Command {
  /** One line for `pwo --help`. */
  summary: string;
  /** The full usage text for `pwo <name> --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether the command takes positional arguments (an action, a file). */
  positionals?: boolean;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/** A required string option, or a UsageError naming it. */
export const str = (v: unknown, name: string): string => {
  if (typeof v !== "string" || v === "") throw new UsageError(`--${name} needs a value`);
  return v;
};

/** An optional integer option ≥ min (default `def`), or a UsageError naming it and the value. */
export const int = (v: unknown, name: string, def: number, min = 1): number => {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  return n;
};

/** An optional number option in [min, max] (default `def`), or a UsageError naming it and the value. */
export const num = (v: unknown, name: string, def: number, min: number, max: number): number => {
  if (v === undefined) return def;
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name}: expected a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return n;
};
