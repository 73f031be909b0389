//! An independent Rust implementation of the pwo-spec `codec` suite's encode/decode operations,
//! speaking the adapter protocol of docs/adapter-protocol.md (version 1) on stdin/stdout:
//!
//! ```sh
//! cargo build --release && pwo conform --impl "./target/release/pwo-rust-adapter" --suite codec
//! ```
//!
//! Standard library only. Structure: `json` (reader and writer), `sha256`, `codec` (the six
//! operations, checks in the spec's order) and the protocol loop below. Copy it to start yours.

mod codec;
mod json;
mod sha256;

use json::Json;
use std::io::{self, BufRead, Write};

const NAME: &str = "pwo-rust-example";
const VERSION: &str = "0.1.0";
/// Longest request line read; a longer one is answered BAD_INPUT without being kept in memory.
const MAX_LINE: usize = 64 << 20;

fn hello() -> Json {
    Json::obj(vec![
        ("type", Json::str("hello")),
        ("protocol", Json::Number("1".into())),
        ("implementation", Json::obj(vec![("name", Json::str(NAME)), ("version", Json::str(VERSION))])),
        ("capabilities", Json::obj(vec![("codec", Json::Array(codec::OPERATIONS.iter().map(|o| Json::str(*o)).collect()))])),
    ])
}

fn error(id: Json, code: &str, message: &str) -> Json {
    let mut e = vec![("code", Json::str(code))];
    if !message.is_empty() {
        // quote at most a short prefix: an answer never grows with the offending value
        let short: String = message.chars().take(200).collect();
        e.push(("message", Json::str(short)));
    }
    Json::obj(vec![("id", id), ("error", Json::obj(e))])
}

/// The answer to one request line (never panics on any input).
fn answer(line: &str) -> Json {
    let msg = match json::parse(line) {
        Ok(m @ Json::Object(_)) => m,
        Ok(_) => return error(Json::Null, "BAD_INPUT", "a request must be a JSON object"),
        Err(e) => return error(Json::Null, "BAD_INPUT", &format!("request is not JSON: {e}")),
    };
    if msg.get("type") == Some(&Json::str("hello")) {
        return hello();
    }
    let id = msg.get("id").cloned().unwrap_or(Json::Null);
    let (suite, operation) = match (msg.get("suite"), msg.get("operation")) {
        (Some(Json::Str(s)), Some(Json::Str(o))) => (s.as_str(), o.as_str()),
        _ => return error(id, "BAD_INPUT", "a request needs suite and operation strings"),
    };
    if suite != "codec" || !codec::OPERATIONS.contains(&operation) {
        return error(id, "BAD_INPUT", &format!("unsupported operation {suite}/{operation}"));
    }
    match codec::run(operation, msg.get("input").unwrap_or(&Json::Null)) {
        Ok(output) => Json::obj(vec![("id", id), ("output", output)]),
        Err(f) => error(id, f.code, &f.message),
    }
}

fn main() {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        // read one line, bounded: past MAX_LINE the rest of the line is skipped, not stored
        let mut too_long = false;
        loop {
            let chunk = match input.fill_buf() {
                Ok(c) => c,
                Err(_) => return,
            };
            if chunk.is_empty() {
                if buf.is_empty() && !too_long {
                    return; // stdin closed: the session is over
                }
                break;
            }
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], Some(i + 1)),
                None => (chunk, None),
            };
            if buf.len() + part.len() > MAX_LINE {
                too_long = true;
            } else if !too_long {
                buf.extend_from_slice(part);
            }
            let used = done.unwrap_or(chunk.len());
            input.consume(used);
            if done.is_some() {
                break;
            }
        }
        let reply = if too_long {
            error(Json::Null, "BAD_INPUT", &format!("request line longer than {MAX_LINE} bytes"))
        } else {
            match std::str::from_utf8(&buf) {
                Ok(s) if s.trim().is_empty() => continue,
                Ok(s) => answer(s),
                Err(_) => error(Json::Null, "BAD_INPUT", "request is not UTF-8"),
            }
        };
        let mut text = String::new();
        reply.write(&mut text);
        text.push('\n');
        if out.write_all(text.as_bytes()).and_then(|_| out.flush()).is_err() {
            return; // the runner went away
        }
    }
}
