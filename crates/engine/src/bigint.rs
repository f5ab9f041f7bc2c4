//! The BigInt primitive's numeric-type operations (`BigInt::add`, `BigInt::exponentiate`, ...)
//! and the conversions that need no calls into script code (StringToBigInt, NumberToBigInt,
//! BigInt::toString, exact comparison with Numbers).
//!
//! Values are `num_bigint::BigInt`s; `Value::BigInt` holds them behind an `Rc` so `Value`
//! stays 16 bytes. Operations that can fail return [`BigIntError`], which the interpreter
//! turns into V8's RangeErrors.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::string::JsStr;
use crate::value::is_js_whitespace;

/// V8's limit on the size of a BigInt (`BigInt::kMaxLengthBits` on 64-bit targets).
pub const MAX_BITS: u64 = 1 << 30;

/// Why a BigInt operation failed (all are RangeErrors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigIntError {
    DivisionByZero,
    NegativeExponent,
    TooBig,
}

impl BigIntError {
    /// V8's message for the RangeError.
    pub fn message(self) -> &'static str {
        match self {
            BigIntError::DivisionByZero => "Division by zero",
            // Sic: V8 (Node 20) really says this for `2n ** -1n`.
            BigIntError::NegativeExponent => "undefined must be positive",
            BigIntError::TooBig => "Maximum BigInt size exceeded",
        }
    }
}

pub type BigIntResult = Result<BigInt, BigIntError>;

fn check_size(x: BigInt) -> BigIntResult {
    if x.bits() > MAX_BITS {
        Err(BigIntError::TooBig)
    } else {
        Ok(x)
    }
}

/// BigInt::unaryMinus.
pub fn bigint_unary_minus(x: &BigInt) -> BigInt {
    -x
}

/// BigInt::bitwiseNOT: -x - 1.
pub fn bigint_bitwise_not(x: &BigInt) -> BigInt {
    -x - BigInt::one()
}

/// BigInt::add.
pub fn bigint_add(x: &BigInt, y: &BigInt) -> BigIntResult {
    check_size(x + y)
}

/// BigInt::subtract.
pub fn bigint_subtract(x: &BigInt, y: &BigInt) -> BigIntResult {
    check_size(x - y)
}

/// BigInt::multiply.
pub fn bigint_multiply(x: &BigInt, y: &BigInt) -> BigIntResult {
    if x.bits() + y.bits() > MAX_BITS + 1 {
        return Err(BigIntError::TooBig);
    }
    check_size(x * y)
}

/// BigInt::divide: truncates toward zero.
pub fn bigint_divide(x: &BigInt, y: &BigInt) -> BigIntResult {
    if y.is_zero() {
        return Err(BigIntError::DivisionByZero);
    }
    Ok(x / y)
}

/// BigInt::remainder: the sign of the dividend.
pub fn bigint_remainder(x: &BigInt, y: &BigInt) -> BigIntResult {
    if y.is_zero() {
        return Err(BigIntError::DivisionByZero);
    }
    Ok(x % y)
}

/// BigInt::exponentiate.
pub fn bigint_exponentiate(base: &BigInt, exponent: &BigInt) -> BigIntResult {
    // 1. If exponent < 0, throw a RangeError exception.
    if exponent.is_negative() {
        return Err(BigIntError::NegativeExponent);
    }
    // 2. If base = 0 and exponent = 0, return 1.
    if exponent.is_zero() {
        return Ok(BigInt::one());
    }
    // Bases whose powers never grow, whatever the exponent.
    if base.is_zero() || base.is_one() {
        return Ok(base.clone());
    }
    if *base == BigInt::from(-1) {
        return Ok(if exponent.is_even() {
            BigInt::one()
        } else {
            base.clone()
        });
    }
    let e = match exponent.to_u64() {
        Some(e) if e < MAX_BITS => e,
        _ => return Err(BigIntError::TooBig),
    };
    // |base| >= 2, so the result has at least (bits(base) - 1) * e + 1 bits.
    if (base.bits() - 1).saturating_mul(e) >= MAX_BITS {
        return Err(BigIntError::TooBig);
    }
    let e = u32::try_from(e).map_err(|_| BigIntError::TooBig)?;
    check_size(num_traits::Pow::pow(base, e))
}

/// BigInt::leftShift (a negative shift count shifts right).
pub fn bigint_left_shift(x: &BigInt, y: &BigInt) -> BigIntResult {
    if y.is_negative() {
        return Ok(shift_right(x, &-y));
    }
    if x.is_zero() {
        return Ok(BigInt::zero());
    }
    match y.to_u64() {
        Some(n) if n <= MAX_BITS => check_size(x << n),
        _ => Err(BigIntError::TooBig),
    }
}

/// BigInt::signedRightShift: BigInt::leftShift(x, -y).
pub fn bigint_signed_right_shift(x: &BigInt, y: &BigInt) -> BigIntResult {
    bigint_left_shift(x, &-y)
}

/// floor(x / 2^n) for n >= 0.
fn shift_right(x: &BigInt, n: &BigInt) -> BigInt {
    match n.to_u64() {
        Some(n) if n <= x.bits() => x >> n,
        // Every bit is shifted out: 0 for x >= 0, -1 for x < 0 (infinite sign extension).
        _ => {
            if x.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            }
        }
    }
}

/// BigInt::bitwiseAND (two's complement with infinite sign extension).
pub fn bigint_bitwise_and(x: &BigInt, y: &BigInt) -> BigInt {
    x & y
}

/// BigInt::bitwiseOR.
pub fn bigint_bitwise_or(x: &BigInt, y: &BigInt) -> BigInt {
    x | y
}

/// BigInt::bitwiseXOR.
pub fn bigint_bitwise_xor(x: &BigInt, y: &BigInt) -> BigInt {
    x ^ y
}

/// x modulo 2^bits, in [0, 2^bits).
fn modulo_pow2(x: &BigInt, bits: u64) -> BigInt {
    let mask = (BigInt::one() << bits) - BigInt::one();
    x & mask
}

/// `BigInt.asIntN(bits, x)`: x modulo 2^bits, as a signed `bits`-bit integer.
pub fn bigint_as_int_n(bits: u64, x: &BigInt) -> BigInt {
    if bits == 0 {
        return BigInt::zero();
    }
    // Fits already: -2^(bits-1) <= x < 2^(bits-1). (Also keeps huge `bits` cheap.)
    if x.bits() < bits {
        return x.clone();
    }
    let m = modulo_pow2(x, bits);
    if m.bits() == bits {
        m - (BigInt::one() << bits)
    } else {
        m
    }
}

/// `BigInt.asUintN(bits, x)`: x modulo 2^bits.
pub fn bigint_as_uint_n(bits: u64, x: &BigInt) -> BigIntResult {
    if !x.is_negative() && x.bits() <= bits {
        return Ok(x.clone());
    }
    if bits > MAX_BITS {
        return Err(BigIntError::TooBig);
    }
    Ok(modulo_pow2(x, bits))
}

/// BigInt::equal.
pub fn bigint_equal(x: &BigInt, y: &BigInt) -> bool {
    x == y
}

/// The exact mathematical comparison of a BigInt with a Number (`None` when `n` is NaN).
pub fn compare_bigint_number(x: &BigInt, n: f64) -> Option<Ordering> {
    if n.is_nan() {
        return None;
    }
    if n.is_infinite() {
        return Some(if n > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = n.trunc();
    // A finite integral double converts exactly.
    let ti = BigInt::from_f64(t)?;
    Some(match x.cmp(&ti) {
        Ordering::Equal => {
            if n > t {
                Ordering::Less
            } else if n < t {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    })
}

/// NumberToBigInt: `None` when `n` is not an integral Number (NaN, ±Infinity, 1.5).
pub fn number_to_bigint(n: f64) -> Option<BigInt> {
    if !n.is_finite() || n.trunc() != n {
        return None;
    }
    BigInt::from_f64(n)
}

/// `Number(x)` for a BigInt: the nearest double (ties to even), ±Infinity past the range.
pub fn bigint_to_number(x: &BigInt) -> f64 {
    match x.to_f64() {
        Some(f) => f,
        None if x.is_negative() => f64::NEG_INFINITY,
        None => f64::INFINITY,
    }
}

/// BigInt::toString(x, radix): lowercase digits, `-` for negatives, no suffix.
pub fn bigint_to_string(x: &BigInt, radix: u32) -> String {
    x.to_str_radix(radix)
}

/// StringToBigInt: the StringIntegerLiteral grammar (whitespace around; an optionally signed
/// decimal integer, or an unsigned `0x`/`0o`/`0b` literal; no separators; empty is 0n).
pub fn string_to_bigint(s: &JsStr) -> Option<BigInt> {
    let text = s.to_rust_string();
    let t = text.trim_matches(is_js_whitespace);
    if t.is_empty() {
        return Some(BigInt::zero());
    }
    let prefixed = |p: [&str; 2]| t.strip_prefix(p[0]).or_else(|| t.strip_prefix(p[1]));
    let (radix, sign, digits) = if let Some(r) = prefixed(["0x", "0X"]) {
        (16, Sign::Plus, r)
    } else if let Some(r) = prefixed(["0o", "0O"]) {
        (8, Sign::Plus, r)
    } else if let Some(r) = prefixed(["0b", "0B"]) {
        (2, Sign::Plus, r)
    } else if let Some(r) = t.strip_prefix('-') {
        (10, Sign::Minus, r)
    } else {
        (10, Sign::Plus, t.strip_prefix('+').unwrap_or(t))
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(if sign == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn arithmetic_truncates_like_v8() {
        assert_eq!(bigint_divide(&b("-5"), &b("2")), Ok(b("-2")));
        assert_eq!(bigint_remainder(&b("-5"), &b("2")), Ok(b("-1")));
        assert_eq!(bigint_remainder(&b("5"), &b("-2")), Ok(b("1")));
        assert_eq!(
            bigint_divide(&b("1"), &b("0")),
            Err(BigIntError::DivisionByZero)
        );
        assert_eq!(
            bigint_exponentiate(&b("10"), &b("30")),
            Ok(b("1000000000000000000000000000000"))
        );
        assert_eq!(bigint_exponentiate(&b("0"), &b("0")), Ok(b("1")));
        assert_eq!(bigint_exponentiate(&b("-2"), &b("3")), Ok(b("-8")));
        assert_eq!(
            bigint_exponentiate(&b("-1"), &b("100000000000001")),
            Ok(b("-1"))
        );
        assert_eq!(
            bigint_exponentiate(&b("2"), &b("-1")),
            Err(BigIntError::NegativeExponent)
        );
        assert_eq!(
            bigint_exponentiate(&b("2"), &b("100000000000")),
            Err(BigIntError::TooBig)
        );
    }

    #[test]
    fn shifts_and_bitwise_use_infinite_twos_complement() {
        assert_eq!(bigint_signed_right_shift(&b("-5"), &b("1")), Ok(b("-3")));
        assert_eq!(bigint_left_shift(&b("-5"), &b("-1")), Ok(b("-3")));
        assert_eq!(bigint_signed_right_shift(&b("5"), &b("-2")), Ok(b("20")));
        assert_eq!(bigint_left_shift(&b("1"), &b("-100")), Ok(b("0")));
        assert_eq!(
            bigint_signed_right_shift(&b("-1"), &b("100000000000000000000")),
            Ok(b("-1"))
        );
        assert_eq!(
            bigint_left_shift(&b("1"), &b("100000000000")),
            Err(BigIntError::TooBig)
        );
        assert_eq!(bigint_left_shift(&b("0"), &b("100000000000")), Ok(b("0")));
        assert_eq!(bigint_bitwise_and(&b("-6"), &b("7")), b("2"));
        assert_eq!(bigint_bitwise_or(&b("-6"), &b("3")), b("-5"));
        assert_eq!(bigint_bitwise_xor(&b("-1"), &b("5")), b("-6"));
        assert_eq!(bigint_bitwise_not(&b("1")), b("-2"));
    }

    #[test]
    fn as_int_n_and_as_uint_n() {
        let max = b("18446744073709551615");
        assert_eq!(bigint_as_uint_n(64, &b("-1")), Ok(max.clone()));
        assert_eq!(bigint_as_int_n(64, &max), b("-1"));
        assert_eq!(
            bigint_as_int_n(64, &b("9223372036854775808")),
            b("-9223372036854775808")
        );
        assert_eq!(bigint_as_int_n(0, &b("5")), b("0"));
        assert_eq!(bigint_as_int_n(3, &b("-4")), b("-4"));
        assert_eq!(bigint_as_int_n(3, &b("4")), b("-4"));
        assert_eq!(bigint_as_int_n(1 << 40, &b("-7")), b("-7"));
        assert_eq!(
            bigint_as_uint_n(1 << 40, &b("-7")),
            Err(BigIntError::TooBig)
        );
    }

    #[test]
    fn conversions() {
        let s = |x: &str| string_to_bigint(&JsStr::from(x));
        assert_eq!(s("  42\n"), Some(b("42")));
        assert_eq!(s(""), Some(b("0")));
        assert_eq!(s("-0x10"), None);
        assert_eq!(s("0x1f"), Some(b("31")));
        assert_eq!(s("0b"), None);
        assert_eq!(s("1.5"), None);
        assert_eq!(s("1e3"), None);
        assert_eq!(s("1_000"), None);
        assert_eq!(s("-12"), Some(b("-12")));
        assert_eq!(s("+12"), Some(b("12")));
        assert_eq!(s("--1"), None);
        assert_eq!(number_to_bigint(1.5), None);
        assert_eq!(number_to_bigint(f64::NAN), None);
        assert_eq!(number_to_bigint(1e21), Some(b("1000000000000000000000")));
        assert_eq!(bigint_to_number(&b("9007199254740993")), 9007199254740992.0);
        assert_eq!(bigint_to_number(&b("9007199254740995")), 9007199254740996.0);
        assert_eq!(bigint_to_string(&b("-255"), 16), "-ff");
    }

    #[test]
    fn exact_comparison_with_numbers() {
        use Ordering::*;
        let big = b("9007199254740993");
        assert_eq!(
            compare_bigint_number(&big, 9007199254740992.0),
            Some(Greater)
        );
        assert_eq!(compare_bigint_number(&b("1"), 1.5), Some(Less));
        assert_eq!(compare_bigint_number(&b("-1"), -1.5), Some(Greater));
        assert_eq!(compare_bigint_number(&b("2"), 2.0), Some(Equal));
        assert_eq!(compare_bigint_number(&b("0"), -0.0), Some(Equal));
        assert_eq!(compare_bigint_number(&big, f64::INFINITY), Some(Less));
        assert_eq!(compare_bigint_number(&big, f64::NAN), None);
    }
}
