//! CLDR's unit patterns for `Intl.NumberFormat` `style: 'unit'` (every sanctioned unit, short/
//! long/narrow, compound `x-per-y`), from the table generated with the reference Node
//! (`intl_unit_patterns.rs`, by `data/gen-unit-patterns.js`).

use super::intl_compact::AffixParts;
use crate::intl_unit_patterns::{UNITS, UNIT_PATTERNS};

/// The sanctioned simple units (ECMA-402 §6.6.2), the first part of [`UNITS`].
const SIMPLE_UNITS: usize = 45;

fn unit_index(unit: &str) -> Option<usize> {
    UNITS.split(' ').position(|u| u == unit)
}

fn is_simple(unit: &str) -> bool {
    unit_index(unit).is_some_and(|i| i < SIMPLE_UNITS)
}

/// IsWellFormedUnitIdentifier: a sanctioned unit, or two joined by `-per-`.
pub fn is_well_formed(unit: &str) -> bool {
    if is_simple(unit) {
        return true;
    }
    match unit.split_once("-per-") {
        Some((a, b)) => is_simple(a) && is_simple(b),
        None => false,
    }
}

/// The fields of the table line for `locale` (its parents, else `en`) and `display`.
fn fields(locale: &str, display: &str) -> Vec<&'static str> {
    let find = |l: &str, d: &str| {
        UNIT_PATTERNS.split('\n').find(|line| {
            let mut f = line.split('\t');
            f.next() == Some(l) && f.next() == Some(d)
        })
    };
    let resolve = |l: &str, d: &str| -> Option<Vec<&'static str>> {
        let mut line = find(l, d)?;
        if let Some(other) = line.split('\t').nth(2).and_then(|f| f.strip_prefix('=')) {
            line = find(other, d)?;
        }
        Some(line.split('\t').skip(2).collect())
    };
    let mut tag = locale;
    let mut found = None;
    loop {
        if let Some(f) = resolve(tag, display) {
            found = Some((tag, f));
            break;
        }
        match tag.rfind('-') {
            Some(i) => tag = &tag[..i],
            None => break,
        }
    }
    let (tag, mut f) = found
        .or_else(|| resolve("en", display).map(|f| ("en", f)))
        .unwrap_or(("en", Vec::new()));
    if display == "narrow" && f.contains(&"^") {
        let short = resolve(tag, "short").unwrap_or_default();
        for (i, field) in f.iter_mut().enumerate() {
            if *field == "^" {
                *field = short.get(i).copied().unwrap_or("{0}");
            }
        }
    }
    f
}

/// The pattern of a field for a plural category (`other` when the category has none).
fn select(field: &str, category: &str) -> String {
    let mut other = None;
    let mut first = None;
    for p in field.split('|') {
        match p.split_once('=') {
            None => return p.to_string(),
            Some((c, p)) if c == category => return p.to_string(),
            Some(("other", p)) => other = Some(p),
            Some((_, p)) => first = first.or(Some(p)),
        }
    }
    other.or(first).unwrap_or("{0}").to_string()
}

/// The pattern (`{0} km`, `摂氏 {0} 度`, `{0} kilobytes per second`) for `unit`.
pub fn pattern(locale: &str, display: &str, unit: &str, category: &str) -> String {
    // ICU formats `percent-per-x` in short and narrow as plain `percent`.
    let unit = if unit.starts_with("percent-per-") && display != "long" {
        "percent"
    } else {
        unit
    };
    let f = fields(locale, display);
    let units = UNITS.split(' ').count();
    if let Some(i) = unit_index(unit) {
        return select(f.get(i).copied().unwrap_or("{0}"), category);
    }
    let Some((a, b)) = unit.split_once("-per-") else {
        return "{0}".into();
    };
    let (Some(ai), Some(bi)) = (unit_index(a), unit_index(b)) else {
        return "{0}".into();
    };
    let numerator = select(f.get(ai).copied().unwrap_or("{0}"), category);
    let per = select(f.get(units + bi).copied().unwrap_or("{0}/{1}"), category);
    per.replacen("{0}", &numerator, 1)
}

/// The parts of a pattern with no number (ar `سنة` for one year): all `unit`.
pub fn has_number(pattern: &str) -> bool {
    pattern.contains("{0}")
}

/// A pattern's text before and after the number as `(type, text)` parts: whitespace and bidi
/// marks next to the number are `literal`, the rest `unit`.
pub fn affixes(pattern: &str) -> (AffixParts, AffixParts) {
    let (pre, post) = pattern.split_once("{0}").unwrap_or((pattern, ""));
    let spacing = |c: char| c.is_whitespace() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}');
    let mut before = Vec::new();
    let unit_end = pre.trim_end_matches(spacing).len();
    if unit_end > 0 {
        before.push(("unit", pre[..unit_end].to_string()));
    }
    if unit_end < pre.len() {
        before.push(("literal", pre[unit_end..].to_string()));
    }
    let mut after = Vec::new();
    let unit_start = post.len() - post.trim_start_matches(spacing).len();
    if unit_start > 0 {
        after.push(("literal", post[..unit_start].to_string()));
    }
    if unit_start < post.len() {
        after.push(("unit", post[unit_start..].to_string()));
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert!(is_well_formed("kilometer-per-hour") && is_well_formed("byte-per-acre"));
        assert!(!is_well_formed("kilometer-per-kilometer-per-hour") && !is_well_formed(""));
        assert_eq!(
            pattern("en-US", "long", "kilometer", "one"),
            "{0} kilometer"
        );
        assert_eq!(
            pattern("en-US", "short", "kilometer-per-hour", "other"),
            "{0} km/h"
        );
        assert_eq!(
            pattern("en", "long", "kilobyte-per-second", "other"),
            "{0} kilobytes per second"
        );
        assert_eq!(pattern("en-GB", "long", "meter", "other"), "{0} metres");
        let (pre, post) = affixes("摂氏 {0} 度");
        assert_eq!(pre, vec![("unit", "摂氏".into()), ("literal", " ".into())]);
        assert_eq!(post, vec![("literal", " ".into()), ("unit", "度".into())]);
    }
}
