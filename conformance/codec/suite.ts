/** The codec suite as the conformance machinery sees it. */
import { CODEC_REASONS, CODEC_RULES, compressBlocks } from "../../reference/codec/index.js";
import type { Suite } from "../harness/suite.js";
import { CODEC_INPUTS } from "./arbitraries.js";
import { CODEC_OPERATIONS } from "./operations.js";
import { CODEC_FLAGS, codecCases } from "./vectors.js";

const PYTHON = "examples/python-adapter (Python 3 standard library, independent)";
const RUST = "examples/rust-adapter (Rust standard library, independent)";

export const codecSuite: Suite = {
  name: "codec",
  specVersion: "0.1.0",
  reasons: CODEC_REASONS,
  flags: CODEC_FLAGS,
  operations: CODEC_OPERATIONS,
  checkedAgainst: {
    decode_varint: [PYTHON, RUST],
    encode_varint: [PYTHON, RUST],
    decode_tx: [PYTHON, RUST],
    encode_tx: [PYTHON, RUST],
    decode_block: [PYTHON, RUST],
    encode_block: [PYTHON, RUST],
  },
  inputs: CODEC_INPUTS,
  cases: () => codecCases(compressBlocks),
  rules: CODEC_RULES,
};
