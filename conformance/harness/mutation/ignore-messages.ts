/**
 * A Stryker ignorer (loaded by conformance/harness/mutation/cli.ts): no mutant in a message string.
 * A rejection's message is for humans; the protocol compares only the reason code, so mutating the
 * text can never change an answer. Ignored (the node and everything inside it):
 *
 * - every argument after the code of a `fail(code, …)` call (the components' `errorFactory` helpers,
 *   and the byte reader's `this.fail`, the same helper passed in);
 * - the arguments of `new Error` / `TypeError` / `RangeError` / `SpecError` (API misuse, never in vectors);
 * - a literal passed as a `what` parameter: the field name a reader or checker puts in its messages
 *   (`r.bytes(32, "txRoot")`, `checkU64(v, "nonce")`). Which functions and positions these are is
 *   read from reference/ at load: every function or method with a parameter named `what`.
 *
 * The guards around these calls stay in scope.
 * @module
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** The part of Babel's NodePath this ignorer reads (Stryker passes Babel paths). */
interface Path {
  node: { type: string; callee?: { type: string; name?: string; property?: { type: string; name?: string } } };
  key: string | number | null;
  listKey?: string;
  parentPath: Path | null;
}

const ERROR_CLASSES = new Set(["Error", "TypeError", "RangeError", "SpecError"]);
const LITERALS = new Set(["StringLiteral", "TemplateLiteral"]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** Function or method name → the argument positions of its `what` parameters, over reference/. */
export function labelParameters(root = "."): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const file of tsFiles(join(root, "reference"))) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const visit = (n: ts.Node): void => {
      let name: string | undefined;
      let params: readonly ts.ParameterDeclaration[] | undefined;
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name)) [name, params] = [n.name.text, n.parameters];
      else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer)))
        [name, params] = [n.name.text, n.initializer.parameters];
      params?.forEach((p, i) => {
        if (ts.isIdentifier(p.name) && p.name.text === "what") out.set(name!, (out.get(name!) ?? new Set()).add(i));
      });
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

let labels: Map<string, Set<number>> | undefined;

/** The reason a node is ignored, or undefined. */
export function messageIgnoreReason(path: Path): string | undefined {
  const parent = path.parentPath;
  if (!parent || path.listKey !== "arguments" || typeof path.key !== "number") return undefined;
  const callee = parent.node.callee;
  const failCall = (callee?.type === "Identifier" && callee.name === "fail") || (callee?.type === "MemberExpression" && callee.property?.type === "Identifier" && callee.property.name === "fail");
  if (parent.node.type === "CallExpression" && failCall && path.key >= 1) return "a rejection's message (fail's second argument)";
  if (parent.node.type === "NewExpression" && callee?.type === "Identifier" && ERROR_CLASSES.has(callee.name ?? "")) return `an error message (new ${callee.name})`;
  if (parent.node.type === "CallExpression" && LITERALS.has(path.node.type)) {
    const name = callee?.type === "Identifier" ? callee.name : callee?.type === "MemberExpression" && callee.property?.type === "Identifier" ? callee.property.name : undefined;
    labels ??= labelParameters();
    if (name && labels.get(name)?.has(path.key)) return `a field name for messages (${name}'s what parameter)`;
  }
  return undefined;
}

/** Stryker's plugin export (`declareValuePlugin(PluginKind.Ignore, …)` without importing its API package). */
export const strykerPlugins = [{ kind: "Ignore", name: "pwo-messages", value: { shouldIgnore: messageIgnoreReason } }];
