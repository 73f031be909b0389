/**
 * `npm run docs:test`: the documentation site checked in a real browser. It builds nothing itself
 * (run `npm run docs` first; the npm script does both), serves docs/site on loopback, and drives
 * headless Chromium (Debian's /usr/bin/chromium, through playwright-core) over it:
 *
 * 1. every page loads without a console error or a failed request;
 * 2. no link is broken: every internal href resolves to a file of the site, and its #anchor to an id
 *    on that page (checked over the HTML of every page);
 * 3. the search box finds `NON_CANONICAL_VARINT` with normative spec pages first: spec/common.html (whose
 *    §Varints states the MUST rule) and spec/codec.html (whose reason table defines the code) rank above
 *    every API page, the reference's copy of the vocabulary included;
 * 4. a spec section's link reaches its API page, and that API page links back to the spec section;
 * 5. screenshots of the index, one spec page and one API page are written to reports/docs/ for review.
 *
 * Prints a table of figures and exits 1 on any failure.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, resolve } from "node:path";
import { chromium } from "playwright-core";

const SITE = resolve("docs/site");
const OUT = resolve("reports/docs");
const CHROMIUM = process.env.PWO_CHROMIUM ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png" };

const failures: string[] = [];
const fail = (s: string) => failures.push(s);

function pagesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pagesOf(p) : p.endsWith(".html") ? [relative(SITE, p)] : [];
  });
}

/** Static check of every internal link and anchor, over the HTML of every page. */
function checkLinks(pages: readonly string[]): number {
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    if (!ids.has(page)) ids.set(page, new Set([...readFileSync(join(SITE, page), "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(page)!;
  };
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(join(SITE, page), "utf8");
    for (const m of html.matchAll(/<a [^>]*href="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, "&");
      if (/^(https?:|mailto:|javascript:)/.test(href)) continue;
      checked++;
      const [path, anchor] = href.split("#");
      const target = path ? relative(SITE, resolve(join(SITE, page, ".."), decodeURIComponent(path))) : page;
      if (target.startsWith("..") || !existsSync(join(SITE, target))) {
        fail(`${page}: broken link ${href}`);
        continue;
      }
      if (anchor && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(anchor))) fail(`${page}: link ${href}: no id "${anchor}" on ${target}`);
    }
  }
  return checked;
}

async function main(): Promise<number> {
  if (!existsSync(join(SITE, "index.html"))) {
    process.stderr.write("docs:test: docs/site is missing; run npm run docs first\n");
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`docs:test: ${CHROMIUM} is missing (apt-get install chromium, or set PWO_CHROMIUM)\n`);
    return 2;
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (url === "/favicon.ico") {
      res.writeHead(204).end(); // the site has none; the browser asks anyway
      return;
    }
    const path = join(SITE, decodeURIComponent(url));
    if (!path.startsWith(SITE) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const t0 = performance.now();
  const pages = pagesOf(SITE).sort();
  const links = checkLinks(pages);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let current = "";
    page.on("console", (m) => {
      if (m.type() === "error") fail(`${current}: console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => fail(`${current}: page error: ${e.message}`));
    page.on("requestfailed", (r) => fail(`${current}: request failed: ${r.url()}`));
    page.on("response", (r) => {
      if (r.status() >= 400) fail(`${current}: HTTP ${r.status()} for ${r.url()}`);
    });
    let slowest = { page: "", ms: 0 };
    // --search-only: the search, link and spec↔API checks without loading every page (for iterating on them)
    const load = process.argv.includes("--search-only") ? [] : pages;
    for (const [i, p] of load.entries()) {
      current = p;
      const s = performance.now();
      const r = await page.goto(base + p, { waitUntil: "load" });
      if (!r || r.status() !== 200) fail(`${p}: HTTP ${r?.status()}`);
      const ms = performance.now() - s;
      if (ms > slowest.ms) slowest = { page: p, ms };
      if ((i + 1) % 100 === 0) process.stderr.write(`docs:test: ${i + 1}/${pages.length} pages loaded\n`);
    }

    // search: the normative page first
    current = "search";
    await page.goto(`${base}index.html`, { waitUntil: "load" });
    await page.click("#tsd-search-trigger").catch(() => page.click("#tsd-search"));
    await page.keyboard.type("NON_CANONICAL_VARINT");
    await page.waitForSelector("#tsd-search-results li a, .results li a", { timeout: 10_000 });
    const results = await page.$$eval("#tsd-search-results li a, .results li a", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    const firstApi = results.findIndex((r) => !r.includes("spec/"));
    const specs = results.slice(0, firstApi < 0 ? results.length : firstApi);
    if (!specs.some((r) => r.includes("spec/codec.html")) || !specs.some((r) => r.includes("spec/common.html"))) {
      fail(`search NON_CANONICAL_VARINT: expected spec/common.html and spec/codec.html before any other page, got ${results.slice(0, 6).join(", ")}`);
    }

    // spec → API → spec
    current = "spec↔API";
    await page.goto(`${base}spec/codec.html`, { waitUntil: "load" });
    const api = await page.$$eval("a[href*='reference_codec.encodeTx']", (as) => as.map((a) => (a as unknown as { href: string }).href));
    if (!api[0]) fail("spec/codec.html links to no API page of encodeTx");
    else {
      await page.goto(api[0], { waitUntil: "load" });
      const back = await page.$$eval("a[href*='spec/codec.html']", (as) => as.map((a) => a.getAttribute("href")));
      if (back.length === 0) fail(`${api[0]} links back to no section of spec/codec.html`);
    }

    mkdirSync(OUT, { recursive: true });
    for (const [name, p] of [["index", "index.html"], ["spec-da", "spec/da.html"], ["api-encodeTx", "functions/reference_codec.encodeTx.html"]] as const) {
      await page.goto(base + p, { waitUntil: "load" });
      await page.screenshot({ path: join(OUT, `${name}.png`) });
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `docs:test: ${load.length} of ${pages.length} pages loaded in Chromium, ${links} internal links checked, search first result ${results[0]}, slowest page ${slowest.page} (${slowest.ms.toFixed(0)} ms), ${secs} s; screenshots in ${relative(process.cwd(), OUT)}/\n`,
    );
  } finally {
    await browser.close();
    server.close();
  }
  for (const f of failures.slice(0, 50)) process.stdout.write(`  ✗ ${f}\n`);
  process.stdout.write(failures.length ? `docs:test: FAIL, ${failures.length} problem(s)\n` : "docs:test: PASS\n");
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
