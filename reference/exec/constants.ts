/** Constants of spec/exec.md §Constants. Each is referenced by name in the spec's table. */

/** Intrinsic gas of every valid transaction: charged before its body runs. */
export const G_TX = 1_000;
/** Gas of a balance transfer (a payment's body, a call's non-zero value). */
export const G_TRANSFER = 500;
/** Largest gas limit (= fee) a transaction may declare: 10^6. */
export const MAX_TX_GAS = 1_000_000;
/**
 * Most gas a block may declare: the sum of the fees of its transactions that decode with a fee of at
 * most MAX_TX_GAS (rule S3). 5·10^7: the slowest instruction mix the reference runs at about 20
 * million gas per second here, so a block at the cap executes in a few seconds (spec/exec.md §Cost).
 */
export const MAX_BLOCK_GAS = 50_000_000;
/** Most distinct storage keys one transaction may access (read or write), its nonce and balance included. */
export const MAX_TX_KEYS = 64;
/** Deepest operand stack of the VM. */
export const MAX_STACK = 64;
/** Bytes of a storage key (a SHA-256 digest). */
export const KEY_SIZE = 32;
/** Largest u64. */
export const U64_MAX = (1n << 64n) - 1n;

/** Domain tags of the storage key derivation (spec/exec.md §State). */
export const TAG_BALANCE = 0x01;
export const TAG_NONCE = 0x02;
export const TAG_STORAGE = 0x03;
