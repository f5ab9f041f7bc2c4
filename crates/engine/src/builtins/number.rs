//! `Number`: the constructor, its constants and predicates, and `Number.prototype`
//! (`toString(radix)`, `toFixed`, `toExponential`, `toPrecision`, `toLocaleString`, `valueOf`).
//!
//! Formatting with a given number of digits works on the *exact* decimal expansion of the
//! double (every finite double is a dyadic rational, so its decimal expansion is finite), which
//! gives the spec's "pick the larger n" rounding exactly as V8 does. `toString(radix)` ports
//! V8's `DoubleToRadixCString`.

use crate::builtins::{define_global, link_ctor_proto};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind};
use crate::string::JsStr;
use crate::value::{number_to_string, Value};

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.number_prototype.clone();
    let ctor = it.native_fn_with("Number", 1, number_constructor, true, Vec::new());
    link_ctor_proto(&ctor, &proto);

    it.define_method(&ctor, "isFinite", 1, number_is_finite);
    it.define_method(&ctor, "isInteger", 1, number_is_integer);
    it.define_method(&ctor, "isNaN", 1, number_is_nan);
    it.define_method(&ctor, "isSafeInteger", 1, number_is_safe_integer);

    // `Number.parseInt === parseInt` and `Number.parseFloat === parseFloat`: the functions are
    // created here and shared with the global object (global.rs reuses them).
    let g = it.global.clone();
    let parse_float = it.native_fn("parseFloat", 1, crate::builtins::global::parse_float);
    let parse_int = it.native_fn("parseInt", 2, crate::builtins::global::parse_int);
    ctor.define(
        "parseFloat",
        Value::Object(parse_float.clone()),
        Attrs::HIDDEN,
    );
    ctor.define("parseInt", Value::Object(parse_int.clone()), Attrs::HIDDEN);
    g.define("parseFloat", Value::Object(parse_float), Attrs::HIDDEN);
    g.define("parseInt", Value::Object(parse_int), Attrs::HIDDEN);

    let consts: [(&str, f64); 8] = [
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("EPSILON", f64::EPSILON),
    ];
    for (name, v) in consts {
        ctor.define(name, Value::Number(v), Attrs::NONE);
    }

    it.define_method(&proto, "toExponential", 1, number_proto_to_exponential);
    it.define_method(&proto, "toFixed", 1, number_proto_to_fixed);
    it.define_method(&proto, "toPrecision", 1, number_proto_to_precision);
    it.define_method(&proto, "toString", 1, number_proto_to_string);
    it.define_method(&proto, "valueOf", 0, number_proto_value_of);
    it.define_method(&proto, "toLocaleString", 0, number_proto_to_locale_string);

    define_global(it, "Number", Value::Object(ctor));
}

/// `Number(value)` / `new Number(value)`.
fn number_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let n = if a.is_empty() {
        0.0
    } else {
        it.to_numeric_as_number(&a.args[0])?
    };
    let Some(nt) = a.new_target else {
        return Ok(Value::Number(n));
    };
    let proto = it.get_prototype_from_constructor(nt, |i| i.number_prototype.clone())?;
    Ok(Value::Object(Obj::new(Some(proto), ObjectKind::Number(n))))
}

fn number_is_finite(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(a.get(0), Value::Number(n) if n.is_finite()),
    ))
}

/// IsIntegralNumber.
fn is_integral_number(v: &Value) -> bool {
    matches!(v, Value::Number(n) if n.is_finite() && n.trunc() == *n)
}

fn number_is_integer(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(is_integral_number(&a.get(0))))
}

fn number_is_nan(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(
        matches!(a.get(0), Value::Number(n) if n.is_nan()),
    ))
}

fn number_is_safe_integer(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    Ok(Value::Bool(
        is_integral_number(&v) && matches!(v, Value::Number(n) if n.abs() <= 9007199254740991.0),
    ))
}

/// thisNumberValue.
fn this_number_value(it: &mut Interp, this: &Value, method: &str) -> JsResult<f64> {
    match this {
        Value::Number(n) => return Ok(*n),
        Value::Object(o) => {
            if let ObjectKind::Number(n) = o.borrow().kind {
                return Ok(n);
            }
        }
        _ => {}
    }
    Err(it.type_error(format!(
        "Number.prototype.{method} requires that 'this' be a Number"
    )))
}

fn number_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Number(this_number_value(it, a.this, "valueOf")?))
}

fn number_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_number_value(it, a.this, "toString")?;
    let r = a.get(0);
    let radix = if r.is_undefined() {
        10.0
    } else {
        it.to_integer_or_infinity(&r)?
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(it.range_error("toString() radix argument must be between 2 and 36"));
    }
    let radix = radix as u32;
    if radix == 10 {
        return Ok(Value::String(crate::value::number_to_jsstr(x)));
    }
    Ok(Value::from(number_to_radix_string(x, radix).as_str()))
}

fn number_proto_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_number_value(it, a.this, "toLocaleString")?;
    let s = super::intl::number_to_locale_string(it, x, &a.get(0), &a.get(1))?;
    Ok(Value::from(s.as_str()))
}

fn number_proto_to_fixed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_number_value(it, a.this, "toFixed")?;
    let f = it.to_integer_or_infinity(&a.get(0))?;
    if !f.is_finite() || !(0.0..=100.0).contains(&f) {
        return Err(it.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    Ok(Value::from(to_fixed(x, f as usize).as_str()))
}

fn number_proto_to_exponential(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_number_value(it, a.this, "toExponential")?;
    let fv = a.get(0);
    let f = it.to_integer_or_infinity(&fv)?;
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    if !f.is_finite() || !(0.0..=100.0).contains(&f) {
        return Err(it.range_error("toExponential() argument must be between 0 and 100"));
    }
    let digits = if fv.is_undefined() {
        None
    } else {
        Some(f as usize)
    };
    Ok(Value::from(to_exponential(x, digits).as_str()))
}

fn number_proto_to_precision(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_number_value(it, a.this, "toPrecision")?;
    let pv = a.get(0);
    if pv.is_undefined() {
        return Ok(Value::String(crate::value::number_to_jsstr(x)));
    }
    let p = it.to_integer_or_infinity(&pv)?;
    if !x.is_finite() {
        return Ok(Value::from(number_to_string(x).as_str()));
    }
    if !p.is_finite() || !(1.0..=100.0).contains(&p) {
        return Err(it.range_error("toPrecision() argument must be between 1 and 100"));
    }
    Ok(Value::from(to_precision(x, p as usize).as_str()))
}

// ---- exact decimal expansion ---------------------------------------------------------------

/// A little unsigned big integer (base 2^32, little-endian), just enough for exact decimal
/// expansions of doubles.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for d in self.0.iter_mut() {
            let t = *d as u64 * m as u64 + carry;
            *d = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let rem = bits % 32;
        if rem > 0 {
            let mut carry = 0u32;
            for d in self.0.iter_mut() {
                let nd = (*d << rem) | carry;
                carry = *d >> (32 - rem);
                *d = nd;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            let mut v = vec![0u32; words];
            v.append(&mut self.0);
            self.0 = v;
        }
    }
    /// Divides in place by `d`, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem: u64 = 0;
        for x in self.0.iter_mut().rev() {
            let cur = (rem << 32) | *x as u64;
            *x = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        self.trim();
        rem as u32
    }
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    /// Decimal digits (most significant first; "0" → [0]).
    fn into_decimal(mut self) -> Vec<u8> {
        if self.is_zero() {
            return vec![0];
        }
        let mut chunks = Vec::new();
        while !self.is_zero() {
            chunks.push(self.div_small(1_000_000_000));
        }
        let mut out = Vec::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let s = if i == 0 {
                c.to_string()
            } else {
                format!("{c:09}")
            };
            out.extend(s.bytes().map(|b| b - b'0'));
        }
        out
    }
}

/// A non-negative finite double as m × 2^e, m an integer below 2^53.
fn binary_parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    }
}

/// The exact decimal expansion of a positive finite double: `x = 0.d1 d2 d3 ... × 10^point`,
/// digits without leading or trailing zeros.
fn exact_decimal(x: f64) -> (Vec<u8>, i32) {
    let (m, e) = binary_parts(x);
    let mut big = Big::from_u64(m);
    let (digits, point) = if e >= 0 {
        big.shl(e as u32);
        let d = big.into_decimal();
        let p = d.len() as i32;
        (d, p)
    } else {
        let mut k = -e;
        while k >= 13 {
            big.mul_small(1_220_703_125); // 5^13
            k -= 13;
        }
        for _ in 0..k {
            big.mul_small(5);
        }
        let d = big.into_decimal();
        let p = d.len() as i32 + e;
        (d, p)
    };
    normalize_digits(digits, point)
}

fn normalize_digits(mut digits: Vec<u8>, mut point: i32) -> (Vec<u8>, i32) {
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    if lead == digits.len() {
        return (vec![0], 1);
    }
    digits.drain(..lead);
    point -= lead as i32;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, point)
}

/// The shortest round-tripping decimal digits of a positive finite double (as ToString uses).
pub(crate) fn shortest_decimal(x: f64) -> (Vec<u8>, i32) {
    let mut buf = ryu_js::Buffer::new();
    let s = buf.format(x);
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits: Vec<u8> = int_part
        .bytes()
        .chain(frac_part.bytes())
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    normalize_digits(digits, int_part.len() as i32 + exp)
}

/// Keeps the first `keep` digits of `digits`, rounding half up on the rest. Returns the kept
/// digits (padded with zeros to `keep`) and whether a carry added a leading digit (then the
/// result has `keep + 1` digits: 1 followed by zeros).
pub(crate) fn round_digits(digits: &[u8], keep: i32) -> (Vec<u8>, bool) {
    if keep < 0 {
        return (Vec::new(), false);
    }
    let keep = keep as usize;
    let mut out: Vec<u8> = digits.iter().take(keep).copied().collect();
    out.resize(keep, 0);
    if digits.len() > keep && digits[keep] >= 5 {
        let mut i = keep;
        loop {
            if i == 0 {
                out.insert(0, 1);
                return (out, true);
            }
            i -= 1;
            if out[i] == 9 {
                out[i] = 0;
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    (out, false)
}

fn digits_str(d: &[u8]) -> String {
    d.iter().map(|&b| (b'0' + b) as char).collect()
}

/// Number.prototype.toFixed for a finite `x` (steps 10-12).
pub fn to_fixed(x: f64, f: usize) -> String {
    if x.abs() >= 1e21 {
        return number_to_string(x);
    }
    let neg = x < 0.0;
    let ax = x.abs();
    // n: the integer closest to x × 10^f (ties: the larger), as digits.
    let mut m = if let Some(n) = fixed_integer_u128(ax, f) {
        n.to_string()
    } else if ax == 0.0 {
        "0".to_string()
    } else {
        let (digits, point) = exact_decimal(ax);
        let keep = point + f as i32;
        let (mut r, _) = round_digits(&digits, keep);
        if r.is_empty() {
            r.push(0);
        }
        let lead = r.iter().take_while(|&&d| d == 0).count().min(r.len() - 1);
        r.drain(..lead);
        digits_str(&r)
    };
    if f != 0 {
        let mut k = m.len();
        if k <= f {
            m = format!("{}{}", "0".repeat(f + 1 - k), m);
            k = f + 1;
        }
        m = format!("{}.{}", &m[..k - f], &m[k - f..]);
    }
    // -0 and values that round to zero keep no sign only when x itself is -0 or +0
    // (the spec tests x < 0, so (-0.0001).toFixed(2) is "-0.00").
    if neg {
        format!("-{m}")
    } else {
        m
    }
}

/// toFixed's n for a non-negative finite `x` below 2^53 with at most 20 fraction digits,
/// exactly, in 128-bit integers: `x` is m × 2^e with m < 2^53, so x × 10^f is
/// m × 10^f / 2^-e, whose numerator is below 2^53 × 10^20 < 2^120. Rounded half up (of two
/// equally close integers, the spec takes the larger). `None`: the general path decides.
fn fixed_integer_u128(x: f64, f: usize) -> Option<u128> {
    if f > 20 || x.is_nan() || x >= 9_007_199_254_740_992.0 {
        return None;
    }
    let (m, e) = binary_parts(x);
    let p = u128::from(m) * 10u128.pow(f as u32);
    if e >= 0 {
        // x < 2^53 and m ≥ 2^52 for a normal number: e is 0 here.
        return p.checked_mul(1u128.checked_shl(e as u32)?);
    }
    let k = (-e) as u32;
    if k >= 128 {
        // p < 2^120 ≤ 2^(k-1): below one half.
        return Some(0);
    }
    let q = p >> k;
    let r = p & ((1u128 << k) - 1);
    Some(if r >= 1u128 << (k - 1) { q + 1 } else { q })
}

/// Number.prototype.toExponential for a finite `x`; `None` digits means "as many as needed".
pub fn to_exponential(x: f64, f: Option<usize>) -> String {
    let neg = x < 0.0;
    let ax = x.abs();
    let (m, e) = if ax == 0.0 {
        (vec![0u8; f.unwrap_or(0) + 1], 0)
    } else {
        match f {
            None => {
                let (d, p) = shortest_decimal(ax);
                (d, p - 1)
            }
            Some(f) => {
                let (digits, point) = exact_decimal(ax);
                let (mut r, carry) = round_digits(&digits, f as i32 + 1);
                if carry {
                    r.truncate(f + 1);
                    (r, point)
                } else {
                    (r, point - 1)
                }
            }
        }
    };
    let ms = digits_str(&m);
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str(&ms[..1]);
    if ms.len() > 1 {
        s.push('.');
        s.push_str(&ms[1..]);
    }
    s.push('e');
    s.push(if e >= 0 { '+' } else { '-' });
    s.push_str(&e.abs().to_string());
    s
}

/// Number.prototype.toPrecision for a finite `x` and 1 ≤ p ≤ 100.
pub fn to_precision(x: f64, p: usize) -> String {
    let neg = x < 0.0;
    let ax = x.abs();
    let (m, e) = if ax == 0.0 {
        (vec![0u8; p], 0i32)
    } else {
        let (digits, point) = exact_decimal(ax);
        let (mut r, carry) = round_digits(&digits, p as i32);
        if carry {
            r.truncate(p);
            (r, point)
        } else {
            (r, point - 1)
        }
    };
    let ms = digits_str(&m);
    let body = if e < -6 || e >= p as i32 {
        let mut s = ms[..1].to_string();
        if p != 1 {
            s.push('.');
            s.push_str(&ms[1..]);
        }
        s.push('e');
        s.push(if e >= 0 { '+' } else { '-' });
        s.push_str(&e.abs().to_string());
        s
    } else if e == p as i32 - 1 {
        ms
    } else if e >= 0 {
        let k = e as usize + 1;
        format!("{}.{}", &ms[..k], &ms[k..])
    } else {
        format!("0.{}{}", "0".repeat((-(e + 1)) as usize), ms)
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

// ---- radix conversion ----------------------------------------------------------------------

/// V8's `Double(x).Exponent()`: the binary exponent of the significand read as an integer.
fn double_exponent(x: f64) -> i32 {
    let biased = ((x.to_bits() >> 52) & 0x7ff) as i32;
    if biased == 0 {
        -1074
    } else {
        biased - 1075
    }
}

fn next_double(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    if x > 0.0 {
        f64::from_bits(x.to_bits() + 1)
    } else {
        f64::from_bits(x.to_bits() - 1)
    }
}

/// Number::toString(x, radix) for radix ≠ 10, a port of V8's `DoubleToRadixCString`.
pub fn number_to_radix_string(value: f64, radix: u32) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-Infinity" } else { "Infinity" }.into();
    }
    const CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let radix_f = radix as f64;
    let negative = value < 0.0;
    let value = value.abs();
    let mut integer = value.floor();
    let mut fraction = value - integer;
    let mut delta = 0.5 * (next_double(value) - value);
    delta = delta.max(next_double(0.0));
    let mut frac_buf: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= radix_f;
            delta *= radix_f;
            let digit = fraction as u32;
            frac_buf.push(CHARS[digit as usize]);
            fraction -= digit as f64;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1.0 {
                // Round up, propagating carries back through the written digits.
                loop {
                    match frac_buf.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(c) => {
                            let d = if c > b'9' {
                                (c - b'a' + 10) as u32
                            } else {
                                (c - b'0') as u32
                            };
                            if d + 1 < radix {
                                frac_buf.push(CHARS[(d + 1) as usize]);
                                break;
                            }
                        }
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    let mut int_buf: Vec<u8> = Vec::new();
    while double_exponent(integer / radix_f) > 0 {
        integer /= radix_f;
        int_buf.push(b'0');
    }
    loop {
        let remainder = integer % radix_f;
        int_buf.push(CHARS[remainder as usize]);
        integer = (integer - remainder) / radix_f;
        if integer <= 0.0 {
            break;
        }
    }
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    s.extend(int_buf.iter().rev().map(|&b| b as char));
    if !frac_buf.is_empty() {
        s.push('.');
        s.extend(frac_buf.iter().map(|&b| b as char));
    }
    s
}

/// A JS string for a number in the given radix.
pub fn number_to_radix_jsstr(x: f64, radix: u32) -> JsStr {
    if radix == 10 {
        return crate::value::number_to_jsstr(x);
    }
    JsStr::from(number_to_radix_string(x, radix).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_fast_path_matches_the_exact_decimal() {
        // The general path's n (exact decimal expansion, then rounding), as a string.
        let exact = |x: f64, f: usize| -> String {
            if x == 0.0 {
                return "0".into();
            }
            let (digits, point) = exact_decimal(x);
            let (mut r, _) = round_digits(&digits, point + f as i32);
            if r.is_empty() {
                r.push(0);
            }
            let lead = r.iter().take_while(|&&d| d == 0).count().min(r.len() - 1);
            r.drain(..lead);
            digits_str(&r)
        };
        let mut xs = vec![
            0.0,
            5e-324,
            1e-300,
            0.5,
            1.005,
            1.45,
            2.5,
            0.125,
            1.0 / 3.0,
            123.456,
            9_007_199_254_740_991.0,
            4_503_599_627_370_495.5,
        ];
        // A spread of magnitudes and fractions (a fixed linear congruential sequence).
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mant = (seed >> 11) as f64 / (1u64 << 53) as f64;
            let exp = ((seed >> 3) % 70) as i32 - 40;
            xs.push(mant * 10f64.powi(exp));
        }
        for &x in &xs {
            for f in 0..=20 {
                if let Some(n) = fixed_integer_u128(x, f) {
                    assert_eq!(n.to_string(), exact(x, f), "{x:e} with {f} digits");
                }
            }
        }
    }

    #[test]
    fn fixed() {
        assert_eq!(to_fixed(1.005, 2), "1.00");
        assert_eq!(to_fixed(0.5, 0), "1");
        assert_eq!(to_fixed(2.5, 0), "3");
        assert_eq!(to_fixed(-1.5, 0), "-2");
        assert_eq!(to_fixed(1.45, 1), "1.4");
        assert_eq!(to_fixed(1e21, 2), "1e+21");
        assert_eq!(to_fixed(123.456, 10), "123.4560000000");
        assert_eq!(to_fixed(0.000001, 7), "0.0000010");
        assert_eq!(to_fixed(0.0, 2), "0.00");
    }

    #[test]
    fn precision_and_exponential() {
        assert_eq!(to_precision(2.5, 1), "3");
        assert_eq!(to_precision(0.125, 2), "0.13");
        assert_eq!(to_precision(123456.0, 2), "1.2e+5");
        assert_eq!(to_precision(0.00001, 1), "0.00001");
        assert_eq!(to_precision(1e21, 3), "1.00e+21");
        assert_eq!(to_precision(123.456, 4), "123.5");
        assert_eq!(to_precision(0.0, 3), "0.00");
        assert_eq!(to_precision(1e-7, 3), "1.00e-7");
        assert_eq!(to_exponential(0.0, None), "0e+0");
        assert_eq!(to_exponential(123.456, None), "1.23456e+2");
        assert_eq!(to_exponential(123.456, Some(2)), "1.23e+2");
        assert_eq!(to_exponential(0.0, Some(2)), "0.00e+0");
        assert_eq!(to_exponential(2.5, Some(0)), "3e+0");
        assert_eq!(to_exponential(-1e-7, Some(3)), "-1.000e-7");
        assert_eq!(to_exponential(1e21, None), "1e+21");
        assert_eq!(to_exponential(9.99, Some(1)), "1.0e+1");
    }

    fn to_locale_string_en_us(x: f64) -> String {
        use crate::builtins::intl::{format_number, NumValue, NumberSpec};
        format_number(&NumberSpec::default(), &NumValue::from_f64(x))
    }

    #[test]
    fn locale() {
        assert_eq!(to_locale_string_en_us(1.0005), "1.001");
        assert_eq!(
            to_locale_string_en_us(1e21),
            "1,000,000,000,000,000,000,000"
        );
        assert_eq!(to_locale_string_en_us(-0.0), "-0");
        assert_eq!(to_locale_string_en_us(1234567.891), "1,234,567.891");
        assert_eq!(to_locale_string_en_us(0.0001), "0");
        assert_eq!(to_locale_string_en_us(-1234.5678), "-1,234.568");
        assert_eq!(to_locale_string_en_us(999.9999), "1,000");
        assert_eq!(to_locale_string_en_us(f64::NEG_INFINITY), "-∞");
    }

    #[test]
    fn radix() {
        assert_eq!(number_to_radix_string(0.5, 2), "0.1");
        assert_eq!(number_to_radix_string(255.0, 16), "ff");
        assert_eq!(number_to_radix_string(-255.5, 16), "-ff.8");
        assert_eq!(
            number_to_radix_string(0.1, 3),
            "0.0022002200220022002200220022002201"
        );
        assert_eq!(number_to_radix_string(1e21, 36), "5v1j4f4ds7c000");
        assert_eq!(
            number_to_radix_string(std::f64::consts::PI, 36),
            "3.53i5ab8p5f"
        );
        assert_eq!(
            number_to_radix_string(2f64.powi(60), 7),
            "2031000661631341064200"
        );
        assert_eq!(number_to_radix_string(123.456, 8), "173.3513615237574734");
        assert_eq!(number_to_radix_string(-0.0, 2), "0");
    }

    #[test]
    fn through_interp() {
        let mut it = Interp::new();
        let v = it
            .run_script("t", "function J(a, s) { let r = ''; for (let i = 0; i < a.length; i++) { if (i) r += s; r += String(a[i]); } return r; } J([(255).toString(16), Number('0x1f'), new Number(5) + 1, Number.isInteger(5.0), (1234.5).toFixed(1)], ',')")
            .ok()
            .map(|v| it.to_string_lossy(&v));
        assert_eq!(v.as_deref(), Some("ff,31,6,true,1234.5"));
    }
}
