//! The natives behind `TextEncoder`/`TextDecoder` (`modules/internal_encoding.js`, a port of
//! Node's `lib/internal/encoding.js`). Decoding is the WHATWG Encoding Standard's, through
//! the `encoding_rs` crate (Firefox's implementation: every WHATWG encoding and label).
//!
//! A streaming decoder keeps no Rust state: each call decodes (held-back bytes + input) with
//! a fresh decoder and hands back the bytes of an unfinished sequence at the end, which the
//! JavaScript object keeps for the next call (as Node's own UTF-8 path does). The split point
//! is the longest prefix whose decoding does not depend on what follows: decoding it as the
//! end of the stream gives the same text as decoding it as a middle part.

use encoding_rs::{CoderResult, DecoderResult, Encoding};
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::Obj;
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

use crate::buffer::{new_uint8_array, utf8_encode, view_bytes, with_view_mut};

/// The WHATWG encoding for a label (`None`: unknown, or `replacement`, which TextDecoder
/// refuses).
fn encoding_for(label: &str) -> Option<&'static Encoding> {
    let e = Encoding::for_label(label.as_bytes())?;
    (e != encoding_rs::REPLACEMENT).then_some(e)
}

/// `internalBinding('encoding_binding')`.
pub fn binding(it: &mut Interp) -> Obj {
    let b = it.new_object();
    // The encoding's name for a label, lower-cased as `TextDecoder.prototype.encoding` shows
    // it, or undefined.
    it.define_method(&b, "getEncodingFromLabel", 1, |it, a| {
        let label = it.to_string(&a.get(0))?.to_rust_string();
        Ok(encoding_for(&label)
            .map(|e| Value::from(e.name().to_ascii_lowercase().as_str()))
            .unwrap_or_default())
    });
    it.define_method(&b, "encodeUtf8String", 1, |it, a| {
        let s = it.to_string(&a.get(0))?;
        let bytes = utf8_encode(s.units());
        Ok(Value::Object(new_uint8_array(it, &bytes)?))
    });
    it.define_method(&b, "encodeInto", 2, encode_into);
    it.define_method(&b, "decode", 6, decode);
    b
}

/// `encodeInto(src, dest)`: `[read, written]` (UTF-16 units read, bytes written; whole
/// characters only).
fn encode_into(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    let units = s.units();
    let (read, written) = with_view_mut(&a.get(1), |dst| {
        let mut w = 0;
        let mut r = 0;
        for c in char::decode_utf16(units.iter().copied()) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            let n = c.len_utf8();
            if w + n > dst.len() {
                break;
            }
            c.encode_utf8(&mut dst[w..w + n]);
            w += n;
            r += c.len_utf16();
        }
        (r, w)
    })
    .unwrap_or((0, 0));
    let arr = it.new_array(vec![
        Value::Number(read as f64),
        Value::Number(written as f64),
    ]);
    Ok(Value::Object(arr))
}

/// Decodes all of `bytes`; `last` says whether the stream ends there. `None` on malformed
/// input when `fatal`.
fn decode_bytes(
    enc: &'static Encoding,
    bytes: &[u8],
    last: bool,
    fatal: bool,
    strip_bom: bool,
) -> Option<Vec<u16>> {
    let mut decoder = if strip_bom {
        enc.new_decoder_with_bom_removal()
    } else {
        enc.new_decoder_without_bom_handling()
    };
    let cap = decoder
        .max_utf16_buffer_length(bytes.len())
        .unwrap_or(bytes.len() * 2 + 16);
    let mut out = vec![0u16; cap];
    if fatal {
        let (r, _, written) = decoder.decode_to_utf16_without_replacement(bytes, &mut out, last);
        match r {
            DecoderResult::InputEmpty => {
                out.truncate(written);
                Some(out)
            }
            DecoderResult::Malformed(..) | DecoderResult::OutputFull => None,
        }
    } else {
        let (r, _, written, _) = decoder.decode_to_utf16(bytes, &mut out, last);
        match r {
            CoderResult::InputEmpty => {
                out.truncate(written);
                Some(out)
            }
            CoderResult::OutputFull => None,
        }
    }
}

/// `decode(encoding, held, input, stream, fatal, stripBOM)` → `[text, held, decodedAny]`, or
/// `null` when `fatal` and the data is malformed. `held` is an array of byte values.
fn decode(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = it.to_string(&a.get(0))?.to_rust_string();
    let Some(enc) = encoding_for(&label) else {
        return Ok(Value::Null);
    };
    let mut data: Vec<u8> = Vec::new();
    if let Value::Object(held) = a.get(1) {
        let n = it.get(&held, &"length".into())?;
        let n = it.to_number(&n)? as usize;
        for i in 0..n {
            let v = it.get(&held, &jsgen_engine::object::PropKey::Index(i as u32))?;
            data.push(it.to_number(&v)? as u8);
        }
    }
    data.extend(view_bytes(&a.get(2)).unwrap_or_default());
    let stream = a.get(3).to_boolean();
    let fatal = a.get(4).to_boolean();
    let strip_bom = a.get(5).to_boolean();
    let mut split = data.len();
    if stream {
        // The longest prefix (at most 3 bytes held back: a 4-byte gb18030 or UTF-8
        // sequence, or half a UTF-16 surrogate pair and an odd byte) whose text does not
        // depend on what follows.
        let lo = data.len().saturating_sub(3);
        split = (lo..=data.len())
            .rev()
            .find(|&n| {
                let part = &data[..n];
                decode_bytes(enc, part, false, false, strip_bom)
                    == decode_bytes(enc, part, true, false, strip_bom)
            })
            .unwrap_or(data.len());
    }
    let Some(units) = decode_bytes(enc, &data[..split], true, fatal, strip_bom) else {
        return Ok(Value::Null);
    };
    let held: Vec<Value> = data[split..]
        .iter()
        .map(|&b| Value::Number(f64::from(b)))
        .collect();
    let held = it.new_array(held);
    let decoded = Value::Bool(split > 0);
    let text = Value::String(JsStr::from_units(units));
    Ok(Value::Object(it.new_array(vec![
        text,
        Value::Object(held),
        decoded,
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(units: Option<Vec<u16>>) -> String {
        String::from_utf16_lossy(&units.unwrap_or_default())
    }

    #[test]
    fn bom_and_replacement() {
        let utf8 = encoding_for("utf-8").unwrap();
        let b = [0xEF, 0xBB, 0xBF, 0x41, 0xFF];
        assert_eq!(text(decode_bytes(utf8, &b, true, false, true)), "A\u{FFFD}");
        assert_eq!(
            text(decode_bytes(utf8, &b, true, false, false)),
            "\u{FEFF}A\u{FFFD}"
        );
        assert!(decode_bytes(utf8, &b, true, true, true).is_none());
    }

    #[test]
    fn labels() {
        assert_eq!(
            encoding_for(" latin1 ").map(|e| e.name()),
            Some("windows-1252")
        );
        assert!(encoding_for("replacement").is_none());
        assert!(encoding_for("bogus").is_none());
    }
}
