/**
 * `pwo vectors pack`: a reproducible tarball of the vectors directory. Every byte is fixed by the
 * files' contents alone: names sorted, mode 0644, uid/gid 0, empty owner names, mtime 0, POSIX ustar
 * headers, gzip with a zero timestamp, and a SHA256SUMS file first in the archive.
 *
 * Written by hand (about forty lines of ustar) rather than with node-tar, because node-tar takes each
 * entry's mode from the file system, which differs between checkouts with different umasks.
 * @module
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { listFiles, sha256Hex, SHA256SUMS, sha256sums } from "./manifest.js";

const BLOCK = 512;

/** One ustar header (POSIX.1-1988): name, mode, uid, gid, size, mtime, checksum, typeflag, magic. */
function ustarHeader(name: string, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (offset: number, len: number, s: string) => h.set(Buffer.from(s, "ascii").subarray(0, len), offset);
  const octal = (offset: number, len: number, v: number) => put(offset, len, `${v.toString(8).padStart(len - 1, "0")}\0`);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || name.length - cut - 1 > 100) throw new RangeError(`pack: path too long for ustar: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  put(0, 100, base);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, 0);
  put(148, 8, "        "); // checksum field counts as spaces while summing
  put(156, 1, "0");
  put(257, 8, "ustar\u000000");
  put(345, 155, prefix);
  const sum = h.reduce((a, b) => a + b, 0);
  put(148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

function pad(n: number): Uint8Array {
  return new Uint8Array((BLOCK - (n % BLOCK)) % BLOCK);
}

/** Files that travel in the tarball beside the vectors but are not vectors (not in the manifest). */
export const PACK_EXTRAS = ["LICENSE"] as const;

/**
 * The .tar.gz of `dir` under the top-level folder `root`, with SHA256SUMS over every file; `extras`
 * (the package's LICENSE) are added at the top of the tree and listed in SHA256SUMS too.
 */
export function packVectors(dir: string, root = "pwo-vectors", extras: ReadonlyMap<string, Uint8Array> = new Map()): { tgz: Uint8Array; sums: string; files: number } {
  const paths = [...listFiles(dir).filter((p) => p !== SHA256SUMS && !extras.has(p)), ...extras.keys()].sort();
  const contents = new Map(paths.map((p) => [p, extras.get(p) ?? readFileSync(join(dir, p))]));
  const sums = sha256sums(paths.map((p) => ({ path: p, sha256: sha256Hex(contents.get(p)!) })));
  const entries: [string, Uint8Array][] = [[SHA256SUMS, Buffer.from(sums)], ...paths.map((p) => [p, contents.get(p)!] as [string, Uint8Array])];
  const parts: Uint8Array[] = [];
  for (const [p, data] of entries) parts.push(ustarHeader(`${root}/${p}`, data.length), data, pad(data.length));
  parts.push(new Uint8Array(2 * BLOCK));
  const tar = Buffer.concat(parts);
  const tgz = gzipSync(tar, { level: 9 });
  tgz[9] = 0xff; // RFC 1952 OS field: "unknown", rather than the OS this ran on
  return { tgz, sums, files: entries.length };
}

/** Bounds on what {@link unpackVectors} accepts: it reads tarballs a user names, so it bounds them first. */
const UNPACK_MAX_BYTES = 1 << 30;
const UNPACK_MAX_FILES = 100_000;

const field = (h: Uint8Array, offset: number, len: number): string => {
  const raw = Buffer.from(h.subarray(offset, offset + len)).toString("latin1");
  const nul = raw.indexOf("\0");
  return nul < 0 ? raw : raw.slice(0, nul);
};

/**
 * Unpacks a tarball made by {@link packVectors} into `dest` (for `pwo conform --vectors x.tar.gz`):
 * regular files only, every path inside one top-level folder with no `..`, `.` or absolute part,
 * sizes bounded before anything is allocated, and the SHA256SUMS inside checked against the files
 * (a mismatch, a missing or an unlisted file is an error). LICENSE is checked but not written: it is
 * not part of the vectors' manifest. Returns the number of files written.
 */
export function unpackVectors(tgz: Uint8Array, dest: string): number {
  let tar: Buffer;
  try {
    tar = gunzipSync(tgz, { maxOutputLength: UNPACK_MAX_BYTES });
  } catch (e) {
    throw new RangeError(`not a gzip tarball, or larger than ${UNPACK_MAX_BYTES} bytes unpacked: ${(e as Error).message}`);
  }
  const files = new Map<string, Buffer>();
  let top: string | undefined;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = h.subarray(148, 156);
    const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0);
    if (Number.parseInt(field(h, 148, 8).trim(), 8) !== sum || stored.length !== 8) throw new RangeError(`tar header at byte ${at}: bad checksum`);
    const prefix = field(h, 345, 155);
    const name = prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100);
    const type = field(h, 156, 1);
    const size = Number.parseInt(field(h, 124, 12).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || size < 0 || at + BLOCK + size > tar.length) throw new RangeError(`${name}: size ${size} runs past the end of the archive`);
    if (type !== "0" && type !== "") throw new RangeError(`${name}: only regular files are accepted (type ${JSON.stringify(type)})`);
    const parts = name.split("/");
    if (name.startsWith("/") || parts.some((p) => p === ".." || p === "." || p === "") || parts.length < 2) throw new RangeError(`${name}: not a relative path inside the archive's folder`);
    top ??= parts[0];
    if (parts[0] !== top) throw new RangeError(`${name}: outside the archive's folder ${top}/`);
    const rel = parts.slice(1).join("/");
    if (files.has(rel)) throw new RangeError(`${name}: listed twice`);
    if (files.size >= UNPACK_MAX_FILES) throw new RangeError(`more than ${UNPACK_MAX_FILES} files`);
    files.set(rel, tar.subarray(at + BLOCK, at + BLOCK + size));
    at += BLOCK + size + ((BLOCK - (size % BLOCK)) % BLOCK);
  }
  const sums = files.get(SHA256SUMS);
  if (!sums) throw new RangeError(`the archive has no ${SHA256SUMS}`);
  const listed = new Map(sums.toString("utf8").trim().split("\n").map((l) => [l.slice(66), l.slice(0, 64)] as const));
  const problems: string[] = [];
  for (const [p, data] of files) if (p !== SHA256SUMS && listed.get(p) !== sha256Hex(data)) problems.push(`${p}: ${listed.has(p) ? "sha256 differs from SHA256SUMS" : "not in SHA256SUMS"}`);
  for (const p of listed.keys()) if (!files.has(p)) problems.push(`${p}: in SHA256SUMS but not in the archive`);
  if (problems.length) throw new RangeError(`the archive fails its SHA256SUMS:\n  ${problems.join("\n  ")}`);
  let written = 0;
  for (const [p, data] of files) {
    if (p === SHA256SUMS || (PACK_EXTRAS as readonly string[]).includes(p)) continue;
    mkdirSync(dirname(join(dest, p)), { recursive: true });
    writeFileSync(join(dest, p), data);
    written++;
  }
  return written;
}

/**
 * A `--vectors` argument opened for reading: a directory as it is, or a tarball made by
 * {@link packVectors}, unpacked (and its SHA256SUMS checked) into a temporary directory that
 * `close` removes. An unreadable or corrupt tarball throws, naming the path.
 */
export function openVectors(path: string): { dir: string; close: () => void } {
  const full = resolve(path);
  if (!statSync(full, { throwIfNoEntry: false })?.isFile()) return { dir: full, close: () => {} };
  const dir = mkdtempSync(join(tmpdir(), "pwo-vectors-"));
  const close = () => rmSync(dir, { recursive: true, force: true });
  try {
    unpackVectors(readFileSync(full), dir);
  } catch (e) {
    close();
    throw new Error(`--vectors ${full}: ${(e as Error).message}`);
  }
  return { dir, close };
}

