//! CLDR's compact decimal patterns (`notation: 'compact'`) for every locale, from the table
//! generated with the reference Node (`intl_compact_patterns.rs`, by
//! `data/gen-compact-patterns.js`): per locale, style and magnitude, the pattern per plural
//! category (`0K`, `0 тысячи`, `0万`, `elfu 0`, fr `mille` for exactly 1000).

use crate::intl_compact_patterns::COMPACT_PATTERNS;

/// `(type, text)` parts of a pattern's text around the number.
pub type AffixParts = Vec<(&'static str, String)>;

/// The patterns for one magnitude.
pub struct CompactPattern {
    /// Integer digits the pattern shows (the number is divided by 10^(magnitude - zeros + 1)).
    pub zeros: usize,
    field: &'static str,
    /// Extra digits for magnitudes beyond the largest pattern (`1000T`).
    extra: usize,
    /// A negative number's sign goes after the pattern's prefix (sw `elfu -1.2`).
    pub sign_inside: bool,
}

/// The table line of `locale` (or its language, else `en`) and `style`.
fn line(locale: &str, long: bool) -> &'static str {
    let style = if long { "long" } else { "short" };
    let find = |l: &str| {
        COMPACT_PATTERNS.split('\n').find(|line| {
            let mut f = line.split('\t');
            f.next() == Some(l) && f.next() == Some(style)
        })
    };
    let mut tag = locale;
    loop {
        if let Some(l) = find(tag) {
            return l;
        }
        match tag.rfind('-') {
            Some(i) => tag = &tag[..i],
            None => break,
        }
    }
    find("en").unwrap_or("")
}

/// The pattern for numbers of magnitude 10^`magnitude`, `None` when such numbers are not
/// compacted (en below 1000, de short below a million, ja below 10 000).
pub fn pattern(locale: &str, long: bool, magnitude: i32) -> Option<CompactPattern> {
    if magnitude < 0 {
        return None;
    }
    let line = line(locale, long);
    let sign_inside = line.split('\t').nth(2) == Some("i");
    let fields: Vec<&'static str> = line.split('\t').skip(3).collect();
    let last = fields.len().checked_sub(1)?;
    let m = magnitude as usize;
    let (field, extra) = if m <= last {
        (fields[m], 0)
    } else {
        (fields[last], m - last)
    };
    if field == "0" {
        return None;
    }
    let zeros = first_pattern(field).chars().filter(|&c| c == '0').count() + extra;
    Some(CompactPattern {
        zeros,
        field,
        extra,
        sign_inside,
    })
}

fn first_pattern(field: &str) -> &str {
    let p = field.split('|').next().unwrap_or("");
    p.split_once('=').map(|(_, p)| p).unwrap_or(p)
}

impl CompactPattern {
    /// The pattern for a number shown as `shown` whose plural category is `category`.
    fn select(&self, shown: &str, category: &str) -> String {
        let mut chosen = None;
        let mut other = None;
        for p in self.field.split('|') {
            match p.split_once('=') {
                None => chosen = Some(p),
                Some(("1", p)) if shown == "1" => {
                    chosen = Some(p);
                    break;
                }
                Some((c, p)) if c == category && chosen.is_none() => chosen = Some(p),
                Some(("other", p)) => other = Some(p),
                _ => {}
            }
        }
        let p = chosen
            .or(other)
            .unwrap_or_else(|| first_pattern(self.field));
        // Beyond the largest pattern the number shows more digits.
        p.replacen('0', &"0".repeat(1 + self.extra), 1)
    }

    /// The parts before and after the number: `(type, text)` runs, spaces and bidi marks as
    /// `literal`, the rest as `compact`; `None` for the number when the pattern has none.
    pub fn affixes(&self, shown: &str, category: &str) -> (AffixParts, Option<AffixParts>) {
        let p = self.select(shown, category);
        let split = |s: &str| {
            let mut out: Vec<(&'static str, String)> = Vec::new();
            for c in s.chars() {
                let ty = if matches!(
                    c,
                    ' ' | '\u{a0}' | '\u{202f}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
                ) {
                    "literal"
                } else {
                    "compact"
                };
                match out.last_mut() {
                    Some((t, s)) if *t == ty => s.push(c),
                    _ => out.push((ty, c.to_string())),
                }
            }
            out
        };
        match (p.find('0'), p.rfind('0')) {
            (Some(a), Some(b)) => (split(&p[..a]), Some(split(&p[b + 1..]))),
            _ => (split(&p), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(pattern("en", false, 2).is_none());
        let p = pattern("en", false, 4).unwrap();
        assert_eq!(p.zeros, 2);
        assert_eq!(p.affixes("12", "other").0, vec![]);
        assert_eq!(
            p.affixes("12", "other").1,
            Some(vec![("compact", "K".to_string())])
        );
        assert_eq!(pattern("en", false, 16).unwrap().zeros, 5);
        let fr = pattern("fr", true, 3).unwrap();
        assert_eq!(
            fr.affixes("1", "one"),
            (vec![("compact", "mille".into())], None)
        );
        assert_eq!(
            fr.affixes("1,5", "one").1.unwrap(),
            vec![("literal", " ".into()), ("compact", "millier".into())]
        );
        assert!(pattern("de-DE", false, 3).is_none());
        assert_eq!(pattern("ja-JP", false, 8).unwrap().zeros, 1);
        assert_eq!(pattern("en-IN", true, 12).unwrap().zeros, 1);
        assert_eq!(pattern("en-IN", true, 13).unwrap().zeros, 2);
        assert!(pattern("sw", false, 3).unwrap().sign_inside);
    }
}
