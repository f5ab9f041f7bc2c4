//! The natives behind `node:buffer` (Node's `internalBinding('buffer')`, `src/node_buffer.cc`
//! and `string_bytes.cc`): encoding and decoding strings to bytes, byte search, compare,
//! copy, fill and swap. The JavaScript side (`modules/buffer.js`, a port of Node's
//! `lib/buffer.js`) validates arguments and throws Node's errors; these functions act on the
//! bytes of an `ArrayBufferView` (or `ArrayBuffer`) and never run script code while a buffer
//! is borrowed.

use jsgen_engine::builtins::array_buffer::{read_buffer, with_buffer, ElementType};
use jsgen_engine::builtins::typed_array::typed_array_prototype_of;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

/// Node's `enum encoding` (`encodingsMap` in `lib/internal/util.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Ascii = 0,
    Utf8 = 1,
    Base64 = 2,
    Ucs2 = 3,
    Latin1 = 4,
    Hex = 5,
    Buffer = 6,
    Base64Url = 7,
}

impl Encoding {
    pub fn from_index(n: f64) -> Encoding {
        match n as i64 {
            0 => Encoding::Ascii,
            2 => Encoding::Base64,
            3 => Encoding::Ucs2,
            4 => Encoding::Latin1,
            5 => Encoding::Hex,
            6 => Encoding::Buffer,
            7 => Encoding::Base64Url,
            _ => Encoding::Utf8,
        }
    }

    /// `ParseEncoding` on an already-normalized name (`utf8`, `hex`, ...).
    pub fn from_name(s: &str) -> Option<Encoding> {
        Some(match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Ucs2,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            "hex" => Encoding::Hex,
            "buffer" => Encoding::Buffer,
            _ => return None,
        })
    }
}

// ---- views ----------------------------------------------------------------------------------

/// The buffer object, byte offset and byte length behind a view (or an ArrayBuffer itself).
pub fn view_range(v: &Value) -> Option<(Obj, usize, usize)> {
    let Value::Object(o) = v else { return None };
    let b = o.borrow();
    match &b.kind {
        ObjectKind::TypedArray(ta) => Some((ta.buffer.clone(), ta.byte_offset, ta.byte_length())),
        ObjectKind::DataView(dv) => {
            let len = dv.view_byte_length().unwrap_or(0);
            Some((dv.buffer.clone(), dv.byte_offset, len))
        }
        ObjectKind::ArrayBuffer(ab) => Some((o.clone(), 0, ab.byte_length())),
        _ => None,
    }
}

/// A copy of the bytes a view sees (`None` if `v` is no view; empty when detached).
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let (buf, off, len) = view_range(v)?;
    Some(
        read_buffer(&buf, |b| {
            b.bytes()
                .and_then(|d| d.get(off..off.checked_add(len)?).map(<[u8]>::to_vec))
        })
        .flatten()
        .unwrap_or_default(),
    )
}

/// Runs `f` on the bytes a view sees, mutably (`None` if no view or detached).
pub fn with_view_mut<R>(v: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    let (buf, off, len) = view_range(v)?;
    with_buffer(&buf, |b| {
        let mut d = b.bytes_mut()?;
        let end = off.checked_add(len)?;
        d.get_mut(off..end).map(f)
    })
    .flatten()
}

/// A new `Uint8Array` holding `bytes`.
pub fn new_uint8_array(it: &mut Interp, bytes: &[u8]) -> JsResult<Obj> {
    let proto = typed_array_prototype_of(&it.intrinsics, ElementType::Uint8);
    let (o, ta) =
        it.allocate_typed_array_with_length(ElementType::Uint8, proto, bytes.len() as u64)?;
    with_buffer(&ta.buffer, |b| {
        if let Some(mut d) = b.bytes_mut() {
            d.copy_from_slice(bytes);
        }
    });
    Ok(o)
}

fn arg_view(it: &mut Interp, a: &Args, i: usize) -> JsResult<Value> {
    let v = a.get(i);
    if view_range(&v).is_none() {
        return Err(it.type_error("argument must be a buffer"));
    }
    Ok(v)
}

fn arg_index(it: &mut Interp, a: &Args, i: usize, default: f64) -> JsResult<f64> {
    let v = a.get(i);
    if v.is_undefined() {
        return Ok(default);
    }
    it.to_integer_or_infinity(&v)
}

fn out_of_range(it: &mut Interp, msg: &str) -> Abrupt {
    let p = it.intrinsics.range_error_prototype.clone();
    Abrupt::Throw(crate::process::node_error(it, &p, "ERR_OUT_OF_RANGE", msg))
}

fn string_arg(it: &mut Interp, a: &Args, i: usize) -> JsResult<JsStr> {
    match a.get(i) {
        Value::String(s) => Ok(s),
        _ => {
            let p = it.intrinsics.type_error_prototype.clone();
            Err(Abrupt::Throw(crate::process::node_error(
                it,
                &p,
                "ERR_INVALID_ARG_TYPE",
                "argument must be a string",
            )))
        }
    }
}

// ---- encoding strings to bytes --------------------------------------------------------------

/// UTF-8 of UTF-16 code units, a lone surrogate as U+FFFD (`EF BF BD`), as V8 writes it.
pub fn utf8_encode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len());
    for c in char::decode_utf16(units.iter().copied()) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut b = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }
    out
}

/// UTF-8 into at most `max` bytes, whole characters only (V8's `WriteUtf8`): (bytes written,
/// code units read).
fn utf8_write(units: &[u16], dst: &mut [u8]) -> (usize, usize) {
    let mut w = 0;
    let mut read = 0;
    for c in char::decode_utf16(units.iter().copied()) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        let n = c.len_utf8();
        if w + n > dst.len() {
            break;
        }
        c.encode_utf8(&mut dst[w..w + n]);
        w += n;
        read += if (c as u32) > 0xFFFF { 2 } else { 1 };
    }
    (w, read)
}

pub fn utf8_byte_length(units: &[u16]) -> usize {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.map_or(3, char::len_utf8))
        .sum()
}

fn hex_value(u: u16) -> Option<u8> {
    match u {
        0x30..=0x39 => Some((u - 0x30) as u8),
        0x41..=0x46 => Some((u - 0x41 + 10) as u8),
        0x61..=0x66 => Some((u - 0x61 + 10) as u8),
        _ => None,
    }
}

/// Node's hex decoding: pairs of hex digits up to the first pair that is not one.
pub fn hex_decode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() / 2);
    for pair in units.chunks_exact(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => break,
        }
    }
    out
}

fn base64_value(u: u16) -> Option<u32> {
    match u {
        0x41..=0x5A => Some(u32::from(u - 0x41)),
        0x61..=0x7A => Some(u32::from(u - 0x61) + 26),
        0x30..=0x39 => Some(u32::from(u - 0x30) + 52),
        0x2B | 0x2D => Some(62), // '+' and base64url's '-'
        0x2F | 0x5F => Some(63), // '/' and base64url's '_'
        _ => None,
    }
}

/// Node's forgiving base64 decoding (either alphabet; other characters skipped; stops at `=`).
pub fn base64_decode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() * 3 / 4);
    let mut acc = 0u32;
    let mut n = 0;
    for &u in units {
        if u == 0x3D {
            break;
        }
        let Some(v) = base64_value(u) else { continue };
        acc = acc << 6 | v;
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            acc = 0;
            n = 0;
        }
    }
    match n {
        2 => out.push((acc >> 4) as u8),
        3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => {}
    }
    out
}

/// The bytes of a string in an encoding (`StringBytes::Write` without a size limit).
pub fn encode(s: &JsStr, enc: Encoding) -> Vec<u8> {
    let units = s.units();
    match enc {
        Encoding::Utf8 | Encoding::Buffer => utf8_encode(units),
        Encoding::Ucs2 => units.iter().flat_map(|u| u.to_le_bytes()).collect(),
        Encoding::Latin1 | Encoding::Ascii => units.iter().map(|&u| u as u8).collect(),
        Encoding::Hex => hex_decode(units),
        Encoding::Base64 | Encoding::Base64Url => base64_decode(units),
    }
}

// ---- decoding bytes to strings --------------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

pub fn base64_encode(bytes: &[u8], url: bool) -> String {
    let table: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let idx = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        let keep = chunk.len() + 1;
        for (i, &k) in idx.iter().enumerate() {
            if i < keep {
                out.push(table[k as usize] as char);
            } else if !url {
                out.push('=');
            }
        }
    }
    out
}

/// A string from bytes in an encoding (`StringBytes::Encode`).
pub fn decode(bytes: &[u8], enc: Encoding) -> JsStr {
    match enc {
        Encoding::Utf8 | Encoding::Buffer => JsStr::from(String::from_utf8_lossy(bytes).as_ref()),
        Encoding::Ucs2 => JsStr::from_units(
            bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect(),
        ),
        Encoding::Latin1 => JsStr::from_units(bytes.iter().map(|&b| u16::from(b)).collect()),
        Encoding::Ascii => JsStr::from_units(bytes.iter().map(|&b| u16::from(b & 0x7f)).collect()),
        Encoding::Hex => {
            let mut s = String::with_capacity(bytes.len() * 2);
            for b in bytes {
                s.push(HEX[(b >> 4) as usize] as char);
                s.push(HEX[(b & 15) as usize] as char);
            }
            JsStr::from(s.as_str())
        }
        Encoding::Base64 => JsStr::from(base64_encode(bytes, false).as_str()),
        Encoding::Base64Url => JsStr::from(base64_encode(bytes, true).as_str()),
    }
}

// ---- the binding ----------------------------------------------------------------------------

/// `internalBinding('buffer')`.
pub fn binding(it: &mut Interp) -> Obj {
    let b = it.new_object();
    b.define(
        "kMaxLength",
        Value::Number(9007199254740991.0),
        Attrs::DEFAULT,
    );
    b.define(
        "kStringMaxLength",
        Value::Number(536870888.0),
        Attrs::DEFAULT,
    );
    it.define_method(&b, "byteLengthUtf8", 1, |it, a| {
        let s = it.to_string(&a.get(0))?;
        Ok(Value::Number(utf8_byte_length(s.units()) as f64))
    });
    for (name, enc) in [
        ("asciiSlice", Encoding::Ascii),
        ("base64Slice", Encoding::Base64),
        ("base64urlSlice", Encoding::Base64Url),
        ("latin1Slice", Encoding::Latin1),
        ("hexSlice", Encoding::Hex),
        ("ucs2Slice", Encoding::Ucs2),
        ("utf8Slice", Encoding::Utf8),
    ] {
        let f = it.native_fn_with(name, 3, slice, false, vec![Value::Number(enc as u8 as f64)]);
        b.define(name, Value::Object(f), Attrs::DEFAULT);
    }
    for (name, enc) in [
        ("asciiWriteStatic", Encoding::Latin1),
        ("latin1WriteStatic", Encoding::Latin1),
        ("utf8WriteStatic", Encoding::Utf8),
        ("base64Write", Encoding::Base64),
        ("base64urlWrite", Encoding::Base64Url),
        ("hexWrite", Encoding::Hex),
        ("ucs2Write", Encoding::Ucs2),
    ] {
        let f = it.native_fn_with(name, 4, write, false, vec![Value::Number(enc as u8 as f64)]);
        b.define(name, Value::Object(f), Attrs::DEFAULT);
    }
    it.define_method(&b, "compare", 2, |it, a| {
        let x = arg_view(it, a, 0)?;
        let y = arg_view(it, a, 1)?;
        let (x, y) = (
            view_bytes(&x).unwrap_or_default(),
            view_bytes(&y).unwrap_or_default(),
        );
        Ok(Value::Number(ordering(x.cmp(&y))))
    });
    it.define_method(&b, "compareOffset", 6, compare_offset);
    it.define_method(&b, "copy", 5, copy);
    it.define_method(&b, "fill", 5, fill);
    it.define_method(&b, "indexOfString", 6, index_of_string);
    it.define_method(&b, "indexOfBuffer", 6, index_of_buffer);
    it.define_method(&b, "indexOfNumber", 5, index_of_number);
    it.define_method(&b, "swap16", 1, |_, a| swap(a, 2));
    it.define_method(&b, "swap32", 1, |_, a| swap(a, 4));
    it.define_method(&b, "swap64", 1, |_, a| swap(a, 8));
    it.define_method(&b, "isUtf8", 1, |_, a| {
        let bytes = view_bytes(&a.get(0)).unwrap_or_default();
        Ok(Value::Bool(std::str::from_utf8(&bytes).is_ok()))
    });
    it.define_method(&b, "isAscii", 1, |_, a| {
        let bytes = view_bytes(&a.get(0)).unwrap_or_default();
        Ok(Value::Bool(bytes.is_ascii()))
    });
    // `new Uint8Array(bytes)` of a string in an encoding (Buffer.from's slow path).
    it.define_method(&b, "encode", 2, |it, a| {
        let s = it.to_string(&a.get(0))?;
        let enc = Encoding::from_index(it.to_number(&a.get(1))?);
        let bytes = encode(&s, enc);
        Ok(Value::Object(new_uint8_array(it, &bytes)?))
    });
    b
}

fn ordering(o: std::cmp::Ordering) -> f64 {
    match o {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }
}

fn captured_encoding(a: &Args) -> Encoding {
    let b = a.callee.borrow();
    match &b.kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::Number(x)) => Encoding::from_index(*x),
            _ => Encoding::Utf8,
        },
        _ => Encoding::Utf8,
    }
}

/// `xxxSlice(buf, start, end)`.
fn slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let enc = captured_encoding(a);
    let v = arg_view(it, a, 0)?;
    let bytes = view_bytes(&v).unwrap_or_default();
    let len = bytes.len() as f64;
    // Node clamps both ends to the buffer.
    let start = arg_index(it, a, 1, 0.0)?.clamp(0.0, len);
    let end = arg_index(it, a, 2, len)?.clamp(start, len);
    let s = decode(&bytes[start as usize..end as usize], enc);
    Ok(Value::String(s))
}

/// `xxxWrite(buf, string, offset, length)`: bytes written.
fn write(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let enc = captured_encoding(a);
    let v = arg_view(it, a, 0)?;
    let s = string_arg(it, a, 1)?;
    let (_, _, buf_len) = view_range(&v).unwrap_or_else(|| (it.new_object(), 0, 0));
    let offset = arg_index(it, a, 2, 0.0)?.max(0.0);
    if offset > buf_len as f64 {
        let p = it.intrinsics.range_error_prototype.clone();
        return Err(Abrupt::Throw(crate::process::node_error(
            it,
            &p,
            "ERR_BUFFER_OUT_OF_BOUNDS",
            "\"offset\" is outside of buffer bounds",
        )));
    }
    let offset = offset as usize;
    let max = (buf_len - offset) as f64;
    let length = arg_index(it, a, 3, max)?.clamp(0.0, max) as usize;
    let units = s.units();
    let written = with_view_mut(&v, |dst| {
        let dst = &mut dst[offset..offset + length];
        match enc {
            Encoding::Utf8 | Encoding::Buffer => utf8_write(units, dst).0,
            Encoding::Ucs2 => {
                let n = (dst.len() / 2).min(units.len());
                for (i, u) in units[..n].iter().enumerate() {
                    dst[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
                }
                n * 2
            }
            Encoding::Latin1 | Encoding::Ascii => {
                let n = dst.len().min(units.len());
                for (d, &u) in dst.iter_mut().zip(units) {
                    *d = u as u8;
                }
                n
            }
            Encoding::Hex | Encoding::Base64 | Encoding::Base64Url => {
                let bytes = encode(&s, enc);
                let n = dst.len().min(bytes.len());
                dst[..n].copy_from_slice(&bytes[..n]);
                n
            }
        }
    })
    .unwrap_or(0);
    Ok(Value::Number(written as f64))
}

/// `compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd)`.
fn compare_offset(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let source = view_bytes(&arg_view(it, a, 0)?).unwrap_or_default();
    let target = view_bytes(&arg_view(it, a, 1)?).unwrap_or_default();
    let target_start = arg_index(it, a, 2, 0.0)?.max(0.0) as usize;
    let source_start = arg_index(it, a, 3, 0.0)?.max(0.0) as usize;
    let target_end = arg_index(it, a, 4, target.len() as f64)?.max(0.0) as usize;
    let source_end = arg_index(it, a, 5, source.len() as f64)?.max(0.0) as usize;
    if source_start > source.len() {
        return Err(out_of_range(
            it,
            "The value of \"sourceStart\" is out of range.",
        ));
    }
    if target_start > target.len() {
        return Err(out_of_range(
            it,
            "The value of \"targetStart\" is out of range.",
        ));
    }
    let source_len = source_end.saturating_sub(source_start);
    let target_len = target_end.saturating_sub(target_start);
    let to_cmp = source_len
        .min(target_len)
        .min(source.len() - source_start)
        .min(target.len() - target_start);
    let c = source[source_start..source_start + to_cmp]
        .cmp(&target[target_start..target_start + to_cmp]);
    let r = if c != std::cmp::Ordering::Equal {
        ordering(c)
    } else {
        ordering(source_len.cmp(&target_len))
    };
    Ok(Value::Number(r))
}

/// `copy(source, target, targetStart, sourceStart, nb)`: bytes copied.
fn copy(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let source = view_bytes(&arg_view(it, a, 0)?).unwrap_or_default();
    let target = arg_view(it, a, 1)?;
    let target_start = arg_index(it, a, 2, 0.0)?.max(0.0) as usize;
    let source_start = arg_index(it, a, 3, 0.0)?.max(0.0) as usize;
    let nb = arg_index(it, a, 4, 0.0)?.max(0.0) as usize;
    let src = source.get(source_start..).unwrap_or(&[]);
    let n = with_view_mut(&target, |dst| {
        let dst = dst.get_mut(target_start..).unwrap_or(&mut []);
        let n = nb.min(src.len()).min(dst.len());
        dst[..n].copy_from_slice(&src[..n]);
        n
    })
    .unwrap_or(0);
    Ok(Value::Number(n as f64))
}

/// `fill(buf, value, start, end, encoding)`: -1 when the value encodes to no bytes, -2 when
/// out of bounds.
fn fill(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let buf = arg_view(it, a, 0)?;
    let value = a.get(1);
    let start = arg_index(it, a, 2, 0.0)?.max(0.0) as usize;
    let end = arg_index(it, a, 3, 0.0)?.max(0.0) as usize;
    let len = view_range(&buf).map_or(0, |r| r.2);
    if start > end || end > len {
        return Ok(Value::Number(-2.0));
    }
    let pattern = if let Some(bytes) = view_bytes(&value) {
        bytes
    } else if let Value::String(s) = &value {
        let enc = match a.get(4) {
            Value::String(e) => Encoding::from_name(&e.to_rust_string()).unwrap_or(Encoding::Utf8),
            _ => Encoding::Utf8,
        };
        encode(s, enc)
    } else {
        let n = it.to_uint32(&value)?;
        vec![(n & 255) as u8]
    };
    if pattern.is_empty() && end > start {
        return Ok(Value::Number(-1.0));
    }
    with_view_mut(&buf, |d| {
        for (i, b) in d[start..end].iter_mut().enumerate() {
            *b = pattern[i % pattern.len()];
        }
    });
    Ok(Value::Undefined)
}

/// Node's `IndexOfOffset`.
fn index_of_offset(length: i64, offset: i64, needle_length: i64, forward: bool) -> i64 {
    if offset < 0 {
        if offset + length >= 0 {
            length + offset
        } else if forward || needle_length == 0 {
            0
        } else {
            -1
        }
    } else if offset + needle_length <= length {
        offset
    } else if needle_length == 0 {
        length
    } else if forward {
        -1
    } else {
        length - 1
    }
}

/// Searches `needle` in `hay` from `offset` (forward: first match at >= offset; backward:
/// last match at <= offset), stepping `step` bytes (2 for UTF-16).
fn search(hay: &[u8], needle: &[u8], offset: usize, forward: bool, step: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    let at = |i: usize| hay[i..i + needle.len()] == *needle;
    if forward {
        let mut i = offset;
        while i <= last {
            if at(i) {
                return Some(i);
            }
            i += step;
        }
        None
    } else {
        let mut i = offset.min(last);
        i -= i % step;
        loop {
            if at(i) {
                return Some(i);
            }
            if i < step {
                return None;
            }
            i -= step;
        }
    }
}

fn index_of_bytes(hay: &[u8], needle: &[u8], offset: f64, forward: bool, ucs2: bool) -> f64 {
    let opt = index_of_offset(
        hay.len() as i64,
        offset as i64,
        needle.len() as i64,
        forward,
    );
    if needle.is_empty() {
        return opt as f64;
    }
    if hay.is_empty() || opt <= -1 {
        return -1.0;
    }
    let offset = opt as usize;
    if (forward && needle.len() + offset > hay.len()) || needle.len() > hay.len() {
        return -1.0;
    }
    if ucs2 && (hay.len() < 2 || needle.len() < 2) {
        return -1.0;
    }
    let step = if ucs2 { 2 } else { 1 };
    match search(hay, needle, offset, forward, step) {
        Some(i) => i as f64,
        None => -1.0,
    }
}

fn haystack(it: &mut Interp, a: &Args, end_arg: usize) -> JsResult<Vec<u8>> {
    let mut hay = view_bytes(&arg_view(it, a, 0)?).unwrap_or_default();
    let end = arg_index(it, a, end_arg, hay.len() as f64)?;
    if end >= 0.0 && (end as usize) < hay.len() {
        hay.truncate(end as usize);
    }
    Ok(hay)
}

/// `indexOfString(buf, string, byteOffset, encoding, dir, end)`.
fn index_of_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let hay = haystack(it, a, 5)?;
    let s = it.to_string(&a.get(1))?;
    let offset = it.to_integer_or_infinity(&a.get(2))?;
    let enc = Encoding::from_index(it.to_number(&a.get(3))?);
    let forward = a.get(4).to_boolean();
    let needle = encode(&s, enc);
    let r = index_of_bytes(&hay, &needle, offset, forward, enc == Encoding::Ucs2);
    Ok(Value::Number(r))
}

/// `indexOfBuffer(buf, needle, byteOffset, encoding, dir, end)`.
fn index_of_buffer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let hay = haystack(it, a, 5)?;
    let needle = view_bytes(&arg_view(it, a, 1)?).unwrap_or_default();
    let offset = it.to_integer_or_infinity(&a.get(2))?;
    let enc = Encoding::from_index(it.to_number(&a.get(3))?);
    let forward = a.get(4).to_boolean();
    let r = index_of_bytes(&hay, &needle, offset, forward, enc == Encoding::Ucs2);
    Ok(Value::Number(r))
}

/// `indexOfNumber(buf, number, byteOffset, dir, end)`.
fn index_of_number(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let hay = haystack(it, a, 4)?;
    let needle = (it.to_uint32(&a.get(1))? & 255) as u8;
    let offset = it.to_integer_or_infinity(&a.get(2))?;
    let forward = a.get(3).to_boolean();
    let opt = index_of_offset(hay.len() as i64, offset as i64, 1, forward);
    if opt <= -1 || hay.is_empty() {
        return Ok(Value::Number(-1.0));
    }
    let offset = opt as usize;
    let r = if forward {
        hay[offset..]
            .iter()
            .position(|&b| b == needle)
            .map(|i| i + offset)
    } else {
        hay[..=offset.min(hay.len() - 1)]
            .iter()
            .rposition(|&b| b == needle)
    };
    Ok(Value::Number(r.map_or(-1.0, |i| i as f64)))
}

fn swap(a: &Args, n: usize) -> JsResult<Value> {
    let v = a.get(0);
    with_view_mut(&v, |d| {
        for c in d.chunks_exact_mut(n) {
            c.reverse();
        }
    });
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn base64_round_trip_and_forgiving_decode() {
        assert_eq!(base64_encode(b"hi", false), "aGk=");
        assert_eq!(base64_encode(b"hi", true), "aGk");
        assert_eq!(base64_encode(&[0xfb, 0xff], false), "+/8=");
        assert_eq!(base64_encode(&[0xfb, 0xff], true), "-_8");
        assert_eq!(base64_decode(&units("aGk=")), b"hi");
        assert_eq!(base64_decode(&units("a G\nk")), b"hi");
        assert_eq!(base64_decode(&units("-_8")), vec![0xfb, 0xff]);
        assert_eq!(base64_decode(&units("aGk=aGk=")), b"hi");
    }

    #[test]
    fn hex_stops_at_first_bad_pair() {
        assert_eq!(hex_decode(&units("abcdz1ef")), vec![0xab, 0xcd]);
        assert_eq!(hex_decode(&units("abc")), vec![0xab]);
    }

    #[test]
    fn utf8_lone_surrogates_and_partial_writes() {
        assert_eq!(utf8_encode(&[0xD800, 0x61]), vec![0xEF, 0xBF, 0xBD, 0x61]);
        let mut dst = [0u8; 3];
        assert_eq!(utf8_write(&units("a€"), &mut dst), (1, 1));
        assert_eq!(utf8_byte_length(&units("a€😀")), 8);
    }

    #[test]
    fn search_both_directions() {
        let hay = b"abcabc";
        assert_eq!(index_of_bytes(hay, b"bc", 0.0, true, false), 1.0);
        assert_eq!(index_of_bytes(hay, b"bc", 2.0, true, false), 4.0);
        assert_eq!(index_of_bytes(hay, b"bc", 3.0, false, false), 1.0);
        assert_eq!(index_of_bytes(hay, b"bc", -1.0, false, false), 4.0);
        assert_eq!(index_of_bytes(hay, b"", 10.0, true, false), 6.0);
        assert_eq!(index_of_bytes(hay, b"zz", 0.0, true, false), -1.0);
    }
}
