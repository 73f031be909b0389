// @ts-check
/**
 * A local TypeDoc plugin (loaded by typedoc.json) that makes the links of the markdown pages (spec/*.md,
 * docs/*.md, README.md) work both on GitHub and in the generated site:
 *
 * 1. `{@link decodeTx}` with a bare name. TypeDoc resolves a link in a project document from the
 *    project root, whose children are modules, so a bare export name does not resolve there. When it
 *    would not, and exactly one documented export (function, class, interface, type, variable) has that
 *    name, the link goes to it. `{@link reference/codec!decodeTx}` keeps working and is never ambiguous.
 *
 * 2. `[decodeTx](../reference/codec/tx.ts)`, a relative link to a source file. TypeDoc would copy the
 *    .ts file into media/ and link to the copy. Instead, when the link text names an export declared in
 *    that file, the link goes to that export's page; otherwise to the page of the module the file
 *    belongs to. Links to files the documentation does not cover are left to TypeDoc.
 *
 * Only documents and the readme are touched; links in doc comments resolve as TypeDoc resolves them.
 */
import { Converter, ReflectionKind } from "typedoc";

/** Kinds a bare name may resolve to: exported declarations, not modules, members or re-export aliases. */
const TARGET_KINDS =
  ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias | ReflectionKind.Variable | ReflectionKind.Enum;

const IDENTIFIER = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** @param {import("typedoc").Application} app */
export function load(app) {
  // Before TypeDoc's own link resolution, which runs on RESOLVE_END at priority -300.
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => rewriteDocumentLinks(context.project), 100);
}

/** @param {import("typedoc").ProjectReflection} project */
function rewriteDocumentLinks(project) {
  /** @type {Map<string, import("typedoc").DeclarationReflection[]>} name → exports of that name */
  const byName = new Map();
  /** @type {Map<string, import("typedoc").DeclarationReflection[]>} absolute source path → exports declared there */
  const byFile = new Map();
  /** @type {Map<string, import("typedoc").Reflection>} absolute source path → its module */
  const moduleOfFile = new Map();
  const push = (/** @type {Map<string, any[]>} */ m, /** @type {string} */ k, /** @type {any} */ v) => m.set(k, [...(m.get(k) ?? []), v]);

  for (const refl of project.getReflectionsByKind(TARGET_KINDS)) {
    const decl = /** @type {import("typedoc").DeclarationReflection} */ (refl);
    if (!decl.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project)) continue;
    push(byName, decl.name, decl);
    for (const s of decl.sources ?? []) {
      push(byFile, s.fullFileName, decl);
      if (!moduleOfFile.has(s.fullFileName)) moduleOfFile.set(s.fullFileName, decl.parent);
    }
  }
  for (const mod of project.getReflectionsByKind(ReflectionKind.Module)) {
    for (const s of /** @type {import("typedoc").DeclarationReflection} */ (mod).sources ?? []) moduleOfFile.set(s.fullFileName, mod);
  }

  /** @param {import("typedoc").CommentDisplayPart[]} parts */
  const rewrite = (parts) => {
    parts.forEach((part, i) => {
      if (part.kind === "inline-tag" && part.target === undefined && /^@link(code|plain)?$/.test(part.tag)) {
        const bar = part.text.indexOf("|");
        const name = (bar === -1 ? part.text : part.text.slice(0, bar)).trim();
        const [head = "", ...rest] = IDENTIFIER.test(name) ? name.split(".") : [];
        const candidates = byName.get(head) ?? [];
        const target = candidates.length === 1 ? (rest.length ? candidates[0]?.getChildByName(rest) : candidates[0]) : undefined;
        if (target) {
          part.target = target;
          part.text = bar === -1 ? name : part.text.slice(bar + 1).trim();
        }
      }
      if (part.kind === "relative-link" && typeof part.target === "number") {
        const path = project.files.resolvePath(part.target);
        if (!path || !/\.[cm]?tsx?$/.test(path)) return;
        // The link text is in the parts just before, e.g. text "[", code "`decodeTx()`", text "](".
        const before = parts.slice(Math.max(0, i - 3), i).map((p) => p.text).join("");
        const label = /\[`?([A-Za-z_$][\w$]*)(?:\(\))?`?\]\($/.exec(before)?.[1];
        const named = label ? (byFile.get(path) ?? []).find((d) => d.name === label) : undefined;
        if (named) {
          project.files.registerReflectionPath(/** @type {any} */ (`${path}::${named.name}`), named);
          part.target = project.files.registerAbsolute(/** @type {any} */ (`${path}::${named.name}`)).target;
          part.targetAnchor = undefined;
        } else if (moduleOfFile.has(path)) {
          if (typeof project.files.resolve(part.target, project) !== "object") {
            project.files.registerReflectionPath(/** @type {any} */ (path), /** @type {import("typedoc").Reflection} */ (moduleOfFile.get(path)));
          }
          part.targetAnchor = undefined; // a line anchor such as #L98 means nothing on the module's page
        }
      }
    });
  };

  if (project.readme) rewrite(project.readme);
  for (const doc of project.getReflectionsByKind(ReflectionKind.Document)) rewrite(/** @type {import("typedoc").DocumentReflection} */ (doc).content);
}
