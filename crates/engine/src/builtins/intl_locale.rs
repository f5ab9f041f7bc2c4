//! `Intl.Locale` (ECMA-402 §14): a BCP 47 tag parsed and canonicalized by `icu_locale_core`/
//! `icu_locale` (option overrides applied to the parsed tag), `maximize`/`minimize` by
//! ICU4X's likely subtags (`LocaleExpander`), `getTextInfo` by `LocaleDirectionality`,
//! `getNumberingSystems` from the locale's default digits (`icu_decimal`); the calendar,
//! hour-cycle, time-zone and week preferences per region and the collations per language
//! come from a table generated with the reference Node (`intl_locale_info.rs`, by
//! `data/gen-locale-info.js`), which ICU4X's stable crates do not carry.

use icu_locale::{LocaleDirectionality, LocaleExpander};
use icu_locale_core::extensions::unicode::{Key, Value as KeyValue};
use icu_locale_core::subtags::{Language, Region, Script};
use icu_locale_core::Locale;

use super::intl::{get_opt, intl_data, make_service, str_opt, IntlData};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind};
use crate::value::Value;

const BAD_TAG: &str = "Incorrect locale information provided";

/// `unicode_language_subtag`: 2-3 or 5-8 letters.
fn is_language(s: &str) -> bool {
    matches!(s.len(), 2 | 3 | 5..=8) && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_script(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_region(s: &str) -> bool {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// `unicode_variant_subtag *("-" unicode_variant_subtag)` without duplicates (the
/// `variants` option).
fn is_variants(s: &str) -> bool {
    let parts: Vec<String> = s.split('-').map(|p| p.to_ascii_lowercase()).collect();
    parts.iter().enumerate().all(|(i, p)| {
        let ok = p.bytes().all(|b| b.is_ascii_alphanumeric())
            && ((5..=8).contains(&p.len()) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit()));
        ok && !parts[..i].contains(p)
    })
}

/// `(3*8alphanum) *("-" (3*8alphanum))`: a Unicode extension type sequence.
fn is_type_sequence(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn keyword(loc: &Locale, key: &str) -> Option<String> {
    let k = Key::try_from_str(key).ok()?;
    loc.extensions
        .unicode
        .keywords
        .get(&k)
        .map(|v| v.to_string())
}

fn locale_of(it: &mut Interp, v: &Value, method: &str) -> JsResult<Locale> {
    Ok(locale_and_language(it, v, method)?.0)
}

/// The receiver's locale and its language when that has 5-8 letters (ICU4X's `Language`
/// holds 3: the locale then has `und` in its place).
fn locale_and_language(
    it: &mut Interp,
    v: &Value,
    method: &str,
) -> JsResult<(Locale, Option<Box<str>>)> {
    if let Ok(IntlData::Locale(l, long)) = intl_data(it, v, method) {
        return Ok((*l, long));
    }
    let receiver = super::iterator::describe(it, v);
    Err(it.type_error(format!(
        "Method {method} called on incompatible receiver {receiver}"
    )))
}

/// Reads a string option that must satisfy `valid` (RangeError otherwise).
fn checked_opt(
    it: &mut Interp,
    opts: &Option<Obj>,
    name: &str,
    valid: fn(&str) -> bool,
) -> JsResult<Option<String>> {
    let v = get_opt(it, opts, name)?;
    if v.is_undefined() {
        return Ok(None);
    }
    let s = it.to_string(&v)?.to_rust_string();
    if !valid(&s) {
        return Err(it.range_error(BAD_TAG));
    }
    Ok(Some(s))
}

fn locale_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.Locale requires 'new'"));
    }
    let tag_v = a.get(0);
    let tag = match &tag_v {
        Value::Object(o) => {
            let inner = match &o.borrow().kind {
                ObjectKind::Intl(d) => match &**d {
                    IntlData::Locale(l, long) => Some(tag_of(l, long.as_deref())),
                    _ => None,
                },
                _ => None,
            };
            match inner {
                Some(t) => t,
                None => it.to_string(&tag_v)?.to_rust_string(),
            }
        }
        Value::String(s) if !s.is_empty() => s.to_rust_string(),
        Value::String(_) => {
            return Err(it.range_error(
                "First argument to Intl.Locale constructor can't be empty or missing",
            ))
        }
        _ => {
            return Err(it
                .type_error("First argument to Intl.Locale constructor can't be empty or missing"))
        }
    };
    let opts = match a.get(1) {
        Value::Null => return Err(it.type_error("Intl.Locale called on null or undefined")),
        v => super::intl::options_object(it, &v)?,
    };
    let Some(canonical) = super::intl_icu::canonicalize_tag(&tag) else {
        return Err(it.range_error(BAD_TAG));
    };
    let Some((mut loc, mut long)) = parse_long(&canonical) else {
        return Err(it.range_error(BAD_TAG));
    };
    // UpdateLanguageId: language, script, region.
    if let Some(l) = checked_opt(it, &opts, "language", is_language)? {
        match Language::try_from_str(&l) {
            Ok(l) => {
                loc.id.language = l;
                long = None;
            }
            Err(_) => return Err(it.range_error(BAD_TAG)),
        }
    }
    if let Some(s) = checked_opt(it, &opts, "script", is_script)? {
        match Script::try_from_str(&s) {
            Ok(s) => loc.id.script = Some(s),
            Err(_) => return Err(it.range_error(BAD_TAG)),
        }
    }
    if let Some(r) = checked_opt(it, &opts, "region", is_region)? {
        match Region::try_from_str(&r) {
            Ok(r) => loc.id.region = Some(r),
            Err(_) => return Err(it.range_error(BAD_TAG)),
        }
    }
    if let Some(v) = checked_opt(it, &opts, "variants", is_variants)? {
        let mut list = icu_locale_core::subtags::Variants::new();
        for part in v.split('-') {
            match icu_locale_core::subtags::Variant::try_from_str(part) {
                Ok(var) => {
                    list.push(var);
                }
                Err(_) => return Err(it.range_error(BAD_TAG)),
            }
        }
        loc.id.variants = list;
    }
    // The keywords, in the spec's order.
    let mut keys: Vec<(&str, String)> = Vec::new();
    if let Some(c) = checked_opt(it, &opts, "calendar", is_type_sequence)? {
        keys.push(("ca", c));
    }
    if let Some(c) = checked_opt(it, &opts, "collation", is_type_sequence)? {
        keys.push(("co", c));
    }
    let fw = get_opt(it, &opts, "firstDayOfWeek")?;
    if !fw.is_undefined() {
        let s = it.to_string(&fw)?.to_rust_string();
        let day = match s.as_str() {
            "0" | "7" => "sun".to_string(),
            "1" => "mon".into(),
            "2" => "tue".into(),
            "3" => "wed".into(),
            "4" => "thu".into(),
            "5" => "fri".into(),
            "6" => "sat".into(),
            _ => s,
        };
        if !is_type_sequence(&day) {
            return Err(it.range_error(BAD_TAG));
        }
        keys.push(("fw", day));
    }
    let c = "locale";
    if let Some(h) = str_opt(it, &opts, "hourCycle", &["h11", "h12", "h23", "h24"], c)? {
        keys.push(("hc", h));
    }
    if let Some(k) = str_opt(it, &opts, "caseFirst", &["upper", "lower", "false"], c)? {
        keys.push(("kf", k));
    }
    let kn = get_opt(it, &opts, "numeric")?;
    if !kn.is_undefined() {
        keys.push(("kn", kn.to_boolean().to_string()));
    }
    if let Some(n) = checked_opt(it, &opts, "numberingSystem", is_type_sequence)? {
        keys.push(("nu", n));
    }
    for (k, v) in keys {
        let v = canonical_keyword_value(k, v);
        let (Ok(key), Ok(val)) = (Key::try_from_str(k), KeyValue::try_from_str(&v)) else {
            return Err(it.range_error(BAD_TAG));
        };
        loc.extensions.unicode.keywords.set(key, val);
    }
    let Some(canonical) = super::intl_icu::canonicalize_tag(&tag_of(&loc, long.as_deref())) else {
        return Err(it.range_error(BAD_TAG));
    };
    let Some((mut loc, long)) = parse_long(&canonical) else {
        return Err(it.range_error(BAD_TAG));
    };
    // CLDR's aliases of keyword values (`islamicc` → `islamic-civil`), which ICU applies.
    let ca = Key::try_from_str("ca").ok();
    if let Some(ca) = ca {
        if let Some(v) = loc.extensions.unicode.keywords.get(&ca) {
            let c = canonical_keyword_value("ca", v.to_string());
            if let Ok(v) = KeyValue::try_from_str(&c) {
                loc.extensions.unicode.keywords.set(ca, v);
            }
        }
    }
    make_service(it, a, IntlData::Locale(Box::new(loc), long))
}

/// A canonical tag parsed; a 5-8 letter language (`posix`) is returned apart, `und` standing
/// for it in the locale.
fn parse_long(tag: &str) -> Option<(Locale, Option<Box<str>>)> {
    let first = tag.split('-').next().unwrap_or("");
    if (5..=8).contains(&first.len()) {
        let loc = Locale::try_from_str(&format!("und{}", &tag[first.len()..])).ok()?;
        return Some((loc, Some(first.into())));
    }
    Some((Locale::try_from_str(tag).ok()?, None))
}

/// The tag of a locale whose language may be held apart (`parse_long`).
pub(crate) fn tag_of(l: &Locale, long: Option<&str>) -> String {
    let s = l.to_string();
    match long {
        Some(lang) if s.starts_with("und") => format!("{lang}{}", &s[3..]),
        _ => s,
    }
}

/// The canonical form of a keyword value (CLDR's `bcp47` aliases).
fn canonical_keyword_value(key: &str, v: String) -> String {
    match (key, v.as_str()) {
        ("ca", "islamicc") => "islamic-civil".into(),
        ("ca", "ethiopic-amete-alem") => "ethioaa".into(),
        _ => v,
    }
}

/// Likely subtags (ICU's AddLikelySubtags): ICU4X's, plus ICU's root rule that a language
/// still unknown is `en-Latn-US` (`und-150` → `en-Latn-150`).
fn maximize_id(id: &mut icu_locale_core::LanguageIdentifier) {
    LocaleExpander::new_extended().maximize(id);
    if id.language.is_unknown() {
        if let Ok(en) = Language::try_from_str("en") {
            id.language = en;
        }
        if id.script.is_none() {
            id.script = Script::try_from_str("Latn").ok();
        }
        if id.region.is_none() {
            id.region = Region::try_from_str("US").ok();
        }
    }
}

/// A new `Intl.Locale` with `loc`, whose prototype is the receiver's constructor's.
fn new_locale(proto_of: &Value, loc: Locale, long: Option<Box<str>>) -> Value {
    let proto = match proto_of {
        Value::Object(o) => o.borrow().proto.clone(),
        _ => None,
    };
    Value::Object(Obj::new(
        proto,
        ObjectKind::Intl(Box::new(IntlData::Locale(Box::new(loc), long))),
    ))
}

fn locale_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (l, long) = locale_and_language(it, a.this, "Intl.Locale.prototype.toString")?;
    Ok(Value::from(tag_of(&l, long.as_deref()).as_str()))
}

fn locale_maximize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (mut l, long) = locale_and_language(it, a.this, "Intl.Locale.prototype.maximize")?;
    // ICU has no likely subtags for a 5-8 letter language: the locale stays as it is.
    if long.is_none() {
        maximize_id(&mut l.id);
    }
    Ok(new_locale(a.this, l, long))
}

fn locale_minimize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (mut l, long) = locale_and_language(it, a.this, "Intl.Locale.prototype.minimize")?;
    if long.is_none() {
        maximize_id(&mut l.id);
        LocaleExpander::new_extended().minimize(&mut l.id);
    }
    Ok(new_locale(a.this, l, long))
}

macro_rules! getter {
    ($name:ident, $js:literal, |$l:ident| $body:expr) => {
        fn $name(it: &mut Interp, a: &Args) -> JsResult<Value> {
            let $l = locale_of(it, a.this, concat!("Intl.Locale.prototype.", $js))?;
            let v: Option<String> = $body;
            Ok(match v {
                Some(s) => Value::from(s.as_str()),
                None => Value::Undefined,
            })
        }
    };
}

// `und` is the language of `und-US` (ECMA-402 GetLocaleLanguage; V8 answers undefined).
fn get_language(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (l, long) = locale_and_language(it, a.this, "Intl.Locale.prototype.language")?;
    let lang = match long {
        Some(lang) => lang.to_string(),
        None => l.id.language.to_string(),
    };
    Ok(Value::from(lang.as_str()))
}

fn get_base_name(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (l, long) = locale_and_language(it, a.this, "Intl.Locale.prototype.baseName")?;
    Ok(Value::from(
        tag_of(&Locale::from(l.id), long.as_deref()).as_str(),
    ))
}
getter!(get_script, "script", |l| l.id.script.map(|s| s.to_string()));
getter!(get_region, "region", |l| l.id.region.map(|s| s.to_string()));
getter!(get_variants, "variants", |l| (!l.id.variants.is_empty())
    .then(|| {
        l.id.variants
            .iter()
            .map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join("-")
    }));
getter!(get_calendar, "calendar", |l| keyword(&l, "ca"));
getter!(get_case_first, "caseFirst", |l| keyword(&l, "kf"));
getter!(get_collation, "collation", |l| keyword(&l, "co"));
getter!(get_first_day_of_week, "firstDayOfWeek", |l| keyword(
    &l, "fw"
));
getter!(get_hour_cycle, "hourCycle", |l| keyword(&l, "hc"));
getter!(get_numbering_system, "numberingSystem", |l| keyword(
    &l, "nu"
));

fn get_numeric(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.numeric")?;
    Ok(Value::Bool(matches!(
        keyword(&l, "kn").as_deref(),
        Some("" | "true")
    )))
}

/// The generated row for a locale: calendars, hour cycles, zones, first day, weekend.
fn info_row(l: &Locale) -> Vec<String> {
    use crate::intl_locale_info::{DEFAULT_INFO, LANGUAGE_INFO, REGION_INFO};
    let find = |table: &'static str, key: &str| {
        table
            .split('\n')
            .find(|line| line.split('\t').next() == Some(key))
            .map(|line| {
                line.split('\t')
                    .skip(1)
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
    };
    if l.id.region.is_none() {
        if let Some(r) = find(LANGUAGE_INFO, l.id.language.as_str()) {
            return r;
        }
    }
    let region = l.id.region.or_else(|| {
        let mut id = l.id.clone();
        maximize_id(&mut id);
        id.region
    });
    let mut row = region
        .and_then(|r| find(REGION_INFO, r.as_str()))
        .unwrap_or_else(|| DEFAULT_INFO.split('\t').map(String::from).collect());
    if let Some(h) = row.get_mut(1) {
        match l.id.region.or(region) {
            Some(r) => {
                let pair = format!("{}-{}", l.id.language, r);
                if let Some(p) = find(crate::intl_locale_info::HOUR_CYCLE_PAIRS, &pair) {
                    *h = p.join(" ");
                }
            }
            // No likely region (`xx`): as an unknown region, h23 for any language but en.
            None if l.id.language.as_str() != "en" => *h = "h23".into(),
            None => {}
        }
    }
    row
}

fn words(it: &mut Interp, s: &str) -> Value {
    let vals = s
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(Value::from)
        .collect();
    Value::Object(it.new_array(vals))
}

fn keyword_or(it: &mut Interp, l: &Locale, key: &str, f: impl FnOnce() -> String) -> Value {
    match keyword(l, key) {
        Some(k) => {
            let v = Value::from(k.as_str());
            Value::Object(it.new_array(vec![v]))
        }
        None => words(it, &f()),
    }
}

fn get_calendars(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getCalendars")?;
    Ok(keyword_or(it, &l, "ca", || info_row(&l).swap_remove(0)))
}

fn get_collations(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getCollations")?;
    Ok(keyword_or(it, &l, "co", || {
        let lang = l.id.language.as_str();
        crate::intl_locale_info::COLLATIONS
            .split('\n')
            .find_map(|line| {
                let (k, v) = line.split_once('\t')?;
                (k == lang).then(|| v.to_string())
            })
            .unwrap_or_else(|| "emoji eor".into())
    }))
}

fn get_hour_cycles(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getHourCycles")?;
    Ok(keyword_or(it, &l, "hc", || info_row(&l).swap_remove(1)))
}

/// The CLDR numbering system whose zero digit is `zero`.
fn numbering_system_of(zero: char) -> &'static str {
    match zero {
        '\u{660}' => "arab",
        '\u{6f0}' => "arabext",
        '\u{9e6}' => "beng",
        '\u{966}' => "deva",
        '\u{1040}' => "mymr",
        '\u{f20}' => "tibt",
        '\u{1c50}' => "olck",
        '\u{1e950}' => "adlm",
        '\u{abf0}' => "mtei",
        '\u{7c0}' => "nkoo",
        '\u{11136}' => "cakm",
        '\u{e50}' => "thai",
        '\u{ed0}' => "laoo",
        '\u{17e0}' => "khmr",
        '\u{ae6}' => "gujr",
        '\u{a66}' => "guru",
        '\u{ce6}' => "knda",
        '\u{d66}' => "mlym",
        '\u{b66}' => "orya",
        '\u{be6}' => "tamldec",
        '\u{c66}' => "telu",
        '\u{16b50}' => "hmng",
        '\u{1e140}' => "hmnp",
        '\u{10d30}' => "rohg",
        '\u{1946}' => "limb",
        '\u{a9d0}' => "java",
        '\u{ff10}' => "fullwide",
        _ => "latn",
    }
}

/// The default numbering system of a locale (its digits as ICU4X's decimal data has them).
pub fn default_numbering_system(locale: &str) -> &'static str {
    numbering_system_of(super::intl_icu::number_symbols(locale).digits[0])
}

fn get_numbering_systems(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getNumberingSystems")?;
    Ok(keyword_or(it, &l, "nu", || {
        let tag = l.id.to_string();
        let sym = super::intl_icu::number_symbols(&tag);
        numbering_system_of(sym.digits[0]).to_string()
    }))
}

fn get_time_zones(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getTimeZones")?;
    if l.id.region.is_none() {
        return Ok(Value::Undefined);
    }
    let row = info_row(&l);
    Ok(words(it, &row[2]))
}

fn get_text_info(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getTextInfo")?;
    let rtl = LocaleDirectionality::new_extended().is_right_to_left(&l.id);
    let o = it.new_object();
    o.define(
        "direction",
        Value::from(if rtl { "rtl" } else { "ltr" }),
        Attrs::DEFAULT,
    );
    Ok(Value::Object(o))
}

fn get_week_info(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let l = locale_of(it, a.this, "Intl.Locale.prototype.getWeekInfo")?;
    let row = info_row(&l);
    let first = match keyword(&l, "fw").as_deref() {
        Some("mon") => 1.0,
        Some("tue") => 2.0,
        Some("wed") => 3.0,
        Some("thu") => 4.0,
        Some("fri") => 5.0,
        Some("sat") => 6.0,
        Some("sun") => 7.0,
        _ => row[3].parse().unwrap_or(1.0),
    };
    let weekend: Vec<Value> = row[4]
        .split(' ')
        .filter_map(|d| d.parse::<f64>().ok())
        .map(Value::from)
        .collect();
    let weekend = Value::Object(it.new_array(weekend));
    let o = it.new_object();
    o.define("firstDay", Value::from(first), Attrs::DEFAULT);
    o.define("weekend", weekend, Attrs::DEFAULT);
    Ok(Value::Object(o))
}

/// Defines `Intl.Locale`.
pub fn init(it: &mut Interp, intl: &Obj) {
    let (ctor, p) = super::intl::make_class(it, intl, "Locale", locale_ctor, 1);
    // Intl.Locale has no supportedLocalesOf.
    ctor.delete(&static_key!("supportedLocalesOf"));
    it.define_method(&p, "toString", 0, locale_to_string);
    it.define_method(&p, "maximize", 0, locale_maximize);
    it.define_method(&p, "minimize", 0, locale_minimize);
    it.define_getter(&p, "language", get_language);
    it.define_getter(&p, "script", get_script);
    it.define_getter(&p, "region", get_region);
    it.define_getter(&p, "baseName", get_base_name);
    it.define_getter(&p, "variants", get_variants);
    it.define_getter(&p, "calendar", get_calendar);
    it.define_getter(&p, "caseFirst", get_case_first);
    it.define_getter(&p, "collation", get_collation);
    it.define_getter(&p, "firstDayOfWeek", get_first_day_of_week);
    it.define_getter(&p, "hourCycle", get_hour_cycle);
    it.define_getter(&p, "numeric", get_numeric);
    it.define_getter(&p, "numberingSystem", get_numbering_system);
    // V8's older accessor forms of the get* methods.
    it.define_getter(&p, "calendars", get_calendars);
    it.define_getter(&p, "collations", get_collations);
    it.define_getter(&p, "hourCycles", get_hour_cycles);
    it.define_getter(&p, "numberingSystems", get_numbering_systems);
    it.define_getter(&p, "textInfo", get_text_info);
    it.define_getter(&p, "timeZones", get_time_zones);
    it.define_getter(&p, "weekInfo", get_week_info);
    it.define_method(&p, "getCalendars", 0, get_calendars);
    it.define_method(&p, "getCollations", 0, get_collations);
    it.define_method(&p, "getHourCycles", 0, get_hour_cycles);
    it.define_method(&p, "getNumberingSystems", 0, get_numbering_systems);
    it.define_method(&p, "getTimeZones", 0, get_time_zones);
    it.define_method(&p, "getTextInfo", 0, get_text_info);
    it.define_method(&p, "getWeekInfo", 0, get_week_info);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtag_checks() {
        assert!(is_language("en") && is_language("haw") && !is_language("abcd"));
        assert!(is_region("419") && is_region("GB") && !is_region("1"));
        assert!(is_type_sequence("islamic-civil") && !is_type_sequence("a"));
        assert_eq!(numbering_system_of('\u{660}'), "arab");
        let l = Locale::try_from_str("und-TH").unwrap();
        assert_eq!(info_row(&l)[0], "buddhist gregory");
    }
}
