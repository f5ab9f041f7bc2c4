//! Global functions: `parseInt`, `parseFloat`, `isNaN`, `isFinite`, the URI functions, `eval`,
//! and the value properties `globalThis`, `NaN`, `Infinity`, `undefined`.
//!
//! `parseInt`/`parseFloat` are created by `number.rs` (they are also `Number.parseInt` /
//! `Number.parseFloat`, the same function objects); `init` here only adds them if missing.

use crate::interp::scope::Env;
use crate::interp::{Args, Interp, JsResult};
use crate::object::Attrs;
use crate::string::JsStr;
use crate::value::{is_js_whitespace, Value};

pub fn init(it: &mut Interp) {
    let g = it.global.clone();
    g.define("Infinity", Value::Number(f64::INFINITY), Attrs::NONE);
    g.define("NaN", Value::Number(f64::NAN), Attrs::NONE);
    g.define("undefined", Value::Undefined, Attrs::NONE);
    g.define("globalThis", Value::Object(g.clone()), Attrs::HIDDEN);

    if g.get_own_property(&static_key!("parseInt")).is_none() {
        it.define_method(&g, "parseInt", 2, parse_int);
    }
    if g.get_own_property(&static_key!("parseFloat")).is_none() {
        it.define_method(&g, "parseFloat", 1, parse_float);
    }
    it.define_method(&g, "decodeURI", 1, decode_uri);
    it.define_method(&g, "decodeURIComponent", 1, decode_uri_component);
    it.define_method(&g, "encodeURI", 1, encode_uri);
    it.define_method(&g, "encodeURIComponent", 1, encode_uri_component);
    it.define_method(&g, "escape", 1, escape);
    it.define_method(&g, "unescape", 1, unescape);
    let eval = it.define_method_obj(&g, "eval", 1, |it, a| perform_eval(it, a.get(0), None));
    it.intrinsics.eval_fn = eval;
    it.define_method(&g, "isFinite", 1, is_finite);
    it.define_method(&g, "isNaN", 1, is_nan);
}

/// PerformEval: `env` is `Some` for a direct eval (the caller's environment).
pub fn perform_eval(it: &mut Interp, x: Value, env: Option<&Env>) -> JsResult<Value> {
    it.perform_eval(x, env)
}

fn is_nan(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(it.to_number(&a.get(0))?.is_nan()))
}

fn is_finite(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(it.to_number(&a.get(0))?.is_finite()))
}

fn is_ws_unit(u: u16) -> bool {
    char::from_u32(u as u32).is_some_and(is_js_whitespace)
}

fn skip_leading_ws(s: &[u16]) -> &[u16] {
    let n = s.iter().take_while(|&&u| is_ws_unit(u)).count();
    &s[n..]
}

fn digit_value(u: u16) -> Option<u32> {
    char::from_u32(u as u32).and_then(|c| c.to_digit(36))
}

/// `parseInt(string, radix)`.
pub fn parse_int(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let input = it.to_string(&a.get(0))?;
    let r = it.to_int32(&a.get(1))?;
    Ok(Value::Number(parse_int_units(input.units(), r)))
}

/// The parseInt algorithm on code units with R = ToInt32(radix) already computed.
pub fn parse_int_units(units: &[u16], r: i32) -> f64 {
    let mut s = skip_leading_ws(units);
    let mut sign = 1.0;
    if let Some(&c) = s.first() {
        if c == b'-' as u16 {
            sign = -1.0;
        }
        if c == b'-' as u16 || c == b'+' as u16 {
            s = &s[1..];
        }
    }
    let mut radix = r;
    let mut strip_prefix = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip_prefix = false;
        }
    } else {
        radix = 10;
    }
    if strip_prefix
        && s.len() >= 2
        && s[0] == b'0' as u16
        && (s[1] == b'x' as u16 || s[1] == b'X' as u16)
    {
        s = &s[2..];
        radix = 16;
    }
    let radix = radix as u32;
    let digits: Vec<u32> = s
        .iter()
        .map_while(|&u| digit_value(u).filter(|&d| d < radix))
        .collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let v = digits_to_number(&digits, radix);
    sign * v
}

/// The mathematical value of digits in `radix`, rounded as V8 does: exactly for radix 10 and
/// the powers of two, with V8's 32-bit chunked accumulation for the others.
fn digits_to_number(digits: &[u32], radix: u32) -> f64 {
    if radix == 10 {
        let s: String = digits.iter().map(|&d| char::from(b'0' + d as u8)).collect();
        return s.parse::<f64>().unwrap_or(f64::NAN);
    }
    if radix.is_power_of_two() {
        return power_of_two_digits_to_number(digits, radix.trailing_zeros());
    }
    // V8's NumberParseIntHelper::HandleGenericCase.
    const MAX_MULTIPLIER: u32 = 0xFFFF_FFFF / 36;
    let mut result = 0.0f64;
    let mut i = 0;
    while i < digits.len() {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        while i < digits.len() {
            let m = multiplier * radix;
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part * radix + digits[i];
            multiplier = m;
            i += 1;
        }
        result = result * multiplier as f64 + part as f64;
    }
    result
}

/// Correctly rounded (half to even) conversion of base-2^k digits (V8's
/// `InternalStringToIntDouble`).
fn power_of_two_digits_to_number(digits: &[u32], log2: u32) -> f64 {
    let mut number: u64 = 0;
    let mut exponent: i32 = 0;
    let mut i = 0;
    while i < digits.len() {
        number = number * (1u64 << log2) + digits[i] as u64;
        let mut overflow = (number >> 53) as u32;
        if overflow != 0 {
            let mut overflow_bits = 1;
            while overflow > 1 {
                overflow_bits += 1;
                overflow >>= 1;
            }
            let dropped_mask = (1u64 << overflow_bits) - 1;
            let dropped = number & dropped_mask;
            number >>= overflow_bits;
            exponent = overflow_bits;
            let mut zero_tail = true;
            for &d in &digits[i + 1..] {
                zero_tail = zero_tail && d == 0;
                exponent += log2 as i32;
            }
            let middle = 1u64 << (overflow_bits - 1);
            if dropped > middle || (dropped == middle && ((number & 1) != 0 || !zero_tail)) {
                number += 1;
            }
            if number & (1u64 << 53) != 0 {
                exponent += 1;
                number >>= 1;
            }
            break;
        }
        i += 1;
    }
    let mut v = number as f64;
    // ldexp without intermediate overflow for large exponents.
    let mut e = exponent;
    while e > 0 {
        let step = e.min(1000);
        v *= 2f64.powi(step);
        e -= step;
    }
    v
}

/// `parseFloat(string)`.
pub fn parse_float(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let input = it.to_string(&a.get(0))?;
    Ok(Value::Number(parse_float_units(input.units())))
}

/// The longest prefix of the (whitespace-trimmed) string that is a StrDecimalLiteral.
pub fn parse_float_units(units: &[u16]) -> f64 {
    let s = skip_leading_ws(units);
    let is = |i: usize, c: u8| s.get(i) == Some(&(c as u16));
    let is_digit = |i: usize| {
        s.get(i)
            .is_some_and(|&u| (b'0' as u16..=b'9' as u16).contains(&u))
    };
    let mut i = 0;
    let mut neg = false;
    if is(0, b'-') || is(0, b'+') {
        neg = is(0, b'-');
        i = 1;
    }
    let inf: Vec<u16> = "Infinity".encode_utf16().collect();
    if s.len() >= i + inf.len() && s[i..i + inf.len()] == inf[..] {
        return if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let start = i;
    let mut seen_digit = false;
    while is_digit(i) {
        i += 1;
        seen_digit = true;
    }
    if is(i, b'.') {
        let mut j = i + 1;
        let mut frac_digit = false;
        while is_digit(j) {
            j += 1;
            frac_digit = true;
        }
        if seen_digit || frac_digit {
            i = j;
            seen_digit = true;
        }
    }
    if !seen_digit {
        return f64::NAN;
    }
    if is(i, b'e') || is(i, b'E') {
        let mut j = i + 1;
        if is(j, b'+') || is(j, b'-') {
            j += 1;
        }
        if is_digit(j) {
            while is_digit(j) {
                j += 1;
            }
            i = j;
        }
    }
    let text: String = s[start..i].iter().map(|&u| u as u8 as char).collect();
    let v = text.parse::<f64>().unwrap_or(f64::NAN);
    if neg {
        -v
    } else {
        v
    }
}

// ---- URI handling -------------------------------------------------------------------------

const URI_RESERVED: &str = ";/?:@&=+$,";
const URI_MARK: &str = "-_.!~*'()";

fn is_uri_unreserved(u: u16) -> bool {
    u < 0x80 && {
        let c = u as u8 as char;
        c.is_ascii_alphanumeric() || URI_MARK.contains(c)
    }
}

fn uri_error(it: &mut Interp) -> crate::interp::Abrupt {
    let p = it.intrinsics.uri_error_prototype.clone();
    it.throw_error(p, "URI malformed")
}

/// Encode(string, extraUnescaped).
fn encode(it: &mut Interp, s: &JsStr, extra: &str) -> JsResult<Value> {
    let u = s.units();
    let keep = |c: u16| is_uri_unreserved(c) || (c < 0x80 && extra.contains(c as u8 as char));
    let is_high = |c: u16| (0xD800..0xDC00).contains(&c);
    let is_low = |c: u16| (0xDC00..0xE000).contains(&c);
    // First the checks, in the order the spec's loop meets them: a lone surrogate is a
    // URIError, a result past V8's limit a RangeError — before a gigabyte is built.
    let mut total = 0usize;
    let mut k = 0;
    while k < u.len() {
        let c = u[k];
        total += if keep(c) {
            1
        } else if c < 0x80 {
            3
        } else if c < 0x800 {
            6
        } else if is_high(c) {
            if !u.get(k + 1).is_some_and(|&d| is_low(d)) {
                return Err(uri_error(it));
            }
            k += 1;
            12
        } else if is_low(c) {
            return Err(uri_error(it));
        } else {
            9
        };
        k += 1;
        if total > crate::builtins::string::MAX_STRING_LENGTH {
            return Err(it.range_error("Invalid string length"));
        }
    }
    let mut out: Vec<u16> = Vec::with_capacity(total);
    let mut k = 0;
    while k < u.len() {
        let c = u[k];
        k += 1;
        if keep(c) {
            out.push(c);
            continue;
        }
        let cp = if is_high(c) {
            // Paired (checked above).
            let d = u[k];
            k += 1;
            0x10000 + (((c as u32) - 0xD800) << 10) + (d as u32 - 0xDC00)
        } else {
            c as u32
        };
        let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        for &b in ch.encode_utf8(&mut buf).as_bytes() {
            out.extend_from_slice(&[b'%' as u16, HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

/// Upper-case hex digits as code units.
const HEX: [u16; 16] = {
    let digits = *b"0123456789ABCDEF";
    let mut t = [0u16; 16];
    let mut i = 0;
    while i < 16 {
        t[i] = digits[i] as u16;
        i += 1;
    }
    t
};

fn hex_val(u: u16) -> Option<u8> {
    char::from_u32(u as u32)
        .and_then(|c| c.to_digit(16))
        .map(|d| d as u8)
}

/// Decode(string, preserveEscapeSet).
fn decode(it: &mut Interp, s: &JsStr, preserve: &str) -> JsResult<Value> {
    let u = s.units();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let mut k = 0;
    let len = u.len();
    // Reads the byte of "%XX" at position k.
    let byte_at = |k: usize| -> Option<u8> {
        if k + 3 > len || u[k] != b'%' as u16 {
            return None;
        }
        Some(hex_val(u[k + 1])? * 16 + hex_val(u[k + 2])?)
    };
    while k < len {
        let c = u[k];
        if c != b'%' as u16 {
            out.push(c);
            k += 1;
            continue;
        }
        let start = k;
        let Some(b) = byte_at(k) else {
            return Err(uri_error(it));
        };
        k += 3;
        if b < 0x80 {
            let ch = b as char;
            if preserve.contains(ch) {
                out.extend_from_slice(&u[start..k]);
            } else {
                out.push(b as u16);
            }
            continue;
        }
        let n = b.leading_ones() as usize;
        if n == 1 || n > 4 {
            return Err(uri_error(it));
        }
        let mut octets = vec![b];
        for _ in 1..n {
            match byte_at(k) {
                Some(cb) if cb & 0xC0 == 0x80 => {
                    octets.push(cb);
                    k += 3;
                }
                _ => return Err(uri_error(it)),
            }
        }
        // Rejects overlong forms, surrogates and values past U+10FFFF.
        let Ok(text) = std::str::from_utf8(&octets) else {
            return Err(uri_error(it));
        };
        for ch in text.chars() {
            let mut buf = [0u16; 2];
            out.extend_from_slice(ch.encode_utf16(&mut buf));
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

fn encode_uri(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    let extra = format!("{URI_RESERVED}#");
    encode(it, &s, &extra)
}

fn encode_uri_component(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    encode(it, &s, "")
}

fn decode_uri(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    let preserve = format!("{URI_RESERVED}#");
    decode(it, &s, &preserve)
}

fn decode_uri_component(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    decode(it, &s, "")
}

/// `escape(string)` (Annex B).
fn escape(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    let keep = |u: u16| {
        u < 0x80 && {
            let c = u as u8 as char;
            c.is_ascii_alphanumeric() || "@*_+-./".contains(c)
        }
    };
    // The length first: a result past V8's limit fails before it is built.
    let total: usize = s
        .units()
        .iter()
        .map(|&u| {
            if keep(u) {
                1
            } else if u < 256 {
                3
            } else {
                6
            }
        })
        .sum();
    if total > crate::builtins::string::MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    let mut out: Vec<u16> = Vec::with_capacity(total);
    for &u in s.units() {
        if keep(u) {
            out.push(u);
        } else if u < 256 {
            out.extend_from_slice(&[b'%' as u16, HEX[(u >> 4) as usize], HEX[(u & 15) as usize]]);
        } else {
            out.extend_from_slice(&[
                b'%' as u16,
                b'u' as u16,
                HEX[(u >> 12) as usize],
                HEX[((u >> 8) & 15) as usize],
                HEX[((u >> 4) & 15) as usize],
                HEX[(u & 15) as usize],
            ]);
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

/// `unescape(string)` (Annex B).
fn unescape(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    let u = s.units();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let hex = |r: &[u16]| -> Option<u16> {
        r.iter()
            .try_fold(0u16, |acc, &c| Some(acc * 16 + hex_val(c)? as u16))
    };
    let mut k = 0;
    while k < u.len() {
        let c = u[k];
        if c == b'%' as u16 {
            if k + 6 <= u.len() && u[k + 1] == b'u' as u16 {
                if let Some(v) = hex(&u[k + 2..k + 6]) {
                    out.push(v);
                    k += 6;
                    continue;
                }
            }
            if k + 3 <= u.len() {
                if let Some(v) = hex(&u[k + 1..k + 3]) {
                    out.push(v);
                    k += 3;
                    continue;
                }
            }
        }
        out.push(c);
        k += 1;
    }
    Ok(Value::String(JsStr::from_units(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(s: &str, r: i32) -> f64 {
        parse_int_units(&s.encode_utf16().collect::<Vec<_>>(), r)
    }
    fn pf(s: &str) -> f64 {
        parse_float_units(&s.encode_utf16().collect::<Vec<_>>())
    }

    #[test]
    fn parse_int_cases() {
        assert_eq!(pi("  0x1F", 0), 31.0);
        assert!(pi("-0", 0).is_sign_negative());
        assert_eq!(pi("123abc", 36), 63978744.0);
        assert_eq!(pi("1e21", 0), 1.0);
        assert_eq!(pi("9007199254740993", 0), 9007199254740992.0);
        assert_eq!(pi("zzzzzzzzzzzzzzz", 36), 2.2107391972073336e23);
        assert!(pi("11", 1).is_nan());
        assert!(pi("11", 37).is_nan());
        assert!(pi("0x", 0).is_nan());
        assert_eq!(pi("-0x10", 0), -16.0);
        assert_eq!(pi("0x10", 16), 16.0);
        assert_eq!(pi("0x10", 10), 0.0);
        assert_eq!(
            pi(
                "11111111111111111111111111111111111111111111111111111111",
                2
            ),
            7.205759403792794e16
        );
    }

    #[test]
    fn parse_float_cases() {
        assert_eq!(pf("  -.5e-3x"), -0.0005);
        assert_eq!(pf("Infinityx"), f64::INFINITY);
        assert_eq!(pf("-Infinity"), f64::NEG_INFINITY);
        assert_eq!(pf("1e"), 1.0);
        assert_eq!(pf("1e+"), 1.0);
        assert!(pf(".").is_nan());
        assert_eq!(pf("0x10"), 0.0);
        assert_eq!(pf("1_0"), 1.0);
        assert!(pf("-0").is_sign_negative());
        assert_eq!(pf("5."), 5.0);
    }

    #[test]
    fn uri_through_interp() {
        let mut it = Interp::new();
        let src = r#"encodeURIComponent("a b&c/é😀") + "|" + encodeURI("a b&c/é#") + "|" + decodeURI("%3B%2F%20%C3%A9") + "|" + decodeURIComponent("%3B%2F%20%C3%A9") + "|" + (function(){ try { decodeURIComponent("%E0%A4%A") } catch (e) { return e.message } })()"#;
        let v = it.run_script("t", src).ok().map(|v| it.to_string_lossy(&v));
        assert_eq!(
            v.as_deref(),
            Some("a%20b%26c%2F%C3%A9%F0%9F%98%80|a%20b&c/%C3%A9#|%3B%2F é|;/ é|URI malformed")
        );
    }
}
