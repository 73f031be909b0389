/**
 * Interop anchors (conformance/shreds/external/README.md): hard-coded answers of Agave's and
 * Firedancer's public unit tests, reproduced from the same deterministic inputs.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { toHex } from "../../reference/common/hex.js";
import { rsEncode } from "../../reference/da/index.js";
import {
  ChaCha20Rng,
  chainedMerkleRoot,
  isDataComplete,
  isLastInSlot,
  merkleTreeSize,
  parseShred,
  proofSize,
  referenceTick,
  retransmitChildren,
  retransmitParent,
  shredBlock,
  shredSeed,
  variantByte,
  verifyShred,
  WeightedShuffle,
} from "../../reference/shreds/index.js";
import { ed25519 } from "@noble/curves/ed25519.js";

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function b58decode(s: string): Uint8Array {
  let n = 0n;
  for (const c of s) n = n * 58n + BigInt(B58.indexOf(c));
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  for (const c of s) if (c === "1") bytes.unshift(0); else break;
  return Uint8Array.from(bytes);
}
function b58encode(b: Uint8Array): string {
  let n = BigInt("0x" + (toHex(b) || "0"));
  let s = "";
  for (; n > 0n; n /= 58n) s = B58[Number(n % 58n)] + s;
  for (const x of b) if (x === 0) s = "1" + s; else break;
  return s;
}

describe("Agave ledger/src/shred.rs", () => {
  it("test_shred_seed: the per-shred seed of two shreds", () => {
    const rng = new ChaCha20Rng(new Uint8Array(32).fill(147));
    const leader1 = rng.genByteArray(32);
    expect(b58encode(shredSeed(141939602n, 28685, "data", leader1))).toBe("Gp4kUM4ZpWGQN5XSCyM9YHYWEBCAZLa94ZQuSgDE4r56");
    const leader2 = rng.genByteArray(32);
    expect(b58encode(shredSeed(141945197n, 23418, "code", leader2))).toBe("G1gmFe1QUM8nhDApk6BqvPgw3TQV2Qc5bpKppa96qbVb");
  });

  it("test_shred_flags_serde: reference tick, DATA_COMPLETE and LAST_IN_SLOT of four flag bytes", () => {
    const cases: [number, boolean, boolean, number][] = [
      [0b0001_0101, false, false, 21],
      [0b0111_0001, true, false, 49],
      [0b1110_0101, true, true, 37],
      [0b1011_1101, false, false, 61],
    ];
    for (const [byte, complete, last, tick] of cases) {
      expect([isDataComplete(byte), isLastInSlot(byte), referenceTick(byte)], byte.toString(2)).toEqual([complete, last, tick]);
    }
  });

  it("test_shred_variant_compat_merkle_{code,data}: variant bytes for every proof size", () => {
    for (let p = 0; p <= 15; p++) {
      expect([variantByte("code", false, p), variantByte("code", true, p), variantByte("data", false, p), variantByte("data", true, p)]).toEqual([0x60 | p, 0x70 | p, 0x90 | p, 0xb0 | p]);
    }
  });

  it("test_serde_compat_shred_data: the Merkle data shred rebuilt from the test's inputs is byte-identical", () => {
    const PAYLOAD =
      "aX2ovF3sZRfd6HyqMow9kkrtL3MyJd52m7gvuSjcvA4qayXZcVPhjURcs4JX86YQM8wVrKXqdneqdEUJwBWhFrxSkegDSov6NQoK89SzZi9auEXHHr35dmN4zQbxuNdPjKM2K7b7WKRWaHyoMKQfG9jDbJGcWqwVkAxBmUXZQKryHvAqyNdBuRTdWrMtPKDiJWhqVWTmokpyGNceL7mqVr3VrLby6dEuiEUCBHCkhbsXBjfpFZk4yRoSKosb7BViTWWdtpWd7NrbDSiE97sBppEU1nWTPaVQh3bu91x8dEoYk696k532MxnhRLcKeL4XzG6P2HzypAckJdXiRJDn5E3woA8aiPojqdN9ScthJ8yXq1h4HhvzTRWkRxRBpJL8HEYPBcshwuMLDZ9iBsWSFZLmj5v1xH3kDnMuNYJg6Dau6PKHnZyD15tTyFtFtMaXaBc35RqYhsM7s8JuQ9tJ1UfFwdkhHa1wdrmTWGcvq9DDmALuTtejH1ccoW43GiYSs1TmByJWjRtupvLzMRifZZ7meaGbUBgHUkA6t1VN3akoZ9BhdX561KpFGABxTU4NxyFqztEy1EB5EJYtTHwtbJQb1NmNMwKFkazXkn1ouKK6drH5y19roH3mMo2JykapbvzYPDBSXUwKQWe1RqSvogapwPxm1EzSRDeXNDP6EYUJJjjTAnckNatpT5UZDz4EhpaSbUzd9b5ztqsdPp9HxeBTm412GopAXKN5iSXSPS2WvrEdnANFD7tRV3a6PM2SfwpF6eFM5J7xXGJSoPm5TWJSPBMbxttxVFUETSRrBubEsd24aymYZZePJtHr7Q8S1deygcyXH5WhhYAmR23hNPv3nUUHe8iwJfaFg73Ncjr8fQBVjwePEy9JKT5jNG5sm87qe2RrHEWEwkNKnNgUknoVMbL7y3wmGFpP8VoKTgP51EjMDz7JTxnVsZeRsSp29STteGKbq4iwiC5EmMS5K86CAJ86FYt1kXXHJBSw4D79wAMgxRDDycp5PgdowdLxAbwySgpmwdfnxnSD4hY8mo4jLGWokP1mGdgjnPmtMbzndiQCLPjpUcbZoVc6SQrTDCufupkJhy1ewo64yA1db6T2TASTWSHJkjzaWt7QtFfnBo8WoXQrNKw5pyKAQsmP7n6r1SVD7tASfcZAjfaFHxkVvMpKwTQFdy9WHxREeCPK3yeN7ACT75RgRuRT1shC1PRCuAu4EFGnBmr3nWuDrYNCG5WrWuW6RRoMyB3YaXqjYMXRUVuwb5h2PBP9euBb96Ntung8ihWXa2mbKMYMtmaoYCDhYYrFYszYfdgQH68JYzAXZvjFH1SxCETfiXAWGD1aYDa33rXZLcLVx637igoydr77qmzo5YozRQnuXUiJ19PScLWic8jWeVmQ6Mm7BLoGhVPyYbJBeyX5HRwh8CNeLK2ekmhFz9MypB1rM2PXUfcnr2MXS9WRK8bhsy47awNdApPdN3RxmuyPLnvmN6FsG5fUNqF8rsz9KUiJh9C4ziYf6NSZvVG2c1KFsQRyFrSBzyjqqxBrH1xereV9YNr1gNamFjhZTncpGcPQf9oAoA4LQeSAZXR1dMtfktCs1fFWVbA67FdQ1GrpZVGTsZCbuw7Tspns8WoL158AdS7";
    const expected = b58decode(PAYLOAD);
    expect(expected.length).toBe(1203);
    // the test's inputs: ChaChaRng([1; 32]) fills the 32-byte keypair seed, then 4096 data bytes
    const rng = new ChaCha20Rng(new Uint8Array(32).fill(1));
    const secret = rng.fillBytes(32);
    const data = rng.fillBytes(4096);
    const slot = 142076266n;
    const out = shredBlock(data, { slot, parentSlot: slot - 1n, version: 42, referenceTick: 0, isLastInSlot: false, chainedMerkleRoot: new Uint8Array(32), nextShredIndex: 64, nextCodeIndex: 64, leaderSecret: secret });
    expect(toHex(out.fecSets[0]![0]!)).toBe(toHex(expected));
    const s = verifyShred(expected, ed25519.getPublicKey(secret));
    expect([s.common.slot, s.common.index, s.common.version, s.common.fecSetIndex, s.data!.parentOffset, s.data!.size]).toEqual([slot, 64, 42, 64, 1, 1051]);
    expect(toHex(chainedMerkleRoot(parseShred(expected)))).toBe("00".repeat(32));
  });
});

describe("Agave ledger/src/shred/merkle_tree.rs", () => {
  it("test_get_merkle_tree_size", () => {
    expect(Array.from({ length: 15 }, (_, n) => merkleTreeSize(n))).toEqual([0, 1, 3, 6, 7, 11, 12, 14, 15, 20, 21, 23, 24, 27, 28]);
  });
  it("test_get_proof_size", () => {
    expect([0, 1, 2, 3, 4, 5, 63, 64, 65].map(proofSize)).toEqual([0, 0, 1, 2, 2, 3, 6, 6, 7]);
    expect(proofSize(2 ** 64 - 2)).toBe(64); // usize::MAX − 1 (as a double, 2^64)
    for (let p = 1; p < 9; p++) for (let n = (1 << p) / 2 + 1; n <= 1 << p; n++) expect(proofSize(n)).toBe(p);
  });
});

describe("Firedancer src/ballet/reedsol/test_reedsol.c", () => {
  it("32:32 increasing diagonal: the sum of the parity's first 32 bytes as u64 words is 0x121a5c5754f0c0de", () => {
    const data = Array.from({ length: 32 }, (_, i) => {
      const d = new Uint8Array(1024);
      d[i] = i;
      return d;
    });
    const parity = rsEncode(data, 32);
    let sum = 0n;
    for (const p of parity) {
      const v = new DataView(p.buffer, p.byteOffset, 32);
      for (let j = 0; j < 32; j += 8) sum = (sum + v.getBigUint64(j, true)) & ((1n << 64n) - 1n);
    }
    expect(sum.toString(16)).toBe("121a5c5754f0c0de");
  });
});

describe("Agave turbine/src/cluster_nodes.rs test_get_retransmit_nodes", () => {
  const check = (fanout: number, nodes: number[], peers: number[][]) => {
    const pos = new Map(nodes.map((n, k) => [n, k]));
    expect(retransmitParent(0, fanout)).toBeUndefined();
    peers.forEach((expected, k) => {
      expect(retransmitChildren(k, nodes.length, fanout).map((c) => nodes[c]), `children of ${nodes[k]}`).toEqual(expected);
      for (const p of expected) expect(nodes[retransmitParent(pos.get(p)!, fanout)!], `parent of ${p}`).toBe(nodes[k]);
    });
    for (let k = peers.length; k < nodes.length; k++) expect(retransmitChildren(k, nodes.length, fanout)).toEqual([]);
  };
  it("fanout 2", () => {
    check(2, [7, 6, 10, 5, 19, 0, 14, 3, 1, 12, 2, 11, 4, 15, 18, 13, 16, 17, 9, 8], [[6, 10], [5, 0], [19, 14], [3, 12], [1, 2], [11, 15], [4, 18], [13, 17], [16, 9], [8]]);
  });
  it("fanout 3 (two tables)", () => {
    check(
      3,
      [19, 14, 15, 28, 29, 4, 5, 9, 16, 7, 26, 23, 2, 31, 3, 17, 20, 25, 0, 13, 30, 18, 35, 21, 22, 6, 8, 11, 27, 1, 10, 12, 24, 34, 33, 32],
      [[14, 15, 28], [29, 9, 26], [4, 16, 23], [5, 7, 2], [31, 20, 13], [3, 25, 30], [17, 0, 18], [35, 6, 27], [21, 8, 1], [22, 11, 10], [12, 33], [24, 32], [34]],
    );
    check(
      3,
      [5, 34, 52, 8, 44, 18, 2, 42, 47, 46, 11, 26, 28, 53, 23, 37, 40, 13, 7, 50, 35, 22, 3, 27, 31, 10, 48, 15, 19, 6, 30, 36, 45, 1, 38, 12, 17, 4, 32, 16, 41, 49, 24, 14, 9, 0, 29, 21, 39, 43, 51, 33, 25, 20],
      [[34, 52, 8], [44, 42, 11], [18, 47, 26], [2, 46, 28], [53, 40, 50], [23, 13, 35], [37, 7, 22], [3, 10, 19], [27, 48, 6], [31, 15, 30], [36, 38, 4], [45, 12, 32], [1, 17, 16], [41, 14, 29], [49, 9, 21], [24, 0, 39], [43, 25], [51, 20], [33]],
    );
  });
});

describe("Agave random/src/range.rs (rand 0.8.5 sample_single over ChaCha20Rng)", () => {
  it("test_random_range_example and test_uniform_sample_like_trait_sample_example", () => {
    const rng = () => new ChaCha20Rng(new Uint8Array(32).fill(16));
    const r1 = rng();
    expect(Array.from({ length: 10 }, () => Number(r1.sampleBelow(100n)))).toEqual([95, 2, 28, 92, 17, 78, 72, 72, 21, 65]);
    const r2 = rng();
    expect(Array.from({ length: 10 }, () => Number(r2.sampleBelow(294_533n)))).toEqual([272634, 52124, 8676, 230277, 223574, 137788, 212533, 213080, 187008, 209168]);
    const r3 = rng();
    expect(Array.from({ length: 10 }, () => Number(1000n + r3.sampleBelow(2463n)))).toEqual([1704, 2597, 1072, 2152, 2777, 1526, 2619, 3318, 1824, 2749]);
    const r4 = rng();
    expect(Array.from({ length: 2 }, () => r4.nextU64())).toEqual([17561962876765024395n, 470213581521912695n]);
  });
});

describe("Agave gossip/src/weighted_shuffle.rs", () => {
  const weights = [78n, 70n, 38n, 27n, 21n, 0n, 82n, 42n, 21n, 77n, 77n, 0n, 17n, 4n, 50n, 96n, 0n, 83n, 33n, 16n, 72n];
  const seed = (b: number) => new Uint8Array(32).fill(b);
  it("test_weighted_shuffle_hard_coded", () => {
    expect(new WeightedShuffle(weights).shuffle(new ChaCha20Rng(seed(48)))).toEqual([10, 3, 14, 18, 0, 9, 19, 6, 2, 1, 17, 7, 13, 15, 20, 12, 4, 8, 5, 16, 11]);
    const a = new WeightedShuffle(weights);
    for (const k of [11, 3, 15, 0]) a.removeIndex(k);
    expect(a.shuffle(new ChaCha20Rng(seed(48)))).toEqual([10, 6, 9, 17, 20, 8, 4, 1, 2, 14, 7, 12, 18, 19, 13, 16, 5]);
    expect(new WeightedShuffle(weights).shuffle(new ChaCha20Rng(seed(37)))).toEqual([3, 15, 10, 6, 19, 17, 2, 0, 9, 20, 1, 14, 7, 8, 12, 18, 4, 13, 5, 11, 16]);
    const b = new WeightedShuffle(weights);
    for (const k of [16, 8, 20, 5, 19, 4]) b.removeIndex(k);
    expect(b.shuffle(new ChaCha20Rng(seed(37)))).toEqual([2, 14, 10, 6, 17, 15, 3, 9, 12, 0, 1, 7, 18, 13, 11]);
    expect(new WeightedShuffle(weights).next(new ChaCha20Rng(seed(48)))).toBe(10);
  });
  it("test_weighted_shuffle_zero_weights (ChaCha20)", () => {
    expect(new WeightedShuffle([0n, 0n, 0n, 0n, 0n]).shuffle(new ChaCha20Rng(seed(37)))).toEqual([1, 4, 2, 3, 0]);
  });
  it("test_weighted_shuffle_overflow (ChaCha20)", () => {
    expect(new WeightedShuffle([19n, 23n, 7n, 0n, 0n, 23n, 3n, 0n, 5n, 0n, 19n, 29n]).shuffle(new ChaCha20Rng(seed(48)))).toEqual([8, 1, 5, 10, 11, 0, 2, 6, 9, 4, 3, 7]);
  });
});

describe("Agave gossip/src/weighted_shuffle.rs test_weighted_shuffle_hard_coded_paranoid", () => {
  // rand 0.8.5 Bernoulli::from_ratio(1, 100): p_int = (1/100 as f64 · 2^64) as u64
  const P_ONE_PERCENT = 184467440737095520n;
  const cases: [bigint, string][] = [
    [0x587c27258191c66dn, "84jN8bvnp6mvtngzt42SW8AtRf5fcv3VBerKkUsYrCVG"],
    [0x7dad2afc68808779n, "25oFhs9sR3WYfB6ohy752JrbLqpBjw6X4Eszbcsoxon4"],
    [0xfdd71c99c936736cn, "7H9H8V7ccmpBhC3i5vEeFfiUwvRSAvRWadZhFH5ecSD7"],
    [0xe2a4d9fdd186636cn, "Nxe6X7f74kEPrJFycKFcxByDRWKJtx1J3vsdbum9VPv"],
    [0x19a0a360e9f3094dn, "Ec6wiaqDuVc5AzZpq4GAZ6GLsRJvw9mAVWVrCpDoGaRm"],
    [0xc5e0204894ca50dcn, "BqxDzSFw8rJRHnTZmsPRzF77G3xgfK4hD8JyYeAFfxuZ"],
    [0xf1336cf933eeda07n, "3Ux2vciDFdgNqULpsQpXfpaxZykWmBFCseqX9dwpGnyH"],
    [0xe666e7514f37c7a1n, "Fc3gAUgh2mD1se3kkhPnLMKpQCiARd2PSdGf7b2fDS2n"],
  ];
  const run = (seed: bigint): string => {
    const s = new Uint8Array(32);
    const v = new DataView(s.buffer);
    for (let i = 0; i < 4; i++) v.setBigUint64(8 * i, seed + BigInt(i), true);
    const rng = new ChaCha20Rng(s);
    const n = Number(1n + rng.sampleBelow(100_000n));
    const weights = Array.from({ length: n }, () => (rng.nextU64() < P_ONE_PERCENT ? 0n : rng.sampleBelow(((1n << 64n) - 1n) / BigInt(n) + 1n)));
    const shuffle = () => new WeightedShuffle(weights);
    const shuffle1 = shuffle().shuffle(rng);
    const drops = Number(1n + rng.sampleBelow(999n));
    const ws = shuffle();
    const mask = new Set<number>();
    while (mask.size < drops) {
      const k = Number(rng.sampleBelow(BigInt(n)));
      if (!mask.has(k)) {
        mask.add(k);
        ws.removeIndex(k);
      }
    }
    const shuffle2 = ws.shuffle(rng);
    const all = [...shuffle1, ...shuffle2];
    const bytes = new Uint8Array(8 * all.length);
    const bv = new DataView(bytes.buffer);
    all.forEach((k, i) => bv.setBigUint64(8 * i, BigInt(k), true));
    return b58encode(sha256(bytes));
  };
  // one case always (about a second); all eight under PWO_DEEP=1
  for (const [seed, hash] of process.env.PWO_DEEP === "1" ? cases : cases.slice(0, 1)) {
    it(`seed 0x${seed.toString(16)}`, () => expect(run(seed)).toBe(hash));
  }
});
