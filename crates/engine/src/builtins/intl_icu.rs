//! The parts of `Intl` backed by ICU4X's compiled CLDR data (`icu_*` crates): locale
//! canonicalization, plural rules, list patterns, collation and language-sensitive case
//! mapping. Everything here is pure Rust data in, data out; option reading (ECMA-402's own
//! rules and V8's messages) stays in `intl.rs`. Formatters are built on first use for a
//! (locale, options) pair and cached per thread: a script that uses no Intl touches no data.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use icu_collator::options::{AlternateHandling, CaseLevel, CollatorOptions, Strength};
use icu_collator::preferences::{CollationCaseFirst, CollationNumericOrdering};
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::ListFormatter;
use icu_locale_core::{LanguageIdentifier, Locale};
use icu_plurals::{PluralCategory, PluralRuleType, PluralRules, PluralRulesOptions};
use rustc_hash::FxHashMap;

/// A BCP 47 tag canonicalized as ECMA-402's CanonicalizeUnicodeLocaleId does (case, order of
/// extensions and keywords, CLDR aliases such as `iw` → `he`); `None` if it is not a
/// well-formed tag. ICU4X canonicalizes the language id; what ICU does beyond it is added
/// here: keyword value aliases (generated, `intl_keyword_aliases.rs`), `yes` as `true` (for
/// the boolean collation keys), the
/// lone `posix` variant as `-u-va-posix`, and 5-8 letter languages (`posix`), which ICU4X's
/// `Language` (3 letters) cannot hold.
pub fn canonicalize_tag(tag: &str) -> Option<String> {
    canonicalize(tag, true)
}

/// `canonicalize_tag` keeping a `posix` variant as a variant (DisplayNames names it:
/// `American English (Computer)`).
pub fn canonicalize_language_id(tag: &str) -> Option<String> {
    canonicalize(tag, false)
}

fn canonicalize(tag: &str, posix_keyword: bool) -> Option<String> {
    if tag.is_empty() || tag.contains('_') || !tag.is_ascii() {
        return None;
    }
    let first = tag.split('-').next().unwrap_or("");
    let long_language =
        (5..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic());
    let parsed = if long_language {
        Locale::try_from_str(&format!("und{}", &tag[first.len()..]))
    } else {
        Locale::try_from_str(tag)
    };
    let mut loc = parsed.ok()?;
    icu_locale::LocaleCanonicalizer::new_extended().canonicalize(&mut loc);
    canonicalize_extensions(&mut loc, posix_keyword);
    let s = loc.to_string();
    if long_language && loc.id.language.is_unknown() {
        return Some(format!("{}{}", first.to_ascii_lowercase(), &s[3..]));
    }
    Some(s)
}

/// The canonical value of a keyword (`u`: Unicode extension, `t`: transformed extension),
/// if CLDR aliases it.
fn keyword_alias(ext: &str, key: &str, value: &str) -> Option<&'static str> {
    crate::intl_keyword_aliases::KEYWORD_ALIASES
        .split('\n')
        .find_map(|line| {
            let mut f = line.split('\t');
            (f.next() == Some(ext) && f.next() == Some(key) && f.next() == Some(value))
                .then(|| f.next())
                .flatten()
        })
}

/// ICU's canonicalization of the extensions (what ICU4X's canonicalizer leaves alone).
fn canonicalize_extensions(loc: &mut Locale, posix_keyword: bool) {
    use icu_locale_core::extensions::{transform, unicode};
    // A lone `posix` variant is the keyword `va-posix` (`en-US-posix` → `en-US-u-va-posix`).
    let lone_posix =
        loc.id.variants.len() == 1 && loc.id.variants.iter().any(|v| v.as_str() == "posix");
    if posix_keyword && lone_posix {
        loc.id.variants.clear();
        if let (Ok(k), Ok(v)) = (
            unicode::Key::try_from_str("va"),
            unicode::Value::try_from_str("posix"),
        ) {
            if !loc.extensions.unicode.keywords.contains_key(&k) {
                loc.extensions.unicode.keywords.set(k, v);
            }
        }
    }
    let keys: Vec<(unicode::Key, String)> = loc
        .extensions
        .unicode
        .keywords
        .iter()
        .map(|(k, v)| (*k, v.to_string()))
        .collect();
    for (k, v) in keys {
        // CLDR aliases `yes` to `true` for the boolean collation keys (ICU does it for every
        // key: `ka-yes` → `ka`; test262 and UTS 35 want it for these only).
        let new = if v == "yes" && matches!(k.as_str(), "kb" | "kc" | "kh" | "kk" | "kn") {
            Some("")
        } else {
            keyword_alias("u", k.as_str(), &v)
        };
        if let Some(n) = new {
            let val = if n.is_empty() {
                Ok(unicode::Value::new_empty())
            } else {
                unicode::Value::try_from_str(n)
            };
            if let Ok(val) = val {
                loc.extensions.unicode.keywords.set(k, val);
            }
        }
    }
    for key in ["d0", "m0"] {
        let Ok(k) = transform::Key::try_from_str(key) else {
            continue;
        };
        let Some(v) = loc
            .extensions
            .transform
            .fields
            .get(&k)
            .map(|v| v.to_string())
        else {
            continue;
        };
        if let Some(n) = keyword_alias("t", key, &v) {
            if let Ok(val) = transform::Value::try_from_str(n) {
                loc.extensions.transform.fields.set(k, val);
            }
        }
    }
}

/// A locale's decimal symbols, read off ICU4X's decimal formatter.
#[derive(Clone, Debug)]
pub struct NumberSymbols {
    pub group: String,
    pub decimal: String,
    pub minus: String,
    pub plus: String,
    /// The locale's digits 0-9 (its default numbering system).
    pub digits: [char; 10],
    /// Digits in the first group (3) and the others (3; en-IN 2).
    pub primary: usize,
    pub secondary: usize,
    /// Integer digits needed before grouping applies (4; es, pl: 5).
    pub min_group_len: usize,
}

thread_local! {
    static SYMBOLS: RefCell<FxHashMap<String, Rc<NumberSymbols>>> = RefCell::default();
}

/// The decimal symbols of `locale` (cached).
pub fn number_symbols(locale: &str) -> Rc<NumberSymbols> {
    SYMBOLS.with(|m| {
        m.borrow_mut()
            .entry(locale.to_string())
            .or_insert_with(|| Rc::new(probe_symbols(locale)))
            .clone()
    })
}

fn probe_symbols(locale: &str) -> NumberSymbols {
    use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
    use icu_decimal::DecimalFormatter;
    let mut en = NumberSymbols {
        group: ",".into(),
        decimal: ".".into(),
        minus: "-".into(),
        plus: "+".into(),
        digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        primary: 3,
        secondary: 3,
        min_group_len: 4,
    };
    let prefs = locale_of(locale).into();
    let Ok(f) = DecimalFormatter::try_new(prefs, DecimalFormatterOptions::default()) else {
        return en;
    };
    let mut never = DecimalFormatterOptions::default();
    never.grouping_strategy = Some(GroupingStrategy::Never);
    let Ok(plain) = DecimalFormatter::try_new(locale_of(locale).into(), never) else {
        return en;
    };
    let fmt = |f: &DecimalFormatter, s: &str| {
        fixed_decimal::Decimal::try_from_str(s)
            .map(|d| f.format_to_string(&d))
            .unwrap_or_default()
    };
    // Digits: "1234567890" without grouping.
    let d: Vec<char> = fmt(&plain, "1234567890").chars().collect();
    if d.len() == 10 {
        en.digits = [d[9], d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]];
    }
    let is_digit = |c: char| en.digits.contains(&c);
    // Separators and group sizes: 1234567.891 → runs of digits and of separators.
    let s = fmt(&f, "1234567.891");
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in s.chars() {
        let dg = is_digit(c);
        match runs.last_mut() {
            Some((k, r)) if *k == dg => r.push(c),
            _ => runs.push((dg, c.to_string())),
        }
    }
    let digit_runs: Vec<usize> = runs
        .iter()
        .filter(|r| r.0)
        .map(|r| r.1.chars().count())
        .collect();
    let seps: Vec<&String> = runs.iter().filter(|r| !r.0).map(|r| &r.1).collect();
    if let (Some(dec), true) = (seps.last(), digit_runs.len() >= 2) {
        en.decimal = (*dec).clone();
        if seps.len() >= 2 {
            en.group = seps[0].clone();
            let ints = &digit_runs[..digit_runs.len() - 1];
            en.primary = ints[ints.len() - 1];
            en.secondary = if ints.len() >= 3 {
                ints[ints.len() - 2]
            } else {
                en.primary
            };
        }
    }
    // Minimum grouping: is 1234 grouped?
    let g = fmt(&f, "1234");
    if !g.chars().any(|c| !is_digit(c)) {
        en.min_group_len = 5;
    }
    let m = fmt(&f, "-1");
    let one = en.digits[1];
    if let Some(i) = m.find(one) {
        en.minus = m[..i].to_string();
    }
    let p = fmt(&f, "+1");
    if let Some(i) = p.find(one) {
        en.plus = p[..i].to_string();
    }
    en
}

/// The language identifier (no extensions) of a resolved locale string.
fn langid(locale: &str) -> LanguageIdentifier {
    LanguageIdentifier::try_from_str(locale).unwrap_or(LanguageIdentifier::UNKNOWN)
}

fn locale_of(locale: &str) -> Locale {
    Locale::try_from_str(locale).unwrap_or(Locale::UNKNOWN)
}

thread_local! {
    static PLURALS: RefCell<FxHashMap<(String, bool), Rc<PluralRules>>> = RefCell::default();
    static LISTS: RefCell<FxHashMap<(String, u8, u8), Rc<ListFormatter>>> = RefCell::default();
    static COLLATORS: RefCell<FxHashMap<(String, CollatorKey), Rc<CollatorBorrowed<'static>>>> =
        RefCell::default();
}

/// The plural category (`one`, `few`, ...) of a number already formatted as ECMA-402's
/// PluralRules formats it (plain digits, `.` decimal point, no grouping), in `locale`.
pub fn plural_category(locale: &str, ordinal: bool, formatted: &str) -> &'static str {
    let rules = PLURALS.with(|m| {
        m.borrow_mut()
            .entry((locale.to_string(), ordinal))
            .or_insert_with(|| {
                let opts = PluralRulesOptions::default().with_type(if ordinal {
                    PluralRuleType::Ordinal
                } else {
                    PluralRuleType::Cardinal
                });
                let rules = PluralRules::try_new(locale_of(locale).into(), opts)
                    .or_else(|_| PluralRules::try_new(Locale::UNKNOWN.into(), opts));
                Rc::new(rules.unwrap_or_else(|_| {
                    // Root data is always compiled in; this is unreachable in practice.
                    PluralRules::try_new(Default::default(), Default::default())
                        .unwrap_or_else(|_| unreachable_rules())
                }))
            })
            .clone()
    });
    let Ok(d) = fixed_decimal::Decimal::try_from_str(formatted) else {
        return "other";
    };
    match rules.category_for(&d) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The plural category of `significand` × 10^`exp` written in compact notation (the CLDR
/// operand `c`/`e` is `exp`).
pub fn plural_category_exp(
    locale: &str,
    ordinal: bool,
    significand: &str,
    exp: u8,
) -> &'static str {
    let Ok(d) = fixed_decimal::UnsignedDecimal::try_from_str(significand) else {
        return "other";
    };
    let ops = icu_plurals::PluralOperands::from_significand_and_exponent(&d, exp);
    // The rules are cached by `plural_category`.
    plural_category(locale, ordinal, "0");
    let rules = PLURALS.with(|m| m.borrow().get(&(locale.to_string(), ordinal)).cloned());
    match rules.map(|r| r.category_for(ops)) {
        Some(PluralCategory::Zero) => "zero",
        Some(PluralCategory::One) => "one",
        Some(PluralCategory::Two) => "two",
        Some(PluralCategory::Few) => "few",
        Some(PluralCategory::Many) => "many",
        _ => "other",
    }
}

#[cold]
fn unreachable_rules() -> PluralRules {
    panic!("ICU4X compiled plural data is missing")
}

/// The plural categories `locale` uses, in CLDR order (resolvedOptions().pluralCategories).
pub fn plural_categories(locale: &str, ordinal: bool) -> Vec<&'static str> {
    // Probe the category of representative numbers: every category CLDR defines has a
    // sample among these.
    let mut seen = Vec::new();
    let samples = (0..=200).map(|i| i.to_string()).chain(
        [
            "0.0",
            "0.1",
            "0.5",
            "1.0",
            "1.5",
            "2.0",
            "2.5",
            "3.5",
            "10.0",
            "1000000",
            "0.01",
            "1.1",
            "2.1",
            "1000000.0",
        ]
        .map(String::from),
    );
    for s in samples {
        let c = plural_category(locale, ordinal, &s);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    let order = ["zero", "one", "two", "few", "many", "other"];
    order.into_iter().filter(|c| seen.contains(c)).collect()
}

/// ListFormat's `format`: `kind` 0 conjunction, 1 disjunction, 2 unit; `style` 0 long,
/// 1 short, 2 narrow.
pub fn list_format(locale: &str, kind: u8, style: u8, items: &[String]) -> String {
    let f = LISTS.with(|m| {
        m.borrow_mut()
            .entry((locale.to_string(), kind, style))
            .or_insert_with(|| {
                let length = match style {
                    0 => ListLength::Wide,
                    1 => ListLength::Short,
                    _ => ListLength::Narrow,
                };
                let opts = ListFormatterOptions::default().with_length(length);
                let prefs = locale_of(locale).into();
                let f = match kind {
                    0 => ListFormatter::try_new_and(prefs, opts),
                    1 => ListFormatter::try_new_or(prefs, opts),
                    _ => ListFormatter::try_new_unit(prefs, opts),
                };
                Rc::new(f.unwrap_or_else(|_| {
                    ListFormatter::try_new_and(Default::default(), opts)
                        .unwrap_or_else(|_| panic!("ICU4X compiled list data is missing"))
                }))
            })
            .clone()
    });
    f.format_to_string(items.iter().map(|s| s.as_str()))
}

/// The options of a collator that change the order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CollatorKey {
    /// 0 base, 1 accent, 2 case, 3 variant.
    pub sensitivity: u8,
    pub numeric: bool,
    /// 0 false (the locale's default), 1 upper, 2 lower.
    pub case_first: u8,
    pub ignore_punctuation: bool,
}

fn collator(locale: &str, key: CollatorKey) -> Rc<CollatorBorrowed<'static>> {
    COLLATORS.with(|m| {
        m.borrow_mut()
            .entry((locale.to_string(), key))
            .or_insert_with(|| {
                let mut prefs: CollatorPreferences = locale_of(locale).into();
                if key.numeric {
                    prefs.numeric_ordering = Some(CollationNumericOrdering::True);
                }
                prefs.case_first = match key.case_first {
                    1 => Some(CollationCaseFirst::Upper),
                    2 => Some(CollationCaseFirst::Lower),
                    _ => prefs.case_first,
                };
                let mut opts = CollatorOptions::default();
                match key.sensitivity {
                    0 => opts.strength = Some(Strength::Primary),
                    1 => opts.strength = Some(Strength::Secondary),
                    2 => {
                        opts.strength = Some(Strength::Primary);
                        opts.case_level = Some(CaseLevel::On);
                    }
                    _ => opts.strength = Some(Strength::Tertiary),
                }
                // Explicit both ways: Thai's data defaults to shifted.
                opts.alternate_handling = Some(if key.ignore_punctuation {
                    AlternateHandling::Shifted
                } else {
                    AlternateHandling::NonIgnorable
                });
                let c = CollatorBorrowed::try_new(prefs, opts)
                    .or_else(|_| CollatorBorrowed::try_new(Default::default(), opts));
                Rc::new(c.unwrap_or_else(|_| panic!("ICU4X compiled collation data is missing")))
            })
            .clone()
    })
}

/// Intl.Collator's compare / String.prototype.localeCompare on UTF-16 strings.
pub fn collator_compare(locale: &str, key: CollatorKey, a: &[u16], b: &[u16]) -> Ordering {
    collator(locale, key).compare_utf16(a, b)
}

/// toLocaleLowerCase / toLocaleUpperCase with the language's rules (Turkish dotless i,
/// Lithuanian dots, Greek accents).
pub fn locale_case(locale: &str, s: &str, upper: bool) -> String {
    let cm = icu_casemap::CaseMapper::new();
    let id = langid(locale);
    if upper {
        cm.uppercase_to_string(s, &id).into_owned()
    } else {
        cm.lowercase_to_string(s, &id).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural_category("ru", false, "3"), "few");
        assert_eq!(plural_category("ru", false, "5"), "many");
        assert_eq!(plural_category("en", false, "1"), "one");
        assert_eq!(plural_category("en", false, "1.0"), "other");
        assert_eq!(plural_category("en", true, "22"), "two");
        assert_eq!(
            plural_categories("en", true),
            ["one", "two", "few", "other"]
        );
    }

    #[test]
    fn symbols() {
        let de = number_symbols("de");
        assert_eq!((de.group.as_str(), de.decimal.as_str()), (".", ","));
        let inr = number_symbols("en-IN");
        assert_eq!((inr.primary, inr.secondary), (3, 2));
        assert_eq!(number_symbols("es").min_group_len, 5);
        assert_eq!(number_symbols("sv").minus, "\u{2212}");
    }

    #[test]
    fn lists_collation_case() {
        let items = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(list_format("de", 0, 0, &items), "a, b und c");
        let k = CollatorKey {
            sensitivity: 3,
            ..Default::default()
        };
        let u = |s: &str| s.encode_utf16().collect::<Vec<_>>();
        assert_eq!(
            collator_compare("sv", k, &u("ä"), &u("o")),
            Ordering::Greater
        );
        assert_eq!(collator_compare("de", k, &u("ä"), &u("o")), Ordering::Less);
        assert_eq!(locale_case("tr", "I", false), "ı");
        assert_eq!(canonicalize_tag("EN-us").as_deref(), Some("en-US"));
        assert_eq!(canonicalize_tag("iw").as_deref(), Some("he"));
        assert_eq!(canonicalize_tag("en_US"), None);
    }
}

/// Collects the text an ICU4X formatter writes, with the spans of its parts (for
/// `formatToParts`).
#[derive(Default)]
pub(crate) struct PartsCollector {
    pub out: String,
    pub spans: Vec<(usize, usize, writeable::Part)>,
}

impl std::fmt::Write for PartsCollector {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

impl writeable::PartsWrite for PartsCollector {
    type SubPartsWrite = PartsCollector;
    fn with_part(
        &mut self,
        part: writeable::Part,
        mut f: impl FnMut(&mut Self::SubPartsWrite) -> std::fmt::Result,
    ) -> std::fmt::Result {
        let start = self.out.len();
        f(self)?;
        self.spans.push((start, self.out.len(), part));
        Ok(())
    }
}
