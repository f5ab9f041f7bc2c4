//! `btoa` and `atob` (HTML's forgiving-base64), with Node's `InvalidCharacterError`
//! DOMExceptions.

use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn init(it: &mut Interp) {
    let f = it.native_fn("btoa", 1, btoa);
    jsgen_engine::builtins::define_global(it, "btoa", Value::Object(f));
    let f = it.native_fn("atob", 1, atob);
    jsgen_engine::builtins::define_global(it, "atob", Value::Object(f));
}

fn missing(it: &mut Interp, a: &Args, name: &str) -> JsResult<()> {
    if a.is_empty() {
        let p = it.intrinsics.type_error_prototype.clone();
        return Err(jsgen_engine::interp::Abrupt::Throw(
            crate::process::node_error(
                it,
                &p,
                "ERR_MISSING_ARGS",
                &format!("The \"{name}\" argument must be specified"),
            ),
        ));
    }
    Ok(())
}

fn invalid_character(it: &mut Interp, msg: &str) -> jsgen_engine::interp::Abrupt {
    crate::structured_clone::dom_exception(it, "InvalidCharacterError", 5, msg)
}

/// Base64 of bytes.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Forgiving-base64 decode (ASCII whitespace removed); None if invalid.
pub fn decode(units: &[u16]) -> Option<Vec<u8>> {
    let mut s: Vec<u8> = Vec::with_capacity(units.len());
    for &u in units {
        match u {
            0x09 | 0x0A | 0x0C | 0x0D | 0x20 => {}
            u if u < 128 => s.push(u as u8),
            _ => return None,
        }
    }
    if s.len().is_multiple_of(4) {
        if s.ends_with(b"==") {
            s.truncate(s.len() - 2);
        } else if s.ends_with(b"=") {
            s.truncate(s.len() - 1);
        }
    }
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s {
        let v = ALPHABET.iter().position(|&x| x == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    Some(out)
}

fn btoa(it: &mut Interp, a: &Args) -> JsResult<Value> {
    missing(it, a, "input")?;
    let s = it.to_string(&a.get(0))?;
    // Node 24 stops the process here ("FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal");
    // jsgen throws the error Node's own string-making bindings throw, before encoding.
    if s.len().div_ceil(3) * 4 > jsgen_engine::builtins::string::MAX_STRING_LENGTH {
        let p = it.intrinsics.error_prototype.clone();
        return Err(jsgen_engine::interp::Abrupt::Throw(
            crate::process::node_error(
                it,
                &p,
                "ERR_STRING_TOO_LONG",
                "Cannot create a string longer than 0x1fffffe8 characters",
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(s.len());
    for &u in s.units() {
        if u > 0xFF {
            return Err(invalid_character(it, "Invalid character"));
        }
        bytes.push(u as u8);
    }
    Ok(Value::from(encode(&bytes).as_str()))
}

fn atob(it: &mut Interp, a: &Args) -> JsResult<Value> {
    missing(it, a, "input")?;
    let s = it.to_string(&a.get(0))?;
    match decode(s.units()) {
        Some(bytes) => {
            let units: Vec<u16> = bytes.into_iter().map(u16::from).collect();
            Ok(Value::String(JsStr::from_units(units)))
        }
        None => {
            let message = if leaves_one_character(s.units()) {
                "The string to be decoded is not correctly encoded."
            } else {
                "Invalid character"
            };
            Err(invalid_character(it, message))
        }
    }
}

/// Why `atob` refused its input, as Node 24 tells apart simdutf's two errors: only a
/// lone character left over after whole groups of four (at most two `=` after it) is
/// "not correctly encoded"; everything else is an invalid character.
fn leaves_one_character(units: &[u16]) -> bool {
    let data: Vec<u16> = units
        .iter()
        .copied()
        .filter(|&u| !matches!(u, 0x09 | 0x0A | 0x0C | 0x0D | 0x20))
        .collect();
    let padding = data
        .iter()
        .rev()
        .take_while(|&&u| u == u16::from(b'='))
        .count();
    let body = &data[..data.len() - padding];
    let is_alphabet = |u: u16| {
        u < 0x80 && (u as u8).is_ascii_alphanumeric()
            || u == u16::from(b'+')
            || u == u16::from(b'/')
    };
    padding <= 2 && body.iter().all(|&u| is_alphabet(u)) && body.len() % 4 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(encode(b"hello"), "aGVsbG8=");
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"ab"), "YWI=");
        let u = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(decode(&u(" aGVs bG8 ")), Some(b"hello".to_vec()));
        assert_eq!(decode(&u("YWI")), Some(b"ab".to_vec()));
        assert_eq!(decode(&u("a")), None);
        assert_eq!(decode(&u("a===")), None);
    }
}
