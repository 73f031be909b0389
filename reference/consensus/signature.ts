/**
 * The signature scheme is a parameter of the protocol (spec/consensus.md §Signature schemes). The
 * reference node, certificate checks and simulations take a {@link SignatureScheme}; the
 * {@link SIM_HASH_SCHEME} stand-in makes simulations of thousands of schedules cheap.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { bytesEqual } from "../common/bytes.js";
import { BLS_SCHEME } from "./bls-scheme.js";

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface SignatureScheme {
  /** The name vectors and committees cite, e.g. `sim-hash-v1`. */
  readonly name: string;
  /** A deterministic key pair from a seed (vectors and simulations derive keys from labels). */
  keyPair(seed: Uint8Array): KeyPair;
  sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** Aggregates signatures over one message, given in signer order. */
  aggregate(signatures: readonly Uint8Array[]): Uint8Array;
  /** Verifies an aggregate over one message by the given public keys (in signer order). */
  verifyAggregate(publicKeys: readonly Uint8Array[], message: Uint8Array, aggregate: Uint8Array): boolean;
}

const cat = concatBytes;
const tag = (s: string) => utf8ToBytes(s);

/**
 * `sim-hash-v1`, the simulation stand-in. **Insecure by design**: the "signature" of `pk` on `m` is
 * SHA-256("pwo/sim-hash/sig" ‖ pk ‖ m), which anyone can compute from public values. It models a
 * signature's *binding* (a signature is valid for one key and one message) but not unforgeability:
 * simulations obtain unforgeability by construction (a simulated Byzantine validator only ever signs
 * with its own key), never from this scheme. It MUST NOT be used outside simulations and vectors.
 *
 *   publicKey  = SHA-256("pwo/sim-hash/pk" ‖ seed), secretKey = publicKey
 *   signature  = SHA-256("pwo/sim-hash/sig" ‖ pk ‖ m)
 *   aggregate  = SHA-256("pwo/sim-hash/agg" ‖ sig_1 ‖ … ‖ sig_k)
 */
export const SIM_HASH_SCHEME: SignatureScheme = {
  name: "sim-hash-v1",
  keyPair(seed) {
    const publicKey = sha256(cat(tag("pwo/sim-hash/pk"), seed));
    return { secretKey: publicKey, publicKey };
  },
  sign: (sk, m) => sha256(cat(tag("pwo/sim-hash/sig"), sk, m)),
  verify: (pk, m, s) => bytesEqual(sha256(cat(tag("pwo/sim-hash/sig"), pk, m)), s),
  aggregate: (sigs) => sha256(cat(tag("pwo/sim-hash/agg"), ...sigs)),
  verifyAggregate(pks, m, agg) {
    const sigs = pks.map((pk) => sha256(cat(tag("pwo/sim-hash/sig"), pk, m)));
    return bytesEqual(sha256(cat(tag("pwo/sim-hash/agg"), ...sigs)), agg);
  },
};

const SCHEMES = new Map<string, SignatureScheme>([
  [SIM_HASH_SCHEME.name, SIM_HASH_SCHEME],
  [BLS_SCHEME.name, BLS_SCHEME],
]);

/** Makes a further scheme available by name (sim-hash-v1 and bls12381-pop-v1 are built in). */
export function registerScheme(s: SignatureScheme): void {
  SCHEMES.set(s.name, s);
}

/** The scheme of a name, or undefined. */
export function getScheme(name: string): SignatureScheme | undefined {
  return SCHEMES.get(name);
}

/** The key pair of authority `index` in simulations and vectors: `keyPair(UTF-8 "pwo/consensus/key/" ‖ label ‖ "/" ‖ index)`. */
export function deriveKeyPair(scheme: SignatureScheme, label: string, index: number): KeyPair {
  return scheme.keyPair(tag(`pwo/consensus/key/${label}/${index}`));
}
