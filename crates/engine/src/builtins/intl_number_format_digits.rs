//! ECMA-402's digit options (NumberFormat v3): SetNumberFormatDigitOptions read in the spec's
//! order with V8's messages, and the rounding they ask for — fraction or significant digits,
//! `roundingPriority` (morePrecision/lessPrecision), `roundingIncrement`, the nine
//! `roundingMode`s and `trailingZeroDisplay` — applied to an exact decimal with ICU4X's
//! `fixed_decimal` (see DESIGN.md "NumberFormat v3"). Shared by NumberFormat, PluralRules and
//! `toLocaleString`.

use fixed_decimal::{RoundingIncrement, SignedRoundingMode, UnsignedRoundingMode};

use super::intl::{digit_opt, get_opt, str_opt, Decimal, Rounding};
use crate::interp::{Interp, JsResult};
use crate::object::Obj;

/// ECMA-402's `roundingMode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoundingMode {
    Ceil,
    Floor,
    Expand,
    Trunc,
    HalfCeil,
    HalfFloor,
    #[default]
    HalfExpand,
    HalfTrunc,
    HalfEven,
}

const MODES: [(&str, RoundingMode); 9] = [
    ("ceil", RoundingMode::Ceil),
    ("floor", RoundingMode::Floor),
    ("expand", RoundingMode::Expand),
    ("trunc", RoundingMode::Trunc),
    ("halfCeil", RoundingMode::HalfCeil),
    ("halfFloor", RoundingMode::HalfFloor),
    ("halfExpand", RoundingMode::HalfExpand),
    ("halfTrunc", RoundingMode::HalfTrunc),
    ("halfEven", RoundingMode::HalfEven),
];

impl RoundingMode {
    pub fn as_str(self) -> &'static str {
        MODES
            .iter()
            .find(|(_, m)| *m == self)
            .map_or("halfExpand", |(s, _)| s)
    }
    fn parse(s: &str) -> Option<RoundingMode> {
        MODES.iter().find(|(n, _)| *n == s).map(|(_, m)| *m)
    }
    fn icu(self) -> SignedRoundingMode {
        use SignedRoundingMode as S;
        use UnsignedRoundingMode as U;
        match self {
            RoundingMode::Ceil => S::Ceil,
            RoundingMode::Floor => S::Floor,
            RoundingMode::Expand => S::Unsigned(U::Expand),
            RoundingMode::Trunc => S::Unsigned(U::Trunc),
            RoundingMode::HalfCeil => S::HalfCeil,
            RoundingMode::HalfFloor => S::HalfFloor,
            RoundingMode::HalfExpand => S::Unsigned(U::HalfExpand),
            RoundingMode::HalfTrunc => S::Unsigned(U::HalfTrunc),
            RoundingMode::HalfEven => S::Unsigned(U::HalfEven),
        }
    }
}

/// The digit options as SetNumberFormatDigitOptions leaves them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DigitOptions {
    pub min_int: usize,
    pub rounding: Rounding,
    pub increment: u32,
    pub mode: RoundingMode,
    /// `trailingZeroDisplay: 'stripIfInteger'`.
    pub strip_if_integer: bool,
}

impl Default for DigitOptions {
    fn default() -> Self {
        DigitOptions {
            min_int: 1,
            rounding: Rounding::Fraction(0, 3),
            increment: 1,
            mode: RoundingMode::HalfExpand,
            strip_if_integer: false,
        }
    }
}

impl DigitOptions {
    /// \[\[ComputedRoundingPriority\]\].
    pub fn rounding_priority(&self) -> &'static str {
        match self.rounding {
            Rounding::Fraction(..) | Rounding::Significant(..) => "auto",
            Rounding::Compact | Rounding::MorePrecision { .. } => "morePrecision",
            Rounding::LessPrecision { .. } => "lessPrecision",
        }
    }
}

const INCREMENTS: [u32; 15] = [
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
];

/// DefaultNumberOption on a value already read.
fn default_number(
    it: &mut Interp,
    v: &crate::value::Value,
    name: &str,
    min: f64,
    max: f64,
) -> JsResult<Option<usize>> {
    if v.is_undefined() {
        return Ok(None);
    }
    let n = it.to_number(v)?;
    if n.is_nan() || n < min || n > max {
        return Err(it.range_error(format!("{name} value is out of range.")));
    }
    Ok(Some(n.floor() as usize))
}

/// SetNumberFormatDigitOptions(intlObj, options, mnfdDefault, mxfdDefault, notation).
pub fn read_digit_options(
    it: &mut Interp,
    opts: &Option<Obj>,
    mnfd_default: usize,
    mxfd_default: usize,
    compact: bool,
    ctor: &str,
) -> JsResult<DigitOptions> {
    let min_int = digit_opt(it, opts, "minimumIntegerDigits", 1.0, 21.0)?.unwrap_or(1);
    let mnfd = get_opt(it, opts, "minimumFractionDigits")?;
    let mxfd = get_opt(it, opts, "maximumFractionDigits")?;
    let mnsd = get_opt(it, opts, "minimumSignificantDigits")?;
    let mxsd = get_opt(it, opts, "maximumSignificantDigits")?;
    let increment = digit_opt(it, opts, "roundingIncrement", 1.0, 5000.0)?.unwrap_or(1) as u32;
    if !INCREMENTS.contains(&increment) {
        return Err(it.range_error("roundingIncrement value is out of range."));
    }
    let names: Vec<&str> = MODES.iter().map(|(n, _)| *n).collect();
    let mode = str_opt(it, opts, "roundingMode", &names, ctor)?
        .and_then(|s| RoundingMode::parse(&s))
        .unwrap_or_default();
    let priority = str_opt(
        it,
        opts,
        "roundingPriority",
        &["auto", "morePrecision", "lessPrecision"],
        ctor,
    )?
    .unwrap_or_else(|| "auto".into());
    let tzd = str_opt(
        it,
        opts,
        "trailingZeroDisplay",
        &["auto", "stripIfInteger"],
        ctor,
    )?;
    // ECMA-402 sets mxfdDefault to mnfdDefault when roundingIncrement is not 1; V8 (Node 24)
    // does not, so `{roundingIncrement: 5}` alone is a RangeError there, and here.
    let has_sd = !mnsd.is_undefined() || !mxsd.is_undefined();
    let has_fd = !mnfd.is_undefined() || !mxfd.is_undefined();
    let mut need_sd = true;
    let mut need_fd = true;
    if priority == "auto" {
        need_sd = has_sd;
        if need_sd || (!has_fd && compact) {
            need_fd = false;
        }
    }
    let mut sig = (1, 21);
    if need_sd && has_sd {
        let mn = default_number(it, &mnsd, "minimumSignificantDigits", 1.0, 21.0)?.unwrap_or(1);
        let mx =
            default_number(it, &mxsd, "maximumSignificantDigits", mn as f64, 21.0)?.unwrap_or(21);
        sig = (mn, mx);
    }
    let mut frac = (mnfd_default, mxfd_default);
    if need_fd && has_fd {
        let mn = default_number(it, &mnfd, "minimumFractionDigits", 0.0, 100.0)?;
        let mx = default_number(it, &mxfd, "maximumFractionDigits", 0.0, 100.0)?;
        frac = match (mn, mx) {
            (None, Some(mx)) => (mnfd_default.min(mx), mx),
            (Some(mn), None) => (mn, mxfd_default.max(mn)),
            (Some(mn), Some(mx)) if mn > mx => {
                return Err(it.range_error("maximumFractionDigits value is out of range."));
            }
            (Some(mn), Some(mx)) => (mn, mx),
            (None, None) => frac,
        };
    }
    let rounding = if !need_sd && !need_fd {
        Rounding::Compact
    } else if priority == "auto" {
        if need_sd {
            Rounding::Significant(sig.0, sig.1)
        } else {
            Rounding::Fraction(frac.0, frac.1)
        }
    } else if priority == "morePrecision" {
        Rounding::MorePrecision { frac, sig }
    } else {
        Rounding::LessPrecision { frac, sig }
    };
    if increment != 1 {
        let Rounding::Fraction(mn, mx) = rounding else {
            return Err(it.type_error("RoundingType is not fractionDigits"));
        };
        if mn != mx {
            return Err(it.range_error("maximumFractionDigits value is out of range."));
        }
    }
    Ok(DigitOptions {
        min_int,
        rounding,
        increment,
        mode,
        strip_if_integer: tzd.as_deref() == Some("stripIfInteger"),
    })
}

/// A rounded decimal: digits (no leading or trailing zeros) × 10^(point - len).
struct Raw {
    digits: Vec<u8>,
    point: i32,
    /// The magnitude rounded at (ECMA-402's \[\[RoundingMagnitude\]\]).
    magnitude: i32,
    /// The lowest magnitude shown (trailing zeros kept down to it).
    lowest: i32,
}

/// Rounds `d` (negative when `neg`: the directed modes depend on the sign) at `position`
/// (a power of ten) to multiples of `increment` × 10^position.
fn round_at(d: &Decimal, neg: bool, position: i32, mode: RoundingMode, increment: u32) -> Decimal {
    if d.digits.is_empty() {
        return d.clone();
    }
    let (mut inc, mut position) = (increment, position);
    while inc >= 10 && inc % 10 == 0 {
        inc /= 10;
        position += 1;
    }
    let icu_inc = match inc {
        2 => RoundingIncrement::MultiplesOf2,
        5 => RoundingIncrement::MultiplesOf5,
        25 => RoundingIncrement::MultiplesOf25,
        _ => RoundingIncrement::MultiplesOf1,
    };
    let digits: String = d.digits.iter().map(|&b| char::from(b'0' + b)).collect();
    let exp = d.point - d.digits.len() as i32;
    let text = format!("{digits}e{exp}");
    let Ok(mut f) = fixed_decimal::Decimal::try_from_str(&text) else {
        return d.clone();
    };
    if neg {
        f.sign = fixed_decimal::Sign::Negative;
    }
    let position = position.clamp(i16::MIN as i32 + 2, i16::MAX as i32 - 2) as i16;
    f.round_with_mode_and_increment(position, mode.icu(), icu_inc);
    if f.absolute.is_zero() {
        return Decimal {
            digits: Vec::new(),
            point: 0,
        };
    }
    let hi = f.absolute.nonzero_magnitude_start();
    let lo = f.absolute.nonzero_magnitude_end();
    let digits: Vec<u8> = (lo..=hi).rev().map(|m| f.absolute.digit_at(m)).collect();
    Decimal {
        digits,
        point: hi as i32 + 1,
    }
}

/// The magnitude of the lowest non-zero digit (0 for zero).
fn lowest_nonzero(d: &Decimal) -> i32 {
    if d.digits.is_empty() {
        0
    } else {
        d.point - d.digits.len() as i32
    }
}

/// ToRawPrecision.
fn raw_precision(d: &Decimal, neg: bool, min: usize, max: usize, mode: RoundingMode) -> Raw {
    let e = if d.digits.is_empty() { 0 } else { d.point - 1 };
    let magnitude = e - max as i32 + 1;
    let r = round_at(d, neg, magnitude, mode, 1);
    let e2 = if r.digits.is_empty() { 0 } else { r.point - 1 };
    let lowest = lowest_nonzero(&r).min(e2 - min as i32 + 1);
    Raw {
        point: r.point,
        digits: r.digits,
        magnitude,
        lowest,
    }
}

/// ToRawFixed.
fn raw_fixed(d: &Decimal, neg: bool, min: usize, max: usize, o: &DigitOptions) -> Raw {
    let magnitude = -(max as i32);
    let r = round_at(d, neg, magnitude, o.mode, o.increment);
    let lowest = lowest_nonzero(&r).min(-(min as i32));
    Raw {
        point: r.point,
        digits: r.digits,
        magnitude,
        lowest,
    }
}

/// FormatNumericToString's rounding: (integer digits, fraction digits), integer digits not yet
/// padded to `min_int`.
pub fn round(d: &Decimal, neg: bool, o: &DigitOptions) -> (Vec<u8>, Vec<u8>) {
    let raw = match o.rounding {
        Rounding::Fraction(mn, mx) => raw_fixed(d, neg, mn, mx, o),
        Rounding::Significant(mn, mx) => raw_precision(d, neg, mn, mx, o.mode),
        Rounding::Compact => more_less(d, neg, (0, 0), (1, 2), true, o),
        Rounding::MorePrecision { frac, sig } => more_less(d, neg, frac, sig, true, o),
        Rounding::LessPrecision { frac, sig } => more_less(d, neg, frac, sig, false, o),
    };
    let mut lowest = raw.lowest.min(0);
    if o.strip_if_integer && lowest_nonzero_raw(&raw) >= 0 {
        lowest = 0;
    }
    let top = raw.point.max(1);
    let digit = |m: i32| -> u8 {
        // Digit at magnitude m: index point - 1 - m.
        let idx = raw.point - 1 - m;
        if idx >= 0 {
            raw.digits.get(idx as usize).copied().unwrap_or(0)
        } else {
            0
        }
    };
    let int: Vec<u8> = (0..top).rev().map(digit).collect();
    let frac: Vec<u8> = (lowest..0).rev().map(digit).collect();
    (int, frac)
}

fn lowest_nonzero_raw(r: &Raw) -> i32 {
    if r.digits.is_empty() {
        0
    } else {
        r.point - r.digits.len() as i32
    }
}

fn more_less(
    d: &Decimal,
    neg: bool,
    frac: (usize, usize),
    sig: (usize, usize),
    more: bool,
    o: &DigitOptions,
) -> Raw {
    let s = raw_precision(d, neg, sig.0, sig.1, o.mode);
    let f = raw_fixed(d, neg, frac.0, frac.1, o);
    let fixed_is_more_precise = f.magnitude <= s.magnitude;
    if more == fixed_is_more_precise {
        f
    } else {
        s
    }
}

/// ToIntlMathematicalValue of a string in StringNumericLiteral's decimal form, exactly
/// (`None` for the other forms, which ToNumber handles: hex, octal, binary, empty or invalid).
pub fn parse_decimal(s: &str) -> Option<super::intl::NumValue> {
    use super::intl::NumValue;
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (neg, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if body == "Infinity" {
        return Some(NumValue::Inf(neg));
    }
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    let exp: i64 = match exp {
        Some(e) => {
            let d = e.strip_prefix(['+', '-']).unwrap_or(e);
            if d.is_empty() || !digits_ok(d) {
                return None;
            }
            // Beyond any format's reach: saturate (ICU reports such values as infinities
            // or zero too).
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                -1 << 40
            } else {
                1 << 40
            })
        }
        None => 0,
    };
    // Beyond the doubles, V8 formats the infinity ToNumber gives.
    if t.parse::<f64>().is_ok_and(f64::is_infinite) {
        return Some(NumValue::Inf(neg));
    }
    let mut d = Decimal::from_integer_digits(&format!("{int}{frac}"));
    if d.digits.is_empty() {
        return Some(NumValue::Finite(neg, d));
    }
    let point = d.point as i64 - frac.len() as i64 + exp;
    if point > 30000 {
        return Some(NumValue::Inf(neg));
    }
    if point < -30000 {
        return Some(NumValue::Finite(neg, Decimal::from_integer_digits("0")));
    }
    d.point = point as i32;
    Some(NumValue::Finite(neg, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        let mut d = Decimal::from_integer_digits(&format!("{i}{f}"));
        if !d.digits.is_empty() {
            d.point -= f.len() as i32;
        }
        d
    }

    fn show(d: &str, neg: bool, o: &DigitOptions) -> String {
        let (i, f) = round(&dec(d), neg, o);
        let s = |v: &[u8]| v.iter().map(|b| char::from(b'0' + b)).collect::<String>();
        if f.is_empty() {
            s(&i)
        } else {
            format!("{}.{}", s(&i), s(&f))
        }
    }

    #[test]
    fn modes_and_increments() {
        let mut o = DigitOptions {
            rounding: Rounding::Fraction(1, 1),
            ..DigitOptions::default()
        };
        o.mode = RoundingMode::HalfEven;
        assert_eq!(show("1.25", false, &o), "1.2");
        assert_eq!(show("1.35", false, &o), "1.4");
        o.mode = RoundingMode::Ceil;
        assert_eq!(show("1.21", true, &o), "1.2");
        assert_eq!(show("1.21", false, &o), "1.3");
        o.mode = RoundingMode::HalfExpand;
        o.rounding = Rounding::Fraction(2, 2);
        o.increment = 25;
        assert_eq!(show("1.13", false, &o), "1.25");
        o.increment = 50;
        assert_eq!(show("1.74", false, &o), "1.50");
        o.rounding = Rounding::Fraction(0, 0);
        o.increment = 5000;
        assert_eq!(show("7499", false, &o), "5000");
    }

    #[test]
    fn priorities() {
        let o = DigitOptions {
            rounding: Rounding::MorePrecision {
                frac: (0, 2),
                sig: (1, 2),
            },
            ..DigitOptions::default()
        };
        assert_eq!(show("1.23", false, &o), "1.23");
        let o = DigitOptions {
            rounding: Rounding::LessPrecision {
                frac: (2, 2),
                sig: (2, 2),
            },
            ..DigitOptions::default()
        };
        assert_eq!(show("1", false, &o), "1.0");
        let o = DigitOptions {
            rounding: Rounding::Fraction(2, 2),
            strip_if_integer: true,
            ..DigitOptions::default()
        };
        assert_eq!(show("3", false, &o), "3");
        assert_eq!(show("3.1", false, &o), "3.10");
    }
}
