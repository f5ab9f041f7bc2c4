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
    format_number, format_to_parts, format_to_parts_approx, intl_data, nf_spec, push, to_num_value,
    IntlData, NumValue, NumberSpec, Parts,
};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj};
use crate::value::Value;

/// A locale's row of the generated table: (range middle, approximately sign, NaN).
fn row(locale: &str) -> (&'static str, &'static str, &'static str) {
    let base = locale.split("-u-").next().unwrap_or(locale);
    let find = |l: &str| {
        crate::intl_number_range::NUMBER_RANGE
            .split('\n')
            .find_map(|line| {
                let mut f = line.split('\t');
                (f.next() == Some(l)).then(|| (f.next(), f.next(), f.next()))
            })
            .and_then(|(a, b, c)| Some((a?, b?, c?)))
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
    ("–", "~", "NaN")
}

/// The NaN symbol of `locale` (zh-TW `非數值`).
pub(crate) fn nan_symbol(locale: &str) -> &'static str {
    row(locale).2
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

fn is_middle(ty: &str) -> bool {
    matches!(
        ty,
        "minusSign" | "plusSign" | "approximatelySign" | "compact" | "currency" | "percentSign"
    )
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
        return Layers {
            core: parts,
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
        .take_while(|(_, (t, _))| is_middle(t) || *t == "literal")
        .filter(|(_, (t, _))| is_middle(t))
        .map(|(i, _)| i)
        .last()
        .unwrap_or(before.len());
    let middle_pre = before.split_off(split_before);
    let split_after = after
        .iter()
        .enumerate()
        .take_while(|(_, (t, _))| is_middle(t) || *t == "literal")
        .filter(|(_, (t, _))| is_middle(t))
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
    let (middle, approx, _) = row(&spec.locale);
    let mut out = SourcedParts::new();
    if format_number(spec, x) == format_number(spec, y) {
        add(
            &mut out,
            &format_to_parts_approx(spec, x, Some(approx)),
            "shared",
        );
        return out;
    }
    let a = layers(spec, format_to_parts(spec, x));
    let b = layers(spec, format_to_parts(spec, y));
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
    if matches!(x, NumValue::NaN) {
        return Err(it.range_error("Invalid start : NaN"));
    }
    if matches!(y, NumValue::NaN) {
        return Err(it.range_error("Invalid end : NaN"));
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
    let items: Vec<Value> = range_parts(&spec, &x, &y)
        .into_iter()
        .map(|(ty, s, source)| {
            let o = it.new_object();
            o.define("type", Value::from(ty), Attrs::DEFAULT);
            o.define("value", Value::from(s.as_str()), Attrs::DEFAULT);
            o.define("source", Value::from(source), Attrs::DEFAULT);
            Value::Object(o)
        })
        .collect();
    Ok(Value::Object(it.new_array(items)))
}

/// Installs `formatRange` and `formatRangeToParts` on `Intl.NumberFormat.prototype`.
pub(crate) fn init_number_format(it: &mut Interp, proto: &Obj) {
    it.define_method(proto, "formatRange", 2, nf_format_range);
    it.define_method(proto, "formatRangeToParts", 2, nf_format_range_to_parts);
}

/// The plural category of a range (CLDR's plural ranges through ICU4X).
fn range_category(locale: &str, start: &'static str, end: &'static str) -> &'static str {
    use icu_plurals::{PluralCategory as C, PluralRulesWithRanges};
    let cat = |s: &str| match s {
        "zero" => C::Zero,
        "one" => C::One,
        "two" => C::Two,
        "few" => C::Few,
        "many" => C::Many,
        _ => C::Other,
    };
    let loc = icu_locale_core::Locale::try_from_str(locale.split("-u-").next().unwrap_or(locale))
        .unwrap_or(icu_locale_core::Locale::UNKNOWN);
    let Ok(r) = PluralRulesWithRanges::try_new(loc.into(), Default::default()) else {
        return end;
    };
    match r.resolve_range(cat(start), cat(end)) {
        C::Zero => "zero",
        C::One => "one",
        C::Two => "two",
        C::Few => "few",
        C::Many => "many",
        C::Other => "other",
    }
}

/// `Intl.PluralRules.prototype.selectRange(start, end)`.
fn pr_select_range(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Plural {
        locale,
        ordinal,
        digits,
    } = intl_data(it, a.this, "Intl.PluralRules.prototype.selectRange")?
    else {
        return Err(it.type_error(
            "Method Intl.PluralRules.prototype.selectRange called on incompatible receiver",
        ));
    };
    let (start, end) = (a.get(0), a.get(1));
    if start.is_undefined() || end.is_undefined() {
        return Err(it.type_error("start or end is undefined"));
    }
    let x = it.to_number(&start)?;
    let y = it.to_number(&end)?;
    if x.is_nan() || y.is_nan() {
        return Err(it.range_error("Invalid start : NaN"));
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
