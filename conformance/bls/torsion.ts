/**
 * Points on the BLS12-381 curves outside the prime-order subgroup that differ from a valid point by
 * a cofactor-torsion component (spec/bls.md rule E7): `P + T` with `T = [r]Q` for a curve point Q
 * off the subgroup, so `T ≠ 0` has order dividing the cofactor. Such an input verifies under a
 * pairing that skips the subgroup check exactly when the torsion part pairs to 1, which is what
 * tells a missing E7 apart from a failed pairing (the isolated off-subgroup points of the other
 * vectors fail the equation anyway). Not normative.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { G1, G2, R, type G1Point, type G2Point } from "../../reference/bls/index.js";
import { i2osp } from "../../reference/bls/keys.js";

const Fp = bls12_381.fields.Fp;
const Fp2 = bls12_381.fields.Fp2;
const HALF_P = (Fp.ORDER - 1n) / 2n;

const sqrtOrNull = <T>(F: { sqrt(a: T): T; sqr(a: T): T; eql(a: T, b: T): boolean }, a: T): T | null => {
  try {
    const y = F.sqrt(a);
    return F.eql(F.sqr(y), a) ? y : null;
  } catch {
    return null;
  }
};

/** [r]Q for the curve point Q of smallest x (≥ 1) outside the subgroup: a non-zero cofactor-torsion point. */
function torsion<P extends G1Point | G2Point>(group: "G1" | "G2"): P {
  for (let x = 1n; x < 1000n; x++) {
    let q: G1Point | G2Point | null = null;
    if (group === "G1") {
      const y = sqrtOrNull(Fp, Fp.add(Fp.mul(Fp.sqr(x), x), 4n));
      if (y !== null) q = G1.fromAffine({ x, y });
    } else {
      const xx = Fp2.fromBigTuple([x, 0n]);
      const y = sqrtOrNull(Fp2, Fp2.add(Fp2.mul(Fp2.sqr(xx), xx), Fp2.fromBigTuple([4n, 4n])));
      if (y !== null) q = G2.fromAffine({ x: xx, y });
    }
    if (q === null || q.isTorsionFree()) continue;
    const t = (q as G1Point).multiplyUnsafe(R - 1n).add(q as G1Point);
    if (!t.is0()) return t as P;
  }
  throw new Error(`no off-subgroup ${group} point with small x`);
}

export const T1: G1Point = torsion<G1Point>("G1");
export const T2: G2Point = torsion<G2Point>("G2");

/** Compressed encoding without any validity check (noble's toBytes asserts the subgroup). */
export function compressG1(p: G1Point): Uint8Array {
  const { x, y } = p.toAffine();
  const out = i2osp(x, 48);
  out[0]! |= 0x80 | (y > HALF_P ? 0x20 : 0);
  return out;
}

export function compressG2(p: G2Point): Uint8Array {
  const { x, y } = p.toAffine();
  const out = new Uint8Array(96);
  out.set(i2osp(x.c1, 48), 0);
  out.set(i2osp(x.c0, 48), 48);
  const larger = y.c1 !== 0n ? y.c1 > HALF_P : y.c0 > HALF_P;
  out[0]! |= 0x80 | (larger ? 0x20 : 0);
  return out;
}
