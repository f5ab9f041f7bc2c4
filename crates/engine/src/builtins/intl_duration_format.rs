//! `Intl.DurationFormat` (ECMA-402 §13): option resolution as the spec's
//! GetDurationUnitOptions, each unit formatted by NumberFormat's unit style (the generated CLDR
//! unit patterns), the numeric units (`1:02:03.5`) with the locale's digits, decimal sign and
//! time separator (`intl_duration_separators.rs`, generated), joined by ICU4X's unit list
//! patterns.

use super::intl::{
    format_to_parts, get_opt, intl_data, make_service, resolve_service_locale, str_opt, Decimal,
    IntlData, NumValue, NumberSpec, Rounding, Service,
};
use super::intl_segmenter::get_options_object;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, PropKey};
use crate::value::Value;

const CTOR: &str = "Intl.DurationFormat";

/// The units in table order, with their singular NumberFormat unit.
const UNITS: [(&str, &str); 10] = [
    ("years", "year"),
    ("months", "month"),
    ("weeks", "week"),
    ("days", "day"),
    ("hours", "hour"),
    ("minutes", "minute"),
    ("seconds", "second"),
    ("milliseconds", "millisecond"),
    ("microseconds", "microsecond"),
    ("nanoseconds", "nanosecond"),
];

#[derive(Debug, Clone)]
pub struct DurationFormatData {
    /// The locale formatting uses (no extensions).
    pub locale: String,
    /// `resolvedOptions().locale`: `locale` plus a `-u-nu-` keyword the options kept.
    pub locale_tag: String,
    pub numbering_system: String,
    pub style: String,
    /// Per unit of [`UNITS`]: (style, display).
    pub units: Vec<(String, String)>,
    pub fractional_digits: Option<usize>,
}

fn is_type_sequence(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.DurationFormat requires 'new'"));
    }
    let (locale, tag) = resolve_service_locale(it, &a.get(0), Service::Number)?;
    let opts = get_options_object(it, &a.get(1))?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], CTOR)?;
    let nu_option = str_opt(it, &opts, "numberingSystem", &[], CTOR)?;
    if let Some(nu) = &nu_option {
        if !is_type_sequence(nu) {
            return Err(it.range_error(format!("Invalid numberingSystem : {nu}")));
        }
    }
    // ResolveLocale's `nu`: the option wins over the tag's keyword; unsupported values are
    // ignored; the keyword stays in the locale only when it is the one used.
    let nu_option = nu_option.filter(|n| is_numbering_system(n));
    let nu_keyword = super::intl::unicode_keyword(&tag, "nu").filter(|n| is_numbering_system(n));
    let (numbering_system, locale_tag) = match (nu_option, nu_keyword) {
        (Some(o), Some(k)) if o == k => (o, super::intl::with_keywords(&locale, &[("nu", &k)])),
        (Some(o), _) => (o, locale.clone()),
        (None, Some(k)) => (
            k.clone(),
            super::intl::with_keywords(&locale, &[("nu", &k)]),
        ),
        (None, None) => (
            super::intl_locale::default_numbering_system(&locale).to_string(),
            locale.clone(),
        ),
    };
    let style = str_opt(
        it,
        &opts,
        "style",
        &["long", "short", "narrow", "digital"],
        CTOR,
    )?
    .unwrap_or_else(|| "short".into());
    let mut units = Vec::new();
    let mut prev = String::new();
    for (i, (unit, _)) in UNITS.iter().enumerate() {
        let (styles, digital_base): (&[&str], &str) = match i {
            0..=3 => (&["long", "short", "narrow"], "short"),
            4..=6 => (
                &["long", "short", "narrow", "numeric", "2-digit"],
                "numeric",
            ),
            _ => (&["long", "short", "narrow", "numeric"], "numeric"),
        };
        let mut s = str_opt(it, &opts, unit, styles, CTOR)?;
        let mut display_default = "always";
        let hms = matches!(*unit, "hours" | "minutes" | "seconds");
        if s.is_none() {
            if style == "digital" {
                if !hms {
                    display_default = "auto";
                }
                s = Some(digital_base.into());
            } else if matches!(prev.as_str(), "fractional" | "numeric" | "2-digit") {
                if !matches!(*unit, "minutes" | "seconds") {
                    display_default = "auto";
                }
                s = Some("numeric".into());
            } else {
                display_default = "auto";
                s = Some(style.clone());
            }
        }
        let mut s = s.unwrap_or_default();
        if s == "numeric" && i >= 7 {
            s = "fractional".into();
            display_default = "auto";
        }
        let field = format!("{unit}Display");
        let display = str_opt(it, &opts, &field, &["auto", "always"], CTOR)?
            .unwrap_or_else(|| display_default.into());
        let invalid = (display == "always" && s == "fractional")
            || (prev == "fractional" && s != "fractional")
            || (matches!(prev.as_str(), "numeric" | "2-digit")
                && !matches!(s.as_str(), "fractional" | "numeric" | "2-digit"));
        if invalid {
            // V8's message names the options object.
            let o = opts.clone().map_or(Value::Undefined, Value::Object);
            let d = super::iterator::describe(it, &o);
            return Err(it.range_error(format!("Invalid object : {d}")));
        }
        if matches!(prev.as_str(), "numeric" | "2-digit") && matches!(*unit, "minutes" | "seconds")
        {
            s = "2-digit".into();
        }
        prev = s.clone();
        units.push((s, display));
    }
    let fd = get_opt(it, &opts, "fractionalDigits")?;
    let fractional_digits = if fd.is_undefined() {
        None
    } else {
        let n = it.to_number(&fd)?;
        if n.is_nan() || !(0.0..=9.0).contains(&n) {
            return Err(it.range_error("fractionalDigits value is out of range."));
        }
        Some(n.floor() as usize)
    };
    make_service(
        it,
        a,
        IntlData::DurationFormat(Box::new(DurationFormatData {
            locale,
            locale_tag,
            numbering_system,
            style,
            units,
            fractional_digits,
        })),
    )
}

fn data_of(it: &mut Interp, v: &Value, m: &str) -> JsResult<DurationFormatData> {
    match intl_data(it, v, m) {
        Ok(IntlData::DurationFormat(d)) => Ok(*d),
        _ => {
            let receiver = super::iterator::describe(it, v);
            Err(it.type_error(format!(
                "Method {m} called on incompatible receiver {receiver}"
            )))
        }
    }
}

/// ToDurationRecord: the ten fields (read in alphabetical order), integers of one sign.
fn to_duration_record(it: &mut Interp, v: &Value) -> JsResult<[f64; 10]> {
    let o = match v {
        Value::Object(o) => o.clone(),
        Value::String(_) => {
            return Err(it.range_error("Invalid time value"));
        }
        _ => return Err(it.type_error("Invalid argument")),
    };
    let mut rec = [0.0; 10];
    let mut any = false;
    let mut names: Vec<(usize, &str)> = UNITS.iter().enumerate().map(|(i, u)| (i, u.0)).collect();
    names.sort_by_key(|(_, n)| *n);
    for (i, name) in names {
        let val = it.get(&o, &PropKey::from(name))?;
        if val.is_undefined() {
            continue;
        }
        any = true;
        let n = it.to_number(&val)?;
        if !n.is_finite() || n.trunc() != n {
            return Err(it.range_error(format!("Invalid duration value for {name}")));
        }
        rec[i] = n + 0.0;
    }
    if !any {
        return Err(it.type_error("Invalid argument"));
    }
    let pos = rec.iter().any(|&x| x > 0.0);
    let neg = rec.iter().any(|&x| x < 0.0);
    if pos && neg {
        let d = super::iterator::describe(it, v);
        return Err(it.range_error(format!("Invalid object : {d}")));
    }
    // Calendar units beyond 2^32, or a time total beyond 2^53 seconds, are invalid.
    if rec[..3].iter().any(|x| x.abs() >= 4294967296.0) {
        return Err(it.range_error("Invalid duration"));
    }
    // The time units' total in nanoseconds, exactly (the values are integers of one sign;
    // floating point would round `{seconds: 1e7, nanoseconds: 1}`'s total).
    const NANOS: [i128; 7] = [
        86_400_000_000_000,
        3_600_000_000_000,
        60_000_000_000,
        1_000_000_000,
        1_000_000,
        1_000,
        1,
    ];
    let mut total: Option<i128> = Some(0);
    for (x, n) in rec[3..].iter().zip(NANOS) {
        let x = x.abs();
        total = if x < 1e38 {
            total.and_then(|t| (x as i128).checked_mul(n).and_then(|v| t.checked_add(v)))
        } else {
            None
        };
    }
    // |normalized seconds| < 2^53.
    match total {
        Some(t) if t < (1i128 << 53) * 1_000_000_000 => Ok(rec),
        _ => Err(it.range_error("Invalid duration")),
    }
}

/// An exact decimal for `int` + `nanos`/10^9 (both of one sign), truncated to `max_frac`
/// digits.
fn decimal(int: f64, nanos: i128, max_frac: usize) -> NumValue {
    let neg = int < 0.0 || nanos < 0;
    let total: i128 = (int.abs() as i128) * 1_000_000_000 + nanos.abs();
    let mut digits: Vec<u8> = total.to_string().bytes().map(|b| b - b'0').collect();
    let mut point = digits.len() as i32 - 9;
    // Truncate to max_frac fraction digits.
    let keep = (point + max_frac as i32).max(0) as usize;
    digits.truncate(keep);
    while digits.first() == Some(&0) && !digits.is_empty() {
        digits.remove(0);
        point -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        point = 0;
    }
    NumValue::Finite(neg, Decimal { digits, point })
}

type Parts = Vec<(&'static str, String, Option<&'static str>)>;

fn number_parts(
    d: &DurationFormatData,
    unit: Option<&str>,
    display: &str,
    value: NumValue,
    rounding: Rounding,
    min_int: usize,
    sign: bool,
) -> Vec<(&'static str, String)> {
    let spec = NumberSpec {
        locale: d.locale.clone(),
        // The digital style's numbers are not grouped (`1234567:20:45`).
        grouping: if unit.is_some() {
            super::intl::Grouping::Auto
        } else {
            super::intl::Grouping::Off
        },
        style: if unit.is_some() { "unit" } else { "decimal" }.into(),
        unit: unit.map(String::from),
        unit_display: display.into(),
        rounding,
        min_int,
        sign_display: if sign { "auto" } else { "never" }.into(),
        ..NumberSpec::default()
    };
    format_to_parts(&spec, &value)
}

/// PartitionDurationFormatPattern: one group of parts per list element.
fn partition(d: &DurationFormatData, rec: &[f64; 10]) -> Vec<Parts> {
    let mut groups: Vec<Parts> = Vec::new();
    let mut sign_displayed = true;
    let negative = rec.iter().any(|&x| x < 0.0);
    let nanos_below = |from: usize| -> i128 {
        // Nanoseconds in the units after `from` (ms, us, ns).
        let mut n: i128 = 0;
        for (i, scale) in [(7, 1_000_000i128), (8, 1_000), (9, 1)] {
            if i > from {
                n += rec[i] as i128 * scale;
            }
        }
        n
    };
    let mut i = 0;
    while i < UNITS.len() {
        let (style, display) = &d.units[i];
        let value = rec[i];
        if matches!(style.as_str(), "numeric" | "2-digit") {
            groups.push(numeric_units(d, rec, i, &mut sign_displayed, negative));
            break;
        }
        let singular = UNITS[i].1;
        let next_fractional = (6..9).contains(&i) && d.units[i + 1].0 == "fractional";
        let (num, rounding, done) = if next_fractional {
            let scale = match i {
                6 => 1_i128,
                7 => 1_000,
                _ => 1_000_000,
            };
            let below = nanos_below(i) * scale;
            let (mn, mx) = match d.fractional_digits {
                Some(f) => (f, f),
                None => (0, 9),
            };
            let v = decimal(value, below, mx);
            (v, Rounding::Fraction(mn, mx), true)
        } else {
            (decimal(value, 0, 0), Rounding::Fraction(0, 0), false)
        };
        let is_zero = matches!(&num, NumValue::Finite(_, dd) if dd.digits.is_empty());
        if display == "always" || !is_zero {
            let mut v = num;
            let show_sign = if sign_displayed {
                sign_displayed = false;
                if is_zero && negative {
                    if let NumValue::Finite(n, _) = &mut v {
                        *n = true;
                    }
                }
                true
            } else {
                false
            };
            let parts = number_parts(d, Some(singular), style, v, rounding, 1, show_sign);
            groups.push(
                parts
                    .into_iter()
                    .map(|(t, s)| (t, s, Some(singular)))
                    .collect(),
            );
        }
        if done {
            break;
        }
        i += 1;
    }
    groups
}

fn separator(locale: &str) -> &'static str {
    let find = |l: &str| {
        crate::intl_duration_separators::DURATION_SEPARATORS
            .split('\n')
            .find_map(|line| {
                let (k, v) = line.split_once('\t')?;
                (k == l).then_some(v)
            })
    };
    let mut tag = locale;
    loop {
        if let Some(s) = find(tag) {
            return s;
        }
        match tag.rfind('-') {
            Some(i) => tag = &tag[..i],
            None => return ":",
        }
    }
}

/// FormatNumericUnits: `h:mm:ss.fff` from the first numeric unit on.
fn numeric_units(
    d: &DurationFormatData,
    rec: &[f64; 10],
    first: usize,
    sign_displayed: &mut bool,
    negative: bool,
) -> Parts {
    let (hours_v, minutes_v, seconds_v) = (rec[4], rec[5], rec[6]);
    let sub: i128 = rec[7] as i128 * 1_000_000 + rec[8] as i128 * 1_000 + rec[9] as i128;
    let display = |i: usize| d.units[i].1.as_str();
    let fractional = d.units[7].0 == "fractional";
    let hours_formatted = first == 4 && (hours_v != 0.0 || display(4) == "always");
    let seconds_formatted = seconds_v != 0.0 || display(6) == "always" || (fractional && sub != 0);
    let minutes_formatted = (first == 4 || first == 5)
        && ((hours_formatted && seconds_formatted) || minutes_v != 0.0 || display(5) == "always");
    let mut out: Parts = Vec::new();
    let mut need_sep = false;
    let sep = separator(&d.locale);
    let push_number =
        |out: &mut Parts, i: usize, v: NumValue, rounding: Rounding, sign_displayed: &mut bool| {
            let two = d.units[i].0 == "2-digit";
            let sign = if *sign_displayed {
                *sign_displayed = false;
                true
            } else {
                false
            };
            let mut v = v;
            if sign && negative {
                if let NumValue::Finite(n, _) = &mut v {
                    *n = true;
                }
            }
            let parts = number_parts(d, None, "short", v, rounding, if two { 2 } else { 1 }, sign);
            let unit = UNITS[i].1;
            out.extend(parts.into_iter().map(|(t, s)| (t, s, Some(unit))));
        };
    if hours_formatted {
        push_number(
            &mut out,
            4,
            decimal(hours_v, 0, 0),
            Rounding::Fraction(0, 0),
            sign_displayed,
        );
        need_sep = true;
    }
    if minutes_formatted {
        if need_sep {
            out.push(("literal", sep.into(), None));
        }
        push_number(
            &mut out,
            5,
            decimal(minutes_v, 0, 0),
            Rounding::Fraction(0, 0),
            sign_displayed,
        );
        need_sep = true;
    }
    if seconds_formatted {
        if need_sep {
            out.push(("literal", sep.into(), None));
        }
        let (v, r) = if fractional {
            let (mn, mx) = match d.fractional_digits {
                Some(f) => (f, f),
                None => (0, 9),
            };
            (decimal(seconds_v, sub, mx), Rounding::Fraction(mn, mx))
        } else {
            (decimal(seconds_v, 0, 0), Rounding::Fraction(0, 0))
        };
        push_number(&mut out, 6, v, r, sign_displayed);
    }
    out
}

/// Joins the groups with the locale's unit list pattern, keeping the groups' parts.
fn list_parts(d: &DurationFormatData, groups: Vec<Parts>) -> Parts {
    let style = match d.style.as_str() {
        "long" => 0,
        "narrow" => 2,
        _ => 1,
    };
    let mut out: Parts = Vec::new();
    let n = groups.len();
    let mut groups: Vec<Option<Parts>> = groups.into_iter().map(Some).collect();
    for piece in super::intl_list_format::list_layout(&d.locale, 2, style, n) {
        match piece {
            Ok(i) => {
                if let Some(g) = groups.get_mut(i).and_then(Option::take) {
                    out.extend(g);
                }
            }
            Err(lit) => out.push(("literal", lit, None)),
        }
    }
    out
}

fn format_parts(it: &mut Interp, a: &Args, m: &str) -> JsResult<Parts> {
    let d = data_of(it, a.this, m)?;
    let rec = to_duration_record(it, &a.get(0))?;
    let groups = partition(&d, &rec);
    let mut parts = list_parts(&d, groups);
    transliterate(&d, &mut parts);
    Ok(parts)
}

/// Whether `nu` is one of `Intl.supportedValuesOf('numberingSystem')`.
fn is_numbering_system(nu: &str) -> bool {
    crate::intl_supported_values::SUPPORTED_VALUES
        .split('\n')
        .find(|l| l.starts_with("numberingSystem\t"))
        .is_some_and(|l| l.split(['\t', ' ']).skip(1).any(|v| v == nu))
}

/// Rewrites the number parts in the chosen numbering system's digits and decimal sign when it
/// is not the locale's own (the unit tables and NumberFormat use the locale's digits).
fn transliterate(d: &DurationFormatData, parts: &mut Parts) {
    if d.numbering_system == super::intl_locale::default_numbering_system(&d.locale) {
        return;
    }
    let from = super::intl_icu::number_symbols(&d.locale);
    let nu = &d.numbering_system;
    let to = super::intl_icu::number_symbols(&format!("{}-u-nu-{nu}", d.locale));
    // ICU looks the system's symbols up the locale's parent chain to root before it takes the
    // locale's own: root defines `arab` symbols (`٬`, `؜-`), so en in `arab` uses them, while
    // de in `deva` keeps de's. ICU4X falls back to the locale's own at once.
    let sym =
        |s: &super::intl_icu::NumberSymbols| (s.group.clone(), s.decimal.clone(), s.minus.clone());
    let (group, decimal, minus) = {
        let own = sym(&from);
        // ICU4X's `und` has no `arab` symbols; ar's are root's (CLDR).
        let root_source = if nu == "arab" {
            "ar-u-nu-arab".to_string()
        } else {
            format!("und-u-nu-{nu}")
        };
        let root = sym(&super::intl_icu::number_symbols(&root_source));
        if sym(&to) == own && root != sym(&super::intl_icu::number_symbols("und")) {
            root
        } else {
            sym(&to)
        }
    };
    let mut out: Parts = Vec::with_capacity(parts.len());
    for (ty, text, unit) in parts.drain(..) {
        match ty {
            "integer" | "fraction" => {
                let text = text
                    .chars()
                    .map(|c| {
                        from.digits
                            .iter()
                            .position(|&x| x == c)
                            .map_or(c, |i| to.digits[i])
                    })
                    .collect();
                out.push((ty, text, unit));
            }
            "decimal" => out.push((ty, decimal.clone(), unit)),
            "group" => out.push((ty, group.clone(), unit)),
            "minusSign" => {
                // A sign that starts with bidi marks (arab `؜-`) reports them as a literal.
                let sign = minus.trim_start_matches(['\u{200e}', '\u{200f}', '\u{61c}']);
                let marks = &minus[..minus.len() - sign.len()];
                if !marks.is_empty() {
                    out.push(("literal", marks.to_string(), unit));
                }
                out.push((ty, sign.to_string(), unit));
            }
            _ => out.push((ty, text, unit)),
        }
    }
    *parts = out;
}

fn format(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let parts = format_parts(it, a, "Intl.DurationFormat.prototype.format")?;
    let s: String = parts.into_iter().map(|(_, s, _)| s).collect();
    Ok(Value::from(s.as_str()))
}

fn format_to_parts_js(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let parts = format_parts(it, a, "Intl.DurationFormat.prototype.formatToParts")?;
    let items: Vec<Value> = parts
        .into_iter()
        .map(|(ty, s, unit)| {
            let o = it.new_object();
            o.define("type", Value::from(ty), Attrs::DEFAULT);
            o.define("value", Value::from(s.as_str()), Attrs::DEFAULT);
            if let Some(u) = unit {
                o.define("unit", Value::from(u), Attrs::DEFAULT);
            }
            Value::Object(o)
        })
        .collect();
    Ok(Value::Object(it.new_array(items)))
}

fn resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let d = data_of(it, a.this, "Intl.DurationFormat.prototype.resolvedOptions")?;
    let o = it.new_object();
    let put = |k: &str, v: Value| o.define(k, v, Attrs::DEFAULT);
    put("locale", Value::from(d.locale_tag.as_str()));
    put("numberingSystem", Value::from(d.numbering_system.as_str()));
    put("style", Value::from(d.style.as_str()));
    for (i, (unit, _)) in UNITS.iter().enumerate() {
        let (s, disp) = &d.units[i];
        let s = if s == "fractional" { "numeric" } else { s };
        put(unit, Value::from(s));
        put(&format!("{unit}Display"), Value::from(disp.as_str()));
    }
    if let Some(f) = d.fractional_digits {
        put("fractionalDigits", Value::from(f as f64));
    }
    Ok(Value::Object(o))
}

/// Defines `Intl.DurationFormat`.
pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, p) = super::intl::make_class(it, intl, "DurationFormat", ctor, 0);
    it.define_method(&p, "resolvedOptions", 0, resolved_options);
    it.define_method(&p, "format", 1, format);
    it.define_method(&p, "formatToParts", 1, format_to_parts_js);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_decimals() {
        let NumValue::Finite(neg, d) = decimal(7.0, 8_009_010, 9) else {
            panic!()
        };
        assert!(!neg);
        assert_eq!((d.digits, d.point), (vec![7, 0, 0, 8, 0, 0, 9, 0, 1], 1));
        let NumValue::Finite(_, d) = decimal(1.0, 5_000_000, 2) else {
            panic!()
        };
        assert_eq!((d.digits, d.point), (vec![1], 1));
        assert_eq!(separator("fi-FI"), ".");
        assert_eq!(separator("en"), ":");
    }
}
