//! `Date` (ECMAScript 2023 §21.4): the constructor, `Date.now` / `Date.parse` / `Date.UTC` and
//! `Date.prototype`.
//!
//! Local time is the default time zone's (`crate::time_zone`: the IANA database, chosen by
//! the host, resolved on first use): LocalTime(t) and UTC(t) with the gap/overlap rule,
//! and `toString`'s `GMT-0500 (Eastern Standard Time)` with the zone's CLDR long name.
//!
//! `toLocale*String` go through `Intl.DateTimeFormat` (`src/builtins/intl.rs`).

use crate::interp::ops::Hint;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::Value;

use super::intl_date_time_format::DateDefaults;
use super::iterator::incompatible_receiver;
use crate::time_zone::LocalZone;

const MS_PER_DAY: f64 = 86_400_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_SECOND: f64 = 1000.0;

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

// ---- local time zone ---------------------------------------------------------------------------

/// LocalTime(t): the default time zone's local time of the time value `t`.
fn local_time(zone: &LocalZone, t: f64) -> f64 {
    t + zone.offset_ms(t)
}

/// UTC(t): the time value of local time `t` (a gap uses the offset before it, an overlap
/// the earlier instant).
fn utc(zone: &LocalZone, t: f64) -> f64 {
    zone.utc_of_local(t)
}

// ---- time arithmetic (§21.4.1) -----------------------------------------------------------------

/// Day(t).
fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay(t).
fn time_within_day(t: f64) -> f64 {
    t.rem_euclid(MS_PER_DAY)
}

/// Days from 1970-01-01 to the civil date (y, m 1-12, d 1-31) (proleptic Gregorian).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 0-11, date 1-31) of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m - 1, d)
}

/// The broken-down fields of a finite time value.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub year: i64,
    pub month: i64,
    pub date: i64,
    pub week_day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub ms: i64,
}

pub(crate) fn fields(t: f64) -> Fields {
    // Day(t) and TimeWithinDay(t) in integers: floor(floor(t) / D) = floor(t / D) and
    // floor(t) modulo D = floor(t modulo D) for an integer D, and a time value (within
    // ±8.64e15, plus a local offset) is exact in an i64 (the float remainder is a libm call,
    // ~175 instructions: date-fns reads fields on every getter).
    const DAY: i64 = MS_PER_DAY as i64;
    let t = t.floor() as i64;
    let d = t.div_euclid(DAY);
    let w = t.rem_euclid(DAY);
    let (year, month, date) = civil_from_days(d);
    Fields {
        year,
        month,
        date,
        week_day: (d + 4).rem_euclid(7),
        hour: w / 3_600_000,
        minute: w / 60_000 % 60,
        second: w / 1000 % 60,
        ms: w % 1000,
    }
}

/// ToIntegerOrInfinity on a number (finite inputs only reach here).
fn integer(x: f64) -> f64 {
    let t = x.trunc();
    if t == 0.0 {
        0.0
    } else {
        t
    }
}

/// MakeTime(hour, min, sec, ms).
fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour, min, sec or ms is not finite, return NaN.
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2-6. h × msPerHour + m × msPerMinute + s × msPerSecond + milli (IEEE arithmetic).
    integer(hour) * MS_PER_HOUR
        + integer(min) * MS_PER_MINUTE
        + integer(sec) * MS_PER_SECOND
        + integer(ms)
}

/// MakeDay(year, month, date).
fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year, month or date is not finite, return NaN.
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2-4. y, m, dt.
    let (y, m, dt) = (integer(year), integer(month), integer(date));
    // 5. ym = y + floor(m / 12).
    let ym = y + (m / 12.0).floor();
    // 6. If ym is not finite, return NaN. (Years this far out can never give a valid time
    // value whatever the date, so they count as "out of range", like V8's ±1e6 limit.)
    if !ym.is_finite() || ym.abs() > 1_000_000.0 {
        return f64::NAN;
    }
    // 7. mn = m modulo 12.
    let mn = m.rem_euclid(12.0);
    // 8-9. t with YearFromTime(t) = ym, MonthFromTime(t) = mn, DateFromTime(t) = 1.
    let first = days_from_civil(ym as i64, mn as i64 + 1, 1) as f64;
    // 10. Return Day(t) + dt - 1.
    first + dt - 1.0
}

/// MakeDate(day, time).
fn make_date(day: f64, time: f64) -> f64 {
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    let tv = day * MS_PER_DAY + time;
    if !tv.is_finite() {
        return f64::NAN;
    }
    tv
}

/// TimeClip(time).
fn time_clip(time: f64) -> f64 {
    if !time.is_finite() || time.abs() > 8.64e15 {
        return f64::NAN;
    }
    integer(time)
}

// ---- formatting ---------------------------------------------------------------------------------

/// Years as V8 prints them in `toString` / `toUTCString`: at least 4 digits, `-` for negatives.
fn year_string(y: i64) -> String {
    if y < 0 {
        format!("-{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

/// TimeZoneString(tv): `GMT+hhmm (Zone Name)` for the time value `tv`.
fn time_zone_string(zone: &LocalZone, tv: f64) -> String {
    let tza = zone.offset_ms(tv);
    let mins = (tza / MS_PER_MINUTE).trunc() as i64;
    let sign = if mins < 0 { '-' } else { '+' };
    let a = mins.abs();
    let (h, m) = (a / 60, a % 60);
    format!("GMT{sign}{h:02}{m:02} ({})", zone.long_name(tv))
}

/// DateString(tv) for a local time value: `Thu Jan 01 1970`.
fn date_string(f: &Fields) -> String {
    format!(
        "{} {} {:02} {}",
        DAY_NAMES[f.week_day as usize],
        MONTH_NAMES[f.month as usize],
        f.date,
        year_string(f.year)
    )
}

/// TimeString(tv): `00:00:00`.
fn time_string(f: &Fields) -> String {
    format!("{:02}:{:02}:{:02}", f.hour, f.minute, f.second)
}

/// ToDateString(tv).
fn to_date_string(zone: &LocalZone, tv: f64) -> String {
    if tv.is_nan() {
        return "Invalid Date".into();
    }
    let f = fields(local_time(zone, tv));
    format!(
        "{} {} {}",
        date_string(&f),
        time_string(&f),
        time_zone_string(zone, tv)
    )
}

fn to_utc_string(tv: f64) -> String {
    if tv.is_nan() {
        return "Invalid Date".into();
    }
    let f = fields(tv);
    format!(
        "{}, {:02} {} {} {} GMT",
        DAY_NAMES[f.week_day as usize],
        f.date,
        MONTH_NAMES[f.month as usize],
        year_string(f.year),
        time_string(&f)
    )
}

/// `Date.prototype.toISOString` format of a finite time value.
fn iso_string(tv: f64) -> String {
    let f = fields(tv);
    let year = if (0..=9999).contains(&f.year) {
        format!("{:04}", f.year)
    } else if f.year < 0 {
        format!("-{:06}", -f.year)
    } else {
        format!("+{:06}", f.year)
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f.month + 1,
        f.date,
        f.hour,
        f.minute,
        f.second,
        f.ms
    )
}

// ---- parsing ------------------------------------------------------------------------------------

/// Date.parse(string) on the string's UTF-16 units.
pub fn parse_date(zone: &LocalZone, units: &[u16]) -> f64 {
    let s: String = units
        .iter()
        .map(|&u| char::from_u32(u as u32).unwrap_or('\u{FFFD}'))
        .collect();
    let tv = match parse_iso(zone, &s) {
        Some(v) => v,
        None => parse_legacy(zone, &s),
    };
    time_clip(tv)
}

/// A small cursor over ASCII bytes.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut v = 0i64;
        for _ in 0..n {
            let c = self.peek().filter(u8::is_ascii_digit)?;
            v = v * 10 + (c - b'0') as i64;
            self.i += 1;
        }
        Some(v)
    }
}

/// The Date Time String Format (§21.4.1.32): `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`.
/// `None` when the string is not in that format (then the legacy parser is tried);
/// `Some(NaN)` when it is but a field is out of range.
fn parse_iso(zone: &LocalZone, s: &str) -> Option<f64> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    // Year.
    let year = match c.peek()? {
        b'+' | b'-' => {
            let neg = c.peek() == Some(b'-');
            c.i += 1;
            let y = c.digits(6)?;
            if neg && y == 0 {
                return Some(f64::NAN);
            }
            if neg {
                -y
            } else {
                y
            }
        }
        _ => c.digits(4)?,
    };
    let (mut month, mut date) = (1, 1);
    if c.eat(b'-') {
        month = c.digits(2)?;
        if c.eat(b'-') {
            date = c.digits(2)?;
        }
    }
    let (mut h, mut mi, mut sec, mut ms) = (0, 0, 0, 0.0);
    let mut offset: Option<i64> = None;
    let has_time = matches!(c.peek(), Some(b'T') | Some(b't'));
    if has_time {
        c.i += 1;
        h = c.digits(2)?;
        if !c.eat(b':') {
            return None;
        }
        mi = c.digits(2)?;
        if c.eat(b':') {
            sec = c.digits(2)?;
            if c.eat(b'.') {
                let start = c.i;
                let mut frac = String::new();
                while let Some(d) = c.peek().filter(u8::is_ascii_digit) {
                    if frac.len() < 3 {
                        frac.push(d as char);
                    }
                    c.i += 1;
                }
                if c.i == start {
                    return None;
                }
                while frac.len() < 3 {
                    frac.push('0');
                }
                ms = frac.parse::<f64>().ok()?;
            }
        }
        match c.peek() {
            Some(b'Z') | Some(b'z') => {
                c.i += 1;
                offset = Some(0);
            }
            Some(sign @ (b'+' | b'-')) => {
                c.i += 1;
                let oh = c.digits(2)?;
                // `±HH:mm`, and (like V8) `±HHmm`.
                c.eat(b':');
                let om = c.digits(2)?;
                if oh > 23 || om > 59 {
                    return Some(f64::NAN);
                }
                let o = oh * 60 + om;
                offset = Some(if sign == b'-' { -o } else { o });
            }
            _ => {}
        }
    }
    if c.i != c.b.len() {
        return None;
    }
    // Range checks.
    if !(1..=12).contains(&month) || !(1..=31).contains(&date) {
        return Some(f64::NAN);
    }
    if h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi != 0 || sec != 0 || ms != 0.0)) {
        return Some(f64::NAN);
    }
    let d = make_day(year as f64, (month - 1) as f64, date as f64);
    let t = make_time(h as f64, mi as f64, sec as f64, ms);
    let tv = make_date(d, t);
    Some(match offset {
        Some(o) => tv - o as f64 * MS_PER_MINUTE,
        // Date-only forms are UTC, date-time forms without an offset are local time.
        None if !has_time => tv,
        None => utc(zone, tv),
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A number and its digit count.
    Num(i64, usize),
    Word(String),
    Sym(char),
    Space,
    End,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_ascii_digit() {
            let mut v: i64 = 0;
            let start = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(cs[i] as i64 - '0' as i64);
                i += 1;
            }
            out.push(Tok::Num(v.min(1 << 40), i - start));
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while i < cs.len() && cs[i].is_alphabetic() {
                w.extend(cs[i].to_lowercase());
                i += 1;
            }
            out.push(Tok::Word(w));
        } else if c.is_whitespace() || c == '\u{FEFF}' {
            while i < cs.len() && (cs[i].is_whitespace() || cs[i] == '\u{FEFF}') {
                i += 1;
            }
            out.push(Tok::Space);
        } else if c == '(' {
            // Parenthesized comments (nesting allowed) are skipped.
            let mut depth = 0;
            while i < cs.len() {
                if cs[i] == '(' {
                    depth += 1;
                } else if cs[i] == ')' {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                i += 1;
            }
            out.push(Tok::Space);
        } else {
            out.push(Tok::Sym(c));
            i += 1;
        }
    }
    out.push(Tok::End);
    out
}

enum Keyword {
    Month(i64),
    AmPm(i64),
    Zone(i64),
    Other,
}

fn keyword(w: &str) -> Keyword {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w.len() >= 3 {
        if let Some(i) = MONTHS.iter().position(|m| w.starts_with(m)) {
            return Keyword::Month(i as i64 + 1);
        }
    }
    match w {
        "am" => Keyword::AmPm(0),
        "pm" => Keyword::AmPm(12),
        "ut" | "utc" | "z" | "gmt" => Keyword::Zone(0),
        "cdt" => Keyword::Zone(-5),
        "cst" => Keyword::Zone(-6),
        "edt" => Keyword::Zone(-4),
        "est" => Keyword::Zone(-5),
        "mdt" => Keyword::Zone(-6),
        "mst" => Keyword::Zone(-7),
        "pdt" => Keyword::Zone(-7),
        "pst" => Keyword::Zone(-8),
        _ => Keyword::Other,
    }
}

/// V8's legacy (non-ISO) date parser, approximated: handles the `toString` / `toUTCString`
/// formats, `Jan 1, 2020`, `1/2/2020, 3:04:05 PM`, `2020/01/02 10:00 GMT+0100` and the like.
fn parse_legacy(zone: &LocalZone, s: &str) -> f64 {
    let toks = tokenize(s);
    let mut p = 0;
    // Day composer.
    let mut day_comp: Vec<i64> = Vec::new();
    let mut named_month: Option<i64> = None;
    // Time composer.
    let mut time: Vec<i64> = Vec::new();
    let mut hour_offset: Option<i64> = None;
    // Time zone composer.
    let mut tz_sign: Option<i64> = None;
    let mut tz_hour: Option<i64> = None;
    let mut tz_minute: Option<i64> = None;
    let mut has_read_number = false;

    let is_minute = |n: i64| (0..=59).contains(&n);
    let time_expecting = |time: &Vec<i64>, n: i64| match time.len() {
        1 | 2 => is_minute(n),
        3 => (0..=999).contains(&n),
        _ => false,
    };
    let next = |p: &mut usize| -> Tok {
        let t = toks.get(*p).cloned().unwrap_or(Tok::End);
        if *p < toks.len() {
            *p += 1;
        }
        t
    };
    let peek = |p: usize| -> Tok { toks.get(p).cloned().unwrap_or(Tok::End) };
    loop {
        let tok = next(&mut p);
        match tok {
            Tok::End => break,
            Tok::Num(n, len) => {
                has_read_number = true;
                if peek(p) == Tok::Sym(':') {
                    p += 1;
                    if peek(p) == Tok::Sym(':') {
                        // n + "::"
                        p += 1;
                        if !time.is_empty() {
                            return f64::NAN;
                        }
                        time.push(n);
                        time.push(0);
                    } else {
                        if time.len() >= 4 {
                            return f64::NAN;
                        }
                        time.push(n);
                        if peek(p) == Tok::Sym('.') {
                            p += 1;
                        }
                    }
                } else if peek(p) == Tok::Sym('.') && time_expecting(&time, n) {
                    p += 1;
                    time.push(n);
                    let Tok::Num(m, mlen) = peek(p) else {
                        return f64::NAN;
                    };
                    p += 1;
                    // Milliseconds: the first three digits.
                    let ms = if mlen > 3 {
                        let mut v = m;
                        for _ in 0..mlen - 3 {
                            v /= 10;
                        }
                        v
                    } else {
                        m * 10_i64.pow(3 - mlen as u32)
                    };
                    time.push(ms);
                    while time.len() < 4 {
                        time.push(0);
                    }
                } else if tz_hour.is_some() && tz_minute.is_none() && is_minute(n) {
                    tz_minute = Some(n);
                } else if time_expecting(&time, n) {
                    time.push(n);
                    while time.len() < 4 {
                        time.push(0);
                    }
                    // Require end, white space, "Z", "+" or "-" right after the time.
                    match peek(p) {
                        Tok::End | Tok::Space | Tok::Sym('+') | Tok::Sym('-') => {}
                        Tok::Word(w) if w == "z" => {}
                        _ => return f64::NAN,
                    }
                } else {
                    let _ = len;
                    if day_comp.len() >= 3 {
                        return f64::NAN;
                    }
                    day_comp.push(n);
                    if peek(p) == Tok::Sym('-') {
                        p += 1;
                    }
                }
            }
            Tok::Word(w) => match keyword(&w) {
                Keyword::AmPm(o) if !time.is_empty() => hour_offset = Some(o),
                Keyword::Month(m) => {
                    named_month = Some(m);
                    if peek(p) == Tok::Sym('-') {
                        p += 1;
                    }
                }
                Keyword::Zone(o) if has_read_number => {
                    tz_sign = Some(if o < 0 { -1 } else { 1 });
                    tz_hour = Some(o.abs());
                    tz_minute = Some(0);
                }
                _ => {
                    // Garbage words are illegal once a number has been read, and the first
                    // number must be separated from them.
                    if has_read_number || matches!(peek(p), Tok::Num(..)) {
                        return f64::NAN;
                    }
                }
            },
            Tok::Sym(c @ ('+' | '-'))
                if (tz_hour == Some(0) && tz_minute == Some(0)) || !time.is_empty() =>
            {
                // A UTC offset (only after UTC or a time).
                tz_sign = Some(if c == '-' { -1 } else { 1 });
                let (mut n, mut length) = (0, 0);
                if let Tok::Num(v, l) = peek(p) {
                    p += 1;
                    n = v;
                    length = l;
                }
                has_read_number = true;
                if peek(p) == Tok::Sym(':') {
                    tz_hour = Some(n);
                    tz_minute = None;
                } else if length == 1 || length == 2 {
                    tz_hour = Some(n);
                    tz_minute = Some(0);
                } else if length == 3 || length == 4 {
                    tz_hour = Some(n / 100);
                    tz_minute = Some(n % 100);
                } else {
                    return f64::NAN;
                }
            }
            Tok::Sym('+' | '-' | ')') if has_read_number => return f64::NAN,
            _ => {}
        }
    }
    // DayComposer::Write.
    if day_comp.is_empty() {
        return f64::NAN;
    }
    while day_comp.len() < 3 {
        day_comp.push(1);
    }
    let is_day = |x: i64| (1..=31).contains(&x);
    let (mut year, month, day_n);
    match named_month {
        None => {
            if !is_day(day_comp[0]) {
                year = day_comp[0];
                month = day_comp[1];
                day_n = day_comp[2];
            } else {
                month = day_comp[0];
                day_n = day_comp[1];
                year = day_comp[2];
            }
        }
        Some(m) => {
            month = m;
            if !is_day(day_comp[0]) {
                year = day_comp[0];
                day_n = day_comp[1];
            } else {
                day_n = day_comp[0];
                year = day_comp[1];
            }
        }
    }
    if (0..=49).contains(&year) {
        year += 2000;
    } else if (50..=99).contains(&year) {
        year += 1900;
    }
    if !(1..=12).contains(&month) || !is_day(day_n) {
        return f64::NAN;
    }
    // TimeComposer::Write.
    while time.len() < 4 {
        time.push(0);
    }
    let mut hour = time[0];
    if let Some(o) = hour_offset {
        if !(0..=12).contains(&hour) {
            return f64::NAN;
        }
        hour = hour % 12 + o;
    }
    let (minute, second, milli) = (time[1], time[2], time[3]);
    let valid_hour = (0..=23).contains(&hour) || (hour == 24 && minute == 0 && second == 0);
    if !valid_hour || !is_minute(minute) || !is_minute(second) || !(0..=999).contains(&milli) {
        return f64::NAN;
    }
    let d = make_day(year as f64, (month - 1) as f64, day_n as f64);
    let t = make_time(hour as f64, minute as f64, second as f64, milli as f64);
    let tv = make_date(d, t);
    // TimeZoneComposer::Write.
    match tz_sign {
        Some(sign) => {
            let h = tz_hour.unwrap_or(0);
            let m = tz_minute.unwrap_or(0);
            tv - (sign * (h * 60 + m)) as f64 * MS_PER_MINUTE
        }
        None => utc(zone, tv),
    }
}

// ---- the constructor ----------------------------------------------------------------------------

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.date_prototype.clone();
    let ctor = it.native_fn_with("Date", 7, date_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "now", 0, date_now);
    it.define_method(&ctor, "parse", 1, date_parse);
    it.define_method(&ctor, "UTC", 7, date_utc);

    // Prototype methods, in V8's property order.
    it.define_method(&proto, "toString", 0, date_proto_to_string);
    it.define_method(&proto, "toDateString", 0, date_proto_to_date_string);
    it.define_method(&proto, "toTimeString", 0, date_proto_to_time_string);
    it.define_method(&proto, "toISOString", 0, date_proto_to_iso_string);
    let to_utc = it.define_method_obj(&proto, "toUTCString", 0, date_proto_to_utc_string);
    proto.define("toGMTString", Value::Object(to_utc), Attrs::HIDDEN);
    for (name, len, field, is_utc, setter) in ACCESSORS {
        if !is_utc {
            define_accessor_pair(it, &proto, name, len, field, false, setter);
        }
    }
    it.define_method(&proto, "getTime", 0, date_proto_get_time);
    it.define_method(&proto, "setTime", 1, date_proto_set_time);
    it.define_method(
        &proto,
        "getTimezoneOffset",
        0,
        date_proto_get_timezone_offset,
    );
    for (name, len, field, is_utc, setter) in ACCESSORS {
        if is_utc {
            define_accessor_pair(it, &proto, name, len, field, true, setter);
        }
    }
    it.define_method(&proto, "valueOf", 0, date_proto_value_of);
    it.define_method(&proto, "getYear", 0, date_proto_get_year);
    it.define_method(&proto, "setYear", 1, date_proto_set_year);
    it.define_method(&proto, "toJSON", 1, date_proto_to_json);
    it.define_method(&proto, "toLocaleString", 0, date_proto_to_locale_string);
    it.define_method(
        &proto,
        "toLocaleDateString",
        0,
        date_proto_to_locale_date_string,
    );
    it.define_method(
        &proto,
        "toLocaleTimeString",
        0,
        date_proto_to_locale_time_string,
    );
    let sym = it.symbols.to_primitive.clone();
    let f = it.native_fn("[Symbol.toPrimitive]", 1, date_proto_to_primitive);
    proto.define(
        PropKey::Sym(sym),
        Value::Object(f),
        Attrs::CONFIGURABLE_ONLY,
    );

    super::define_global(it, "Date", Value::Object(ctor));
}

/// Date(...values).
fn date_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, return ToDateString(now).
    let Some(nt) = a.new_target else {
        let now = it.hooks().now_epoch_ms(it);
        return Ok(Value::from(to_date_string(&it.local_zone(), now).as_str()));
    };
    let n = a.args.len();
    let tv = if n == 0 {
        // 3. numberOfArgs = 0: the current time.
        it.hooks().now_epoch_ms(it)
    } else if n == 1 {
        // 4. numberOfArgs = 1.
        let value = a.get(0);
        let date_value = match &value {
            Value::Object(o) => match o.borrow().kind {
                ObjectKind::Date(t) => Some(t),
                _ => None,
            },
            _ => None,
        };
        let tv = match date_value {
            Some(t) => t,
            None => {
                let v = it.to_primitive(&value, Hint::Default)?;
                if let Value::String(s) = &v {
                    parse_date(&it.local_zone(), s.units())
                } else {
                    it.to_number(&v)?
                }
            }
        };
        time_clip(tv)
    } else {
        // 5. numberOfArgs ≥ 2.
        let final_date = date_from_components(it, a.args)?;
        time_clip(utc(&it.local_zone(), final_date))
    };
    // 6-8. OrdinaryCreateFromConstructor(NewTarget, "%Date.prototype%", [[DateValue]]).
    let proto = it.get_prototype_from_constructor(nt, |i| i.date_prototype.clone())?;
    Ok(Value::Object(Obj::new(Some(proto), ObjectKind::Date(tv))))
}

/// The shared part of `new Date(y, m, ...)` and `Date.UTC(y, m, ...)`: converts the
/// arguments in order and returns MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
fn date_from_components(it: &mut Interp, args: &[Value]) -> JsResult<f64> {
    let mut nums = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, slot) in nums.iter_mut().enumerate() {
        if let Some(v) = args.get(i) {
            *slot = it.to_number(v)?;
        }
    }
    let [y, m, dt, h, min, s, milli] = nums;
    // If y is NaN, yr = NaN; else if 0 ≤ ToIntegerOrInfinity(y) ≤ 99, yr = 1900 + that.
    let yr = if !y.is_nan() && (0.0..=99.0).contains(&integer(y)) {
        1900.0 + integer(y)
    } else {
        y
    };
    Ok(make_date(make_day(yr, m, dt), make_time(h, min, s, milli)))
}

fn date_now(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::Number(it.hooks().now_epoch_ms(it)))
}

fn date_parse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.to_string(&a.get(0))?;
    Ok(Value::Number(parse_date(&it.local_zone(), s.units())))
}

/// Date.UTC(year, month, date, hours, minutes, seconds, ms).
fn date_utc(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let tv = date_from_components(it, a.args)?;
    Ok(Value::Number(time_clip(tv)))
}

// ---- this-value helpers -------------------------------------------------------------------------

/// thisTimeValue for the getters (V8: "this is not a Date object.").
fn this_time_value(it: &mut Interp, v: &Value) -> JsResult<f64> {
    if let Value::Object(o) = v {
        if let ObjectKind::Date(t) = o.borrow().kind {
            return Ok(t);
        }
    }
    Err(it.type_error("this is not a Date object."))
}

/// thisTimeValue for the other methods (V8: "Method ... called on incompatible receiver").
fn this_date(it: &mut Interp, v: &Value, method: &str) -> JsResult<(Obj, f64)> {
    date_object(v).ok_or_else(|| not_a_date(it, v, method))
}

/// The TypeError of a Date method `method` called on `v`, not a Date.
fn not_a_date(it: &mut Interp, v: &Value, method: &str) -> crate::interp::Abrupt {
    incompatible_receiver(it, &format!("Date.prototype.{method}"), v)
}

/// A Date object and its [[DateValue]].
fn date_object(v: &Value) -> Option<(Obj, f64)> {
    match v {
        Value::Object(o) => match o.borrow().kind {
            ObjectKind::Date(t) => Some((o.clone(), t)),
            _ => None,
        },
        _ => None,
    }
}

fn set_date_value(o: &Obj, t: f64) -> Value {
    o.borrow_mut().kind = ObjectKind::Date(t);
    Value::Number(t)
}

// ---- getters and setters ------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Date,
    Day,
    FullYear,
    Hours,
    Milliseconds,
    Minutes,
    Month,
    Seconds,
}

/// (getter name, setter length, field, UTC?, has setter?).
const ACCESSORS: [(&str, u32, Field, bool, bool); 16] = [
    ("Date", 1, Field::Date, false, true),
    ("Day", 0, Field::Day, false, false),
    ("FullYear", 3, Field::FullYear, false, true),
    ("Hours", 4, Field::Hours, false, true),
    ("Milliseconds", 1, Field::Milliseconds, false, true),
    ("Minutes", 3, Field::Minutes, false, true),
    ("Month", 2, Field::Month, false, true),
    ("Seconds", 2, Field::Seconds, false, true),
    ("Date", 1, Field::Date, true, true),
    ("Day", 0, Field::Day, true, false),
    ("FullYear", 3, Field::FullYear, true, true),
    ("Hours", 4, Field::Hours, true, true),
    ("Milliseconds", 1, Field::Milliseconds, true, true),
    ("Minutes", 3, Field::Minutes, true, true),
    ("Month", 2, Field::Month, true, true),
    ("Seconds", 2, Field::Seconds, true, true),
];

fn field_index(f: Field) -> f64 {
    match f {
        Field::Date => 0.0,
        Field::Day => 1.0,
        Field::FullYear => 2.0,
        Field::Hours => 3.0,
        Field::Milliseconds => 4.0,
        Field::Minutes => 5.0,
        Field::Month => 6.0,
        Field::Seconds => 7.0,
    }
}

fn field_from_index(i: f64) -> Field {
    match i as i32 {
        0 => Field::Date,
        1 => Field::Day,
        2 => Field::FullYear,
        3 => Field::Hours,
        4 => Field::Milliseconds,
        5 => Field::Minutes,
        6 => Field::Month,
        _ => Field::Seconds,
    }
}

fn define_accessor_pair(
    it: &mut Interp,
    proto: &Obj,
    name: &str,
    set_len: u32,
    field: Field,
    is_utc: bool,
    has_setter: bool,
) {
    let utc_part = if is_utc { "UTC" } else { "" };
    // The captured number: the field's index, plus 256 for the UTC variant (`captures`).
    let cap = field_index(field) as u16 + if is_utc { 256 } else { 0 };
    let gname = ["get", utc_part, name].concat();
    it.define_method_with(proto, &gname, 0, date_proto_getter, cap);
    if has_setter {
        let sname = ["set", utc_part, name].concat();
        it.define_method_with(proto, &sname, set_len, date_proto_setter, cap);
    }
}

/// (field, UTC?) of a getter / setter: the field's index (plus 256 for UTC) is its captured
/// number (`define_accessor_pair`).
fn captures(a: &Args) -> (Field, bool) {
    if let ObjectKind::Native(n) = &a.callee.borrow().kind {
        let i = match n.captures.first() {
            Some(Value::Number(i)) => *i,
            _ => 0.0,
        };
        let is_utc = i >= 256.0;
        let field = field_from_index(if is_utc { i - 256.0 } else { i });
        return (field, is_utc);
    }
    (Field::Date, false)
}

/// The name of the getter or setter called (the function's own), for its error message.
fn callee_name(a: &Args) -> String {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.name.to_rust_string(),
        _ => String::new(),
    }
}

/// Date.prototype.get[UTC]{Date,Day,FullYear,Hours,Milliseconds,Minutes,Month,Seconds}.
fn date_proto_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (field, is_utc) = captures(a);
    let t = this_time_value(it, a.this)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    let t = if is_utc {
        t
    } else {
        local_time(&it.local_zone(), t)
    };
    let f = fields(t);
    let v = match field {
        Field::Date => f.date,
        Field::Day => f.week_day,
        Field::FullYear => f.year,
        Field::Hours => f.hour,
        Field::Milliseconds => f.ms,
        Field::Minutes => f.minute,
        Field::Month => f.month,
        Field::Seconds => f.second,
    };
    Ok(Value::Number(v as f64))
}

/// The fields of a (possibly NaN) time value as numbers (all NaN for NaN).
fn fields_f64(t: f64) -> [f64; 7] {
    if t.is_nan() {
        return [f64::NAN; 7];
    }
    let f = fields(t);
    [
        f.year as f64,
        f.month as f64,
        f.date as f64,
        f.hour as f64,
        f.minute as f64,
        f.second as f64,
        f.ms as f64,
    ]
}

/// Date.prototype.set[UTC]{Date,FullYear,Hours,Milliseconds,Minutes,Month,Seconds}.
fn date_proto_setter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (field, is_utc) = captures(a);
    // 1. Let t be ? thisTimeValue(this value) (then LocalTime(t) for the local setters).
    let Some((o, tv)) = date_object(a.this) else {
        return Err(not_a_date(it, a.this, &callee_name(a)));
    };
    let mut t = if is_utc {
        tv
    } else {
        local_time(&it.local_zone(), tv)
    };
    // setFullYear: if t is NaN, set t to +0; otherwise LocalTime(t).
    if field == Field::FullYear && tv.is_nan() {
        t = 0.0;
    }
    let [year, month, date, hour, minute, second, ms] = fields_f64(t);
    // The fields this setter takes, in argument order; the missing ones come from t.
    let mut vals: Vec<f64> = match field {
        Field::Milliseconds => vec![ms],
        Field::Seconds => vec![second, ms],
        Field::Minutes => vec![minute, second, ms],
        Field::Hours => vec![hour, minute, second, ms],
        Field::Date => vec![date],
        Field::Month => vec![month, date],
        Field::FullYear => vec![year, month, date],
        Field::Day => vec![],
    };
    // Convert the present arguments in order (the first is always converted).
    for (i, slot) in vals.iter_mut().enumerate() {
        if i == 0 || i < a.args.len() {
            *slot = it.to_number(&a.get(i))?;
        }
    }
    let within = time_within_day(t);
    let new_date = match field {
        Field::Milliseconds => make_date(day(t), make_time(hour, minute, second, vals[0])),
        Field::Seconds => make_date(day(t), make_time(hour, minute, vals[0], vals[1])),
        Field::Minutes => make_date(day(t), make_time(hour, vals[0], vals[1], vals[2])),
        Field::Hours => make_date(day(t), make_time(vals[0], vals[1], vals[2], vals[3])),
        Field::Date => make_date(make_day(year, month, vals[0]), within),
        Field::Month => make_date(make_day(year, vals[0], vals[1]), within),
        Field::FullYear => make_date(make_day(vals[0], vals[1], vals[2]), within),
        Field::Day => f64::NAN,
    };
    let u = if is_utc {
        time_clip(new_date)
    } else {
        time_clip(utc(&it.local_zone(), new_date))
    };
    Ok(set_date_value(&o, u))
}

fn date_proto_get_time(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Number(this_time_value(it, a.this)?))
}

fn date_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Number(this_time_value(it, a.this)?))
}

/// Date.prototype.setTime(time).
fn date_proto_set_time(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, _) = this_date(it, a.this, "setTime")?;
    let t = it.to_number(&a.get(0))?;
    Ok(set_date_value(&o, time_clip(t)))
}

fn date_proto_get_timezone_offset(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let t = this_time_value(it, a.this)?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(integer(
        (t - local_time(&it.local_zone(), t)) / MS_PER_MINUTE,
    )))
}

/// Date.prototype.getYear() (Annex B).
fn date_proto_get_year(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "getYear")?;
    if t.is_nan() {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(
        (fields(local_time(&it.local_zone(), t)).year - 1900) as f64,
    ))
}

/// Date.prototype.setYear(year) (Annex B).
fn date_proto_set_year(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, tv) = this_date(it, a.this, "setYear")?;
    // 2. Let y be ? ToNumber(year).
    let y = it.to_number(&a.get(0))?;
    // 3. If t is NaN, set t to +0; otherwise, set t to LocalTime(t).
    let t = if tv.is_nan() {
        0.0
    } else {
        local_time(&it.local_zone(), tv)
    };
    // 4. Let yyyy be MakeFullYear(y).
    if y.is_nan() {
        return Ok(set_date_value(&o, f64::NAN));
    }
    let yi = integer(y);
    let yyyy = if (0.0..=99.0).contains(&yi) {
        1900.0 + yi
    } else {
        y
    };
    let [_, month, date, ..] = fields_f64(t);
    let d = make_day(yyyy, month, date);
    let date = make_date(d, time_within_day(t));
    Ok(set_date_value(&o, time_clip(utc(&it.local_zone(), date))))
}

// ---- string conversions -------------------------------------------------------------------------

fn string_result(s: String) -> JsResult<Value> {
    Ok(Value::String(JsStr::from(s.as_str())))
}

fn date_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toString")?;
    string_result(to_date_string(&it.local_zone(), t))
}

fn date_proto_to_date_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toDateString")?;
    if t.is_nan() {
        return string_result("Invalid Date".into());
    }
    string_result(date_string(&fields(local_time(&it.local_zone(), t))))
}

fn date_proto_to_time_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toTimeString")?;
    if t.is_nan() {
        return string_result("Invalid Date".into());
    }
    let zone = it.local_zone();
    let f = fields(local_time(&zone, t));
    string_result(format!(
        "{} {}",
        time_string(&f),
        time_zone_string(&zone, t)
    ))
}

fn date_proto_to_utc_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toUTCString")?;
    string_result(to_utc_string(t))
}

fn date_proto_to_iso_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toISOString")?;
    if !t.is_finite() {
        return Err(it.range_error("Invalid time value"));
    }
    string_result(iso_string(t))
}

/// Date.prototype.toJSON(key).
fn date_proto_to_json(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = it.to_object(a.this)?;
    let ov = Value::Object(o.clone());
    // 2. Let tv be ? ToPrimitive(O, number).
    let tv = it.to_primitive(&ov, Hint::Number)?;
    // 3. If tv is a Number and is not finite, return null.
    if let Value::Number(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    // 4. Return ? Invoke(O, "toISOString").
    let f = it.get(&o, &static_key!("toISOString"))?;
    if !it.is_callable(&f) {
        return Err(it.type_error("toISOString is not a function"));
    }
    it.call(&f, &ov, &[])
}

fn date_proto_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toLocaleString")?;
    let s = super::intl_date_time_format::date_to_locale(
        it,
        t,
        &a.get(0),
        &a.get(1),
        DateDefaults::All,
    )?;
    string_result(s)
}

fn date_proto_to_locale_date_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toLocaleDateString")?;
    let s = super::intl_date_time_format::date_to_locale(
        it,
        t,
        &a.get(0),
        &a.get(1),
        DateDefaults::Date,
    )?;
    string_result(s)
}

fn date_proto_to_locale_time_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, t) = this_date(it, a.this, "toLocaleTimeString")?;
    let s = super::intl_date_time_format::date_to_locale(
        it,
        t,
        &a.get(0),
        &a.get(1),
        DateDefaults::Time,
    )?;
    string_result(s)
}

/// Date.prototype[@@toPrimitive](hint).
fn date_proto_to_primitive(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. If O is not an Object, throw a TypeError.
    let Value::Object(o) = a.this else {
        return Err(incompatible_receiver(
            it,
            "Date.prototype [ @@toPrimitive ]",
            a.this,
        ));
    };
    // 3-5. "string" / "default" → string, "number" → number, else TypeError.
    let hint = a.get(0);
    let is = |s: &JsStr, name: &str| s.units().iter().copied().eq(name.encode_utf16());
    let try_first = match &hint {
        Value::String(s) if is(s, "string") || is(s, "default") => Hint::String,
        Value::String(s) if is(s, "number") => Hint::Number,
        _ => {
            let d = super::iterator::describe(it, &hint);
            return Err(it.type_error(format!("Invalid hint: {d}")));
        }
    };
    // 6. Return ? OrdinaryToPrimitive(O, tryFirst).
    let o = o.clone();
    it.ordinary_to_primitive(&o, try_first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 0, 1));
        assert_eq!(civil_from_days(-1), (1969, 11, 31));
        assert_eq!(
            make_day(2020.0, 1.0, 29.0) as i64,
            days_from_civil(2020, 2, 29)
        );
        assert!(make_day(f64::INFINITY, 0.0, 1.0).is_nan());
        assert!(time_clip(8.64e15 + 1.0).is_nan());
        assert_eq!(time_clip(-0.5), 0.0);
        assert_eq!(iso_string(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_string(-62198755200000.0), "-000001-01-01T00:00:00.000Z");
    }

    #[test]
    fn tz_parsing() {
        let off = |tz: &str| LocalZone::from_tz(tz).offset_ms(0.0);
        assert_eq!(off("UTC"), 0.0);
        assert_eq!(off("Etc/GMT+5"), -5.0 * MS_PER_HOUR);
        assert_eq!(off("EST5"), -5.0 * MS_PER_HOUR);
        assert_eq!(off("XYZ-5"), 5.0 * MS_PER_HOUR);
        // Not a zone ICU reads: offset 0, named by its offset.
        assert_eq!(off("UTC-5:30"), 0.0);
        assert_eq!(LocalZone::from_tz("UTC-5:30").long_name(0.0), "GMT+00:00");
        // The IANA database: Paris was at +01:00 on 1 January 1970.
        assert_eq!(off("Europe/Paris"), MS_PER_HOUR);
    }

    #[test]
    fn parsing() {
        let utc = LocalZone::from_tz("UTC");
        let p = |s: &str| parse_date(&utc, JsStr::from(s).units());
        assert_eq!(p("2020-01-01T00:00:00.123Z"), 1577836800123.0);
        assert_eq!(p("2020-01-01"), 1577836800000.0);
        assert_eq!(p("+002020-01-01T00:00:00Z"), 1577836800000.0);
        assert!(p("-000000-01-01T00:00:00Z").is_nan());
        assert!(p("2020-13-01").is_nan());
        assert_eq!(p("2020-01-01T05:00:00+05:00"), 1577836800000.0);
        assert_eq!(p("2020-01-01T00:00:00.000+0100"), 1577833200000.0);
        assert!(p("garbage").is_nan());
        assert!(p("").is_nan());
        assert!(p("(((").is_nan());
        assert!(p("1:2:3:4:5:6").is_nan());
        assert!(p("99999999999999999999999").is_nan());
    }
}
