//! The JavaScript value type and the conversions that need no calls into script code.
//!
//! `Value` is 16 bytes: numbers are stored unboxed, strings and symbols are thin `Rc`s, objects
//! are [`Obj`] (a [`crate::gc::Gc`] cell). The conversions that may run user code (ToPrimitive,
//! ToString on objects, ...) live on the interpreter (`interp::convert`).

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Zero;

use crate::object::Obj;
use crate::string::JsStr;

// `repr(C, u8)`: every payload starts at offset 8, so moving a Value is two aligned words.
// With the default layout `Bool` sat at offset 1 and LLVM moved the plain variants' bytes
// 1..16 as overlapping unaligned pieces, which stalled store forwarding on every
// variable read and call result (about a third of the time of a numeric loop).
#[derive(Default)]
#[repr(C, u64)]
pub enum Value {
    #[default]
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    /// A BigInt primitive (immutable, shared).
    BigInt(Rc<BigInt>),
    String(JsStr),
    Symbol(Sym),
    Object(Obj),
    /// Internal marker, never visible to scripts: an array hole, or a binding in its temporal
    /// dead zone.
    Empty,
}

// Written out rather than derived: the derived impl let LLVM copy the payload bytes of the
// plain variants as one overlapping unaligned move through the stack (a store-forwarding stall
// on every variable read); matching each variant keeps the copy to two aligned words.
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Undefined => Value::Undefined,
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Number(*n),
            Value::BigInt(b) => Value::BigInt(b.clone()),
            Value::String(s) => Value::String(s.clone()),
            Value::Symbol(s) => Value::Symbol(s.clone()),
            Value::Object(o) => Value::Object(o.clone()),
            Value::Empty => Value::Empty,
        }
    }
}

/// A Symbol value: identity is the allocation.
#[derive(Clone)]
pub struct Sym(pub Rc<SymData>);

pub struct SymData {
    pub description: Option<JsStr>,
    /// Set for symbols created by `Symbol.for` (the registry key).
    pub registered: bool,
    /// A class private name (`#x`): never exposed as a property key.
    pub private: bool,
    /// For private methods and accessors: the class that declares them, for V8's
    /// "Receiver must be ..." messages.
    pub brand: Option<PrivateBrand>,
}

/// The declaring class of a private method or accessor.
pub struct PrivateBrand {
    pub is_static: bool,
    /// The class's own name (`anonymous` for anonymous classes, as V8 says).
    pub class_name: JsStr,
}

impl Sym {
    pub fn new(description: Option<JsStr>) -> Sym {
        Sym(Rc::new(SymData {
            description,
            registered: false,
            private: false,
            brand: None,
        }))
    }
    pub fn new_private(description: JsStr, brand: Option<PrivateBrand>) -> Sym {
        Sym(Rc::new(SymData {
            description: Some(description),
            registered: false,
            private: true,
            brand,
        }))
    }
    pub fn new_registered(description: JsStr) -> Sym {
        Sym(Rc::new(SymData {
            description: Some(description),
            registered: true,
            private: false,
            brand: None,
        }))
    }
    pub fn description(&self) -> Option<&JsStr> {
        self.0.description.as_ref()
    }
    /// `Symbol(desc)`, as `Symbol.prototype.toString` and `String(sym)` give it.
    pub fn descriptive_string(&self) -> String {
        match &self.0.description {
            Some(d) => format!("Symbol({})", d),
            None => "Symbol()".to_string(),
        }
    }
}

impl PartialEq for Sym {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Sym {}
impl std::hash::Hash for Sym {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (Rc::as_ptr(&self.0) as usize).hash(state)
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.descriptive_string())
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undefined => f.write_str("undefined"),
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => f.write_str(&number_to_string(*n)),
            Value::BigInt(b) => write!(f, "{b}n"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Symbol(s) => write!(f, "{s:?}"),
            Value::Object(o) => write!(f, "[object {:?}]", o),
            Value::Empty => f.write_str("<empty>"),
        }
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Number(n)
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::Number(n as f64)
    }
}
impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(n as f64)
    }
}
impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(n as f64)
    }
}
impl From<BigInt> for Value {
    fn from(b: BigInt) -> Value {
        Value::BigInt(Rc::new(b))
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<JsStr> for Value {
    fn from(s: JsStr) -> Value {
        Value::String(s)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(JsStr::from(s))
    }
}
impl From<Obj> for Value {
    fn from(o: Obj) -> Value {
        Value::Object(o)
    }
}

impl Value {
    #[inline]
    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }
    #[inline]
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }
    #[inline]
    pub fn as_object(&self) -> Option<&Obj> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    #[inline]
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// ToBoolean (never calls user code).
    pub fn to_boolean(&self) -> bool {
        match self {
            Value::Undefined | Value::Null | Value::Empty => false,
            Value::Bool(b) => *b,
            Value::Number(n) => !(*n == 0.0 || n.is_nan()),
            Value::BigInt(b) => !b.is_zero(),
            Value::String(s) => !s.is_empty(),
            Value::Symbol(_) | Value::Object(_) => true,
        }
    }

    /// The result of `typeof`.
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Undefined | Value::Empty => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::BigInt(_) => "bigint",
            Value::String(_) => "string",
            Value::Symbol(_) => "symbol",
            Value::Object(o) => {
                if o.is_callable() {
                    "function"
                } else {
                    "object"
                }
            }
        }
    }

    /// IsStrictlyEqual.
    pub fn strict_equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => a == b,
            _ => same_value_non_number(self, other),
        }
    }

    /// SameValue (`Object.is`).
    pub fn same_value(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => {
                if a.is_nan() && b.is_nan() {
                    true
                } else {
                    a == b && a.is_sign_negative() == b.is_sign_negative()
                }
            }
            _ => same_value_non_number(self, other),
        }
    }

    /// SameValueZero (Map/Set keys, `includes`).
    pub fn same_value_zero(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => (a.is_nan() && b.is_nan()) || a == b,
            _ => same_value_non_number(self, other),
        }
    }
}

fn same_value_non_number(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Empty, Value::Empty) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::String(x), Value::String(y)) => same_string_out_of_line(x, y),
        (Value::Symbol(x), Value::Symbol(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => Obj::ptr_eq(x, y),
        _ => false,
    }
}

/// Two strings' equality as a call of its own: inlined, the unit comparison made every
/// `===` of two non-numbers longer (registers saved for the string case: csv-parse's
/// 2.5 M comparisons of `undefined`, booleans and objects took 11.5 → 21.8 instructions
/// each whenever the codegen units inlined it).
#[inline(never)]
pub(crate) fn same_string_out_of_line(x: &JsStr, y: &JsStr) -> bool {
    x == y
}

/// Number::toString(10), exactly as the spec (and V8) print numbers.
pub fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return integer_text(n as i64, &mut [0; 20]).to_string();
    }
    let mut buf = ryu_js::Buffer::new();
    buf.format(n).to_string()
}

/// The decimal digits of `n` (with a `-`), written into `buf` from its end: Number::toString
/// of an integral number below 10^15 (no exponent), without `format!`'s machinery.
fn integer_text(n: i64, buf: &mut [u8; 20]) -> &str {
    let mut m = n.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

pub fn number_to_jsstr(n: f64) -> JsStr {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        // An integer: its digits straight into the string (`String(i)`, `"k" + i`).
        let mut buf = [0; 20];
        let text = integer_text(n as i64, &mut buf);
        if text.len() == 1 {
            return JsStr::intern(text);
        }
        return JsStr::from(text);
    }
    JsStr::from(number_to_string(n).as_str())
}

/// StringToNumber: the `Number("...")` grammar (StringNumericLiteral).
pub fn string_to_number(s: &JsStr) -> f64 {
    let text = s.to_rust_string();
    let t = text.trim_matches(is_js_whitespace);
    if t.is_empty() {
        return 0.0;
    }
    let (radix, digits) = if let Some(r) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, t)
    };
    if radix != 10 {
        if digits.is_empty() {
            return f64::NAN;
        }
        let mut v = 0.0f64;
        for c in digits.chars() {
            match c.to_digit(radix) {
                Some(d) => v = v * radix as f64 + d as f64,
                None => return f64::NAN,
            }
        }
        return v;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    // StrDecimalLiteral: digits, optional '.', optional exponent; no "inf"/"nan" words,
    // no underscores.
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let mut seen_digit = false;
    let mut chars = body.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            seen_digit = true;
            chars.next();
        } else {
            break;
        }
    }
    if chars.peek() == Some(&'.') {
        chars.next();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() {
                seen_digit = true;
                chars.next();
            } else {
                break;
            }
        }
    }
    if !seen_digit {
        return f64::NAN;
    }
    if matches!(chars.peek(), Some('e') | Some('E')) {
        chars.next();
        if matches!(chars.peek(), Some('+') | Some('-')) {
            chars.next();
        }
        let mut exp_digit = false;
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() {
                exp_digit = true;
                chars.next();
            } else {
                break;
            }
        }
        if !exp_digit {
            return f64::NAN;
        }
    }
    if chars.next().is_some() {
        return f64::NAN;
    }
    t.parse::<f64>().unwrap_or(f64::NAN)
}

/// WhiteSpace or LineTerminator, as `String.prototype.trim` and StringToNumber use.
pub fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'
            | '\u{B}'
            | '\u{C}'
            | ' '
            | '\u{A0}'
            | '\u{FEFF}'
            | '\n'
            | '\r'
            | '\u{2028}'
            | '\u{2029}'
    ) || (c.len_utf16() == 1 && is_space_separator(c))
}

fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// ToInt32 on a number. A number that is already an int32 (what bitwise operators almost
/// always get) converts and compares back in four instructions; the rest, fractions, NaN,
/// infinities and numbers out of range, take the spec's steps out of line.
#[inline(always)]
pub fn to_int32(n: f64) -> i32 {
    // `as` saturates and maps NaN to 0; neither compares equal to `n` unless exact.
    let i = n as i32;
    if i as f64 == n {
        return i;
    }
    to_int32_inexact(n)
}

/// ToInt32's steps 2-5 for a number that is not an int32.
#[inline(never)]
fn to_int32_inexact(n: f64) -> i32 {
    if !n.is_finite() || n == 0.0 {
        return 0;
    }
    if n.abs() < 2147483648.0 {
        return n as i32;
    }
    let m = n.trunc().rem_euclid(4294967296.0);
    m as u32 as i32
}

/// ToUint32 on a number.
#[inline(always)]
pub fn to_uint32(n: f64) -> u32 {
    to_int32(n) as u32
}

/// ToIntegerOrInfinity on a number.
pub fn to_integer_or_infinity(n: f64) -> f64 {
    if n.is_nan() || n == 0.0 {
        0.0
    } else {
        n.trunc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_print_as_rust_prints_them() {
        for n in [
            0i64,
            1,
            9,
            10,
            -1,
            -10,
            12345,
            -99999,
            999_999_999_999_999,
            -999_999_999_999_999,
        ] {
            assert_eq!(integer_text(n, &mut [0; 20]), n.to_string());
            assert_eq!(number_to_string(n as f64), n.to_string());
            assert_eq!(number_to_jsstr(n as f64).to_rust_string(), n.to_string());
        }
        assert_eq!(number_to_jsstr(-0.0).to_rust_string(), "0");
        assert_eq!(number_to_jsstr(1e15).to_rust_string(), "1000000000000000");
        assert_eq!(number_to_jsstr(1e21).to_rust_string(), "1e+21");
        assert_eq!(number_to_jsstr(2.5).to_rust_string(), "2.5");
    }

    #[test]
    fn value_stays_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn bigint_equality_is_by_value() {
        let a = Value::from(BigInt::from(7));
        let b = Value::from(BigInt::from(7));
        assert!(a.strict_equals(&b) && a.same_value(&b) && a.same_value_zero(&b));
        assert!(!a.strict_equals(&Value::Number(7.0)));
        assert!(!Value::from(BigInt::from(0)).to_boolean());
        assert_eq!(a.type_of(), "bigint");
    }

    #[test]
    fn number_formatting() {
        assert_eq!(number_to_string(1.0), "1");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(
            number_to_string(123456789012345680000.0),
            "123456789012345680000"
        );
        assert_eq!(number_to_string(1.5e-7), "1.5e-7");
        assert_eq!(number_to_string(-42.5), "-42.5");
    }

    #[test]
    fn string_to_number_grammar() {
        let n = |s: &str| string_to_number(&JsStr::from(s));
        assert_eq!(n("  42  "), 42.0);
        assert_eq!(n(""), 0.0);
        assert_eq!(n("0x10"), 16.0);
        assert!(n("12px").is_nan());
        assert!(n("1_000").is_nan());
        assert_eq!(n("-Infinity"), f64::NEG_INFINITY);
        assert!(n("inf").is_nan());
        assert_eq!(n(".5"), 0.5);
        assert_eq!(n("5."), 5.0);
        assert!(n(".").is_nan());
    }

    #[test]
    fn int32() {
        assert_eq!(to_int32(4294967296.0 + 5.0), 5);
        assert_eq!(to_int32(2147483648.0), -2147483648);
        assert_eq!(to_int32(-1.5), -1);
        // The exact fast path's edges and what must not take it.
        assert_eq!(to_int32(2147483647.0), 2147483647);
        assert_eq!(to_int32(-2147483648.0), -2147483648);
        assert_eq!(to_int32(-2147483649.0), 2147483647);
        assert_eq!(to_int32(-0.0), 0);
        assert_eq!(to_int32(f64::NAN), 0);
        assert_eq!(to_int32(f64::INFINITY), 0);
        assert_eq!(to_int32(f64::NEG_INFINITY), 0);
        assert_eq!(to_int32(1e300), 0);
        assert_eq!(to_int32(2.5), 2);
        assert_eq!(to_uint32(-1.0), 4294967295);
    }
}
