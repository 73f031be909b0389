/** The codec's value types (spec/codec.md §Types). Bytes are Uint8Array, u64 values bigint. */

export type SigMode = "single" | "aggregate";

interface TxCommon {
  /** 32-byte account address of the signer. */
  sender: Uint8Array;
  /** u64 per-sender sequence number. */
  nonce: bigint;
  /** u64 fee offered. */
  fee: bigint;
  /** `single`: the transaction carries its own signature; `aggregate`: the block's aggregate covers it. */
  sigMode: SigMode;
  /** 64 bytes in single mode, `null` in aggregate mode. */
  signature: Uint8Array | null;
}

/** A value transfer. */
export interface Payment extends TxCommon {
  kind: "payment";
  recipient: Uint8Array;
  amount: bigint;
}

/** A contract call with call data. */
export interface Call extends TxCommon {
  kind: "call";
  contract: Uint8Array;
  value: bigint;
  calldata: Uint8Array;
}

export type Transaction = Payment | Call;

export interface BlockHeader {
  /** u32 partition (shard) the block belongs to. */
  shardId: number;
  /** u64 height within the shard's chain. */
  height: bigint;
  parentHash: Uint8Array;
  /** RFC 6962 Merkle root of the encoded transactions. */
  txRoot: Uint8Array;
}

export interface Block extends BlockHeader {
  txs: Transaction[];
  /** 96-byte BLS aggregate signature, present iff some transaction is in aggregate mode. */
  aggregateSignature: Uint8Array | null;
}
