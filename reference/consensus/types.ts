/**
 * The values of spec/consensus.md §Types. Authorities are named by their index in the committee;
 * digests are 32-byte SHA-256 values.
 * @module
 */

/** A 32-byte SHA-256 digest. */
export type Digest = Uint8Array;

export interface Authority {
  /** Voting power, an integer ≥ 1. */
  stake: number;
  /** The authority's public key under the committee's {@link SignatureScheme}. */
  publicKey: Uint8Array;
}

/** The validators of one epoch, indexed 0..n−1. */
export interface Committee {
  authorities: readonly Authority[];
}

/**
 * A Narwhal header: the proposal of `author` for `round`. `parents` are certificate (= header)
 * digests, strictly ascending: every certificate of round − 1 the author had (strong parents, ≥
 * quorum stake) plus older certificates it had no path to yet (weak parents, §Weak links).
 */
export interface Header {
  author: number;
  round: number;
  /** Batch digests, strictly ascending. */
  payload: readonly Digest[];
  parents: readonly Digest[];
}

/** A vote: `voter`'s signature over the vote message of one header digest. */
export interface Vote {
  headerDigest: Digest;
  author: number;
  round: number;
  voter: number;
  signature: Uint8Array;
}

/** A certificate: a header with the aggregate signature of a quorum of votes. Its digest is the header's. */
export interface Certificate {
  header: Header;
  /** Authority indices of the voters, strictly ascending. */
  signers: readonly number[];
  /** The scheme's aggregate of the signers' vote signatures, in signer order. */
  signature: Uint8Array;
}

/** What an ordered vertex is identified by in commit sequences. */
export interface VertexRef {
  round: number;
  author: number;
  digest: Digest;
}
