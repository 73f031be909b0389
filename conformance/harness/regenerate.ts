/**
 * Regeneration check: the vectors on disk must equal, byte for byte, what the generators produce
 * now. `npm test` and `pwo vectors check` both use it.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, SHA256SUMS } from "./manifest.js";

/** Differences between the directory and a freshly generated tree; [] when identical. */
export function checkVectorTree(dir: string, tree: Map<string, string>): string[] {
  if (!existsSync(dir)) return [`${dir} does not exist`];
  const problems: string[] = [];
  for (const [path, content] of tree) {
    const file = join(dir, path);
    if (!existsSync(file)) problems.push(`${path}: generated but missing on disk`);
    else if (readFileSync(file, "utf8") !== content) problems.push(`${path}: differs from its regeneration (run \`npm run vectors\`)`);
  }
  for (const p of listFiles(dir)) if (!tree.has(p) && p !== SHA256SUMS) problems.push(`${p}: on disk but not generated`);
  return problems;
}
