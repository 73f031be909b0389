//! The `codec` suite's encode/decode operations (spec/codec.md), written from the spec's byte formats
//! and validity rules. Checks run in the spec's order, so the first broken rule is the one answered.

use crate::json::Json;
use crate::sha256::sha256;

// spec/codec.md §Constants
const CODEC_VERSION: u8 = 0x01;
const ADDRESS_SIZE: usize = 32;
const HASH_SIZE: usize = 32;
const SIGNATURE_SIZE: usize = 64;
const AGGREGATE_SIGNATURE_SIZE: usize = 96;
const MAX_CALLDATA_SIZE: usize = 65_536;
const MAX_TX_SIZE: u64 = 65_700;
const MAX_BLOCK_TXS: u64 = 1_048_576;
const MAX_BLOCK_SIZE: usize = 67_108_864;
/// Largest integer a JSON number may carry exactly in every consumer (2^53 − 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

pub const OPERATIONS: [&str; 6] = ["decode_varint", "encode_varint", "decode_tx", "encode_tx", "decode_block", "encode_block"];

/// Why a request was not answered with an output: a reason code of the codec's vocabulary, or
/// `BAD_INPUT` for an input that is not of the operation's JSON shape.
#[derive(Debug)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
}

type R<T> = Result<T, Failure>;

fn fail<T>(code: &'static str, message: impl Into<String>) -> R<T> {
    Err(Failure { code, message: message.into() })
}

// ---- reading bytes ----

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    fn u8(&mut self, what: &str) -> R<u8> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => fail("UNEXPECTED_EOF", format!("{what}: input ends at offset {}", self.pos)),
        }
    }

    fn take(&mut self, n: usize, what: &str) -> R<&'a [u8]> {
        if n > self.data.len() - self.pos {
            return fail("UNEXPECTED_EOF", format!("{what}: needs {n} bytes at offset {}", self.pos));
        }
        let out = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    /// Canonical unsigned LEB128 of at most `max_bits` bits (spec/common.md §Varints), checks in order:
    /// more than ⌈max_bits/7⌉ groups → VARINT_OVERFLOW (before reading the extra byte); the input ends
    /// inside → UNEXPECTED_EOF; a final 0x00 group after the first → NON_CANONICAL_VARINT; a value of
    /// 2^max_bits or more → VARINT_OVERFLOW.
    fn varint(&mut self, max_bits: u32, what: &str) -> R<u64> {
        let max_bytes = max_bits.div_ceil(7) as usize;
        let mut value: u128 = 0;
        for i in 0.. {
            if i >= max_bytes {
                return fail("VARINT_OVERFLOW", format!("{what}: varint longer than {max_bytes} bytes"));
            }
            let b = match self.data.get(self.pos) {
                Some(&b) => b,
                None => return fail("UNEXPECTED_EOF", format!("{what}: input ends inside a varint")),
            };
            self.pos += 1;
            value |= ((b & 0x7f) as u128) << (7 * i);
            if b & 0x80 == 0 {
                if b == 0 && i > 0 {
                    return fail("NON_CANONICAL_VARINT", format!("{what}: redundant zero group"));
                }
                if value >> max_bits != 0 {
                    return fail("VARINT_OVERFLOW", format!("{what}: varint exceeds {max_bits} bits"));
                }
                return Ok(value as u64);
            }
        }
        unreachable!()
    }

    fn end(&self, what: &str) -> R<()> {
        if self.pos != self.data.len() {
            return fail("TRAILING_BYTES", format!("{what}: {} unread bytes", self.data.len() - self.pos));
        }
        Ok(())
    }
}

fn varint_bytes(mut v: u64, out: &mut Vec<u8>) {
    loop {
        let group = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(group);
            return;
        }
        out.push(group | 0x80);
    }
}

/// LEB128 of a decimal string of any length: the digits become base-2^32 limbs, then 7-bit groups.
fn varint_of_decimal(digits: &str) -> Vec<u8> {
    let mut limbs: Vec<u32> = vec![0]; // little-endian
    for chunk in digits.as_bytes().chunks(9) {
        let mut mul: u64 = 1;
        let mut add: u64 = 0;
        for &d in chunk {
            mul *= 10;
            add = add * 10 + (d - b'0') as u64;
        }
        let mut carry = add;
        for l in limbs.iter_mut() {
            let x = (*l as u64) * mul + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let bits = limbs.len() * 32 - limbs.last().unwrap().leading_zeros() as usize;
    let groups = bits.div_ceil(7).max(1);
    let bit = |i: usize| (limbs[i / 32] >> (i % 32)) & 1;
    (0..groups)
        .map(|g| {
            let mut v = 0u8;
            for k in 0..7 {
                let i = 7 * g + k;
                if i < bits {
                    v |= (bit(i) as u8) << k;
                }
            }
            if g + 1 < groups { v | 0x80 } else { v }
        })
        .collect()
}

// ---- the Merkle tree (RFC 6962 §2.1) ----

fn merkle_root(hashes: &[[u8; 32]]) -> [u8; 32] {
    match hashes.len() {
        0 => sha256(&[]),
        1 => hashes[0],
        n => {
            let mut k = 1;
            while k * 2 < n {
                k *= 2;
            }
            sha256(&[&[0x01], &merkle_root(&hashes[..k]), &merkle_root(&hashes[k..])])
        }
    }
}

fn tx_root(encoded: &[Vec<u8>]) -> [u8; 32] {
    let leaves: Vec<[u8; 32]> = encoded.iter().map(|t| sha256(&[&[0x00], t])).collect();
    merkle_root(&leaves)
}

// ---- JSON field readers: the input is checked, never trusted ----

fn field<'a>(o: &'a Json, key: &str) -> R<&'a Json> {
    match o.get(key) {
        Some(v) => Ok(v),
        None => fail("BAD_INPUT", format!("missing field \"{key}\"")),
    }
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let nib = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    s.as_bytes().chunks(2).map(|p| Some(nib(p[0])? << 4 | nib(p[1])?)).collect()
}

pub fn hex(b: &[u8]) -> String {
    const D: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 * b.len());
    for x in b {
        s.push(D[(x >> 4) as usize] as char);
        s.push(D[(x & 15) as usize] as char);
    }
    s
}

fn get_hex(o: &Json, key: &str) -> R<Vec<u8>> {
    match field(o, key)? {
        Json::Str(s) => hex_decode(s).map_or_else(|| fail("BAD_INPUT", format!("{key}: expected lower-case hex of even length")), Ok),
        _ => fail("BAD_INPUT", format!("{key}: expected lower-case hex of even length")),
    }
}

fn get_hex_or_null(o: &Json, key: &str) -> R<Option<Vec<u8>>> {
    match field(o, key)? {
        Json::Null => Ok(None),
        _ => get_hex(o, key).map(Some),
    }
}

fn is_decimal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

fn get_decimal_text<'a>(o: &'a Json, key: &str) -> R<&'a str> {
    match field(o, key)? {
        Json::Str(s) if is_decimal(s) => Ok(s),
        _ => fail("BAD_INPUT", format!("{key}: expected a decimal string")),
    }
}

/// A decimal field that must fit a u64 on encoding: more than 20 digits is out of range anyway, so it
/// is kept as 2^64 (a value the range check rejects) instead of being converted.
fn get_u64_candidate(o: &Json, key: &str) -> R<u128> {
    let s = get_decimal_text(o, key)?;
    Ok(if s.len() <= 20 { s.parse::<u128>().unwrap() } else { 1u128 << 64 })
}

/// A JSON number holding a non-negative safe integer (`1.0` and `1e2` are integers too).
fn get_int(o: &Json, key: &str) -> R<u64> {
    if let Json::Number(n) = field(o, key)? {
        if let Ok(v) = n.parse::<f64>() {
            if v.is_finite() && v.fract() == 0.0 && v >= 0.0 && v <= MAX_SAFE_INTEGER {
                return Ok(v as u64);
            }
        }
    }
    fail("BAD_INPUT", format!("{key}: expected a non-negative integer"))
}

fn get_choice<'a>(o: &Json, key: &str, allowed: &[&'a str]) -> R<&'a str> {
    if let Json::Str(s) = field(o, key)? {
        if let Some(a) = allowed.iter().find(|a| **a == s) {
            return Ok(a);
        }
    }
    fail("BAD_INPUT", format!("{key}: expected one of {}", allowed.join(", ")))
}

fn get_object<'a>(o: &'a Json, key: &str) -> R<&'a Json> {
    match field(o, key)? {
        v @ Json::Object(_) => Ok(v),
        _ => fail("BAD_INPUT", format!("{key}: expected an object")),
    }
}

// ---- values ----

enum Body {
    Payment { recipient: Vec<u8>, amount: u128 },
    Call { contract: Vec<u8>, value: u128, calldata: Vec<u8> },
}

struct Tx {
    aggregate: bool,
    sender: Vec<u8>,
    nonce: u128,
    fee: u128,
    body: Body,
    signature: Option<Vec<u8>>,
}

fn tx_from_json(o: &Json) -> R<Tx> {
    let kind = get_choice(o, "kind", &["payment", "call"])?;
    let aggregate = get_choice(o, "sigMode", &["single", "aggregate"])? == "aggregate";
    let sender = get_hex(o, "sender")?;
    let nonce = get_u64_candidate(o, "nonce")?;
    let fee = get_u64_candidate(o, "fee")?;
    let signature = get_hex_or_null(o, "signature")?;
    let body = if kind == "payment" {
        Body::Payment { recipient: get_hex(o, "recipient")?, amount: get_u64_candidate(o, "amount")? }
    } else {
        Body::Call { contract: get_hex(o, "contract")?, value: get_u64_candidate(o, "value")?, calldata: get_hex(o, "calldata")? }
    };
    Ok(Tx { aggregate, sender, nonce, fee, body, signature })
}

fn check_u64(v: u128, what: &str) -> R<()> {
    if v >> 64 != 0 {
        return fail("FIELD_OUT_OF_RANGE", format!("{what} is not a u64"));
    }
    Ok(())
}

fn check_fixed(b: &[u8], size: usize, what: &str) -> R<()> {
    if b.len() != size {
        return fail("FIELD_OUT_OF_RANGE", format!("{what}: expected {size} bytes, got {}", b.len()));
    }
    Ok(())
}

/// The encoder's field checks, in the spec's order (§Validity rules, encoding).
fn check_tx(tx: &Tx) -> R<()> {
    check_fixed(&tx.sender, ADDRESS_SIZE, "sender")?;
    check_u64(tx.nonce, "nonce")?;
    check_u64(tx.fee, "fee")?;
    match &tx.body {
        Body::Payment { recipient, amount } => {
            check_fixed(recipient, ADDRESS_SIZE, "recipient")?;
            check_u64(*amount, "amount")?;
        }
        Body::Call { contract, value, calldata } => {
            check_fixed(contract, ADDRESS_SIZE, "contract")?;
            check_u64(*value, "value")?;
            if calldata.len() > MAX_CALLDATA_SIZE {
                return fail("CALLDATA_TOO_LARGE", format!("calldata: {} bytes", calldata.len()));
            }
        }
    }
    match (&tx.signature, tx.aggregate) {
        (None, false) => fail("SIGNATURE_MODE_MISMATCH", "single mode requires a signature"),
        (Some(_), true) => fail("SIGNATURE_MODE_MISMATCH", "aggregate mode carries no signature"),
        (Some(sig), false) => check_fixed(sig, SIGNATURE_SIZE, "signature"),
        (None, true) => Ok(()),
    }
}

fn encode_tx(tx: &Tx) -> R<Vec<u8>> {
    check_tx(tx)?;
    let kind = if matches!(tx.body, Body::Payment { .. }) { 0 } else { 1 };
    let mut out = vec![CODEC_VERSION, kind, tx.aggregate as u8];
    out.extend_from_slice(&tx.sender);
    varint_bytes(tx.nonce as u64, &mut out);
    varint_bytes(tx.fee as u64, &mut out);
    match &tx.body {
        Body::Payment { recipient, amount } => {
            out.extend_from_slice(recipient);
            varint_bytes(*amount as u64, &mut out);
        }
        Body::Call { contract, value, calldata } => {
            out.extend_from_slice(contract);
            varint_bytes(*value as u64, &mut out);
            varint_bytes(calldata.len() as u64, &mut out);
            out.extend_from_slice(calldata);
        }
    }
    if let Some(sig) = &tx.signature {
        out.extend_from_slice(sig);
    }
    Ok(out)
}

/// Decodes one transaction; the whole of `data` must be the transaction (rules T1–T8 in order).
fn decode_tx(data: &[u8]) -> R<(Json, bool)> {
    let mut r = Reader::new(data);
    let version = r.u8("version")?;
    if version != CODEC_VERSION {
        return fail("UNKNOWN_VERSION", format!("transaction version {version}"));
    }
    let kind = match r.u8("kind")? {
        0 => "payment",
        1 => "call",
        k => return fail("INVALID_KIND", format!("kind byte {k}")),
    };
    let aggregate = match r.u8("sigMode")? {
        0 => false,
        1 => true,
        m => return fail("INVALID_SIG_MODE", format!("sigMode byte {m}")),
    };
    let mut f: Vec<(&str, Json)> = vec![("kind", Json::str(kind)), ("sigMode", Json::str(if aggregate { "aggregate" } else { "single" }))];
    f.push(("sender", Json::str(hex(r.take(ADDRESS_SIZE, "sender")?))));
    f.push(("nonce", Json::str(r.varint(64, "nonce")?.to_string())));
    f.push(("fee", Json::str(r.varint(64, "fee")?.to_string())));
    if kind == "payment" {
        f.push(("recipient", Json::str(hex(r.take(ADDRESS_SIZE, "recipient")?))));
        f.push(("amount", Json::str(r.varint(64, "amount")?.to_string())));
    } else {
        f.push(("contract", Json::str(hex(r.take(ADDRESS_SIZE, "contract")?))));
        f.push(("value", Json::str(r.varint(64, "value")?.to_string())));
        let n = r.varint(32, "calldata length")?;
        if n > MAX_CALLDATA_SIZE as u64 {
            return fail("CALLDATA_TOO_LARGE", format!("calldata length {n}"));
        }
        f.push(("calldata", Json::str(hex(r.take(n as usize, "calldata")?))));
    }
    let sig = if aggregate { Json::Null } else { Json::str(hex(r.take(SIGNATURE_SIZE, "signature")?)) };
    f.push(("signature", sig));
    r.end("transaction")?;
    Ok((Json::obj(f), aggregate))
}

fn check_aggregate_signature(any_aggregate: bool, present: bool) -> R<()> {
    if any_aggregate != present {
        return fail("AGGREGATE_SIGNATURE_MISMATCH", if present { "aggregate signature without aggregate-mode transactions" } else { "aggregate-mode transactions without an aggregate signature" });
    }
    Ok(())
}

fn encode_block(o: &Json) -> R<Vec<u8>> {
    // the JSON shape first (BAD_INPUT), then the spec's rules
    let shard = get_int(o, "shardId")?;
    let height = get_u64_candidate(o, "height")?;
    let parent = get_hex(o, "parentHash")?;
    let root = get_hex(o, "txRoot")?;
    let txs_json = match field(o, "txs")? {
        Json::Array(a) => a,
        _ => return fail("BAD_INPUT", "txs: expected an array"),
    };
    let mut txs = Vec::with_capacity(txs_json.len().min(1 << 16));
    for (i, t) in txs_json.iter().enumerate() {
        if !matches!(t, Json::Object(_)) {
            return fail("BAD_INPUT", format!("txs[{i}]: expected an object"));
        }
        txs.push(tx_from_json(t)?);
    }
    let agg = get_hex_or_null(o, "aggregateSignature")?;
    if shard >> 32 != 0 {
        return fail("FIELD_OUT_OF_RANGE", "shardId is not a u32");
    }
    check_u64(height, "height")?;
    check_fixed(&parent, HASH_SIZE, "parentHash")?;
    check_fixed(&root, HASH_SIZE, "txRoot")?;
    if let Some(a) = &agg {
        check_fixed(a, AGGREGATE_SIGNATURE_SIZE, "aggregateSignature")?;
    }
    if txs.len() as u64 > MAX_BLOCK_TXS {
        return fail("TOO_MANY_TXS", format!("{} transactions", txs.len()));
    }
    let encoded = txs.iter().map(encode_tx).collect::<R<Vec<_>>>()?;
    check_aggregate_signature(txs.iter().any(|t| t.aggregate), agg.is_some())?;
    if tx_root(&encoded)[..] != root[..] {
        return fail("TX_ROOT_MISMATCH", "txRoot is not the Merkle root of the transactions");
    }
    let mut out = vec![CODEC_VERSION];
    varint_bytes(shard, &mut out);
    varint_bytes(height as u64, &mut out);
    out.extend_from_slice(&parent);
    out.extend_from_slice(&root);
    varint_bytes(encoded.len() as u64, &mut out);
    for t in &encoded {
        varint_bytes(t.len() as u64, &mut out);
        out.extend_from_slice(t);
    }
    match &agg {
        None => out.push(0),
        Some(a) => {
            out.push(1);
            out.extend_from_slice(a);
        }
    }
    if out.len() > MAX_BLOCK_SIZE {
        return fail("BLOCK_TOO_LARGE", format!("{} bytes", out.len()));
    }
    Ok(out)
}

fn decode_block(data: &[u8]) -> R<Json> {
    if data.len() > MAX_BLOCK_SIZE {
        return fail("BLOCK_TOO_LARGE", format!("{} bytes", data.len()));
    }
    let mut r = Reader::new(data);
    let version = r.u8("block version")?;
    if version != CODEC_VERSION {
        return fail("UNKNOWN_VERSION", format!("block version {version}"));
    }
    let shard = r.varint(32, "shardId")?;
    let height = r.varint(64, "height")?;
    let parent = r.take(HASH_SIZE, "parentHash")?;
    let root = r.take(HASH_SIZE, "txRoot")?;
    let count = r.varint(32, "txCount")?;
    if count > MAX_BLOCK_TXS {
        return fail("TOO_MANY_TXS", format!("{count} transactions"));
    }
    let mut txs = Vec::new();
    let mut encoded = Vec::new();
    let mut any_aggregate = false;
    for i in 0..count {
        let n = r.varint(32, &format!("tx[{i}] length"))?;
        if n > MAX_TX_SIZE {
            return fail("TX_TOO_LARGE", format!("tx[{i}] length {n}"));
        }
        let raw = r.take(n as usize, &format!("tx[{i}]"))?;
        let (tx, aggregate) = decode_tx(raw)?;
        any_aggregate |= aggregate;
        txs.push(tx);
        encoded.push(raw.to_vec());
    }
    let agg = match r.u8("aggregate flag")? {
        0 => None,
        1 => Some(r.take(AGGREGATE_SIGNATURE_SIZE, "aggregateSignature")?),
        f => return fail("INVALID_FLAG", format!("aggregate flag {f}")),
    };
    r.end("block")?;
    check_aggregate_signature(any_aggregate, agg.is_some())?;
    if tx_root(&encoded)[..] != root[..] {
        return fail("TX_ROOT_MISMATCH", "txRoot is not the Merkle root of the transactions");
    }
    Ok(Json::obj(vec![
        ("shardId", Json::Number(shard.to_string())),
        ("height", Json::str(height.to_string())),
        ("parentHash", Json::str(hex(parent))),
        ("txRoot", Json::str(hex(root))),
        ("txs", Json::Array(txs)),
        ("aggregateSignature", agg.map_or(Json::Null, |a| Json::str(hex(a)))),
    ]))
}

/// One operation: the request's `input` in, its `output` out.
pub fn run(operation: &str, input: &Json) -> R<Json> {
    if !matches!(input, Json::Object(_)) {
        return fail("BAD_INPUT", "input: expected an object");
    }
    let data = |r: Vec<u8>| Json::obj(vec![("data", Json::str(hex(&r)))]);
    match operation {
        "decode_varint" => {
            let bytes = get_hex(input, "data")?;
            let bits = get_int(input, "bits")?;
            if bits != 32 && bits != 64 {
                return fail("BAD_INPUT", "bits: expected 32 or 64");
            }
            let mut r = Reader::new(&bytes);
            let v = r.varint(bits as u32, "value")?;
            r.end("varint")?;
            Ok(Json::obj(vec![("value", Json::str(v.to_string()))]))
        }
        "encode_varint" => Ok(data(varint_of_decimal(get_decimal_text(input, "value")?))),
        "decode_tx" => Ok(Json::obj(vec![("tx", decode_tx(&get_hex(input, "data")?)?.0)])),
        "encode_tx" => Ok(data(encode_tx(&tx_from_json(get_object(input, "tx")?)?)?)),
        "decode_block" => Ok(Json::obj(vec![("block", decode_block(&get_hex(input, "data")?)?)])),
        "encode_block" => Ok(data(encode_block(get_object(input, "block")?)?)),
        _ => fail("BAD_INPUT", format!("unsupported operation codec/{operation}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn varints() {
        assert_eq!(hex(&varint_of_decimal("0")), "00");
        assert_eq!(hex(&varint_of_decimal("300")), "ac02");
        assert_eq!(hex(&varint_of_decimal("18446744073709551616")), "80808080808080808002");
        let mut r = Reader::new(&[0x80, 0x00]);
        assert_eq!(r.varint(32, "v").unwrap_err().code, "NON_CANONICAL_VARINT");
    }
}
