#!/usr/bin/env python3
"""An independent Python implementation of the pwo `codec` suite's encode/decode operations.

It speaks the adapter protocol of docs/adapter-protocol.md (version 1) on stdin/stdout:

    python3 examples/python-adapter/adapter.py

and is checked with

    pwo conform --impl "python3 examples/python-adapter/adapter.py" --suite codec

Standard library only (json, sys, hashlib). Written from the spec's byte formats, not translated
from the TypeScript reference line by line; the order of the checks is the spec's, so the first
violated rule is the one reported.

Structure: `Reader` (canonical LEB128 and bounded reads), `Codec` (the six operations; methods so a
subclass can change one rule, see broken_adapter.py) and `serve` (the protocol loop).
"""

import hashlib
import json
import sys

NAME = "pwo-python-example"
VERSION = "0.1.0"

# ---- constants (spec/codec.md §Constants) ----

CODEC_VERSION = 1
ADDRESS_SIZE = 32
HASH_SIZE = 32
SIGNATURE_SIZE = 64
AGGREGATE_SIGNATURE_SIZE = 96
MAX_CALLDATA_SIZE = 65_536
MAX_TX_SIZE = 65_700  # 3 + 32 + 10 + 10 + 32 + 10 + 3 + 65536 + 64
MAX_BLOCK_TXS = 1_048_576
MAX_BLOCK_SIZE = 67_108_864
U64_LIMIT = 1 << 64
U32_LIMIT = 1 << 32

KIND_BYTE = {"payment": 0x00, "call": 0x01}
KIND_OF_BYTE = {0x00: "payment", 0x01: "call"}
SIG_MODE_BYTE = {"single": 0x00, "aggregate": 0x01}
SIG_MODE_OF_BYTE = {0x00: "single", 0x01: "aggregate"}

# Largest integer a JSON number may carry and still be exact in every consumer (2^53 - 1).
MAX_SAFE_INTEGER = (1 << 53) - 1

OPERATIONS = ["decode_varint", "encode_varint", "decode_tx", "encode_tx", "decode_block", "encode_block"]


class CodecError(Exception):
    """A protocol-invalid input: `code` is a reason code of the codec's closed vocabulary."""

    def __init__(self, code, message=""):
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message


class BadInput(Exception):
    """A request whose input is not of the operation's JSON shape (answered with BAD_INPUT)."""


# ---- bytes ----


class Reader:
    """Reads fields off `data`; every read is bounded by the bytes actually present."""

    __slots__ = ("data", "pos")

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def u8(self, what):
        if self.pos >= len(self.data):
            raise CodecError("UNEXPECTED_EOF", f"{what}: input ends at offset {self.pos}")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def take(self, n, what):
        if n > len(self.data) - self.pos:
            raise CodecError("UNEXPECTED_EOF", f"{what}: needs {n} bytes at offset {self.pos}")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def varint(self, max_bits, what):
        """Canonical unsigned LEB128 of at most `max_bits` bits.

        In order: more than ceil(max_bits/7) groups -> VARINT_OVERFLOW (before reading the extra
        byte); input ends inside -> UNEXPECTED_EOF; final byte 0x00 after the first ->
        NON_CANONICAL_VARINT; value >= 2^max_bits -> VARINT_OVERFLOW.
        """
        data = self.data
        n = len(data)
        pos = self.pos
        if pos < n and data[pos] < 0x80:  # fast path: a one-byte varint is always canonical and in range
            self.pos = pos + 1
            return data[pos]
        max_bytes = (max_bits + 6) // 7
        value = 0
        shift = 0
        i = 0
        while True:
            if i >= max_bytes:
                raise CodecError("VARINT_OVERFLOW", f"{what}: varint at offset {self.pos} is longer than {max_bytes} bytes")
            if pos >= n:
                raise CodecError("UNEXPECTED_EOF", f"{what}: input ends inside a varint")
            b = data[pos]
            pos += 1
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                self.check_final_group(b, i, what)
                if value >> max_bits:
                    raise CodecError("VARINT_OVERFLOW", f"{what}: varint exceeds {max_bits} bits")
                self.pos = pos
                return value
            shift += 7
            i += 1

    def check_final_group(self, b, i, what):
        """A varint's last byte may be 0x00 only when it is its only byte."""
        if b == 0 and i > 0:
            raise CodecError("NON_CANONICAL_VARINT", f"{what}: redundant zero group")

    def end(self, what):
        if self.pos != len(self.data):
            raise CodecError("TRAILING_BYTES", f"{what}: {len(self.data) - self.pos} unread bytes")


def encode_varint_bytes(v):
    """Canonical unsigned LEB128 of a non-negative integer of any size."""
    if v < U64_LIMIT:
        out = bytearray()
        while True:
            group = v & 0x7F
            v >>= 7
            if v == 0:
                out.append(group)
                return bytes(out)
            out.append(group | 0x80)
    # Huge values: cut the binary digits into 7-bit groups (linear, unlike repeated shifts).
    bits = bin(v)[2:]
    bits = "0" * (-len(bits) % 7) + bits
    groups = [int(bits[k : k + 7], 2) for k in range(len(bits) - 7, -1, -7)]
    return bytes([g | 0x80 for g in groups[:-1]] + [groups[-1]])


def sha256(b):
    return hashlib.sha256(b).digest()


def leaf_hash(leaf):
    return sha256(b"\x00" + leaf)


def merkle_root_of_hashes(hashes):
    """RFC 6962 §2.1 MTH over already-hashed leaves."""
    n = len(hashes)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return sha256(b"\x01" + merkle_root_of_hashes(hashes[:k]) + merkle_root_of_hashes(hashes[k:]))


def tx_root(encoded_txs):
    return merkle_root_of_hashes([leaf_hash(t) for t in encoded_txs])


# ---- JSON field readers (the input is checked, never trusted) ----


def _field(o, key):
    if key not in o:
        raise BadInput(f'missing field "{key}"')
    return o[key]


def get_hex(o, key):
    v = _field(o, key)
    if not isinstance(v, str) or len(v) % 2 or not v.isascii():
        raise BadInput(f"{key}: expected lower-case hex of even length")
    try:
        b = bytes.fromhex(v)
    except ValueError:
        raise BadInput(f"{key}: expected lower-case hex of even length") from None
    if b.hex() != v:  # upper case, embedded spaces...
        raise BadInput(f"{key}: expected lower-case hex of even length")
    return b


def get_hex_or_null(o, key):
    return None if _field(o, key) is None else get_hex(o, key)


def is_decimal(v):
    return isinstance(v, str) and v.isascii() and v.isdigit() and (v == "0" or v[0] != "0")


def get_decimal(o, key):
    """A decimal string without sign or leading zeros, as an int (any size)."""
    v = _field(o, key)
    if not is_decimal(v):
        raise BadInput(f"{key}: expected a decimal string")
    return int(v)


def get_u64_candidate(o, key):
    """Like get_decimal, but a string too long to be a u64 becomes U64_LIMIT (out of range either way)."""
    v = _field(o, key)
    if not is_decimal(v):
        raise BadInput(f"{key}: expected a decimal string")
    return int(v) if len(v) <= 20 else U64_LIMIT


def get_int(o, key):
    """A JSON number holding a non-negative safe integer (1.0 and 1e2 are integers too)."""
    v = _field(o, key)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise BadInput(f"{key}: expected a non-negative integer")
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")) or not v.is_integer():
            raise BadInput(f"{key}: expected a non-negative integer")
        v = int(v)
    if v < 0 or v > MAX_SAFE_INTEGER:
        raise BadInput(f"{key}: expected a non-negative integer")
    return v


def get_string(o, key, allowed):
    v = _field(o, key)
    if not isinstance(v, str) or v not in allowed:
        raise BadInput(f"{key}: expected one of {', '.join(allowed)}")
    return v


def get_object(o, key):
    v = _field(o, key)
    if not isinstance(v, dict):
        raise BadInput(f"{key}: expected an object")
    return v


def get_array(o, key):
    v = _field(o, key)
    if not isinstance(v, list):
        raise BadInput(f"{key}: expected an array")
    return v


def tx_from_json(o):
    kind = get_string(o, "kind", ("payment", "call"))
    tx = {
        "kind": kind,
        "sigMode": get_string(o, "sigMode", ("single", "aggregate")),
        "sender": get_hex(o, "sender"),
        "nonce": get_u64_candidate(o, "nonce"),
        "fee": get_u64_candidate(o, "fee"),
        "signature": get_hex_or_null(o, "signature"),
    }
    if kind == "payment":
        tx["recipient"] = get_hex(o, "recipient")
        tx["amount"] = get_u64_candidate(o, "amount")
    else:
        tx["contract"] = get_hex(o, "contract")
        tx["value"] = get_u64_candidate(o, "value")
        tx["calldata"] = get_hex(o, "calldata")
    return tx


def block_from_json(o):
    txs = []
    for i, t in enumerate(get_array(o, "txs")):
        if not isinstance(t, dict):
            raise BadInput(f"txs[{i}]: expected an object")
        txs.append(tx_from_json(t))
    return {
        "shardId": get_int(o, "shardId"),
        "height": get_u64_candidate(o, "height"),
        "parentHash": get_hex(o, "parentHash"),
        "txRoot": get_hex(o, "txRoot"),
        "txs": txs,
        "aggregateSignature": get_hex_or_null(o, "aggregateSignature"),
    }


# ---- the codec ----


def _hex_or_null(b):
    return None if b is None else b.hex()


class Codec:
    """The six codec operations. Each takes the request's `input` object and returns its `output`."""

    reader_class = Reader

    # -- field checks of the encoders --

    @staticmethod
    def check_u64(v, what):
        if v < 0 or v >= U64_LIMIT:
            raise CodecError("FIELD_OUT_OF_RANGE", f"{what} is not a u64")

    @staticmethod
    def check_fixed(b, size, what):
        if len(b) != size:
            raise CodecError("FIELD_OUT_OF_RANGE", f"{what}: expected {size} bytes, got {len(b)}")

    def check_tx(self, tx):
        self.check_fixed(tx["sender"], ADDRESS_SIZE, "sender")
        self.check_u64(tx["nonce"], "nonce")
        self.check_u64(tx["fee"], "fee")
        if tx["kind"] == "payment":
            self.check_fixed(tx["recipient"], ADDRESS_SIZE, "recipient")
            self.check_u64(tx["amount"], "amount")
        else:
            self.check_fixed(tx["contract"], ADDRESS_SIZE, "contract")
            self.check_u64(tx["value"], "value")
            if len(tx["calldata"]) > MAX_CALLDATA_SIZE:
                raise CodecError("CALLDATA_TOO_LARGE", f"calldata: {len(tx['calldata'])} bytes")
        sig = tx["signature"]
        if tx["sigMode"] == "single" and sig is None:
            raise CodecError("SIGNATURE_MODE_MISMATCH", "single mode requires a signature")
        if tx["sigMode"] == "aggregate" and sig is not None:
            raise CodecError("SIGNATURE_MODE_MISMATCH", "aggregate mode carries no signature")
        if sig is not None:
            self.check_fixed(sig, SIGNATURE_SIZE, "signature")

    # -- transactions --

    def encode_tx_bytes(self, tx):
        self.check_tx(tx)
        parts = [bytes([CODEC_VERSION, KIND_BYTE[tx["kind"]], SIG_MODE_BYTE[tx["sigMode"]]]), tx["sender"],
                 encode_varint_bytes(tx["nonce"]), encode_varint_bytes(tx["fee"])]
        if tx["kind"] == "payment":
            parts += [tx["recipient"], encode_varint_bytes(tx["amount"])]
        else:
            parts += [tx["contract"], encode_varint_bytes(tx["value"]), encode_varint_bytes(len(tx["calldata"])), tx["calldata"]]
        if tx["signature"] is not None:
            parts.append(tx["signature"])
        return b"".join(parts)

    def decode_tx_json(self, data):
        """Decodes one transaction into its JSON form; the whole of `data` must be the transaction."""
        r = self.reader_class(data)
        version = r.u8("version")
        if version != CODEC_VERSION:
            raise CodecError("UNKNOWN_VERSION", f"transaction version {version}")
        kind = KIND_OF_BYTE.get(r.u8("kind"))
        if kind is None:
            raise CodecError("INVALID_KIND")
        sig_mode = SIG_MODE_OF_BYTE.get(r.u8("sigMode"))
        if sig_mode is None:
            raise CodecError("INVALID_SIG_MODE")
        tx = {"kind": kind, "sigMode": sig_mode, "sender": r.take(ADDRESS_SIZE, "sender").hex()}
        tx["nonce"] = str(r.varint(64, "nonce"))
        tx["fee"] = str(r.varint(64, "fee"))
        if kind == "payment":
            tx["recipient"] = r.take(ADDRESS_SIZE, "recipient").hex()
            tx["amount"] = str(r.varint(64, "amount"))
        else:
            tx["contract"] = r.take(ADDRESS_SIZE, "contract").hex()
            tx["value"] = str(r.varint(64, "value"))
            n = r.varint(32, "calldata length")
            if n > MAX_CALLDATA_SIZE:
                raise CodecError("CALLDATA_TOO_LARGE", f"calldata length {n}")
            tx["calldata"] = r.take(n, "calldata").hex()
        tx["signature"] = r.take(SIGNATURE_SIZE, "signature").hex() if sig_mode == "single" else None
        r.end("transaction")
        return tx

    # -- blocks --

    def check_aggregate_signature(self, sig_modes, aggregate_signature):
        needs = "aggregate" in sig_modes
        if needs != (aggregate_signature is not None):
            raise CodecError("AGGREGATE_SIGNATURE_MISMATCH")

    def check_tx_root(self, encoded_txs, root):
        if tx_root(encoded_txs) != root:
            raise CodecError("TX_ROOT_MISMATCH")

    def check_decoded_tx_root(self, encoded_txs, root):
        """The decoder's tx-root rule (a separate hook so broken_adapter.py can drop it)."""
        self.check_tx_root(encoded_txs, root)

    def encode_block_bytes(self, block):
        shard = block["shardId"]
        if shard < 0 or shard >= U32_LIMIT:
            raise CodecError("FIELD_OUT_OF_RANGE", "shardId is not a u32")
        self.check_u64(block["height"], "height")
        self.check_fixed(block["parentHash"], HASH_SIZE, "parentHash")
        self.check_fixed(block["txRoot"], HASH_SIZE, "txRoot")
        agg = block["aggregateSignature"]
        if agg is not None:
            self.check_fixed(agg, AGGREGATE_SIGNATURE_SIZE, "aggregateSignature")
        txs = block["txs"]
        if len(txs) > MAX_BLOCK_TXS:
            raise CodecError("TOO_MANY_TXS")
        encoded = [self.encode_tx_bytes(t) for t in txs]
        self.check_aggregate_signature([t["sigMode"] for t in txs], agg)
        self.check_tx_root(encoded, block["txRoot"])
        parts = [bytes([CODEC_VERSION]), encode_varint_bytes(shard), encode_varint_bytes(block["height"]),
                 block["parentHash"], block["txRoot"], encode_varint_bytes(len(encoded))]
        for t in encoded:
            parts += [encode_varint_bytes(len(t)), t]
        parts.append(b"\x00" if agg is None else b"\x01" + agg)
        out = b"".join(parts)
        if len(out) > MAX_BLOCK_SIZE:
            raise CodecError("BLOCK_TOO_LARGE")
        return out

    def decode_block_json(self, data):
        if len(data) > MAX_BLOCK_SIZE:
            raise CodecError("BLOCK_TOO_LARGE", f"{len(data)} bytes")
        r = self.reader_class(data)
        version = r.u8("block version")
        if version != CODEC_VERSION:
            raise CodecError("UNKNOWN_VERSION", f"block version {version}")
        shard = r.varint(32, "shardId")
        height = r.varint(64, "height")
        parent = r.take(HASH_SIZE, "parentHash")
        root = r.take(HASH_SIZE, "txRoot")
        count = r.varint(32, "txCount")
        if count > MAX_BLOCK_TXS:
            raise CodecError("TOO_MANY_TXS", f"{count} transactions")
        txs = []
        encoded = []
        for i in range(count):
            n = r.varint(32, f"tx[{i}] length")
            if n > MAX_TX_SIZE:
                raise CodecError("TX_TOO_LARGE", f"tx[{i}] length {n}")
            raw = r.take(n, f"tx[{i}]")
            txs.append(self.decode_tx_json(raw))
            encoded.append(raw)
        flag = r.u8("aggregate flag")
        if flag == 0:
            agg = None
        elif flag == 1:
            agg = r.take(AGGREGATE_SIGNATURE_SIZE, "aggregateSignature")
        else:
            raise CodecError("INVALID_FLAG", f"aggregate flag {flag}")
        r.end("block")
        self.check_aggregate_signature([t["sigMode"] for t in txs], agg)
        self.check_decoded_tx_root(encoded, root)
        return {"shardId": shard, "height": str(height), "parentHash": parent.hex(), "txRoot": root.hex(),
                "txs": txs, "aggregateSignature": _hex_or_null(agg)}

    # -- the operations (JSON in, JSON out) --

    def op_decode_varint(self, i):
        data = get_hex(i, "data")
        bits = get_int(i, "bits")
        if bits not in (32, 64):
            raise BadInput("bits: expected 32 or 64")
        r = self.reader_class(data)
        value = r.varint(bits, "value")
        r.end("varint")
        return {"value": str(value)}

    def op_encode_varint(self, i):
        return {"data": encode_varint_bytes(get_decimal(i, "value")).hex()}

    def op_decode_tx(self, i):
        return {"tx": self.decode_tx_json(get_hex(i, "data"))}

    def op_encode_tx(self, i):
        return {"data": self.encode_tx_bytes(tx_from_json(get_object(i, "tx"))).hex()}

    def op_decode_block(self, i):
        return {"block": self.decode_block_json(get_hex(i, "data"))}

    def op_encode_block(self, i):
        return {"data": self.encode_block_bytes(block_from_json(get_object(i, "block"))).hex()}

    def run(self, suite, operation, input_):
        """One request: returns ("output", value) or ("error", code, message)."""
        if suite != "codec" or operation not in OPERATIONS:
            return ("error", "BAD_INPUT", f"unsupported operation {suite}/{operation}")
        if not isinstance(input_, dict):
            return ("error", "BAD_INPUT", "input: expected an object")
        try:
            return ("output", getattr(self, "op_" + operation)(input_))
        except CodecError as e:
            return ("error", e.code, e.message)
        except BadInput as e:
            return ("error", "BAD_INPUT", str(e))


# ---- the protocol loop ----


def _parse_int(s):
    # Like JavaScript, a huge integer literal becomes a (possibly infinite) float instead of a
    # slow exact int; get_int rejects it either way.
    return int(s) if len(s) <= 32 else float(s)


def hello(name, version):
    return {"type": "hello", "protocol": 1, "implementation": {"name": name, "version": version},
            "capabilities": {"codec": list(OPERATIONS)}}


def answer_for(codec, line, name, version):
    """The answer object for one request line (never raises)."""
    rid = None
    try:
        try:
            msg = json.loads(line, parse_int=_parse_int)
        except ValueError as e:  # not JSON (or not UTF-8)
            return {"id": None, "error": {"code": "BAD_INPUT", "message": f"request is not JSON: {e}"}}
        if not isinstance(msg, dict):
            return {"id": None, "error": {"code": "BAD_INPUT", "message": "a request must be a JSON object"}}
        if msg.get("type") == "hello":
            return hello(name, version)
        rid = msg.get("id")
        result = codec.run(msg.get("suite"), msg.get("operation"), msg.get("input"))
        if result[0] == "output":
            return {"id": rid, "output": result[1]}
        err = {"code": result[1]}
        if result[2]:
            err["message"] = result[2]
        return {"id": rid, "error": err}
    except Exception as e:  # a bug of ours, never a crash of the loop
        print(f"{name}: internal error: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return {"id": rid, "error": {"code": "INTERNAL", "message": f"{type(e).__name__}: {e}"}}


def serve(codec=None, name=NAME, version=VERSION):
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # encode_varint accepts decimal strings of any length
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    codec = codec or Codec()
    stdin = sys.stdin.buffer
    stdout = sys.stdout
    while True:
        line = stdin.readline()
        if not line:
            return 0  # stdin closed: the session is over
        if not line.strip():
            continue
        answer = answer_for(codec, line, name, version)
        try:
            text = json.dumps(answer, separators=(",", ":"))
        except Exception as e:
            text = json.dumps({"id": answer.get("id") if isinstance(answer.get("id"), (int, str)) else None,
                               "error": {"code": "INTERNAL", "message": f"cannot serialise the answer: {e}"}})
        try:
            stdout.write(text + "\n")
            stdout.flush()
        except BrokenPipeError:
            return 0


if __name__ == "__main__":
    sys.exit(serve())
