/**
 * `pwo vectors pack`: a reproducible tarball of the vectors directory. Every byte is fixed by the
 * files' contents alone: names sorted, mode 0644, uid/gid 0, empty owner names, mtime 0, POSIX ustar
 * headers, gzip with a zero timestamp, and a SHA256SUMS file first in the archive.
 *
 * Written by hand (about forty lines of ustar) rather than with node-tar, because node-tar takes each
 * entry's mode from the file system, which differs between checkouts with different umasks.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
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

/** The .tar.gz of `dir` under the top-level folder `root`, with SHA256SUMS over every file. */
export function packVectors(dir: string, root = "pwo-vectors"): { tgz: Uint8Array; sums: string; files: number } {
  const paths = listFiles(dir).filter((p) => p !== SHA256SUMS);
  const contents = new Map(paths.map((p) => [p, readFileSync(join(dir, p))]));
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
