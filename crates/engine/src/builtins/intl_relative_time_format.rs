//! `Intl.RelativeTimeFormat` (ECMA-402 §17) on ICU4X's relative-time data
//! (`icu_experimental::relativetime`, CLDR's `relativeTime` patterns and `relative` words such
//! as "yesterday"), every locale. Option reading and the number (rounded as
//! `Intl.NumberFormat`'s defaults round it, at most three fraction digits) are JavaScript's
//! own; the formatter per (locale, style, unit, numeric) is built on first use and cached per
//! thread.

use std::cell::RefCell;
use std::rc::Rc;

use fixed_decimal::{Decimal, Sign};
use icu_experimental::relativetime::options::Numeric;
use icu_experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu_locale_core::Locale;
use rustc_hash::FxHashMap;
use writeable::Writeable;

use super::intl::{
    format_number, intl_data, make_service, options_object, str_opt, IntlData, NumValue, NumberSpec,
};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj};
use crate::value::Value;

const RTF: &str = "Intl.RelativeTimeFormat";

/// The resolved options of an `Intl.RelativeTimeFormat`.
#[derive(Debug, Clone)]
pub struct RelativeSpec {
    pub locale: String,
    pub numeric_auto: bool,
    /// "long", "short" or "narrow".
    pub style: String,
    /// An explicit numbering system (`numberingSystem`, `-u-nu-`).
    pub numbering_system: Option<String>,
}

/// The singular unit of a `unit` argument (`"days"` → `"day"`), if it is one.
fn singular_unit(unit: &str) -> Option<&'static str> {
    let u = unit.strip_suffix('s').unwrap_or(unit);
    [
        "second", "minute", "hour", "day", "week", "month", "quarter", "year",
    ]
    .into_iter()
    .find(|x| *x == u)
}

type Key = (String, String, &'static str, bool);

thread_local! {
    static FORMATTERS: RefCell<FxHashMap<Key, Option<Rc<RelativeTimeFormatter>>>> =
        RefCell::default();
}

fn build(locale: &str, style: &str, unit: &str, auto: bool) -> Option<RelativeTimeFormatter> {
    let loc = Locale::try_from_str(locale).unwrap_or(Locale::UNKNOWN);
    let prefs = (&loc).into();
    let opts = RelativeTimeFormatterOptions::default().with_numeric(if auto {
        Numeric::Auto
    } else {
        Numeric::Always
    });
    macro_rules! pick {
        ($($s:literal, $u:literal => $f:ident),* $(,)?) => {
            match (style, unit) {
                $(($s, $u) => RelativeTimeFormatter::$f(prefs, opts).ok(),)*
                _ => None,
            }
        };
    }
    pick!(
        "long", "second" => try_new_long_second,
        "long", "minute" => try_new_long_minute,
        "long", "hour" => try_new_long_hour,
        "long", "day" => try_new_long_day,
        "long", "week" => try_new_long_week,
        "long", "month" => try_new_long_month,
        "long", "quarter" => try_new_long_quarter,
        "long", "year" => try_new_long_year,
        "short", "second" => try_new_short_second,
        "short", "minute" => try_new_short_minute,
        "short", "hour" => try_new_short_hour,
        "short", "day" => try_new_short_day,
        "short", "week" => try_new_short_week,
        "short", "month" => try_new_short_month,
        "short", "quarter" => try_new_short_quarter,
        "short", "year" => try_new_short_year,
        "narrow", "second" => try_new_narrow_second,
        "narrow", "minute" => try_new_narrow_minute,
        "narrow", "hour" => try_new_narrow_hour,
        "narrow", "day" => try_new_narrow_day,
        "narrow", "week" => try_new_narrow_week,
        "narrow", "month" => try_new_narrow_month,
        "narrow", "quarter" => try_new_narrow_quarter,
        "narrow", "year" => try_new_narrow_year,
    )
}

fn formatter(spec: &RelativeSpec, unit: &'static str) -> Option<Rc<RelativeTimeFormatter>> {
    let key = (
        spec.locale.clone(),
        spec.style.clone(),
        unit,
        spec.numeric_auto,
    );
    FORMATTERS.with(|m| {
        m.borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                // ICU4X takes the numbering system from the locale's `-u-nu-`.
                let data_locale = match &spec.numbering_system {
                    Some(n) if !spec.locale.contains("-u-nu-") => {
                        format!("{}-u-nu-{n}", spec.locale)
                    }
                    _ => spec.locale.clone(),
                };
                build(&data_locale, &spec.style, unit, spec.numeric_auto).map(Rc::new)
            })
            .clone()
    })
}

use super::intl_icu::PartsCollector as Collector;

/// A part: type, text and whether it belongs to the number (then it carries the unit).
type Parts = Vec<(&'static str, String, bool)>;

/// PartitionRelativeTimePattern: the parts of `value` `unit`s, or `None` for a unit that is
/// not one.
pub fn relative_parts(
    spec: &RelativeSpec,
    value: f64,
    unit: &str,
) -> Option<(Parts, &'static str)> {
    let unit = singular_unit(unit)?;
    let f = formatter(spec, unit)?;
    let negative = value < 0.0 || (value == 0.0 && value.is_sign_negative());
    // The number as Intl.NumberFormat's defaults round it; -0 is "0 days ago" when numeric,
    // "today" with numeric: "auto" (ICU compares the value to 0).
    let digits = NumberSpec {
        locale: "en-US".into(),
        grouping: super::intl::Grouping::Off,
        ..NumberSpec::default()
    };
    let text = format_number(&digits, &NumValue::from_f64(value.abs()));
    let mut d = Decimal::try_from_str(&text).ok()?;
    if negative && !(spec.numeric_auto && value == 0.0) {
        d = d.with_sign(Sign::Negative);
    }
    let mut c = Collector::default();
    f.format(d).write_to_parts(&mut c).ok()?;
    // Number parts: the innermost of ICU4X's decimal parts at each character (an integer
    // around a group separator is two integer parts, as in ICU); the rest is literal text.
    let kind = |i: usize| -> &'static str {
        c.spans
            .iter()
            .filter(|(a, b, p)| p.category == "decimal" && *a <= i && i < *b)
            .min_by_key(|(a, b, _)| b - a)
            .map_or("literal", |(_, _, p)| match p.value {
                "integer" => "integer",
                "group" => "group",
                "decimal" => "decimal",
                "fraction" => "fraction",
                "minusSign" => "minusSign",
                "plusSign" => "plusSign",
                _ => "literal",
            })
    };
    let mut parts: Parts = Vec::new();
    let mut prev: Option<(&'static str, usize)> = None;
    for (i, ch) in c.out.char_indices() {
        let k = kind(i);
        match (prev, parts.last_mut()) {
            (Some((pk, _)), Some(last)) if pk == k => last.1.push(ch),
            _ => parts.push((k, ch.to_string(), k != "literal")),
        }
        prev = Some((k, i));
    }
    // Another numbering system than the locale's: the digits and symbols as NumberFormat
    // formats them (ICU takes root's symbols for the system, ICU4X the locale's).
    if let Some(nu) = &spec.numbering_system {
        let first = parts.iter().position(|p| p.2 && p.0 != "minusSign");
        let last = parts.iter().rposition(|p| p.2 && p.0 != "minusSign");
        if let (Some(first), Some(last)) = (first, last) {
            let ns = NumberSpec {
                locale: spec.locale.clone(),
                numbering_system: Some(nu.clone()),
                ..NumberSpec::default()
            };
            let number: Parts = super::intl::format_to_parts(&ns, &NumValue::from_f64(value.abs()))
                .into_iter()
                .map(|(t, v)| (t, v, true))
                .collect();
            parts.splice(first..=last, number);
        }
    }
    Some((parts, unit))
}

fn rtf_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.RelativeTimeFormat requires 'new'"));
    }
    let (locale, tag) =
        super::intl::resolve_service_locale(it, &a.get(0), super::intl::Service::Whole)?;
    let opts = options_object(it, &a.get(1))?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], RTF)?;
    let nu = super::intl::get_opt(it, &opts, "numberingSystem")?;
    let mut ns = None;
    if !nu.is_undefined() {
        let n = it.to_string(&nu)?.to_rust_string();
        ns = Some(n.clone());
        let ok = !n.is_empty()
            && n.split('-').all(|p| {
                (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ok {
            return Err(it.range_error(format!("Invalid numberingSystem : {n}")));
        }
    }
    let style = str_opt(it, &opts, "style", &["long", "short", "narrow"], RTF)?;
    let numeric = str_opt(it, &opts, "numeric", &["always", "auto"], RTF)?;
    let (locale, numbering_system) =
        super::intl::resolve_numbering_system(&locale, &tag, ns.as_deref());
    make_service(
        it,
        a,
        IntlData::Relative(RelativeSpec {
            locale,
            numeric_auto: numeric.as_deref() == Some("auto"),
            style: style.unwrap_or_else(|| "long".into()),
            numbering_system,
        }),
    )
}

fn rtf_spec(it: &mut Interp, v: &Value, m: &str) -> JsResult<RelativeSpec> {
    match intl_data(it, v, m)? {
        IntlData::Relative(s) => Ok(s),
        _ => Err(it.type_error(format!("Method {m} called on incompatible receiver"))),
    }
}

fn format_args(it: &mut Interp, a: &Args, m: &str) -> JsResult<(Parts, &'static str)> {
    let spec = rtf_spec(it, a.this, m)?;
    let v = it.to_number(&a.get(0))?;
    let unit = it.to_string(&a.get(1))?.to_rust_string();
    if !v.is_finite() {
        return Err(it.range_error("Invalid number value"));
    }
    match relative_parts(&spec, v, &unit) {
        Some(p) => Ok(p),
        None => Err(it.range_error(format!(
            "Invalid unit argument for {}() '{unit}'",
            if m.ends_with("formatToParts") {
                "formatToParts"
            } else {
                "format"
            }
        ))),
    }
}

fn rtf_format(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (parts, _) = format_args(it, a, "Intl.RelativeTimeFormat.prototype.format")?;
    let s: String = parts.into_iter().map(|p| p.1).collect();
    Ok(Value::from(s.as_str()))
}

fn rtf_format_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (parts, unit) = format_args(it, a, "Intl.RelativeTimeFormat.prototype.formatToParts")?;
    let items: Vec<Value> = parts
        .into_iter()
        .map(|(ty, s, number)| {
            let o = it.new_object();
            o.define("type", Value::from(ty), Attrs::DEFAULT);
            o.define("value", Value::from(s.as_str()), Attrs::DEFAULT);
            if number {
                o.define("unit", Value::from(unit), Attrs::DEFAULT);
            }
            Value::Object(o)
        })
        .collect();
    Ok(Value::Object(it.new_array(items)))
}

fn rtf_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = rtf_spec(
        it,
        a.this,
        "Intl.RelativeTimeFormat.prototype.resolvedOptions",
    )?;
    let o: Obj = it.new_object();
    o.define("locale", Value::from(s.locale.as_str()), Attrs::DEFAULT);
    o.define("style", Value::from(s.style.as_str()), Attrs::DEFAULT);
    o.define(
        "numeric",
        Value::from(if s.numeric_auto { "auto" } else { "always" }),
        Attrs::DEFAULT,
    );
    o.define(
        "numberingSystem",
        Value::from(match &s.numbering_system {
            Some(n) => n.as_str(),
            None => super::intl_date_time_format::numbering_system(&s.locale),
        }),
        Attrs::DEFAULT,
    );
    Ok(Value::Object(o))
}

/// Registers `Intl.RelativeTimeFormat` on the `Intl` object.
pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, p) = super::intl::make_class(it, intl, "RelativeTimeFormat", rtf_ctor, 0);
    it.define_method(&p, "format", 2, rtf_format);
    it.define_method(&p, "formatToParts", 2, rtf_format_to_parts);
    it.define_method(&p, "resolvedOptions", 0, rtf_resolved_options);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(locale: &str, style: &str, auto: bool, v: f64, unit: &str) -> String {
        let spec = RelativeSpec {
            locale: locale.into(),
            numeric_auto: auto,
            style: style.into(),
            numbering_system: None,
        };
        relative_parts(&spec, v, unit)
            .map(|(p, _)| p.into_iter().map(|x| x.1).collect())
            .unwrap_or_default()
    }

    #[test]
    fn english_and_german() {
        assert_eq!(fmt("en-US", "long", true, -1.0, "day"), "yesterday");
        assert_eq!(fmt("en-US", "long", false, 3.0, "days"), "in 3 days");
        assert_eq!(
            fmt("en-US", "long", false, -1234.5, "day"),
            "1,234.5 days ago"
        );
        assert_eq!(fmt("de", "long", true, -2.0, "day"), "vorgestern");
        assert_eq!(fmt("en-US", "long", false, 1.0, "fortnight"), "");
    }
}
