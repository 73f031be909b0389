/**
 * The shreds benchmark (spec/shreds.md): shredding (Reed-Solomon coding + Merkle trees + one Ed25519
 * signature per FEC set) of 1 MiB and 32 MiB blocks against the WASM build of reed-solomon-erasure
 * doing only the parity of the same FEC sets, measured in the same run; recovery of a FEC set from its
 * 32 coding shreds against WASM reconstruct of the same shards; one shred's Turbine tree for 2,000 and
 * 10,000 nodes against sorting the nodes alone.
 * @module
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ReedSolomonErasure } from "@digitaldefiance/reed-solomon-erasure.wasm";
import { table } from "../conformance/harness/report.js";
import { Rng } from "../reference/common/rng.js";
import { rsEncode } from "../reference/da/index.js";
import { capacity, erasureShard, parseShred, PROOF_SIZE, recoverFecSet, shardSize, shredBlock, sortNodes, turbineOrder, type ShredParams } from "../reference/shreds/index.js";
import { formatPercent, formatRatio, measureInterleaved, roundSig, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

const MiB = 1024 * 1024;
const require = createRequire(import.meta.url);
const loadWasm = () => ReedSolomonErasure.fromBytes(readFileSync(require.resolve("@digitaldefiance/reed-solomon-erasure.wasm/wasm")));

const params = (secret: Uint8Array, nextShredIndex = 0): ShredParams => ({ slot: 1000n, parentSlot: 999n, version: 1, referenceTick: 0, isLastInSlot: false, chainedMerkleRoot: new Uint8Array(32), nextShredIndex, nextCodeIndex: nextShredIndex, leaderSecret: secret });

/** A block cut into slot-sized calls (a 32 MiB block passes the 32,768-data-shred limit of one slot: two slots of 16 MiB). */
function shredAll(block: Uint8Array, secret: Uint8Array): number {
  const perCall = 16 * MiB;
  let sets = 0;
  for (let off = 0; off < block.length; off += perCall) sets += shredBlock(block.subarray(off, off + perCall), params(secret)).fecSets.length;
  return sets;
}

function runShredding(ctx: BenchContext, wasm: ReedSolomonErasure): BenchJson {
  const secret = new Rng("pwo/shreds/bench/leader").bytes(32);
  const rows: string[][] = [];
  const json: Record<string, BenchJson> = {};
  const shard = shardSize(false);
  for (const size of [1 * MiB, 32 * MiB]) {
    const block = new Rng(`pwo/shreds/bench/block/${size}`).bytes(size);
    const sets = Math.ceil(size / (32 * capacity("data", PROOF_SIZE, false)));
    // the anchor's input: the same number of 32 × 987-byte data shards in one contiguous buffer per set
    const buf = new Uint8Array(64 * shard);
    buf.set(block.subarray(0, 32 * shard));
    const data = Array.from({ length: 32 }, (_, i) => buf.slice(i * shard, (i + 1) * shard));
    const [full, rs, w] = measureInterleaved(
      [
        { name: "shredBlock", fn: () => shredAll(block, secret), items: size },
        { name: "rsEncode only", fn: () => { for (let s = 0; s < sets; s++) rsEncode(data, 32); }, items: size },
        { name: "wasm encode only", fn: () => { for (let s = 0; s < sets; s++) wasm.encode(buf, 32, 32); }, items: size },
      ],
      { minMs: ctx.minMs, minBatches: size > MiB ? 2 : 5 },
    );
    for (const m of [full!, rs!, w!]) rows.push([`${size / MiB} MiB (${sets} sets)`, m.name, (m.perSec / MiB).toFixed(2), `±${formatPercent(m.spread)}`, formatRatio(w!.perSec / m.perSec)]);
    json[`${size / MiB}MiB`] = { sets, shredMiBs: roundSig(full!.perSec / MiB), rsOnlyMiBs: roundSig(rs!.perSec / MiB), wasmOnlyMiBs: roundSig(w!.perSec / MiB) };
  }
  ctx.print(["Shredding (block MiB/s): shredBlock = headers, RS parity (da's rsEncode), 64 leaf hashes + tree, one Ed25519 signature, proofs, per FEC set;", "  anchor: the WASM reed-solomon-erasure computing only the parity of as many 32:32 sets of 987-byte shards\n", table(["block", "operation", "MiB/s", "spread", "time ÷ wasm parity"], rows), ""].join("\n"));
  return json;
}

function runRecovery(ctx: BenchContext, wasm: ReedSolomonErasure): BenchJson {
  const secret = new Rng("pwo/shreds/bench/leader").bytes(32);
  const set = shredBlock(new Rng("pwo/shreds/bench/recover").bytes(32 * 963), params(secret)).fecSets[0]!;
  const slots = set.map((p, i) => (i < 32 ? undefined : p)); // every data shred lost: the most decoding
  const shard = shardSize(false);
  const buf = new Uint8Array(64 * shard);
  set.forEach((p, i) => { if (i >= 32) buf.set(erasureShard(parseShred(p)), i * shard); });
  const avail = Array.from({ length: 64 }, (_, i) => i >= 32);
  const fresh = buf.slice();
  const [ours, w] = measureInterleaved(
    [
      { name: "recoverFecSet (32 data lost)", fn: () => recoverFecSet(slots), items: 1 },
      { name: "wasm reconstruct", fn: () => { buf.set(fresh); return wasm.reconstruct(buf, 32, 32, avail); }, items: 1 },
    ],
    { minMs: ctx.minMs },
  );
  const rows = [ours!, w!].map((m) => [m.name, m.perSec.toFixed(1), ((m.perSec * 32 * 963) / MiB).toFixed(2), `±${formatPercent(m.spread)}`, formatRatio(w!.perSec / m.perSec)]);
  ctx.print(["Recovery of one FEC set from its 32 coding shreds (ours: checks R1–R8, decode, re-encode check, rebuilt payloads, tree, proofs):\n", table(["operation", "sets/s", "data MiB/s", "spread", "time ÷ wasm"], rows), ""].join("\n"));
  return { setsPerSec: roundSig(ours!.perSec), wasmSetsPerSec: roundSig(w!.perSec) };
}

function runTurbine(ctx: BenchContext): BenchJson {
  const rows: string[][] = [];
  const json: Record<string, BenchJson> = {};
  for (const n of [2_000, 10_000]) {
    const r = new Rng(`pwo/shreds/bench/turbine/${n}`);
    const nodes = Array.from({ length: n }, () => ({ pubkey: r.bytes(32), stake: BigInt(r.below(1_000_000)) * 1_000_000_000n }));
    let index = 0;
    const [tree, sort] = measureInterleaved(
      [
        { name: "turbineOrder", fn: () => turbineOrder(nodes, nodes[0]!.pubkey, 1000n, index++, "data"), items: 1 },
        { name: "sortNodes only", fn: () => sortNodes(nodes), items: 1 },
      ],
      { minMs: ctx.minMs },
    );
    for (const m of [tree!, sort!]) rows.push([`${n}`, m.name, (1000 / m.perSec).toFixed(2), `±${formatPercent(m.spread)}`, formatRatio(sort!.perSec / m.perSec)]);
    json[`n${n}`] = { msPerShred: roundSig(1000 / tree!.perSec), msSortOnly: roundSig(1000 / sort!.perSec) };
  }
  ctx.print(["Turbine tree of one shred (sort by stake and pubkey, u64 weighted shuffle over a Fenwick tree, ChaCha20 draws):\n", table(["nodes", "operation", "ms/shred", "spread", "time ÷ sort"], rows), ""].join("\n"));
  return json;
}

export const shredsBench: BenchSuite = {
  name: "shreds",
  summary: "shredding MiB/s (1 and 32 MiB) and FEC recovery vs the WASM reed-solomon-erasure; Turbine tree ms/shred for 2,000 and 10,000 nodes",
  run(ctx) {
    const wasm = loadWasm();
    return { shredding: runShredding(ctx, wasm), recovery: runRecovery(ctx, wasm), turbine: runTurbine(ctx) };
  },
};
