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
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Converter, IndexEvent, KindRouter, ReflectionKind } from "typedoc";

/** Kinds a bare name may resolve to: exported declarations, not modules, members or re-export aliases. */
const TARGET_KINDS =
  ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias | ReflectionKind.Variable | ReflectionKind.Enum;

const IDENTIFIER = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** @param {import("typedoc").Application} app */
export function load(app) {
  // Before TypeDoc's own link resolution, which runs on RESOLVE_END at priority -300.
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => rewriteDocumentLinks(context.project), 100);
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => linkSpecCitations(context.project, app), 90);
  app.renderer.defineRouter("pwo", StableRouter);
  // 5. A reason code is defined by its spec page: the entries of the *_REASONS vocabularies (the
  //    reference's copy of the spec's table) rank below the pages, so a search for a code finds the
  //    normative page first.
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event) => {
    for (const r of event.searchResults) {
      if (/_REASONS\./.test(r.getFullName())) r.relevanceBoost = 0.01;
    }
  });
}

/**
 * 3. Stable URLs for the pages a vector or a citation names: a document of group Spec is
 *    `spec/<name>.html`, Guides `guides/<name>.html`, Vectors `vectors/<name>.html`, where `<name>` is
 *    the title's first word (`da — erasure coding…` → `spec/da.html`), so `spec/da.md#nmt-proofs`
 *    becomes `spec/da.html#nmt-proofs`. API pages keep TypeDoc's kind router.
 */
class StableRouter extends KindRouter {
  /** @param {import("typedoc").Reflection} reflection */
  getIdealBaseName(reflection) {
    const group = reflection.isDocument() ? String(reflection.frontmatter["group"] ?? "") : "";
    const dir = { Spec: "spec", Guides: "guides", Vectors: "vectors" }[group];
    if (!dir) return super.getIdealBaseName(reflection);
    const first = reflection.name.split(/\s+—\s+|\s/)[0] ?? reflection.name;
    return `${dir}/${first.replace(/^vectors\//, "").replace(/[^A-Za-z0-9_-]/g, "-").toLowerCase()}`;
  }
}

/** GitHub-style heading slug, as TypeDoc makes the anchors of a document's headings. */
const slug = (/** @type {string} */ h) => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");

/**
 * 4. API pages link to the spec: a doc comment's plain-text citation `spec/<c>.md §<Section>` (or
 *    `spec/<c>.md`) becomes a link to that spec page, at the heading the section names (the longest
 *    heading of that page the text starts with). Citations that name no page of the site stay text.
 * @param {import("typedoc").ProjectReflection} project
 * @param {import("typedoc").Application} app
 */
function linkSpecCitations(project, app) {
  const root = process.cwd();
  /** @type {Map<string, string[]>} spec file → its headings */
  const headings = new Map();
  const headingsOf = (/** @type {string} */ file) => {
    if (!headings.has(file)) {
      let text = "";
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        /* not a page of ours: the citation stays text */
      }
      headings.set(file, text.split("\n").filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+\s*/, "")));
    }
    return /** @type {string[]} */ (headings.get(file));
  };
  const CITATION = /spec\/([a-z0-9-]+)\.md(?: §([^,.;:)\]\n"]+))?|§([^,.;:)\]\n"]+)/g;
  /**
   * @param {import("typedoc").CommentDisplayPart[]} parts
   * @param {string | undefined} home the spec page of the component the comment's file belongs to, for a bare `§Section`
   */
  const rewrite = (parts, home) => {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (!part || part.kind !== "text" || !CITATION.test(part.text)) continue;
      CITATION.lastIndex = 0;
      /** @type {import("typedoc").CommentDisplayPart[]} */
      const out = [];
      let last = 0;
      for (const m of part.text.matchAll(CITATION)) {
        const file = m[1] ? `spec/${m[1]}.md` : home;
        const at = m.index ?? 0;
        // already the label or the target of a markdown link: leave it to TypeDoc
        if (!file || part.text[at - 1] === "[" || part.text[at - 1] === "(" && part.text[at - 2] === "]" || part.text.slice(at + m[0].length).startsWith("](")) continue;
        const hs = headingsOf(file);
        if (hs.length === 0) continue;
        const section = (m[2] ?? m[3] ?? "").trim();
        const heading = section ? hs.filter((h) => section.toLowerCase().startsWith(h.toLowerCase())).sort((a, b) => b.length - a.length)[0] : undefined;
        if (!m[1] && !heading) continue; // a bare § that names no heading of the page stays text
        const reg = project.files.registerAbsolute(/** @type {any} */ (join(root, file)));
        out.push({ kind: "text", text: `${part.text.slice(last, m.index)}[${m[0]}](` });
        out.push({ kind: "relative-link", text: file, target: reg.target, targetAnchor: heading ? slug(heading) : undefined });
        out.push({ kind: "text", text: ")" });
        last = (m.index ?? 0) + m[0].length;
      }
      if (out.length === 0) continue;
      out.push({ kind: "text", text: part.text.slice(last) });
      parts.splice(i, 1, ...out);
      i += out.length - 1;
    }
  };
  const seen = new Set();
  for (const refl of Object.values(project.reflections)) {
    const source = refl.isDeclaration() ? refl.sources?.[0]?.fileName : undefined;
    const component = source ? /^(?:reference|conformance)\/([a-z0-9-]+)\//.exec(source)?.[1] : undefined;
    const home = component && headingsOf(`spec/${component}.md`).length ? `spec/${component}.md` : undefined;
    const comments = [refl.comment, ...(refl.isDeclaration() ? (refl.signatures ?? []).map((s) => s.comment) : [])];
    for (const c of comments) {
      if (!c || seen.has(c)) continue; // a signature may share its declaration's comment
      seen.add(c);
      rewrite(c.summary, home);
      for (const t of c.blockTags) rewrite(t.content, home);
    }
  }
  app.logger.verbose(`linked spec citations in ${Object.keys(project.reflections).length} reflections`);
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
