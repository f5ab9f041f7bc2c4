//! Base64 and hex on `Uint8Array` (ECMA-262 §23.3.2-3, ES2026): `Uint8Array.fromBase64`,
//! `Uint8Array.fromHex`, `Uint8Array.prototype.toBase64`, `toHex`, `setFromBase64` and
//! `setFromHex`, with the spec's FromBase64 / FromHex decoders (whitespace skipping, the
//! three `lastChunkHandling` modes and partial writes for the `setFrom*` methods).
//!
//! Node 24 (V8 13.6) does not ship these yet; the messages follow later V8 releases.

use crate::builtins::array_buffer::{read_buffer, with_buffer, ElementType};
use crate::builtins::iterator::describe;
use crate::builtins::typed_array::{typed_array_data, TypedArrayData};
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Obj, PropKey};
use crate::string::JsStr;
use crate::value::Value;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// ValidateUint8Array(ta): the typed array's data.
fn validate_uint8_array(
    it: &mut Interp,
    v: &Value,
    method: &str,
) -> JsResult<(Obj, TypedArrayData)> {
    // 1. Perform ? RequireInternalSlot(ta, [[TypedArrayName]]).
    // 2. If ta.[[TypedArrayName]] is not "Uint8Array", throw a TypeError exception.
    if let Value::Object(o) = v {
        if let Some(ta) = typed_array_data(o) {
            if ta.ty == ElementType::Uint8 {
                return Ok((o.clone(), ta));
            }
        }
    }
    Err(crate::builtins::iterator::incompatible_receiver(
        it, method, v,
    ))
}

/// GetUint8ArrayBytes(ta).
fn get_uint8_array_bytes(it: &mut Interp, ta: &TypedArrayData, method: &str) -> JsResult<Vec<u8>> {
    // 1-4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let Some(len) = ta.length() else {
        return Err(it.detached_view_error(method));
    };
    // 5-9. The bytes from byteOffset.
    Ok(read_buffer(&ta.buffer, |b| {
        b.bytes()
            .and_then(|d| {
                d.get(ta.byte_offset..ta.byte_offset + len)
                    .map(|s| s.to_vec())
            })
            .unwrap_or_default()
    })
    .unwrap_or_default())
}

/// SetUint8ArrayBytes(into, bytes).
fn set_uint8_array_bytes(ta: &TypedArrayData, bytes: &[u8]) {
    with_buffer(&ta.buffer, |b| {
        if let Some(mut data) = b.bytes_mut() {
            let end = ta.byte_offset + bytes.len();
            if let Some(dst) = data.get_mut(ta.byte_offset..end) {
                dst.copy_from_slice(bytes);
            }
        }
    });
}

/// GetOptionsObject(options): `None` stands for a fresh null-prototype object.
fn get_options_object(it: &mut Interp, options: &Value) -> JsResult<Option<Obj>> {
    match options {
        // 1. If options is undefined, return OrdinaryObjectCreate(null).
        Value::Undefined => Ok(None),
        // 2. If options is an Object, return options.
        Value::Object(o) => Ok(Some(o.clone())),
        // 3. Throw a TypeError exception.
        other => {
            let d = describe(it, other);
            Err(it.type_error(format!("{d} is not an object")))
        }
    }
}

fn get_option(it: &mut Interp, opts: &Option<Obj>, name: &str) -> JsResult<Value> {
    match opts {
        Some(o) => it.get(o, &PropKey::from(name)),
        None => Ok(Value::Undefined),
    }
}

/// The `alphabet` option: true for "base64url".
fn get_alphabet(it: &mut Interp, opts: &Option<Obj>) -> JsResult<bool> {
    // Let alphabet be ? Get(opts, "alphabet"); undefined is "base64".
    let alphabet = get_option(it, opts, "alphabet")?;
    match &alphabet {
        Value::Undefined => Ok(false),
        Value::String(s) if s.units() == JsStr::intern("base64").units() => Ok(false),
        Value::String(s) if s.units() == JsStr::intern("base64url").units() => Ok(true),
        // If alphabet is neither "base64" nor "base64url", throw a TypeError exception.
        other => {
            let d = describe(it, other);
            Err(it.type_error(format!(
                "The alphabet option must be \"base64\" or \"base64url\", got {d}"
            )))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LastChunk {
    Loose,
    Strict,
    StopBeforePartial,
}

/// The `lastChunkHandling` option.
fn get_last_chunk_handling(it: &mut Interp, opts: &Option<Obj>) -> JsResult<LastChunk> {
    let v = get_option(it, opts, "lastChunkHandling")?;
    let s = match &v {
        Value::Undefined => return Ok(LastChunk::Loose),
        Value::String(s) => s.to_rust_string(),
        _ => String::new(),
    };
    match s.as_str() {
        "loose" => Ok(LastChunk::Loose),
        "strict" => Ok(LastChunk::Strict),
        "stop-before-partial" => Ok(LastChunk::StopBeforePartial),
        _ => {
            let d = describe(it, &v);
            Err(it.type_error(format!(
                "The lastChunkHandling option must be \"loose\", \"strict\" or \"stop-before-partial\", got {d}"
            )))
        }
    }
}

/// The string argument (no coercion).
fn require_string(it: &mut Interp, v: &Value) -> JsResult<JsStr> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => {
            let d = describe(it, other);
            Err(it.type_error(format!("{d} is not a string")))
        }
    }
}

/// What FromBase64 / FromHex return: the code units read, the bytes, and a SyntaxError
/// message when decoding stopped at an error.
struct Decoded {
    read: usize,
    bytes: Vec<u8>,
    error: Option<&'static str>,
}

const BASE64_ERROR: &str = "Invalid base64 string";
const HEX_ERROR: &str = "Invalid hex string";

/// SkipAsciiWhitespace(string, index).
fn skip_ascii_whitespace(s: &[u16], mut index: usize) -> usize {
    while index < s.len() && matches!(s[index], 0x09 | 0x0a | 0x0c | 0x0d | 0x20) {
        index += 1;
    }
    index
}

fn base64_value(c: u16) -> Option<u32> {
    let c = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|&x| x == c).map(|p| p as u32)
}

/// DecodeFullLengthBase64Chunk(chunk) on the sextets of four characters.
fn decode_full_chunk(chunk: &[u32]) -> [u8; 3] {
    let n = (chunk[0] << 18) | (chunk[1] << 12) | (chunk[2] << 6) | chunk[3];
    [(n >> 16) as u8, (n >> 8) as u8, n as u8]
}

/// DecodeFinalBase64Chunk(chunk, throwOnExtraBits).
fn decode_final_chunk(chunk: &[u32], throw_on_extra_bits: bool) -> Result<Vec<u8>, &'static str> {
    // 1-3. Pad with "A"s to four characters and decode.
    let mut full = [0u32; 4];
    full[..chunk.len()].copy_from_slice(chunk);
    let bytes = decode_full_chunk(&full);
    if chunk.len() == 2 {
        // 4. If throwOnExtraBits is true and bytes[1] ≠ 0, throw a SyntaxError exception.
        if throw_on_extra_bits && bytes[1] != 0 {
            return Err(BASE64_ERROR);
        }
        Ok(vec![bytes[0]])
    } else {
        // 5. If throwOnExtraBits is true and bytes[2] ≠ 0, throw a SyntaxError exception.
        if throw_on_extra_bits && bytes[2] != 0 {
            return Err(BASE64_ERROR);
        }
        Ok(vec![bytes[0], bytes[1]])
    }
}

/// FromBase64(string, alphabet, lastChunkHandling [, maxLength]).
fn from_base64(s: &[u16], url: bool, last: LastChunk, max_length: usize) -> Decoded {
    let fail = |read, bytes| Decoded {
        read,
        bytes,
        error: Some(BASE64_ERROR),
    };
    // 3. If maxLength = 0, return { [[Read]]: 0, [[Bytes]]: « », [[Error]]: none }.
    if max_length == 0 {
        return Decoded {
            read: 0,
            bytes: Vec::new(),
            error: None,
        };
    }
    // 4-9.
    let mut read = 0;
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk: Vec<u32> = Vec::with_capacity(4);
    let mut index = 0;
    let length = s.len();
    // 10. Repeat,
    loop {
        // a. Set index to SkipAsciiWhitespace(string, index).
        index = skip_ascii_whitespace(s, index);
        // b. If index = length, then
        if index == length {
            // i. If chunkLength > 0, then
            if !chunk.is_empty() {
                match last {
                    // 1. stop-before-partial: return what was read.
                    LastChunk::StopBeforePartial => {
                        return Decoded {
                            read,
                            bytes,
                            error: None,
                        }
                    }
                    // 2. loose: a lone character is an error, else decode the final chunk.
                    LastChunk::Loose => {
                        if chunk.len() == 1 {
                            return fail(read, bytes);
                        }
                        if let Ok(b) = decode_final_chunk(&chunk, false) {
                            bytes.extend(b);
                        }
                    }
                    // 3. strict: an error.
                    LastChunk::Strict => return fail(read, bytes),
                }
            }
            // ii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return Decoded {
                read: length,
                bytes,
                error: None,
            };
        }
        // c-d. Let char be the next code unit.
        let mut c = s[index];
        index += 1;
        // e. If char is "=", then
        if c == b'=' as u16 {
            // i. If chunkLength < 2, error.
            if chunk.len() < 2 {
                return fail(read, bytes);
            }
            // ii. Set index to SkipAsciiWhitespace(string, index).
            index = skip_ascii_whitespace(s, index);
            // iii. If chunkLength = 2, then
            if chunk.len() == 2 {
                // 1. If index = length: stop-before-partial returns, else error.
                if index == length {
                    if last == LastChunk::StopBeforePartial {
                        return Decoded {
                            read,
                            bytes,
                            error: None,
                        };
                    }
                    return fail(read, bytes);
                }
                // 2-3. A second "=" is skipped.
                if s[index] == b'=' as u16 {
                    index = skip_ascii_whitespace(s, index + 1);
                }
            }
            // iv. If index < length, error.
            if index < length {
                return fail(read, bytes);
            }
            // v-ix. Decode the final chunk (strict mode rejects extra bits).
            match decode_final_chunk(&chunk, last == LastChunk::Strict) {
                Ok(b) => bytes.extend(b),
                Err(_) => return fail(read, bytes),
            }
            // x. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return Decoded {
                read: length,
                bytes,
                error: None,
            };
        }
        // f. If alphabet is "base64url", "+" and "/" are errors and "-"/"_" stand for them.
        if url {
            if c == b'+' as u16 || c == b'/' as u16 {
                return fail(read, bytes);
            } else if c == b'-' as u16 {
                c = b'+' as u16;
            } else if c == b'_' as u16 {
                c = b'/' as u16;
            }
        }
        // g. If char is not in the standard base64 alphabet, error.
        let Some(v) = base64_value(c) else {
            return fail(read, bytes);
        };
        // h-i. Stop before a chunk that would not fit.
        let remaining = max_length - bytes.len();
        if (remaining == 1 && chunk.len() == 2) || (remaining == 2 && chunk.len() == 3) {
            return Decoded {
                read,
                bytes,
                error: None,
            };
        }
        // j-k. Append char to chunk.
        chunk.push(v);
        // l. If chunkLength = 4, decode it.
        if chunk.len() == 4 {
            bytes.extend(decode_full_chunk(&chunk));
            chunk.clear();
            read = index;
            if bytes.len() == max_length {
                return Decoded {
                    read,
                    bytes,
                    error: None,
                };
            }
        }
    }
}

fn hex_value(c: u16) -> Option<u8> {
    match c {
        0x30..=0x39 => Some((c - 0x30) as u8),
        0x41..=0x46 => Some((c - 0x41 + 10) as u8),
        0x61..=0x66 => Some((c - 0x61 + 10) as u8),
        _ => None,
    }
}

/// FromHex(string [, maxLength]).
fn from_hex(s: &[u16], max_length: usize) -> Decoded {
    let length = s.len();
    let mut bytes = Vec::new();
    let mut read = 0;
    // 5. If length modulo 2 is not 0, error.
    if !length.is_multiple_of(2) {
        return Decoded {
            read,
            bytes,
            error: Some(HEX_ERROR),
        };
    }
    // 6. Repeat, while read < length and the length of bytes < maxLength,
    while read < length && bytes.len() < max_length {
        // a-b. Two ASCII hex digits, or an error.
        let (Some(hi), Some(lo)) = (hex_value(s[read]), hex_value(s[read + 1])) else {
            return Decoded {
                read,
                bytes,
                error: Some(HEX_ERROR),
            };
        };
        // c-e. Append the byte.
        read += 2;
        bytes.push(hi * 16 + lo);
    }
    // 7. Return the Record.
    Decoded {
        read,
        bytes,
        error: None,
    }
}

/// A new Uint8Array holding `bytes` (AllocateTypedArray on %Uint8Array% and the copy).
fn new_uint8_array(it: &mut Interp, bytes: Vec<u8>) -> JsResult<Value> {
    let proto = it.intrinsics.uint8_array_prototype.clone();
    let len = bytes.len();
    let (o, ta) = it.allocate_typed_array_with_length(ElementType::Uint8, proto, len as u64)?;
    set_uint8_array_bytes(&ta, &bytes);
    Ok(Value::Object(o))
}

fn syntax(it: &mut Interp, msg: &str) -> Abrupt {
    it.syntax_error(msg)
}

/// `Uint8Array.fromBase64(string [, options])`.
fn uint8_from_base64(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If string is not a String, throw a TypeError exception.
    let s = require_string(it, &a.get(0))?;
    // 2. Let opts be ? GetOptionsObject(options).
    let opts = get_options_object(it, &a.get(1))?;
    // 3-5. alphabet.
    let url = get_alphabet(it, &opts)?;
    // 6-8. lastChunkHandling.
    let last = get_last_chunk_handling(it, &opts)?;
    // 9. Let result be FromBase64(string, alphabet, lastChunkHandling).
    let result = from_base64(s.units(), url, last, usize::MAX);
    // 10. If result.[[Error]] is not none, throw result.[[Error]].
    if let Some(e) = result.error {
        return Err(syntax(it, e));
    }
    // 11-14. A new Uint8Array with the bytes.
    new_uint8_array(it, result.bytes)
}

/// `Uint8Array.fromHex(string)`.
fn uint8_from_hex(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If string is not a String, throw a TypeError exception.
    let s = require_string(it, &a.get(0))?;
    // 2. Let result be FromHex(string).
    let result = from_hex(s.units(), usize::MAX);
    // 3. If result.[[Error]] is not none, throw result.[[Error]].
    if let Some(e) = result.error {
        return Err(syntax(it, e));
    }
    // 4-7. A new Uint8Array with the bytes.
    new_uint8_array(it, result.bytes)
}

/// The `{ read, written }` result of the `setFrom*` methods.
fn read_written(it: &mut Interp, read: usize, written: usize) -> Value {
    let o = it.new_object();
    o.define(
        "read",
        Value::Number(read as f64),
        crate::object::Attrs::DEFAULT,
    );
    o.define(
        "written",
        Value::Number(written as f64),
        crate::object::Attrs::DEFAULT,
    );
    Value::Object(o)
}

/// `Uint8Array.prototype.setFromBase64(string [, options])`.
fn uint8_set_from_base64(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Uint8Array.prototype.setFromBase64";
    // 1-2. Perform ? ValidateUint8Array(into).
    let (_, ta) = validate_uint8_array(it, a.this, NAME)?;
    // 3. If string is not a String, throw a TypeError exception.
    let s = require_string(it, &a.get(0))?;
    // 4-10. opts, alphabet, lastChunkHandling.
    let opts = get_options_object(it, &a.get(1))?;
    let url = get_alphabet(it, &opts)?;
    let last = get_last_chunk_handling(it, &opts)?;
    // 11-13. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let Some(byte_length) = ta.length() else {
        return Err(it.detached_view_error(NAME));
    };
    // 14. Let result be FromBase64(string, alphabet, lastChunkHandling, byteLength).
    let result = from_base64(s.units(), url, last, byte_length);
    // 15-19. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(&ta, &result.bytes);
    // 20. If result.[[Error]] is not none, throw result.[[Error]].
    if let Some(e) = result.error {
        return Err(syntax(it, e));
    }
    // 21-24. Return { read, written }.
    Ok(read_written(it, result.read, result.bytes.len()))
}

/// `Uint8Array.prototype.setFromHex(string)`.
fn uint8_set_from_hex(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Uint8Array.prototype.setFromHex";
    // 1-2. Perform ? ValidateUint8Array(into).
    let (_, ta) = validate_uint8_array(it, a.this, NAME)?;
    // 3. If string is not a String, throw a TypeError exception.
    let s = require_string(it, &a.get(0))?;
    // 4-6. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let Some(byte_length) = ta.length() else {
        return Err(it.detached_view_error(NAME));
    };
    // 7. Let result be FromHex(string, byteLength).
    let result = from_hex(s.units(), byte_length);
    // 8-12. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(&ta, &result.bytes);
    // 13. If result.[[Error]] is not none, throw result.[[Error]].
    if let Some(e) = result.error {
        return Err(syntax(it, e));
    }
    // 14-17. Return { read, written }.
    Ok(read_written(it, result.read, result.bytes.len()))
}

/// `Uint8Array.prototype.toBase64([options])`.
fn uint8_to_base64(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Uint8Array.prototype.toBase64";
    // 1-2. Perform ? ValidateUint8Array(O).
    let (_, ta) = validate_uint8_array(it, a.this, NAME)?;
    // 3. Let opts be ? GetOptionsObject(options).
    let opts = get_options_object(it, &a.get(0))?;
    // 4-6. alphabet.
    let url = get_alphabet(it, &opts)?;
    // 7. Let omitPadding be ToBoolean(? Get(opts, "omitPadding")).
    let omit_padding = get_option(it, &opts, "omitPadding")?.to_boolean();
    // 8. Let toEncode be ? GetUint8ArrayBytes(O).
    let bytes = get_uint8_array_bytes(it, &ta, NAME)?;
    // 9-10. Encode per RFC 4648 §4 (base64) or §5 (base64url), padded unless omitted.
    let table = if url { URL_ALPHABET } else { ALPHABET };
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(table[((n >> (18 - 6 * i)) & 63) as usize] as u16);
            } else if !omit_padding {
                out.push(b'=' as u16);
            }
        }
    }
    if out.len() > crate::builtins::string::MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    // 11. Return CodePointsToString(outAscii).
    Ok(Value::String(JsStr::from_units(out)))
}

/// `Uint8Array.prototype.toHex()`.
fn uint8_to_hex(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Uint8Array.prototype.toHex";
    // 1-2. Perform ? ValidateUint8Array(O).
    let (_, ta) = validate_uint8_array(it, a.this, NAME)?;
    // 3. Let toEncode be ? GetUint8ArrayBytes(O).
    let bytes = get_uint8_array_bytes(it, &ta, NAME)?;
    // 4-5. Two lowercase hex digits per byte.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    if bytes.len() * 2 > crate::builtins::string::MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as u16);
        out.push(DIGITS[(b & 15) as usize] as u16);
    }
    // 6. Return out.
    Ok(Value::String(JsStr::from_units(out)))
}

pub fn init(it: &mut Interp) {
    let ctor = it.intrinsics.uint8_array_ctor.clone();
    let proto = it.intrinsics.uint8_array_prototype.clone();
    it.define_method(&ctor, "fromBase64", 1, uint8_from_base64);
    it.define_method(&ctor, "fromHex", 1, uint8_from_hex);
    it.define_method(&proto, "toBase64", 0, uint8_to_base64);
    it.define_method(&proto, "setFromBase64", 1, uint8_set_from_base64);
    it.define_method(&proto, "toHex", 0, uint8_to_hex);
    it.define_method(&proto, "setFromHex", 1, uint8_set_from_hex);
}
