//! `Intl` (ECMA-402), the subset tutorials use, with hand-written locale tables for en-US
//! (default), en-GB, en-IN, de-DE, fr-FR, es-ES, ja-JP and pt-BR (see DESIGN.md "Intl").
//!
//! * `Intl.NumberFormat`: styles decimal/percent/currency/unit, digit options, grouping,
//!   compact/scientific/engineering notation, signDisplay, `format`/`formatToParts`/
//!   `resolvedOptions`. `Number.prototype.toLocaleString` and `BigInt.prototype.toLocaleString`
//!   use the same code ([`number_format_from_args`], `format_decimal`).
//! * `Intl.PluralRules`, `Intl.ListFormat`, `Intl.Collator`.
//! * `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat` live in `intl_date_time_format.rs`
//!   and `intl_relative_time_format.rs`.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::Value;

use super::number::shortest_decimal;

/// The resolved state of an `Intl` service object.
#[derive(Debug, Clone)]
pub enum IntlData {
    Number(NumberSpec),
    DateTime(super::intl_date_time_format::DateSpec),
    Plural {
        locale: String,
        ordinal: bool,
        /// How numbers are formatted before their category is chosen.
        digits: NumberSpec,
        /// `notation` (ECMA-402 2025) and, for `compact`, `compactDisplay`.
        notation: String,
        compact_display: Option<String>,
    },
    Relative(super::intl_relative_time_format::RelativeSpec),
    List {
        locale: String,
        kind: String,
        style: String,
    },
    Collator(CollatorSpec),
    /// `Intl.Segmenter` (`intl_segmenter.rs`).
    Segmenter {
        locale: String,
        granularity: super::intl_segmenter::Granularity,
    },
    /// A `Segments` object: a string and its boundaries.
    Segments(std::rc::Rc<super::intl_segmenter::Boundaries>),
    /// `Intl.DisplayNames` (`intl_display_names.rs`).
    DisplayNames(Box<super::intl_display_names::DisplayNamesData>),
    /// `Intl.DurationFormat` (`intl_duration_format.rs`).
    DurationFormat(Box<super::intl_duration_format::DurationFormatData>),
    /// `Intl.Locale` (`intl_locale.rs`): the canonical tag.
    /// With the language apart when it has 5-8 letters (`posix`: `und` in the tag).
    Locale(Box<icu_locale_core::Locale>, Option<Box<str>>),
    /// A `%SegmentIterator%`: the segments and the index of the next one.
    SegmentIterator {
        segments: std::rc::Rc<super::intl_segmenter::Boundaries>,
        next: usize,
    },
}

// ---- locales ---------------------------------------------------------------------------------

/// Whether `o` is an `Intl.Locale` (has \[\[InitializedLocale\]\]).
fn is_locale_object(o: &Obj) -> bool {
    matches!(&o.borrow().kind, ObjectKind::Intl(d) if matches!(**d, IntlData::Locale(..)))
}

/// CanonicalizeLocaleList(locales) (ECMA-402 §9.2.1), tags canonicalized by ICU4X.
pub(crate) fn canonicalize_locale_list(it: &mut Interp, locales: &Value) -> JsResult<Vec<String>> {
    let mut seen: Vec<String> = Vec::new();
    let list = match locales {
        Value::Undefined => return Ok(seen),
        Value::String(_) => None,
        Value::Object(o) if is_locale_object(o) => None,
        other => Some(it.to_object(other)?),
    };
    let Some(o) = list else {
        push_canonical(it, locales, &mut seen)?;
        return Ok(seen);
    };
    // Each element is read and converted before the next is looked at (a toString may add
    // elements, test262 `getCanonicalLocales/to-string`).
    let len = it.length_of_array_like(&o)?;
    for k in 0..len {
        let key = crate::interp::ops::index_key(k);
        if it.has_property(&o, &key)? {
            let v = it.get(&o, &key)?;
            push_canonical(it, &v, &mut seen)?;
        }
    }
    Ok(seen)
}

/// CanonicalizeLocaleList's steps for one element: type check, the tag (a Locale's own
/// without calling `toString`), validation and canonicalization, no duplicates.
fn push_canonical(it: &mut Interp, v: &Value, seen: &mut Vec<String>) -> JsResult<()> {
    if !matches!(v, Value::String(_) | Value::Object(_)) {
        return Err(it.type_error("Language ID should be string or object."));
    }
    let tag = match v {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::Intl(d) => match &**d {
                IntlData::Locale(l, long) => Some(super::intl_locale::tag_of(l, long.as_deref())),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let tag = match tag {
        Some(t) => t,
        None => it.to_string(v)?.to_rust_string(),
    };
    let Some(c) = super::intl_icu::canonicalize_tag(&tag) else {
        // V8: a tag that starts with a language id but whose rest ICU rejects names itself.
        if tag.is_ascii() && starts_with_language_id(&tag) {
            let lower = tag.to_ascii_lowercase();
            return Err(it.range_error(format!("Invalid language tag: {lower}")));
        }
        return Err(it.range_error("Incorrect locale information provided"));
    };
    if !seen.contains(&c) {
        seen.push(c);
    }
    Ok(())
}

/// V8's `JSLocale::StartsWithUnicodeLanguageId`: the subtags before the first singleton
/// form a `unicode_language_id` (duplicate variants not checked).
fn starts_with_language_id(tag: &str) -> bool {
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    // `std::getline` drops a trailing empty token.
    let tokens: Vec<&str> = tag.strip_suffix('-').unwrap_or(tag).split('-').collect();
    let Some(first) = tokens.first() else {
        return false;
    };
    if !(matches!(first.len(), 2 | 3 | 5..=8) && alpha(first)) {
        return false;
    }
    let singleton = |s: &str| s.len() == 1 && alnum(s);
    let mut i = 1;
    if i < tokens.len() && singleton(tokens[i]) {
        return true;
    }
    if i < tokens.len() && tokens[i].len() == 4 && alpha(tokens[i]) {
        i += 1;
    }
    if i < tokens.len()
        && ((tokens[i].len() == 2 && alpha(tokens[i]))
            || (tokens[i].len() == 3 && tokens[i].bytes().all(|b| b.is_ascii_digit())))
    {
        i += 1;
    }
    while i < tokens.len() {
        let t = tokens[i];
        if singleton(t) {
            return true;
        }
        let variant = alnum(t)
            && ((5..=8).contains(&t.len()) || (t.len() == 4 && t.as_bytes()[0].is_ascii_digit()));
        if !variant {
            return false;
        }
        i += 1;
    }
    true
}

/// The services whose available locales differ (what BestAvailableLocale keeps; the sets
/// are generated from the reference Node, `intl_available_locales.rs`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Service {
    /// DateTimeFormat, RelativeTimeFormat, DisplayNames.
    Whole,
    /// NumberFormat, DurationFormat.
    Number,
    List,
    Segmenter,
    /// Plural rules: ICU has them per language (and pt-PT).
    Plural,
    /// Collation: per language, with a few regional/script tailorings.
    Collator,
}

impl Service {
    fn name(self) -> &'static str {
        match self {
            Service::Whole => "whole",
            Service::Number => "number",
            Service::List => "list",
            Service::Segmenter => "segmenter",
            Service::Plural => "plural",
            Service::Collator => "collator",
        }
    }
}

thread_local! {
    /// Per service, its available locales (sorted slices of the generated table).
    static AVAILABLE: std::cell::RefCell<Vec<(&'static str, Vec<&'static str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether the reference Node's `service` has data for exactly `tag` (no extensions): a
/// binary search in the service's list, split on first use per thread (no hashing or
/// sorting: a first `new Intl.NumberFormat('de-DE')` stays cheap, later ones are a few
/// comparisons).
fn is_available(tag: &str, service: Service) -> bool {
    AVAILABLE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let name = service.name();
        if !cache.iter().any(|(k, _)| *k == name) {
            // The generator sorts each list (ASCII: JavaScript's order is byte order).
            let list = crate::intl_available_locales::AVAILABLE_LOCALES
                .split('\n')
                .find_map(|l| {
                    let (k, v) = l.split_once('\t')?;
                    (k == name).then(|| v.split(' ').collect())
                })
                .unwrap_or_default();
            cache.push((name, list));
        }
        cache
            .iter()
            .find(|(k, _)| *k == name)
            .is_some_and(|(_, list)| list.binary_search(&tag).is_ok())
    })
}

/// The tag without its Unicode extension (`-u-...`) and what follows.
pub(crate) fn strip_extensions(tag: &str) -> &str {
    let mut end = tag.len();
    let mut pos = 0;
    for part in tag.split('-') {
        if part.len() == 1 && pos > 0 {
            end = pos - 1;
            break;
        }
        pos += part.len() + 1;
    }
    &tag[..end]
}

/// BestAvailableLocale (ECMA-402 §9.2.2) for a canonical tag: the longest prefix the
/// service has data for (`en-ZZ` → `en`), `None` if there is none.
pub(crate) fn best_available(tag: &str, service: Service) -> Option<String> {
    let mut candidate = strip_extensions(tag);
    loop {
        if is_available(candidate, service) {
            return Some(candidate.to_string());
        }
        let pos = candidate.rfind('-')?;
        candidate = &candidate[..pos];
    }
}

/// ResolveLocale for the ICU4X-backed services: the first requested locale Node has data
/// for (the default locale, en-US, otherwise), and the requested tag it came from. A
/// requested `-u-va-posix` stays in the locale (V8; ICU's `en_US_POSIX`).
pub(crate) fn resolve_service_locale(
    it: &mut Interp,
    locales: &Value,
    service: Service,
) -> JsResult<(String, String)> {
    for tag in canonicalize_locale_list(it, locales)? {
        if let Some(l) = best_available(&tag, service) {
            let l = if unicode_keyword(&tag, "va").as_deref() == Some("posix") {
                with_keywords(&l, &[("va", "posix")])
            } else {
                l
            };
            return Ok((l, tag));
        }
    }
    Ok(("en-US".into(), "en-US".into()))
}

/// What DateTimeFormat's ResolveLocale needs for its relevant keys `ca`, `hc`, `nu`.
pub(crate) struct DateTimeKeys {
    /// The requested tag the locale came from.
    pub tag: String,
    pub calendar: Option<String>,
    pub numbering_system: Option<String>,
    /// Whether `hour12` or `hourCycle` was given.
    pub hour_cycle_option: bool,
    /// The resolved hour cycle.
    pub hour_cycle: String,
}

impl DateTimeKeys {
    /// The resolved locale: `locale` with the `ca`/`hc`/`nu` keywords ResolveLocale keeps.
    /// `hc` follows V8: kept when no hour option was given, or when the format has an hour
    /// and the resolved cycle is the keyword's.
    pub(crate) fn locale(&self, locale: &str, has_hour: bool) -> String {
        let calendars = |c: &str| {
            crate::intl_supported_values::SUPPORTED_VALUES
                .split('\n')
                .find_map(|l| l.strip_prefix("calendar\t"))
                .is_some_and(|l| l.split(' ').any(|x| x == c))
        };
        let mut kws: Vec<(&str, String)> = Vec::new();
        let (ca, keep) = resolve_keyword(&self.tag, "ca", self.calendar.as_deref(), calendars);
        if let (Some(c), true) = (ca, keep) {
            kws.push(("ca", c));
        }
        let known = |n: &str| numbering_system_digits(n).is_some();
        let (nu, keep) = resolve_keyword(&self.tag, "nu", self.numbering_system.as_deref(), known);
        if let (Some(n), true) = (nu, keep) {
            kws.push(("nu", n));
        }
        if let Some(k) = unicode_keyword(&self.tag, "hc") {
            let valid = matches!(k.as_str(), "h11" | "h12" | "h23" | "h24");
            if valid && (!self.hour_cycle_option || (has_hour && k == self.hour_cycle)) {
                kws.push(("hc", k));
            }
        }
        let kws: Vec<(&str, &str)> = kws.iter().map(|(k, v)| (*k, v.as_str())).collect();
        with_keywords(locale, &kws)
    }
}

/// `locale` with the Unicode extension keywords `kws` added (value `""` or `"true"`: the key
/// alone), keywords sorted by key as in a canonical tag.
pub(crate) fn with_keywords(locale: &str, kws: &[(&str, &str)]) -> String {
    if kws.is_empty() {
        return locale.to_string();
    }
    let base = strip_extensions(locale);
    let mut all: Vec<(String, String)> = Vec::new();
    if let Some(ext) = locale.split("-u-").nth(1) {
        let parts: Vec<&str> = ext.split('-').take_while(|p| p.len() != 1).collect();
        let mut i = 0;
        while i < parts.len() {
            let key = parts[i].to_string();
            i += 1;
            let mut vals = Vec::new();
            while i < parts.len() && parts[i].len() > 2 {
                vals.push(parts[i]);
                i += 1;
            }
            all.push((key, vals.join("-")));
        }
    }
    for (k, v) in kws {
        let v = if *v == "true" { "" } else { v };
        all.retain(|(key, _)| key != k);
        all.push((k.to_string(), v.to_string()));
    }
    all.sort();
    let mut out = format!("{base}-u");
    for (k, v) in all {
        out.push('-');
        out.push_str(&k);
        if !v.is_empty() {
            out.push('-');
            out.push_str(&v);
        }
    }
    out
}

/// ResolveLocale's step for one relevant extension key (ECMA-402 §9.2.7 step 9): the value
/// from the requested tag's keyword or the option (each only when `supported`), and whether
/// the keyword stays in the resolved locale (an option that differs and is supported drops it).
pub(crate) fn resolve_keyword(
    tag: &str,
    key: &str,
    option: Option<&str>,
    supported: impl Fn(&str) -> bool,
) -> (Option<String>, bool) {
    let ext = unicode_keyword(tag, key)
        .map(|v| if v.is_empty() { "true".to_string() } else { v })
        .filter(|v| supported(v));
    let opt = option.filter(|o| supported(o)).map(String::from);
    let keep = ext.is_some() && (opt.is_none() || opt == ext);
    (opt.or(ext), keep)
}

/// A Unicode extension keyword's value in a canonical tag (`kn` in `de-u-kn` is `""`).
pub(crate) fn unicode_keyword(tag: &str, key: &str) -> Option<String> {
    // The `-u-` extension's subtags (not a `u` inside the private use `-x-...`).
    let subtags: Vec<&str> = tag.split('-').collect();
    let start = subtags
        .iter()
        .take_while(|p| **p != "x")
        .position(|p| *p == "u")?;
    let parts: Vec<&str> = subtags[start + 1..]
        .iter()
        .take_while(|p| p.len() != 1)
        .copied()
        .collect();
    let i = parts.iter().position(|p| *p == key)?;
    let vals: Vec<&str> = parts[i + 1..]
        .iter()
        .take_while(|p| p.len() > 2)
        .copied()
        .collect();
    Some(vals.join("-"))
}

fn lang(locale: &str) -> &str {
    locale.split('-').next().unwrap_or("en")
}

// ---- options ---------------------------------------------------------------------------------

pub(crate) fn get_opt(it: &mut Interp, opts: &Option<Obj>, name: &str) -> JsResult<Value> {
    match opts {
        Some(o) => it.get(o, &PropKey::from(name)),
        None => Ok(Value::Undefined),
    }
}

/// GetOption(options, name, string, allowed, default).
pub(crate) fn str_opt(
    it: &mut Interp,
    opts: &Option<Obj>,
    name: &str,
    allowed: &[&str],
    ctor: &str,
) -> JsResult<Option<String>> {
    let v = get_opt(it, opts, name)?;
    if v.is_undefined() {
        return Ok(None);
    }
    let s = it.to_string(&v)?.to_rust_string();
    if !allowed.is_empty() && !allowed.contains(&s.as_str()) {
        return Err(it.range_error(format!(
            "Value {s} out of range for {ctor} options property {name}"
        )));
    }
    Ok(Some(s))
}

pub(crate) fn bool_opt(it: &mut Interp, opts: &Option<Obj>, name: &str) -> JsResult<Option<bool>> {
    let v = get_opt(it, opts, name)?;
    Ok(if v.is_undefined() {
        None
    } else {
        Some(v.to_boolean())
    })
}

pub(crate) fn digit_opt(
    it: &mut Interp,
    opts: &Option<Obj>,
    name: &str,
    min: f64,
    max: f64,
) -> JsResult<Option<usize>> {
    let v = get_opt(it, opts, name)?;
    if v.is_undefined() {
        return Ok(None);
    }
    let n = it.to_number(&v)?;
    if n.is_nan() || n < min || n > max {
        return Err(it.range_error(format!("{name} value is out of range.")));
    }
    Ok(Some(n.floor() as usize))
}

/// GetOptionsObject / CoerceOptionsToObject.
pub(crate) fn options_object(it: &mut Interp, v: &Value) -> JsResult<Option<Obj>> {
    match v {
        Value::Undefined => Ok(None),
        Value::Object(o) => Ok(Some(o.clone())),
        other => Ok(Some(it.to_object(other)?)),
    }
}

// ---- number formatting -----------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rounding {
    Fraction(usize, usize),
    Significant(usize, usize),
    /// Compact notation's default: 2 significant digits below 100, else integers
    /// (morePrecision of 0 fraction digits and 1-2 significant digits).
    Compact,
    /// `roundingPriority: 'morePrecision'`: whichever of the two keeps more digits.
    MorePrecision {
        frac: (usize, usize),
        sig: (usize, usize),
    },
    /// `roundingPriority: 'lessPrecision'`.
    LessPrecision {
        frac: (usize, usize),
        sig: (usize, usize),
    },
}

/// `useGrouping` as resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// The locale's minimum grouping digits (`'auto'`).
    Auto,
    /// Grouping only with at least two digits in the first group (`'min2'`).
    Min2,
    Always,
    Off,
}

#[derive(Debug, Clone)]
pub struct NumberSpec {
    pub locale: String,
    pub style: String,
    pub currency: Option<String>,
    pub currency_display: String,
    pub currency_sign: String,
    pub unit: Option<String>,
    pub unit_display: String,
    pub min_int: usize,
    pub rounding: Rounding,
    pub rounding_increment: u32,
    pub rounding_mode: super::intl_number_format_digits::RoundingMode,
    pub strip_if_integer: bool,
    pub grouping: Grouping,
    /// An explicit numbering system (`numberingSystem`, `-u-nu-`); else the locale's.
    pub numbering_system: Option<String>,
    pub notation: String,
    pub compact_display: String,
    pub sign_display: String,
}

impl Default for NumberSpec {
    fn default() -> Self {
        NumberSpec {
            locale: "en-US".into(),
            style: "decimal".into(),
            currency: None,
            currency_display: "symbol".into(),
            currency_sign: "standard".into(),
            unit: None,
            unit_display: "short".into(),
            min_int: 1,
            rounding: Rounding::Fraction(0, 3),
            rounding_increment: 1,
            rounding_mode: Default::default(),
            strip_if_integer: false,
            grouping: Grouping::Auto,
            numbering_system: None,
            notation: "standard".into(),
            compact_display: "short".into(),
            sign_display: "auto".into(),
        }
    }
}

const NF: &str = "Intl.NumberFormat";

fn currency_digits(code: &str) -> usize {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "PYG" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// InitializeNumberFormat (ECMA-402 §16.1.2): options read in the spec's order
/// (SetNumberFormatDigitOptions is `intl_number_format_digits.rs`).
pub fn number_format_from_args(
    it: &mut Interp,
    locales: &Value,
    options: &Value,
) -> JsResult<NumberSpec> {
    let (locale, tag) = resolve_service_locale(it, locales, Service::Number)?;
    let opts = options_object(it, options)?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], NF)?;
    let ns = str_opt(it, &opts, "numberingSystem", &[], NF)?;
    if let Some(n) = &ns {
        let ok = n
            .split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !ok {
            return Err(it.range_error(format!("Invalid numberingSystem : {n}")));
        }
    }
    let mut s = NumberSpec {
        locale,
        ..NumberSpec::default()
    };
    (s.locale, s.numbering_system) = resolve_numbering_system(&s.locale, &tag, ns.as_deref());
    let style = str_opt(
        it,
        &opts,
        "style",
        &["decimal", "percent", "currency", "unit"],
        NF,
    )?;
    s.style = style.unwrap_or_else(|| "decimal".into());
    let currency = str_opt(it, &opts, "currency", &[], NF)?;
    if currency.is_none() && s.style == "currency" {
        return Err(it.type_error("Currency code is required with currency style."));
    }
    if let Some(c) = &currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(it.range_error(format!("Invalid currency code : {c}")));
        }
    }
    let cd = str_opt(
        it,
        &opts,
        "currencyDisplay",
        &["code", "symbol", "narrowSymbol", "name"],
        NF,
    )?;
    let cs = str_opt(it, &opts, "currencySign", &["standard", "accounting"], NF)?;
    let unit = str_opt(it, &opts, "unit", &[], NF)?;
    if unit.is_none() && s.style == "unit" {
        return Err(it.type_error("Invalid unit argument for Intl.NumberFormat() ''"));
    }
    if let Some(u) = &unit {
        if !super::intl_units::is_well_formed(u) {
            return Err(it.range_error(format!(
                "Invalid unit argument for Intl.NumberFormat() '{u}'"
            )));
        }
    }
    let ud = str_opt(it, &opts, "unitDisplay", &["short", "narrow", "long"], NF)?;
    if s.style == "currency" {
        let Some(c) = currency else {
            return Err(it.type_error("Currency code is required with currency style."));
        };
        s.currency = Some(c.to_ascii_uppercase());
    }
    if s.style == "unit" {
        let Some(u) = unit else {
            return Err(it.type_error("Invalid unit argument for Intl.NumberFormat() ''"));
        };
        s.unit = Some(u);
    }
    s.currency_display = cd.unwrap_or_else(|| "symbol".into());
    s.currency_sign = cs.unwrap_or_else(|| "standard".into());
    s.unit_display = ud.unwrap_or_else(|| "short".into());
    let notation = str_opt(
        it,
        &opts,
        "notation",
        &["standard", "scientific", "engineering", "compact"],
        NF,
    )?;
    s.notation = notation.unwrap_or_else(|| "standard".into());
    let (def_min, def_max) = match (s.style.as_str(), &s.currency) {
        ("currency", Some(c)) if s.notation == "standard" => {
            (currency_digits(c), currency_digits(c))
        }
        ("percent", _) => (0, 0),
        _ => (0, 3),
    };
    let d = super::intl_number_format_digits::read_digit_options(
        it,
        &opts,
        def_min,
        def_max,
        s.notation == "compact",
        NF,
    )?;
    s.set_digit_options(&d);
    let cdisp = str_opt(it, &opts, "compactDisplay", &["short", "long"], NF)?;
    s.compact_display = cdisp.unwrap_or_else(|| "short".into());
    let default_grouping = if s.notation == "compact" {
        Grouping::Min2
    } else {
        Grouping::Auto
    };
    // GetBooleanOrStringNumberFormatOption(options, "useGrouping", ...).
    let g = get_opt(it, &opts, "useGrouping")?;
    s.grouping = match &g {
        Value::Undefined => default_grouping,
        Value::Bool(true) => Grouping::Always,
        v if !v.to_boolean() => Grouping::Off,
        v => match it.to_string(v)?.to_rust_string().as_str() {
            "min2" => Grouping::Min2,
            "auto" => Grouping::Auto,
            "always" => Grouping::Always,
            "true" | "false" => default_grouping,
            other => {
                return Err(it.range_error(format!(
                    "Value {other} out of range for {NF} options property useGrouping"
                )))
            }
        },
    };
    let sd = str_opt(
        it,
        &opts,
        "signDisplay",
        &["auto", "never", "always", "exceptZero", "negative"],
        NF,
    )?;
    s.sign_display = sd.unwrap_or_else(|| "auto".into());
    Ok(s)
}

impl NumberSpec {
    /// Stores what SetNumberFormatDigitOptions resolved.
    pub fn set_digit_options(&mut self, d: &super::intl_number_format_digits::DigitOptions) {
        self.min_int = d.min_int;
        self.rounding = d.rounding;
        self.rounding_increment = d.increment;
        self.rounding_mode = d.mode;
        self.strip_if_integer = d.strip_if_integer;
    }
    /// The digit options back as SetNumberFormatDigitOptions left them.
    pub fn digit_options(&self) -> super::intl_number_format_digits::DigitOptions {
        super::intl_number_format_digits::DigitOptions {
            min_int: self.min_int,
            rounding: self.rounding,
            increment: self.rounding_increment,
            mode: self.rounding_mode,
            strip_if_integer: self.strip_if_integer,
        }
    }
}

/// The numbering system of a service: the option when Node supports it, else the requested
/// tag's `-u-nu-` keyword when supported (the resolved locale then keeps the keyword, unless
/// the option overrode it). Returns the resolved locale and the explicit system.
pub(crate) fn resolve_numbering_system(
    locale: &str,
    tag: &str,
    option: Option<&str>,
) -> (String, Option<String>) {
    let known = |n: &str| numbering_system_digits(n).is_some();
    let (value, keep) = resolve_keyword(tag, "nu", option, known);
    match value {
        Some(v) if keep => (with_keywords(locale, &[("nu", &v)]), Some(v)),
        v => (locale.to_string(), v),
    }
}

/// The digits 0-9 of a numbering system Node supports (generated table).
pub(crate) fn numbering_system_digits(name: &str) -> Option<[char; 10]> {
    let line = crate::intl_number_range::NUMBERING_SYSTEMS
        .split('\n')
        .find(|l| l.split('\t').next() == Some(name))?;
    let d: Vec<char> = line.split('\t').nth(1)?.chars().collect();
    d.try_into().ok()
}

/// Root's group, decimal, minus and plus symbols of a numbering system, where it has its own.
fn numbering_system_symbols(name: &str) -> Option<[&'static str; 4]> {
    let line = crate::intl_number_range::NUMBERING_SYSTEMS
        .split('\n')
        .find(|l| l.split('\t').next() == Some(name))?;
    let f: Vec<&str> = line.split('\t').skip(2).collect();
    match f.as_slice() {
        [g, d, m, p] if !g.is_empty() => Some([g, d, m, p]),
        _ => None,
    }
}

/// The name of the numbering system whose digits are `digits` (`latn` when none is).
pub(crate) fn numbering_system_name(digits: &[char; 10]) -> String {
    crate::intl_number_range::NUMBERING_SYSTEMS
        .split('\n')
        .find_map(|l| {
            let mut f = l.split('\t');
            let (n, d) = (f.next()?, f.next()?);
            d.chars().eq(digits.iter().copied()).then(|| n.to_string())
        })
        .unwrap_or_else(|| "latn".into())
}

/// Per-locale number symbols: ICU4X's decimal symbols and the generated CLDR patterns of
/// currency and percent (templates, see `intl_number_patterns.rs`).
struct NumLocale {
    sym: std::rc::Rc<super::intl_icu::NumberSymbols>,
    currency: [&'static str; 2],
    percent: [&'static str; 2],
    percent_sign: &'static str,
    /// The minus sign inside those patterns.
    pattern_minus: &'static str,
    /// `currencySign: 'accounting'`'s positive and negative templates.
    accounting: [&'static str; 2],
}

/// The symbols and patterns of `locale`, in the numbering system `nu` when one is asked for
/// (ICU4X's symbols of that system: `en` with `arab` has `٫` and `؜-`, as in ICU).
fn num_locale(locale: &str, nu: Option<&str>) -> NumLocale {
    let base = strip_extensions(locale);
    let find = |l: &str| {
        crate::intl_number_patterns::NUMBER_PATTERNS
            .split('\n')
            .map(|line| line.split('\t').collect::<Vec<_>>())
            .find(|f| f.len() == 9 && f[0] == l)
    };
    let row = find(base).or_else(|| find(lang(base))).unwrap_or_else(|| {
        vec![
            "en",
            "\u{e000}\u{e001}",
            "\u{e002}\u{e000}\u{e001}",
            "\u{e001}\u{e003}",
            "\u{e002}\u{e001}\u{e003}",
            "%",
            "-",
            "\u{e000}\u{e001}",
            "(\u{e000}\u{e001})",
        ]
    });
    let own = super::intl_icu::number_symbols(base);
    let sym = match nu.and_then(|n| Some((n, numbering_system_digits(n)?))) {
        // Another system than the locale's: ICU takes the locale's Latin symbols, or root's
        // symbols of that system where root has them (arab `٬ ٫ ؜-`), with its digits.
        Some((n, d)) if d != own.digits => {
            let mut s = (*super::intl_icu::number_symbols(&format!("{base}-u-nu-latn"))).clone();
            s.digits = d;
            if let Some([g, dec, minus, plus]) = numbering_system_symbols(n) {
                s.group = g.into();
                s.decimal = dec.into();
                s.minus = minus.into();
                s.plus = plus.into();
            }
            std::rc::Rc::new(s)
        }
        _ => own,
    };
    NumLocale {
        sym,
        accounting: [row[7], row[8]],
        currency: [row[1], row[2]],
        percent: [row[3], row[4]],
        percent_sign: row[5],
        pattern_minus: row[6],
    }
}

/// Lays out a pattern template around the number's parts.
fn render_template(
    parts: &mut Parts,
    template: &str,
    number: &Parts,
    sign: &Parts,
    sign_marks: &str,
    currency: &str,
    percent: &str,
) {
    let mut lit = String::new();
    let flush = |parts: &mut Parts, lit: &mut String| {
        if !lit.is_empty() {
            push(parts, "literal", std::mem::take(lit));
        }
    };
    // CLDR currency spacing: a sign ending (or starting) with a letter next to the digits
    // gets a no-break space.
    let t: Vec<char> = template.chars().collect();
    for (i, &c) in t.iter().enumerate() {
        match c {
            '\u{e000}' => {
                flush(parts, &mut lit);
                // Only next to a digit (not `∞` or NaN's letters).
                let digit_at = |first: bool| {
                    let s = if first { number.first() } else { number.last() };
                    let c = s.and_then(|(_, v)| {
                        if first {
                            v.chars().next()
                        } else {
                            v.chars().last()
                        }
                    });
                    c.is_some_and(|c| c.is_numeric())
                };
                let before_number = t.get(i + 1) == Some(&'\u{e001}') && digit_at(true);
                let after_number = i > 0 && t[i - 1] == '\u{e001}' && digit_at(false);
                if after_number && currency.chars().next().is_some_and(char::is_alphabetic) {
                    push(parts, "literal", "\u{a0}");
                }
                push(parts, "currency", currency);
                if before_number && currency.chars().last().is_some_and(char::is_alphabetic) {
                    push(parts, "literal", "\u{a0}");
                }
            }
            '\u{e001}' => {
                flush(parts, &mut lit);
                parts.extend(number.iter().cloned());
            }
            '\u{e002}' => {
                // Bidi marks just before the sign belong to it: an approximately sign goes
                // before them, and without a sign they go (ICU's `‏~1.00 ‏€`, `~‎-0%`).
                let approx = sign.first().filter(|p| p.0 == "approximatelySign");
                let marks_at = (!sign_marks.is_empty() && lit.ends_with(sign_marks))
                    .then(|| lit.len() - sign_marks.len());
                match (approx, marks_at) {
                    (Some(a), Some(i)) => {
                        let marks = lit.split_off(i);
                        flush(parts, &mut lit);
                        parts.push(a.clone());
                        if sign.len() > 1 {
                            push(parts, "literal", marks);
                        }
                        parts.extend(sign[1..].iter().cloned());
                    }
                    _ => {
                        flush(parts, &mut lit);
                        parts.extend(sign.iter().cloned());
                    }
                }
            }
            '\u{e003}' => {
                flush(parts, &mut lit);
                push(parts, "percentSign", percent);
            }
            _ => lit.push(c),
        }
    }
    flush(parts, &mut lit);
}

/// ASCII digits in the locale's numbering system.
fn localize_digits(s: &str, digits: &[char; 10]) -> String {
    if digits[0] == '0' {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => digits[d as usize],
            _ => c,
        })
        .collect()
}

/// The currency sign of `code` in `locale` (generated from CLDR through the reference Node;
/// an unlisted currency shows its code).
fn currency_symbol(locale: &str, code: &str, narrow: bool) -> String {
    use crate::intl_currency_symbols::{CURRENCY_DEFAULTS, CURRENCY_SIGNS};
    let kind = if narrow { "1" } else { "0" };
    let base = strip_extensions(locale);
    let find = |l: &str| {
        CURRENCY_SIGNS.split('\n').find_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() == 4 && f[0] == l && f[1] == code && f[2] == kind).then_some(f[3])
        })
    };
    let listed = crate::intl_number_patterns::NUMBER_PATTERNS
        .split('\n')
        .any(|line| line.split('\t').next() == Some(base));
    let own = if listed { find(base) } else { find(lang(base)) };
    own.or_else(|| {
        CURRENCY_DEFAULTS.split('\n').find_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() == 3 && f[0] == code && f[1] == kind).then_some(f[2])
        })
    })
    .unwrap_or(code)
    .to_string()
}

fn currency_name(code: &str, one: bool) -> String {
    let (o, p) = match code {
        "USD" => ("US dollar", "US dollars"),
        "EUR" => ("euro", "euros"),
        "JPY" => ("Japanese yen", "Japanese yen"),
        "GBP" => ("British pound", "British pounds"),
        "INR" => ("Indian rupee", "Indian rupees"),
        "CAD" => ("Canadian dollar", "Canadian dollars"),
        "AUD" => ("Australian dollar", "Australian dollars"),
        "CNY" => ("Chinese yuan", "Chinese yuan"),
        "BRL" => ("Brazilian real", "Brazilian reals"),
        "MXN" => ("Mexican peso", "Mexican pesos"),
        "CHF" => ("Swiss franc", "Swiss francs"),
        _ => return code.to_string(),
    };
    if one { o } else { p }.to_string()
}

/// A finite non-negative decimal: `0.d₁d₂… × 10^point` (no leading zeros; empty = zero).
#[derive(Debug, Clone)]
pub struct Decimal {
    pub digits: Vec<u8>,
    pub point: i32,
}

impl Decimal {
    pub fn from_f64(x: f64) -> Decimal {
        if x == 0.0 {
            return Decimal {
                digits: Vec::new(),
                point: 0,
            };
        }
        let (digits, point) = shortest_decimal(x.abs());
        let mut d = Decimal { digits, point };
        d.normalize();
        d
    }
    /// From the decimal digits of an integer.
    pub fn from_integer_digits(s: &str) -> Decimal {
        let digits: Vec<u8> = s.bytes().map(|c| c.wrapping_sub(b'0')).collect();
        let mut d = Decimal {
            point: digits.len() as i32,
            digits,
        };
        d.normalize();
        d
    }
    fn normalize(&mut self) {
        while self.digits.first() == Some(&0) {
            self.digits.remove(0);
            self.point -= 1;
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }
    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }
}

/// The value to format: NaN, ±∞ or a finite decimal, with its sign.
#[derive(Debug, Clone)]
pub enum NumValue {
    NaN,
    Inf(bool),
    Finite(bool, Decimal),
}

impl NumValue {
    pub fn from_f64(x: f64) -> NumValue {
        if x.is_nan() {
            NumValue::NaN
        } else if x.is_infinite() {
            NumValue::Inf(x < 0.0)
        } else {
            NumValue::Finite(x.is_sign_negative(), Decimal::from_f64(x))
        }
    }
}

/// Applies the rounding options: (integer digits, fraction digits).
fn round_decimal(d: &Decimal, spec: &NumberSpec, neg: bool) -> (Vec<u8>, Vec<u8>) {
    super::intl_number_format_digits::round(d, neg, &spec.digit_options())
}

fn split(digits: Vec<u8>, point: i32) -> (Vec<u8>, Vec<u8>) {
    if point <= 0 {
        let mut f = vec![0; (-point) as usize];
        f.extend(digits);
        (vec![0], f)
    } else if point as usize >= digits.len() {
        let mut i = digits;
        i.resize(point as usize, 0);
        (i, Vec::new())
    } else {
        let (a, b) = digits.split_at(point as usize);
        (a.to_vec(), b.to_vec())
    }
}

fn digit_string(d: &[u8]) -> String {
    d.iter().map(|&b| (b'0' + b) as char).collect()
}

pub(crate) type Parts = Vec<(&'static str, String)>;

pub(crate) fn push(parts: &mut Parts, ty: &'static str, s: impl Into<String>) {
    let s = s.into();
    if !s.is_empty() {
        parts.push((ty, s));
    }
}

/// FormatNumericToParts.
pub fn format_to_parts(spec: &NumberSpec, v: &NumValue) -> Parts {
    format_to_parts_approx(spec, v, None, None)
}

/// FormatNumericToParts, with an approximately sign before the sign (formatRange's
/// FormatApproximately).
pub(crate) fn format_to_parts_approx(
    spec: &NumberSpec,
    v: &NumValue,
    approx: Option<&str>,
    plural: Option<&'static str>,
) -> Parts {
    let loc = num_locale(&spec.locale, spec.numbering_system.as_deref());
    let mut parts: Parts = Vec::new();
    let mut number: Parts = Vec::new();
    let digits = loc.sym.digits;
    // A compact pattern's prefix that goes before the sign (sw `elfu -1.2`).
    let mut compact_prefix: Parts = Vec::new();
    // The number shown, in ASCII digits, unscaled by compact notation (its plural category
    // picks the unit pattern).
    let mut unit_plain = String::from("0");
    let (neg, zero) = match v {
        NumValue::NaN => {
            push(
                &mut number,
                "nan",
                super::intl_number_format_range::nan_symbol(&spec.locale),
            );
            (false, false)
        }
        NumValue::Inf(n) => {
            push(&mut number, "infinity", "∞");
            (*n, false)
        }
        NumValue::Finite(neg, d) => {
            let mut d = d.clone();
            if spec.style == "percent" && !d.is_zero() {
                d.point += 2;
            }
            let mut exponent: Option<i32> = None;
            let mut compact: Option<super::intl_compact::CompactPattern> = None;
            // ICU picks a compact unit's plural form by the number before rounding and
            // scaling (ru `1,2 млн километров` for 1 234 567, lt `kilometrai`).
            let unscaled = {
                let (i, f) = split(d.digits.clone(), d.point);
                let i = if i.is_empty() {
                    "0".to_string()
                } else {
                    digit_string(&i)
                };
                if f.is_empty() {
                    i
                } else {
                    format!("{i}.{}", digit_string(&f))
                }
            };
            let grouping_min = loc.sym.min_group_len;
            match spec.notation.as_str() {
                "scientific" | "engineering" if !d.is_zero() => {
                    let mag = d.point - 1;
                    let mut e = if spec.notation == "engineering" {
                        mag.div_euclid(3) * 3
                    } else {
                        mag
                    };
                    d.point -= e;
                    let (i, _) = round_decimal(&d, spec, *neg);
                    let lim = if spec.notation == "engineering" { 3 } else { 1 };
                    if i.len() > lim {
                        let step = lim as i32;
                        d.point -= step;
                        e += step;
                    }
                    exponent = Some(e);
                }
                "scientific" | "engineering" => exponent = Some(0),
                "compact" if !d.is_zero() => {
                    let long = spec.compact_display == "long";
                    // The number is divided by 10^shift so that the pattern's digits show.
                    let at = |mag: i32| {
                        let p = super::intl_compact::pattern(&spec.locale, long, mag);
                        let shift = p.as_ref().map_or(0, |p| mag - p.zeros as i32 + 1);
                        (p, shift)
                    };
                    let mut mag = d.point - 1;
                    let (mut pat, mut shift) = at(mag);
                    let scaled = Decimal {
                        digits: d.digits.clone(),
                        point: d.point - shift,
                    };
                    let (i, _) = round_decimal(&scaled, spec, *neg);
                    // Rounding up to the next magnitude (999 999 is 1M, not 1000K).
                    if i.len() as i32 > mag - shift + 1 && mag >= 0 {
                        mag += 1;
                        (pat, shift) = at(mag);
                    }
                    d = Decimal {
                        digits: d.digits.clone(),
                        point: d.point - shift,
                    };
                    compact = pat;
                }
                _ => {}
            }
            let (int_d, frac_d) = round_decimal(&d, spec, *neg);
            let mut int_d = int_d;
            while int_d.len() < spec.min_int {
                int_d.insert(0, 0);
            }
            let is_zero = int_d.iter().all(|&x| x == 0) && frac_d.iter().all(|&x| x == 0);
            let primary = loc.sym.primary.max(1);
            let grouping = match spec.grouping {
                Grouping::Off => false,
                Grouping::Always => int_d.len() > primary,
                Grouping::Min2 => int_d.len() >= primary + 2,
                Grouping::Auto => int_d.len() >= grouping_min,
            };
            let s = digit_string(&int_d);
            if grouping {
                let n = s.len();
                let mut cuts: Vec<usize> = Vec::new();
                let (primary, secondary) = (loc.sym.primary.max(1), loc.sym.secondary.max(1));
                if n > primary {
                    let mut k = n - primary;
                    cuts.push(k);
                    while k > secondary {
                        k -= secondary;
                        cuts.push(k);
                    }
                }
                cuts.reverse();
                let mut start = 0;
                for c in cuts {
                    push(
                        &mut number,
                        "integer",
                        localize_digits(&s[start..c], &digits),
                    );
                    push(&mut number, "group", loc.sym.group.as_str());
                    start = c;
                }
                push(
                    &mut number,
                    "integer",
                    localize_digits(&s[start..], &digits),
                );
            } else {
                push(&mut number, "integer", localize_digits(&s, &digits));
            }
            if !frac_d.is_empty() {
                push(&mut number, "decimal", loc.sym.decimal.as_str());
                push(
                    &mut number,
                    "fraction",
                    localize_digits(&digit_string(&frac_d), &digits),
                );
            }
            if let Some(e) = exponent {
                let sy = super::intl_number_format_range::symbols(&spec.locale);
                push(&mut number, "exponentSeparator", sy.exponent);
                if e < 0 {
                    push(&mut number, "exponentMinusSign", sy.exponent_minus);
                }
                push(
                    &mut number,
                    "exponentInteger",
                    localize_digits(&e.unsigned_abs().to_string(), &digits),
                );
            }
            let mut plain = s.clone();
            if !frac_d.is_empty() {
                plain = format!("{plain}.{}", digit_string(&frac_d));
            }
            unit_plain = match &compact {
                Some(_) => unscaled.clone(),
                None => plain.clone(),
            };
            if let Some(p) = compact {
                let shown = plain.clone();
                let category = super::intl_icu::plural_category(&spec.locale, false, &shown);
                let (mut pre, post) = p.affixes(&shown, category);
                match post {
                    Some(post) if p.sign_inside && spec.style == "decimal" => {
                        compact_prefix = pre;
                        number.extend(post);
                    }
                    Some(post) => {
                        pre.append(&mut number);
                        pre.extend(post);
                        number = pre;
                    }
                    None => number = pre,
                }
            }
            (*neg, is_zero)
        }
    };
    let sign = match spec.sign_display.as_str() {
        "never" => "",
        "always" => {
            if neg {
                "-"
            } else {
                "+"
            }
        }
        "exceptZero" => {
            if zero || matches!(v, NumValue::NaN) {
                ""
            } else if neg {
                "-"
            } else {
                "+"
            }
        }
        "negative" => {
            if neg && !zero {
                "-"
            } else {
                ""
            }
        }
        _ => {
            if neg {
                "-"
            } else {
                ""
            }
        }
    };
    let accounting = spec.currency_sign == "accounting";
    // The sign parts inside a pattern: the pattern's own minus sign, or the plus sign, after
    // the approximately sign.
    // The bidi marks of the locale's minus sign, which patterns write as literal text.
    let marks = loc.sym.minus.strip_suffix(loc.pattern_minus).unwrap_or("");
    let sign_value = |sign: &str| {
        let mut p: Parts = Vec::new();
        if let Some(a) = approx {
            push(&mut p, "approximatelySign", a);
        }
        match sign {
            "-" => push(&mut p, "minusSign", loc.pattern_minus),
            "+" => {
                // The pattern carries the marks its minus sign had (ar `؜` literal, then `-`).
                let plus = loc.sym.plus.as_str();
                push(&mut p, "plusSign", plus.strip_prefix(marks).unwrap_or(plus));
            }
            _ => {}
        }
        p
    };
    let sign_part = |parts: &mut Parts| {
        if let Some(a) = approx {
            push(parts, "approximatelySign", a);
        }
        if sign == "-" {
            push_sign(parts, "minusSign", &loc.sym.minus);
        } else if sign == "+" {
            push_sign(parts, "plusSign", &loc.sym.plus);
        }
    };
    match spec.style.as_str() {
        "currency" => {
            let code = spec.currency.clone().unwrap_or_default();
            if spec.currency_display == "name" {
                sign_part(&mut parts);
                let one = match plural {
                    Some(p) => p == "one",
                    None => number.len() == 1 && number[0].1 == "1",
                };
                parts.extend(number);
                push(&mut parts, "literal", " ");
                push(&mut parts, "currency", currency_name(&code, one));
            } else {
                let sym = match spec.currency_display.as_str() {
                    "code" => code.clone(),
                    d => currency_symbol(&spec.locale, &code, d == "narrowSymbol"),
                };
                let signed = sign_value(sign);
                // Accounting has its own patterns (parentheses in en, a minus sign in de);
                // a plus sign goes where the standard pattern puts the minus.
                let t = match (accounting, sign, signed.is_empty()) {
                    (true, "-", _) => loc.accounting[1],
                    (true, _, true) => loc.accounting[0],
                    // A plus sign takes the accounting negative pattern's sign position, or
                    // goes before the positive pattern when that has none (ICU).
                    (true, _, false) if loc.accounting[1].contains('\u{e002}') => loc.accounting[1],
                    (true, _, false) => {
                        sign_part(&mut parts);
                        render_template(
                            &mut parts,
                            loc.accounting[0],
                            &number,
                            &Vec::new(),
                            "",
                            &sym,
                            loc.percent_sign,
                        );
                        return parts;
                    }
                    (_, _, false) => loc.currency[1],
                    _ => loc.currency[0],
                };
                render_template(
                    &mut parts,
                    t,
                    &number,
                    &signed,
                    marks,
                    &sym,
                    loc.percent_sign,
                );
            }
        }
        "percent" => {
            let signed = sign_value(sign);
            let t = if !signed.is_empty() {
                loc.percent[1]
            } else {
                loc.percent[0]
            };
            render_template(&mut parts, t, &number, &signed, marks, "", loc.percent_sign);
        }
        "unit" => {
            let unit = spec.unit.as_deref().unwrap_or("");
            let category = plural.unwrap_or_else(|| {
                super::intl_icu::plural_category(&spec.locale, false, &unit_plain)
            });
            let pattern =
                super::intl_units::pattern(&spec.locale, &spec.unit_display, unit, category);
            let (before, after) = super::intl_units::affixes(&pattern);
            // `percent` takes the sign outside its pattern (tr `-%3`), as ICU's percent
            // pattern does; other units next to the number (`摂氏 -5 度`).
            let percent = pattern_is_percent(unit, &spec.unit_display);
            if percent {
                sign_part(&mut parts);
            }
            parts.extend(before);
            if super::intl_units::has_number(&pattern) {
                if !percent {
                    sign_part(&mut parts);
                }
                parts.extend(number);
            }
            parts.extend(after);
        }
        _ => {
            parts.append(&mut compact_prefix);
            sign_part(&mut parts);
            parts.extend(number);
        }
    }
    parts
}

/// Whether a unit is formatted as ICU's percent pattern (`percent` and `percent-per-x`,
/// short and narrow).
fn pattern_is_percent(unit: &str, display: &str) -> bool {
    display != "long" && (unit == "percent" || unit.starts_with("percent-per-"))
}

/// A sign symbol as ICU reports it: its leading bidi marks (he `‎-`, ar `؜-`) are a literal.
fn push_sign(parts: &mut Parts, ty: &'static str, sym: &str) {
    let marks = sym
        .char_indices()
        .find(|&(_, c)| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}'))
        .map_or(sym.len(), |(i, _)| i);
    push(parts, "literal", &sym[..marks]);
    push(parts, ty, &sym[marks..]);
}

pub fn format_number(spec: &NumberSpec, v: &NumValue) -> String {
    format_to_parts(spec, v)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

/// `Number.prototype.toLocaleString(locales, options)`.
pub fn number_to_locale_string(
    it: &mut Interp,
    x: f64,
    locales: &Value,
    options: &Value,
) -> JsResult<String> {
    let spec = number_format_from_args(it, locales, options)?;
    Ok(format_number(&spec, &NumValue::from_f64(x)))
}

/// `BigInt.prototype.toLocaleString(locales, options)` on the exact integer.
pub fn bigint_to_locale_string(
    it: &mut Interp,
    neg: bool,
    digits: &str,
    locales: &Value,
    options: &Value,
) -> JsResult<String> {
    let spec = number_format_from_args(it, locales, options)?;
    Ok(format_number(
        &spec,
        &NumValue::Finite(neg, Decimal::from_integer_digits(digits)),
    ))
}

/// ToIntlMathematicalValue for `format(x)`: BigInts stay exact.
pub(crate) fn to_num_value(it: &mut Interp, v: &Value) -> JsResult<NumValue> {
    if let Value::BigInt(b) = v {
        let digits = b.magnitude().to_string();
        return Ok(NumValue::Finite(
            b.sign() == num_bigint::Sign::Minus,
            Decimal::from_integer_digits(&digits),
        ));
    }
    let prim = it.to_primitive(v, crate::interp::ops::Hint::Number)?;
    if let Value::BigInt(_) = prim {
        return to_num_value(it, &prim);
    }
    if let Value::String(st) = &prim {
        // Decimal strings stay exact ("1.0000000000000001", "1e1000").
        if let Some(v) = super::intl_number_format_digits::parse_decimal(&st.to_rust_string()) {
            return Ok(v);
        }
    }
    let x = it.to_number(&prim)?;
    Ok(NumValue::from_f64(x))
}

// ---- plural rules, lists, relative time ------------------------------------------------------

/// The resolved options of an `Intl.Collator`.
#[derive(Debug, Clone)]
pub struct CollatorSpec {
    pub locale: String,
    /// The locale ICU4X's collator is made for (no extensions but `-u-co-`).
    pub data_locale: String,
    /// The resolved collation (`default` when none was chosen).
    pub collation: String,
    pub key: super::intl_icu::CollatorKey,
    pub usage: String,
    pub sensitivity: String,
    pub case_first: String,
}

const COLL: &str = "Intl.Collator";

/// InitializeCollator (ECMA-402 §10.1.2): options read in the spec's order.
pub fn collator_from_args(
    it: &mut Interp,
    locales: &Value,
    options: &Value,
) -> JsResult<CollatorSpec> {
    if locales.is_undefined() && options.is_undefined() {
        return Ok(default_collator());
    }
    let requested = canonicalize_locale_list(it, locales)?;
    let opts = options_object(it, options)?;
    let usage = str_opt(it, &opts, "usage", &["sort", "search"], COLL)?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], COLL)?;
    let collation = str_opt(it, &opts, "collation", &[], COLL)?;
    if let Some(c) = &collation {
        let ok = c
            .split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !ok {
            return Err(it.range_error(format!("Invalid collation : {c}")));
        }
    }
    let numeric = bool_opt(it, &opts, "numeric")?;
    let case_first = str_opt(it, &opts, "caseFirst", &["upper", "lower", "false"], COLL)?;
    let mut locale = "en-US".to_string();
    let mut tag = String::new();
    for t in requested {
        if let Some(l) = best_available(&t, Service::Collator) {
            locale = l;
            tag = t;
            break;
        }
    }
    let search = usage.as_deref() == Some("search");
    // The collations of the locale (CLDR, generated); a search collator has none to choose.
    let lang_collations = crate::intl_locale_info::COLLATIONS
        .split('\n')
        .find_map(|line| {
            let (k, v) = line.split_once('\t')?;
            (k == lang(&locale)).then_some(v)
        })
        .unwrap_or("emoji eor");
    let co_ok = |c: &str| !search && lang_collations.split(' ').any(|x| x == c);
    let (co, co_keep) = resolve_keyword(&tag, "co", collation.as_deref(), co_ok);
    let kn_opt = numeric.map(|b| if b { "true" } else { "false" });
    let (kn, kn_keep) = resolve_keyword(&tag, "kn", kn_opt, |v| v == "true" || v == "false");
    let kf_ok = |v: &str| ["upper", "lower", "false"].contains(&v);
    let (kf, kf_keep) = resolve_keyword(&tag, "kf", case_first.as_deref(), kf_ok);
    // Keywords the resolved locale keeps (ECMA-402). V8 also writes a supported `collation`
    // option into it when the tag has no supported `co` (`de` + phonebk → `de-u-co-phonebk`).
    let ext_co_ok = unicode_keyword(&tag, "co").is_some_and(|c| co_ok(&c));
    let mut kws: Vec<(&str, &str)> = Vec::new();
    if let Some(c) = co.as_deref() {
        if co_keep || !ext_co_ok {
            kws.push(("co", c));
        }
    }
    if let (Some(v), true) = (kf.as_deref(), kf_keep) {
        kws.push(("kf", v));
    }
    if let (Some(v), true) = (kn.as_deref(), kn_keep) {
        kws.push(("kn", v));
    }
    if unicode_keyword(&tag, "va").as_deref() == Some("posix") {
        kws.push(("va", "posix"));
    }
    let base = locale.clone();
    let locale = with_keywords(&locale, &kws);
    let numeric = kn.as_deref() == Some("true");
    let case_first = kf.unwrap_or_else(|| "false".into());
    // The data ICU4X collates with: the collation as a keyword. ICU4X has no `search`
    // collations; German's is its phonebook order for Latin letters (`AE` < `Ä`), which
    // `usage: 'search'` in `de` uses (test262 `Collator/usage-de`).
    // `en-US-u-va-posix` is ICU's `en_US_POSIX` (ASCII order), which ICU4X has as the variant.
    let posix = unicode_keyword(&tag, "va").as_deref() == Some("posix") && base == "en-US";
    let data_base = if posix {
        format!("{base}-posix")
    } else {
        base.clone()
    };
    let data_locale = match co.as_deref() {
        Some(c) => format!("{data_base}-u-co-{c}"),
        None if search && lang(&base) == "de" => format!("{data_base}-u-co-phonebk"),
        None => data_base,
    };
    let usage = usage.unwrap_or_else(|| "sort".into());
    let sensitivity = str_opt(
        it,
        &opts,
        "sensitivity",
        &["base", "accent", "case", "variant"],
        COLL,
    )?
    .unwrap_or_else(|| "variant".into());
    // Thai's CLDR collation ignores punctuation by default (alternate=shifted).
    let ignore_punctuation =
        bool_opt(it, &opts, "ignorePunctuation")?.unwrap_or(lang(&locale) == "th");
    let key = super::intl_icu::CollatorKey {
        sensitivity: match sensitivity.as_str() {
            "base" => 0,
            "accent" => 1,
            "case" => 2,
            _ => 3,
        },
        numeric,
        case_first: match case_first.as_str() {
            "upper" => 1,
            "lower" => 2,
            _ => 0,
        },
        ignore_punctuation,
    };
    Ok(CollatorSpec {
        locale,
        data_locale,
        collation: co.unwrap_or_else(|| "default".into()),
        key,
        usage,
        sensitivity,
        case_first,
    })
}

/// The collator of `localeCompare()` without arguments (the default locale).
pub fn default_collator() -> CollatorSpec {
    CollatorSpec {
        locale: "en-US".into(),
        data_locale: "en-US".into(),
        collation: "default".into(),
        key: super::intl_icu::CollatorKey {
            sensitivity: 3,
            ..Default::default()
        },
        usage: "sort".into(),
        sensitivity: "variant".into(),
        case_first: "false".into(),
    }
}

/// Compares two strings with a resolved collator.
pub fn collator_compare(
    spec: &CollatorSpec,
    x: &crate::string::JsStr,
    y: &crate::string::JsStr,
) -> std::cmp::Ordering {
    super::intl_icu::collator_compare(&spec.data_locale, spec.key, x.units(), y.units())
}

/// The number PluralRules chooses a category for, formatted with its digit options.
/// The number PluralRules chooses a category for, formatted with its digit options.
fn plural_operand_string(digits: &NumberSpec, n: f64) -> String {
    format_number(digits, &NumValue::from_f64(n))
}

// ---- the JS objects --------------------------------------------------------------------------

pub(crate) fn intl_data(it: &mut Interp, v: &Value, method: &str) -> JsResult<IntlData> {
    if let Value::Object(o) = v {
        if let ObjectKind::Intl(d) = &o.borrow().kind {
            return Ok((**d).clone());
        }
    }
    let receiver = super::iterator::describe(it, v);
    Err(it.type_error(format!(
        "Method {method} called on incompatible receiver {receiver}"
    )))
}

pub(crate) fn make_service(it: &mut Interp, a: &Args, data: IntlData) -> JsResult<Value> {
    let nt = a.new_target.cloned().unwrap_or_else(|| a.callee.clone());
    let default_proto = match it.get(a.callee, &static_key!("prototype"))? {
        Value::Object(p) => p,
        _ => it.intrinsics.object_prototype.clone(),
    };
    let proto = match it.get(&nt, &static_key!("prototype"))? {
        Value::Object(p) => p,
        _ => default_proto,
    };
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Intl(Box::new(data)),
    )))
}

pub(crate) fn parts_to_array(it: &mut Interp, parts: Parts) -> Value {
    let items: Vec<Value> = parts
        .into_iter()
        .map(|(ty, s)| {
            let o = it.new_object();
            o.define("type", Value::from(ty), Attrs::DEFAULT);
            o.define("value", Value::from(s.as_str()), Attrs::DEFAULT);
            Value::Object(o)
        })
        .collect();
    Value::Object(it.new_array(items))
}

/// `formatRangeToParts`'s array: `{ type, value, source }` objects (NumberFormat and
/// DateTimeFormat alike).
pub(crate) fn sourced_parts_to_array(
    it: &mut Interp,
    parts: Vec<(&'static str, String, &'static str)>,
) -> Value {
    let items: Vec<Value> = parts
        .into_iter()
        .map(|(ty, s, source)| {
            let o = it.new_object();
            o.define("type", Value::from(ty), Attrs::DEFAULT);
            o.define("value", Value::from(s.as_str()), Attrs::DEFAULT);
            o.define("source", Value::from(source), Attrs::DEFAULT);
            Value::Object(o)
        })
        .collect();
    Value::Object(it.new_array(items))
}

fn nf_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = number_format_from_args(it, &a.get(0), &a.get(1))?;
    make_service(it, a, IntlData::Number(spec))
}

pub(crate) fn nf_spec(it: &mut Interp, v: &Value, m: &str) -> JsResult<NumberSpec> {
    match intl_data(it, v, m)? {
        IntlData::Number(s) => Ok(s),
        _ => Err(it.type_error(format!("Method {m} called on incompatible receiver"))),
    }
}

fn nf_bound_format(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let this = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned().unwrap_or(Value::Undefined),
        _ => Value::Undefined,
    };
    let spec = nf_spec(it, &this, "Intl.NumberFormat.prototype.format")?;
    let v = to_num_value(it, &a.get(0))?;
    Ok(Value::from(format_number(&spec, &v).as_str()))
}

fn nf_format_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    nf_spec(it, a.this, "get Intl.NumberFormat.prototype.format")?;
    let f = it.native_fn_with("", 1, nf_bound_format, false, vec![a.this.clone()]);
    Ok(Value::Object(f))
}

fn nf_format_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = nf_spec(it, a.this, "Intl.NumberFormat.prototype.formatToParts")?;
    let v = to_num_value(it, &a.get(0))?;
    let parts = format_to_parts(&spec, &v);
    Ok(parts_to_array(it, parts))
}

fn nf_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = nf_spec(it, a.this, "Intl.NumberFormat.prototype.resolvedOptions")?;
    let o = it.new_object();
    let put = |k: &str, v: Value| o.define(k, v, Attrs::DEFAULT);
    put("locale", Value::from(s.locale.as_str()));
    let ns = match &s.numbering_system {
        Some(n) => n.clone(),
        None => numbering_system_name(&num_locale(&s.locale, None).sym.digits),
    };
    put("numberingSystem", Value::from(ns.as_str()));
    put("style", Value::from(s.style.as_str()));
    if let Some(c) = &s.currency {
        put("currency", Value::from(c.as_str()));
        put("currencyDisplay", Value::from(s.currency_display.as_str()));
        put("currencySign", Value::from(s.currency_sign.as_str()));
    }
    if let Some(u) = &s.unit {
        put("unit", Value::from(u.as_str()));
        put("unitDisplay", Value::from(s.unit_display.as_str()));
    }
    put_digit_options(&o, &s.digit_options(), |o: &Obj| {
        let grouping = match s.grouping {
            Grouping::Off => Value::Bool(false),
            Grouping::Always => Value::from("always"),
            Grouping::Min2 => Value::from("min2"),
            Grouping::Auto => Value::from("auto"),
        };
        o.define("useGrouping", grouping, Attrs::DEFAULT);
        o.define("notation", Value::from(s.notation.as_str()), Attrs::DEFAULT);
        if s.notation == "compact" {
            o.define(
                "compactDisplay",
                Value::from(s.compact_display.as_str()),
                Attrs::DEFAULT,
            );
        }
        o.define(
            "signDisplay",
            Value::from(s.sign_display.as_str()),
            Attrs::DEFAULT,
        );
    });
    Ok(Value::Object(o))
}

/// The digit options in resolvedOptions' order (V8 13.6), with `middle` (NumberFormat's
/// grouping, notation and sign) between the digits and the rounding options.
pub(crate) fn put_digit_options(
    o: &Obj,
    d: &super::intl_number_format_digits::DigitOptions,
    middle: impl FnOnce(&Obj),
) {
    let put = |k: &str, v: f64| o.define(k, Value::from(v), Attrs::DEFAULT);
    put("minimumIntegerDigits", d.min_int as f64);
    let (frac, sig) = match d.rounding {
        Rounding::Fraction(mn, mx) => (Some((mn, mx)), None),
        Rounding::Significant(mn, mx) => (None, Some((mn, mx))),
        Rounding::Compact => (Some((0, 0)), Some((1, 2))),
        Rounding::MorePrecision { frac, sig } | Rounding::LessPrecision { frac, sig } => {
            (Some(frac), Some(sig))
        }
    };
    if let Some((mn, mx)) = frac {
        put("minimumFractionDigits", mn as f64);
        put("maximumFractionDigits", mx as f64);
    }
    if let Some((mn, mx)) = sig {
        put("minimumSignificantDigits", mn as f64);
        put("maximumSignificantDigits", mx as f64);
    }
    middle(o);
    put("roundingIncrement", d.increment as f64);
    o.define("roundingMode", Value::from(d.mode.as_str()), Attrs::DEFAULT);
    o.define(
        "roundingPriority",
        Value::from(d.rounding_priority()),
        Attrs::DEFAULT,
    );
    let tzd = if d.strip_if_integer {
        "stripIfInteger"
    } else {
        "auto"
    };
    o.define("trailingZeroDisplay", Value::from(tzd), Attrs::DEFAULT);
}

fn pr_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.PluralRules requires 'new'"));
    }
    let (locale, _) = resolve_service_locale(it, &a.get(0), Service::Plural)?;
    let opts = options_object(it, &a.get(1))?;
    let c = "Intl.PluralRules";
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], c)?;
    let ty = str_opt(it, &opts, "type", &["cardinal", "ordinal"], c)?;
    let notations = ["standard", "scientific", "engineering", "compact"];
    let notation =
        str_opt(it, &opts, "notation", &notations, c)?.unwrap_or_else(|| "standard".into());
    let compact_display = str_opt(it, &opts, "compactDisplay", &["short", "long"], c)?;
    let compact = notation == "compact";
    let compact_display = compact.then(|| compact_display.unwrap_or_else(|| "short".into()));
    // SetNumberFormatDigitOptions with PluralRules' defaults (0-3 fraction digits).
    let d = super::intl_number_format_digits::read_digit_options(it, &opts, 0, 3, compact, c)?;
    let mut digits = NumberSpec {
        locale: "en-US".into(),
        grouping: Grouping::Off,
        ..NumberSpec::default()
    };
    digits.set_digit_options(&d);
    make_service(
        it,
        a,
        IntlData::Plural {
            locale,
            ordinal: ty.as_deref() == Some("ordinal"),
            digits,
            notation,
            compact_display,
        },
    )
}

fn pr_select(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Plural {
        locale,
        ordinal,
        digits,
        notation,
        compact_display,
    } = intl_data(it, a.this, "Intl.PluralRules.prototype.select")?
    else {
        return Err(it.type_error(
            "Method Intl.PluralRules.prototype.select called on incompatible receiver",
        ));
    };
    let n = it.to_number(&a.get(0))?;
    // Compact notation: the category of the significand with the exponent `c` of the
    // locale's compact pattern (fr 1.5e6 is "1,5 M": c = 6, `many`).
    if notation == "compact" && n.is_finite() && n != 0.0 {
        let magnitude = n.abs().log10().floor() as i32;
        let long = compact_display.as_deref() == Some("long");
        if let Some(p) = super::intl_compact::pattern(&locale, long, magnitude) {
            let exp = magnitude - (p.zeros as i32 - 1);
            if (1..=30).contains(&exp) {
                let s = plural_operand_string(&digits, n.abs() / 10f64.powi(exp));
                return Ok(Value::from(super::intl_icu::plural_category_exp(
                    &locale, ordinal, &s, exp as u8,
                )));
            }
        }
    }
    let s = plural_operand_string(&digits, n);
    Ok(Value::from(super::intl_icu::plural_category(
        &locale, ordinal, &s,
    )))
}

fn pr_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Plural {
        locale,
        ordinal,
        digits,
        notation,
        compact_display,
    } = intl_data(it, a.this, "Intl.PluralRules.prototype.resolvedOptions")?
    else {
        return Err(it.type_error("incompatible receiver"));
    };
    let o = it.new_object();
    o.define("locale", Value::from(locale.as_str()), Attrs::DEFAULT);
    o.define(
        "type",
        Value::from(if ordinal { "ordinal" } else { "cardinal" }),
        Attrs::DEFAULT,
    );
    // ECMA-402 2025's `notation`/`compactDisplay`, which Node 24 lacks: present (in the
    // spec's order) but not enumerable, so `console.log`/`JSON.stringify` of the result print
    // what Node prints.
    let hidden = Attrs::HIDDEN;
    o.define("notation", Value::from(notation.as_str()), hidden);
    if let Some(cd) = compact_display {
        o.define("compactDisplay", Value::from(cd.as_str()), hidden);
    }
    let cats: Vec<Value> = super::intl_icu::plural_categories(&locale, ordinal)
        .into_iter()
        .map(Value::from)
        .collect();
    let arr = it.new_array(cats);
    put_digit_options(&o, &digits.digit_options(), |o: &Obj| {
        o.define("pluralCategories", Value::Object(arr), Attrs::DEFAULT);
    });
    Ok(Value::Object(o))
}

fn collator_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = collator_from_args(it, &a.get(0), &a.get(1))?;
    make_service(it, a, IntlData::Collator(spec))
}

fn collator_bound_compare(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let this = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned().unwrap_or(Value::Undefined),
        _ => Value::Undefined,
    };
    let IntlData::Collator(spec) = intl_data(it, &this, "Intl.Collator.prototype.compare")? else {
        return Err(it.type_error("incompatible receiver"));
    };
    let x = it.to_string(&a.get(0))?;
    let y = it.to_string(&a.get(1))?;
    Ok(Value::Number(match collator_compare(&spec, &x, &y) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

fn collator_compare_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    intl_data(it, a.this, "get Intl.Collator.prototype.compare")?;
    let f = it.native_fn_with("", 2, collator_bound_compare, false, vec![a.this.clone()]);
    Ok(Value::Object(f))
}

fn collator_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Collator(spec) =
        intl_data(it, a.this, "Intl.Collator.prototype.resolvedOptions")?
    else {
        return Err(it.type_error("incompatible receiver"));
    };
    let o = it.new_object();
    o.define("locale", Value::from(spec.locale.as_str()), Attrs::DEFAULT);
    o.define("usage", Value::from(spec.usage.as_str()), Attrs::DEFAULT);
    o.define(
        "sensitivity",
        Value::from(spec.sensitivity.as_str()),
        Attrs::DEFAULT,
    );
    o.define(
        "ignorePunctuation",
        Value::Bool(spec.key.ignore_punctuation),
        Attrs::DEFAULT,
    );
    o.define(
        "collation",
        Value::from(spec.collation.as_str()),
        Attrs::DEFAULT,
    );
    o.define("numeric", Value::Bool(spec.key.numeric), Attrs::DEFAULT);
    o.define(
        "caseFirst",
        Value::from(spec.case_first.as_str()),
        Attrs::DEFAULT,
    );
    Ok(Value::Object(o))
}

fn intl_get_canonical_locales(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let list = canonicalize_locale_list(it, &a.get(0))?;
    let vals = list.iter().map(|s| Value::from(s.as_str())).collect();
    Ok(Value::Object(it.new_array(vals)))
}

/// SupportedLocales(availableLocales, requestedLocales, options): the requested locales
/// Node has data for.
fn supported_locales_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let service = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::String(s)) => s.to_rust_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let service = [
        Service::Whole,
        Service::Number,
        Service::List,
        Service::Segmenter,
        Service::Plural,
        Service::Collator,
    ]
    .into_iter()
    .find(|s| s.name() == service)
    .unwrap_or(Service::Whole);
    let list = canonicalize_locale_list(it, &a.get(0))?;
    let opts = options_object(it, &a.get(1))?;
    str_opt(
        it,
        &opts,
        "localeMatcher",
        &["lookup", "best fit"],
        "Intl.supportedLocalesOf",
    )?;
    let vals = list
        .iter()
        .filter(|t| best_available(t, service).is_some())
        .map(|s| Value::from(s.as_str()))
        .collect();
    Ok(Value::Object(it.new_array(vals)))
}

/// Intl.supportedValuesOf(key) (ECMA-402 §8.3.2): the values the reference Node supports
/// (generated list).
fn intl_supported_values_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let key = it.to_string(&a.get(0))?.to_rust_string();
    let line = crate::intl_supported_values::SUPPORTED_VALUES
        .split('\n')
        .find(|l| l.split('\t').next() == Some(key.as_str()));
    let Some(line) = line else {
        return Err(it.range_error(format!("Invalid key : {key}")));
    };
    let vals = line
        .split('\t')
        .nth(1)
        .unwrap_or("")
        .split(' ')
        .filter(|v| !v.is_empty())
        .map(Value::from)
        .collect();
    Ok(Value::Object(it.new_array(vals)))
}

/// The service whose available locales an `Intl` constructor has.
fn service_of_class(name: &str) -> Service {
    match name {
        "NumberFormat" | "DurationFormat" => Service::Number,
        "ListFormat" => Service::List,
        "Segmenter" => Service::Segmenter,
        "PluralRules" => Service::Plural,
        "Collator" => Service::Collator,
        _ => Service::Whole,
    }
}

pub(crate) fn make_class(
    it: &mut Interp,
    intl: &Obj,
    name: &str,
    ctor: crate::interp::NativeFn,
    length: u32,
) -> (Obj, Obj) {
    let proto = it.new_object();
    let c = it.native_fn_with(name, length, ctor, true, Vec::new());
    super::link_ctor_proto(&c, &proto);
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    proto.define(
        tag,
        Value::from(format!("Intl.{name}").as_str()),
        Attrs::CONFIGURABLE_ONLY,
    );
    // The service's available locales travel as the method's capture.
    let service = Value::from(service_of_class(name).name());
    let f = it.native_fn_with(
        "supportedLocalesOf",
        1,
        supported_locales_of,
        false,
        vec![service],
    );
    c.define("supportedLocalesOf", Value::Object(f), Attrs::HIDDEN);
    intl.define(name, Value::Object(c.clone()), Attrs::HIDDEN);
    (c, proto)
}

pub fn init(it: &mut Interp) {
    let intl = it.new_object();
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    intl.define(tag, Value::from("Intl"), Attrs::CONFIGURABLE_ONLY);
    it.define_method(&intl, "getCanonicalLocales", 1, intl_get_canonical_locales);
    it.define_method(&intl, "supportedValuesOf", 1, intl_supported_values_of);

    let (_, p) = make_class(it, &intl, "Collator", collator_ctor, 0);
    it.define_getter(&p, "compare", collator_compare_getter);
    it.define_method(&p, "resolvedOptions", 0, collator_resolved_options);

    super::intl_date_time_format::init(it, &intl);

    let (_, p) = make_class(it, &intl, "NumberFormat", nf_ctor, 0);
    it.define_method(&p, "resolvedOptions", 0, nf_resolved_options);
    it.define_method(&p, "formatToParts", 1, nf_format_to_parts);
    it.define_getter(&p, "format", nf_format_getter);
    super::intl_number_format_range::init_number_format(it, &p);

    let (_, p) = make_class(it, &intl, "PluralRules", pr_ctor, 0);
    it.define_method(&p, "select", 1, pr_select);
    it.define_method(&p, "resolvedOptions", 0, pr_resolved_options);
    super::intl_number_format_range::init_plural_rules(it, &p);

    super::intl_relative_time_format::init(it, &intl);

    super::intl_list_format::init(it, &intl);

    super::intl_segmenter::init(it, &intl);
    super::intl_locale::init(it, &intl);
    super::intl_duration_format::init(it, &intl);
    super::intl_display_names::init(it, &intl);

    super::define_global(it, "Intl", Value::Object(intl));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(locale: &str) -> NumberSpec {
        NumberSpec {
            locale: locale.into(),
            ..NumberSpec::default()
        }
    }

    #[test]
    fn decimal_locales() {
        let v = NumValue::from_f64(1234567.891);
        assert_eq!(format_number(&spec("en-US"), &v), "1,234,567.891");
        assert_eq!(format_number(&spec("de-DE"), &v), "1.234.567,891");
        assert_eq!(
            format_number(&spec("fr-FR"), &v),
            "1\u{202f}234\u{202f}567,891"
        );
        assert_eq!(format_number(&spec("en-IN"), &v), "12,34,567.891");
        let v = NumValue::from_f64(1234.5);
        assert_eq!(format_number(&spec("es-ES"), &v), "1234,5");
    }

    #[test]
    fn compact_and_scientific() {
        let mut s = spec("en-US");
        s.notation = "compact".into();
        s.rounding = Rounding::Compact;
        let f = |s: &NumberSpec, x: f64| format_number(s, &NumValue::from_f64(x));
        assert_eq!(f(&s, 1234.0), "1.2K");
        assert_eq!(f(&s, 999999.0), "1M");
        assert_eq!(f(&s, 1.5e9), "1.5B");
        s.compact_display = "long".into();
        assert_eq!(f(&s, 1234.0), "1.2 thousand");
        let mut e = spec("en-US");
        e.notation = "engineering".into();
        assert_eq!(f(&e, 123456.0), "123.456E3");
        e.notation = "scientific".into();
        assert_eq!(f(&e, 0.00012), "1.2E-4");
    }

    #[test]
    fn available_locales_sorted() {
        for line in crate::intl_available_locales::AVAILABLE_LOCALES.split('\n') {
            let (_, v) = line.split_once('\t').unwrap_or_default();
            let list: Vec<&str> = v.split(' ').collect();
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
        }
        assert_eq!(
            best_available("en-ZZ", Service::Number).as_deref(),
            Some("en")
        );
        assert_eq!(
            best_available("de-DE-1996", Service::Whole).as_deref(),
            Some("de-DE")
        );
        assert_eq!(
            best_available("sr-Latn-XK", Service::Collator).as_deref(),
            Some("sr-Latn")
        );
        assert_eq!(best_available("lag", Service::Number), None);
        assert_eq!(
            with_keywords("en-u-va-posix", &[("nu", "thai"), ("kn", "true")]),
            "en-u-kn-nu-thai-va-posix"
        );
        assert_eq!(unicode_keyword("de-x-u-co-phonebk", "co"), None);
    }

    #[test]
    fn plural_and_lists() {
        use super::super::intl_icu::{list_format, plural_category};
        assert_eq!(plural_category("en", true, "22"), "two");
        assert_eq!(plural_category("en", true, "13"), "other");
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(list_format("en", 0, 0, &items), "a, b, and c");
        assert_eq!(list_format("en", 1, 0, &items), "a, b, or c");
    }
}
