//! `Intl.DateTimeFormat` (ECMA-402 §11) on ICU4X's CLDR data, and
//! `Date.prototype.toLocale{,Date,Time}String` through it.
//!
//! What is whose (see DESIGN.md "Intl"):
//! * **JavaScript's own, by hand**: option reading in CreateDateTimeFormat's order with V8's
//!   messages, ToDateTimeOptions' defaults, the hour cycle rules (`hour12` picks h11/h12 or
//!   h23/h24 by the locale's own cycle, as V8), `resolvedOptions` read off the pattern (as V8
//!   does: `en-GB`'s numeric day resolves to `2-digit`).
//! * **ICU4X**: the pattern for the requested fields (`icu_datetime`'s field sets, built as
//!   ICU's pattern generator would be asked: the text widths choose the length), every name
//!   (months, weekdays, eras, day periods, time zones of every kind) and the locale's digits.
//!   The pattern ICU4X picks is then adjusted the way ICU's `DateTimePatternGenerator`
//!   adjusts a matched pattern (requested text widths, `2-digit` fields, the hour letter of
//!   the hour cycle, fractional seconds), and formatted with `FixedCalendarDateTimeNames`.
//! * **jiff** (through `time_zone.rs`): the offset of every IANA zone at the instant.
//! * Calendars other than the Gregorian: ICU4X's `DateTimeFormatter` with its own pattern;
//!   flexible day periods (`intl_day_period.rs`) and `formatRange` layouts
//!   (`intl_date_interval.rs`) from tables generated with the reference Node.
//!
//! Formatters are built on first use per (locale, pattern) and cached per thread.

use std::cell::RefCell;
use std::rc::Rc;

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder, ZoneStyle};
use icu_datetime::fieldsets::enums::CompositeFieldSet;
use icu_datetime::options::{Length, SubsecondDigits, TimePrecision, YearStyle};
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::preferences::{CalendarAlgorithm, HourCycle};
use icu_datetime::{
    DateTimeFormatter, DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter,
};
use icu_locale_core::Locale;
use icu_time::zone::{IanaParser, TimeZoneInfo, UtcOffset};
use icu_time::{DateTime, Time, TimeZone, ZonedDateTime};
use rustc_hash::FxHashMap;
use writeable::{Part, TryWriteable, Writeable};

use super::intl::{
    bool_opt, get_opt, intl_data, make_service, options_object, parts_to_array, str_opt, IntlData,
};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind};
use crate::time_zone::LocalZone;
use crate::value::Value;

const DTF: &str = "Intl.DateTimeFormat";

/// The resolved state of an `Intl.DateTimeFormat`.
#[derive(Debug, Clone, Default)]
pub struct DateSpec {
    pub locale: String,
    /// `resolvedOptions().timeZone` ("": undefined, a zone Node's ICU has no name for).
    pub tz_name: String,
    /// The zone (`None`: UTC).
    pub zone: Option<Rc<LocalZone>>,
    pub weekday: Option<String>,
    pub era: Option<String>,
    pub year: Option<String>,
    pub month: Option<String>,
    pub day: Option<String>,
    pub day_period: Option<String>,
    pub hour: Option<String>,
    pub minute: Option<String>,
    pub second: Option<String>,
    pub fractional_digits: Option<u8>,
    /// The hour cycle asked for: "h11", "h12", "h23" or "h24" (after `hour12`/`hourCycle`).
    pub hc: String,
    pub tz_display: Option<String>,
    pub date_style: Option<String>,
    pub time_style: Option<String>,
    /// An explicit numbering system (`numberingSystem`, `-u-nu-`) Node supports.
    pub nu: Option<String>,
    /// The calendar (`calendar`, `-u-ca-`, canonical: `islamicc` is `islamic-civil`); `None`
    /// is `gregory`.
    pub calendar: Option<String>,
    /// The UTS 35 pattern everything is formatted with.
    pub pattern: String,
    /// `resolvedOptions().locale`: `locale` with the `-u-` keywords ResolveLocale keeps
    /// (`intl::date_time_format_locale`); empty before resolution.
    pub resolved_locale: String,
}

/// Which components `ToDateTimeOptions` requires and defaults.
#[derive(Clone, Copy, PartialEq)]
pub enum DateDefaults {
    Date,
    Time,
    /// `Intl.DateTimeFormat`: any required, date defaults.
    AnyDate,
    /// `toLocaleString`: any required, all defaults.
    All,
}

// ---- ICU4X ----------------------------------------------------------------------------------

fn locale_of(locale: &str) -> Locale {
    Locale::try_from_str(locale).unwrap_or(Locale::UNKNOWN)
}

/// The preferences ICU4X's pattern choice uses: the locale (its `-u-nu-`), the Gregorian
/// calendar (the only one implemented), and the hour cycle when asked for.
fn prefs(locale: &str, hc: Option<&str>) -> DateTimeFormatterPreferences {
    let mut p: DateTimeFormatterPreferences = (&locale_of(locale)).into();
    p.calendar_algorithm = Some(CalendarAlgorithm::Gregory);
    p.hour_cycle = match hc {
        Some("h11") => Some(HourCycle::H11),
        Some("h12") => Some(HourCycle::H12),
        Some("h23" | "h24") => Some(HourCycle::H23),
        _ => None,
    };
    p
}

/// A fixed instant ICU4X's pattern choice is made for (2024: ICU4X's `Auto` year style picks
/// the two-digit year of the short date styles for it, as CLDR's `yy`).
fn sample_input() -> Option<GregorianZoned> {
    let date = Date::try_new_gregorian(2024, 1, 15).ok()?;
    let time = Time::try_new(10, 30, 45, 0).ok()?;
    let zone = IanaParser::new()
        .parse("America/New_York")
        .with_offset(UtcOffset::try_from_seconds(-5 * 3600).ok())
        .at_date_time(DateTime { date, time });
    Some(ZonedDateTime { date, time, zone })
}

/// The pattern ICU4X chooses for a field set (the Gregorian formatter: only that calendar's
/// data is linked).
fn icu_pattern(locale: &str, hc: Option<&str>, fs: &FieldSetBuilder) -> Option<String> {
    let set: CompositeFieldSet = fs.clone().build_composite().ok()?;
    let f = FixedCalendarDateTimeFormatter::<Gregorian, CompositeFieldSet>::try_new(
        prefs(locale, hc),
        set,
    )
    .ok()?;
    let input = sample_input()?;
    Some(f.format(&input).pattern().to_string())
}

thread_local! {
    static PATTERNS: RefCell<FxHashMap<String, Option<String>>> = RefCell::default();
    static DEFAULT_HC: RefCell<FxHashMap<String, &'static str>> = RefCell::default();
    static NAMES: RefCell<FxHashMap<(String, String), Rc<Names>>> = RefCell::default();
}

fn cached_pattern(locale: &str, hc: Option<&str>, fs: &FieldSetBuilder) -> Option<String> {
    let key = format!("{locale}|{hc:?}|{fs:?}");
    if let Some(p) = PATTERNS.with(|m| m.borrow().get(&key).cloned()) {
        return p;
    }
    let p = icu_pattern(locale, hc, fs);
    PATTERNS.with(|m| m.borrow_mut().insert(key, p.clone()));
    p
}

/// The locale's own hour cycle (`h12` in en-US, `h23` in en-GB): Node's, from the
/// generated table (es-AR is h12 there, h23 in ICU4X), else from ICU4X's hour-minute
/// pattern.
fn default_hour_cycle(locale: &str) -> &'static str {
    if let Some(h) = DEFAULT_HC.with(|m| m.borrow().get(locale).copied()) {
        return h;
    }
    let from_node = match table_row(locale, "hc") {
        Some("h11") => Some("h11"),
        Some("h12") => Some("h12"),
        Some("h23") => Some("h23"),
        Some("h24") => Some("h24"),
        _ => None,
    };
    if let Some(hc) = from_node {
        DEFAULT_HC.with(|m| m.borrow_mut().insert(locale.to_string(), hc));
        return hc;
    }
    let mut fs = FieldSetBuilder::new();
    fs.time_precision = Some(TimePrecision::Minute);
    let hc = cached_pattern(locale, None, &fs)
        .and_then(|p| {
            tokens(&p).into_iter().find_map(|t| match t {
                Token::Field('h', _) => Some("h12"),
                Token::Field('H', _) => Some("h23"),
                Token::Field('K', _) => Some("h11"),
                Token::Field('k', _) => Some("h24"),
                _ => None,
            })
        })
        .unwrap_or("h23");
    DEFAULT_HC.with(|m| m.borrow_mut().insert(locale.to_string(), hc));
    hc
}

/// The names a pattern needs in a locale, loaded once.
struct Names {
    names: FixedCalendarDateTimeNames<Gregorian, CompositeFieldSet>,
    pattern: DateTimePattern,
}

fn names_for(locale: &str, pattern: &str) -> Option<Rc<Names>> {
    let key = (locale.to_string(), pattern.to_string());
    if let Some(n) = NAMES.with(|m| m.borrow().get(&key).cloned()) {
        return Some(n);
    }
    let pat: DateTimePattern = pattern.parse().ok()?;
    let mut names =
        FixedCalendarDateTimeNames::<Gregorian, CompositeFieldSet>::try_new(prefs(locale, None))
            .ok()?;
    names.include_for_pattern(&pat).ok()?;
    let n = Rc::new(Names {
        names,
        pattern: pat,
    });
    NAMES.with(|m| m.borrow_mut().insert(key, n.clone()));
    Some(n)
}

// ---- patterns -------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// A field: its letter and how many times it repeats.
    Field(char, usize),
    /// Literal text, unquoted.
    Lit(String),
}

/// Splits a UTS 35 pattern into fields and literal text (`'...'` quoting, `''` a quote).
pub(super) fn tokens(p: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut chars = p.chars().peekable();
    let mut lit = String::new();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                lit.push('\'');
                continue;
            }
            while let Some(q) = chars.next() {
                if q == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        lit.push('\'');
                        continue;
                    }
                    break;
                }
                lit.push(q);
            }
        } else if c.is_ascii_alphabetic() {
            if !lit.is_empty() {
                out.push(Token::Lit(std::mem::take(&mut lit)));
            }
            let mut n = 1;
            while chars.peek() == Some(&c) {
                chars.next();
                n += 1;
            }
            out.push(Token::Field(c, n));
        } else {
            lit.push(c);
        }
    }
    if !lit.is_empty() {
        out.push(Token::Lit(lit));
    }
    out
}

pub(super) fn untokens(t: &[Token]) -> String {
    // Adjacent literals are one (two quoted runs side by side would read as a quote).
    let mut merged: Vec<Token> = Vec::new();
    for tok in t {
        match (merged.last_mut(), tok) {
            (Some(Token::Lit(a)), Token::Lit(b)) => a.push_str(b),
            _ => merged.push(tok.clone()),
        }
    }
    let mut s = String::new();
    for tok in &merged {
        match tok {
            Token::Field(c, n) => s.extend(std::iter::repeat_n(*c, *n)),
            Token::Lit(l) => {
                // Letters are quoted; a quote is `''` (outside a quoted run, so a literal
                // made of quotes alone does not read as an empty quoted run).
                let mut quoted = false;
                for ch in l.chars() {
                    if ch.is_ascii_alphabetic() {
                        if !quoted {
                            s.push('\'');
                            quoted = true;
                        }
                        s.push(ch);
                        continue;
                    }
                    if quoted {
                        s.push('\'');
                        quoted = false;
                    }
                    if ch == '\'' {
                        s.push_str("''");
                    } else {
                        s.push(ch);
                    }
                }
                if quoted {
                    s.push('\'');
                }
            }
        }
    }
    s
}

fn text_width(v: &str) -> usize {
    match v {
        "long" => 4,
        "narrow" => 5,
        _ => 3,
    }
}

/// The field set ICU4X is asked for: the fields of the request, the length its text widths
/// imply (month first, as ICU's skeleton matching weighs it), the full year.
fn field_set(s: &DateSpec) -> FieldSetBuilder {
    let mut fs = FieldSetBuilder::new();
    if s.date_style.is_some() || s.time_style.is_some() {
        if let Some(ds) = &s.date_style {
            fs.date_fields = Some(if ds == "full" {
                DateFields::YMDE
            } else {
                DateFields::YMD
            });
            fs.length = Some(match ds.as_str() {
                "full" | "long" => Length::Long,
                "medium" => Length::Medium,
                _ => Length::Short,
            });
            fs.year_style = Some(YearStyle::Auto);
        }
        if let Some(ts) = &s.time_style {
            fs.time_precision = Some(if ts == "short" {
                TimePrecision::Minute
            } else {
                TimePrecision::Second
            });
            fs.zone_style = match ts.as_str() {
                "full" => Some(ZoneStyle::SpecificLong),
                "long" => Some(ZoneStyle::SpecificShort),
                _ => None,
            };
        }
        return fs;
    }
    let y = s.year.is_some() || s.era.is_some();
    let (m, d, e) = (s.month.is_some(), s.day.is_some(), s.weekday.is_some());
    fs.date_fields = match (y, m, d, e) {
        (false, false, false, false) => None,
        (_, false, false, false) => Some(DateFields::Y),
        (false, true, false, false) => Some(DateFields::M),
        (true, true, false, false) => Some(DateFields::YM),
        (false, false, true, false) => Some(DateFields::D),
        (false, true, true, false) => Some(DateFields::MD),
        (true, _, true, false) => Some(DateFields::YMD),
        (false, false, false, true) => Some(DateFields::E),
        (false, false, true, true) => Some(DateFields::DE),
        (false, true, _, true) => Some(DateFields::MDE),
        (true, _, _, true) => Some(DateFields::YMDE),
    };
    let text = |v: &Option<String>| v.as_deref().map(text_width);
    // A text month: the long length, whose month is text in every locale (the medium one is
    // numeric in de, `dd.MM.y`); the width is set afterwards.
    fs.length = match (s.month.as_deref(), text(&s.weekday)) {
        (Some("long" | "short" | "narrow"), _) => Some(Length::Long),
        (Some(_), _) => Some(Length::Short),
        (None, Some(4)) => Some(Length::Long),
        (None, Some(_)) => Some(Length::Medium),
        (None, None) => None,
    };
    if fs.date_fields.is_some_and(|d| {
        d != DateFields::D
            && d != DateFields::E
            && d != DateFields::M
            && d != DateFields::MD
            && d != DateFields::DE
            && d != DateFields::MDE
    }) {
        fs.year_style = Some(if s.era.is_some() {
            YearStyle::WithEra
        } else {
            YearStyle::Full
        });
    }
    fs.time_precision = if let Some(n) = s.fractional_digits {
        Some(TimePrecision::Subsecond(match n {
            1 => SubsecondDigits::S1,
            2 => SubsecondDigits::S2,
            _ => SubsecondDigits::S3,
        }))
    } else if s.second.is_some() {
        Some(TimePrecision::Second)
    } else if s.minute.is_some() {
        Some(TimePrecision::Minute)
    } else if s.hour.is_some() || s.day_period.is_some() {
        Some(TimePrecision::Hour)
    } else {
        None
    };
    // ICU4X has no year/month-only set with a time or zone: ask for the day too and drop it.
    if (fs.time_precision.is_some() || s.tz_display.is_some())
        && matches!(
            fs.date_fields,
            Some(DateFields::Y | DateFields::M | DateFields::YM)
        )
    {
        fs.date_fields = Some(DateFields::YMD);
    }
    fs.zone_style = s.tz_display.as_deref().map(|z| match z {
        "long" => ZoneStyle::SpecificLong,
        "shortOffset" => ZoneStyle::LocalizedOffsetShort,
        "longOffset" => ZoneStyle::LocalizedOffsetLong,
        "shortGeneric" => ZoneStyle::GenericShort,
        "longGeneric" => ZoneStyle::GenericLong,
        _ => ZoneStyle::SpecificShort,
    });
    fs
}

/// Removes the fields ICU4X filled in that were not asked for (a `YMD` set for a year and
/// a weekday), with the literal text that joined them.
fn drop_unrequested(toks: Vec<Token>, keep: impl Fn(char) -> bool) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut pending_drop = false;
    let mut dropped = false;
    for t in toks {
        match &t {
            Token::Field(c, _) if !keep(*c) => {
                dropped = true;
                // Drop the literal before it, unless it starts the pattern; else the one after.
                if matches!(out.last(), Some(Token::Lit(_))) && out.len() > 1 {
                    out.pop();
                } else {
                    pending_drop = true;
                }
            }
            Token::Lit(_) if pending_drop => {
                pending_drop = false;
                if out.is_empty() {
                    continue;
                }
                out.push(t);
            }
            _ => {
                pending_drop = false;
                out.push(t);
            }
        }
    }
    if dropped {
        while matches!(out.first(), Some(Token::Lit(_))) {
            out.remove(0);
        }
        while matches!(out.last(), Some(Token::Lit(_))) {
            out.pop();
        }
    }
    out
}

/// A date and a time joined as ICU's pattern generator joins them: the date's own pattern
/// (`date`: Node's, from the table, or ICU4X's), the time's, and the `dateTimeFormat` glue of
/// the length the month's width implies (medium for `Jan`, short for numeric months), read
/// off ICU4X's pattern for the whole set at that length. ICU4X's long length (asked for a text
/// month, as its medium date is numeric in some locales) would bring the long glue
/// (`… at 4:05 AM`).
fn glued(
    locale: &str,
    hc: Option<&str>,
    fs: &FieldSetBuilder,
    date: Option<&str>,
    time_pattern: Option<&str>,
    glue_length: Length,
) -> Option<String> {
    let mut date_fs = fs.clone();
    date_fs.time_precision = None;
    date_fs.zone_style = None;
    let mut time = fs.clone();
    time.date_fields = None;
    time.length = None;
    time.year_style = None;
    let mut both = fs.clone();
    both.length = Some(glue_length);
    let mut date_at = date_fs.clone();
    date_at.length = Some(glue_length);
    let d = match date {
        Some(d) => d.to_string(),
        None => cached_pattern(locale, hc, &date_fs)?,
    };
    let dm = cached_pattern(locale, hc, &date_at)?;
    let t = cached_pattern(locale, hc, &time)?;
    let both = cached_pattern(locale, hc, &both)?;
    let own_t = time_pattern.map_or(t.clone(), str::to_string);
    if let Some(glue) = both.strip_prefix(&dm).and_then(|r| r.strip_suffix(&t)) {
        return Some(format!("{d}{glue}{own_t}"));
    }
    let glue = both.strip_prefix(&t)?.strip_suffix(&dm)?;
    Some(format!("{own_t}{glue}{d}"))
}

/// The pattern for a resolved spec: ICU4X's choice adjusted as ICU's pattern generator
/// adjusts a matched pattern to the request.
fn resolve_pattern(s: &DateSpec) -> String {
    let fs = field_set(s);
    let hc = s.hc.as_str();
    let has_hour = s.hour.is_some() || s.time_style.is_some();
    let from_table = node_pattern(s);
    let components = s.date_style.is_none() && s.time_style.is_none();
    let with_time = components && fs.date_fields.is_some() && fs.time_precision.is_some();
    // The date part alone, when the table has Node's pattern for it.
    let table_date = if with_time {
        let mut d = s.clone();
        (
            d.hour,
            d.minute,
            d.second,
            d.fractional_digits,
            d.day_period,
            d.tz_display,
        ) = (None, None, None, None, None, None);
        node_pattern(&d)
    } else {
        None
    };
    // The time part alone, from the table too (zones and fractions stay ICU4X's).
    let table_time = if with_time && s.tz_display.is_none() && s.fractional_digits.is_none() {
        let mut t = s.clone();
        (t.weekday, t.year, t.month, t.day) = (None, None, None, None);
        node_pattern(&t)
    } else {
        None
    };
    let base = super::intl_day_period::pattern(s)
        .or_else(|| from_table.map(str::to_string))
        .or_else(|| {
            if !with_time
                || (table_date.is_none()
                    && table_time.is_none()
                    && s.month.as_deref() == Some("long"))
            {
                return None;
            }
            let glue_length = match s.month.as_deref() {
                Some("long") => Length::Long,
                Some("short" | "narrow") => Length::Medium,
                _ => Length::Short,
            };
            glued(
                &s.locale,
                has_hour.then_some(hc),
                &fs,
                table_date,
                table_time,
                glue_length,
            )
        })
        .or_else(|| {
            // A date and a zone without a time: ICU joins them as a date and a time (`1/15/2024,
            // UTC`); ICU4X has its own glue for the pair.
            if !components || fs.time_precision.is_some() || fs.zone_style.is_none() {
                return None;
            }
            let date_fs = {
                let mut d = fs.clone();
                d.zone_style = None;
                d
            };
            let mut d = s.clone();
            d.tz_display = None;
            let date = node_pattern(&d)
                .map(str::to_string)
                .or_else(|| cached_pattern(&s.locale, None, &date_fs))?;
            let z = zone_letters(s.tz_display.as_deref());
            let mut with_time = date_fs.clone();
            with_time.time_precision = Some(TimePrecision::Hour);
            let mut time = FieldSetBuilder::new();
            time.time_precision = Some(TimePrecision::Hour);
            let glue_len = match s.month.as_deref() {
                Some("long") => Length::Long,
                Some("short" | "narrow") => Length::Medium,
                _ => Length::Short,
            };
            with_time.length = Some(glue_len);
            let mut date_at = date_fs.clone();
            date_at.length = Some(glue_len);
            let both = cached_pattern(&s.locale, Some("h23"), &with_time)?;
            let dm = cached_pattern(&s.locale, Some("h23"), &date_at)?;
            let t = cached_pattern(&s.locale, Some("h23"), &time)?;
            if let Some(glue) = both.strip_prefix(&dm).and_then(|r| r.strip_suffix(&t)) {
                return Some(format!("{date}{glue}{z}"));
            }
            let glue = both.strip_prefix(&t)?.strip_suffix(&dm)?;
            Some(format!("{z}{glue}{date}"))
        })
        .or_else(|| cached_pattern(&s.locale, has_hour.then_some(hc), &fs))
        .or_else(|| {
            // A zone with a date alone: ICU4X has no such set; the date, then the zone.
            let mut no_zone = fs.clone();
            no_zone.zone_style = None;
            let p = cached_pattern(&s.locale, has_hour.then_some(hc), &no_zone)?;
            Some(format!("{p}, {}", zone_letters(s.tz_display.as_deref())))
        })
        .unwrap_or_else(|| "y-MM-dd".into());
    let mut toks = tokens(&base);
    fit_utc(s, &mut toks);
    if s.date_style.is_some() || s.time_style.is_some() {
        if from_table.is_some() {
            // Node's layout, with the month and weekday name forms (format or stand-alone)
            // ICU4X's own style pattern uses: Node's output cannot tell them apart where they
            // read the same, but ICU4X's names can differ (fi `maanantaina`/`maanantai`).
            if let Some(icu) = cached_pattern(&s.locale, has_hour.then_some(hc), &fs) {
                let icu_toks = tokens(&icu);
                let form = |kinds: [char; 2]| {
                    icu_toks.iter().find_map(|t| match t {
                        Token::Field(c, n) if kinds.contains(c) && *n >= 3 => Some(*c),
                        _ => None,
                    })
                };
                let (month, weekday) = (form(['M', 'L']), form(['E', 'c']));
                for t in toks.iter_mut() {
                    if let Token::Field(c, n) = t {
                        if *n >= 3 {
                            match (*c, month, weekday) {
                                ('M' | 'L', Some(m), _) => *c = m,
                                ('E' | 'c', _, Some(w)) => *c = w,
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        fit_style_hour(s, &mut toks);
        let mut p = untokens(&toks);
        for (loc, from, to) in PATTERN_FIXES {
            if s.locale == *loc {
                p = p.replace(from, to);
            }
        }
        return p;
    }
    if from_table.is_none() {
        toks = drop_unrequested(toks, |c| match c {
            'G' => s.era.is_some(),
            'y' | 'Y' | 'u' | 'r' | 'U' => s.year.is_some() || s.era.is_some(),
            'M' | 'L' => s.month.is_some(),
            'd' => s.day.is_some(),
            'E' | 'c' | 'e' => s.weekday.is_some(),
            'h' | 'H' | 'K' | 'k' => s.hour.is_some(),
            'a' | 'b' | 'B' => s.hour.is_some() || s.day_period.is_some(),
            'm' => s.minute.is_some(),
            's' => s.second.is_some() || s.fractional_digits.is_some(),
            _ => true,
        });
    }
    fit_widths(s, &mut toks);
    // A weekday alone is the stand-alone form (`Mo` where a date has `Mo.`), as ICU's `ccc`.
    if let [Token::Field(c @ 'E', _)] = toks.as_mut_slice() {
        *c = 'c';
    }
    untokens(&toks)
}

/// Sets the widths of a pattern's fields to the request (text widths, `2-digit`, the hour
/// letter of the hour cycle, the fractional digits, a flexible day period), as ICU's pattern
/// generator adjusts a matched pattern.
fn fit_widths(s: &DateSpec, toks: &mut [Token]) {
    let hc = s.hc.as_str();
    let two = |v: &Option<String>| v.as_deref() == Some("2-digit");
    for t in toks.iter_mut() {
        let Token::Field(c, n) = t else { continue };
        match *c {
            'y' => *n = if two(&s.year) { 2 } else { 1 },
            'M' | 'L' => match s.month.as_deref() {
                Some("2-digit") => *n = 2,
                Some("numeric") if *n > 2 => *n = 1,
                // A numeric month stays numeric (ja `y年M月d日` for a long month), as ICU
                // keeps a pattern field's kind.
                Some(w @ ("short" | "long" | "narrow")) if *n >= 3 => *n = text_width(w),
                _ => {}
            },
            'd' if two(&s.day) => *n = 2,
            'E' | 'c' | 'e' => {
                if let Some(w) = &s.weekday {
                    *c = 'E';
                    *n = text_width(w);
                }
            }
            'G' => {
                if let Some(w) = &s.era {
                    *n = match w.as_str() {
                        "long" => 4,
                        "narrow" => 5,
                        _ => 1,
                    };
                }
            }
            'h' | 'H' | 'K' | 'k' => {
                *c = hour_letter(hc);
                if two(&s.hour) {
                    *n = 2;
                } else if s.minute.as_deref() == Some("2-digit") {
                    // V8 asks for `jmm`, which ICU matches with an unpadded hour (`4:05`).
                    *n = 1;
                }
            }
            'S' => {
                if let Some(d) = s.fractional_digits {
                    *n = d as usize;
                }
            }
            // A flexible day period in place of AM/PM, with a 12-hour clock (ICU drops it
            // from a 24-hour pattern).
            'a' | 'B' if s.day_period.is_some() => {
                *c = 'B';
                *n = match s.day_period.as_deref() {
                    Some("long") => 4,
                    Some("narrow") => 5,
                    _ => 1,
                };
            }
            _ => {}
        }
    }
    // A minute or a second without the other time fields: ICU's skeleton `m` or `s` gives
    // an unpadded `m`/`s` even for `2-digit` (resolved as `numeric`).
    let has = |want: &[char]| {
        toks.iter()
            .any(|t| matches!(t, Token::Field(c, _) if want.contains(c)))
    };
    let hour = has(&['h', 'H', 'K', 'k']);
    let (minute, second) = (has(&['m']), has(&['s']));
    if !hour && minute != second {
        for t in toks.iter_mut() {
            if let Token::Field('m' | 's', n) = t {
                *n = 1;
            }
        }
    }
}

/// ICU has no generic name for UTC: it prints the offset (`GMT+0`, `GMT+00:00`); and its
/// short specific name is `UTC` in every locale (ICU4X: fr `TU`).
fn fit_utc(s: &DateSpec, toks: &mut [Token]) {
    if s.tz_name == "UTC" {
        for t in toks.iter_mut() {
            match t {
                Token::Field(c @ 'v', _) => *c = 'O',
                Token::Field('z', 1..=3) => *t = Token::Lit("UTC".into()),
                _ => {}
            }
        }
    }
}

/// The hour letter of the hour cycle in a dateStyle/timeStyle pattern.
fn fit_style_hour(s: &DateSpec, toks: &mut [Token]) {
    for t in toks.iter_mut() {
        if let Token::Field(c @ ('h' | 'H' | 'K' | 'k'), _) = t {
            *c = hour_letter(&s.hc);
        }
    }
}

/// An interval layout's fields (`intl_date_interval.rs`) fitted to the request as ICU's
/// `DateIntervalFormat` fits them: the hour letter of the cycle, a two-digit year, narrow
/// names; other widths are the layout's (ICU's interval patterns keep theirs: ru's full date
/// range has abbreviated weekdays).
pub(super) fn fit_tokens(s: &DateSpec, toks: &mut [Token]) {
    fit_utc(s, toks);
    fit_style_hour(s, toks);
    if s.date_style.is_some() || s.time_style.is_some() {
        return;
    }
    for t in toks.iter_mut() {
        let Token::Field(c, n) = t else { continue };
        match *c {
            'y' if s.year.as_deref() == Some("2-digit") => *n = 2,
            'M' | 'L' if *n >= 3 && s.month.as_deref() == Some("narrow") => *n = 5,
            'E' | 'c' | 'e' if s.weekday.as_deref() == Some("narrow") => *n = 5,
            'G' => {
                if let Some(w) = &s.era {
                    *n = match w.as_str() {
                        "long" => 4,
                        "narrow" => 5,
                        _ => 1,
                    };
                }
            }
            _ => {}
        }
    }
}

/// The skeleton of an option bag (`yMMMd`, `Hm`, `Ehm`): the key of the generated table of
/// the patterns ICU's pattern generator picks (`intl_date_patterns.rs`).
fn table_skeleton(s: &DateSpec) -> Option<String> {
    if s.date_style.is_some() || s.time_style.is_some() {
        // dateStyle/timeStyle: Node's patterns (`Dfull`, `Tshort`, `DlongTshort`), for the
        // Gregorian calendar and the locale's own hour cycle, which the table was made with.
        if s.calendar.is_some() || (s.time_style.is_some() && s.hc != default_hour_cycle(&s.locale))
        {
            return None;
        }
        let mut k = String::new();
        if let Some(d) = &s.date_style {
            k.push('D');
            k.push_str(d);
        }
        if let Some(t) = &s.time_style {
            k.push('T');
            k.push_str(t);
        }
        return Some(k);
    }
    if s.era.is_some() {
        return None;
    }
    if s.tz_display.is_some() || s.day_period.is_some() || s.fractional_digits.is_some() {
        return None;
    }
    let twelve = matches!(s.hc.as_str(), "h11" | "h12");
    let h = if twelve { "h" } else { "H" };
    let mut k = String::new();
    let date = s.weekday.is_some() || s.year.is_some() || s.month.is_some() || s.day.is_some();
    let time = (s.hour.is_some(), s.minute.is_some(), s.second.is_some());
    if date {
        if time != (false, false, false) {
            // A weekday with an hour and minute is one skeleton; other mixes are glued.
            if s.year.is_none()
                && s.month.is_none()
                && s.day.is_none()
                && time == (true, true, false)
            {
                return Some(format!("E{h}m"));
            }
            return None;
        }
        if s.year.is_some() {
            k.push('y');
        }
        k.push_str(match s.month.as_deref() {
            Some("numeric" | "2-digit") => "M",
            Some("long") => "MMMM",
            Some(_) => "MMM",
            None => "",
        });
        k.push_str(match s.weekday.as_deref() {
            Some("long") => "EEEE",
            Some(_) => "E",
            None => "",
        });
        if s.day.is_some() {
            k.push('d');
        }
        return Some(k);
    }
    Some(match time {
        (true, false, false) => h.to_string(),
        (true, true, false) => format!("{h}m"),
        (true, true, true) => format!("{h}ms"),
        (false, true, true) => "ms".to_string(),
        _ => return None,
    })
}

thread_local! {
    static TABLE: RefCell<FxHashMap<(String, String), Option<&'static str>>> = RefCell::default();
}

/// Node's pattern for the bag, when the generated table has one for the locale (or its
/// language).
fn node_pattern(s: &DateSpec) -> Option<&'static str> {
    let skeleton = table_skeleton(s)?;
    let key = (s.locale.clone(), skeleton);
    if let Some(p) = TABLE.with(|m| m.borrow().get(&key).copied()) {
        return p;
    }
    let p = table_row(&s.locale, &key.1);
    TABLE.with(|m| m.borrow_mut().insert(key, p));
    p
}

/// The generated table's value for `key` in `locale`, else in its language.
fn table_row(locale: &str, key: &str) -> Option<&'static str> {
    let find = |loc: &str| {
        crate::intl_date_patterns::INTL_DATE_PATTERNS
            .split('\n')
            .find_map(|row| {
                let mut f = row.split('\t');
                (f.next()? == loc && f.next()? == key).then(|| f.next())?
            })
    };
    let lang = locale.split('-').next().unwrap_or("");
    find(locale).or_else(|| find(lang))
}

/// The pattern letters of a `timeZoneName` style.
fn zone_letters(style: Option<&str>) -> &'static str {
    match style {
        Some("long") => "zzzz",
        Some("shortOffset") => "O",
        Some("longOffset") => "OOOO",
        Some("shortGeneric") => "v",
        Some("longGeneric") => "vvvv",
        _ => "z",
    }
}

/// Patterns where ICU4X's data for a locale differs from ICU 78's: (locale, ICU4X's pattern
/// text, ICU's). en-IN's medium date is `d MMM y` in ICU (ICU4X: `dd MMM y`).
const PATTERN_FIXES: &[(&str, &str, &str)] = &[("en-IN", "dd MMM y", "d MMM y")];

fn hour_letter(hc: &str) -> char {
    match hc {
        "h11" => 'K',
        "h12" => 'h',
        "h24" => 'k',
        _ => 'H',
    }
}

// ---- options --------------------------------------------------------------------------------

/// CreateDateTimeFormat (ECMA-402 §11.1.2) with ToDateTimeOptions' defaults.
pub fn date_format_from_args(
    it: &mut Interp,
    locales: &Value,
    options: &Value,
    defaults: DateDefaults,
) -> JsResult<DateSpec> {
    let (locale, requested) =
        super::intl::resolve_service_locale(it, locales, super::intl::Service::Whole)?;
    let opts = options_object(it, options)?;
    // The data locale has no keywords (a kept `-u-va-posix` goes to `resolved_locale`).
    let mut s = DateSpec {
        locale: super::intl::strip_extensions(&locale).to_string(),
        ..DateSpec::default()
    };
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], DTF)?;
    let cal = get_opt(it, &opts, "calendar")?;
    let mut cal_option = None;
    if !cal.is_undefined() {
        let c = it.to_string(&cal)?.to_rust_string();
        if !is_type_sequence(&c) {
            return Err(it.range_error(format!("Invalid calendar : {c}")));
        }
        cal_option = Some(c);
    }
    let nu = get_opt(it, &opts, "numberingSystem")?;
    let mut nu_option = None;
    if !nu.is_undefined() {
        let n = it.to_string(&nu)?.to_rust_string();
        if !is_type_sequence(&n) {
            return Err(it.range_error(format!("Invalid numberingSystem : {n}")));
        }
        nu_option = Some(n);
    }
    let (_, nu) = super::intl::resolve_numbering_system(&locale, &requested, nu_option.as_deref());
    s.nu = nu;
    // The calendar: the option when supported, else the tag's `-u-ca-`, as V8 resolves it
    // (which keywords stay in the resolved locale is `DateTimeKeys::locale`'s).
    let ca_ext = super::intl::unicode_keyword(&requested, "ca")
        .and_then(|c| canonical_calendar(&c).map(str::to_string));
    let ca_opt = cal_option.as_deref().and_then(canonical_calendar);
    s.calendar = ca_opt.map(str::to_string).or(ca_ext);
    if s.calendar.is_none() {
        s.calendar = default_calendar(&locale).map(str::to_string);
    }
    if s.calendar.as_deref() == Some("gregory") {
        s.calendar = None;
    }
    let h12 = bool_opt(it, &opts, "hour12")?;
    let hc = str_opt(it, &opts, "hourCycle", &["h11", "h12", "h23", "h24"], DTF)?;
    let tz = get_opt(it, &opts, "timeZone")?;
    if tz.is_undefined() {
        let zone = it.local_zone();
        // "" when Node's ICU has no identifier for it (`resolvedOptions().timeZone` is
        // undefined).
        s.tz_name = zone.id().unwrap_or("").to_string();
        s.zone = Some(zone);
    } else {
        let name = it.to_string(&tz)?.to_rust_string();
        match LocalZone::for_intl(&name) {
            Some((n, z)) => {
                s.tz_name = n;
                s.zone = Some(Rc::new(z));
            }
            None => return Err(it.range_error(format!("Invalid time zone specified: {name}"))),
        }
    }
    let text = ["narrow", "short", "long"];
    let num = ["numeric", "2-digit"];
    s.weekday = str_opt(it, &opts, "weekday", &text, DTF)?;
    s.era = str_opt(it, &opts, "era", &text, DTF)?;
    s.year = str_opt(it, &opts, "year", &num, DTF)?;
    s.month = str_opt(
        it,
        &opts,
        "month",
        &["numeric", "2-digit", "narrow", "short", "long"],
        DTF,
    )?;
    s.day = str_opt(it, &opts, "day", &num, DTF)?;
    s.day_period = str_opt(it, &opts, "dayPeriod", &text, DTF)?;
    s.hour = str_opt(it, &opts, "hour", &num, DTF)?;
    s.minute = str_opt(it, &opts, "minute", &num, DTF)?;
    s.second = str_opt(it, &opts, "second", &num, DTF)?;
    let fsd = get_opt(it, &opts, "fractionalSecondDigits")?;
    if !fsd.is_undefined() {
        let n = it.to_number(&fsd)?;
        if n.is_nan() || !(1.0..=3.0).contains(&n) {
            return Err(it.range_error("fractionalSecondDigits value is out of range."));
        }
        s.fractional_digits = Some(n.floor() as u8);
    }
    s.tz_display = str_opt(
        it,
        &opts,
        "timeZoneName",
        &[
            "short",
            "long",
            "shortOffset",
            "longOffset",
            "shortGeneric",
            "longGeneric",
        ],
        DTF,
    )?;
    str_opt(it, &opts, "formatMatcher", &["basic", "best fit"], DTF)?;
    let styles = ["full", "long", "medium", "short"];
    s.date_style = str_opt(it, &opts, "dateStyle", &styles, DTF)?;
    s.time_style = str_opt(it, &opts, "timeStyle", &styles, DTF)?;
    // Node 24 (ECMA-402 2024): `hour12` is h12 or h23 whatever the locale's own cycle;
    // `hourCycle` (or `-u-hc-`) as given; else the locale's cycle.
    let keyword = super::intl::unicode_keyword(&requested, "hc")
        .filter(|k| matches!(k.as_str(), "h11" | "h12" | "h23" | "h24"));
    // V8: `hour12` keeps a `-u-hc-` of the same kind (h11 for `hour12: true`).
    let hc_option = h12.is_some() || hc.is_some();
    s.hc = match (h12, hc, keyword.as_deref()) {
        (Some(true), _, Some(k @ ("h11" | "h12"))) => k.into(),
        (Some(false), _, Some(k @ ("h23" | "h24"))) => k.into(),
        (Some(true), _, _) => "h12".into(),
        (Some(false), _, _) => "h23".into(),
        (None, Some(c), _) => c,
        (None, None, Some(k)) => k.into(),
        _ => default_hour_cycle(&s.locale).into(),
    };
    let keys = super::intl::DateTimeKeys {
        tag: requested.clone(),
        calendar: cal_option,
        numbering_system: nu_option,
        hour_cycle_option: hc_option,
        hour_cycle: s.hc.clone(),
    };
    let has_date = s.weekday.is_some() || s.year.is_some() || s.month.is_some() || s.day.is_some();
    let has_time = s.hour.is_some()
        || s.minute.is_some()
        || s.second.is_some()
        || s.day_period.is_some()
        || s.fractional_digits.is_some();
    let explicit = has_date || has_time || s.era.is_some() || s.tz_display.is_some();
    if s.date_style.is_some() || s.time_style.is_some() {
        if explicit {
            let which = [
                ("weekday", s.weekday.is_some()),
                ("era", s.era.is_some()),
                ("year", s.year.is_some()),
                ("month", s.month.is_some()),
                ("day", s.day.is_some()),
                ("dayPeriod", s.day_period.is_some()),
                ("hour", s.hour.is_some()),
                ("minute", s.minute.is_some()),
                ("second", s.second.is_some()),
                ("fractionalSecondDigits", s.fractional_digits.is_some()),
                ("timeZoneName", s.tz_display.is_some()),
            ]
            .iter()
            .find(|w| w.1)
            .map_or("weekday", |w| w.0);
            return Err(it.type_error(format!(
                "Can't set option {which} when {} is used",
                if s.date_style.is_some() {
                    "dateStyle"
                } else {
                    "timeStyle"
                }
            )));
        }
        if defaults == DateDefaults::Date && s.date_style.is_none() {
            return Err(it.type_error("Invalid option : timeStyle"));
        }
        if defaults == DateDefaults::Time && s.time_style.is_none() {
            return Err(it.type_error("Invalid option : dateStyle"));
        }
        s.pattern = resolve_pattern(&s);
        s.resolved_locale = keys.locale(&locale, s.time_style.is_some());
        return Ok(s);
    }
    let need_date = match defaults {
        DateDefaults::Date => !has_date,
        DateDefaults::Time => false,
        DateDefaults::AnyDate | DateDefaults::All => !has_date && !has_time,
    };
    let need_time = match defaults {
        DateDefaults::Time => !has_time,
        DateDefaults::All => !has_date && !has_time,
        _ => false,
    };
    if need_date {
        s.year = Some("numeric".into());
        s.month = Some("numeric".into());
        s.day = Some("numeric".into());
    }
    if need_time {
        s.hour = Some("numeric".into());
        s.minute = Some("numeric".into());
        s.second = Some("numeric".into());
    }
    s.pattern = resolve_pattern(&s);
    s.resolved_locale = keys.locale(&locale, s.hour.is_some());
    Ok(s)
}

/// A calendar Node supports, by its canonical name (`islamicc` is `islamic-civil`,
/// `ethiopic-amete-alem` is `ethioaa`); `None` for others.
fn canonical_calendar(c: &str) -> Option<&'static str> {
    let c = c.to_ascii_lowercase();
    let c = match c.as_str() {
        "islamicc" => "islamic-civil",
        "ethiopic-amete-alem" => "ethioaa",
        other => other,
    };
    crate::intl_supported_values::SUPPORTED_VALUES
        .split('\n')
        .find_map(|l| l.strip_prefix("calendar\t"))?
        .split(' ')
        .find(|k| *k == c)
}

/// The calendar a locale uses when none is asked for, as ICU 78 chooses it (CLDR's calendar
/// preferences by the likely region): Thailand's Buddhist, Iran's and Afghanistan's Persian
/// (th, fa, ps, mzn, lrc, uz-Arab); Gregorian elsewhere (Saudi Arabia's too since CLDR 48).
/// The region is the language's likely one: Node keeps a tag's own region only where ICU
/// has data for it (`en-TH` resolves to `en`, Gregorian; ckb-IR, Persian in Node, is not
/// matched).
fn default_calendar(locale: &str) -> Option<&'static str> {
    let mut id = locale_of(locale).id;
    id.region = None;
    icu_locale::LocaleExpander::new_common().maximize(&mut id);
    match id.region.as_ref().map(|r| r.as_str()) {
        Some("TH") => Some("buddhist"),
        Some("IR" | "AF") => Some("persian"),
        _ => None,
    }
}

/// ICU4X's calendar for a supported one (`None`: Gregorian, or ISO 8601, formatted as
/// Gregorian).
fn calendar_algorithm(c: &str) -> Option<CalendarAlgorithm> {
    use icu_datetime::preferences::HijriCalendarAlgorithm as H;
    Some(match c {
        "buddhist" => CalendarAlgorithm::Buddhist,
        "chinese" => CalendarAlgorithm::Chinese,
        "coptic" => CalendarAlgorithm::Coptic,
        "dangi" => CalendarAlgorithm::Dangi,
        "ethioaa" => CalendarAlgorithm::Ethioaa,
        "ethiopic" => CalendarAlgorithm::Ethiopic,
        "hebrew" => CalendarAlgorithm::Hebrew,
        "indian" => CalendarAlgorithm::Indian,
        "islamic" => CalendarAlgorithm::Hijri(None),
        "islamic-civil" => CalendarAlgorithm::Hijri(Some(H::Civil)),
        "islamic-rgsa" => CalendarAlgorithm::Hijri(Some(H::Rgsa)),
        "islamic-tbla" => CalendarAlgorithm::Hijri(Some(H::Tbla)),
        "islamic-umalqura" => CalendarAlgorithm::Hijri(Some(H::Umalqura)),
        "japanese" => CalendarAlgorithm::Japanese,
        "persian" => CalendarAlgorithm::Persian,
        "roc" => CalendarAlgorithm::Roc,
        _ => return None,
    })
}

thread_local! {
    static CALENDAR_FORMATTERS: RefCell<FxHashMap<String, Option<Rc<DateTimeFormatter<CompositeFieldSet>>>>> =
        RefCell::default();
}

/// A date in a calendar other than the Gregorian: ICU4X's formatter for the field set, with
/// ICU4X's pattern for that calendar (`Twelfth Month 5, 2023(gui-mao)`; the Gregorian
/// pattern adjustments and tables do not apply). `None` when ICU4X cannot format it.
fn format_in_calendar(
    spec: &DateSpec,
    algorithm: CalendarAlgorithm,
    input: &IsoZoned,
) -> Option<Parts> {
    let fs = field_set(spec);
    let has_hour = spec.hour.is_some() || spec.time_style.is_some();
    let key = format!("{}|{:?}|{:?}|{}", spec.locale, algorithm, fs, spec.hc);
    let f = CALENDAR_FORMATTERS.with(|m| m.borrow().get(&key).cloned());
    let f = match f {
        Some(f) => f,
        None => {
            let mut p = prefs(&spec.locale, has_hour.then_some(spec.hc.as_str()));
            p.calendar_algorithm = Some(algorithm);
            let f = fs
                .build_composite()
                .ok()
                .and_then(|set| DateTimeFormatter::try_new(p, set).ok())
                .map(Rc::new);
            CALENDAR_FORMATTERS.with(|m| m.borrow_mut().insert(key, f.clone()));
            f
        }
    }?;
    let mut c = Collector::default();
    f.format(input).write_to_parts(&mut c).ok()?;
    Some(to_parts(&c))
}

type IsoZoned = ZonedDateTime<icu_calendar::Iso, TimeZoneInfo<icu_time::zone::models::AtTime>>;

/// `(3*8alphanum) *("-" (3*8alphanum))` (a Unicode locale `type` sequence).
fn is_type_sequence(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

// ---- formatting -----------------------------------------------------------------------------

use super::intl_icu::PartsCollector as Collector;

/// ECMA-402's part type for an ICU4X date part.
fn part_type(p: &Part) -> Option<&'static str> {
    use icu_datetime::parts as dp;
    Some(match *p {
        x if x == dp::ERA => "era",
        x if x == dp::YEAR => "year",
        x if x == dp::RELATED_YEAR => "relatedYear",
        x if x == dp::YEAR_NAME => "yearName",
        x if x == dp::MONTH => "month",
        x if x == dp::DAY => "day",
        x if x == dp::WEEKDAY => "weekday",
        x if x == dp::DAY_PERIOD => "dayPeriod",
        x if x == dp::HOUR => "hour",
        x if x == dp::MINUTE => "minute",
        x if x == dp::SECOND => "second",
        x if x == dp::TIME_ZONE_NAME => "timeZoneName",
        _ => return None,
    })
}

pub type Parts = Vec<(&'static str, String)>;

/// Turns ICU4X's output into ECMA-402 parts: its date parts, literal text between them, and
/// fractional seconds split off the seconds at the decimal separator.
fn to_parts(c: &Collector) -> Parts {
    let mut top: Vec<(usize, usize, &'static str)> = c
        .spans
        .iter()
        .filter_map(|(a, b, p)| part_type(p).map(|t| (*a, *b, t)))
        .collect();
    top.sort_by_key(|x| (x.0, std::cmp::Reverse(x.1)));
    let mut parts: Parts = Vec::new();
    let lit = |parts: &mut Parts, s: &str| {
        if s.is_empty() {
            return;
        }
        if let Some(("literal", l)) = parts.last_mut() {
            l.push_str(s);
        } else {
            parts.push(("literal", s.to_string()));
        }
    };
    let mut pos = 0;
    for (a, b, ty) in top {
        if a < pos {
            continue;
        }
        lit(&mut parts, &c.out[pos..a]);
        if ty == "second" {
            // `45.123`: the decimal separator ICU4X's number formatter marked.
            let sep = c.spans.iter().find(|(x, y, p)| {
                *x >= a && *y <= b && p.category == "decimal" && p.value == "decimal"
            });
            if let Some((x, y, _)) = sep {
                parts.push(("second", c.out[a..*x].to_string()));
                lit(&mut parts, &c.out[*x..*y]);
                parts.push(("fractionalSecond", c.out[*y..b].to_string()));
                pos = b;
                continue;
            }
        }
        parts.push((ty, c.out[a..b].to_string()));
        pos = b;
    }
    lit(&mut parts, &c.out[pos..]);
    parts
}

/// Where ICU4X's data differs from Node's ICU 78 on the same call: en-IN's day periods are
/// `AM`/`PM` in ICU4X, `am`/`pm` in ICU (CLDR's en-001, its parent).
fn adapt_parts(locale: &str, parts: &mut Parts) {
    if locale == "en-IN" || locale.starts_with("en-IN-") {
        for p in parts.iter_mut() {
            if p.0 == "dayPeriod" {
                p.1 = p.1.to_lowercase();
            }
        }
    }
}

/// Puts a year beyond ICU4X's back in the parts formatted for `shifted` (the era's year, as
/// the pattern letter `y` shows it; a two-digit year is the same in both).
fn restore_year(locale: &str, shifted: i64, year: i64, parts: &mut Parts) {
    let era_year = |y: i64| if y <= 0 { 1 - y } else { y };
    let digits = super::intl_icu::number_symbols(locale).digits;
    let local = |n: i64| -> String {
        n.to_string()
            .bytes()
            .map(|b| digits[usize::from(b - b'0')])
            .collect()
    };
    let (from, to) = (local(era_year(shifted)), local(era_year(year)));
    for p in parts.iter_mut() {
        if p.0 == "year" && p.1 == from {
            p.1.clone_from(&to);
        }
    }
}

/// The digits of an explicit numbering system in place of the locale's (`-u-nu-arab`), and
/// its decimal separator before the fractional seconds (root's for the system where it has
/// one, arab `٫`; else the locale's for Latin digits), as ICU's number formats inside the
/// date format print them.
fn with_numbering_system(locale: &str, nu: &str, parts: &mut Parts) {
    let Some(to) = super::intl::numbering_system_digits(nu) else {
        return;
    };
    let from = super::intl_icu::number_symbols(locale).digits;
    for i in 0..parts.len() {
        let (ty, v) = &mut parts[i];
        if *ty == "literal" {
            let decimal = i > 0
                && parts.get(i + 1).is_some_and(|p| p.0 == "fractionalSecond")
                && parts[i - 1].0 == "second";
            if decimal {
                // Root's decimal of the system, else the locale's Latin-digit one (ar-EG `.`).
                parts[i].1 = match root_decimal(nu) {
                    Some(d) => d.to_string(),
                    None => super::intl_icu::number_symbols(&format!("{locale}-u-nu-latn"))
                        .decimal
                        .clone(),
                };
            }
            continue;
        }
        *v = v
            .chars()
            .map(|c| from.iter().position(|d| *d == c).map_or(c, |k| to[k]))
            .collect();
    }
}

/// Root's decimal separator of a numbering system, where it has its own (arab `٫`).
fn root_decimal(nu: &str) -> Option<&'static str> {
    let line = crate::intl_number_range::NUMBERING_SYSTEMS
        .split('\n')
        .find(|l| l.split('\t').next() == Some(nu))?;
    line.split('\t').nth(3).filter(|d| !d.is_empty())
}

/// Formats a time value (not NaN) as parts.
pub fn format_to_parts(spec: &DateSpec, t: f64) -> Parts {
    format_with_pattern(spec, t, &spec.pattern)
}

/// Formats a time value (not NaN) as parts with a pattern of the spec's fields.
pub(super) fn format_with_pattern(spec: &DateSpec, t: f64, pattern: &str) -> Parts {
    let offset = spec.zone.as_ref().map_or(0.0, |z| z.offset_ms(t));
    let f = super::date::fields(t + offset);
    // Outside ICU4X's dates (years beyond ±9999): the ISO form of the local time.
    let fallback = || {
        let s = format!(
            "{}-{:02}-{:02}T{:02}:{:02}:{:02}",
            f.year,
            f.month + 1,
            f.date,
            f.hour,
            f.minute,
            f.second
        );
        vec![("literal", s)]
    };
    // ICU4X's dates end at ±9999: a year beyond is formatted as the year of the same
    // weekdays and leap days in a 400-year cycle within them (on the same side of year 0),
    // its number put back afterwards.
    let year = if (-9999..=9999).contains(&f.year) {
        f.year
    } else if f.year > 0 {
        2000 + (f.year - 2000).rem_euclid(400)
    } else {
        -2400 + f.year.rem_euclid(400)
    };
    let Ok(date) = Date::try_new_gregorian(year as i32, f.month as u8 + 1, f.date as u8) else {
        return fallback();
    };
    let Ok(time) = Time::try_new(
        f.hour as u8,
        f.minute as u8,
        f.second as u8,
        f.ms as u32 * 1_000_000,
    ) else {
        return fallback();
    };
    let id = spec
        .zone
        .as_ref()
        .and_then(|z| z.iana_id())
        .map_or(TimeZone::UNKNOWN, |id| IanaParser::new().parse(id));
    let id = if spec.tz_name == "UTC" {
        IanaParser::new().parse("UTC")
    } else {
        id
    };
    let Ok(iso) = Date::try_new_iso(year as i32, f.month as u8 + 1, f.date as u8) else {
        return fallback();
    };
    let zone = id
        .with_offset(UtcOffset::try_from_seconds((offset / 1000.0) as i32).ok())
        .at_date_time(DateTime { date: iso, time });
    if let Some(algorithm) = spec.calendar.as_deref().and_then(calendar_algorithm) {
        let iso_input = ZonedDateTime {
            date: iso,
            time,
            zone,
        };
        if let Some(mut parts) = format_in_calendar(spec, algorithm, &iso_input) {
            if let Some(nu) = &spec.nu {
                with_numbering_system(&spec.locale, nu, &mut parts);
            }
            return parts;
        }
    }
    let input = ZonedDateTime { date, time, zone };
    let pattern = generic_zone_fallback(spec, pattern, t, offset, &input);
    // ICU4X formats no flexible day period: AM/PM in its place, named afterwards.
    let flexible = spec.day_period.is_some() && pattern.contains('B');
    let pattern = if flexible {
        let toks: Vec<Token> = tokens(&pattern)
            .into_iter()
            .map(|t| match t {
                Token::Field('B', _) => Token::Field('a', 1),
                other => other,
            })
            .collect();
        untokens(&toks).into()
    } else {
        pattern
    };
    let Some(names) = names_for(&spec.locale, &pattern) else {
        return fallback();
    };
    let mut c = Collector::default();
    let r = names
        .names
        .with_pattern_unchecked(&names.pattern)
        .format(&input)
        .try_write_to_parts(&mut c);
    if !matches!(r, Ok(Ok(()))) {
        return fallback();
    }
    let mut parts = to_parts(&c);
    adapt_parts(&spec.locale, &mut parts);
    if year != f.year {
        restore_year(&spec.locale, year, f.year, &mut parts);
    }
    if let Some(nu) = &spec.nu {
        with_numbering_system(&spec.locale, nu, &mut parts);
    }
    if flexible {
        let fields = tokens(&pattern);
        let shown = |x: char| {
            fields
                .iter()
                .any(|t| matches!(t, Token::Field(c, _) if *c == x))
        };
        // ICU: noon only when the minutes and seconds shown are zero.
        let (m, sec) = (
            if shown('m') { f.minute } else { 0 },
            if shown('s') { f.second } else { 0 },
        );
        let width = spec.day_period.as_deref().unwrap_or("short");
        if let Some(name) =
            super::intl_day_period::name(&spec.locale, width, f.hour as u8, m == 0 && sec == 0)
        {
            for p in parts.iter_mut() {
                if p.0 == "dayPeriod" {
                    p.1 = name.to_string();
                }
            }
        }
    }
    parts
}

/// The zone name alone, as a pattern of just that field formats it.
fn zone_text(locale: &str, letters: &str, input: &GregorianZoned) -> Option<String> {
    let names = names_for(locale, letters)?;
    let f = names.names.with_pattern_unchecked(&names.pattern);
    f.format(input)
        .try_write_to_string()
        .ok()
        .map(|s| s.into_owned())
}

type GregorianZoned = ZonedDateTime<Gregorian, TimeZoneInfo<icu_time::zone::models::AtTime>>;

/// ICU's order for generic zone names (`v`, `vvvv`), where ICU4X falls back to the offset:
/// a zone without daylight time within 184 days either side shows its specific (standard)
/// name if the locale has one (`Japan Standard Time`, `CST` for Mexico City since 2022); then
/// the generic name; then the location (`India Time`, `Indien (Ortszeit)`).
fn generic_zone_fallback<'p>(
    spec: &DateSpec,
    pattern: &'p str,
    t: f64,
    offset: f64,
    input: &GregorianZoned,
) -> std::borrow::Cow<'p, str> {
    let Some(z) = spec.zone.as_ref() else {
        return pattern.into();
    };
    let Some(n) = tokens(pattern).into_iter().find_map(|t| match t {
        Token::Field('v', n) => Some(n),
        _ => None,
    }) else {
        return pattern.into();
    };
    let long = n >= 4;
    let loc = spec.locale.as_str();
    let offset_forms = [zone_text(loc, "O", input), zone_text(loc, "OOOO", input)];
    let named = |letters: &str| -> bool {
        zone_text(loc, letters, input).is_some_and(|s| !offset_forms.contains(&Some(s)))
    };
    let range = 184.0 * 86_400_000.0;
    let steady = !z.is_dst(t)
        && z.offset_ms(t - range) == offset
        && z.offset_ms(t + range) == offset
        && !z.is_dst(t - range)
        && !z.is_dst(t + range);
    let specific = if long { "zzzz" } else { "z" };
    let generic = if long { "vvvv" } else { "v" };
    let choice = if steady && named(specific) {
        ('z', n)
    } else if named(generic) {
        return pattern.into();
    } else if named("VVVV") {
        ('V', 4)
    } else {
        return pattern.into();
    };
    let toks: Vec<Token> = tokens(pattern)
        .into_iter()
        .map(|t| match t {
            Token::Field('v', _) => Token::Field(choice.0, choice.1),
            other => other,
        })
        .collect();
    untokens(&toks).into()
}

/// Formats a time value with a resolved [`DateSpec`].
pub fn format_date(spec: &DateSpec, t: f64) -> String {
    if t.is_nan() {
        return "Invalid Date".into();
    }
    // V8's `format` prints U+202F NARROW NO-BREAK SPACE (CLDR's, before `AM`) as a plain
    // space; `formatToParts` keeps it.
    let s: String = format_to_parts(spec, t)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    s.replace('\u{202f}', " ")
}

/// `Date.prototype.toLocale{,Date,Time}String(locales, options)` for time value `t`.
pub fn date_to_locale(
    it: &mut Interp,
    t: f64,
    locales: &Value,
    options: &Value,
    defaults: DateDefaults,
) -> JsResult<String> {
    if t.is_nan() {
        return Ok("Invalid Date".into());
    }
    let spec = date_format_from_args(it, locales, options, defaults)?;
    Ok(format_date(&spec, t))
}

/// FormatDateTimeRange's parts, each with its `source` (`startRange`, `endRange`,
/// `shared`): one date when both print the same, else ICU's interval layout for the greatest
/// differing field (`intl_date_interval.rs`), else the two dates joined by the range sign.
fn range_parts(spec: &DateSpec, x: f64, y: f64) -> Vec<(&'static str, String, &'static str)> {
    // Unlike `format`, ranges keep CLDR's U+202F and U+2009 (V8 returns ICU's string).
    let a = format_to_parts(spec, x);
    let b = format_to_parts(spec, y);
    if a == b {
        return a.into_iter().map(|(t, s)| (t, s, "shared")).collect();
    }
    if let Some(p) = super::intl_date_interval::layout_parts(spec, x, y) {
        return p;
    }
    let mut out: Vec<(&'static str, String, &'static str)> = Vec::new();
    out.extend(a.into_iter().map(|(t, s)| (t, s, "startRange")));
    out.push((
        "literal",
        super::intl_date_interval::fallback_sign(&spec.locale).into(),
        "shared",
    ));
    out.extend(b.into_iter().map(|(t, s)| (t, s, "endRange")));
    out
}

// ---- the JS objects -------------------------------------------------------------------------

fn dtf_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = date_format_from_args(it, &a.get(0), &a.get(1), DateDefaults::AnyDate)?;
    make_service(it, a, IntlData::DateTime(spec))
}

fn dtf_spec(it: &mut Interp, v: &Value, m: &str) -> JsResult<DateSpec> {
    match intl_data(it, v, m)? {
        IntlData::DateTime(s) => Ok(s),
        _ => Err(it.type_error(format!("Method {m} called on incompatible receiver"))),
    }
}

/// The time value of a `format` argument (`undefined`: now), TimeClip'd.
fn date_arg(it: &mut Interp, v: &Value) -> JsResult<f64> {
    if v.is_undefined() {
        return Ok(it.hooks().now_epoch_ms(it));
    }
    if let Value::Object(o) = v {
        if let ObjectKind::Date(t) = o.borrow().kind {
            if t.is_nan() {
                return Err(it.range_error("Invalid time value"));
            }
            return Ok(t);
        }
    }
    let x = it.to_number(v)?;
    if !x.is_finite() || x.abs() > 8.64e15 {
        return Err(it.range_error("Invalid time value"));
    }
    Ok(x.trunc() + 0.0)
}

fn dtf_bound_format(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let this = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned().unwrap_or(Value::Undefined),
        _ => Value::Undefined,
    };
    let spec = dtf_spec(it, &this, "Intl.DateTimeFormat.prototype.format")?;
    let t = date_arg(it, &a.get(0))?;
    Ok(Value::from(format_date(&spec, t).as_str()))
}

fn dtf_format_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    dtf_spec(it, a.this, "get Intl.DateTimeFormat.prototype.format")?;
    let f = it.native_fn_with("", 1, dtf_bound_format, false, vec![a.this.clone()]);
    Ok(Value::Object(f))
}

fn dtf_format_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let spec = dtf_spec(it, a.this, "Intl.DateTimeFormat.prototype.formatToParts")?;
    let t = date_arg(it, &a.get(0))?;
    Ok(parts_to_array(it, format_to_parts(&spec, t)))
}

fn range_args(it: &mut Interp, a: &Args, m: &str) -> JsResult<(DateSpec, f64, f64)> {
    let spec = dtf_spec(it, a.this, m)?;
    if a.get(0).is_undefined() || a.get(1).is_undefined() {
        return Err(it.type_error("startDate and endDate must be defined"));
    }
    let x = date_arg(it, &a.get(0))?;
    let y = date_arg(it, &a.get(1))?;
    Ok((spec, x, y))
}

fn dtf_format_range(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (spec, x, y) = range_args(it, a, "Intl.DateTimeFormat.prototype.formatRange")?;
    let parts = range_parts(&spec, x, y);
    // One date prints as `format` prints it (U+202F as a space); a range keeps ICU's text.
    let single = parts.iter().all(|p| p.2 == "shared");
    let s: String = parts.into_iter().map(|(_, s, _)| s).collect();
    if single {
        return Ok(Value::from(s.replace('\u{202f}', " ").as_str()));
    }
    Ok(Value::from(s.as_str()))
}

fn dtf_format_range_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (spec, x, y) = range_args(it, a, "Intl.DateTimeFormat.prototype.formatRangeToParts")?;
    let parts = range_parts(&spec, x, y);
    Ok(super::intl::sourced_parts_to_array(it, parts))
}

/// The options a pattern shows, as V8 reads them back off ICU's pattern.
fn pattern_options(pattern: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let text = |n: usize| match n {
        4 => "long",
        5 => "narrow",
        _ => "short",
    };
    let num = |n: usize| if n == 2 { "2-digit" } else { "numeric" };
    for t in tokens(pattern) {
        let Token::Field(c, n) = t else { continue };
        let (k, v): (&'static str, String) = match c {
            'E' | 'c' | 'e' => ("weekday", text(n).into()),
            'G' => ("era", text(n).into()),
            'y' => ("year", num(n).into()),
            'M' | 'L' => ("month", if n <= 2 { num(n) } else { text(n) }.into()),
            'd' => ("day", num(n).into()),
            'B' => ("dayPeriod", text(n).into()),
            'h' | 'H' | 'K' | 'k' => ("hour", num(n).into()),
            'm' => ("minute", num(n).into()),
            's' => ("second", num(n).into()),
            'S' => ("fractionalSecondDigits", n.to_string()),
            'z' => ("timeZoneName", if n >= 4 { "long" } else { "short" }.into()),
            'O' => (
                "timeZoneName",
                if n >= 4 { "longOffset" } else { "shortOffset" }.into(),
            ),
            'v' => (
                "timeZoneName",
                if n >= 4 {
                    "longGeneric"
                } else {
                    "shortGeneric"
                }
                .into(),
            ),
            _ => continue,
        };
        if !out.iter().any(|(x, _)| *x == k) {
            out.push((k, v));
        }
    }
    out
}

fn dtf_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = dtf_spec(it, a.this, "Intl.DateTimeFormat.prototype.resolvedOptions")?;
    let o: Obj = it.new_object();
    let put = |k: &str, v: Value| o.define(k, v, Attrs::DEFAULT);
    let locale = if s.resolved_locale.is_empty() {
        &s.locale
    } else {
        &s.resolved_locale
    };
    put("locale", Value::from(locale.as_str()));
    put(
        "calendar",
        Value::from(s.calendar.as_deref().unwrap_or("gregory")),
    );
    match &s.nu {
        Some(n) => put("numberingSystem", Value::from(n.as_str())),
        None => put("numberingSystem", Value::from(numbering_system(&s.locale))),
    }
    if s.tz_name.is_empty() {
        put("timeZone", Value::Undefined);
    } else {
        put("timeZone", Value::from(s.tz_name.as_str()));
    }
    let shown = pattern_options(&s.pattern);
    let hour = tokens(&s.pattern).into_iter().find_map(|t| match t {
        Token::Field(c @ ('h' | 'H' | 'K' | 'k'), _) => Some(c),
        _ => None,
    });
    if let Some(h) = hour {
        let hc = match h {
            'K' => "h11",
            'h' => "h12",
            'k' => "h24",
            _ => "h23",
        };
        put("hourCycle", Value::from(hc));
        put("hour12", Value::Bool(hc == "h11" || hc == "h12"));
    }
    if s.date_style.is_some() || s.time_style.is_some() {
        if let Some(d) = &s.date_style {
            put("dateStyle", Value::from(d.as_str()));
        }
        if let Some(t) = &s.time_style {
            put("timeStyle", Value::from(t.as_str()));
        }
    } else {
        const ORDER: [&str; 11] = [
            "weekday",
            "era",
            "year",
            "month",
            "day",
            "dayPeriod",
            "hour",
            "minute",
            "second",
            "fractionalSecondDigits",
            "timeZoneName",
        ];
        let mut shown = shown;
        // The zone name as asked for (UTC's short name is literal text in the pattern).
        if let Some(z) = &s.tz_display {
            shown.retain(|(k, _)| *k != "timeZoneName");
            shown.push(("timeZoneName", z.clone()));
        }
        shown.sort_by_key(|(k, _)| ORDER.iter().position(|o| o == k));
        for (k, v) in shown {
            if k == "fractionalSecondDigits" {
                put(k, Value::from(v.parse::<f64>().unwrap_or(3.0)));
            } else {
                put(k, Value::from(v.as_str()));
            }
        }
    }
    Ok(Value::Object(o))
}

/// The locale's default numbering system (`arab` in ar-EG), named by its zero digit.
pub(crate) fn numbering_system(locale: &str) -> &'static str {
    let zero = super::intl_icu::number_symbols(locale).digits[0];
    [
        ('0', "latn"),
        ('\u{660}', "arab"),
        ('\u{6f0}', "arabext"),
        ('\u{9e6}', "beng"),
        ('\u{966}', "deva"),
        ('\u{1040}', "mymr"),
        ('\u{17e0}', "khmr"),
        ('\u{ed0}', "laoo"),
        ('\u{e50}', "thai"),
        ('\u{f20}', "tibt"),
        ('\u{a66}', "guru"),
        ('\u{ae6}', "gujr"),
        ('\u{b66}', "orya"),
        ('\u{be6}', "tamldec"),
        ('\u{c66}', "telu"),
        ('\u{ce6}', "knda"),
        ('\u{d66}', "mlym"),
        ('\u{1810}', "mong"),
        ('\u{7c0}', "nkoo"),
        ('\u{1c50}', "olck"),
        ('\u{a620}', "vaii"),
    ]
    .iter()
    .find(|(c, _)| *c == zero)
    .map_or("latn", |(_, n)| n)
}

/// Registers `Intl.DateTimeFormat` on the `Intl` object.
pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, p) = super::intl::make_class(it, intl, "DateTimeFormat", dtf_ctor, 0);
    it.define_method(&p, "resolvedOptions", 0, dtf_resolved_options);
    it.define_getter(&p, "format", dtf_format_getter);
    it.define_method(&p, "formatToParts", 1, dtf_format_to_parts);
    it.define_method(&p, "formatRange", 2, dtf_format_range);
    it.define_method(&p, "formatRangeToParts", 2, dtf_format_range_to_parts);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_tokens_round_trip() {
        for p in [
            "EEEE, MMMM d, y 'at' h:mm a",
            "d 'de' MMMM 'de' y",
            "HH:mm:ss.SSS",
            "''h''",
        ] {
            // The same fields and literal text (quoting may be placed differently:
            // `y 'at' h` comes back as `y' at 'h`).
            assert_eq!(tokens(&untokens(&tokens(p))), tokens(p));
        }
    }

    #[test]
    fn unrequested_fields_are_dropped() {
        let t = drop_unrequested(tokens("EEE, MMM d, y"), |c| c == 'E' || c == 'y');
        assert_eq!(untokens(&t), "EEE, y");
    }

    #[test]
    fn icu4x_patterns() {
        let spec = |f: &dyn Fn(&mut DateSpec)| {
            let mut s = DateSpec {
                locale: "en-US".into(),
                hc: "h12".into(),
                ..DateSpec::default()
            };
            f(&mut s);
            resolve_pattern(&s)
        };
        assert_eq!(
            spec(&|s| {
                s.year = Some("numeric".into());
                s.month = Some("numeric".into());
                s.day = Some("numeric".into());
            }),
            "M/d/y"
        );
        assert_eq!(default_hour_cycle("en-GB"), "h23");
        assert_eq!(default_hour_cycle("en-US"), "h12");
    }
}
