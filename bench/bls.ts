/**
 * The bls benchmark (issue 3): commit-certificate verification for committees of 4, 100 and 1 000
 * members, one by one and batched (64 certificates, one multi-pairing), for our reference
 * (spec/bls.md) against bare @noble/curves and native blst measured in the same run.
 *
 * Targets of the issue: certificate overhead over the bare aggregate verification ≤ 1.2×; batched
 * verification of 64 certificates ≥ 3× faster than one by one.
 *
 * Fixtures are built fast and outside the timing: committees are assembled from keys directly (the
 * proof-of-possession admission is a once-per-epoch cost, timed separately for 100 members), and a
 * signer set's aggregate signature is (Σ sk_i) · H(m), equal to the sum of the members' signatures.
 * @module
 */
import * as blst from "@chainsafe/blst";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { table } from "../conformance/harness/report.js";
import {
  G1,
  POP,
  R,
  batchVerifyCertificates,
  commitMessage,
  encodeSigners,
  keyGen,
  makeCommittee,
  popProve,
  sign,
  skToPk,
  verifyCertificate,
  type Certificate,
  type Commit,
  type Committee,
} from "../reference/bls/index.js";
import { i2osp } from "../reference/bls/keys.js";
import { os2ip } from "../reference/bls/points.js";
import { Rng } from "../reference/common/rng.js";
import { formatInt, formatRatio, measureInterleaved, roundSig, type BenchContext, type BenchJson, type BenchSuite, type Measurement } from "./harness.js";

/** Committee sizes and the batch size of the issue. */
export const COMMITTEE_SIZES = [4, 100, 1000] as const;
export const BATCH = 64;
const noble = bls12_381.longSignatures;

interface Fixture {
  n: number;
  committee: Committee;
  commits: Commit[];
  messages: Uint8Array[];
  certs: Certificate[];
  /** The signers' public keys, decoded once, for the bare anchors. */
  signerPoints: ReturnType<typeof G1.fromBytes>[];
  signerBlst: blst.PublicKey[];
}

/** n members with stake 1; the first ⌊2n/3⌋ + 1 sign each of BATCH commits. */
function makeFixture(n: number): Fixture {
  const rng = new Rng(`pwo/bench/bls/${n}`);
  const sks = Array.from({ length: n }, () => keyGen(rng.bytes(32)));
  const pks = sks.map(skToPk);
  const members = pks.map((publicKey) => ({ publicKey, stake: 1n, point: G1.fromBytes(publicKey) }));
  const committee: Committee = { members, totalStake: BigInt(n) }; // built directly: admission is timed apart
  const signers = Array.from({ length: Math.floor((2 * n) / 3) + 1 }, (_, i) => i);
  const skSum = i2osp(signers.reduce((t, i) => (t + os2ip(sks[i]!)) % R, 0n), 32);
  const commits = Array.from({ length: BATCH }, (_, k): Commit => ({ chainId: 1n, shard: 7n, height: 1000n + BigInt(k), round: 0n, blockDigest: rng.bytes(32) }));
  const messages = commits.map(commitMessage);
  const bits = encodeSigners(n, signers);
  const certs = messages.map((m) => ({ signature: sign(skSum, m), signers: bits }));
  return {
    n,
    committee,
    commits,
    messages,
    certs,
    signerPoints: signers.map((i) => members[i]!.point),
    signerBlst: signers.map((i) => blst.PublicKey.fromBytes(pks[i]!, true)),
  };
}

/** One by one: each call verifies the next certificate of the fixture. */
function cycle(f: Fixture, verifyOne: (k: number) => boolean): () => boolean {
  let k = 0;
  return () => {
    const ok = verifyOne(k);
    if (!ok) throw new Error(`bench: certificate ${k} of n = ${f.n} did not verify`);
    k = (k + 1) % BATCH;
    return ok;
  };
}

function cases(f: Fixture) {
  const items = f.commits.map((commit, k) => ({ committee: f.committee, commit, certificate: f.certs[k]! }));
  const blstSets = () =>
    f.messages.map((msg, k) => ({ msg, pk: blst.aggregatePublicKeys(f.signerBlst), sig: blst.Signature.fromBytes(f.certs[k]!.signature, true) }));
  return {
    ours: cycle(f, (k) => verifyCertificate(f.committee, f.commits[k]!, f.certs[k]!).signers.length > 0),
    noble: cycle(f, (k) => noble.verify(f.certs[k]!.signature, noble.hash(f.messages[k]!, POP.id), noble.aggregatePublicKeys(f.signerPoints))),
    blst: cycle(f, (k) => blst.verify(f.messages[k]!, blst.aggregatePublicKeys(f.signerBlst), blst.Signature.fromBytes(f.certs[k]!.signature, true))),
    oursBatch: () => {
      if (!batchVerifyCertificates(items)) throw new Error(`bench: batch of n = ${f.n} did not verify`);
      return true;
    },
    blstBatch: () => {
      if (!blst.verifyMultipleAggregateSignatures(blstSets())) throw new Error(`bench: blst batch of n = ${f.n} did not verify`);
      return true;
    },
  };
}

interface SizeFigures {
  n: number;
  ours: Measurement;
  noble: Measurement;
  blst: Measurement;
  oursBatch: Measurement;
  blstBatch: Measurement;
}

function measureSize(f: Fixture, minMs: number): SizeFigures {
  const c = cases(f);
  const [ours, nobleM, blstM] = measureInterleaved(
    [
      { name: "ours verifyCertificate", fn: c.ours },
      { name: "bare noble aggregate+verify", fn: c.noble },
      { name: "native blst aggregate+verify", fn: c.blst },
    ],
    { minMs },
  );
  // a batched call verifies 64 certificates: fewer, longer batches
  const [oursBatch, blstBatch] = measureInterleaved(
    [
      { name: `ours batchVerifyCertificates ×${BATCH}`, fn: c.oursBatch, items: BATCH },
      { name: `native blst verifyMultipleAggregateSignatures ×${BATCH}`, fn: c.blstBatch, items: BATCH },
    ],
    { minMs, minBatches: 3 },
  );
  return { n: f.n, ours: ours!, noble: nobleM!, blst: blstM!, oursBatch: oursBatch!, blstBatch: blstBatch! };
}

const ms = (m: Measurement) => (1000 / m.perSec).toFixed(2);

function sizeTable(s: SizeFigures[]): string {
  const rows = s.flatMap((x) => [
    [`n = ${x.n}`, "", "", ""],
    [`  ${x.ours.name}`, formatInt(x.ours.perSec), ms(x.ours), `${(x.ours.spread * 100).toFixed(1)}%`],
    [`  ${x.noble.name}`, formatInt(x.noble.perSec), ms(x.noble), `${(x.noble.spread * 100).toFixed(1)}%`],
    [`  ${x.blst.name}`, formatInt(x.blst.perSec), ms(x.blst), `${(x.blst.spread * 100).toFixed(1)}%`],
    [`  ${x.oursBatch.name}`, formatInt(x.oursBatch.perSec), ms(x.oursBatch), `${(x.oursBatch.spread * 100).toFixed(1)}%`],
    [`  ${x.blstBatch.name}`, formatInt(x.blstBatch.perSec), ms(x.blstBatch), `${(x.blstBatch.spread * 100).toFixed(1)}%`],
  ]);
  return table(["certificate verification", "certs/s", "ms/cert", "spread"], rows);
}

function ratioTable(s: SizeFigures[]): string {
  const rows = s.map((x) => [
    `n = ${x.n}`,
    formatRatio(x.noble.perSec / x.ours.perSec),
    formatRatio(x.oursBatch.perSec / x.ours.perSec),
    formatRatio(x.blst.perSec / x.ours.perSec),
    formatRatio(x.blstBatch.perSec / x.blst.perSec),
    formatRatio(x.blstBatch.perSec / x.oursBatch.perSec),
  ]);
  return table(["committee", "overhead ours÷noble (≤1.20×)", "batch speedup ours (≥3×)", "blst÷ours single", "batch speedup blst", "blst÷ours batched"], rows);
}

/** Committee admission (M1–M7, proofs of possession as one batch) for 100 members, once. */
function admissionMs(): { n: number; ms: number } {
  const rng = new Rng("pwo/bench/bls/admission");
  const members = Array.from({ length: 100 }, () => {
    const sk = keyGen(rng.bytes(32));
    return { publicKey: skToPk(sk), stake: 1n, proofOfPossession: popProve(sk) };
  });
  const t0 = performance.now();
  makeCommittee(members);
  return { n: 100, ms: performance.now() - t0 };
}

export const blsBench: BenchSuite = {
  name: "bls",
  summary: "commit-certificate verification (committees of 4, 100, 1000; single and batched ×64) against bare @noble/curves and native blst",
  run(ctx: BenchContext): BenchJson {
    ctx.print(
      `Each certificate: ⌊2n/3⌋+1 of n members sign one commit (spec/bls.md §Certificates); ${BATCH} certificates of ${BATCH} different commits.\n` +
        "  ours verifyCertificate        C1–C6: commit message, bitfield, stake, Σ signer keys, signature decode + subgroup check, H(m), pairing check\n" +
        "  bare noble aggregate+verify   @noble/curves longSignatures: aggregatePublicKeys(decoded signer keys) + verify(signature bytes, hash(m))\n" +
        "  native blst aggregate+verify  @chainsafe/blst: aggregatePublicKeys + Signature.fromBytes(validate) + verify\n" +
        `  batched ×${BATCH}                   one random linear combination over ${BATCH} certificates (ours: spec/bls.md §Batch verification; blst: its own random scalars)\n`,
    );
    const sizes: SizeFigures[] = [];
    for (const n of COMMITTEE_SIZES) {
      const t0 = performance.now();
      const f = makeFixture(n);
      ctx.print(`(n = ${n}: fixture built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      sizes.push(measureSize(f, ctx.minMs));
    }
    ctx.print(`\n${sizeTable(sizes)}\n`);
    ctx.print(`Ratios (higher is faster for the numerator's side; targets of issue 3 in parentheses):\n${ratioTable(sizes)}\n`);
    const adm = admissionMs();
    ctx.print(`Committee admission with proofs of possession (once per epoch), n = ${adm.n}: ${adm.ms.toFixed(0)} ms\n`);
    const fig = (m: Measurement) => ({ perSec: roundSig(m.perSec), spread: roundSig(m.spread, 2) });
    return {
      batch: BATCH,
      sizes: sizes.map((x) => ({
        n: x.n,
        ours: fig(x.ours),
        noble: fig(x.noble),
        blst: fig(x.blst),
        oursBatch: fig(x.oursBatch),
        blstBatch: fig(x.blstBatch),
        overheadOverNoble: roundSig(x.noble.perSec / x.ours.perSec),
        batchSpeedup: roundSig(x.oursBatch.perSec / x.ours.perSec),
        blstOverOurs: roundSig(x.blst.perSec / x.ours.perSec),
      })),
      admission100Ms: roundSig(adm.ms),
    };
  },
};
