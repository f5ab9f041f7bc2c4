//! `Intl.DateTimeFormat`'s `dayPeriod` option: CLDR's flexible day periods (the pattern letter
//! `B`: "in the morning", "noon", "nachmittags") as ICU prints them.
//!
//! ICU4X 2.x formats only `a` (AM/PM) and `b` (noon/midnight), so the names, the hours each
//! covers and the patterns ICU's pattern generator picks for the bags with a day period are
//! generated from the reference Node (`data/gen-day-periods.js` → `intl_day_periods.rs`).
//! The formatter prints AM/PM in the period's place and [`name`] renames it.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::intl_date_time_format::{tokens, DateSpec, Token};
use crate::intl_day_periods::{INTL_DAY_PERIODS, INTL_DAY_PERIOD_PATTERNS};

/// The row of a `locale\tkey\t...` table for the locale, else for its language.
fn row(table: &'static str, locale: &str, key: &str) -> Option<&'static str> {
    let find = |loc: &str| {
        table.split('\n').find_map(|r| {
            let rest = r.strip_prefix(loc)?.strip_prefix('\t')?;
            rest.strip_prefix(key)?.strip_prefix('\t')
        })
    };
    find(locale).or_else(|| find(locale.split('-').next().unwrap_or("")))
}

/// Rows found, by (locale, key, which table).
type RowCache = FxHashMap<(String, String, bool), Option<&'static str>>;

thread_local! {
    static ROWS: RefCell<RowCache> = RefCell::default();
}

fn cached(table: &'static str, patterns: bool, locale: &str, key: &str) -> Option<&'static str> {
    let k = (locale.to_string(), key.to_string(), patterns);
    if let Some(r) = ROWS.with(|m| m.borrow().get(&k).copied()) {
        return r;
    }
    let r = row(table, locale, key);
    ROWS.with(|m| m.borrow_mut().insert(k, r));
    r
}

/// The pattern ICU picks for a bag of a day period with an hour, minute, second or weekday
/// (`h B`, `h:mm B`, `EEE h:mm B`; de `HH 'Uhr'`: a 24-hour locale drops the period), when
/// the hour cycle asked for is the locale's own; `None` for other bags.
pub fn pattern(s: &DateSpec) -> Option<String> {
    s.day_period.as_ref()?;
    if s.date_style.is_some()
        || s.time_style.is_some()
        || s.era.is_some()
        || s.year.is_some()
        || s.month.is_some()
        || s.day.is_some()
        || s.tz_display.is_some()
        || s.fractional_digits.is_some()
    {
        return None;
    }
    let key = match (
        s.weekday.is_some(),
        s.hour.is_some(),
        s.minute.is_some(),
        s.second.is_some(),
    ) {
        (false, false, false, false) => "B",
        (false, true, false, false) => "Bh",
        (false, true, true, false) => "Bhm",
        (false, true, true, true) => "Bhms",
        (true, true, true, false) => "EBhm",
        _ => return None,
    };
    let p = cached(INTL_DAY_PERIOD_PATTERNS, true, &s.locale, key)?;
    if key != "B" {
        let twelve = matches!(s.hc.as_str(), "h11" | "h12");
        let table_twelve = tokens(p)
            .iter()
            .any(|t| matches!(t, Token::Field('h' | 'K', _)));
        if twelve != table_twelve {
            return None;
        }
    }
    Some(p.to_string())
}

/// The flexible day period of `hour` in the locale (`width`: short, long or narrow); `noon`
/// when the time is 12:00 with the minutes and seconds shown at zero. `None` when the table
/// has no row for the locale (AM/PM stays).
pub fn name(locale: &str, width: &str, hour: u8, at_zero: bool) -> Option<&'static str> {
    let r = cached(INTL_DAY_PERIODS, false, locale, width)?;
    let (noon, runs) = r.split_once('\t')?;
    if hour == 12 && at_zero && !noon.is_empty() {
        return Some(noon);
    }
    let mut current = None;
    for run in runs.split(';') {
        let (h, n) = run.split_once(':')?;
        if h.parse::<u8>().ok()? > hour {
            break;
        }
        current = Some(n);
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_periods() {
        assert_eq!(name("en-US", "long", 12, true), Some("noon"));
        assert_eq!(name("en-US", "long", 12, false), Some("in the afternoon"));
        assert_eq!(name("en-US", "narrow", 12, true), Some("n"));
        assert_eq!(name("en-US", "short", 0, true), Some("in the morning"));
        assert_eq!(name("en-US", "short", 22, false), Some("at night"));
        assert_eq!(name("de", "long", 14, false), Some("nachmittags"));
    }
}
