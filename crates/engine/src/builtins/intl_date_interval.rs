//! `Intl.DateTimeFormat.prototype.formatRange` / `formatRangeToParts` laid out as ICU's
//! `DateIntervalFormat` lays them out (CLDR `intervalFormats`: `Jan 3 – 5, 2019`,
//! `10:00 – 11:00 AM`, de `3.–5. Januar 2019`).
//!
//! ICU4X 2.x has no interval formats, so the layouts are generated from the reference Node
//! (`data/gen-date-intervals.js` → `intl_date_intervals.rs`): per locale, option bag and
//! greatest differing field, the parts in order with their sources. The fields are formatted
//! here through the DateTimeFormat's own formatter, at the widths the request asks for.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::intl_date_time_format::{fit_tokens, format_with_pattern, untokens, DateSpec, Token};
use crate::intl_date_intervals::INTL_DATE_INTERVALS;

/// A part of a range: its type, its text and its source.
pub type RangePart = (&'static str, String, &'static str);

/// The generator's names of an option bag's date and time parts (`yMMMd`, `hm`; `medium/-`,
/// `-/short`; "" when the bag has none), `None` for bags it does not cover.
fn bag_keys(s: &DateSpec) -> Option<(String, String)> {
    if s.tz_display.is_some() || s.day_period.is_some() || s.fractional_digits.is_some() {
        return None;
    }
    if s.date_style.is_some() || s.time_style.is_some() {
        return Some((
            s.date_style
                .as_deref()
                .map_or(String::new(), |d| format!("{d}/-")),
            s.time_style
                .as_deref()
                .map_or(String::new(), |t| format!("-/{t}")),
        ));
    }
    let mut k = String::new();
    k.push_str(match s.weekday.as_deref() {
        Some("long") => "EEEE",
        Some(_) => "E",
        None => "",
    });
    if s.era.is_some() {
        k.push('G');
    }
    if s.year.is_some() {
        k.push('y');
    }
    // A two-digit month and day are their own bag (ICU's interval patterns keep their
    // widths); other `2-digit` fields are the numeric bag's.
    let two = |v: &Option<String>| v.as_deref() == Some("2-digit");
    let padded = two(&s.month) && two(&s.day);
    k.push_str(match s.month.as_deref() {
        _ if padded => "MM",
        Some("numeric" | "2-digit") => "M",
        Some("long") => "MMMM",
        Some(_) => "MMM",
        None => "",
    });
    if padded {
        k.push_str("dd");
    } else if s.day.is_some() {
        k.push('d');
    }
    let twelve = matches!(s.hc.as_str(), "h11" | "h12");
    let mut t = String::new();
    match (s.hour.is_some(), s.minute.is_some(), s.second.is_some()) {
        (false, false, false) => {}
        (true, m, sec) => {
            t.push(if twelve { 'h' } else { 'H' });
            if m {
                t.push('m');
            }
            if sec {
                if !m {
                    return None;
                }
                t.push('s');
            }
        }
        _ => return None,
    }
    Some((k, t))
}

/// The greatest calendar field that differs between two local times (as ICU compares
/// them: era, year, month, day, AM/PM, hour, minute, second); `None` when they agree.
fn greatest_difference(a: f64, b: f64) -> Option<char> {
    let (x, y) = (super::date::fields(a), super::date::fields(b));
    [
        ('G', (x.year > 0) != (y.year > 0)),
        ('y', x.year != y.year),
        ('M', x.month != y.month),
        ('d', x.date != y.date),
        ('a', (x.hour < 12) != (y.hour < 12)),
        ('h', x.hour != y.hour),
        ('m', x.minute != y.minute),
        ('s', x.second != y.second),
    ]
    .iter()
    .find(|(_, d)| *d)
    .map(|(c, _)| *c)
}

/// The row of the table for the locale (else its language): `Some("-")` is the fallback.
fn row(locale: &str, key: &str) -> Option<&'static str> {
    thread_local! {
        static ROWS: RefCell<FxHashMap<(String, String), Option<&'static str>>> =
            RefCell::default();
    }
    let k = (locale.to_string(), key.to_string());
    if let Some(r) = ROWS.with(|m| m.borrow().get(&k).copied()) {
        return r;
    }
    let find = |loc: &str| {
        INTL_DATE_INTERVALS.split('\n').find_map(|r| {
            r.strip_prefix(loc)?
                .strip_prefix('\t')?
                .strip_prefix(key)?
                .strip_prefix('\t')
        })
    };
    let lang = locale.split('-').next().unwrap_or("");
    let r = find(locale).or_else(|| find(lang));
    ROWS.with(|m| m.borrow_mut().insert(k, r));
    r
}

/// The locale's range sign between two whole dates (en thin space, en dash, thin space; ja
/// `～`).
pub fn fallback_sign(locale: &str) -> &'static str {
    row(locale, "*\t*").unwrap_or("\u{2009}\u{2013}\u{2009}")
}

/// Parses a layout: `<`, `=` or `>` then pattern letters or a quoted literal.
fn parse(layout: &str) -> Option<Vec<(char, Token)>> {
    let mut out = Vec::new();
    let mut chars = layout.chars().peekable();
    while let Some(src) = chars.next() {
        if !matches!(src, '<' | '=' | '>') {
            return None;
        }
        match chars.next()? {
            '\'' => {
                let mut lit = String::new();
                loop {
                    let c = chars.next()?;
                    if c == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            lit.push('\'');
                            continue;
                        }
                        break;
                    }
                    lit.push(c);
                }
                out.push((src, Token::Lit(lit)));
            }
            c if c.is_ascii_alphabetic() => {
                let mut n = 1;
                while chars.peek() == Some(&c) {
                    chars.next();
                    n += 1;
                }
                out.push((src, Token::Field(c, n)));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The parts of `formatRange(x, y)` by Node's layout, or `None` when the table has none for
/// the bag (the caller joins the two dates with [`fallback_sign`]).
pub fn layout_parts(spec: &DateSpec, x: f64, y: f64) -> Option<Vec<RangePart>> {
    // The layouts are the Gregorian calendar's.
    if spec.calendar.is_some() {
        return None;
    }
    let (date_key, time_key) = bag_keys(spec)?;
    let local = |t: f64| t + spec.zone.as_ref().map_or(0.0, |z| z.offset_ms(t));
    let field = greatest_difference(local(x), local(y))?;
    let whole = |t: f64| format_with_pattern(spec, t, &spec.pattern);
    let joined = |sign: &str| -> Vec<RangePart> {
        let mut out: Vec<RangePart> = Vec::new();
        out.extend(whole(x).into_iter().map(|(t, v)| (t, v, "startRange")));
        out.push(("literal", sign.to_string(), "shared"));
        out.extend(whole(y).into_iter().map(|(t, v)| (t, v, "endRange")));
        out
    };
    let lookup = |key: &str| {
        let r = row(&spec.locale, &format!("{key}\t{field}"))?;
        match r.strip_prefix('^') {
            Some(other) => row(&spec.locale, &format!("{key}\t{other}")),
            None => Some(r),
        }
    };
    if date_key.is_empty() || time_key.is_empty() {
        let key = if date_key.is_empty() {
            &time_key
        } else {
            &date_key
        };
        let layout = lookup(key)?;
        if layout == "-" {
            return None;
        }
        // The two whole dates, joined by a sign of the bag's own (af `–` for most, ` – `).
        if let Some(sign) = layout.strip_prefix('~') {
            return Some(joined(sign));
        }
        let parts = lay_out(spec, layout, x, y)?;
        // Every field of the format must be in the layout (else it is not this bag's).
        let all = whole(x)
            .iter()
            .filter(|p| p.0 != "literal")
            .all(|(t, _)| parts.iter().any(|p| p.0 == *t));
        return all.then_some(parts);
    }
    // A date with a time: when a date field differs, the two whole dates, joined by the sign
    // the time bag's whole dates have (el `-` where its dates alone have ` – `).
    if !matches!(field, 'a' | 'h' | 'm' | 's') {
        let layout = lookup(&time_key)?;
        if let Some(sign) = layout.strip_prefix('~') {
            return Some(joined(sign));
        }
        return parse(layout)
            .and_then(|p| range_sign(&p))
            .map(|sign| joined(&sign));
    }
    // Date and time styles have their own layouts (en `January 15, 2024, 9:05 – 9:45 AM`
    // where the date alone is `... at 9:05 AM`).
    if let (Some(d), Some(t)) = (&spec.date_style, &spec.time_style) {
        match lookup(&format!("{d}/{t}")) {
            Some("-") => return None,
            Some(l) => match l.strip_prefix('~') {
                Some(sign) => return Some(joined(sign)),
                None => return lay_out(spec, l, x, y),
            },
            None => {}
        }
    }
    // Else ICU keeps the date once and lays the times out as the time alone
    // (`Jan 3, 2019, 10:00 – 11:00 AM`), the two times joined when they have no layout.
    let start = whole(x);
    let is_time = |t: &str| {
        matches!(
            t,
            "hour" | "minute" | "second" | "fractionalSecond" | "dayPeriod" | "timeZoneName"
        )
    };
    let first = start.iter().position(|p| is_time(p.0))?;
    let last = start.iter().rposition(|p| is_time(p.0))?;
    let times = match lookup(&time_key) {
        Some(l) if l != "-" && !l.starts_with('~') => lay_out(spec, l, x, y)?,
        other => {
            let sign = other
                .and_then(|l| l.strip_prefix('~'))
                .unwrap_or_else(|| fallback_sign(&spec.locale));
            let end = whole(y);
            let (ef, el) = (
                end.iter().position(|p| is_time(p.0))?,
                end.iter().rposition(|p| is_time(p.0))?,
            );
            let mut t: Vec<RangePart> = Vec::new();
            t.extend(
                start[first..=last]
                    .iter()
                    .map(|(ty, v)| (*ty, v.clone(), "startRange")),
            );
            t.push(("literal", sign.to_string(), "shared"));
            t.extend(
                end[ef..=el]
                    .iter()
                    .map(|(ty, v)| (*ty, v.clone(), "endRange")),
            );
            t
        }
    };
    let mut out: Vec<RangePart> = Vec::new();
    out.extend(
        start[..first]
            .iter()
            .map(|(t, v)| (*t, v.clone(), "shared")),
    );
    // The glue of a date and times (en `, ` where the long date alone has ` at `).
    if let (Some(glue), Some(last)) = (row(&spec.locale, "+\t+"), out.last_mut()) {
        if last.0 == "literal" {
            last.1 = glue.to_string();
        }
    }
    out.extend(times);
    out.extend(
        start[last + 1..]
            .iter()
            .map(|(t, v)| (*t, v.clone(), "shared")),
    );
    Some(out)
}

/// The shared literal between a layout's start and end fields (its range sign).
fn range_sign(layout: &[(char, Token)]) -> Option<String> {
    let after_start = layout.iter().rposition(|(src, _)| *src == '<')?;
    let before_end = layout.iter().position(|(src, _)| *src == '>')?;
    let between = layout.get(after_start + 1..before_end)?;
    match between {
        [('=', Token::Lit(l))] => Some(l.clone()),
        _ => None,
    }
}

/// Formats a layout's fields: those of `<` and `=` from the start, of `>` from the end.
fn lay_out(spec: &DateSpec, layout: &str, x: f64, y: f64) -> Option<Vec<RangePart>> {
    let parsed = parse(layout)?;
    let (srcs, mut toks): (Vec<char>, Vec<Token>) = parsed.into_iter().unzip();
    fit_tokens(spec, &mut toks);
    let mut out: Vec<RangePart> = Vec::new();
    for (src, tok) in srcs.into_iter().zip(toks) {
        let source = match src {
            '<' => "startRange",
            '>' => "endRange",
            _ => "shared",
        };
        let t = if src == '>' { y } else { x };
        match tok {
            Token::Lit(l) => out.push(("literal", l, source)),
            field => {
                let pattern = untokens(&[field]);
                for (ty, v) in format_with_pattern(spec, t, &pattern) {
                    out.push((ty, v, source));
                }
            }
        }
    }
    // Adjacent literals of one source are one part, as in ICU.
    let mut merged: Vec<RangePart> = Vec::new();
    for p in out {
        match merged.last_mut() {
            Some(last) if last.0 == "literal" && p.0 == "literal" && last.2 == p.2 => {
                last.1.push_str(&p.1)
            }
            _ => merged.push(p),
        }
    }
    Some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_parse() {
        let p = parse("=MMM=' '<d=' – '>d=', '=y").unwrap_or_default();
        assert_eq!(p.len(), 7);
        assert_eq!(p[2], ('<', Token::Field('d', 1)));
        assert_eq!(p[3], ('=', Token::Lit(" – ".into())));
        assert!(parse("=MMM='x").is_none());
    }

    #[test]
    fn greatest_differing_field() {
        let jan = 1_704_067_200_000.0; // 2024-01-01T00:00Z
        assert_eq!(greatest_difference(jan, jan), None);
        assert_eq!(greatest_difference(jan, jan + 60_000.0), Some('m'));
        assert_eq!(greatest_difference(jan, jan + 3_600_000.0), Some('h'));
        assert_eq!(
            greatest_difference(jan, jan + 13.0 * 3_600_000.0),
            Some('a')
        );
        assert_eq!(greatest_difference(jan, jan + 86_400_000.0), Some('d'));
        assert_eq!(
            greatest_difference(jan, jan + 40.0 * 86_400_000.0),
            Some('M')
        );
        assert_eq!(greatest_difference(jan - 86_400_000.0, jan), Some('y'));
        assert_eq!(greatest_difference(-62_198_755_200_000.0, jan), Some('G'));
    }

    #[test]
    fn sign_of_a_layout() {
        let p = parse("<M<'/'<d=' - '>M>'/'>d").unwrap_or_default();
        assert_eq!(range_sign(&p).as_deref(), Some(" - "));
        let p = parse("=MMM=' '<d=' – '>d=', '=y").unwrap_or_default();
        assert_eq!(range_sign(&p).as_deref(), Some(" – "));
    }

    #[test]
    fn english_sign() {
        assert_eq!(fallback_sign("en-US"), "\u{2009}\u{2013}\u{2009}");
    }
}
