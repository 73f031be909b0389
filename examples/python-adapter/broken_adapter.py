#!/usr/bin/env python3
"""A deliberately broken twin of adapter.py, for checking that the conformance runner catches bugs.

It reuses adapter.py and plants two realistic bugs:

1. Overlong varints are accepted: a final 0x00 group after the first byte (e.g. `80 00` for 0) is
   not rejected with NON_CANONICAL_VARINT. The length and range limits still hold, as they would in
   a decoder that was written against "LEB128" without reading the canonicality rule.
2. decode_block never compares the header's tx root with the Merkle root of the transactions, so a
   block with a wrong tx root decodes instead of failing with TX_ROOT_MISMATCH (encode_block still
   checks it, as a half-finished refactoring would leave it).

    pwo conform --impl "python3 examples/python-adapter/broken_adapter.py" --suite codec

must report failures for both.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import adapter  # noqa: E402


class SloppyReader(adapter.Reader):
    __slots__ = ()

    def check_final_group(self, b, i, what):
        pass  # bug 1: "80 00" is read as 0


class BrokenCodec(adapter.Codec):
    reader_class = SloppyReader

    def check_decoded_tx_root(self, encoded_txs, root):
        pass  # bug 2: the decoder trusts the header's tx root


if __name__ == "__main__":
    sys.exit(adapter.serve(BrokenCodec(), name="pwo-python-example-broken", version=adapter.VERSION))
