//! A skeleton adapter for pwo-spec (docs/adapter-protocol.md, protocol 1), written by `pwo init`.
//! `cargo build --release && pwo conform --impl ./target/release/my-implementation-adapter`
//!
//! It passes the handshake and declares no operation yet. To implement one: list it in
//! `capabilities()` and answer it in `run`. `json.rs` is the JSON reader/writer of pwo-spec's
//! examples/rust-adapter (depth-limited, duplicate keys rejected); that adapter implements the codec
//! suite in full and is the worked example to follow.

mod json;

use json::Json;
use std::io::{self, BufRead, Write};

fn capabilities() -> Json {
    Json::obj(vec![]) // e.g. Json::obj(vec![("codec", Json::Array(vec![Json::str("decode_varint")]))])
}

/// One operation: Ok(output) or Err((reason code, message)).
fn run(suite: &str, operation: &str, _input: &Json) -> Result<Json, (&'static str, String)> {
    Err(("BAD_INPUT", format!("{suite}/{operation} is not implemented")))
}

fn answer(line: &str) -> Json {
    let error = |id: Json, code: &str, m: &str| Json::obj(vec![("id", id), ("error", Json::obj(vec![("code", Json::str(code)), ("message", Json::str(m.chars().take(200).collect::<String>()))]))]);
    let msg = match json::parse(line) {
        Ok(m @ Json::Object(_)) => m,
        Ok(_) => return error(Json::Null, "BAD_INPUT", "a request must be a JSON object"),
        Err(e) => return error(Json::Null, "BAD_INPUT", &format!("request is not JSON: {e}")),
    };
    if msg.get("type") == Some(&Json::str("hello")) {
        return Json::obj(vec![
            ("type", Json::str("hello")),
            ("protocol", Json::Number("1".into())),
            ("implementation", Json::obj(vec![("name", Json::str("my-implementation")), ("version", Json::str("0.0.1"))])),
            ("capabilities", capabilities()),
        ]);
    }
    let id = msg.get("id").cloned().unwrap_or(Json::Null);
    let text = |k: &str| match msg.get(k) { Some(Json::Str(s)) => s.clone(), _ => String::new() };
    match run(&text("suite"), &text("operation"), msg.get("input").unwrap_or(&Json::Null)) {
        Ok(output) => Json::obj(vec![("id", id), ("output", output)]),
        Err((code, m)) => error(id, code, &m),
    }
}

fn main() {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { return };
        if line.trim().is_empty() {
            continue;
        }
        let mut text = String::new();
        answer(&line).write(&mut text);
        text.push('\n');
        if out.write_all(text.as_bytes()).and_then(|_| out.flush()).is_err() {
            return;
        }
    }
}
