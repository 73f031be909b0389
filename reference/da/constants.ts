/** Constants of spec/da.md §Constants. Each is referenced by name in the spec's table. */

/** The reducing polynomial of GF(2^8): x^8 + x^4 + x^3 + x^2 + 1, as in reed-solomon-erasure's galois_8. */
export const GF_POLYNOMIAL = 0x11d;
/** Most shards (data + parity) of one Reed-Solomon code word over GF(2^8): the field's 256 evaluation points. */
export const MAX_SHARDS = 256;
/** Bytes of a share unless configured otherwise (Celestia's share size). */
export const DEFAULT_SHARE_SIZE = 512;
/** Bytes of a namespace unless configured otherwise (Celestia's 1-byte version ‖ 28-byte id). */
export const DEFAULT_NAMESPACE_SIZE = 29;
/** Smallest and largest namespace size, in bytes. */
export const MIN_NAMESPACE_SIZE = 1;
export const MAX_NAMESPACE_SIZE = 32;
/** Largest share size, in bytes (a share is at least one byte longer than its namespace). */
export const MAX_SHARE_SIZE = 65_536;
/** Largest width k of the original square: the extended width 2k is at most MAX_SHARDS. */
export const MAX_SQUARE_WIDTH = 128;
/** Bytes of SHA-256, the digest inside every NMT node. */
export const HASH_SIZE = 32;
/** RFC 6962 / celestiaorg/nmt domain-separation prefixes. */
export const NMT_LEAF_PREFIX = 0x00;
export const NMT_NODE_PREFIX = 0x01;

/** The parity namespace: namespaceSize bytes of 0xFF (celestiaorg/nmt's maximal namespace). */
export function parityNamespace(namespaceSize: number): Uint8Array {
  return new Uint8Array(namespaceSize).fill(0xff);
}

/** The tail-padding namespace: 0xFF…FF 0xFE, the largest below the parity namespace. */
export function tailPaddingNamespace(namespaceSize: number): Uint8Array {
  const ns = parityNamespace(namespaceSize);
  ns[namespaceSize - 1] = 0xfe;
  return ns;
}
