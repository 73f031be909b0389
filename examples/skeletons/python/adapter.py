#!/usr/bin/env python3
"""A skeleton adapter for pwo-spec (docs/adapter-protocol.md, protocol 1), written by `pwo init`.

It passes the handshake and declares no operation yet. To implement one: add its name under its suite
in CAPABILITIES and a branch in `run`; `pwo conform --impl "python3 adapter.py"` then checks its vectors.
"""
import json
import sys

NAME = "my-implementation"
VERSION = "0.0.1"
CAPABILITIES = {}  # e.g. {"codec": ["decode_varint"]}


def run(suite, operation, input_):
    """Returns ("output", object) or ("error", reason_code, message)."""
    return ("error", "BAD_INPUT", f"{suite}/{operation} is not implemented")


def answer(line):
    try:
        msg = json.loads(line)
    except ValueError as e:
        return {"id": None, "error": {"code": "BAD_INPUT", "message": f"request is not JSON: {e}"[:200]}}
    if not isinstance(msg, dict):
        return {"id": None, "error": {"code": "BAD_INPUT", "message": "a request must be a JSON object"}}
    if msg.get("type") == "hello":
        return {"type": "hello", "protocol": 1, "implementation": {"name": NAME, "version": VERSION}, "capabilities": CAPABILITIES}
    result = run(msg.get("suite"), msg.get("operation"), msg.get("input"))
    if result[0] == "output":
        return {"id": msg.get("id"), "output": result[1]}
    return {"id": msg.get("id"), "error": {"code": result[1], "message": result[2][:200]}}


for line in sys.stdin:
    if line.strip():
        sys.stdout.write(json.dumps(answer(line), separators=(",", ":")) + "\n")
        sys.stdout.flush()
