//! `Intl.NumberFormat.prototype.formatRange` / `formatRangeToParts` and
//! `Intl.PluralRules.prototype.selectRange` (ECMA-402 §16.5.19-21, §17.3.5).
//!
//! A range is laid out as ICU's `NumberRangeFormatterImpl` does it with V8's settings
//! (collapse `auto`, identity fallback `approximately`): each side's parts split into ICU's
//! three modifier layers — outer (a unit or currency long name), middle (sign, currency sign,
//! percent sign, compact affix) and inner (the exponent) — around the digits; the outer layer
//! is shared when both sides have the same unit, the middle one when it is the same and longer
//! than one code point; spaces go around the range sign when any layer is repeated. The range
//! sign, approximately sign and NaN symbol per locale come from the reference Node
//! (`intl_number_range.rs`, generated).

use super::intl::{
    format_number, format_to_parts_approx, intl_data, nf_spec, push, to_num_value, IntlData,
    NumValue, NumberSpec, Parts,
};
use crate::interp::{Args, Interp, JsResult};
use crate::object::Obj;
use crate::value::Value;

/// A locale's row of the generated table.
pub(crate) struct RangeSymbols {
    /// The range pattern's middle (`–`, es `-`, pt-PT ` - `, ja `～`).
    pub range: &'static str,
    pub approximately: &'static str,
    pub nan: &'static str,
    pub exponent: &'static str,
    pub exponent_minus: &'static str,
}

/// The row of `locale`, else of its language, else `en`'s.
pub(crate) fn symbols(locale: &str) -> RangeSymbols {
    let base = locale.split("-u-").next().unwrap_or(locale);
    let find = |l: &str| {
        crate::intl_number_range::NUMBER_RANGE
            .split('\n')
            .find_map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                (f.len() == 6 && f[0] == l).then(|| RangeSymbols {
                    range: f[1],
                    approximately: f[2],
                    nan: f[3],
                    exponent: f[4],
                    exponent_minus: f[5],
                })
            })
    };
    let mut tag = base;
    loop {
        if let Some(r) = find(tag) {
            return r;
        }
        match tag.rfind('-') {
            Some(i) => tag = &tag[..i],
            None => break,
        }
    }
    RangeSymbols {
        range: "–",
        approximately: "~",
        nan: "NaN",
        exponent: "E",
        exponent_minus: "-",
    }
}

/// The NaN symbol of `locale` (zh-TW `非數值`).
pub(crate) fn nan_symbol(locale: &str) -> &'static str {
    symbols(locale).nan
}

fn is_core(ty: &str) -> bool {
    matches!(
        ty,
        "integer" | "group" | "decimal" | "fraction" | "nan" | "infinity"
    )
}

fn is_inner(ty: &str) -> bool {
    ty.starts_with("exponent")
}

/// A part of ICU's middle modifier (with a long name, the currency is the outer one).
fn is_middle(ty: &str, long_name: bool) -> bool {
    matches!(
        ty,
        "minusSign" | "plusSign" | "approximatelySign" | "compact" | "percentSign"
    ) || (ty == "currency" && !long_name)
}

/// One side of a range in ICU's modifier layers.
#[derive(Default)]
struct Layers {
    outer_pre: Parts,
    middle_pre: Parts,
    core: Parts,
    inner: Parts,
    middle_post: Parts,
    outer_post: Parts,
}

fn text(p: &[(&'static str, String)]) -> String {
    p.iter().map(|(_, s)| s.as_str()).collect()
}

fn layers(spec: &NumberSpec, parts: Parts) -> Layers {
    let first = parts.iter().position(|(t, _)| is_core(t));
    let last = parts.iter().rposition(|(t, _)| is_core(t) || is_inner(t));
    let (Some(first), Some(last)) = (first, last) else {
        // No digits (fr `mille`): all of it is the compact pattern.
        return Layers {
            middle_pre: parts,
            ..Layers::default()
        };
    };
    let mut before = parts[..first].to_vec();
    let number = parts[first..=last].to_vec();
    let mut after = parts[last + 1..].to_vec();
    let (core, inner): (Parts, Parts) = number.into_iter().partition(|(t, _)| !is_inner(t));
    let long_name =
        spec.style == "unit" || (spec.style == "currency" && spec.currency_display == "name");
    if !long_name {
        return Layers {
            middle_pre: before,
            core,
            inner,
            middle_post: after,
            ..Layers::default()
        };
    }
    // The middle layer: the sign or compact parts next to the number (with the literals
    // between them and the number); the rest is the unit's pattern.
    let split_before = before
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, (t, _))| is_middle(t, true) || *t == "literal")
        .filter(|(_, (t, _))| is_middle(t, true))
        .map(|(i, _)| i)
        .last()
        .unwrap_or(before.len());
    // Bidi marks before the sign belong to it (he `‎-`).
    let is_marks = |p: &(&str, String)| {
        p.0 == "literal"
            && p.1
                .chars()
                .all(|c| matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}'))
    };
    let split_before =
        if split_before > 0 && split_before < before.len() && is_marks(&before[split_before - 1]) {
            split_before - 1
        } else {
            split_before
        };
    let middle_pre = before.split_off(split_before);
    let split_after = after
        .iter()
        .enumerate()
        .take_while(|(_, (t, _))| is_middle(t, true) || *t == "literal")
        .filter(|(_, (t, _))| is_middle(t, true))
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(0);
    let outer_post = after.split_off(split_after);
    Layers {
        outer_pre: before,
        middle_pre,
        core,
        inner,
        middle_post: after,
        outer_post,
    }
}

type SourcedParts = Vec<(&'static str, String, &'static str)>;

fn add(out: &mut SourcedParts, parts: &[(&'static str, String)], source: &'static str) {
    out.extend(parts.iter().map(|(t, s)| (*t, s.clone(), source)));
}

/// PartitionNumberRangePattern.
fn range_parts(spec: &NumberSpec, x: &NumValue, y: &NumValue) -> SourcedParts {
    let RangeSymbols {
        range: middle,
        approximately: approx,
        ..
    } = symbols(&spec.locale);
    let mut out = SourcedParts::new();
    // ICU's identity check compares the rounded values with their signs; with the sign
    // displays that hide zero's sign, an input -0 counts as 0 (V8).
    let mut signed = spec.clone();
    signed.sign_display = "always".into();
    let unsign_zero = |v: &NumValue| match v {
        NumValue::Finite(true, d)
            if d.digits.is_empty()
                && matches!(
                    spec.sign_display.as_str(),
                    "exceptZero" | "negative" | "never"
                ) =>
        {
            NumValue::Finite(false, d.clone())
        }
        other => other.clone(),
    };
    if format_number(&signed, &unsign_zero(x)) == format_number(&signed, &unsign_zero(y)) {
        add(
            &mut out,
            &format_to_parts_approx(spec, x, Some(approx), None),
            "shared",
        );
        return out;
    }
    // A long name takes the plural form of the range (CLDR's plural ranges: `1–5 km`).
    let plural = |v: &NumValue| {
        let plain = format_number(&plain_spec(spec), v);
        super::intl_icu::plural_category(&spec.locale, false, &plain)
    };
    let category = range_category(&spec.locale, plural(x), plural(y));
    let a = layers(spec, format_to_parts_approx(spec, x, None, Some(category)));
    let b = layers(spec, format_to_parts_approx(spec, y, None, Some(category)));
    let long_name =
        spec.style == "unit" || (spec.style == "currency" && spec.currency_display == "name");
    let collapse_outer = long_name
        || (text(&a.outer_pre) == text(&b.outer_pre) && text(&a.outer_post) == text(&b.outer_post));
    let mid = |l: &Layers| format!("{}{}", text(&l.middle_pre), text(&l.middle_post));
    let collapse_middle = collapse_outer && mid(&a) == mid(&b) && mid(&a).chars().count() > 1;
    let outer_len = text(&a.outer_pre).chars().count() + text(&a.outer_post).chars().count();
    let repeat = !a.inner.is_empty()
        || (!collapse_middle && !mid(&a).is_empty())
        || (!collapse_outer && outer_len > 0);
    let mut sep = middle.to_string();
    if repeat {
        if !sep.starts_with(char::is_whitespace) {
            sep.insert(0, ' ');
        }
        if !sep.ends_with(char::is_whitespace) {
            sep.push(' ');
        }
    }
    let mut sep_parts = Parts::new();
    push(&mut sep_parts, "literal", sep);
    if collapse_outer {
        add(&mut out, &b.outer_pre, "shared");
    } else {
        add(&mut out, &a.outer_pre, "startRange");
    }
    if collapse_middle {
        add(&mut out, &b.middle_pre, "shared");
    } else {
        add(&mut out, &a.middle_pre, "startRange");
    }
    add(&mut out, &a.core, "startRange");
    add(&mut out, &a.inner, "startRange");
    if !collapse_middle {
        add(&mut out, &a.middle_post, "startRange");
    }
    if !collapse_outer {
        add(&mut out, &a.outer_post, "startRange");
    }
    add(&mut out, &sep_parts, "shared");
    if !collapse_outer {
        add(&mut out, &b.outer_pre, "endRange");
    }
    if !collapse_middle {
        add(&mut out, &b.middle_pre, "endRange");
    }
    add(&mut out, &b.core, "endRange");
    add(&mut out, &b.inner, "endRange");
    if collapse_middle {
        add(&mut out, &b.middle_post, "shared");
    } else {
        add(&mut out, &b.middle_post, "endRange");
    }
    if collapse_outer {
        add(&mut out, &b.outer_post, "shared");
    } else {
        add(&mut out, &b.outer_post, "endRange");
    }
    // Adjacent literals of one source merge, as ICU reports them.
    let mut merged = SourcedParts::new();
    for p in out {
        match merged.last_mut() {
            Some(l) if l.0 == "literal" && p.0 == "literal" && l.2 == p.2 => l.1.push_str(&p.1),
            _ => merged.push(p),
        }
    }
    merged
}

/// The spec formatting a number's plural operand: its digits, unsigned, plain.
fn plain_spec(spec: &NumberSpec) -> NumberSpec {
    NumberSpec {
        locale: "en-US".into(),
        grouping: super::intl::Grouping::Off,
        sign_display: "never".into(),
        min_int: spec.min_int,
        rounding: spec.rounding,
        rounding_increment: spec.rounding_increment,
        rounding_mode: spec.rounding_mode,
        strip_if_integer: spec.strip_if_integer,
        ..NumberSpec::default()
    }
}

/// The two ends of a range, checked as the spec's PartitionNumberRangePattern asks.
fn range_args(it: &mut Interp, a: &Args) -> JsResult<(NumValue, NumValue)> {
    let (start, end) = (a.get(0), a.get(1));
    if start.is_undefined() {
        return Err(it.type_error("Invalid start : undefined"));
    }
    if end.is_undefined() {
        return Err(it.type_error("Invalid end : undefined"));
    }
    let x = to_num_value(it, &start)?;
    let y = to_num_value(it, &end)?;
    // V8 names the argument as given (`Invalid start : abc`).
    for (v, arg, name) in [(&x, &start, "start"), (&y, &end, "end")] {
        if matches!(v, NumValue::NaN) {
            let shown = match arg {
                Value::String(s) => s.to_rust_string(),
                _ => "NaN".into(),
            };
            return Err(it.range_error(format!("Invalid {name} : {shown}")));
        }
    }
    Ok((x, y))
}

fn nf_format_range(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = nf_spec(it, a.this, "Intl.NumberFormat.prototype.formatRange")?;
    let (x, y) = range_args(it, a)?;
    let s: String = range_parts(&spec, &x, &y)
        .into_iter()
        .map(|(_, s, _)| s)
        .collect();
    Ok(Value::from(s.as_str()))
}

fn nf_format_range_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = nf_spec(it, a.this, "Intl.NumberFormat.prototype.formatRangeToParts")?;
    let (x, y) = range_args(it, a)?;
    let parts = range_parts(&spec, &x, &y);
    Ok(super::intl::sourced_parts_to_array(it, parts))
}

/// Installs `formatRange` and `formatRangeToParts` on `Intl.NumberFormat.prototype`.
pub(crate) fn init_number_format(it: &mut Interp, proto: &Obj) {
    it.define_method(proto, "formatRange", 2, nf_format_range);
    it.define_method(proto, "formatRangeToParts", 2, nf_format_range_to_parts);
}

/// The plural category of a range: CLDR's plural ranges as ICU resolves them (a pair CLDR
/// does not list is `other`, where ICU4X's `resolve_range` falls back to the end's category;
/// generated from the reference Node, `intl_number_range.rs`).
pub(crate) fn range_category(locale: &str, start: &str, end: &str) -> &'static str {
    let base = locale.split("-u-").next().unwrap_or(locale);
    let lang = base.split('-').next().unwrap_or(base);
    let row = |l: &str| {
        crate::intl_number_range::PLURAL_RANGES
            .split('\n')
            .find_map(|line| line.strip_prefix(l)?.strip_prefix('\t'))
    };
    let Some(pairs) = row(base).or_else(|| row(lang)) else {
        return "other";
    };
    let key = format!("{start}+{end}=");
    pairs
        .split(' ')
        .find_map(|p| p.strip_prefix(key.as_str()))
        .and_then(|c| {
            ["zero", "one", "two", "few", "many", "other"]
                .into_iter()
                .find(|k| *k == c)
        })
        .unwrap_or("other")
}

/// `Intl.PluralRules.prototype.selectRange(start, end)`.
fn pr_select_range(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Plural {
        locale,
        ordinal,
        digits,
        ..
    } = intl_data(it, a.this, "Intl.PluralRules.prototype.selectRange")?
    else {
        return Err(it.type_error(
            "Method Intl.PluralRules.prototype.selectRange called on incompatible receiver",
        ));
    };
    let (start, end) = (a.get(0), a.get(1));
    if start.is_undefined() {
        return Err(it.type_error("Invalid startRange : undefined"));
    }
    if end.is_undefined() {
        return Err(it.type_error("Invalid endRange : undefined"));
    }
    let x = it.to_number(&start)?;
    let y = it.to_number(&end)?;
    if x.is_nan() {
        return Err(it.range_error("Invalid startRange : NaN"));
    }
    if y.is_nan() {
        return Err(it.range_error("Invalid endRange : NaN"));
    }
    let category = |n: f64| {
        let s = format_number(&digits, &NumValue::from_f64(n));
        super::intl_icu::plural_category(&locale, ordinal, &s)
    };
    let (cx, cy) = (category(x), category(y));
    if ordinal {
        return Ok(Value::from(cy));
    }
    Ok(Value::from(range_category(&locale, cx, cy)))
}

/// Installs `selectRange` on `Intl.PluralRules.prototype`.
pub(crate) fn init_plural_rules(it: &mut Interp, proto: &Obj) {
    it.define_method(proto, "selectRange", 2, pr_select_range);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(locale: &str, f: impl FnOnce(&mut NumberSpec), x: f64, y: f64) -> String {
        let mut s = NumberSpec {
            locale: locale.into(),
            ..NumberSpec::default()
        };
        f(&mut s);
        range_parts(&s, &NumValue::from_f64(x), &NumValue::from_f64(y))
            .into_iter()
            .map(|(_, s, _)| s)
            .collect()
    }

    #[test]
    fn collapse_and_spacing() {
        assert_eq!(range("en", |_| {}, 3.0, 5.0), "3–5");
        assert_eq!(range("en", |_| {}, -5.0, -3.0), "-5 – -3");
        assert_eq!(range("en", |_| {}, 1.0, 1.0), "~1");
        let cur = |s: &mut NumberSpec| {
            s.style = "currency".into();
            s.currency = Some("EUR".into());
            s.rounding = super::super::intl::Rounding::Fraction(2, 2);
        };
        assert_eq!(range("en", cur, 3.0, 5.0), "€3.00 – €5.00");
        assert_eq!(range("de", cur, 3.0, 5.0), "3,00–5,00\u{a0}€");
    }
}
